/**
 * 明细表格 — a spreadsheet-like grid over lib/grid-model.ts: arrow keys, Tab and Enter move; typing,
 * Enter or F2 edit; Ctrl+C copies and Ctrl+V pastes blocks (TSV, as Excel puts on the clipboard);
 * Delete clears; Ctrl+Z / Ctrl+Y undo and redo; Shift extends the selection. Cells with findings are
 * tinted, and `focusCell` (a click in the findings panel) brings a cell into view.
 *
 * Past WINDOW_THRESHOLD rows only the rows in the scroll viewport are rendered (lib/row-window.ts), with
 * empty space standing in for the others; every row has the fixed height ROW_HEIGHT (styles.css).
 *
 * The keyboard focus sits in an invisible input placed over the active cell, not on the grid itself: an
 * input method (Chinese pinyin) composes only in an editable element, so typing 基层 on a cell that is not
 * being edited composes there and opens the editor with the composed text. Key, copy and paste events
 * bubble from it to the wrapper's handlers. For assistive technology it is a combobox whose popup is the
 * grid, aria-activedescendant naming the active cell (the ARIA combobox pattern with a grid popup).
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { IndexedCode } from "../lib/code-search.ts";
import { type GridColumn, type GridState, type Row, clearSelection, moveFocus, paste, redo, selectedValues, selection, setCell, setFocus, undo } from "../lib/grid-model.ts";
import { rowSlots, rowWindow, scrollTopShowing } from "../lib/row-window.ts";
import { parseTsv, toTsv } from "../lib/tsv.ts";
import { CellEditor, type Choice } from "./CellEditor.tsx";

export interface GridColumnDef extends GridColumn {
  title: string;
  width: number;
  align?: "left" | "right";
  /** the text shown for a stored value */
  display?: (value: string) => string;
  /** a second, lighter text after the value (a code's name) */
  hint?: (value: string) => string | undefined;
  codes?: readonly IndexedCode[];
  acceptCode?: (e: IndexedCode) => boolean;
  choices?: readonly Choice[];
  /** the text put in the editor for a stored value (e.g. an amount in the chosen unit) */
  editText?: (value: string) => string;
}

export interface GridHandle {
  focusCell: (row: number, key: string) => void;
}

export interface LineItemGridProps {
  label: string;
  columns: readonly GridColumnDef[];
  state: GridState;
  onChange: (s: GridState) => void;
  newRow: () => Row;
  readOnly?: boolean;
  /** severity per "row:key" (or "row:*" for the whole row) */
  marks?: ReadonlyMap<string, "error" | "warning" | "info">;
  noMatch: string;
  placeholder?: string;
  rowLabel: string;
}

/** More rows than this and only a window of them is rendered. */
export const WINDOW_THRESHOLD = 200;
/** A body row's height in px: styles.css gives `.grid tbody` cells 30px and a 1px bottom border. */
export const ROW_HEIGHT = 31;
/** rows rendered beyond each edge of the viewport */
const OVERSCAN = 10;
/** the container's height when it has no layout (happy-dom in tests) */
const DEFAULT_VIEWPORT = 600;

interface Editing {
  row: number;
  col: number;
  text: string;
}

