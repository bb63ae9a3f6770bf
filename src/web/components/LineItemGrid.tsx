/**
 * 明细表格 — a spreadsheet-like grid over lib/grid-model.ts: arrow keys, Tab and Enter move; typing,
 * Enter or F2 edit; Ctrl+C copies and Ctrl+V pastes blocks (TSV, as Excel puts on the clipboard);
 * Delete clears; Ctrl+Z / Ctrl+Y undo and redo; Shift extends the selection. Cells with findings are
 * tinted, and `focusCell` (a click in the findings panel) brings a cell into view.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from "react";
import type { IndexedCode } from "../lib/code-search.ts";
import { type GridColumn, type GridState, type Row, clearSelection, moveFocus, paste, redo, selectedValues, selection, setCell, setFocus, undo } from "../lib/grid-model.ts";
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

interface Editing {
  row: number;
  col: number;
  text: string;
}

export const LineItemGrid = forwardRef<GridHandle, LineItemGridProps>(function LineItemGrid({ label, columns, state, onChange, newRow, readOnly, marks, noMatch, placeholder, rowLabel }, ref) {
  const wrap = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dragging, setDragging] = useState(false);
  const id = useId();
  const cellId = (r: number, c: number) => `${id}-c${r}-${c}`;
  const n = columns.length;
  const sel = selection(state);

  useImperativeHandle(ref, () => ({
    focusCell: (row, key) => {
      const col = Math.max(0, columns.findIndex((c) => c.key === key));
      onChange(setFocus(state, n, { row, col }));
      setEditing(null);
      wrap.current?.focus({ preventScroll: true });
    },
  }));

  useEffect(() => {
    document.getElementById(cellId(state.focus.row, state.focus.col))?.scrollIntoView({ block: "nearest", inline: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.focus.row, state.focus.col]);

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

  const commit = (text: string, move: "down" | "right" | "left" | "none") => {
    if (!editing) return;
    let next = setCell(state, columns, { row: editing.row, col: editing.col }, text);
    next = setFocus(next, n, { row: editing.row, col: editing.col });
    if (move === "down") next = moveFocus(next, n, 1, 0);
    if (move === "right") next = moveFocus(next, n, 0, 1);
    if (move === "left") next = moveFocus(next, n, 0, -1);
    setEditing(null);
    onChange(next);
    wrap.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
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

  return (
    <div
      ref={wrap}
      className="grid-wrap"
      tabIndex={0}
      role="grid"
      aria-label={label}
      aria-rowcount={state.rows.length + 1}
      aria-colcount={n + 1}
      aria-multiselectable
      aria-readonly={readOnly || undefined}
      aria-activedescendant={!editing && state.rows.length > 0 ? cellId(state.focus.row, state.focus.col) : undefined}
      onKeyDown={onKeyDown}
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
      <table className="grid" role="presentation">
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
          {state.rows.map((row, r) => (
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
                          wrap.current?.focus({ preventScroll: true });
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
                      wrap.current?.focus({ preventScroll: true });
                      onChange(setFocus(state, n, { row: r, col: ci }, e.shiftKey));
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
          ))}
        </tbody>
      </table>
    </div>
  );
});
