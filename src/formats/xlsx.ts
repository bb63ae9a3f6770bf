/**
 * disclosure.xlsx — the disclosure's tables as one workbook, one sheet a table, in order, each laid out like
 * the printed official table: title, 单位名称 / 单位：万元, the multi-row header with its merged cells, the body
 * (amounts stored as numbers in 万元 with `#,##0.00`), the 说明 note; header rows frozen and repeated on every
 * printed page, A4 landscape fitted to the page width.
 *
 * Text is always stored as a string cell (a shared string, which Excel and LibreOffice never evaluate) with the
 * text number format `@`, so a name such as "=1+2" or "@x" stays text even when someone edits the cell.
 */
import ExcelJS from "exceljs";
import { DRAFT_MARK, type Disclosure } from "../core/disclosure.ts";
import { type Fen, type PrintUnit, formatIn, toUnitNumber } from "../core/money.ts";
import { type Cell, type DisclosureTable, cellEmphasis, headerGrid } from "../core/table.ts";

export const MONEY_FORMAT = "#,##0.00";
export const TEXT_FORMAT = "@";
/** Rows above the header: the title (1) and 单位名称 / 单位 (2). */
export const HEADER_FIRST_ROW = 3;

const FONT = "宋体";
const BODY_SIZE = 10;
const TITLE_SIZE = 16;
/** points per printed line of 10 pt CJK text, and the padding a wrapped cell needs above and below */
const LINE_HEIGHT = 14;
const ROW_PADDING = 5;
const MIN_ROW_HEIGHT = 18;
/** a text column widens to fit its longest cell up to this many character units, then wraps */
const MAX_TEXT_WIDTH = 40;
/** total width (character units) above which text columns shrink back towards their hints and wrap more */
const MAX_TABLE_WIDTH = 190;
const KEPT_GROWTH = 8;
/** Excel's limit for one cell */
const MAX_CELL_CHARS = 32767;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };

/** Width in Excel character units: CJK and other wide characters count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0xff ? 2 : 1;
  return w;
}

function cellText(c: Cell, unit: PrintUnit): string {
  if (c === null) return "";
  return typeof c === "number" ? formatIn(unit, c as Fen) : c;
}

/**
 * How many lines `text` takes in a cell `width` units wide (explicit line breaks count). A unit is about 7 px
 * (Excel's default digit), a CJK character at 10 pt about 13–14 px; cell margins and an indent take ~1 unit each.
 */
function linesIn(text: string, width: number, scale = 1, indent = true): number {
  const room = Math.max(1, width - (indent ? 1.5 : 1));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * scale) / room)), 0);
}

/** Text as stored: CR/CRLF become LF (XML would turn a bare CR into LF anyway) and overlong text is cut. */
export function storedText(s: string): string {
  const t = s.replace(/\r\n?/g, "\n");
  return t.length > MAX_CELL_CHARS ? t.slice(0, MAX_CELL_CHARS) : t;
}

/** "1 部门收支总体情况表": number and title without the year, no characters Excel forbids, at most 31 characters. */
export function sheetName(t: DisclosureTable): string {
  const name = `${t.number} ${t.title.replace(/^\d{4}年/, "")}`.replace(/[\\/?*[\]:]/g, "-").replace(/^'+|'+$/g, "");
  return [...name].slice(0, 31).join("").trimEnd();
}

/** Body positions covered by a merge (not its anchor), as "row,col". */
function coveredCells(t: DisclosureTable): Set<string> {
  const covered = new Set<string>();
  for (const m of t.merges) {
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
    }
  }
  return covered;
}

