// @vitest-environment happy-dom
/**
 * 明细表格 — the grid component in a DOM: a block pasted from Excel lands at the active cell (typed
 * values normalised), Ctrl+Z undoes it, arrow keys move, typing edits and Enter commits; findings tint
 * their cells.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { type GridColumnDef, LineItemGrid } from "../../src/web/components/LineItemGrid.tsx";
import { type GridState, emptyRow, initialGrid } from "../../src/web/lib/grid-model.ts";
import { normaliseAmount, normaliseNature } from "../../src/web/pages/prepare/line-rows.ts";
import { fenOfYuanText } from "../../src/web/lib/amount.ts";
import { formatAmount } from "../../src/web/lib/format.ts";
import { pasteText } from "./clipboard.ts";

const columns: GridColumnDef[] = [
  { key: "economic", title: "经济分类", width: 100 },
  { key: "nature", title: "性质", width: 80, normalise: normaliseNature, display: (v) => (v === "basic" ? "基本支出" : v === "project" ? "项目支出" : v) },
  { key: "amount", title: "金额", width: 100, align: "right", normalise: (s) => normaliseAmount(s, "yuan"), display: (v) => (v ? formatAmount(fenOfYuanText(v), "yuan") : "") },
];

let last: GridState;
function Harness({ marks }: { marks?: Map<string, "error" | "warning"> }) {
  const [s, setS] = useState(() => initialGrid([{ economic: "30201", nature: "basic", amount: "100.00" }]));
  last = s;
  return <LineItemGrid label="明细" columns={columns} state={s} onChange={setS} newRow={() => emptyRow(columns, { nature: "basic" })} noMatch="无" rowLabel="行" marks={marks} />;
}


afterEach(cleanup);

describe("LineItemGrid", () => {
  it("pastes a block from Excel and undoes it with Ctrl+Z", () => {
    render(<Harness />);
    const grid = screen.getByRole("grid", { name: "明细" });
    pasteText(grid, "30211\t项目\t1,200.5\r\n30216\t基本\t300\r\n");
    expect(last.rows).toEqual([
      { economic: "30211", nature: "project", amount: "1200.50" },
      { economic: "30216", nature: "basic", amount: "300.00" },
    ]);
    expect(screen.getAllByRole("gridcell").map((c) => c.textContent)).toEqual(["30211", "项目支出", "1,200.50", "30216", "基本支出", "300.00"]);
    fireEvent.keyDown(grid, { key: "z", ctrlKey: true });
    expect(last.rows).toEqual([{ economic: "30201", nature: "basic", amount: "100.00" }]);
    fireEvent.keyDown(grid, { key: "y", ctrlKey: true });
    expect(last.rows).toHaveLength(2);
  });

  it("moves with the arrow keys, edits on typing and commits with Enter", () => {
    render(<Harness />);
    const grid = screen.getByRole("grid");
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    expect(last.focus).toEqual({ row: 0, col: 2 });
    fireEvent.keyDown(grid, { key: "5" });
    const input = screen.getByRole("textbox", { name: "金额 · 行 1" });
    fireEvent.change(input, { target: { value: "5万" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(last.rows[0]!.amount).toBe("50000.00");
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("tints cells with findings and marks errors invalid", () => {
    render(<Harness marks={new Map([["0:economic", "error"]])} />);
    const cell = screen.getAllByRole("gridcell")[0]!;
    expect(cell.className).toContain("bad");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
  });
});
