/** 评估表 as files: XLSX and HTML (the CSV is in scorecard.ts), and the choice by file name. */
import ExcelJS from "exceljs";
import { escapeHtml } from "../../formats/html.ts";
import { storedText } from "../../formats/xlsx.ts";
import { SCORECARD_COLUMNS as COLUMNS, type ScorecardRow, scorecardCsv } from "../../core/scorecard.ts";

export async function scorecardXlsx(rows: readonly ScorecardRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Yusuan";
  const ws = wb.addWorksheet("评估表", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS.map((c, i) => ({ header: c.title, width: i === 0 || i === 1 ? 36 : i === 5 || i === 6 ? 30 : 14 }));
  ws.getRow(1).font = { bold: true };
  // text is stored as text (never a formula: exceljs writes a string as a shared string)
  for (const r of rows) ws.addRow(COLUMNS.map((c) => ((v) => (typeof v === "number" ? v : storedText(v)))(c.value(r))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function scorecardHtml(rows: readonly ScorecardRow[], title: string): string {
  const head = COLUMNS.map((c) => `<th>${escapeHtml(c.title)}</th>`).join("");
  const body = rows
    .map((r) => `<tr${r.counts.error > 0 || r.unreadable ? ' class="errors"' : ""}>${COLUMNS.map((c) => `<td>${escapeHtml(String(c.value(r)))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>评估表 / scorecard — ${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top}th{background:#eee}tr.errors td:nth-child(8){color:#b00;font-weight:bold}</style>
</head><body>
<h1>评估表 / scorecard</h1>
<p>${escapeHtml(title)} · ${rows.length} 份文件 / documents</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
</body></html>
`;
}

/** The scorecard in the format its file name asks for: .csv, .xlsx or .html/.htm. */
export async function scorecardFile(path: string, rows: readonly ScorecardRow[], title: string): Promise<string | Uint8Array> {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === "csv") return scorecardCsv(rows);
  if (ext === "xlsx") return scorecardXlsx(rows);
  if (ext === "html" || ext === "htm") return scorecardHtml(rows, title);
  throw new ScorecardFormatError(path);
}

export class ScorecardFormatError extends Error {
  constructor(readonly path: string) {
    super(`评估表只能写成 .csv、.xlsx 或 .html：${path} / the scorecard is written as .csv, .xlsx or .html: ${path}`);
  }
}
