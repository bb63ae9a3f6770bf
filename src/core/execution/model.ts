/**
 * 预算执行 — what happens to a budget after publication: payments (支付), in-year changes (预算调整) and
 * the actual values of performance indicators (指标实际值). The published 年初预算 never changes; these
 * records sit beside it. All amounts are integer 分.
 */
import type { Fen } from "../money.ts";

/** 支付记录 — one payment from the treasury payment system (国库集中支付). */
export interface Payment {
  /** 支付日期, ISO yyyy-mm-dd */
  date: string;
  /** 单位代码 */
  unit: string;
  /** 支出功能分类科目 */
  functional: string;
  /** 部门预算支出经济分类科目 */
  economic: string;
  /** 项目编码; absent for basic expenditure */
  project?: string;
  /** 金额 (a refund is negative) */
  amount: Fen;
}

/** The budget line a payment or an adjustment is booked against: unit × functional × economic × project. */
export interface LineRef {
  unit: string;
  functional: string;
  economic: string;
  project?: string;
}

/** 调整类型 — 追加 (supplement), 追减 (reduction), 调剂 (transfer between lines). */
export type AdjustmentKind = "追加" | "追减" | "调剂";

/** 审批 — the approval of an in-year change. Only approved changes enter 调整后预算. */
export interface Approval {
  /** 批准文号, e.g. 洛龙财预〔2021〕35号 */
  document: string;
  /** 批准日期 ISO */
  date: string;
  /** 批准机关 */
  by?: string;
}

/** 预算调整 — one in-year change. 追加 has `to`, 追减 has `from`, 调剂 has both. */
export interface Adjustment {
  id: string;
  kind: AdjustmentKind;
  /** 申请日期 ISO */
  date: string;
  amount: Fen;
  from?: LineRef;
  to?: LineRef;
  reason: string;
  approval?: Approval;
}

/** 指标实际值 — the recorded actual value of an indicator. */
export type ActualValue =
  /** a number in the target's unit, as a decimal string: "98.5", "120" */
  | { kind: "numeric"; value: string }
  /** the date a deadline target was met (ISO), or absent: not yet done */
  | { kind: "date"; date?: string }
  /** a qualitative result with the evaluator's judgement */
  | { kind: "qualitative"; text: string; achieved: Achievement }
  /** 不适用 — the indicator does not apply this year (its base is zero, the event did not arise) */
  | { kind: "not-applicable"; reason: string };

/** 定性指标的评价 — the evaluator's judgement of a qualitative indicator. */
export type Achievement = "达成" | "基本达成" | "未达成";

/** 指标完成情况记录 — an indicator's actual, with its evidence. */
export interface IndicatorActual {
  /** 项目编码; absent for the department's overall indicators (整体绩效) */
  project?: string;
  /** 三级指标 name — the key within its project, with level2 when a name repeats */
  level3: string;
  level2?: string;
  value: ActualValue;
  /** 佐证说明 */
  evidence?: string;
  /** 佐证材料 — attachment names or ids */
  attachments?: string[];
  /** 偏差原因 — why it deviates from the target */
  reason?: string;
}

/** 上年执行数 — last year's executed figures the 变动率 compare with; missing ones give 不适用. */
export interface PriorExecution {
  /** 上年结转结余 */
  carryOver?: Fen;
  /** 上年在职人员经费 */
  personnel?: Fen;
  /** 上年公用经费 */
  publicFunds?: Fen;
  /** 上年在职实有人数 */
  staff?: number;
  /** 上年"三公"经费 */
  threePublic?: Fen;
}

/** 执行数据 — one year's execution of one budget. */
export interface Execution {
  year: number;
  /** the date the data runs to (时点), ISO; year end for the final evaluation */
  asOf: string;
  payments: Payment[];
  adjustments: Adjustment[];
  actuals: IndicatorActual[];
  /** 政府采购实际金额 — the procurement actually contracted */
  procurementExecuted?: Fen;
  /** 本年在职实有人数 at year end, when it differs from the budget's staffing */
  staff?: number;
  prior?: PriorExecution;
  /** 偏差原因 for the department formulas, by formula id */
  reasons?: Record<string, string>;
  /** 决算补充数据 — what the year's 部门决算 needs beyond payments; absent: no 决算 can be drawn */
  finalAccounts?: FinalAccountsRecord;
}

/** The string key of a line, for maps. */
export function lineKey(r: LineRef): string {
  return `${r.unit}|${r.functional}|${r.economic}|${r.project ?? ""}`;
}

/**
 * 财政拨款种类 — the three kinds of 财政拨款 a 决算 keeps apart (by SourceGroup in classify.ts), and money
 * that is not 财政拨款 (非财政拨款: the unit's own income and other money).
 */
export type BalanceKind = "gpb" | "government-fund" | "state-capital" | "non-fiscal";

