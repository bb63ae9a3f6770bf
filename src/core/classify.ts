/**
 * 明细分类 — what a line item is and what it adds to, said once for the whole core: the ledger, the figures,
 * the rules and execution read these definitions and restate none of them. The facts of a code alone (its
 * 类 and 款, 人员经费 or not, its "三公" item) are in derive/economic.ts; this module adds what the line's use
 * (基本/项目), funding source and unit make of them.
 */
import { type EconomicCodeFacts, type ThreePublicItem, economicCodeFacts } from "./derive/economic.ts";
import type { FundingSource, LineItem, Nature, Unit } from "./model.ts";
import { FUNDING_SOURCES, NATURES, isAdministrativeLike } from "./model.ts";

/**
 * 支出用途 — what a line's money is for: 基本支出 (basic: keeping the unit running), 项目支出 (project), and
 * Jiangsu's 单位预留机动经费 (reserve) and 结转下年资金 (carry-forward), see `Nature` in model.ts.
 */
export type Use = Nature;

/** Every use, in the order tables print them. */
export const USES: readonly Use[] = NATURES;

/**
 * 当年支出 — a use spent in the budget year: everything but 结转下年资金. Jiangsu's 收支预算总表 prints their sum
 * as 当年支出小计; 支出合计 adds 结转下年资金.
 */
export function isSpentThisYear(use: Use): boolean {
  return use !== "carry-forward";
}

/**
 * 已安排的支出 — basic or project money, whose economic codes say what it buys: "三公"经费 and 机关运行经费 count
 * these only. A reserve is not yet assigned to anything, and money carried forward is not spent this year.
 */
export function isAssigned(use: Use): boolean {
  return use === "basic" || use === "project";
}

/**
 * 基本支出的构成 — a basic line is 人员经费 (personnel: 301 工资福利支出 + 303 对个人和家庭的补助) or 公用经费
 * (public funds: every other basic line, 302 商品和服务支出 and 310 资本性支出 above all).
 */
export type BasicPart = "personnel" | "public";

/**
 * 资金来源分组 — the funding-source group a line's money comes from: 一般公共预算 (its five sub-sources), 政府性基金预算,
 * 国有资本经营预算, or other money (财政专户, 结转, the unit's own income …). Tables 5, 8 and 10 each print one group.
 */
export type SourceGroup = "gpb" | "government-fund" | "state-capital" | "other";

/** What a funding source (资金来源) is. */
export interface SourceFacts {
  source: FundingSource;
  /** its position in FUNDING_SOURCES (the column order of amounts by source) */
  index: number;
  group: SourceGroup;
  /** 财政拨款 in table 4's wide sense: 一般公共预算, 政府性基金 and 国有资本经营 money */
  appropriation: boolean;
  /** 财政性资金 (table 13): every source except the unit's own non-fiscal income */
  fiscal: boolean;
  /** 一般公共预算财政拨款 — the only money "三公"经费 and 机关运行经费 count */
  gpbAppropriation: boolean;
}

/**
 * Each funding source's group and whether it is 财政性资金, as data: a new source (财政专户管理资金, 债务资金,
 * 上年结转, or 结转下年 on the expenditure side) is one more entry here, with its name in model.ts.
 */
const SOURCE_TABLE: Record<FundingSource, { group: SourceGroup; fiscal: boolean }> = {
  "gpb-appropriation": { group: "gpb", fiscal: true },
  "gpb-admin-fees": { group: "gpb", fiscal: true },
  "gpb-special-revenue": { group: "gpb", fiscal: true },
  "gpb-state-assets": { group: "gpb", fiscal: true },
  "gpb-housing-fund": { group: "gpb", fiscal: true },
  "government-fund": { group: "government-fund", fiscal: true },
  "state-capital": { group: "state-capital", fiscal: true },
  "special-account": { group: "other", fiscal: true },
  "advance-transfer": { group: "other", fiscal: true },
  "carry-over": { group: "other", fiscal: true },
  other: { group: "other", fiscal: false },
  "business-income": { group: "other", fiscal: false },
  "operating-income": { group: "other", fiscal: false },
  "superior-subsidy": { group: "other", fiscal: false },
  "subordinate-remittance": { group: "other", fiscal: false },
  debt: { group: "other", fiscal: false },
};

