/**
 * 表头 — where a printed table's header ends, and the header grid flattened by column position: each
 * column's path of headings from the top ("支出 / 一般公共预算 / 财政拨款"), whatever the merged cells were.
 */

/** "** ** 1 2 3 …": the column-number row some tables print under the header. */
export function isColumnNumberRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length === 0) return false;
  if (!filled.every((c) => /^\*{1,3}$|^\d{1,2}$/.test(c))) return false;
  const numbers = filled.filter((c) => /^\d/.test(c)).map(Number);
  return filled.some((c) => c.startsWith("*")) || numbers.every((n, i) => n === (numbers[0] ?? 1) + i);
}

// 合计, or a side's total (收入总计, 支出合计, 本年收入合计 …): an empty table's total row starts its body
const TOTAL_LABEL = /^((本年|当年)?(收\s*入|支\s*出))?(合\s*计|总\s*计|共\s*计|小\s*计)[:：]?$/;
const AMOUNT = /^[-－]?[\d,，]+\.\d+$/;
const CODE = /^\d{3,}(-\d+)?$/;
const YEAR_LABEL = /^\d{4}\s*年/;
const NUMBERED = /^([一二三四五六七八九十]{1,3}|\d{1,2})、\S/;

/** Does a row start the body: a total label first, a code in the first columns, an amount, a year label? */
export function looksLikeBodyRow(cells: readonly string[]): boolean {
  if (isColumnNumberRow(cells)) return false;
  const first = (cells[0] ?? "").trim();
  if (TOTAL_LABEL.test(first) || YEAR_LABEL.test(first)) return !headsColumns(cells);
  if (cells.slice(0, 4).some((c) => CODE.test(c.trim()))) return true;
  // numbered row labels ("一、基本支出", "1、因公出国（境）费用") never head a column
  if (cells.some((c) => NUMBERED.test(c.trim()))) return true;
  return cells.some((c) => AMOUNT.test(c.trim()));
}

/**
 * A row that starts with 合计 yet heads columns: no amount or code anywhere, and at least two other
 * headings beside it that are not totals themselves (Shanghai's "三公" table: 合计 | 因公出国(境)费 |
 * 公务接待费 | 公务用车购置及运行费). An empty table's total row (合计 and blanks) stays a body row.
 */
function headsColumns(cells: readonly string[]): boolean {
  const rest = cells.slice(1).map((c) => c.trim()).filter((c) => c !== "");
  if (rest.some((c) => AMOUNT.test(c) || CODE.test(c) || TOTAL_LABEL.test(c) || YEAR_LABEL.test(c) || /合\s*计$|总\s*计$/.test(c))) return false;
  return rest.length >= 2;
}

/** Headers are a few rows; beyond this many, rows are body even if they look like headings. */
export const MAX_HEADER_ROWS = 8;

/** Splits printed rows into header rows (up to the first body-like row, at most 8) and body rows. */
export function splitHeader<T extends { cells: string[] }>(rows: readonly T[]): { header: T[]; body: T[] } {
  const limit = Math.min(rows.length, MAX_HEADER_ROWS + 1);
  let i = 0;
  while (i < limit && !looksLikeBodyRow(rows[i]!.cells)) i++;
  if (i === rows.length) return { header: [...rows], body: [] };
  const at = Math.min(i, MAX_HEADER_ROWS);
  return { header: rows.slice(0, at), body: rows.slice(at) };
}

/** A header text compared without spaces, markdown or the "其中：" lead. */
export function normaliseHeading(text: string): string {
  return text.replace(/[\s*]/g, "").replace(/^其中[:：]/, "").replace(/\(/g, "（").replace(/\)/g, "）");
}

/**
 * Each column's heading path, top to bottom. A blank header cell belongs to the merged cell on its left
 * when that cell heads a group (it has headings below it) and the blank one has headings below too; a
 * blank with nothing below is the continuation of a cell merged downwards and adds nothing.
 */
export function columnPaths(header: readonly (readonly string[])[], width: number): string[][] {
  const rows = header.filter((r) => !isColumnNumberRow(r));
  const text = (r: number, c: number) => normaliseHeading(rows[r]?.[c] ?? "");
  const hasBelow = (r: number, c: number) => {
    for (let k = r + 1; k < rows.length; k++) if (text(k, c) !== "") return true;
    return false;
  };
  const paths: string[][] = Array.from({ length: width }, () => []);
  for (let r = 0; r < rows.length; r++) {
    let group = "";
    let groupHasBelow = false;
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      if (t !== "") {
        group = t;
        groupHasBelow = hasBelow(r, c);
        paths[c]!.push(t);
      } else if (group !== "" && groupHasBelow && hasBelow(r, c)) {
        paths[c]!.push(group);
      } else {
        group = "";
      }
    }
  }
  return paths;
}
