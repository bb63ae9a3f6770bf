/**
 * 导入文件 — the imported-document model: what every importer (plain text now; PDF, HTML, XLSX and DOCX
 * later) produces and what interpretation reads. It keeps the document as printed — titles, cell texts and
 * paragraphs as strings, each with the place it was read from — and interprets nothing: numbers, columns
 * and subjects are the business of interpret.ts and claims.ts.
 *
 * One document may span several files (a narrative file and a tables file): an importer reads one file
 * into a `DocumentFile`; `assembleDocument` (assemble.ts) joins the files of one document and detects its
 * template, year and department.
 */
import type { Finding } from "../../core/rules/finding.ts";

/** 金额单位 — the money unit a table states ("单位：万元" / "单位：元"). */
export type MoneyUnit = "元" | "万元";

/**
 * 来源位置 — where a thing was read: the file and a page (PDF, DOCX), a sheet and cell (XLSX) or a line
 * (plain text). Importers fill what they know.
 */
export interface SourcePlace {
  file: string;
  /** 1-based page (PDF, DOCX) */
  page?: number;
  /** sheet name (XLSX) */
  sheet?: string;
  /** 1-based line (plain text) */
  line?: number;
  /** A1 reference of a sheet cell (XLSX) */
  cell?: string;
}

/** The file formats importers read. */
export type FileFormat = "text" | "pdf" | "html" | "xlsx" | "docx" | "json";

/** 页 / 工作表 — one physical part of a file: a PDF page, an XLSX sheet, or the whole of a text file. */
export interface FilePart {
  kind: "page" | "sheet" | "whole";
  /** 1-based page number or sheet position; 1 for a whole file */
  index: number;
  /** sheet name, when it has one */
  name?: string;
  /** false when it could not be read (a scanned page, a broken sheet): a reading problem says why */
  read: boolean;
  /** 经 OCR 识别 — a scanned page read by OCR: its figures may be misread */
  ocr?: boolean;
}

/** A line of text as printed, with its place (a note under a table, an entry of the contents). */
export interface RawText {
  text: string;
  place: SourcePlace;
}

/** 表格行 — one printed row of a table: cell texts as printed (trimmed), left to right. */
export interface RawRow {
  cells: string[];
  /** where the row starts (text line, sheet row, page) */
  place: SourcePlace;
  /** per-cell places, when the importer knows them (XLSX A1 cells, PDF pages of a split row) */
  cellPlaces?: readonly (SourcePlace | undefined)[];
}

/**
 * 原始表格 — a table as printed: its title line, the 单位名称 and 单位 lines above it, header rows (printed
 * headings, merged cells written once with blanks where the merge covers) and body rows, and the notes
 * (说明/注) printed with it. Header and body are the importer's best split (header.ts `splitHeader`);
 * interpretation may look at both.
 */
export interface RawTable {
  /** 表名 as printed, markdown marks removed, e.g. "2021年部门收支总体情况表" */
  title: string;
  /** where the title is printed */
  place: SourcePlace;
  /** 单位名称 as printed ("单位名称：…"), when printed */
  unitName?: string;
  /** 金额单位 from the unit line; undefined when the table prints none */
  unit?: MoneyUnit;
  /** the unit line as printed, e.g. "单位：万元" */
  unitText?: string;
  header: RawRow[];
  body: RawRow[];
  /** 说明 / 注 printed under or inside the table, e.g. "说明：本单位2021年无政府性基金支出。" */
  notes: RawText[];
}

/** 段落 — a narrative paragraph; lines broken mid-sentence by the source are joined back. */
export interface Paragraph {
  text: string;
  /** where the paragraph starts */
  place: SourcePlace;
  /** every source line joined into it (text files), first to last */
  lines?: number[];
}

/** 情况说明的一节 — a narrative section: its heading path and paragraphs. */
export interface NarrativeSection {
  /** headings from the outermost down, e.g. ["第二部分", "…预算情况说明", "一、收入支出预算总体情况说明"] */
  path: string[];
  /** the innermost heading ("" for text before any heading) */
  heading: string;
  place: SourcePlace;
  paragraphs: Paragraph[];
}

/** 文件 — one imported file: its parts, tables, narrative sections and reading problems. */
export interface DocumentFile {
  /** the file name as given (a path) */
  name: string;
  format: FileFormat;
  parts: FilePart[];
  tables: RawTable[];
  sections: NarrativeSection[];
  /** 读取问题 — what could not be read, as findings (rule ids `read.*`, see reading.ts) */
  problems: Finding[];
}

/** 公开模板 — the template a document follows: a registry id (src/core/templates), or "unknown". */
export type Template = string;

/** What the document says about itself, detected from its titles and headings. */
export interface DocumentMeta {
  template: Template;
  /** 预算年度, from the table titles and headings */
  year?: number;
  /** 部门名称, from the 单位名称 lines or the cover heading */
  department?: string;
  /** table titles listed in the contents (目录) or elsewhere in the text without the table following */
  contents: RawText[];
}

/** 公开文件 — one imported document: one or more files read as a whole. */
export interface ImportedDocument {
  /** a name for reports: the file name, or the common stem of several files */
  name: string;
  files: DocumentFile[];
  meta: DocumentMeta;
}

/** Every table of the document, file by file in print order. */
export function documentTables(doc: ImportedDocument): RawTable[] {
  return doc.files.flatMap((f) => f.tables);
}

/** Every narrative section of the document, file by file in print order. */
export function documentSections(doc: ImportedDocument): NarrativeSection[] {
  return doc.files.flatMap((f) => f.sections);
}

/** Every reading problem of the document. */
export function documentProblems(doc: ImportedDocument): Finding[] {
  return doc.files.flatMap((f) => f.problems);
}

/** True when nothing at all could be read: no table and no narrative in any file. */
export function isUnreadable(doc: ImportedDocument): boolean {
  return doc.files.every((f) => f.tables.length === 0 && f.sections.every((s) => s.paragraphs.length === 0));
}
