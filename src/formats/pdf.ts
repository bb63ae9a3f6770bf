/**
 * The disclosure as a PDF in the official layout: cover, contents with page numbers, 第一/二/三部分, then the
 * 13 tables, each on its own page(s) — landscape when wide, headers repeated on every page a table spans.
 *
 * Typst (typst-ts, in-process) lays the document out. The markup is one fixed template; the disclosure
 * goes in as JSON through `sys.inputs` and the template reads it with `json()`, so no text of the budget
 * is ever parsed as Typst markup (nothing to escape, nothing to inject). Money is formatted here, in
 * TypeScript, with `formatWanYuanGrouped`: Typst only prints strings.
 *
 * Fonts: Noto Serif SC (body, tables) and Noto Sans SC (headings, table headers), TTF files from the
 * `@expo-google-fonts/*` npm packages (SIL OFL 1.1), loaded once from node_modules and handed to Typst as
 * memory fonts. Typst embeds only the glyphs used (subset). No system font and no network is needed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { NodeCompiler, type NodeTypstDocument } from "@myriaddreamin/typst-ts-node-compiler";
import { chineseNumber } from "../core/catalog.ts";
import { DRAFT_MARK, type Disclosure, documentKind } from "../core/disclosure.ts";
import { type Fen, formatWanYuanGrouped } from "../core/money.ts";
import type { Cell, ColumnKind, DisclosureTable } from "../core/table.ts";
import { cellEmphasis, headerGrid } from "../core/table.ts";

// ── fonts and the compiler (created once, reused by every render) ─────────────────────────────────────

const FONT_FILES = [
  "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
] as const;

let compiler: NodeCompiler | undefined;
/** Typst memoises layouts across compilations; after each render, drop what the last two did not use
 * (what every document uses — fonts, the template — stays; one department's tables never serve the next). */
const EVICT_AGE = 2;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    const require = createRequire(import.meta.url);
    const fontBlobs = FONT_FILES.map((f) => readFileSync(require.resolve(f)));
    compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
  }
  return compiler;
}

/** Loads the fonts and compiles a tiny document, so the first real render is as fast as the others. */
export function warmUpPdf(): void {
  const c = getCompiler();
  const r = c.compile({ mainFileContent: `#set text(font: ("Noto Serif SC", "Noto Sans SC"), lang: "zh", region: "cn")\n预算 1,234.56 #text(font: "Noto Sans SC", weight: "bold")[预算]` });
  const doc = r.result;
  if (doc) c.pdf(doc, { pdfTags: false });
}

// ── the data handed to the template ──────────────────────────────────────────────────────────────────

/** Horizontal alignment of a cell: l(eft), c(entre), r(ight). */
type Align = "l" | "c" | "r";

/** A cell that differs from its column's defaults; a plain cell travels as its text alone. */
interface PdfCell {
  t: string;
  /** alignment, when not the column's */
  a?: Align;
  /** bold */
  b?: 1;
  /** indentation, levels of 1 em */
  i?: number;
  /** shaded (section rows) */
  f?: 1;
  rs?: number;
  cs?: number;
  /** may break across pages (a long merged cell); other rows never split */
  k?: 1;
}

/** A body row; `h`: a section row of column labels (t12's 一级指标 …), repeated like a header. */
interface PdfRow {
  h?: 1;
  c: (string | PdfCell)[];
}

interface PdfTable {
  title: string;
  /** outline entry: 一、2021年部门收支总体情况表 */
  entry: string;
  unitName: string;
  unit: string;
  wide: boolean;
  /** page margins, mm */
  margin: { x: number; top: number; bottom: number };
  /** font size and vertical cell inset, pt */
  size: number;
  inset: number;
  /** column widths, pt, and default alignments */
  widths: number[];
  aligns: Align[];
  head: PdfCell[];
  body: PdfRow[];
  note: string | null;
}

/** How closely a part of the narrative sets its lines: tight or loose to keep a stray line or two off a page of their own. */
type Spacing = "normal" | "tight" | "loose";

