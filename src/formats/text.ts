/**
 * Plain text in the seed's shape: markdown headings, narrative paragraphs, tables as tab-separated rows
 * (header grid first, merged cells written once). Readable in a diff, so golden files use it.
 */
import { DRAFT_MARK, type Disclosure, documentKind } from "../core/disclosure.ts";
import { formatIn } from "../core/money.ts";
import { type DisclosureTable, headerGrid } from "../core/table.ts";

export function tableToText(t: DisclosureTable): string {
  const width = t.columns.length;
  const lines = [...(t.printedNumber ? [t.printedNumber, ""] : []), `## ${t.title}`, "", `${t.unitNameLabel}：${t.unitName}`, "", `单位：${t.unit}`, ""];
  for (const row of headerGrid(t.header, width)) lines.push(row.map((c) => c?.text ?? "").join("\t"));
  for (const row of t.rows) lines.push(row.cells.map((c) => (c === null ? "" : typeof c === "number" ? formatIn(t.unit, c as never, false) : c)).join("\t"));
  if (t.note) lines.push("", `说明：${t.note}`);
  return `${lines.join("\n")}\n`;
}

export function renderText(d: Disclosure): string {
  const out: string[] = [...(d.draft ? [`【${DRAFT_MARK}】`, ""] : []), `# ${d.scope.name}`, "", `## ${documentKind(d).cover}`, "", ...(d.provenance ? [`说明：${d.provenance}`, ""] : [])];
  for (const p of d.narrative.parts) {
    out.push(`# ${p.title}`, "");
    for (const s of p.sections) {
      out.push(`### ${s.title}`, "");
      for (const para of s.paragraphs) out.push(para, "");
    }
  }
  out.push(`# 附件：${d.scope.name}${d.kind ? d.kind.attachments : `${d.year}年度预算表`}`, "");
  for (const t of d.tables) out.push(tableToText(t));
  return out.join("\n");
}
