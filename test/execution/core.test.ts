import { describe, expect, it } from "vitest";
import {
  type Execution,
  completionOf,
  departmentFormulas,
  evaluateDepartment,
  evaluateProjects,
  gradeOf,
  monthlyExecuted,
  perCapitaChange,
  sideBySide,
  spendingProgress,
  timeProgress,
  totals,
} from "../../src/core/execution/index.ts";
import type { Indicator, Target } from "../../src/core/model.ts";
import { fen } from "../../src/core/money.ts";
import { formatPercent } from "../../src/core/ratio.ts";
import { PROJECT, minimalBudget, yuan } from "../rules/fixture.ts";
import { minimalExecution } from "./fixture.ts";

const pct = (h: number) => ({ kind: "pct", hundredths: h });
const NA = { kind: "na" };

describe("年初 / 调整后 / 执行 side by side", () => {
  const budget = minimalBudget();
  const lines = sideBySide(budget, minimalExecution());
  it("applies approved adjustments only, never touching the budget", () => {
    const t = totals(lines);
    expect(t).toEqual({ original: yuan(940000), adjusted: yuan(960000), executed: yuan(833000), carryOver: yuan(127000) });
    expect(budget.lineItems.reduce((s, l) => s + l.amount, 0)).toBe(yuan(940000));
  });
  it("carries over 调整后 − 执行 per line", () => {
    const office = lines.find((l) => l.economic === "30201")!;
    expect(office).toMatchObject({ original: yuan(50000), adjusted: yuan(45000), executed: yuan(45000), carryOver: 0 });
    const reception = lines.find((l) => l.economic === "30217")!;
    expect(reception).toMatchObject({ adjusted: yuan(15000), executed: yuan(8000), carryOver: yuan(7000) });
  });
  it("counts an adjustment approved after asOf as not yet effective", () => {
    const e = { ...minimalExecution(), asOf: "2021-06-29" };
    expect(totals(sideBySide(budget, e)).adjusted).toBe(yuan(940000));
  });
  it("sums payments by month, cumulatively", () => {
    const m = monthlyExecuted(minimalExecution(), () => true, true);
    expect(m[0]).toBe(yuan(50000));
    expect(m[11]).toBe(yuan(833000));
  });
});

describe("department formulas, hand-computed", () => {
  const f = Object.fromEntries(departmentFormulas(minimalBudget(), minimalExecution()).map((r) => [r.id, r.value]));
  it("预算执行率 = 833000 / 960000 = 86.77%", () => expect(f["execution-rate"]).toEqual(pct(8677)));
  it("预算调整率 = 20000 / 940000 = 2.13%", () => expect(f["adjustment-rate"]).toEqual(pct(213)));
  it("结转结余变动率 = (127000 − 100000) / 100000 = 27.00%", () => expect(f["carry-over-change"]).toEqual(pct(2700)));
  it("政府采购执行率 is 不适用 without a procurement budget", () => expect(f["procurement-execution"]).toEqual(NA));
  it("在职人员经费变动率 = (630000 − 600000) / 600000 = 5.00%", () => expect(f["personnel-change"]).toEqual(pct(500)));
  it("人均公用经费变动率 = (53000/18 − 50000/20) / (50000/20) = 17.78%", () => expect(f["per-capita-public-change"]).toEqual(pct(1778)));
  it("“三公”经费变动率 = (8000 − 10000) / 10000 = −20.00%", () => expect(f["three-public-change"]).toEqual(pct(-2000)));
  it("成本节约率 = (60000 − 53000) / 60000 = 11.67%", () => expect(f["cost-saving"]).toEqual(pct(1167)));
  it("政府采购执行率 = 45000 / 50000 = 90.00% with a procurement budget", () => {
    const b = minimalBudget();
    b.procurement = [{ unit: b.units[0]!.code, kind: "goods", amount: yuan(50000) }];
    const e: Execution = { ...minimalExecution(), procurementExecuted: yuan(45000) };
    expect(departmentFormulas(b, e).find((r) => r.id === "procurement-execution")!.value).toEqual(pct(9000));
  });
  it("gives 不适用 for every 变动率 without prior figures and for zero bases", () => {
    const e: Execution = { ...minimalExecution(), prior: { carryOver: fen(0), personnel: fen(0) } };
    const g = Object.fromEntries(departmentFormulas(minimalBudget(), e).map((r) => [r.id, formatPercent(r.value)]));
    expect(g).toMatchObject({ "carry-over-change": "不适用", "personnel-change": "不适用", "per-capita-public-change": "不适用", "three-public-change": "不适用" });
    const empty: Execution = { year: 2021, asOf: "2021-12-31", payments: [], adjustments: [], actuals: [] };
    const b = minimalBudget();
    b.lineItems = [];
    for (const r of departmentFormulas(b, empty)) expect(r.value, r.id).toEqual(NA);
  });
  it("per-capita change: zero head count is 不适用", () => {
    expect(perCapitaChange(yuan(1), 0, yuan(1), 1)).toEqual(NA);
    expect(perCapitaChange(yuan(100), 2, yuan(100), 1)).toEqual(pct(-5000));
  });
});