interface PdfData {
  title: string;
  author: string;
  cover: { name: string; kind: string; date: string | null; provenance: string | null };
  /** 草稿标记 printed at the top of every page, or null */
  draft: string | null;
  /** lines: the title as printed (第二部分 on its own line) */
  parts: { title: string; lines: string[]; spacing: Spacing; sections: { title: string; paragraphs: string[] }[] }[];
  attachments: string;
  /** the 附件 divider page's two lines: 附件, and what the tables are */
  divider: [string, string];
  /** leading between the lines of a table cell, em */
  leading: number;
  tables: PdfTable[];
}

const MM = 72 / 25.4;
const PORTRAIT = { width: 210, height: 297, margin: { x: 15, top: 18, bottom: 18 } };
const LANDSCAPE = { width: 297, height: 210, margin: { x: 12, top: 14, bottom: 16 } };
/** horizontal inset of a cell on each side (pt) plus the stroke */
const CELL_PAD = 2 * 3 + 0.5;
const FONT_SIZES = [10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
/** lines a header cell may wrap to before its column must widen */
const HEADER_LINES = 3;
/**
 * Line metrics of a table cell (em). A line is as tall as the ideographic em box — 0.88 em above the
 * baseline and 0.12 em below it, where Noto draws every CJK character (the template sets these as the
 * text's top and bottom edges) — so a cell's inset is the room between its rules and the ink, whatever the
 * script. Lines follow each other with LEADING between them.
 */
const LEADING = 0.22;
const FIRST_LINE = 1;
const NEXT_LINE = FIRST_LINE + LEADING;
/**
 * Vertical cell insets (pt), roomiest first: a table that fits a page takes the first that keeps it on one
 * page. The last keeps every glyph at least 1 pt clear of the 0.5 pt rules (MIN_INSET − 0.25 pt).
 */
const INSETS = [4.5, 3.5, 2.8, 2.2] as const;
const MIN_INSET = 1.6;
/** The inset of a table that runs over pages anyway. */
const RUNNING_INSET = 2.8;
/** Height (pt) a table page spends besides the table: title, 单位名称 line and spacing (38 measured); a
 * note adds more. */
const TABLE_TOP = 40;
const TABLE_NOTE = 24;

/** The narrative pages' top margin (the template's 25 mm), pt, and how far below it a part may end and
 * still leave a page of stray lines (12 pt type, 0.95 em leading, measured with Typst). */
const BODY_MARGIN_TOP = 25 * (72 / 25.4);
const LINE_PITCH = 12 * (0.735 + 0.95);
/** A part's end mark sits 0.58 pitch above the bottom of its last line; 3.5 lines: three lines or fewer. */
const STRAY_DEPTH = 3.5 * LINE_PITCH - 0.58 * LINE_PITCH;

const CJK = (c: number) => c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f);

/** Advance of a string in em, as Noto Serif SC sets it (measured with Typst; CJK full width). */
function em(s: string, bold = false): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (CJK(c)) w += 1;
    else if (ch >= "0" && ch <= "9") w += bold ? 0.59 : 0.555;
    else if (ch === "," || ch === "." || ch === ":" || ch === ";" || ch === " ") w += 0.34;
    else if (ch === "-") w += 0.38;
    else if (ch === "%") w += 0.97;
    else if (ch >= "A" && ch <= "Z") w += 0.68;
    else w += 0.55;
  }
  return w;
}

/** The narrowest a header text can be set in `lines` lines (CJK breaks between any two characters). */
function wrappedEm(s: string, lines: number): number {
  const chars = [...s];
  if (chars.length === 0) return 0;
  const perLine = Math.ceil(chars.length / lines);
  let widest = 0;
  for (let i = 0; i < chars.length; i += perLine) widest = Math.max(widest, em(chars.slice(i, i + perLine).join("")));
  return widest;
}

/** Lines a text takes in a column `width` pt wide at `size` pt: CJK breaks anywhere, Latin runs at spaces. */
function lineCount(text: string, width: number, size: number, bold: boolean): number {
  if (text === "") return 1;
  const max = ((width - CELL_PAD) / size) * 0.97;
  let lines = 1;
  let used = 0;
  for (const token of text.match(/\n|[\u2e80-\uffff\u2010-\u201f]|[^\s\u2e80-\uffff\u2010-\u201f]+|\s+/gu) ?? []) {
    if (token === "\n") {
      lines++;
      used = 0;
      continue;
    }
    const w = em(token, bold);
    if (used > 0 && used + w > max) {
      lines++;
      used = 0;
    }
    used += w;
    while (used > max && max > 0) {
      lines++;
      used -= max;
    }
  }
  return lines;
}

