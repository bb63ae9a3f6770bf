/**
 * 评估表 rows from audited documents: what a document states about its 批复 and its publication, and the
 * row of `src/core/scorecard.ts` for a document, its summary and its findings.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { ScorecardRow, StatedDates } from "../../core/scorecard.ts";
import { daysBetween } from "../../core/workflow.ts";
import type { ImportedDocument } from "../core/document.ts";
import { documentSections } from "../core/document.ts";
import { type DocumentSummary, templateName } from "./summary.ts";

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

