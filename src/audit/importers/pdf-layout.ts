/**
 * PDF 版面 — one page as blocks in reading order: ruled tables (pdf-grid.ts), tables set out in columns
 * without rulings (pdf-stream.ts), and the remaining lines of text with what the narrative needs to know
 * of them (position, size, weight).
 */
import { type GridTable, findGridTables } from "./pdf-grid.ts";
import type { Glyph, PageInk } from "./pdf-ink.ts";
import { findStreamTables } from "./pdf-stream.ts";
import { groupLines, joinRuns, runText, splitRuns } from "./pdf-text.ts";

/** A line of running text outside tables. */
export interface FlowLine {
  page: number;
  /** baseline (y downwards) */
  y: number;
  x0: number;
  x1: number;
  /** median glyph size */
  size: number;
  bold: boolean;
  font: string;
  /** the line as text */
  text: string;
  /** the pieces of the line standing apart (≥ 2 em), e.g. "单位名称：…" and "单位：万元" */
  runs: string[];
  /** glyph extents of the runs, for tables found from columns */
  runBoxes: { x0: number; x1: number }[];
  /** page size, for margins */
  pageWidth: number;
  pageHeight: number;
}

export interface PageTable extends GridTable {
  page: number;
  /** found from text columns, not rulings */
  unruled?: boolean;
}

export type Block = { kind: "line"; line: FlowLine } | { kind: "table"; table: PageTable };

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  blocks: Block[];
  /** glyphs on the page (0: no text layer) */
  glyphCount: number;
}

/** Pieces of a line further apart than this (em) are separate runs. */
export const RUN_GAP = 2;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function toFlowLine(page: number, glyphs: Glyph[], pageWidth: number, pageHeight: number): FlowLine | undefined {
  const ink = glyphs.filter((g) => !g.space);
  if (ink.length === 0) return undefined;
  const pieces = splitRuns(glyphs, RUN_GAP);
  const runs = pieces.map(runText);
  const text = joinRuns(runs);
  if (text === "") return undefined;
  const boldCount = ink.filter((g) => g.bold).length;
  const fonts = new Map<string, number>();
  for (const g of ink) fonts.set(g.font, (fonts.get(g.font) ?? 0) + 1);
  return {
    page,
    y: median(ink.map((g) => g.y)),
    x0: ink[0]!.x0,
    x1: ink[ink.length - 1]!.x1,
    size: median(ink.map((g) => g.size)),
    bold: boldCount * 2 > ink.length,
    font: [...fonts].sort((a, b) => b[1] - a[1])[0]![0],
    text,
    runs,
    runBoxes: pieces.map((p) => {
      const inked = p.filter((g) => !g.space);
      return { x0: inked[0]!.x0, x1: inked[inked.length - 1]!.x1 };
    }),
    pageWidth,
    pageHeight,
  };
}

export function layoutPage(page: number, ink: PageInk): PageLayout {
  const { tables, rest } = findGridTables(ink.glyphs, ink.horizontal, ink.vertical);
  const lines = groupLines(rest)
    .map((g) => toFlowLine(page, g, ink.width, ink.height))
    .filter((l): l is FlowLine => !!l);
  const stream = findStreamTables(lines);
  const blocks: Block[] = [
    ...tables.map((t): Block => ({ kind: "table", table: { ...t, page } })),
    ...stream.tables.map((t): Block => ({ kind: "table", table: { ...t, page, unruled: true } })),
    ...stream.lines.map((line): Block => ({ kind: "line", line })),
  ];
  blocks.sort((a, b) => top(a) - top(b));
  return { page, width: ink.width, height: ink.height, blocks, glyphCount: ink.glyphs.length };
}

function top(b: Block): number {
  return b.kind === "line" ? b.line.y - b.line.size * 0.8 : b.table.y0;
}