function money(c: Cell): string {
  return typeof c === "number" ? formatWanYuanGrouped(c as Fen) : "";
}

/** A body or header cell where it sits in the grid, before it is written out for the template. */
interface Placed {
  text: string;
  align: Align;
  bold: boolean;
  /** levels of 1 em the text is indented */
  indent: number;
  fill: boolean;
  money: boolean;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

const DEFAULT_ALIGN: Record<ColumnKind, Align> = { money: "r", code: "c", text: "l" };

function bodyCells(t: DisclosureTable): Placed[] {
  const covered = new Set<string>();
  const anchors = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of t.merges) {
    anchors.set(`${m.row},${m.col}`, m);
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
    }
  }
  const out: Placed[] = [];
  t.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (covered.has(`${r},${c}`)) return;
      const { bold, indent } = cellEmphasis(row, c);
      const isMoney = typeof cell === "number";
      const align: Align = isMoney ? "r" : row.kind === "section" || row.kind === "total" ? "c" : DEFAULT_ALIGN[t.columns[c]?.kind ?? "text"];
      const m = anchors.get(`${r},${c}`);
      out.push({
        text: isMoney ? money(cell) : (cell ?? ""),
        align,
        bold,
        indent,
        fill: row.kind === "section",
        money: isMoney,
        row: r,
        col: c,
        rowSpan: m?.rowSpan ?? 1,
        colSpan: m?.colSpan ?? 1,
      });
    });
  });
  return out;
}

function headerCells(t: DisclosureTable): Placed[] {
  const out: Placed[] = [];
  headerGrid(t.header, t.columns.length).forEach((row, r) =>
    row.forEach((h, c) => {
      if (h) out.push({ text: h.text, align: "c", bold: false, indent: 0, fill: true, money: false, row: r, col: c, rowSpan: h.rowSpan ?? 1, colSpan: h.colSpan ?? 1 });
    }),
  );
  return out;
}

/** Shares `total` in proportion to `weights`, each share clamped to [min, max] (what is clamped is fixed
 * and the rest shared again). Shares sum to less than `total` only when every one is at its max. */
function allocate(total: number, min: number[], max: number[], weights: number[]): number[] {
  const out = min.slice();
  const fixed = new Set<number>();
  for (;;) {
    const free = out.map((_, i) => i).filter((i) => !fixed.has(i));
    if (free.length === 0) return out;
    const rest = total - [...fixed].reduce((a, i) => a + out[i]!, 0);
    const weight = free.reduce((a, i) => a + weights[i]!, 0);
    for (const i of free) out[i] = (rest * weights[i]!) / weight;
    const low = free.filter((i) => out[i]! < min[i]!);
    const high = free.filter((i) => out[i]! > max[i]!);
    if (low.length === 0 && high.length === 0) return out;
    for (const i of low.length > 0 ? low : high) {
      out[i] = low.length > 0 ? min[i]! : max[i]!;
      fixed.add(i);
    }
  }
}

/**
 * Column widths (pt) and a font size. Money and code cells never wrap; header texts wrap to at most three
 * lines (four characters or fewer not at all); text columns wrap when they must. All money columns get
 * one width when that fits. The font size is the largest (10 → 8 pt for tables of amounts, → 9.5 pt for
 * tables of texts) at which text columns keep their longest text (up to 12 em) on one line; failing that
 * the largest (≥ 8 or 9 pt) at which they get 8 or 6 em; failing that the same with each money column
 * as wide as its own amounts; failing that the size goes down as far as needed. Spare width goes to text columns (up to their longest text, by the
 * amount of text they hold), then to all columns by their width hints.
 */
