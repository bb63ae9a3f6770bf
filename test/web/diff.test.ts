/** 版本比较、与上年比较 — what a reviewer sees changed, and this year against the prior-year figures. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { budgetToFile } from "../../src/formats/budget-file/convert.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { changeRate, compareWithPrior } from "../../src/web/lib/compare.ts";
import { diffContent } from "../../src/web/lib/diff.ts";

const content = budgetToFile(parseBudgetText(readFileSync(new URL("../../examples/luolong-shequ-2021/budget.yaml", import.meta.url), "utf8"), "budget.yaml", "yaml"));
const lines = content.lineItems as Record<string, unknown>[];

describe("changes between versions", () => {
  it("lists changed, added and removed lines with the amount's change, keyed like the server", () => {
    const after = { ...content, lineItems: [{ ...lines[0], amount: "12100.00" }, ...lines.slice(2), { ...lines[1], memo: "新增一行" }, { ...lines[1] }] };
    const d = diffContent(content, after);
    const byKind = d.lines.map((c) => [c.before ? (c.after ? "changed" : "removed") : "added", c.key, c.delta]);
    expect(byKind).toEqual([
      ["changed", "313001|2012906|30228|basic||gpb-appropriation", -200_000],
      ["changed", "313001|2080505|30108|basic||gpb-appropriation", 0],
      ["added", "313001|2080505|30108|basic||gpb-appropriation#2", 12_660_000],
    ]);
  });

  it("sees no change when only key order or amount form differs", () => {
    const reordered = { ...content, lineItems: lines.map((l) => Object.fromEntries(Object.entries(l).reverse())) };
    expect(diffContent(content, reordered)).toEqual({ lines: [], projects: [], texts: [] });
  });

  it("names projects and texts that changed", () => {
    const projects = content.projects as Record<string, unknown>[];
    const after = { ...content, projects: [{ ...projects[0], name: "改名" }, ...projects.slice(2)], reasons: { ...(content.reasons as object), total: "新的原因" } };
    const d = diffContent(content, after);
    expect(d.projects.map((p) => p.kind)).toEqual(["changed", "removed"]);
    expect(d.texts.map((x) => x.field)).toEqual(["reasons.total"]);
  });
});

describe("this year against last", () => {
  it("puts the core's figures beside the prior-year ones the budget carries", () => {
    const cmp = compareWithPrior(content, new CatalogIndex(builtInCatalog(2021)!), "zh-CN")!;
    const total = cmp.rows.find((r) => r.key === "total")!;
    expect(total).toMatchObject({ label: "支出合计", current: 4_117_910_000 });
    expect(cmp.priorYear).toBe(2020);
    expect(cmp.rows.filter((r) => r.key.startsWith("class-")).map((r) => r.key)).toContain("class-208");
  });

  it("gives no rate against a zero or missing base", () => {
    expect(changeRate(100, 150)).toBe("50.00%");
    expect(changeRate(0, 5)).toBeUndefined();
    expect(changeRate(undefined, 5)).toBeUndefined();
  });
});