/** Column widths: the table's hint, widened so numbers and codes never show ####, text up to MAX_TEXT_WIDTH. */
function columnWidths(t: DisclosureTable): number[] {
  const covered = coveredCells(t);
  const multiColumn = new Set(t.merges.filter((m) => m.colSpan > 1).map((m) => `${m.row},${m.col}`));
  const widths = t.columns.map((col, c) => {
    const hint = col.width ?? 12;
    let content = 0;
    t.rows.forEach((row, r) => {
      const key = `${r},${c}`;
      if (covered.has(key) || multiColumn.has(key)) return;
      const v = row.cells[c] ?? null;
      // bold cells are a little wider; an indented one needs a character a level
      const { bold, indent } = cellEmphasis(row, c);
      const w = displayWidth(cellText(v, t.unit)) * (bold ? 1.05 : 1) + 2 * indent;
      content = Math.max(content, typeof v === "number" || col.kind !== "text" ? w : Math.min(w, MAX_TEXT_WIDTH - 2));
    });
    return Math.max(hint, Math.ceil(content + 3));
  });
  // A wide table gives back the room its text columns took beyond their hints, so it prints at a readable scale.
  const excess = widths.reduce((a, b) => a + b, 0) - MAX_TABLE_WIDTH;
  // A few characters of growth stay, so short labels such as 国有资产资源有偿使用收入 keep to one line.
  const grown = t.columns.map((col, c) => (col.kind === "text" ? Math.max(0, widths[c]! - (col.width ?? 12) - KEPT_GROWTH) : 0));
  const room = grown.reduce((a, b) => a + b, 0);
  if (excess > 0 && room > 0) {
    const keep = Math.max(0, 1 - excess / room);
    t.columns.forEach((_, c) => {
      if (grown[c]! > 0) widths[c] = widths[c]! - grown[c]! + Math.floor(grown[c]! * keep);
    });
  }
  // A header label over one column fits on one line when that costs a few characters, else on two even lines,
  // so no label ends in a lone character (政府性基金预/算).
  headerGrid(t.header, t.columns.length).forEach((cells) =>
    cells.forEach((h, c) => {
      if (!h || (h.colSpan ?? 1) > 1) return;
      const need = (displayWidth(h.text) * 1.05) + 2;
      const hint = t.columns[c]!.width ?? 12;
      widths[c] = Math.max(widths[c]!, Math.ceil(need <= hint * 1.4 ? need : need / 2 + 1));
    }),
  );
  // 单位名称 sits over all columns but the last (which holds 单位：万元): widen the first text column if it does not fit.
  if (widths.length > 1) {
    const need = displayWidth(`单位名称：${t.unitName}`) + 2 - widths.slice(0, -1).reduce((a, b) => a + b, 0);
    if (need > 0) {
      const i = Math.max(0, t.columns.findIndex((c) => c.kind === "text"));
      if (i < widths.length - 1) widths[i]! += need;
      else widths[0]! += need;
    }
  }
  // A narrow table is widened evenly until its title fits on one line.
  const total = widths.reduce((a, b) => a + b, 0);
  const titleNeed = (displayWidth(t.title) * TITLE_SIZE) / BODY_SIZE + 4;
  if (total < titleNeed) return widths.map((w) => Math.ceil((w * titleNeed) / total));
  return widths;
}

interface Block {
  /** sheet row of the block's first row */
  top: number;
  /** lines each row needs, before multi-row cells are spread */
  lines: number[];
}

/** Row heights from the lines each cell needs; a cell spanning rows spreads its extra lines over them. */
function applyHeights(ws: ExcelJS.Worksheet, block: Block, spans: { row: number; rowSpan: number; lines: number }[]): void {
  const lines = [...block.lines];
  for (const s of spans) {
    const have = lines.slice(s.row, s.row + s.rowSpan).reduce((a, b) => a + b, 0);
    if (have < s.lines) for (let r = s.row; r < s.row + s.rowSpan; r++) lines[r]! += (s.lines - have) / s.rowSpan;
  }
  lines.forEach((n, r) => {
    ws.getRow(block.top + r).height = Math.max(MIN_ROW_HEIGHT, Math.ceil(n * LINE_HEIGHT + ROW_PADDING));
  });
}

function span(widths: number[], col: number, colSpan: number): number {
  return widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
}

function font(bold: boolean, size = BODY_SIZE): Partial<ExcelJS.Font> {
  return { name: FONT, size, bold };
}