/** The facts of every funding source, in FUNDING_SOURCES order. */
export const SOURCE_FACTS: readonly SourceFacts[] = FUNDING_SOURCES.map((source, index) => {
  const { group, fiscal } = SOURCE_TABLE[source];
  return { source, index, group, appropriation: group !== "other", fiscal, gpbAppropriation: source === "gpb-appropriation" };
});

const SOURCE_BY_NAME: ReadonlyMap<string, SourceFacts> = new Map(SOURCE_FACTS.map((f) => [f.source, f]));

/** What a funding source is; undefined for a string that is no funding source (a finding, never a crash). */
export function sourceFacts(source: string): SourceFacts | undefined {
  return SOURCE_BY_NAME.get(source);
}

/** 财政性资金 (table 13): everything except the unit's own non-fiscal income; an unknown source counts as fiscal. */
export function isFiscalMoney(source: FundingSource): boolean {
  return sourceFacts(source)?.fiscal ?? true;
}

/** 一般公共预算财政拨款 — the only money "三公"经费 and 机关运行经费 count. */
export function isFiscalAppropriation(source: FundingSource): boolean {
  return source === "gpb-appropriation";
}

/** 行政单位 and 参公事业单位 report 机关运行经费; 事业单位 and lines of no known unit do not. */
export function reportsOperatingCost(unit: Unit | undefined): boolean {
  return unit !== undefined && isAdministrativeLike(unit.type);
}

/** 功能分类 类 — the functional class of a functional code: its first three digits. */
export function functionalClassOf(functional: string): string {
  return functional.slice(0, 3);
}

/** What a line item is and what it adds to. */
export interface LineClass {
  /** 支出用途 */
  use: Use;
  /** 人员经费 or 公用经费 for a basic line; undefined for any other */
  basicPart: BasicPart | undefined;
  /** its funding source; undefined for a source outside FUNDING_SOURCES (nothing by source can count it) */
  source: SourceFacts | undefined;
  /** the facts of its department economic code (类, 款, …) */
  economic: EconomicCodeFacts;
  /** the "三公"经费 item it counts in: a "三公" code paid from 一般公共预算财政拨款, basic or project (not a reserve or carry-forward) */
  threePublic: ThreePublicItem | undefined;
  /** basic 302 商品和服务支出 or 310 资本性支出 paid from 一般公共预算财政拨款: 机关运行经费 if its unit is 行政 or 参公 */
  operatingCostKind: boolean;
  /**
   * 机关运行经费: basic 302 商品和服务支出 or 310 资本性支出 paid from 一般公共预算财政拨款 by a 行政 or 参公 unit
   * (domain.md §4, table 9).
   */
  operatingCost: boolean;
}

/** What `line` is and adds to, `unit` being the unit it names (undefined when it names none). */
export function classifyLine(line: LineItem, unit: Unit | undefined): LineClass {
  return classifyWithFacts(line, unit, economicCodeFacts(line.economic));
}

/** `classifyLine`, for a caller that holds the facts of the line's economic code already (the ledger, per code). */
export function classifyWithFacts(line: LineItem, unit: Unit | undefined, economic: EconomicCodeFacts): LineClass {
  const source = sourceFacts(line.source);
  const basic = line.nature === "basic";
  const gpbAppropriation = source !== undefined && source.gpbAppropriation;
  const operatingCostKind = basic && gpbAppropriation && economic.operatingClass;
  return {
    use: line.nature,
    basicPart: basic ? (economic.personnel ? "personnel" : "public") : undefined,
    source,
    economic,
    threePublic: gpbAppropriation && isAssigned(line.nature) ? economic.threePublic : undefined,
    operatingCostKind,
    operatingCost: operatingCostKind && reportsOperatingCost(unit),
  };
}

/** 机关运行经费 (see `LineClass.operatingCost`) for one line. */
export function isOperatingCost(line: LineItem, unit: Unit | undefined): boolean {
  return classifyLine(line, unit).operatingCost;
}
