/** 审核摘要 — what a report says about each document: its files, template, year, department and counts. */
import type { Finding, Severity } from "../../core/rules/finding.ts";
import type { ImportedDocument } from "../core/document.ts";
import { isUnreadable } from "../core/document.ts";
import { findTemplate } from "../../core/templates/index.ts";

export interface DocumentSummary {
  name: string;
  files: string[];
  template: string;
  year?: number;
  department?: string;
  tables: number;
  /** nothing could be read: the document was not audited */
  unreadable: boolean;
  counts: Record<Severity, number>;
}

/** A template's name as people say it ("河南13张表"): the registry's, or 未能识别 for an unknown one. */
export function templateName(id: string): string {
  return findTemplate(id)?.shortName ?? "未能识别的公开模板 / unknown template";
}

export function summarise(doc: ImportedDocument, findings: readonly Finding[]): DocumentSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    name: doc.name,
    files: doc.files.map((f) => f.name),
    template: doc.meta.template,
    ...(doc.meta.year !== undefined ? { year: doc.meta.year } : {}),
    ...(doc.meta.department ? { department: doc.meta.department } : {}),
    tables: doc.files.reduce((n, f) => n + f.tables.length, 0),
    unreadable: isUnreadable(doc),
    counts: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}

/** One line: "某局2021.txt · 洛龙区… 2021年 · 河南13张表 · 12张表 · 错误 3 · 警告 5 · 提示 10". */
export function summaryLine(s: DocumentSummary): string {
  if (s.unreadable) return `${s.name} · 无法读取，未审核 / unreadable, not audited · 错误 / errors ${s.counts.error}`;
  const what = [s.department, s.year !== undefined ? `${s.year}年` : ""].filter(Boolean).join(" ");
  return [s.name, what, templateName(s.template), `${s.tables}张表 / tables`, `错误 / errors ${s.counts.error} · 警告 / warnings ${s.counts.warning} · 提示 / info ${s.counts.info}`].filter(Boolean).join(" · ");
}