export const LineItemGrid = forwardRef<GridHandle, LineItemGridProps>(function LineItemGrid({ label, columns, state, onChange, newRow, readOnly, marks, noMatch, placeholder, rowLabel }, ref) {
  const wrap = useRef<HTMLDivElement>(null);
  const sink = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dragging, setDragging] = useState(false);
  const id = useId();
  const cellId = (r: number, c: number) => `${id}-c${r}-${c}`;
  const n = columns.length;
  const sel = selection(state);
  const count = state.rows.length;
  const windowed = count > WINDOW_THRESHOLD;
  /** the row at the top of the viewport (the scroll position in whole rows, so a scroll within a row renders nothing) */
  const [topRow, setTopRow] = useState(0);
  /** the height in which body rows show: the container's, less the sticky header */
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT - ROW_HEIGHT);
  /** bumped by focusCell, so a cell already active is brought into view again */
  const [revealed, setRevealed] = useState(0);
  const pendingReveal = useRef(false);
  /** the state an edit committed while a click took the focus (the click must start from it, not from `state`) */
  const committed = useRef<GridState | null>(null);

  const focusGrid = () => sink.current?.focus({ preventScroll: true });
  const bodyViewport = () => {
    const el = wrap.current;
    const header = Math.ceil(el?.querySelector("thead")?.getBoundingClientRect().height || ROW_HEIGHT);
    return Math.max(ROW_HEIGHT, (el?.clientHeight || DEFAULT_VIEWPORT) - header);
  };

  useImperativeHandle(ref, () => ({
    focusCell: (row, key) => {
      const col = Math.max(0, columns.findIndex((c) => c.key === key));
      onChange(setFocus(state, n, { row, col }));
      setEditing(null);
      setRevealed((x) => x + 1);
      focusGrid();
    },
  }));

  // The container's height, for the window: now and whenever it changes.
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!windowed || !el) return;
    const measure = () => setViewport(bodyViewport());
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [windowed]);

  // Bring the active cell into view. Windowed, its row may not be in the document: scroll by arithmetic
  // first, then let the browser do the rest (columns, the page) once the row is rendered.
  useLayoutEffect(() => {
    const el = wrap.current;
    if (windowed && el) {
      const top = scrollTopShowing(state.focus.row, ROW_HEIGHT, el.scrollTop, bodyViewport());
      if (top !== el.scrollTop) el.scrollTop = top;
      setTopRow(Math.floor(top / ROW_HEIGHT));
    }
    pendingReveal.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.focus.row, state.focus.col, revealed]);

  useEffect(() => {
    if (!pendingReveal.current) return;
    const cell = document.getElementById(cellId(state.focus.row, state.focus.col));
    if (!cell) return;
    pendingReveal.current = false;
    cell.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  // Keep the focus sink over the active cell, where an input method shows its candidates.
  useLayoutEffect(() => {
    const cell = document.getElementById(cellId(state.focus.row, state.focus.col));
    const box = sink.current;
    if (!cell || !box) return;
    const table = cell.offsetParent as HTMLElement | null;
    const place = { top: cell.offsetTop + (table?.offsetTop ?? 0), left: cell.offsetLeft + (table?.offsetLeft ?? 0), width: cell.offsetWidth, height: cell.offsetHeight };
    for (const [k, v] of Object.entries(place)) if (v > 0 || k === "top" || k === "left") box.style.setProperty(k, `${v}px`);
  });

  useEffect(() => {
    if (!dragging) return;
    const up = () => setDragging(false);
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, [dragging]);

  const startEdit = (text?: string) => {
    if (readOnly || state.rows.length === 0) return;
    const col = columns[state.focus.col];
    if (!col || col.readOnly) return;
    const value = state.rows[state.focus.row]?.[col.key] ?? "";
    setEditing({ row: state.focus.row, col: state.focus.col, text: text ?? (col.editText ? col.editText(value) : value) });
  };

  /** Text that reached the sink (composed by an input method, or put there otherwise) starts an edit. */
  const takeTyped = (text: string) => {
    if (sink.current) sink.current.value = "";
    if (text && !editing) startEdit(text);
  };

  const commit = (text: string, move: "down" | "right" | "left" | "none") => {
    if (!editing) return;
    let next = setCell(state, columns, { row: editing.row, col: editing.col }, text);
    next = setFocus(next, n, { row: editing.row, col: editing.col });
    if (move === "down") next = moveFocus(next, n, 1, 0);
    if (move === "right") next = moveFocus(next, n, 0, 1);
    if (move === "left") next = moveFocus(next, n, 0, -1);
    setEditing(null);
    committed.current = next;
    onChange(next);
    focusGrid();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // an input method's keys ("Process", keyCode 229) compose in the sink; the result arrives in takeTyped
    if (editing || composing.current || e.nativeEvent.isComposing || e.key === "Process" || e.key === "Unidentified") return;
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key;
    const go = (dr: number, dc: number) => {
      e.preventDefault();
      onChange(moveFocus(state, n, dr, dc, e.shiftKey));
    };
    if (k === "ArrowDown") return go(1, 0);
    if (k === "ArrowUp") return go(-1, 0);
    if (k === "ArrowRight") return go(0, 1);
    if (k === "ArrowLeft") return go(0, -1);
    if (k === "PageDown") return go(15, 0);
    if (k === "PageUp") return go(-15, 0);
    if (k === "Home") {
      e.preventDefault();
      onChange(setFocus(state, n, { row: mod ? 0 : state.focus.row, col: 0 }, e.shiftKey));
      return;
    }
    if (k === "End") {
      e.preventDefault();
      onChange(setFocus(state, n, { row: mod ? state.rows.length - 1 : state.focus.row, col: n - 1 }, e.shiftKey));
      return;
    }
    if (k === "Tab") {
      if (state.rows.length === 0) return;
      const last = state.focus.col === n - 1 && !e.shiftKey;
      const first = state.focus.col === 0 && e.shiftKey;
      if (last || first) return; // leave the grid
      return go(0, e.shiftKey ? -1 : 1);
    }
    if (mod && (k === "z" || k === "Z")) {
      e.preventDefault();
      onChange(e.shiftKey ? redo(state, n) : undo(state, n));
      return;
    }
    if (mod && (k === "y" || k === "Y")) {
      e.preventDefault();
      onChange(redo(state, n));
      return;
    }
    if (mod && (k === "a" || k === "A")) {
      e.preventDefault();
      onChange({ ...state, anchor: { row: 0, col: 0 }, focus: { row: Math.max(0, state.rows.length - 1), col: n - 1 } });
      return;
    }
    if (readOnly) return;
    if (k === "Enter" || k === "F2") {
      e.preventDefault();
      startEdit();
      return;
    }
    if (k === "Delete" || k === "Backspace") {
      e.preventDefault();
      onChange(clearSelection(state, columns));
      return;
    }
    if (k.length === 1 && !mod && !e.altKey) {
      e.preventDefault();
      startEdit(k);
    }
  };

  const display = (c: GridColumnDef, v: string) => (c.display ? c.display(v) : v);

  const win = windowed ? rowWindow({ scrollTop: topRow * ROW_HEIGHT, viewport: viewport + ROW_HEIGHT, rowHeight: ROW_HEIGHT, count, overscan: OVERSCAN }) : { first: 0, last: count };
  // the active row and the edited one stay in the document (aria-activedescendant, the open editor)
  const slots = rowSlots(win.first, win.last, count, windowed ? [state.focus.row, editing?.row ?? -1] : []);

  return (
    <div
      ref={wrap}
      className={windowed ? "grid-wrap windowed" : "grid-wrap"}
      onKeyDown={onKeyDown}
      onScroll={windowed ? (e) => setTopRow(Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT)) : undefined}
      onClick={() => {
        if (!editing) focusGrid();
      }}
      onCopy={(e) => {
        if (editing) return;
        e.preventDefault();
        e.clipboardData.setData("text/plain", toTsv(selectedValues(state, columns, (key, v) => display(columns.find((c) => c.key === key)!, v))));
      }}
      onPaste={(e) => {
        if (editing || readOnly) return;
        e.preventDefault();
        const block = parseTsv(e.clipboardData.getData("text/plain"));
        onChange(paste(state, columns, block, newRow));
      }}
    >
      <input
        ref={sink}
        className="grid-sink"
        type="text"
        role="combobox"
        aria-label={label}
        aria-haspopup="grid"
        aria-expanded
        aria-controls={`${id}-grid`}
        aria-activedescendant={!editing && count > 0 ? cellId(state.focus.row, state.focus.col) : undefined}
        readOnly={readOnly}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        onCompositionStart={(e) => {
          composing.current = true;
          e.currentTarget.classList.add("composing");
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          e.currentTarget.classList.remove("composing");
          takeTyped(e.data || e.currentTarget.value);
        }}
        onInput={(e) => {
          if (composing.current || (e.nativeEvent as InputEvent).isComposing) return;
          takeTyped(e.currentTarget.value);
        }}
      />
      <table
        className="grid"
        id={`${id}-grid`}
        role="grid"
        aria-label={label}
        aria-rowcount={count + 1}
        aria-colcount={n + 1}
        aria-multiselectable
        aria-readonly={readOnly || undefined}
      >
        <colgroup>
          <col style={{ width: 44 }} />
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th className="rownum" role="columnheader" aria-label={rowLabel}>
              #
            </th>
            {columns.map((c) => (
              <th key={c.key} role="columnheader" style={{ textAlign: c.align }}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => {
            if (!("row" in slot)) {
              return (
                <tr key={`skip${slot.from}`} className="grid-skip" aria-hidden>
                  <td colSpan={n + 1} style={{ height: slot.skip * ROW_HEIGHT }} />
                </tr>
              );
            }
            const r = slot.row;
            const row = state.rows[r]!;
            return (
              <tr key={r} role="row" aria-rowindex={r + 2}>
                <th className="rownum" role="rowheader" scope="row">
                  {r + 1}
                </th>
                {columns.map((c, ci) => {
                  const v = row[c.key] ?? "";
                  const isFocus = state.focus.row === r && state.focus.col === ci;
                  const inSel = r >= sel.top && r <= sel.bottom && ci >= sel.left && ci <= sel.right;
                  const mark = marks?.get(`${r}:${c.key}`) ?? marks?.get(`${r}:*`);
                  const cls = [c.align === "right" ? "num" : "", inSel && !isFocus ? "sel" : "", isFocus ? "focus" : "", mark === "error" ? "bad" : mark === "warning" ? "warn" : ""];
                  if (editing && editing.row === r && editing.col === ci) {
                    return (
                      <td key={c.key} id={cellId(r, ci)} role="gridcell" className="editing">
                        <CellEditor
                          initial={editing.text}
                          label={`${c.title} · ${rowLabel} ${r + 1}`}
                          codes={c.codes}
                          acceptCode={c.acceptCode}
                          choices={c.choices}
                          noMatch={noMatch}
                          placeholder={c.codes ? placeholder : undefined}
                          onCommit={commit}
                          onCancel={() => {
                            setEditing(null);
                            focusGrid();
                          }}
                        />
                      </td>
                    );
                  }
                  const hint = c.hint?.(v);
                  return (
                    <td
                      key={c.key}
                      id={cellId(r, ci)}
                      role="gridcell"
                      aria-selected={inSel}
                      aria-invalid={mark === "error" || undefined}
                      className={cls.filter(Boolean).join(" ")}
                      title={hint ? `${v} ${hint}` : display(c, v)}
                      onMouseDown={(e) => {
                        if (e.button !== 0) return;
                        e.preventDefault();
                        // taking the focus blurs an open editor, which commits its text first
                        committed.current = null;
                        focusGrid();
                        onChange(setFocus(committed.current ?? state, n, { row: r, col: ci }, e.shiftKey));
                        setDragging(true);
                      }}
                      onMouseEnter={() => dragging && onChange({ ...state, focus: { row: r, col: ci } })}
                      onDoubleClick={() => startEdit()}
                    >
                      {display(c, v)}
                      {hint && <span className="code-name">{hint}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