describe("indicator completion against the comparator", () => {
  const ind = (target: Target): Indicator => ({ level1: "产出指标", level2: "数量指标", level3: "x", target });
  const num = (comparator: "≥" | "≤" | "=" | ">" | "<", value: string) => ind({ kind: "numeric", comparator, value, unit: "%" });
  const c = (i: Indicator, value: string) => completionOf(i, { kind: "numeric", value }, "2021-12-31");
  it("≥95%: 98 met (103.16%), 90 partly (94.74%)", () => {
    expect(c(num("≥", "95"), "98")).toMatchObject({ status: "met", rate: pct(10316) });
    expect(c(num("≥", "95"), "90")).toMatchObject({ status: "partly", rate: pct(9474) });
  });
  it("= 120 个 (a level to reach): 120 met, 90 partly 75%, 150 met 125%", () => {
    expect(c(num("=", "120"), "120")).toMatchObject({ status: "met", rate: pct(10000) });
    expect(c(num("=", "120"), "90")).toMatchObject({ status: "partly", rate: pct(7500) });
    expect(c(num("=", "120"), "150")).toMatchObject({ status: "met", rate: pct(12500) });
  });
  it("≤10%: 5 met 100%, 17.78 missed 56.24%; ≤0 with −20 met", () => {
    expect(c(num("≤", "10"), "5")).toMatchObject({ status: "met", rate: pct(10000) });
    expect(c(num("≤", "10"), "17.78")).toMatchObject({ status: "missed", rate: pct(5624) });
    expect(c(num("≤", "0"), "-20")).toMatchObject({ status: "met", rate: pct(10000) });
    expect(c(num("≤", "0"), "3")).toMatchObject({ status: "missed", rate: pct(0) });
  });
  it("compares decimals exactly: 0.1 + 0.2 style values", () => {
    expect(c(num("≥", "0.3"), "0.30")).toMatchObject({ status: "met" });
    expect(c(num(">", "99.99"), "99.99")).toMatchObject({ status: "partly" });
  });
  it("deadlines: on time, late, pending before the date, missed after it", () => {
    const d = ind({ kind: "deadline", date: "2021-03-31", text: "2021年3月底前" });
    expect(completionOf(d, { kind: "date", date: "2021-03-31" }, "2021-12-31")).toMatchObject({ status: "met", rate: pct(10000) });
    expect(completionOf(d, { kind: "date", date: "2021-04-01" }, "2021-12-31")).toMatchObject({ status: "missed", rate: pct(0) });
    expect(completionOf(d, undefined, "2021-03-15")).toMatchObject({ status: "pending", rate: NA });
    expect(completionOf(d, { kind: "date" }, "2021-04-01")).toMatchObject({ status: "missed", rate: pct(0) });
  });
  it("qualitative: the evaluator's judgement; 不适用 and missing actuals", () => {
    const q = ind({ kind: "qualitative", text: "明显" });
    expect(completionOf(q, { kind: "qualitative", text: "效果明显", achieved: "达成" }, "2021-12-31")).toMatchObject({ status: "met", rate: pct(10000) });
    expect(completionOf(q, { kind: "qualitative", text: "有所改善", achieved: "基本达成" }, "2021-12-31")).toMatchObject({ status: "partly", rate: pct(8000) });
    expect(completionOf(q, { kind: "not-applicable", reason: "无" }, "2021-12-31")).toMatchObject({ status: "na", rate: NA });
    expect(completionOf(q, undefined, "2021-12-31")).toMatchObject({ status: "missing" });
  });
});