function layoutColumns(t: DisclosureTable, body: Placed[], available: number): { size: number; widths: number[] } {
  const n = t.columns.length;
  const kinds = t.columns.map((c) => c.kind);
  const textMin = Array.from({ length: n }, () => 0);
  const textNatural = Array.from({ length: n }, () => 0);
  const fixedEm = Array.from({ length: n }, () => 1);
  const hasNumber = Array.from({ length: n }, () => false);
  const volume = Array.from({ length: n }, () => 0);
  const numberEmOf = Array.from({ length: n }, () => 0);
  let numberEm = 0;
  for (const cell of body) {
    // A text spread over two columns (table 12's 主要内容 and 指标说明) counts towards the first: the
    // second is a narrow column of its own in the other rows (备注, 指标值). Wider spans (a goal across the
    // form) take whatever width the columns get.
    if (cell.colSpan > 2 || (cell.colSpan === 2 && (cell.money || kinds[cell.col] !== "text"))) continue;
    const col = cell.col;
    const w = em(cell.text, cell.bold) + cell.indent;
    if (cell.money) {
      numberEm = Math.max(numberEm, w);
      numberEmOf[col] = Math.max(numberEmOf[col]!, w);
      hasNumber[col] = true;
      if (kinds[col] === "text") fixedEm[col] = Math.max(fixedEm[col]!, w);
    } else if (kinds[col] === "text") {
      textNatural[col] = Math.max(textNatural[col]!, w);
      textMin[col] = Math.max(textMin[col]!, Math.min(w, 6));
      volume[col]! += w;
    } else {
      fixedEm[col] = Math.max(fixedEm[col]!, w);
    }
  }
  for (const h of headerCells(t)) {
    if (h.colSpan !== 1) continue;
    const text = h.text.replace(/\s+/g, "");
    fixedEm[h.col] = Math.max(fixedEm[h.col]!, [...text].length <= 4 ? em(h.text) : wrappedEm(text, HEADER_LINES));
    // a text column keeps room for its kind of text even when this table has none (an empty table)
    if (kinds[h.col] === "text") textMin[h.col] = Math.max(textMin[h.col]!, Math.min(em(text), 6));
  }
  const ownMoneyEm = (c: number) => Math.max(fixedEm[c]!, hasNumber[c] ? numberEmOf[c]! : 3);
  const uniformEm = Math.max(0, ...kinds.map((k, c) => (k === "money" ? ownMoneyEm(c) : 0)));
  let uniform = true;
  const base = (c: number, textEm: number) =>
    kinds[c] === "money" ? (uniform ? uniformEm : ownMoneyEm(c)) : kinds[c] === "text" ? Math.max(fixedEm[c]!, textEm) : fixedEm[c]!;
  const total = (s: number, textEm: (c: number) => number) => {
    let sum = 0;
    for (let c = 0; c < n; c++) sum += base(c, textEm(c)) * s + CELL_PAD;
    return sum;
  };
  // A table of amounts (t01–t05) may go down to 8 pt to keep its labels on one line (up to 12 characters)
  // or at least on two; a table of texts (t12, t13) wraps its texts rather than shrink below 9 pt.
  const moneyCount = kinds.filter((k) => k === "money").length;
  const textCount = kinds.filter((k) => k === "text").length;
  const amounts = moneyCount >= 2 * textCount;
  const capped = (cap: number) => (c: number) => Math.max(textMin[c]!, Math.min(textNatural[c]!, cap));
  const sizes = (floor: number) => FONT_SIZES.filter((s) => s >= floor);
  let size =
    sizes(amounts ? 8 : 9.5).find((s) => total(s, capped(12)) <= available) ??
    sizes(amounts ? 8 : 9).find((s) => total(s, capped(amounts ? 8 : 6)) <= available);
  if (size === undefined) {
    uniform = false;
    size =
      sizes(amounts ? 8 : 9).find((s) => total(s, capped(amounts ? 8 : 6)) <= available) ??
      FONT_SIZES.find((s) => total(s, (c) => textMin[c]!) <= available) ??
      FONT_SIZES[FONT_SIZES.length - 1]!;
  }
  const sz = size;
  const widths = Array.from({ length: n }, (_, c) => base(c, textMin[c]!) * sz + CELL_PAD);
  let spare = available - widths.reduce((a, w) => a + w, 0);
  if (spare < 0) {
    // even the smallest size is too wide: shrink proportionally (text wraps harder)
    const k = available / (available - spare);
    return { size: sz, widths: widths.map((w) => Math.floor(w * k * 100) / 100) };
  }
  // Text columns share the spare in proportion to the square root of the text they hold (which keeps the
  // total height of wrapped text low), each between its current width and its longest text.
  const textCols = kinds.flatMap((k, c) => (k === "text" ? [c] : []));
  if (textCols.length > 0) {
    const shares = allocate(
      textCols.reduce((a, c) => a + widths[c]!, 0) + spare,
      textCols.map((c) => widths[c]!),
      textCols.map((c) => Math.max(widths[c]!, textNatural[c]! * sz + CELL_PAD)),
      textCols.map((c) => Math.sqrt(volume[c]! + 1)),
    );
    textCols.forEach((c, i) => {
      spare -= shares[i]! - widths[c]!;
      widths[c] = shares[i]!;
    });
  }
  if (!uniform) {
    const want = widths.map((w, c) => (kinds[c] === "money" ? Math.max(0, uniformEm * sz + CELL_PAD - w) : 0));
    const sum = want.reduce((a, w) => a + w, 0);
    if (sum > 0 && spare > 0) {
      const give = Math.min(spare, sum);
      want.forEach((w, c) => (widths[c]! += (give * w) / sum));
      spare -= give;
    }
  }
  if (spare > 0) {
    const hints = t.columns.map((c) => c.width ?? 10);
    const moneyHints = hints.filter((_, c) => kinds[c] === "money");
    const moneyHint = moneyHints.reduce((a, h) => a + h, 0) / Math.max(1, moneyHints.length);
    const weights = hints.map((h, c) => (uniform && kinds[c] === "money" ? moneyHint : h));
    const sum = weights.reduce((a, w) => a + w, 0);
    weights.forEach((w, c) => (widths[c]! += (spare * w) / sum));
  }
  return { size: sz, widths: widths.map((w) => Math.floor(w * 100) / 100) };
}