/** 结转和结余 — money brought into or carried out of the year, by unit, functional code and kind. */
export interface BalanceItem {
  /** 单位代码 */
  unit: string;
  /** 支出功能分类科目 (项) the money belongs to */
  functional: string;
  kind: BalanceKind;
  amount: Fen;
}

/** 非财政拨款收入的种类 — the incomes a 决算 prints besides 财政拨款, as funding sources (model.ts). */
export type NonFiscalIncomeSource = "superior-subsidy" | "business-income" | "operating-income" | "subordinate-remittance" | "other";

/** 收入决算表's words for these incomes, in the order it prints them. */
export const NON_FISCAL_INCOME_NAMES: Readonly<Record<NonFiscalIncomeSource, string>> = {
  "superior-subsidy": "上级补助收入",
  "business-income": "事业收入",
  "operating-income": "经营收入",
  "subordinate-remittance": "附属单位上缴收入",
  other: "其他收入",
};

/** 非财政拨款收入（决算数）— income actually received, by unit and functional code. */
export interface IncomeActual {
  unit: string;
  functional: string;
  source: NonFiscalIncomeSource;
  amount: Fen;
}

/** 决算的其他支出用途 — the spending a 决算 prints beside 基本支出 and 项目支出 (支出决算表's last columns). */
export type FinalSpendingUse = "to-superior" | "operating" | "to-subordinate";

/** 支出决算表's words for these uses, in the order it prints them. */
export const FINAL_SPENDING_USE_NAMES: Readonly<Record<FinalSpendingUse, string>> = {
  "to-superior": "上缴上级支出",
  operating: "经营支出",
  "to-subordinate": "对附属单位补助支出",
};

/** The uses in print order. */
export const FINAL_SPENDING_USES = ["to-superior", "operating", "to-subordinate"] as const satisfies readonly FinalSpendingUse[];

/**
 * 上缴上级支出 / 经营支出 / 对附属单位补助支出（决算数）— by unit and functional code. Not a budget line: a
 * 事业单位 pays these from its own (non-fiscal) money, so they enter the 非财政拨款 balance, never 财政拨款收入.
 */
export interface SpendingActual {
  unit: string;
  functional: string;
  use: FinalSpendingUse;
  amount: Fen;
}

/** An amount of one unit (使用非财政拨款结余, 结余分配: each unit's own accounts). */
export interface UnitAmount {
  /** 单位代码 */
  unit: string;
  amount: Fen;
}

/** 上年决算数 — last year's final-accounts figures the 决算 narrative compares with; absent ones are not stated. */
export interface PriorFinalAccounts {
  /** 收入支出总计 */
  total?: Fen;
  /** 财政拨款收入支出总计 */
  appropriationTotal?: Fen;
  /** 一般公共预算财政拨款支出 */
  gpbExpenditure?: Fen;
  /** 财政拨款"三公"经费支出 */
  threePublic?: Fen;
  /** 机关运行经费支出 */
  operatingCost?: Fen;
}

/**
 * 决算补充数据 — what a 决算 states that payments and adjustments do not give. 财政拨款收入 is not recorded:
 * it follows from 支出 and the balances (财政拨款收入 = 支出 + 年末结转和结余 − 年初结转和结余, each kind and
 * functional code), see src/core/final-accounts/ledger.ts. 非财政拨款 money must balance as recorded, in
 * each unit: 收入 + 使用非财政拨款结余 + 年初结转和结余 = 支出 (its budget lines, 上缴上级, 经营 and 对附属单位补助)
 * + 结余分配 + 年末结转和结余.
 */
export interface FinalAccountsRecord {
  /** 年初结转和结余 */
  opening: BalanceItem[];
  /** 年末结转和结余 */
  closing: BalanceItem[];
  /** 非财政拨款收入: 上级补助, 事业, 经营, 附属单位上缴, 其他 */
  income: IncomeActual[];
  /** 上缴上级支出, 经营支出, 对附属单位补助支出 (absent in records saved before they were kept: none) */
  otherSpending?: SpendingActual[];
  /** 使用非财政拨款结余 — earlier years' non-fiscal surplus spent this year, by unit */
  nonFiscalBalanceUsed: UnitAmount[];
  /** 结余分配 — surplus distributed (提取专用基金、转入非财政拨款结余 …), by unit */
  surplusDistribution: UnitAmount[];
  prior?: PriorFinalAccounts;
  /**
   * 原因, as people wrote them: by functional code (项), why 决算数 differs from 全年预算数; by topic (total,
   * appropriation, gpb, three-public, operating-cost), why it changed against last year's 决算
   */
  reasons?: Record<string, string>;
  /** 主要用于 — what each functional code's money was used for, as people wrote it */
  uses?: Record<string, string>;
}
