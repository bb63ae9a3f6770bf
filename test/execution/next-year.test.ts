import { describe, expect, it } from "vitest";
import { nextYearBudget, shiftTarget, totals, sideBySide } from "../../src/core/execution/index.ts";
import { computeFigures } from "../../src/core/derive/figures.ts";
import { departmentScope } from "../../src/core/derive/scope.ts";
import { budgetToFile } from "../../src/formats/budget-file/convert.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { stringify } from "yaml";
import { PROJECT, minimalBudget, yuan } from "../rules/fixture.ts";
import { minimalExecution } from "./fixture.ts";

describe("next year's budget from this year's", () => {
  it("copies units, lines, recurring projects and targets; this year's figures become prior", () => {
    const b = minimalBudget();
    b.projects[0]!.class = "general";
    const { budget: n, dropped } = nextYearBudget(b);
    expect(n.year).toBe(2022);
    expect(n.units).toHaveLength(1);
    expect(n.units[0]!.staffing).toEqual(b.units[0]!.staffing);
    expect(n.lineItems).toEqual(b.lineItems);
    expect(n.projects.map((p) => p.code)).toEqual([PROJECT]);
    expect(dropped).toEqual([]);
    const f = computeFigures(departmentScope(b));
    expect(n.prior).toMatchObject({ year: 2021, basis: "上年年初预算", total: f.total, basic: f.basic, project: f.project, personnel: f.personnel, publicFunds: f.publicFunds, threePublic: f.threePublic });
    expect(n.reasons).toEqual({});
    expect(b.year).toBe(2021); // the source is untouched
  });
  it("drops one-off 专项 projects with their lines, unless they carry money over", () => {
    const b = minimalBudget(); // its project is 专项资金
    const r = nextYearBudget(b);
    expect(r.budget.projects).toEqual([]);
    expect(r.budget.lineItems.every((l) => l.project === undefined)).toBe(true);
    expect(r.dropped).toEqual([`${PROJECT} 信息系统运维`]);
    const c = nextYearBudget(b, { execution: minimalExecution() });
    expect(c.budget.projects.map((p) => p.code)).toEqual([PROJECT]);
    // 调整后 220 000 − 执行 150 000 = 70 000 carried over as 部门财政性资金结转
    expect(c.budget.lineItems.filter((l) => l.source === "carry-over")).toEqual([
      { unit: "101001", functional: "2010102", economic: "30227", nature: "project", project: PROJECT, source: "carry-over", amount: yuan(70000), memo: "2021年结转" },
    ]);
    expect(totals(sideBySide(b, minimalExecution()), (l) => l.project === PROJECT).carryOver).toBe(yuan(70000));
  });
  it("maps codes that changed in next year's catalog and lists them", () => {
    const r = nextYearBudget(minimalBudget(), { mapping: { functional: { "2010101": "2010150" }, economic: { "30217": "30218" } } });
    expect(r.budget.lineItems.filter((l) => l.functional === "2010150")).toHaveLength(3);
    expect(r.budget.lineItems.some((l) => l.economic === "30217")).toBe(false);
    expect(r.mapped).toEqual(["economic 30217 → 30218", "functional 2010101 → 2010150"]);
  });
  it("maps the codes the built-in catalogs renumber between the years: 2017 30311 住房公积金 → 2018 30113", () => {
    const b = { ...minimalBudget(), year: 2017 };
    b.lineItems[0]!.economic = "30311";
    b.lineItems[1]!.economic = "30104";
    const r = nextYearBudget(b);
    expect(r.budget.year).toBe(2018);
    expect(r.budget.lineItems[0]!.economic).toBe("30113");
    expect(r.budget.lineItems[1]!.economic).toBe("30112");
    expect(r.mapped).toEqual(["economic 30104 → 30112", "economic 30311 → 30113"]);
    // a mapping given by the user goes on top of the catalogs' own
    expect(nextYearBudget(b, { mapping: { economic: { "30311": "30199" } } }).budget.lineItems[0]!.economic).toBe("30199");
    // past the last built-in year nothing is mapped by the catalogs
    expect(nextYearBudget({ ...b, year: 2026 }).mapped).toEqual([]);
  });
  it("moves deadlines a year on", () => {
    expect(shiftTarget({ kind: "deadline", date: "2021-03-31", text: "2021年3月底前" }, 2021)).toEqual({ kind: "deadline", date: "2022-03-31", text: "2022年3月底前" });
    expect(shiftTarget({ kind: "deadline", date: "2021-12-31", text: "12月31日前" }, 2021)).toEqual({ kind: "deadline", date: "2022-12-31", text: "12月31日前" });
    expect(shiftTarget({ kind: "deadline", date: "2023-02-28", text: "2023年2月底前" }, 2023)).toEqual({ kind: "deadline", date: "2024-02-29", text: "2024年2月底前" });
    expect(shiftTarget({ kind: "numeric", comparator: "≥", value: "95", unit: "%" }, 2021)).toEqual({ kind: "numeric", comparator: "≥", value: "95", unit: "%" });
  });
  it("round-trips through the budget file", () => {
    const b = minimalBudget();
    b.projects[0]!.class = "general";
    const { budget: n } = nextYearBudget(b);
    expect(parseBudgetText(stringify(budgetToFile(n)), "next.yaml", "yaml")).toEqual(n);
  });
});