/** Estimated height (pt) of a table: each row as tall as its tallest cell; merged cells stretch their last row. */
function tableHeight(head: Placed[], body: Placed[], headRows: number, rows: number, widths: number[], size: number, inset: number): number {
  const height = Array.from({ length: headRows + rows }, () => 0);
  const cellHeight = (p: Placed) => {
    let w = 0;
    for (let c = p.col; c < p.col + p.colSpan; c++) w += widths[c] ?? 0;
    const lines = lineCount(p.text, w - p.indent * size, size, p.bold);
    return size * (FIRST_LINE + (lines - 1) * NEXT_LINE) + 2 * inset;
  };
  const cells = [...head, ...body.map((p) => ({ ...p, row: p.row + headRows }))];
  for (const p of cells) if (p.rowSpan === 1) height[p.row] = Math.max(height[p.row]!, cellHeight(p));
  for (let r = 0; r < height.length; r++) if (height[r] === 0) height[r] = size * FIRST_LINE + 2 * inset;
  for (const p of cells) {
    if (p.rowSpan === 1) continue;
    const last = Math.min(p.row + p.rowSpan, height.length) - 1;
    let have = 0;
    for (let r = p.row; r <= last; r++) have += height[r]!;
    const need = cellHeight(p);
    if (need > have) height[last]! += need - have;
  }
  return height.reduce((a, h) => a + h, 0);
}

/**
 * Type size and row inset: a table that runs over pages keeps its size with RUNNING_INSET. One that can
 * fit a page takes the first of: roomier rows, the standard, tighter rows, smaller type (down to 7 pt) —
 * so table 4 (31 rows) stays on one page rather than leave two rows on the next.
 */
function fitPage(head: Placed[], body: Placed[], t: DisclosureTable, widths: number[], size: number, pageHeight: number): [number, number] {
  const room = pageHeight - TABLE_TOP - (t.note ? TABLE_NOTE : 0) - Math.max(6, pageHeight * 0.015);
  const rows = t.header.length + t.rows.length;
  if (rows * (size - 1) * FIRST_LINE > room) return [size, RUNNING_INSET];
  const tries: [number, number][] = [...INSETS.map((inset): [number, number] => [size, inset]), [size - 0.5, 1.8], [size - 1, MIN_INSET]];
  for (const [s, inset] of tries) {
    if (s < 7) continue;
    if (tableHeight(head, body, t.header.length, t.rows.length, widths, s, inset) <= room) return [s, inset];
  }
  return [size, RUNNING_INSET];
}

