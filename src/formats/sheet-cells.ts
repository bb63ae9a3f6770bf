/**
 * A spreadsheet cell as the importers read it (ExcelJS), and a column's letter — one definition for every
 * XLSX/CSV reader (the entry workbook, treasury payments, catalogs, the bureau desk's batch import).
 */
import type ExcelJS from "exceljs";

/** What a cell holds once read: text, a number, a date, or nothing. */
export type RawCell = string | number | Date | null | undefined;

/** The column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A cell's value: a formula's cached result, rich text joined, a hyperlink's text. */
export function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    if ("result" in v) return cellValue(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
  }
  return String(v);
}