/** Writes a string so it can never become a formula: a string cell in text format. */
function putText(cell: ExcelJS.Cell, text: string): void {
  cell.value = storedText(text);
  cell.numFmt = TEXT_FORMAT;
}

function writeTitle(ws: ExcelJS.Worksheet, t: DisclosureTable, width: number, widths: number[]): void {
  if (width > 1) ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  putText(title, t.title);
  title.font = font(true, TITLE_SIZE);
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  const lines = linesIn(t.title, span(widths, 0, width), TITLE_SIZE / BODY_SIZE, false);
  ws.getRow(1).height = Math.max(30, lines * 22 + 8);

  const unit = ws.getCell(2, width);
  if (width > 1) {
    if (width > 2) ws.mergeCells(2, 1, 2, width - 1);
    const name = ws.getCell(2, 1);
    putText(name, `${t.unitNameLabel}：${t.unitName}`);
    name.font = font(false);
    name.alignment = { horizontal: "left", vertical: "middle" };
    putText(unit, `单位：${t.unit}`);
  } else {
    putText(unit, `${t.unitNameLabel}：${t.unitName}\u3000单位：${t.unit}`);
  }
  unit.font = font(false);
  unit.alignment = { horizontal: "right", vertical: "middle" };
  ws.getRow(2).height = 20;
}

function writeHeader(ws: ExcelJS.Worksheet, t: DisclosureTable, widths: number[]): void {
  const width = t.columns.length;
  const grid = headerGrid(t.header, width);
  const spans: { row: number; rowSpan: number; lines: number }[] = [];
  grid.forEach((cells, r) => {
    const sheetRow = HEADER_FIRST_ROW + r;
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(sheetRow, c + 1);
      cell.border = THIN;
      cell.fill = HEADER_FILL;
      cell.font = font(true);
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      const h = cells[c];
      if (!h) continue;
      putText(cell, h.text);
      const rs = h.rowSpan ?? 1;
      const cs = h.colSpan ?? 1;
      spans.push({ row: r, rowSpan: rs, lines: linesIn(h.text, span(widths, c, cs), 1.05, false) });
    }
  });
  // Merge after styling so every covered cell keeps its border.
  grid.forEach((cells, r) =>
    cells.forEach((h, c) => {
      if (h && ((h.rowSpan ?? 1) > 1 || (h.colSpan ?? 1) > 1)) {
        const top = HEADER_FIRST_ROW + r;
        ws.mergeCells(top, c + 1, top + (h.rowSpan ?? 1) - 1, c + (h.colSpan ?? 1));
      }
    }),
  );
  applyHeights(ws, { top: HEADER_FIRST_ROW, lines: t.header.map(() => 0) }, spans);
}

function writeBody(ws: ExcelJS.Worksheet, t: DisclosureTable, widths: number[], top: number): void {
  const covered = coveredCells(t);
  const anchors = new Map(t.merges.map((m) => [`${m.row},${m.col}`, m]));
  const lines = t.rows.map(() => 1);
  const spans: { row: number; rowSpan: number; lines: number }[] = [];
  t.rows.forEach((row, r) => {
    t.columns.forEach((col, c) => {
      const { bold, indent } = cellEmphasis(row, c);
      const cell = ws.getCell(top + r, c + 1);
      cell.border = THIN;
      cell.font = font(bold);
      if (row.kind === "section") cell.fill = SECTION_FILL;
      const v = covered.has(`${r},${c}`) ? null : (row.cells[c] ?? null);
      if (typeof v === "number") {
        cell.value = toUnitNumber(t.unit, v as Fen);
        cell.numFmt = MONEY_FORMAT;
        cell.alignment = { horizontal: "right", vertical: "middle", indent: 1 };
        return;
      }
      const centred = col.kind === "code" || row.kind === "section";
      cell.alignment = centred
        ? { horizontal: "center", vertical: "middle", wrapText: col.kind === "text" }
        : { horizontal: "left", vertical: "middle", wrapText: col.kind === "text", indent: 1 + 2 * indent };
      if (v === null) return;
      putText(cell, v);
      const m = anchors.get(`${r},${c}`);
      const n = col.kind === "text" ? linesIn(storedText(v), span(widths, c, m?.colSpan ?? 1), bold ? 1.05 : 1) : 1;
      if (m && m.rowSpan > 1) spans.push({ row: r, rowSpan: m.rowSpan, lines: n });
      else lines[r] = Math.max(lines[r]!, n);
    });
  });
  for (const m of t.merges) ws.mergeCells(top + m.row, m.col + 1, top + m.row + m.rowSpan - 1, m.col + m.colSpan);
  applyHeights(ws, { top, lines }, spans);
}