function pdfCell(p: Placed, columnAlign: Align | undefined, body: boolean): string | PdfCell {
  const c: PdfCell = { t: p.text };
  if (p.align !== columnAlign) c.a = p.align;
  if (p.bold) c.b = 1;
  if (p.indent > 0) c.i = p.indent;
  if (p.fill) c.f = 1;
  if (p.rowSpan > 1) c.rs = p.rowSpan;
  if (p.colSpan > 1) c.cs = p.colSpan;
  if (p.rowSpan > 6) c.k = 1;
  return body && Object.keys(c).length === 1 ? p.text : c;
}

/**
 * Rows for the template. A section row that is a plain row of labels — one cell per column, no span in or
 * out, not the last row — becomes a (sub)header that Typst repeats on the pages its section runs over.
 */
function bodyRows(t: DisclosureTable, placed: Placed[], aligns: Align[]): PdfRow[] {
  const cells: Placed[][] = t.rows.map(() => []);
  for (const p of placed) cells[p.row]!.push(p);
  return cells.map((row, i) => {
    const out: PdfRow = { c: row.map((p) => pdfCell(p, aligns[p.col], true)) };
    const labels = row.length === t.columns.length && row.every((p) => p.rowSpan === 1 && p.colSpan === 1 && !p.money && p.text !== "");
    if (t.rows[i]!.kind === "section" && labels && i < t.rows.length - 1) out.h = 1;
    return out;
  });
}

function tableData(t: DisclosureTable): PdfTable {
  const wide = t.columns.length > 7;
  const page = wide ? LANDSCAPE : PORTRAIT;
  const body = bodyCells(t);
  const head = headerCells(t);
  const { size, widths } = layoutColumns(t, body, (page.width - 2 * page.margin.x) * MM - 1);
  const [fitSize, inset] = fitPage(head, body, t, widths, size, (page.height - page.margin.top - page.margin.bottom) * MM);
  const aligns = t.columns.map((c) => DEFAULT_ALIGN[c.kind]);
  return {
    title: t.title,
    entry: `${chineseNumber(t.number)}、${t.title}`,
    unitName: t.unitName,
    unit: t.unit,
    wide,
    margin: page.margin,
    size: fitSize,
    inset,
    widths,
    aligns,
    head: head.map((p) => pdfCell(p, "c", false) as PdfCell),
    // an empty table prints one blank row under its header, as the official forms do
    body: t.rows.length > 0 ? bodyRows(t, body, aligns) : [{ c: t.columns.map(() => "") }],
    note: t.note ?? null,
  };
}

/** The JSON the Typst template reads (exported for tests and debugging). */
export function pdfData(d: Disclosure): PdfData {
  const kind = documentKind(d);
  const date = d.date ? /^(\d{4})-(\d{2})/.exec(d.date) : null;
  return {
    title: d.title,
    author: d.scope.name,
    cover: { name: d.scope.name, kind: kind.cover, date: date ? `${date[1]}年${Number(date[2])}月` : null, provenance: d.provenance ?? null },
    draft: d.draft ? DRAFT_MARK : null,
    parts: d.narrative.parts.map((p) => ({
      title: p.title,
      lines: /^第.部分 /.test(p.title) ? [p.title.slice(0, p.title.indexOf(" ")), p.title.slice(p.title.indexOf(" ") + 1)] : [p.title],
      spacing: "normal",
      // a part with one section named like the part (第三部分 名词解释) prints no section heading
      sections: p.sections.map((s) => ({ title: p.sections.length === 1 && p.title.endsWith(s.title) ? "" : s.title, paragraphs: s.paragraphs })),
    })),
    attachments: `附件：${d.scope.name}${kind.attachments}`,
    divider: ["附件", `${d.scope.name}${kind.attachments}`],
    leading: LEADING,
    tables: d.tables.map(tableData),
  };
}

// ── the template ─────────────────────────────────────────────────────────────────────────────────────

