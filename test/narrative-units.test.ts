/**
 * 单位构成 told truthfully: the department counts the units that have budgets and names the others as included
 * without one; a unit's own disclosure speaks of the unit (机关本级 for the department's office) and its
 * tables are titled as the unit's, as its cover is.
 */
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll, documentKind } from "../src/core/disclosure.ts";
import type { Budget } from "../src/core/model.ts";
import { fen } from "../src/core/money.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);
const { budget: sample } = await readBudget("examples/luolong-shequ-2021");

const structure = (d: Disclosure) => d.narrative.parts[0]!.sections.find((s) => s.id === "p1-organisation")!.paragraphs.at(-1)!;

describe("the units a disclosure speaks of", () => {
  it("the sample: one unit with a budget (机关本级), the service centre named as included without one", () => {
    const [department, unit] = deriveAll(sample, catalog);
    expect(structure(department!)).toBe(
      "洛龙区社区治理和服务创新办公室部门预算为机关本级预算。纳入2021年部门预算编制范围、单独编制预算的单位共1个：洛龙区社区治理和服务创新办公室（机关本级）。洛龙区社区综合服务中心未单独编制预算，其收支包含在机关本级预算中。",
    );
    expect(structure(unit!)).toBe("本预算为洛龙区社区治理和服务创新办公室机关本级的单位预算，不含所属单位。");
  });

  it("two units with budgets: both counted, the subordinate one's own disclosure names its kind and department", () => {
    const b: Budget = structuredClone(sample);
    b.units.push({ code: "313002", name: "洛龙区社区综合服务中心", type: "institution", staffing: {} });
    b.lineItems.push({ unit: "313002", functional: "2080208", economic: "30201", nature: "basic", source: "gpb-appropriation", amount: fen(1_000_000) });
    const [department, office, centre] = deriveAll(b, catalog);
    expect(structure(department!)).toBe(
      "洛龙区社区治理和服务创新办公室部门预算包括机关本级预算和所属单位预算。纳入2021年部门预算编制范围、单独编制预算的单位共2个：洛龙区社区治理和服务创新办公室（机关本级）、洛龙区社区综合服务中心。",
    );
    expect(structure(office!)).toContain("机关本级的单位预算");
    expect(structure(centre!)).toBe("洛龙区社区综合服务中心为洛龙区社区治理和服务创新办公室所属事业单位，本预算为其单位预算。");
  });

  it("a unit's cover, narrative and table titles all say 单位; the department's say 部门", () => {
    const [department, unit] = deriveAll(sample, catalog);
    expect(documentKind(unit!).cover).toBe("2021年度单位预算");
    expect(unit!.narrative.parts[1]!.title).toContain("2021年单位预算情况说明");
    expect(unit!.tables.map((t) => t.title).filter((t) => /年部门(?!（单位）)/.test(t))).toEqual([]);
    expect(unit!.tables[0]!.title).toBe("2021年单位收支总体情况表");
    expect(unit!.tables.find((t) => t.id === "t12")!.title).toBe("2021年部门（单位）整体绩效目标表");
    expect(department!.tables[0]!.title).toBe("2021年部门收支总体情况表");
    expect(department!.narrative.parts[1]!.title).toContain("2021年部门预算情况说明");
    const [, centralUnit] = deriveAll(sample, catalog, "central9");
    expect(centralUnit!.tables[0]!.title).toBe("2021年单位收支总表");
  });
});
