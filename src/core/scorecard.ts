/**
 * 评估表 — an evaluator's scorecard over a region's audited documents: one row per document (one
 * department's or unit's disclosure) with its template, year, the tables it prints and the ones it lacks,
 * its findings by severity, and what it states about its own dates — the 批复 (its reference and date) and
 * the date it was published — so the 20-day rule of 预算法第十四条 can be read off where both are stated.
 * The row, its columns and the CSV live here, for the command line, the server and the web app alike; the
 * audit fills the rows (src/audit/report/scorecard.ts).
 */
import { stringify } from "csv-stringify/sync";
import type { Severity } from "./rules/finding.ts";
import { PUBLICATION_DEADLINE_DAYS } from "./workflow.ts";

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

/** 是否在20日内公开: "是", "否（35天）", or "" when the document does not state both dates. */
export function deadlineText(r: ScorecardRow): string {
  if (r.daysToPublish === undefined) return "";
  return r.daysToPublish <= PUBLICATION_DEADLINE_DAYS ? "是" : `否（${r.daysToPublish}天）`;
}

/** The scorecard's columns, as every format prints them. */
export const SCORECARD_COLUMNS: readonly { title: string; value: (r: ScorecardRow) => string | number }[] = [
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
  return `\uFEFF${stringify([SCORECARD_COLUMNS.map((c) => c.title), ...rows.map((r) => SCORECARD_COLUMNS.map((c) => cell(c.value(r))))])}`;
}