/** Fixed Typst markup; every text comes from `D` (JSON), never spliced into the source. */
export const TYPST_TEMPLATE = String.raw`
#let D = json(bytes(sys.inputs.data))
#let serif = "Noto Serif SC"
#let sans = "Noto Sans SC"
#let fonts = (serif, sans)

#set document(title: D.title, author: D.author, date: none)
// fallback: false — only the two embedded families are ever used, never a font of the machine
#set text(font: fonts, fallback: false, lang: "zh", region: "cn", size: 12pt)
#set par(leading: 0.95em, spacing: 0.95em, justify: true)
#set page(paper: "a4", margin: (x: 25mm, top: 25mm, bottom: 25mm), numbering: none, footer: none)
#set page(header: align(center, text(fill: rgb("#b00000"), weight: "bold", size: 11pt, D.draft))) if D.draft != none
#show heading: set text(font: (sans, serif), weight: "bold")
#show heading.where(level: 2): it => block(above: 1.5em, below: 0.9em, text(size: 13pt, it.body))

// ── cover ──
#page(margin: (x: 25mm, y: 30mm))[
  #set align(center)
  #v(20%)
  #text(font: (sans, serif), weight: "bold", size: 26pt, D.cover.name)
  #v(1.4em)
  #text(font: (sans, serif), weight: "bold", size: 24pt, D.cover.kind)
  #if D.cover.provenance != none {
    v(2.5em)
    block(width: 85%, align(left, text(size: 11pt, D.cover.provenance)))
  }
  #v(1fr)
  #if D.cover.date != none { text(size: 16pt, D.cover.date) }
  #v(8%)
]

// ── contents ──
#page[
  #align(center, text(font: (sans, serif), weight: "bold", size: 18pt)[目#h(1em)录])
  #v(1.2em)
  #set text(size: 11pt)
  #set par(justify: false)
  #show outline.entry.where(level: 1): set block(above: 1.3em)
  #show outline.entry.where(level: 1): set text(font: (sans, serif), weight: "bold")
  #outline(title: none, depth: 2, indent: 2em)
]

// ── 第一部分 … 第三部分 ──
#set page(numbering: "1", footer: context align(center, text(size: 10.5pt)[— #counter(page).display("1") —]))
#counter(page).update(1)
#set par(first-line-indent: (amount: 2em, all: true))
// Level-1 headings (parts, 附件) and the tables' level-2 headings are placed hidden, for the contents and
// the PDF bookmarks; what shows is set by hand (第二部分 on a line of its own; the table's plain title).
// A part marked tight (or loose) sets its lines a little closer (farther apart), so that its last page does
// not hold a stray line or two (renderPdf finds such a page by the part-end marks and lays out once more).
#for (i, p) in D.parts.enumerate() {
  pagebreak(weak: true)
  place(hide(heading(level: 1, p.title)))
  block(width: 100%, above: 0.5em, below: 1.6em, align(center, text(font: (sans, serif), weight: "bold", size: 16pt, p.lines.join("\n"))))
  let body = for s in p.sections {
    if s.title != "" { heading(level: 2, s.title) }
    for x in s.paragraphs { par(x) }
  }
  if p.spacing == "tight" {
    set par(leading: 0.8em, spacing: 0.8em)
    show heading.where(level: 2): it => block(above: 1.1em, below: 0.7em, text(size: 13pt, it.body))
    body
  } else if p.spacing == "loose" {
    set par(leading: 1.1em, spacing: 1.2em)
    show heading.where(level: 2): it => block(above: 1.9em, below: 1.1em, text(size: 13pt, it.body))
    body
  } else { body }
  context [#metadata((part: i, page: here().page(), y: here().position().y.pt())) <part-end>]
}
#set par(first-line-indent: 0em, justify: false)

// ── 附件: a divider page before the tables ──
#page[
  #place(hide(heading(level: 1, D.attachments)))
  #v(28%)
  #align(center, text(font: (sans, serif), weight: "bold", size: 26pt, D.divider.at(0)))
  #v(1.5em)
  #align(center, block(width: 85%, text(font: (sans, serif), weight: "bold", size: 20pt, D.divider.at(1))))
]

// ── the tables ──
#let aligns = (l: left + horizon, c: center + horizon, r: right + horizon)
#let bcell(c) = if type(c) == str { c } else {
  table.cell(
    rowspan: c.at("rs", default: 1),
    colspan: c.at("cs", default: 1),
    align: if "a" in c { aligns.at(c.a) } else { auto },
    fill: if "f" in c { luma(238) } else { none },
    breakable: "k" in c,
    {
      let body = if c.t == "" { none } else if "b" in c { text(weight: "bold", c.t) } else { c.t }
      if "i" in c { pad(left: c.i * 1em, body) } else { body }
    },
  )
}
#let hcell(c) = table.cell(
  rowspan: c.at("rs", default: 1),
  colspan: c.at("cs", default: 1),
  align: center + horizon,
  fill: luma(238),
  text(font: (sans, serif), c.t),
)

#for (i, t) in D.tables.enumerate() {
  page(flipped: t.wide, margin: (x: t.margin.x * 1mm, top: t.margin.top * 1mm, bottom: t.margin.bottom * 1mm))[
    #place(hide(heading(level: 2, t.entry)))
    #align(center, text(font: (sans, serif), weight: "bold", size: 15pt, t.title))
    #v(0.2em)
    #text(size: 10pt, grid(columns: (1fr, auto), column-gutter: 1em, [单位名称：#t.unitName], [单位：#t.unit]))
    #v(-0.4em)
    #{
      // lines as tall as the ideographic em box: the inset is the room between a rule and the ink
      set text(size: t.size * 1pt, top-edge: 0.88em, bottom-edge: -0.12em)
      set par(leading: D.leading * 1em)
      set table.cell(breakable: false)
      table(
        columns: t.widths.map(w => w * 1pt),
        align: t.aligns.map(a => aligns.at(a)),
        stroke: 0.5pt + black,
        inset: (x: 3pt, y: t.inset * 1pt),
        ..if t.head.len() > 0 { (table.header(repeat: true, ..t.head.map(hcell)),) } else { () },
        ..t.body.map(r => if "h" in r {
          (table.header(level: if t.head.len() > 0 { 2 } else { 1 }, ..r.c.map(bcell)),)
        } else { r.c.map(bcell) }).flatten(),
      )
    }
    #if t.note != none {
      v(0.3em)
      text(size: 10pt)[说明：#t.note]
    }
  ]
}
`;

