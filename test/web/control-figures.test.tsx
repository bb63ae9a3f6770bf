// @vitest-environment happy-dom
/** 控制数 in the editor: each control figure beside the total of the lines being typed, an excess marked. */
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ControlFigures, totalsOfItems } from "../../src/web/pages/prepare/ControlFigures.tsx";

afterEach(cleanup);

const items = [
  { unit: "313001", functional: "2080208", economic: "30101", nature: "基本", source: "财政拨款", amount: "1000000.00" },
  { unit: "313001", functional: "2080208", economic: "30201", nature: "basic", source: "gpb-appropriation", amount: "200000" },
  { unit: "313001", functional: "2080208", economic: "30201", nature: "项目", source: "其他收入", amount: "50000.00" },
  { unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: "not a number" },
];

describe("ControlFigures", () => {
  it("adds the lines by nature and source as the server reads them (Chinese names or ids)", () => {
    expect([...totalsOfItems(items)]).toEqual([
      ["basic|gpb-appropriation", 120_000_000],
      ["project|other", 5_000_000],
    ]);
  });

  it("shows each figure beside its total in 万元, names not ids, and marks what is above it", () => {
    render(<ControlFigures figures={[{ nature: "basic", source: "gpb-appropriation", amount: 100_000_000 }]} items={items} unit="wan" />);
    const tags = screen.getByTestId("control-figures").querySelectorAll(".ant-tag");
    expect([...tags].map((t) => t.textContent)).toEqual(["基本支出 · 一般公共预算财政拨款：120.00 万元 / 100.00 万元", "项目支出 · 其他收入：5.00 万元 / 未下达控制数"]);
    expect(tags[0]!.className).toContain("error");
    expect(screen.getByTestId("control-figures").textContent).not.toContain("gpb-");
  });

  it("shows nothing before control figures are set", () => {
    render(<ControlFigures figures={[]} items={items} unit="yuan" />);
    expect(screen.queryByTestId("control-figures")).toBeNull();
  });
});
