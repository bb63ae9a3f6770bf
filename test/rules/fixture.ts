/**
 * A minimal valid budget for rule tests: one 行政 unit, basic and project lines with 2021 built-in codes,
 * one project with 产出/效益/满意度 indicators, overall targets, assets, and prior-year figures equal to
 * this year's (so no change needs a reason). Every call returns a fresh copy to mutate.
 */
import { expect } from "vitest";
import { CatalogIndex, type YearCatalog } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import type { Budget, Indicator } from "../../src/core/model.ts";
import { type Fen, fen } from "../../src/core/money.ts";
import { createRuleContext, runRules } from "../../src/core/rules/index.ts";
import type { Finding, Rule } from "../../src/core/rules/finding.ts";

/** 元 (as a literal in a test) → 分. */
export function yuan(n: number): Fen {
  return fen(Math.round(n * 100));
}

export const UNIT = "101001";
export const PROJECT = "101001-01";

export function baseCatalog(): YearCatalog {
  const c = builtInCatalog(2021);
  if (!c) throw new Error("no built-in 2021 catalog");
  return c;
}

export const builtIn = new CatalogIndex(baseCatalog());

/** The built-in catalog presented as a loaded official one (same codes, origin "official"). */
export const official = new CatalogIndex({ ...baseCatalog(), origin: "official" });

export function projectIndicators(): Indicator[] {
  return [
    { level1: "产出指标", level2: "数量指标", level3: "运维系统数", target: { kind: "numeric", comparator: "=", value: "3", unit: "套" } },
    { level1: "产出指标", level2: "时效指标", level3: "完成时间", target: { kind: "deadline", date: "2021-12-31", text: "2021年12月底前" } },
    { level1: "效益指标", level2: "社会效益指标", level3: "系统可用率", target: { kind: "numeric", comparator: "≥", value: "99", unit: "%" } },
    { level1: "满意度指标", level2: "服务对象满意度指标", level3: "使用人员满意度", target: { kind: "numeric", comparator: "≥", value: "90", unit: "%" } },
  ];
}

export function minimalBudget(): Budget {
  return {
    year: 2021,
    department: { code: "101", name: "测试局" },
    units: [{ code: UNIT, name: "测试局机关", type: "administrative", staffing: { authorized: 20, actual: 18, retired: 5 } }],
    lineItems: [
      { unit: UNIT, functional: "2010101", economic: "30101", nature: "basic", source: "gpb-appropriation", amount: yuan(600000), memo: "基本工资" },
      { unit: UNIT, functional: "2080505", economic: "30108", nature: "basic", source: "gpb-appropriation", amount: yuan(80000), memo: "养老保险" },
      { unit: UNIT, functional: "2010101", economic: "30201", nature: "basic", source: "gpb-appropriation", amount: yuan(50000), memo: "办公费" },
      { unit: UNIT, functional: "2010101", economic: "30217", nature: "basic", source: "gpb-appropriation", amount: yuan(10000), memo: "公务接待费" },
      { unit: UNIT, functional: "2010102", economic: "30227", nature: "project", project: PROJECT, source: "gpb-appropriation", amount: yuan(200000) },
    ],
    projects: [{ code: PROJECT, name: "信息系统运维", unit: UNIT, class: "special", functional: "2010102", indicators: projectIndicators() }],
    targets: {
      goals: ["保障机关正常运转，完成年度工作任务"],
      tasks: [
        { name: "基本支出", content: "人员和公用经费", funds: { kind: "basic" } },
        { name: "信息化", content: "信息系统运维", funds: { kind: "projects", codes: [PROJECT] } },
      ],
      indicators: [
        { level1: "履职效能", level2: "整体工作完成", level3: "总体工作完成率", target: { kind: "numeric", comparator: "≥", value: "95", unit: "%" } },
        { level1: "运行成本", level2: "成本控制成效", level3: "人均公用经费变动率", target: { kind: "numeric", comparator: "≤", value: "10", unit: "%" } },
        { level1: "运行成本", level2: "成本控制成效", level3: "离退休人员经费变动率", target: { kind: "numeric", comparator: "≤", value: "0", unit: "" } },
      ],
    },
    procurement: [],
    assets: { asOf: "2020-12-31", vehicles: { 一般公务用车: 1 }, generalEquipmentOver500k: 0, specialEquipmentOver1m: 0 },
    prior: {
      year: 2020,
      basis: "上年年初预算",
      total: yuan(940000),
      basic: yuan(740000),
      project: yuan(200000),
      appropriation: yuan(940000),
      generalPublicBudget: yuan(940000),
      governmentFund: yuan(0),
      stateCapital: yuan(0),
      byClass: { "201": yuan(860000), "208": yuan(80000) },
      personnel: yuan(680000),
      publicFunds: yuan(60000),
      threePublic: { abroad: yuan(0), reception: yuan(10000), vehiclePurchase: yuan(0), vehicleOperation: yuan(0) },
      operatingCost: yuan(60000),
      procurement: yuan(0),
    },
    reasons: {},
    profile: { duties: ["负责测试工作"], organisation: "内设机构1个。" },
  };
}

/** Runs one rule (through the engine, so a throw would show as `internal`) and returns its findings. */
export function run(rule: Rule, budget: Budget, catalog: CatalogIndex = builtIn): Finding[] {
  return runRules(createRuleContext(budget, catalog), [rule]);
}

/** Expects exactly one finding and returns it. */
export function one(findings: Finding[]): Finding {
  expect(findings, JSON.stringify(findings, null, 1)).toHaveLength(1);
  return findings[0] as Finding;
}

/** The data path of a finding (fails the test for another kind of location). */
export function pathOf(f: Finding): string {
  if (f.location.kind !== "data") throw new Error(`not a data location: ${JSON.stringify(f.location)}`);
  return f.location.path;
}

/** Asserts a finding's rule, severity, path and (when given) expected/actual. */
export function expectFinding(
  f: Finding,
  want: { rule: string; severity: Finding["severity"]; path: string; expected?: string | number; actual?: string | number },
): void {
  expect(f.rule).toBe(want.rule);
  expect(f.severity).toBe(want.severity);
  expect(pathOf(f)).toBe(want.path);
  if ("expected" in want) expect(f.expected).toBe(want.expected);
  if ("actual" in want) expect(f.actual).toBe(want.actual);
  // Chinese first, then " / " English
  expect(f.message).toMatch(/^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“]/);
  expect(f.message).toMatch(/ \/ ["A-Za-z]/);
}