// ── render ───────────────────────────────────────────────────────────────────────────────────────────

function compile(c: NodeCompiler, data: PdfData, title: string): NodeTypstDocument {
  const result = c.compile({ mainFileContent: TYPST_TEMPLATE, inputs: { data: JSON.stringify(data) } });
  const doc = result.result;
  if (!doc || result.hasError()) {
    const err = result.takeDiagnostics() ?? result.takeError();
    const details = err ? c.fetchDiagnostics(err).map((x: unknown) => JSON.stringify(x)).join("\n") : "no diagnostics";
    throw new Error(`PDF layout failed for ${title}:\n${details}`);
  }
  return doc;
}

/** Where each part of the narrative ends: its page and how far down (pt from the top edge). */
interface PartEnd {
  part: number;
  page: number;
  y: number;
}

/** The parts whose last page holds three lines or fewer (their end sits within STRAY_DEPTH of the top margin). */
function strayParts(c: NodeCompiler, doc: NodeTypstDocument): number[] {
  const ends = c.query(doc, { selector: "<part-end>", field: "value" }) as PartEnd[];
  const out: number[] = [];
  let previousPage = 0;
  for (const e of ends) {
    // a part that starts and ends on one page holds its title: never a stray page
    if (e.page > previousPage + 1 && e.y - BODY_MARGIN_TOP < STRAY_DEPTH) out.push(e.part);
    previousPage = e.page;
  }
  return out;
}

export async function renderPdf(d: Disclosure): Promise<Uint8Array> {
  // Each compiled document lives in native memory until V8 finalises its JS handle, and finalisers only
  // run when the event loop turns: a loop of renders that never yields (awaiting nothing but these
  // promises) would keep every document, ~12 MB each. One turn per render keeps memory flat.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const c = getCompiler();
  const data = pdfData(d);
  // A part whose last page would hold three lines or fewer is set tighter (its last lines move back) and,
  // when that is not enough, looser (more lines move on). Most documents are laid out once.
  let doc = compile(c, data, d.title);
  for (const spacing of ["tight", "loose"] as const) {
    const stray = strayParts(c, doc);
    if (stray.length === 0) break;
    for (const i of stray) data.parts[i]!.spacing = spacing;
    doc = compile(c, data, d.title);
  }
  const pdf = c.pdf(doc, { pdfTags: false });
  c.evictCache(EVICT_AGE);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
