// @vitest-environment happy-dom
/** 科目选择 — the code picker of a grid cell: pinyin initials, names or digits find a code; Enter takes it. */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { CellEditor } from "../../src/web/components/CellEditor.tsx";
import { indexCodes } from "../../src/web/lib/code-search.ts";

const functional = indexCodes(builtInCatalog(2021)!.functional.entries);
afterEach(cleanup);

describe("CellEditor", () => {
  it("finds 基层政权建设和社区治理 by its initials and commits its code", () => {
    const onCommit = vi.fn();
    render(<CellEditor initial="" label="功能分类" codes={functional} acceptCode={(e) => e.code.length === 7} noMatch="无" onCommit={onCommit} onCancel={() => {}} />);
    const input = screen.getByRole("combobox", { name: "功能分类" });
    fireEvent.change(input, { target: { value: "jczqjs" } });
    const options = screen.getAllByRole("option");
    expect(options[0]!.textContent).toBe("2080208基层政权建设和社区治理");
    expect(options[0]!.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onCommit).toHaveBeenCalledWith("2080208", "down");
  });

  it("moves through the suggestions with the arrow keys and takes one with Tab", () => {
    const onCommit = vi.fn();
    render(<CellEditor initial="" label="功能分类" codes={functional} acceptCode={(e) => e.code.length === 7} noMatch="无" onCommit={onCommit} onCancel={() => {}} />);
    const input = screen.getByRole("combobox");
    fireEvent.change(input, { target: { value: "20802" } });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    const second = screen.getAllByRole("option")[1]!;
    expect(second.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "Tab" });
    expect(onCommit).toHaveBeenCalledWith(second.textContent!.slice(0, 7), "right");
  });

  it("keeps typed text that matches nothing, and Escape cancels", () => {
    const onCommit = vi.fn();
    const onCancel = vi.fn();
    const { unmount } = render(<CellEditor initial="" label="经济分类" codes={functional} noMatch="没有匹配的科目" onCommit={onCommit} onCancel={onCancel} />);
    const input = screen.getByRole("combobox");
    fireEvent.change(input, { target: { value: "9999999" } });
    expect(screen.getByRole("option").textContent).toBe("没有匹配的科目");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onCommit).toHaveBeenCalledWith("9999999", "down");
    unmount();
    render(<CellEditor initial="x" label="摘要" noMatch="" onCommit={onCommit} onCancel={onCancel} />);
    fireEvent.keyDown(screen.getByRole("textbox", { name: "摘要" }), { key: "Escape" });
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
