/** 表格编辑模型 — paste, typing, row actions and undo/redo of the line-item grid, without a browser. */
import { describe, expect, it } from "vitest";
import { type GridColumn, HISTORY_LIMIT, clearSelection, deleteRows, emptyRow, initialGrid, insertRow, moveFocus, paste, redo, selectedValues, setCell, setFocus, undo } from "../../src/web/lib/grid-model.ts";

const columns: GridColumn[] = [{ key: "code" }, { key: "nature", normalise: (s) => (s === "基本" ? "basic" : s) }, { key: "amount", normalise: (s) => s.replace(/,/g, "") }, { key: "id", readOnly: true }];
const row = (code: string, nature = "basic", amount = "1", id = "") => ({ code, nature, amount, id });
const newRow = () => emptyRow(columns, { nature: "basic" });

describe("grid model", () => {
  it("pastes a block at the active cell, normalising each cell and adding rows below", () => {
    let s = initialGrid([row("a"), row("b")]);
    s = setFocus(s, columns.length, { row: 1, col: 0 });
    s = paste(s, columns, [["x", "基本", "1,000"], ["y", "project", "2,000"], ["z", "基本", "3"]], newRow);
    expect(s.rows).toEqual([row("a"), row("x", "basic", "1000"), row("y", "project", "2000"), row("z", "basic", "3")]);
    expect([s.anchor, s.focus]).toEqual([
      { row: 1, col: 0 },
      { row: 3, col: 2 },
    ]);
    s = undo(s, columns.length);
    expect(s.rows).toEqual([row("a"), row("b")]);
    s = redo(s, columns.length);
    expect(s.rows).toHaveLength(4);
  });

  it("drops pasted columns past the last and skips read-only ones", () => {
    let s = initialGrid([row("a", "basic", "1", "keep")]);
    s = setFocus(s, columns.length, { row: 0, col: 2 });
    s = paste(s, columns, [["5", "overwrite?", "beyond"]], newRow);
    expect(s.rows).toEqual([row("a", "basic", "5", "keep")]);
  });

  it("fills a selected block with a single pasted value, as Excel does", () => {
    let s = initialGrid([row("a"), row("b"), row("c")]);
    s = setFocus(s, columns.length, { row: 0, col: 2 });
    s = setFocus(s, columns.length, { row: 2, col: 2 }, true);
    s = paste(s, columns, [["9"]], newRow);
    expect(s.rows.map((r) => r.amount)).toEqual(["9", "9", "9"]);
    expect(s.past).toHaveLength(1);
  });

  it("types into a cell (one undo step each), and a write of the same value is no step", () => {
    let s = initialGrid([row("a")]);
    s = setCell(s, columns, { row: 0, col: 1 }, "基本");
    expect(s.past).toHaveLength(0);
    s = setCell(s, columns, { row: 0, col: 0 }, "b");
    s = setCell(s, columns, { row: 0, col: 0 }, "c");
    expect(s.rows[0]!.code).toBe("c");
    s = undo(s, columns.length);
    expect(s.rows[0]!.code).toBe("b");
    s = setCell(s, columns, { row: 0, col: 0 }, "d");
    expect(s.future).toEqual([]);
    expect(setCell(s, columns, { row: 0, col: 3 }, "x")).toBe(s);
  });

  it("inserts below the active row and deletes the selected rows", () => {
    let s = initialGrid([row("a"), row("b"), row("c")]);
    s = insertRow(s, row("new"));
    expect(s.rows.map((r) => r.code)).toEqual(["a", "new", "b", "c"]);
    expect(s.focus.row).toBe(1);
    s = setFocus(s, columns.length, { row: 2, col: 0 }, true);
    s = deleteRows(s, columns.length);
    expect(s.rows.map((r) => r.code)).toEqual(["a", "c"]);
    s = undo(undo(s, columns.length), columns.length);
    expect(s.rows.map((r) => r.code)).toEqual(["a", "b", "c"]);
  });

  it("moves and extends the selection within the grid", () => {
    let s = initialGrid([row("a"), row("b")]);
    s = moveFocus(s, columns.length, 5, 5);
    expect(s.focus).toEqual({ row: 1, col: 3 });
    s = moveFocus(s, columns.length, -1, -2, true);
    expect([s.anchor, s.focus]).toEqual([
      { row: 1, col: 3 },
      { row: 0, col: 1 },
    ]);
    expect(selectedValues(s, columns)).toEqual([
      ["basic", "1", ""],
      ["basic", "1", ""],
    ]);
    s = clearSelection(s, columns);
    expect(s.rows).toEqual([row("a", "", "", ""), row("b", "", "", "")]);
  });

  it("remembers a bounded history", () => {
    let s = initialGrid([row("0")]);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) s = setCell(s, columns, { row: 0, col: 0 }, String(i));
    expect(s.past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) s = undo(s, columns.length);
    expect(s.rows[0]!.code).toBe("10");
  });
});
