/**
 * 块式文档 — what HTML, DOCX and XLSX come down to: headings, paragraphs and tables (grids of cell texts)
 * in reading order. This file turns such blocks into the document model the way the text and PDF
 * importers do: a table takes the title and 单位名称 / 单位 lines printed above it (or in its own first
 * rows, as web pages and workbooks often do) and the 说明 / 注 lines under it; headings open nested
 * sections; the other text becomes paragraphs.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { MoneyUnit, NarrativeSection, RawRow, RawTable, RawText, SourcePlace } from "../core/document.ts";
import { splitHeader } from "../core/header.ts";
import { classifyTitle } from "../core/titles.ts";
import { FURNITURE, NOTE } from "./furniture.ts";
import { importProblem } from "./problems.ts";
import { readMeta } from "./text-tables.ts";

export type Block =
  | { kind: "heading"; level: number; text: string; place: SourcePlace }
  /** a paragraph; `emphasis` when all of it is bold (a heading set as a bold paragraph) */
  | { kind: "text"; text: string; place: SourcePlace; emphasis?: boolean }
  | { kind: "table"; rows: RawRow[]; place: SourcePlace; caption?: string };

const HEADING_NUMBER = /^(第[一二三四五六七八九十百]+部分|附件|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

export interface Meta {
  unitName?: string;
  unit?: MoneyUnit;
  unitText?: string;
}

/** "部门：某某局", "编制单位：某某局", "填报单位（盖章）：某某局" — a name line readMeta does not know. */
const NAME_LINE = /^(?:编制|预算|填报)?(?:部门|单位)(?:（[^）]{1,6}）)?(?:名称)?[:：]\s*(\S.*)$/;

function addMeta(meta: Meta, text: string): boolean {
  // "单位名称：X单位：万元" printed as two pieces side by side reads as one string: set them apart
  const spaced = text.replace(/(?<=\S)(?<!预算|编制|金额)((?:金额)?单位[:：]\s*(?:万元|元))/g, "  $1");
  const m = readMeta(spaced);
  if (m && (m.unitName || m.unit)) {
    if (m.unitName !== undefined) meta.unitName ??= m.unitName;
    if (m.unit && !meta.unit) {
      meta.unit = m.unit;
      meta.unitText = m.unitText;
    }
    return true;
  }
  const pieces = spaced.split(/\s{2,}/);
  const name = NAME_LINE.exec(pieces[0]!.trim());
  if (!name || /^(万元|元)$/.test(name[1]!.trim())) return false;
  meta.unitName ??= name[1]!.trim();
  if (pieces.length > 1) addMeta(meta, pieces.slice(1).join("  "));
  return true;
}

/**
 * The title and 单位名称 / 单位 rows a table prints inside its own grid, above the header (web pages and
 * workbooks often do), taken off the rows.
 */
export function leadingRows<T extends { cells: string[]; place: SourcePlace }>(rows: readonly T[]): { rest: T[]; meta: Meta; title?: string; titlePlace?: SourcePlace } {
  const meta: Meta = {};
  let title: string | undefined;
  let titlePlace: SourcePlace | undefined;
  let i = 0;
  for (; i < rows.length; i++) {
    const filled = rows[i]!.cells.filter((c) => c !== "");
    if (filled.length === 0) continue;
    const trial: Meta = { ...meta };
    if (filled.every((c) => FURNITURE.test(c) || addMeta(trial, c))) {
      Object.assign(meta, trial);
      continue;
    }
    if (filled.length === 1 && !title && titleLike(filled[0]!, !!classifyTitle(filled[0]!))) {
      title = filled[0]!;
      titlePlace = rows[i]!.place;
      continue;
    }
    const joined: Meta = { ...meta };
    if (filled.length <= 2 && addMeta(joined, filled.join("  "))) {
      Object.assign(meta, joined);
      continue;
    }
    break;
  }
  return { rest: rows.slice(i), meta, ...(title !== undefined ? { title, titlePlace } : {}) };
}

function titleLike(text: string, strong: boolean): boolean {
  if (text.length === 0 || text.length > 80 || NOTE.test(text) || /[。；，]$/.test(text)) return false;
  return strong || !!classifyTitle(text);
}

/** Level of a bold paragraph taken for a heading, from its numbering. */
function emphasisLevel(text: string): number {
  if (/^(第[一二三四五六七八九十百]+部分|附件)/.test(text)) return 1;
  if (/^[一二三四五六七八九十]+、/.test(text)) return 2;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(text)) return 3;
  return 2;
}

