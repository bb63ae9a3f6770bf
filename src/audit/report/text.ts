/** 文本报告 — findings grouped by severity and rule, each with its place, expected and actual values. */
import type { Finding } from "../../core/rules/finding.ts";
import { findingGroupLines } from "../../formats/findings-text.ts";
import { describeAuditLocation } from "./describe.ts";
import { type DocumentSummary, summaryLine } from "./summary.ts";

export function formatAuditReport(summary: DocumentSummary, findings: readonly Finding[]): string {
  return [summaryLine(summary), ...findingGroupLines(findings, describeAuditLocation)].join("\n");
}
