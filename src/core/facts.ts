/**
 * 公开数据事实 — a published budget's figures as flat rows (one per line item: unit × 功能分类 × 经济分类 ×
 * 性质 × 项目 × 资金来源, amount in 分), the key aggregates stored beside them, and the one rule by which a
 * region's roll-up counts each yuan once. Pure: the store writes these rows, the portal's SQL adds them up,
 * open data prints them.
 *
 * The roll-up rule (README "Regions, facts and open data"):
 * - 支出 (expenditure): a line item is final spending. A transfer to a subordinate unit (对附属单位补助支出) or
 *   up to the superior (上缴上级支出) is not a line item in Yusuan; the spending it pays for is, at the unit
 *   that spends it, funded by 上级补助收入 or 附属单位上缴收入. So adding every line item of a region and
 *   everything under it counts each yuan once.
 * - 收入 (income): 上级补助收入 and 附属单位上缴收入 are money another unit already counted as its own income
 *   (its 财政拨款, 事业收入 …). A roll-up's income therefore leaves them out and shows them apart as
 *   内部转移 (`transfers`); the spending they fund stays in expenditure.
 */
import type { Budget, FundingSource, Nature } from "./model.ts";
import { publicBudget } from "./exempt.ts";
import { type Fen, ZERO, add, fen } from "./money.ts";

/** 内部转移收入 — income that is another unit's money moved down or up (上级补助收入 / 附属单位上缴收入). */
export const TRANSFER_SOURCES = ["superior-subsidy", "subordinate-remittance"] as const satisfies readonly FundingSource[];

export function isTransferSource(source: string): boolean {
  return (TRANSFER_SOURCES as readonly string[]).includes(source);
}

/** 公开数据行 — one published line item, as the facts table and open data hold it. */
export interface Fact {
  unitCode: string;
  unitName: string;
  /** 支出功能分类科目 (7 digits) */
  functional: string;
  /** 部门预算支出经济分类科目 */
  economic: string;
  nature: Nature;
  /** 项目编码 (project expenditure only) */
  project: string | null;
  projectName: string | null;
  source: FundingSource;
  amount: Fen;
}

/** What one open-data row is made from: a fact with where it belongs. */
export interface OpenDataFact extends Omit<Fact, "source" | "amount"> {
  year: number;
  regionCode: string;
  regionName: string;
  departmentCode: string;
  departmentName: string;
  source: string;
  amount: Fen | number;
}

/** 主要数据 — a publication's key aggregates, stored once beside its facts. */
export interface FactTotals {
  /** 支出合计 */
  total: Fen;
  /** 基本支出 */
  basic: Fen;
  /** 项目支出 */
  project: Fen;
  /** 收入合计 as the department's own tables print it */
  income: Fen;
  /** 其中：上级补助收入 + 附属单位上缴收入 (left out of roll-ups' income) */
  transfers: Fen;
}

/** The budget's line items as facts, in the budget's own order (names from the budget's units and projects). */
export function budgetFacts(whole: Budget): Fact[] {
  // facts are public data: what a published document leaves out (涉密, exempt.ts) is not a fact either
  const { budget } = publicBudget(whole);
  const unitNames = new Map(budget.units.map((u) => [u.code, u.name]));
  const projectNames = new Map(budget.projects.map((p) => [p.code, p.name]));
  return budget.lineItems.map((l) => ({
    unitCode: l.unit,
    unitName: unitNames.get(l.unit) ?? l.unit,
    functional: l.functional,
    economic: l.economic,
    nature: l.nature,
    project: l.project ?? null,
    projectName: l.project ? (projectNames.get(l.project) ?? null) : null,
    source: l.source,
    amount: l.amount,
  }));
}

/** The key aggregates of a budget: expenditure from its line items, income from its income (or its lines). */
export function budgetTotals(whole: Budget): FactTotals {
  const { budget } = publicBudget(whole);
  let total = ZERO;
  let basic = ZERO;
  let project = ZERO;
  for (const l of budget.lineItems) {
    total = add(total, l.amount);
    // a reserve (单位预留机动经费) or 结转下年资金 is neither 基本支出 nor 项目支出
    if (l.nature === "basic") basic = add(basic, l.amount);
    else if (l.nature === "project") project = add(project, l.amount);
  }
  const incomeRows = budget.income ?? budget.lineItems;
  let income = ZERO;
  let transfers = ZERO;
  for (const i of incomeRows) {
    income = add(income, i.amount);
    if (isTransferSource(i.source)) transfers = add(transfers, i.amount);
  }
  return { total, basic, project, income, transfers };
}

/** A roll-up's income: every unit's income less what one unit passed to another (the rule above). */
export function rollUpIncome(t: Pick<FactTotals, "income" | "transfers">): Fen {
  return fen(t.income - t.transfers);
}

/** 区划级次 — a region's level in the hierarchy. */
export type RegionLevel = "province" | "city" | "county";

export const REGION_LEVELS: readonly RegionLevel[] = ["province", "city", "county"];

export const REGION_LEVEL_NAMES: Record<RegionLevel, string> = { province: "省", city: "市", county: "县（区）" };

/** The level a child of a region of `level` has (a county has none). */
export function childLevel(level: RegionLevel): RegionLevel | undefined {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1];
}
