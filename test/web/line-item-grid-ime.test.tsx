// @vitest-environment happy-dom
/**
 * 明细表格 and a Chinese input method — the grid's keyboard focus is an invisible input (a combobox whose
 * popup is the grid), so pinyin composes there: the composed 基层 opens the editor with that text, and
 * after Enter the focus is back in it for the next cell.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { type GridColumnDef, LineItemGrid } from "../../src/web/components/LineItemGrid.tsx";
import { type GridState, emptyRow, initialGrid } from "../../src/web/lib/grid-model.ts";

const columns: GridColumnDef[] = [
  { key: "economic", title: "经济分类", width: 100 },
  { key: "memo", title: "摘要", width: 160 },
];

let last: GridState;
function Harness({ readOnly }: { readOnly?: boolean }) {
  const [s, setS] = useState(() => initialGrid([{ economic: "30201", memo: "" }, { economic: "30202", memo: "" }]));
  last = s;
  return <LineItemGrid label="明细" columns={columns} state={s} onChange={setS} newRow={() => emptyRow(columns)} noMatch="无" rowLabel="行" readOnly={readOnly} />;
}

const sink = () => screen.getByRole("combobox", { name: "明细" });

afterEach(cleanup);

describe("LineItemGrid with an input method", () => {
  it("holds the focus in the sink, which names the active cell", () => {
    render(<Harness />);
    fireEvent.mouseDown(screen.getAllByRole("gridcell")[3]!, { button: 0 });
    expect(document.activeElement).toBe(sink());
    expect(last.focus).toEqual({ row: 1, col: 1 });
    expect(sink().getAttribute("aria-activedescendant")).toBe(screen.getAllByRole("gridcell")[3]!.id);
    expect(sink().getAttribute("aria-controls")).toBe(screen.getByRole("grid").id);
  });

  it("opens the editor with the composed text, and commits it with Enter", () => {
    render(<Harness />);
    fireEvent.mouseDown(screen.getAllByRole("gridcell")[1]!, { button: 0 });
    const el = sink() as HTMLInputElement;
    fireEvent.keyDown(el, { key: "Process", keyCode: 229 });
    expect(screen.queryByRole("textbox")).toBeNull(); // the input method's key does not start an edit
    fireEvent.compositionStart(el, { data: "" });
    el.value = "jiceng";
    fireEvent.input(el, { isComposing: true });
    fireEvent.keyDown(el, { key: "Enter", isComposing: true });
    expect(screen.queryByRole("textbox")).toBeNull(); // still composing
    el.value = "基层";
    fireEvent.compositionEnd(el, { data: "基层" });
    const editor = screen.getByRole("textbox", { name: "摘要 · 行 1" }) as HTMLInputElement;
    expect(editor.value).toBe("基层");
    expect(document.activeElement).toBe(editor);
    expect(el.value).toBe("");
    fireEvent.keyDown(editor, { key: "Enter" });
    expect(last.rows[0]!.memo).toBe("基层");
    expect(last.focus).toEqual({ row: 1, col: 1 });
    expect(document.activeElement).toBe(sink());
  });

  it("takes text put in without a composition (a full-width comma), and Latin keys as before", () => {
    render(<Harness />);
    fireEvent.mouseDown(screen.getAllByRole("gridcell")[1]!, { button: 0 });
    const el = sink() as HTMLInputElement;
    el.value = "，";
    fireEvent.input(el);
    const editor = screen.getByRole("textbox", { name: "摘要 · 行 1" }) as HTMLInputElement;
    expect(editor.value).toBe("，");
    fireEvent.keyDown(editor, { key: "Escape" });
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(document.activeElement).toBe(sink());
    fireEvent.keyDown(sink(), { key: "x" });
    expect((screen.getByRole("textbox", { name: "摘要 · 行 1" }) as HTMLInputElement).value).toBe("x");
  });

  it("keeps an edit when a click on another cell takes the focus", () => {
    render(<Harness />);
    fireEvent.mouseDown(screen.getAllByRole("gridcell")[1]!, { button: 0 });
    fireEvent.keyDown(sink(), { key: "a" });
    const editor = screen.getByRole("textbox", { name: "摘要 · 行 1" });
    fireEvent.change(editor, { target: { value: "abc" } });
    fireEvent.mouseDown(screen.getAllByRole("gridcell")[2]!, { button: 0 });
    expect(last.rows[0]!.memo).toBe("abc");
    expect(last.focus).toEqual({ row: 1, col: 0 });
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(document.activeElement).toBe(sink());
  });

  it("does not edit a read-only grid", () => {
    render(<Harness readOnly />);
    const el = sink() as HTMLInputElement;
    expect(el.readOnly).toBe(true);
    fireEvent.compositionStart(el);
    fireEvent.compositionEnd(el, { data: "基层" });
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});
