/**
 * 部门整体绩效的计算指标 — the department formulas of the seed's table 12, computed from execution data.
 * A base of zero or a missing prior figure gives 不适用, never a division by zero.
 *
 * 预算执行率 = 执行数 / 调整后预算数
 * 预算调整率 = (调整后预算数 − 年初预算数) / 年初预算数
 * 结转结余变动率 = (本年结转结余 − 上年结转结余) / 上年结转结余
 * 政府采购执行率 = 实际政府采购金额 / 政府采购预算数
 * 在职人员经费变动率 = (本年在职人员经费 − 上年) / 上年 (在职人员经费: basic 301 工资福利支出, executed)
 * 人均公用经费变动率 = (本年人均公用经费 − 上年人均公用经费) / 上年人均公用经费
 * "三公"经费变动率 = (本年"三公"经费 − 上年) / 上年
 * 成本节约率 = (调整后预算数 − 执行数) / 调整后预算数, over basic 公用经费 (the department's running cost)
 *
 * 公用经费 and the "三公" items are the core's (derive/economic.ts): 公用经费 is every basic line that is not
 * 人员经费 (301 + 303). Execution lines carry no funding source, so "三公" here counts every source.
 */
import { economicClass, economicCodeFacts } from "../derive/economic.ts";
import type { Budget } from "../model.ts";
import { type Fen, fen, yuanText } from "../money.ts";
import { type Percent, changeRate, percentOf } from "../ratio.ts";
import type { Execution } from "./model.ts";
import { type LineExecution, sideBySide, totals } from "./side-by-side.ts";

export type FormulaId =
  | "execution-rate"
  | "adjustment-rate"
  | "carry-over-change"
  | "procurement-execution"
  | "personnel-change"
  | "per-capita-public-change"
  | "three-public-change"
  | "cost-saving";

export const FORMULA_NAMES: Record<FormulaId, string> = {
  "execution-rate": "预算执行率",
  "adjustment-rate": "预算调整率",
  "carry-over-change": "结转结余变动率",
  "procurement-execution": "政府采购执行率",
  "personnel-change": "在职人员经费变动率",
  "per-capita-public-change": "人均公用经费变动率",
  "three-public-change": "“三公”经费变动率",
  "cost-saving": "成本节约率",
};

/** 公式结果 — one formula's value with the figures it came from (for the report's 计算过程). */
export interface FormulaResult {
  id: FormulaId;
  name: string;
  value: Percent;
  /** numerator and denominator as printed in the report */
  numerator: string;
  denominator: string;
}

/** 基本支出: an execution line names no project. */
const basic = (l: LineExecution): boolean => l.project === undefined;

/** 在职人员经费: basic 301 工资福利支出 (303 对个人和家庭的补助 is paid to people no longer at work). */
const isStaffPay = (l: LineExecution): boolean => basic(l) && economicClass(l.economic) === "301";

/** 公用经费: basic and not 人员经费. */
const isPublicFunds = (l: LineExecution): boolean => basic(l) && !economicCodeFacts(l.economic).personnel;

/** 在职人员经费 (executed). */
export function personnelExecuted(lines: readonly LineExecution[]): Fen {
  return totals(lines, isStaffPay).executed;
}

/** 公用经费 (executed). */
export function publicFundsExecuted(lines: readonly LineExecution[]): Fen {
  return totals(lines, isPublicFunds).executed;
}

/** "三公"经费 (executed, any nature). */
export function threePublicExecuted(lines: readonly LineExecution[]): Fen {
  return totals(lines, (l) => economicCodeFacts(l.economic).threePublic !== undefined).executed;
}

/** (a/na − b/nb) / (b/nb), exactly: (a·nb − b·na) / (b·na). 不适用 when a head count is missing or zero. */
export function perCapitaChange(current: Fen, staff: number | undefined, prior: Fen | undefined, priorStaff: number | undefined): Percent {
  if (prior === undefined || !staff || !priorStaff) return { kind: "na" };
  return percentOf(fen(current * priorStaff - prior * staff), fen(prior * staff));
}

function optionalChange(current: Fen, prior: Fen | undefined): Percent {
  return prior === undefined ? { kind: "na" } : changeRate(current, prior);
}

/** Every department formula, in the order above. */
export function departmentFormulas(budget: Budget, exec: Execution, lines: readonly LineExecution[] = sideBySide(budget, exec)): FormulaResult[] {
  const all = totals(lines);
  const procurementBudget = fen(budget.procurement.reduce((s, p) => s + p.amount, 0));
  const procurementActual = exec.procurementExecuted ?? fen(0);
  const personnel = personnelExecuted(lines);
  const publicFunds = publicFundsExecuted(lines);
  const threePublic = threePublicExecuted(lines);
  const staff = exec.staff ?? budget.units.reduce((s, u) => s + (u.staffing.actual ?? 0), 0);
  const running = totals(lines, isPublicFunds);
  const prior = exec.prior ?? {};
  const r = (id: FormulaId, value: Percent, numerator: string, denominator: string): FormulaResult => ({ id, name: FORMULA_NAMES[id], value, numerator, denominator });
  return [
    r("execution-rate", percentOf(all.executed, all.adjusted), `执行数 ${yuanText(all.executed)}`, `调整后预算数 ${yuanText(all.adjusted)}`),
    r("adjustment-rate", changeRate(all.adjusted, all.original), `调整后 ${yuanText(all.adjusted)} − 年初 ${yuanText(all.original)}`, `年初预算数 ${yuanText(all.original)}`),
    r("carry-over-change", optionalChange(all.carryOver, prior.carryOver), `本年结转结余 ${yuanText(all.carryOver)} − 上年`, `上年结转结余 ${prior.carryOver === undefined ? "未提供" : yuanText(prior.carryOver)}`),
    r("procurement-execution", percentOf(procurementActual, procurementBudget), `实际政府采购金额 ${yuanText(procurementActual)}`, `政府采购预算数 ${yuanText(procurementBudget)}`),
    r("personnel-change", optionalChange(personnel, prior.personnel), `本年在职人员经费 ${yuanText(personnel)} − 上年`, `上年在职人员经费 ${prior.personnel === undefined ? "未提供" : yuanText(prior.personnel)}`),
    r(
      "per-capita-public-change",
      perCapitaChange(publicFunds, staff, prior.publicFunds, prior.staff),
      `本年公用经费 ${yuanText(publicFunds)} / ${staff}人 − 上年人均`,
      `上年公用经费 ${prior.publicFunds === undefined ? "未提供" : yuanText(prior.publicFunds)} / ${prior.staff ?? "未提供"}人`,
    ),
    r("three-public-change", optionalChange(threePublic, prior.threePublic), `本年“三公”经费 ${yuanText(threePublic)} − 上年`, `上年“三公”经费 ${prior.threePublic === undefined ? "未提供" : yuanText(prior.threePublic)}`),
    r("cost-saving", percentOf(fen(running.adjusted - running.executed), running.adjusted), `公用经费预算 ${yuanText(running.adjusted)} − 执行 ${yuanText(running.executed)}`, `公用经费预算 ${yuanText(running.adjusted)}`),
  ];
}
