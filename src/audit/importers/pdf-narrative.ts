/**
 * PDF 正文 — the running text of a PDF as headings and paragraphs. Headings are lines set larger than the
 * body, or short bold lines, or short numbered lines in another font (一、… in 黑体, （一）… in 楷体); a
 * paragraph runs on over line and page breaks until a line starts indented, the line before ends short
 * of the right margin, or a heading, a table or a change of size intervenes. Contents entries (dot
 * leaders and a page number) are read without the leaders, one paragraph each.
 */
import type { NarrativeSection, Paragraph } from "../core/document.ts";
import { classifyTitle } from "../core/titles.ts";
import type { FlowLine } from "./pdf-layout.ts";
import { joinLines } from "./pdf-text.ts";
import type { Item } from "./pdf-tables.ts";

const LEADER = /\s*(?:[.．·…⋯_-]\s*){3,}\s*\d+\s*$/;
const PART = /^第[一二三四五六七八九十百]+部分$/;
/** a numbered heading set like the body: 一、… / （一）… / 第X部分 … */
const SHORT_HEADING = /^(第[一二三四五六七八九十百]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\S/;
/** how a heading ends: "…情况说明", "…概况", "公共安全（类）" */
const HEADING_END = /(情况|说明|概况|职能|职责|设置|构成|解释|任务|目标|[（(][类款项][)）])$/;
const NUMBERED = /^(第[一二三四五六七八九十百]+部分|附件|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])/;

export interface Metrics {
  bodySize: number;
  bodyFont: string;
  bodyBold: boolean;
  /** left and right text margins by page width */
  margins: Map<number, { left: number; right: number }>;
}

function mode<T>(values: Iterable<[T, number]>): T | undefined {
  const m = new Map<T, number>();
  for (const [v, w] of values) m.set(v, (m.get(v) ?? 0) + w);
  let best: T | undefined;
  let n = -1;
  for (const [v, c] of m) if (c > n) [best, n] = [v, c];
  return best;
}

export function measure(lines: readonly FlowLine[]): Metrics {
  // the size of prose: contents entries left out, sentences counted thrice
  const prose = lines.filter((l) => !LEADER.test(l.text));
  const bodySize = mode(prose.map((l): [number, number] => [Math.round(l.size * 2) / 2, l.text.length * (/[，。；]/.test(l.text) ? 3 : 1)])) ?? 12;
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.3);
  const bodyFont = mode(body.map((l): [string, number] => [l.font, l.text.length])) ?? "";
  const bodyBold = (mode(body.map((l): [boolean, number] => [l.bold, l.text.length])) ?? false) === true;
  const margins = new Map<number, { left: number; right: number }>();
  for (const w of new Set(body.map((l) => Math.round(l.pageWidth)))) {
    const on = body.filter((l) => Math.round(l.pageWidth) === w);
    const left = mode(on.map((l): [number, number] => [Math.round(l.x0), 1])) ?? 0;
    const ends = on.map((l) => l.x1).sort((a, b) => a - b);
    // with few lines to go by, the margins are taken as symmetric
    const right = on.length >= 6 ? (ends[Math.floor(ends.length * 0.95)] ?? w) : Math.max(w - left, ends[ends.length - 1] ?? 0);
    margins.set(w, { left, right });
  }
  return { bodySize, bodyFont, bodyBold, margins };
}

function headingLevel(text: string, line: FlowLine, m: Metrics): number {
  if (/^(第[一二三四五六七八九十百]+部分|附件)/.test(text)) return 1;
  if (/^[一二三四五六七八九十]+、/.test(text)) return 2;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(text)) return 3;
  if (/^\d+[.、．]/.test(text)) return 4;
  return line.size >= m.bodySize + 2.5 ? 1 : 2;
}

