/**
 * 表格编辑模型 — the state behind the spreadsheet-like grid, kept pure so it can be tested without a
 * browser: rows of text cells, the selection, typed and pasted input normalised per column, row
 * insertion and deletion, and undo/redo of every change (one step per edit, per paste, per row action).
 */

export type Row = Readonly<Record<string, string>>;

export interface Cell {
  row: number;
  col: number;
}

export interface GridColumn {
  key: string;
  /** turns typed or pasted text into the stored value (e.g. 万元 → 元, 基本 → basic) */
  normalise?: (text: string) => string;
  /** read-only columns are skipped by paste and refuse typing */
  readOnly?: boolean;
}

export interface GridState {
  rows: readonly Row[];
  /** the active cell */
  focus: Cell;
  /** the other corner of the selected block (equal to focus for one cell) */
  anchor: Cell;
  past: (readonly Row[])[];
  future: (readonly Row[])[];
}

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 200;

export function initialGrid(rows: readonly Row[]): GridState {
  return { rows, focus: { row: 0, col: 0 }, anchor: { row: 0, col: 0 }, past: [], future: [] };
}

export function emptyRow(columns: readonly GridColumn[], defaults: Record<string, string> = {}): Row {
  return Object.fromEntries(columns.map((c) => [c.key, defaults[c.key] ?? ""]));
}

/** The selected block, normalised to top-left / bottom-right. */
export function selection(s: Pick<GridState, "focus" | "anchor">): { top: number; left: number; bottom: number; right: number } {
  return {
    top: Math.min(s.focus.row, s.anchor.row),
    bottom: Math.max(s.focus.row, s.anchor.row),
    left: Math.min(s.focus.col, s.anchor.col),
    right: Math.max(s.focus.col, s.anchor.col),
  };
}

function commit(s: GridState, rows: readonly Row[]): GridState {
  if (rows === s.rows) return s;
  const past = [...s.past, s.rows];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { ...s, rows, past, future: [] };
}

function clampCell(c: Cell, rows: number, cols: number): Cell {
  return { row: Math.max(0, Math.min(c.row, Math.max(0, rows - 1))), col: Math.max(0, Math.min(c.col, cols - 1)) };
}

/** Moves the active cell (and, with `extend`, keeps the anchor so the block grows). */
export function moveFocus(s: GridState, columns: number, dRow: number, dCol: number, extend = false): GridState {
  const focus = clampCell({ row: s.focus.row + dRow, col: s.focus.col + dCol }, s.rows.length, columns);
  return { ...s, focus, anchor: extend ? s.anchor : focus };
}

export function setFocus(s: GridState, columns: number, cell: Cell, extend = false): GridState {
  const focus = clampCell(cell, s.rows.length, columns);
  return { ...s, focus, anchor: extend ? s.anchor : focus };
}

/** Writes one cell (typed input), normalised by its column. */
export function setCell(s: GridState, columns: readonly GridColumn[], cell: Cell, text: string): GridState {
  const col = columns[cell.col];
  const row = s.rows[cell.row];
  if (!col || !row || col.readOnly) return s;
  const value = col.normalise ? col.normalise(text) : text;
  if (row[col.key] === value) return s;
  const rows = s.rows.slice();
  rows[cell.row] = { ...row, [col.key]: value };
  return commit(s, rows);
}

/**
 * Pastes a block at the active cell. A single value pasted over a selected block fills the block (as in
 * Excel); otherwise the block lands with its top-left at the active cell, adding rows below the last
 * one when needed and dropping columns past the last. One undo step.
 */
