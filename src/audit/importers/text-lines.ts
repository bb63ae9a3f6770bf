/**
 * 文本行 — the plain-text importer's first pass: each line classified as a markdown heading, a table row
 * (tab-separated cells), a blank, or text; with the size limits that keep a hostile file bounded.
 */
import type { Finding } from "../../core/rules/finding.ts";
import { readingProblem } from "../core/reading.ts";

export type Line =
  | { kind: "heading"; line: number; level: number; text: string }
  | { kind: "row"; line: number; cells: string[] }
  | { kind: "blank"; line: number }
  | { kind: "text"; line: number; text: string };

export interface TextLimits {
  /** characters read from the file; the rest is reported and left out */
  maxChars: number;
  /** characters of one line */
  maxLineLength: number;
  /** cells of one table row */
  maxCells: number;
}

export const TEXT_LIMITS: TextLimits = { maxChars: 20_000_000, maxLineLength: 200_000, maxCells: 2_000 };

/** Removes the HTML tags some conversions leave in cells ("<p>注：…</p>") and markdown bold marks. */
export function cleanCell(text: string): string {
  const t = text.replace(/<\/?[a-zA-Z][^<>]{0,80}>/g, "").trim();
  return t.length > 4 && t.startsWith("**") && t.endsWith("**") ? t.slice(2, -2).trim() : t;
}

/** A heading's text without markdown marks (closing #s too); written without backtracking regexes. */
function headingText(text: string): string {
  let t = text.replace(/\*\*/g, "").trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === "#") end--;
  if (end < t.length && (end === 0 || /\s/.test(t[end - 1]!))) t = t.slice(0, end);
  return t.trim();
}

export function classifyLines(file: string, text: string, limits: TextLimits, problems: Finding[]): Line[] {
  let body = text.replace(/^\uFEFF/, "");
  if (body.length > limits.maxChars) {
    problems.push(
      readingProblem("read.too-large", `文件超过 ${limits.maxChars} 个字符，其后内容未读取 / the file exceeds ${limits.maxChars} characters; the rest was not read`, { file }, {
        actual: String(body.length),
      }),
    );
    body = body.slice(0, limits.maxChars);
  }
  const raw = body.split(/\r\n|\r|\n/);
  const out: Line[] = [];
  raw.forEach((source, i) => {
    const line = i + 1;
    let s = source;
    if (s.length > limits.maxLineLength) {
      problems.push(
        readingProblem("read.line-truncated", `第 ${line} 行超过 ${limits.maxLineLength} 个字符，已截断 / line ${line} exceeds ${limits.maxLineLength} characters and was cut`, { file, line }, {
          actual: String(s.length),
        }),
      );
      s = s.slice(0, limits.maxLineLength);
    }
    if (s.includes("\t")) {
      let cells = s.split("\t");
      if (cells.length > limits.maxCells) {
        problems.push(
          readingProblem("read.row-truncated", `第 ${line} 行有 ${cells.length} 个单元格，仅读取前 ${limits.maxCells} 个 / line ${line} has ${cells.length} cells; only the first ${limits.maxCells} were read`, { file, line }),
        );
        cells = cells.slice(0, limits.maxCells);
      }
      out.push({ kind: "row", line, cells: cells.map(cleanCell) });
      return;
    }
    const t = s.trim();
    const h = /^(#{1,6})(?:\s+(.*))?$/.exec(t);
    if (h) out.push({ kind: "heading", line, level: h[1]!.length, text: headingText(h[2] ?? "") });
    else if (t === "") out.push({ kind: "blank", line });
    else out.push({ kind: "text", line, text: cleanCell(t) });
  });
  return out;
}
