/**
 * JSON 报告 — `{"findings": [...]}` exactly as `yusuan check --json` prints (rule, severity, message,
 * location, expected, actual), plus `documents`: one summary per document audited.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { DocumentSummary } from "./summary.ts";

export function auditJson(results: readonly { summary: DocumentSummary; findings: readonly Finding[] }[], across: readonly Finding[] = []): string {
  const shape = (f: Finding) => ({ rule: f.rule, severity: f.severity, message: f.message, location: f.location, expected: f.expected ?? null, actual: f.actual ?? null, ...(f.ocr ? { ocr: true } : {}) });
  return JSON.stringify(
    {
      findings: results.flatMap((r) => r.findings.map(shape)),
      documents: results.map((r) => r.summary),
      ...(across.length > 0 ? { acrossDocuments: across.map(shape) } : {}),
    },
    null,
    2,
  );
}
