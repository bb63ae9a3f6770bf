/**
 * 评估表 — an evaluator's scorecard over a region's audited documents: one row per document (one
 * department's or unit's disclosure) with its template, year, the tables it prints and the ones it lacks,
 * its findings by severity, and what it states about its own dates — the 批复 (its reference and date)
 * and the date it was published — so the 20-day rule of 预算法第十四条 can be read off where both are
 * stated. Written as CSV, XLSX or HTML (`yusuan audit <dir> --scorecard out.xlsx`).
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Finding, Severity } from "../../core/rules/finding.ts";
import { PUBLICATION_DEADLINE_DAYS, daysBetween } from "../../core/workflow.ts";
import { escapeHtml } from "../../formats/html.ts";
import { storedText } from "../../formats/xlsx.ts";
import type { ImportedDocument } from "../core/document.ts";
import { documentSections } from "../core/document.ts";
import { type DocumentSummary, templateName } from "./summary.ts";

/** What a document says about its 批复 and its publication. */
export interface StatedDates {
  /** 批复文号 as printed, e.g. "苏财预〔2018〕13号" */
  approvalReference?: string;
  /** 批复日期 (ISO), when a sentence about the 批复 prints a full date */
  approvedOn?: string;
  /** 公开日期 (ISO): a date printed alone (the cover's or the closing date line) or after 公开/发布日期 */
  publishedOn?: string;
}

export interface ScorecardRow extends StatedDates {
  document: string;
  files: string[];
  department?: string;
  year?: number;
  /** the template's name as people say it, e.g. 河南13张表 */
  template: string;
  tablesPresent: number;
  /** tables of the template the document does not print (from the complete.tables findings) */
  tablesMissing: string[];
  /** narrative topics it does not explain (from the complete.sections findings) */
  sectionsMissing: string[];
  counts: Record<Severity, number>;
  unreadable: boolean;
  /** days from 批复 to 公开, when the document states both dates */
  daysToPublish?: number;
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_ALONE = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$/;
/**
 * A finance bureau's 批复文号: 苏财预〔2018〕13号, 豫财预[2021]5号, 普财预【2025】3号 — an issuer's short name
 * holding 财 (never the words before it, nor another office's 文号 such as 普发改投【2017】89号).
 */
const REFERENCE = /(?:(?![的批复和及于见按照据依])[\u4e00-\u9fa5]){0,4}财[\u4e00-\u9fa5]{0,3}[〔[【(（]\d{4}[〕\]】)）]\d{1,4}号/;

function iso(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const s = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).getUTCDate() !== day ? undefined : s;
}

/** The 批复 and publication dates a document's text states (sentences, lines printed alone). */
export function statedDates(texts: readonly string[]): StatedDates {
  const out: StatedDates = {};
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[。；;])/)) {
      if (/批复/.test(sentence)) {
        const ref = REFERENCE.exec(sentence.replace(/\s+/g, ""));
        if (ref && !out.approvalReference) out.approvalReference = ref[0];
        const d = DATE.exec(sentence);
        const date = d && iso(d[1]!, d[2]!, d[3]!);
        if (date && !out.approvedOn) out.approvedOn = date;
      }
      const stated = /(?:公开|发布)(?:日期|时间)[：:]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(sentence);
      const published = stated && iso(stated[1]!, stated[2]!, stated[3]!);
      if (published) out.publishedOn = published;
    }
    const alone = DATE_ALONE.exec(text);
    if (alone?.[3] && !out.publishedOn) out.publishedOn = iso(alone[1]!, alone[2]!, alone[3]);
  }
  return out;
}

/** Every text line of a document a date could be printed in: paragraphs, headings, table notes. */
function documentTexts(doc: ImportedDocument): string[] {
  const sections = documentSections(doc);
  return [
    ...sections.flatMap((s) => [...s.path, ...s.paragraphs.map((p) => p.text)]),
    ...doc.files.flatMap((f) => f.tables.flatMap((t) => t.notes.map((n) => n.text))),
    ...doc.meta.contents.map((c) => c.text),
  ];
}

const expectedOf = (findings: readonly Finding[], rule: string): string[] =>
  findings.filter((f) => f.rule === rule).map((f) => String(f.expected ?? f.message));

export function scorecardRow(doc: ImportedDocument, summary: DocumentSummary, findings: readonly Finding[]): ScorecardRow {
  const dates = statedDates(documentTexts(doc));
  const days = dates.approvedOn && dates.publishedOn ? daysBetween(dates.approvedOn, dates.publishedOn) : undefined;
  return {
    document: summary.name,
    files: summary.files,
    ...(summary.department ? { department: summary.department } : {}),
    ...(summary.year !== undefined ? { year: summary.year } : {}),
    template: templateName(summary.template),
    tablesPresent: summary.tables,
    tablesMissing: expectedOf(findings, "complete.tables"),
    sectionsMissing: expectedOf(findings, "complete.sections"),
    counts: summary.counts,
    unreadable: summary.unreadable,
    ...dates,
    ...(days !== undefined ? { daysToPublish: days } : {}),
  };
}

/** 是否在20日内公开: "是", "否（35天）", or "" when the document does not state both dates. */
export function deadlineText(r: ScorecardRow): string {
  if (r.daysToPublish === undefined) return "";
  return r.daysToPublish <= PUBLICATION_DEADLINE_DAYS ? "是" : `否（${r.daysToPublish}天）`;
}

const COLUMNS: readonly { title: string; value: (r: ScorecardRow) => string | number }[] = [
  { title: "文件 / document", value: (r) => r.document },
  { title: "部门 / department", value: (r) => r.department ?? "" },
  { title: "年度 / year", value: (r) => r.year ?? "" },
  { title: "表格样式 / template", value: (r) => (r.unreadable ? "无法读取 / unreadable" : r.template) },
  { title: "表格数 / tables", value: (r) => r.tablesPresent },
  { title: "缺少的表 / tables missing", value: (r) => r.tablesMissing.join("；") },
  { title: "缺少的说明 / sections missing", value: (r) => r.sectionsMissing.join("；") },
  { title: "错误 / errors", value: (r) => r.counts.error },
  { title: "警告 / warnings", value: (r) => r.counts.warning },
  { title: "提示 / info", value: (r) => r.counts.info },
  { title: "批复文号 / approval ref.", value: (r) => r.approvalReference ?? "" },
  { title: "批复日期 / approved on", value: (r) => r.approvedOn ?? "" },
  { title: "公开日期 / published on", value: (r) => r.publishedOn ?? "" },
  { title: `${PUBLICATION_DEADLINE_DAYS}日内公开 / within ${PUBLICATION_DEADLINE_DAYS} days`, value: deadlineText },
];

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) starts with an apostrophe,
 * so opening the CSV never runs what a document printed (OWASP "CSV injection").
 */
export function inert(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function scorecardCsv(rows: readonly ScorecardRow[]): string {
  const cell = (v: string | number) => (typeof v === "number" ? v : inert(v));
  // a BOM so that Excel opens the UTF-8 file as such
  return `\uFEFF${stringify([COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => cell(c.value(r))))])}`;
}

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