export interface Assembled {
  tables: RawTable[];
  sections: NarrativeSection[];
}

export function assembleBlocks(file: string, blocks: readonly Block[], problems: Finding[]): Assembled {
  const consumed = new Uint8Array(blocks.length);
  const tables: RawTable[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== "table") return;
    const meta: Meta = {};
    let title = b.caption?.trim() ?? "";
    let titlePlace: SourcePlace | undefined;
    // title and unit rows printed inside the table, above its header
    const lead = leadingRows(b.rows);
    const rows = lead.rest;
    Object.assign(meta, lead.meta);
    if (!title && lead.title) {
      title = lead.title;
      titlePlace = lead.titlePlace;
    }
    // a grid of nothing but a title or unit lines is no table
    if (rows.length === 0) return;
    // above: furniture and unit lines, then the title
    let k = i - 1;
    for (; k >= 0; k--) {
      const prev = blocks[k]!;
      if (prev.kind === "table" || consumed[k]) break;
      if (FURNITURE.test(prev.text) || (prev.text.length <= 120 && addMeta(meta, prev.text))) {
        consumed[k] = 1;
        continue;
      }
      break;
    }
    if (!title && k >= 0 && !consumed[k]) {
      const prev = blocks[k]!;
      if (prev.kind !== "table" && titleLike(prev.text, prev.kind === "heading" || (prev.kind === "text" && !!prev.emphasis))) {
        title = prev.text;
        titlePlace = prev.place;
        consumed[k] = 1;
        // "表1" / "预算01表" printed above the title
        const above = blocks[k - 1];
        if (above && above.kind !== "table" && !consumed[k - 1] && FURNITURE.test(above.text)) consumed[k - 1] = 1;
      }
    }
    const notes: RawText[] = [];
    const body: RawRow[] = [];
    for (const r of rows) {
      const filled = r.cells.filter((c) => c !== "");
      if (filled.length === 0) continue;
      if (filled.length === 1 && NOTE.test(filled[0]!) && r.cells[0] === filled[0]) notes.push({ text: filled[0]!, place: r.place });
      else body.push(r);
    }
    // below: notes
    for (let n = i + 1; n < blocks.length; n++) {
      const next = blocks[n]!;
      if (next.kind !== "text" || !NOTE.test(next.text)) break;
      notes.push({ text: next.text, place: next.place });
      consumed[n] = 1;
    }
    const split = splitHeader(body);
    const table: RawTable = {
      title,
      place: titlePlace ?? b.place,
      ...(meta.unitName !== undefined ? { unitName: meta.unitName } : {}),
      ...(meta.unit ? { unit: meta.unit, unitText: meta.unitText ?? `单位：${meta.unit}` } : {}),
      header: split.header,
      body: split.body,
      notes,
    };
    if (!title) problems.push(importProblem("read.table-untitled", `${where(b.place)}的表格前没有表名 / the table at ${whereEn(b.place)} has no title`, b.place));
    tables.push(table);
  });
  return { tables, sections: narrative(file, blocks, consumed) };
}

function where(p: SourcePlace): string {
  if (p.sheet) return `工作表“${p.sheet}”${p.cell ? ` ${p.cell} ` : ""}`;
  if (p.page) return `第 ${p.page} 页`;
  if (p.line) return `第 ${p.line} 行`;
  return "";
}

function whereEn(p: SourcePlace): string {
  if (p.sheet) return `sheet "${p.sheet}"${p.cell ? ` ${p.cell}` : ""}`;
  if (p.page) return `page ${p.page}`;
  if (p.line) return `line ${p.line}`;
  return "the file";
}

function narrative(file: string, blocks: readonly Block[], consumed: Uint8Array): NarrativeSection[] {
  const sections: NarrativeSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: NarrativeSection = { path: [], heading: "", place: { file }, paragraphs: [] };
  const open = (level: number, text: string, place: SourcePlace) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, text });
    if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
    current = { path: stack.map((s) => s.text), heading: text, place, paragraphs: [] };
  };
  blocks.forEach((b, i) => {
    if (consumed[i] || b.kind === "table") return;
    if (b.kind === "heading") {
      if (b.text !== "") open(b.level, b.text, b.place);
      return;
    }
    if (b.emphasis && b.text.length <= 40 && !/[。；，：:]$/.test(b.text) && HEADING_NUMBER.test(b.text)) {
      open(emphasisLevel(b.text), b.text, b.place);
      return;
    }
    if (b.text !== "") current.paragraphs.push({ text: b.text, place: b.place });
  });
  if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
  return sections;
}