/** 说明 under the table; for a table without rows it is the body, inside the borders. */
function writeNote(ws: ExcelJS.Worksheet, t: DisclosureTable, widths: number[], row: number): void {
  if (!t.note) return;
  const width = t.columns.length;
  const text = /^(说明|注)[：:]/.test(t.note) ? t.note : `说明：${t.note}`;
  if (width > 1) ws.mergeCells(row, 1, row, width);
  const cell = ws.getCell(row, 1);
  putText(cell, text);
  cell.font = font(false);
  cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
  if (t.rows.length === 0) for (let c = 1; c <= width; c++) ws.getCell(row, c).border = THIN;
  ws.getRow(row).height = Math.max(MIN_ROW_HEIGHT + 4, linesIn(text, span(widths, 0, width)) * LINE_HEIGHT + ROW_PADDING + 4);
}

function addTableSheet(wb: ExcelJS.Workbook, t: DisclosureTable, draft: boolean): void {
  const width = t.columns.length;
  const widths = columnWidths(t);
  const headerRows = t.header.length;
  const bodyTop = HEADER_FIRST_ROW + headerRows;
  const frozen = bodyTop - 1;
  const ws = wb.addWorksheet(sheetName(t), {
    // exceljs leaves out columns exactly 9 wide, which Excel would then draw at its own default (8.43)
    properties: { defaultColWidth: 9 },
    views: [{ state: "frozen", xSplit: 0, ySplit: frozen, topLeftCell: `A${bodyTop}`, activeCell: `A${bodyTop}`, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.6, header: 0.3, footer: 0.3 },
      // every printed page repeats the header rows; a form without a header (table 12) repeats its title and 单位名称
      printTitlesRow: headerRows > 0 ? `${HEADER_FIRST_ROW}:${frozen}` : `1:${HEADER_FIRST_ROW - 1}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", ...(draft ? { oddHeader: `&C&KFF0000${DRAFT_MARK}` } : {}) },
    ...(draft ? { properties: { defaultColWidth: 9, tabColor: { argb: "FFC00000" } } } : {}),
  });
  ws.columns = widths.map((w) => ({ width: w }));
  // a draft's title says so on screen too; the page header says it on paper
  writeTitle(ws, draft ? { ...t, title: `${t.title}（${DRAFT_MARK}）` } : t, width, widths);
  if (headerRows > 0) writeHeader(ws, t, widths);
  writeBody(ws, t, widths, bodyTop);
  writeNote(ws, t, widths, bodyTop + t.rows.length + (t.rows.length > 0 ? 1 : 0));
}

/** The tables as the sheets print them: the first sheet says what the document is (its 来源说明), where the
 * other formats print it on the cover. */
export function sheetTables(d: Disclosure): DisclosureTable[] {
  return d.tables.map((t, i) => (i === 0 && d.provenance ? { ...t, note: [t.note, d.provenance].filter(Boolean).join("\n") } : t));
}

export async function renderXlsx(d: Disclosure): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Yusuan";
  wb.title = d.title;
  wb.subject = `${d.scope.name}${d.kind ? d.kind.attachments : `${d.year}年度预算表`}`;
  // A fixed date keeps the workbook's properties reproducible.
  const date = d.date && /^\d{4}-\d{2}/.test(d.date) ? new Date(`${d.date.slice(0, 7)}-01T00:00:00Z`) : new Date(Date.UTC(d.year, 0, 1));
  wb.created = date;
  wb.modified = date;
  for (const t of sheetTables(d)) addTableSheet(wb, t, d.draft === true);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
