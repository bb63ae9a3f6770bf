/** 文本报告 — findings grouped by severity and rule, each with its place, expected and actual values. */
import type { Finding } from "../../core/rules/finding.ts";
import { SEVERITIES, SEVERITY_NAMES } from "../../core/rules/finding.ts";
import { describeAuditLocation } from "./describe.ts";
import { type DocumentSummary, summaryLine } from "./summary.ts";

export function formatAuditReport(summary: DocumentSummary, findings: readonly Finding[]): string {
  const lines = [summaryLine(summary)];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${SEVERITY_NAMES[severity]} / ${severity} (${group.length})`);
    let lastRule = "";
    for (const f of group) {
      if (f.rule !== lastRule) lines.push(`  [${f.rule}]`);
      lastRule = f.rule;
      lines.push(`    ${f.message}`, `      位置 / at: ${describeAuditLocation(f.location)}`);
      if (f.expected !== undefined || f.actual !== undefined) lines.push(`      应为 / expected: ${f.expected ?? "—"}   实为 / actual: ${f.actual ?? "—"}`);
    }
  }
  if (findings.length === 0) lines.push("", "未发现问题 / no findings");
  return lines.join("\n");
}