export function paste(s: GridState, columns: readonly GridColumn[], block: readonly (readonly string[])[], newRow: () => Row): GridState {
  if (block.length === 0) return s;
  const sel = selection(s);
  const single = block.length === 1 && block[0]!.length === 1;
  const rows = s.rows.slice();
  let changed = false;
  const write = (r: number, c: number, text: string) => {
    const col = columns[c];
    if (!col || col.readOnly) return;
    while (rows.length <= r) {
      rows.push(newRow());
      changed = true;
    }
    const value = col.normalise ? col.normalise(text) : text;
    if (rows[r]![col.key] === value) return;
    rows[r] = { ...rows[r]!, [col.key]: value };
    changed = true;
  };
  if (single && (sel.bottom > sel.top || sel.right > sel.left)) {
    for (let r = sel.top; r <= sel.bottom; r++) for (let c = sel.left; c <= sel.right; c++) write(r, c, block[0]![0]!);
    return changed ? commit(s, rows) : s;
  }
  const top = sel.top;
  const left = sel.left;
  block.forEach((line, i) => line.forEach((text, j) => write(top + i, left + j, text)));
  if (!changed) return s;
  const height = block.length;
  const width = Math.max(...block.map((l) => l.length));
  const next = commit(s, rows);
  return { ...next, anchor: { row: top, col: left }, focus: clampCell({ row: top + height - 1, col: left + width - 1 }, rows.length, columns.length) };
}

/** Clears the selected cells (Delete key). */
export function clearSelection(s: GridState, columns: readonly GridColumn[]): GridState {
  const sel = selection(s);
  const rows = s.rows.slice();
  let changed = false;
  for (let r = sel.top; r <= sel.bottom && r < rows.length; r++) {
    for (let c = sel.left; c <= sel.right; c++) {
      const col = columns[c];
      if (!col || col.readOnly || rows[r]![col.key] === "") continue;
      rows[r] = { ...rows[r]!, [col.key]: "" };
      changed = true;
    }
  }
  return changed ? commit(s, rows) : s;
}

/** The selected block's values, for copying. */
export function selectedValues(s: GridState, columns: readonly GridColumn[], display: (key: string, value: string) => string = (_k, v) => v): string[][] {
  const sel = selection(s);
  const out: string[][] = [];
  for (let r = sel.top; r <= sel.bottom && r < s.rows.length; r++) {
    const line: string[] = [];
    for (let c = sel.left; c <= sel.right; c++) {
      const key = columns[c]!.key;
      line.push(display(key, s.rows[r]![key] ?? ""));
    }
    out.push(line);
  }
  return out;
}

/** Inserts a row below the active one (or at `at`) and moves there. */
export function insertRow(s: GridState, row: Row, at = s.rows.length === 0 ? 0 : s.focus.row + 1): GridState {
  const rows = [...s.rows.slice(0, at), row, ...s.rows.slice(at)];
  const next = commit(s, rows);
  const focus = { row: at, col: s.focus.col };
  return { ...next, focus, anchor: focus };
}

/** Deletes the rows of the selection. */
export function deleteRows(s: GridState, columns: number): GridState {
  if (s.rows.length === 0) return s;
  const sel = selection(s);
  const rows = s.rows.filter((_, i) => i < sel.top || i > sel.bottom);
  const next = commit(s, rows);
  const focus = clampCell({ row: sel.top, col: s.focus.col }, rows.length, columns);
  return { ...next, focus, anchor: focus };
}

/** Replaces every row (a reload from the server): history is kept so the reload can be undone too. */
export function replaceRows(s: GridState, rows: readonly Row[], columns: number, keepHistory = false): GridState {
  const next = keepHistory ? commit(s, rows) : { ...s, rows, past: [], future: [] };
  const focus = clampCell(s.focus, rows.length, columns);
  return { ...next, focus, anchor: focus };
}

export function undo(s: GridState, columns: number): GridState {
  const prev = s.past[s.past.length - 1];
  if (!prev) return s;
  const focus = clampCell(s.focus, prev.length, columns);
  return { rows: prev, past: s.past.slice(0, -1), future: [s.rows, ...s.future], focus, anchor: focus };
}

export function redo(s: GridState, columns: number): GridState {
  const next = s.future[0];
  if (!next) return s;
  const focus = clampCell(s.focus, next.length, columns);
  return { rows: next, past: [...s.past, s.rows], future: s.future.slice(1), focus, anchor: focus };
}
