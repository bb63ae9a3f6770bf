/**
 * 依据 OCR 的发现 — a finding that rests on a figure read by OCR says so: its `ocr` field is set and its
 * message ends with a note. A finding rests on an OCR figure when its place is on a page read by OCR, or
 * when it names a table (by its label) printed on such a page — a check across tables is located at one
 * table and may use the other's figures, so both tables' pages count.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { ImportedDocument } from "./document.ts";
import type { Interpretation } from "./semantic.ts";

export const OCR_NOTE = "（依据 OCR 识别的数字，请核对原件 / rests on figures read by OCR: check against the original）";

export function markOcrFindings(findings: readonly Finding[], document: ImportedDocument, tables: Interpretation): Finding[] {
  const ocrPages = new Set(document.files.flatMap((f) => f.parts.filter((p) => p.ocr).map((p) => `${f.name}|${p.index}`)));
  if (ocrPages.size === 0) return [...findings];
  const onOcrPage = (file: string | undefined, page: number | undefined) => page !== undefined && [...ocrPages].some((k) => k === `${file ?? ""}|${page}` || (file === undefined && k.endsWith(`|${page}`)));
  const ocrTables = tables.tables
    .filter((t) => [t.raw.place, ...t.raw.body.map((r) => r.place)].some((p) => onOcrPage(p.file, p.page)))
    .map((t) => t.label);
  const mentionsOcrTable = (f: Finding) => ocrTables.some((label) => (f.location.kind === "table" && f.location.table === label) || f.message.includes(label));
  return findings.map((f) => {
    if (f.rule.startsWith("read.")) return f;
    const place = f.location.kind === "data" ? undefined : f.location;
    if (!(onOcrPage(place?.file, place?.page) || mentionsOcrTable(f))) return f;
    return { ...f, ocr: true, message: `${f.message}${OCR_NOTE}` };
  });
}