function isHeading(line: FlowLine, m: Metrics): boolean {
  const t = line.text;
  if (t.length > 60 || /[。；，、：:]$/.test(t) || LEADER.test(t)) return false;
  if (line.size >= m.bodySize + 0.75) return true;
  if (t.length > 40) return false;
  if (line.bold && !m.bodyBold) return true;
  if (line.font !== m.bodyFont && Math.abs(line.size - m.bodySize) < 0.3 && NUMBERED.test(t)) return true;
  // "三、政府采购预算情况" set in the body's own font: a short numbered line that is no sentence and names
  // no table (a contents entry) reads as a heading to a person
  return SHORT_HEADING.test(t) && t.length <= 26 && !/[，。；：:,]/.test(t) && !classifyTitle(t) &&
    (HEADING_END.test(t) || line.x1 < (m.margins.get(Math.round(line.pageWidth))?.right ?? line.x1) - 4 * line.size);
}

/** Builds the narrative sections from the items tables did not take. */
export function readNarrative(file: string, items: readonly Item[], m: Metrics): NarrativeSection[] {
  const sections: NarrativeSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: NarrativeSection = { path: [], heading: "", place: { file, page: 1 }, paragraphs: [] };
  let para: { lines: string[]; place: { file: string; page: number }; last: FlowLine } | undefined;
  let pendingHeading: { text: string; line: FlowLine } | undefined;

  const flushPara = () => {
    if (para) {
      const text = joinLines(para.lines);
      if (text !== "") current.paragraphs.push({ text, place: para.place } satisfies Paragraph);
    }
    para = undefined;
  };
  const flushHeading = () => {
    if (!pendingHeading) return;
    const { text, line } = pendingHeading;
    pendingHeading = undefined;
    const level = headingLevel(text, line, m);
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, text });
    if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
    current = { path: stack.map((s) => s.text), heading: text, place: { file, page: line.page }, paragraphs: [] };
  };

  const margin = (l: FlowLine) => m.margins.get(Math.round(l.pageWidth)) ?? { left: l.x0, right: l.x1 };

  for (const item of items) {
    if (item.block.kind === "table") {
      flushPara();
      flushHeading();
      continue;
    }
    if (item.consumed) continue;
    const line = item.block.line;
    const toc = LEADER.test(line.text) && line.text.replace(LEADER, "").length > 0;
    if (!toc && isHeading(line, m)) {
      flushPara();
      if (pendingHeading) {
        const prev = pendingHeading.line;
        const sameStyle = Math.abs(prev.size - line.size) < 0.5 && prev.bold === line.bold && prev.page === line.page && line.y - prev.y < 2.6 * line.size;
        if (sameStyle && PART.test(pendingHeading.text)) {
          pendingHeading = { text: `${pendingHeading.text} ${line.text}`, line };
          continue;
        }
        if (sameStyle && !NUMBERED.test(line.text) && pendingHeading.text.length >= 12) {
          pendingHeading = { text: joinLines([pendingHeading.text, line.text]), line };
          continue;
        }
      }
      flushHeading();
      pendingHeading = { text: line.text, line };
      continue;
    }
    flushHeading();
    const text = toc ? line.text.replace(LEADER, "").trim() : line.text;
    const { left, right } = margin(line);
    if (para && !toc) {
      const prev = para.last;
      const samePage = prev.page === line.page;
      const indented = line.x0 - left >= 0.9 * line.size;
      const prevShort = prev.x1 < margin(prev).right - 1.5 * prev.size;
      const sizeChange = Math.abs(prev.size - line.size) >= 0.5;
      const farApart = (samePage && line.y - prev.y > 2.4 * line.size) || line.page - prev.page > 1;
      const centred = line.x0 > left + 2 * line.size && line.x1 < right - 2 * line.size;
      if (!indented && !prevShort && !sizeChange && !farApart && !centred && !LEADER.test(prev.text)) {
        para.lines.push(text);
        para.last = line;
        continue;
      }
    }
    flushPara();
    para = { lines: [text], place: { file, page: line.page }, last: line };
    if (toc) flushPara();
  }
  flushPara();
  flushHeading();
  if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
  return sections;
}
