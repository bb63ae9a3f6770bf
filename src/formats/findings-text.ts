/** Findings as terminal text: grouped by severity, then rule, each with its place, expected and actual. */
import type { Finding, Location } from "../core/rules/finding.ts";
import { SEVERITIES, SEVERITY_NAMES } from "../core/rules/finding.ts";

/** The grouped lines shared by `yusuan check` and `yusuan audit`; `describe` says where a finding is. */
export function findingGroupLines(findings: readonly Finding[], describe: (l: Location) => string): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${SEVERITY_NAMES[severity]} / ${severity} (${group.length})`);
    let lastRule = "";
    for (const f of group) {
      if (f.rule !== lastRule) lines.push(`  [${f.rule}]`);
      lastRule = f.rule;
      lines.push(`    ${f.message}`, `      位置 / at: ${describe(f.location)}`);
      if (f.expected !== undefined || f.actual !== undefined) lines.push(`      应为 / expected: ${f.expected ?? "—"}   实为 / actual: ${f.actual ?? "—"}`);
    }
  }
  if (findings.length === 0) lines.push("", "未发现问题 / no findings");
  return lines;
}