describe("self-evaluation scores", () => {
  it("project: 10 × 68.18% + 25 + 25 + 30 × 99% + 10 = 96.52 (优)", () => {
    const [p] = evaluateProjects(minimalBudget(), minimalExecution());
    expect(p!.code).toBe(PROJECT);
    expect(p!.executionRate).toEqual(pct(6818));
    expect(p!.indicators.map((i) => [i.level3, i.weight, i.score])).toEqual([
      ["预算执行率", 1000, 682],
      ["运维系统数", 2500, 2500],
      ["完成时间", 2500, 2500],
      ["系统可用率", 3000, 2970],
      ["使用人员满意度", 1000, 1000],
    ]);
    expect(p!.score).toBe(9652);
    expect(p!.grade).toBe("优");
  });
  it("configurable weights; 成本 scored inside 产出 unless weighted", () => {
    const b = minimalBudget();
    b.projects[0]!.indicators.push({ level1: "成本指标", level2: "经济成本指标", level3: "单位成本", target: { kind: "numeric", comparator: "≤", value: "100", unit: "元" } });
    const e = minimalExecution();
    e.actuals.push({ project: PROJECT, level3: "单位成本", value: { kind: "numeric", value: "200" } });
    const [p] = evaluateProjects(b, e);
    expect(p!.indicators.find((i) => i.level3 === "单位成本")).toMatchObject({ weight: 1667, score: 833 });
    const [q] = evaluateProjects(b, e, { projectWeights: { 预算执行率: 10, 产出指标: 40, 成本指标: 10, 效益指标: 30, 满意度指标: 10 } });
    expect(q!.indicators.find((i) => i.level3 === "单位成本")).toMatchObject({ weight: 1000, score: 500 });
  });
  it("不适用 indicators leave the score re-based to 100", () => {
    const e = minimalExecution();
    e.actuals = e.actuals.map((a) => (a.level3 === "系统可用率" ? { ...a, value: { kind: "not-applicable", reason: "系统未上线" } } : a));
    const [p] = evaluateProjects(minimalBudget(), e);
    // applicable weight 70: 10 × 68.18% + 50 + 10 = 66.818 of 70 → 95.45
    expect(p!.score).toBe(9545);
  });
  it("department: its own levels, formula-named indicators filled from the formulas", () => {
    const d = evaluateDepartment(minimalBudget(), minimalExecution());
    expect(d.indicators.map((i) => [i.level3, i.completion.status, i.completion.actualText, i.weight, i.score])).toEqual([
      ["总体工作完成率", "met", "100%", 5000, 5000],
      ["人均公用经费变动率", "missed", "17.78%", 5000, 2812],
      ["离退休人员经费变动率", "na", "不适用（无离退休人员经费）", 0, 0],
    ]);
    expect(d.score).toBe(7812);
    expect(d.grade).toBe("中");
  });
  it("grades at 90 / 80 / 60", () => {
    expect([9000, 8999, 8000, 6000, 5999].map(gradeOf)).toEqual(["优", "良", "良", "中", "差"]);
  });
});

describe("progress against time", () => {
  it("time progress: end of Q3 is 75%, mid-month counts days", () => {
    expect(timeProgress("2021-09-30", 2021)).toBe(7500);
    expect(timeProgress("2021-06-15", 2021)).toBe(4583);
    expect(timeProgress("2020-12-31", 2021)).toBe(0);
    expect(timeProgress("2022-01-01", 2021)).toBe(10000);
  });
  it("spending progress by department, unit and project", () => {
    const e = { ...minimalExecution(), asOf: "2021-09-30" };
    const p = spendingProgress(minimalBudget(), e);
    const proj = p.find((x) => x.kind === "project")!;
    expect(proj).toMatchObject({ adjusted: yuan(220000), executed: yuan(50000), rate: pct(2273), time: 7500 });
    expect(p.map((x) => x.kind)).toEqual(["department", "unit", "project"]);
  });
});
