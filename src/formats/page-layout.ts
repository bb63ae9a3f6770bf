/**
 * The page layout of a disclosure table (表格版式), shared by the PDF and the HTML so that both print a table
 * alike: the page (A4, landscape when wide) and its margins, one type size, each column's width and the
 * rows' vertical inset, chosen from the table's content. Measurements are Noto Serif SC's, as Typst sets it.
 */
import { type Fen, type PrintUnit, formatIn } from "../core/money.ts";
import { type Cell, type ColumnKind, type DisclosureTable, cellEmphasis, headerGrid } from "../core/table.ts";

/** Horizontal alignment of a cell: l(eft), c(entre), r(ight). */
export type Align = "l" | "c" | "r";

export const MM = 72 / 25.4;
export const PORTRAIT = { width: 210, height: 297, margin: { x: 15, top: 18, bottom: 18 } };
export const LANDSCAPE = { width: 297, height: 210, margin: { x: 12, top: 14, bottom: 16 } };
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
/** A cell merged over more rows than this may break across pages (in the PDF and the HTML alike). */
export const BREAKABLE_ROWS = 6;
export const LEADING = 0.22;
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

function money(c: Cell, unit: PrintUnit): string {
  return typeof c === "number" ? formatIn(unit, c as Fen) : "";
}

/** A body or header cell where it sits in the grid, before it is written out for the template. */
export interface Placed {
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

export const DEFAULT_ALIGN: Record<ColumnKind, Align> = { money: "r", code: "c", text: "l" };

export function bodyCells(t: DisclosureTable): Placed[] {
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
        text: isMoney ? money(cell, t.unit) : (cell ?? ""),
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

export function headerCells(t: DisclosureTable): Placed[] {
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

/** A table laid out for a page: what the PDF's template and the HTML's print stylesheet both set. */
export interface TableLayout {
  /** landscape (more than seven columns) */
  wide: boolean;
  /** page margins, mm */
  margin: { x: number; top: number; bottom: number };
  /** type size and vertical cell inset, pt */
  size: number;
  inset: number;
  /** column widths, pt */
  widths: number[];
  aligns: Align[];
  head: Placed[];
  body: Placed[];
}

export function tableLayout(t: DisclosureTable): TableLayout {
  const wide = t.columns.length > 7;
  const page = wide ? LANDSCAPE : PORTRAIT;
  const body = bodyCells(t);
  const head = headerCells(t);
  const { size, widths } = layoutColumns(t, body, (page.width - 2 * page.margin.x) * MM - 1);
  const [fitSize, inset] = fitPage(head, body, t, widths, size, (page.height - page.margin.top - page.margin.bottom) * MM);
  return { wide, margin: page.margin, size: fitSize, inset, widths, aligns: t.columns.map((c) => DEFAULT_ALIGN[c.kind]), head, body };
}
