// @vitest-environment happy-dom
/**
 * 明细表格 with 5,000 rows — only a window of rows is in the document (empty space stands in for the
 * rest, keeping the scroll height), yet the keys, a finding's focusCell, editing and paste reach every row.
 */
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createRef, useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { type GridColumnDef, type GridHandle, LineItemGrid, ROW_HEIGHT, WINDOW_THRESHOLD } from "../../src/web/components/LineItemGrid.tsx";
import { type GridState, type Row, emptyRow, initialGrid } from "../../src/web/lib/grid-model.ts";
import { pasteText } from "./clipboard.ts";

const columns: GridColumnDef[] = [
  { key: "economic", title: "经济分类", width: 100 },
  { key: "amount", title: "金额", width: 100, align: "right" },
  { key: "memo", title: "摘要", width: 160 },
];
const N = 5000;
const rows: Row[] = Array.from({ length: N }, (_, i) => ({ economic: String(30201 + (i % 20)), amount: `${i + 1}.00`, memo: `行${i + 1}` }));

let last: GridState;
function Harness({ grid, start = rows }: { grid?: React.Ref<GridHandle>; start?: Row[] }) {
  const [s, setS] = useState(() => initialGrid(start));
  last = s;
  return <LineItemGrid ref={grid} label="明细" columns={columns} state={s} onChange={setS} newRow={() => emptyRow(columns)} noMatch="无" rowLabel="行" />;
}

/** the real row indexes (from 0) of the rows in the document */
const renderedRows = () => [...document.querySelectorAll("tbody tr[role=row]")].map((tr) => Number(tr.getAttribute("aria-rowindex")) - 2);
const skipHeight = () => [...document.querySelectorAll<HTMLElement>("tbody tr.grid-skip td")].reduce((s, td) => s + parseFloat(td.style.height), 0);
const activeCell = () => document.getElementById(screen.getByRole("combobox", { name: "明细" }).getAttribute("aria-activedescendant") ?? "");


afterEach(cleanup);

describe("LineItemGrid with thousands of rows", () => {
  it("renders only a window of rows, with empty space keeping the full height", () => {
    render(<Harness />);
    const grid = screen.getByRole("grid", { name: "明细" });
    expect(grid.getAttribute("aria-rowcount")).toBe(String(N + 1));
    const shown = renderedRows();
    expect(shown[0]).toBe(0);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    expect(skipHeight() + shown.length * ROW_HEIGHT).toBe(N * ROW_HEIGHT);
  });

  it("renders every row below the threshold, with no empty space", () => {
    render(<Harness start={rows.slice(0, WINDOW_THRESHOLD)} />);
    expect(renderedRows()).toHaveLength(WINDOW_THRESHOLD);
    expect(document.querySelector("tr.grid-skip")).toBeNull();
  });

  it("follows the scroll position", () => {
    render(<Harness />);
    const wrap = screen.getByRole("grid").parentElement!;
    act(() => {
      wrap.scrollTop = 3000 * ROW_HEIGHT;
      fireEvent.scroll(wrap);
    });
    const shown = renderedRows();
    expect(shown).toContain(3000);
    expect(shown).toContain(0); // the active row stays, for aria-activedescendant
    expect(shown.length).toBeLessThan(60);
    expect(skipHeight() + shown.length * ROW_HEIGHT).toBe(N * ROW_HEIGHT);
  });

  it("goes to the last row with Ctrl+End and back with Ctrl+Home, rendering and scrolling to it", () => {
    render(<Harness />);
    const grid = screen.getByRole("grid");
    const wrap = grid.parentElement!;
    fireEvent.keyDown(grid, { key: "End", ctrlKey: true });
    expect(last.focus).toEqual({ row: N - 1, col: 2 });
    expect(renderedRows()).toContain(N - 1);
    expect(renderedRows()).not.toContain(10);
    expect(activeCell()?.textContent).toBe(`行${N}`);
    expect(activeCell()?.closest("tr")?.getAttribute("aria-rowindex")).toBe(String(N + 1));
    expect(wrap.scrollTop).toBeGreaterThan((N - 30) * ROW_HEIGHT);
    fireEvent.keyDown(grid, { key: "PageUp" });
    expect(renderedRows()).toContain(N - 16);
    fireEvent.keyDown(grid, { key: "Home", ctrlKey: true });
    expect(last.focus).toEqual({ row: 0, col: 0 });
    expect(renderedRows()[0]).toBe(0);
    expect(activeCell()?.textContent).toBe("30201");
  });

  it("brings a far cell into view for a finding, and edits it", () => {
    const grid = createRef<GridHandle>();
    render(<Harness grid={grid} />);
    act(() => grid.current!.focusCell(2500, "memo"));
    expect(renderedRows()).toContain(2500);
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "明细" }));
    fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    const input = screen.getByRole("textbox", { name: "摘要 · 行 2501" });
    fireEvent.change(input, { target: { value: "远处的行" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(last.rows[2500]!.memo).toBe("远处的行");
    expect(last.focus).toEqual({ row: 2501, col: 2 });
    expect(renderedRows()).toContain(2501);
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "明细" }));
  });

  it("pastes a block at a far row, adding rows past the end, and copies a block across unrendered rows", () => {
    const grid = createRef<GridHandle>();
    render(<Harness grid={grid} />);
    act(() => grid.current!.focusCell(N - 1, "amount"));
    pasteText(screen.getByRole("grid"), "7\t甲\r\n8\t乙\r\n9\t丙\r\n");
    expect(last.rows).toHaveLength(N + 2);
    expect(last.rows.slice(N - 1).map((r) => [r.amount, r.memo])).toEqual([
      ["7", "甲"],
      ["8", "乙"],
      ["9", "丙"],
    ]);
    expect(screen.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(N + 3));
    expect(renderedRows()).toContain(N + 1);

    fireEvent.keyDown(screen.getByRole("grid"), { key: "a", ctrlKey: true });
    let copied = "";
    const event = new Event("copy", { bubbles: true, cancelable: true }) as Event & { clipboardData: { setData: (t: string, v: string) => void } };
    event.clipboardData = { setData: (_t, v) => (copied = v) };
    act(() => {
      screen.getByRole("grid").dispatchEvent(event);
    });
    const lines = copied.split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(N + 2);
    expect(lines[1234]).toBe(`30215\t1235.00\t行1235`);
  });
});
