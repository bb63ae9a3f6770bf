/**
 * 即时审核 — the rules the browser runs as people type give what the server gives for the same content,
 * and input the schema refuses becomes a finding at its cell while the rest is still checked.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { createRuleContext, locationKey } from "../../src/core/rules/engine.ts";
import { runRules } from "../../src/core/rules/index.ts";
import { budgetToFile } from "../../src/formats/budget-file/convert.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { catalogIndexOf, checkContent, gridPlace, pathOf } from "../../src/web/lib/check.ts";
import { itemsOfRows, rowOfItem } from "../../src/web/pages/prepare/line-rows.ts";
import type { ContentLineItem } from "../../src/web/api/types.ts";

const file = new URL("../../examples/luolong-shequ-2021/budget.yaml", import.meta.url);
const budget = parseBudgetText(readFileSync(file, "utf8"), "budget.yaml", "yaml");
const content = budgetToFile(budget);
const year = builtInCatalog(2021)!;
const catalog = new CatalogIndex(year);
const keys = (list: { rule: string; location: Parameters<typeof locationKey>[0] }[]) => list.map((f) => `${f.rule} ${locationKey(f.location)}`).sort();

describe("findings in the browser", () => {
  it("equal the server's for the same content", () => {
    const server = runRules(createRuleContext(budget, catalog));
    expect(keys(checkContent(content, catalog))).toEqual(keys(server));
  });

  it("use the catalog as the API answers it (code lists and mapping)", () => {
    const index = catalogIndexOf({ year: 2021, catalogYear: 2021, origin: "built-in", files: [], functional: year.functional, departmentEconomic: year.departmentEconomic, governmentEconomic: year.governmentEconomic, mapping: year.mapping });
    expect(keys(checkContent(content, index))).toEqual(keys(checkContent(content, catalog)));
  });

  it("report a refused amount at its cell and still check the other lines, at their grid positions", () => {
    const lines = content.lineItems as Record<string, unknown>[];
    const broken = { ...content, lineItems: [{ ...lines[0], amount: "1.2.3" }, { ...lines[1], economic: "30230" }, ...lines.slice(2)] };
    const found = checkContent(broken, catalog);
    const input = found.filter((f) => f.rule === "input.invalid");
    expect(input.map((f) => f.location)).toEqual([{ kind: "data", path: "lineItems[0].amount" }]);
    const unknown = found.find((f) => f.rule === "code.economic-unknown");
    expect(unknown && gridPlace(unknown)).toEqual({ row: 1, key: "economic" });
  });

  it("name schema paths as the rules do", () => {
    expect(pathOf(["lineItems", 3, "amount"])).toBe("lineItems[3].amount");
    expect(pathOf(["projects", 0, "indicators", 2, "target"])).toBe("projects[0].indicators[2].target");
    expect(pathOf(["reasons", "total"])).toBe("reasons.total");
  });
});

describe("line items as grid rows", () => {
  it("go to rows and back unchanged; blank rows are not line items", () => {
    const items = content.lineItems as ContentLineItem[];
    const rows = items.map(rowOfItem);
    const blank = { unit: "313001", functional: "", economic: "", nature: "basic", project: "", source: "gpb-appropriation", amount: "", memo: "" };
    const { items: back, gridRowOf } = itemsOfRows([blank, ...rows]);
    expect(back).toEqual(items);
    expect(gridRowOf[0]).toBe(1);
  });

  it("read Chinese natures and sources and 万元 amounts as the file would", () => {
    expect(rowOfItem({ unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: 1234.5 })).toMatchObject({ nature: "basic", source: "gpb-appropriation", amount: "1234.50" });
  });
});
