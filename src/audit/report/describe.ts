/**
 * 位置描述 — a finding's location as a person reads it: the file and line (or page, or sheet and cell), then
 * the table, printed row and column, or the narrative section and the sentence quoted.
 */
import type { Location } from "../../core/rules/finding.ts";

function place(l: { file?: string; page?: number; sheet?: string; cell?: string; line?: number }): string {
  const where = l.sheet ? `${l.sheet}!${l.cell ?? ""}` : l.page !== undefined ? `第${l.page}页 / p.${l.page}` : l.line !== undefined ? `第${l.line}行 / line ${l.line}` : "";
  return [l.file ?? "", where].filter(Boolean).join(":");
}

/** At most `n` characters of a quote, with an ellipsis. */
function clip(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function describeAuditLocation(l: Location): string {
  switch (l.kind) {
    case "data":
      return [l.file ?? "", l.line !== undefined ? `第${l.line}行` : "", l.path].filter(Boolean).join(" · ");
    case "table":
      return [place(l), l.table, l.row !== undefined ? `表内第${l.row + 1}行 / row ${l.row + 1}` : "", l.column ? `“${l.column}”栏` : ""].filter(Boolean).join(" · ");
    case "text":
      return [place(l), l.section, l.quote ? `“${clip(l.quote)}”` : ""].filter(Boolean).join(" · ");
  }
}
