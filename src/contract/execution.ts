/** 预算执行 — answers about a budget's execution: the record, payments, progress and next year (amounts in 分). */
import { z } from "zod";
import { fen, finding, type Wire } from "./common.ts";
import { budgetSummary } from "./budgets.ts";
import { FINAL_SPENDING_USES } from "../core/execution/model.ts";

const lineRef = z.object({ unit: z.string(), functional: z.string(), economic: z.string(), project: z.string().optional() });

/** 结转和结余 of one unit, functional code and kind of money (BalanceKind). */
const balanceItem = z.object({ unit: z.string(), functional: z.string(), kind: z.enum(["gpb", "government-fund", "state-capital", "non-fiscal"]), amount: fen });

/** An amount of one unit (使用非财政拨款结余, 结余分配). */
const unitAmount = z.object({ unit: z.string(), amount: fen });

/** 执行记录 — execution.yaml as stored, amounts in 分, without the payments (src/core/execution/model.ts). */
export const executionRecord = z.object({
  year: z.number().int(),
  asOf: z.string().describe("the date the data runs to, yyyy-mm-dd"),
  adjustments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["追加", "追减", "调剂"]),
      date: z.string(),
      amount: fen,
      from: lineRef.optional(),
      to: lineRef.optional(),
      reason: z.string(),
      approval: z.object({ document: z.string(), date: z.string(), by: z.string().optional() }).optional(),
    }),
  ),
  actuals: z.array(
    z.object({
      project: z.string().optional(),
      level3: z.string(),
      level2: z.string().optional(),
      value: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("numeric"), value: z.string() }),
        z.object({ kind: z.literal("date"), date: z.string().optional() }),
        z.object({ kind: z.literal("qualitative"), text: z.string(), achieved: z.enum(["达成", "基本达成", "未达成"]) }),
        z.object({ kind: z.literal("not-applicable"), reason: z.string() }),
      ]),
      evidence: z.string().optional(),
      attachments: z.array(z.string()).optional(),
      reason: z.string().optional(),
    }),
  ),
  procurementExecuted: fen.optional(),
  staff: z.number().int().optional(),
  prior: z.object({ carryOver: fen.optional(), personnel: fen.optional(), publicFunds: fen.optional(), staff: z.number().int().optional(), threePublic: fen.optional() }).optional(),
  reasons: z.record(z.string(), z.string()).optional(),
  finalAccounts: z
    .object({
      opening: z.array(balanceItem),
      closing: z.array(balanceItem),
      income: z.array(z.object({ unit: z.string(), functional: z.string(), source: z.enum(["superior-subsidy", "business-income", "operating-income", "subordinate-remittance", "other"]), amount: fen })),
      otherSpending: z.array(z.object({ unit: z.string(), functional: z.string(), use: z.enum(FINAL_SPENDING_USES), amount: fen })).optional(),
      nonFiscalBalanceUsed: z.array(unitAmount),
      surplusDistribution: z.array(unitAmount),
      prior: z.object({ total: fen.optional(), appropriationTotal: fen.optional(), gpbExpenditure: fen.optional(), threePublic: fen.optional(), operatingCost: fen.optional() }).optional(),
      reasons: z.record(z.string(), z.string()).optional(),
      uses: z.record(z.string(), z.string()).optional(),
    })
    .optional()
    .describe("决算补充数据 (FinalAccountsRecord): 年初/年末结转和结余, 非财政拨款收入, 上缴上级/经营/对附属单位补助支出, 使用非财政拨款结余与结余分配（按单位）, 上年决算"),
});
export type ExecutionRecord = Wire<typeof executionRecord>;

/** GET /api/budgets/:id/execution — the record (null before the first save) and the payments in sum. */
export const executionAnswer = z.object({
  record: executionRecord.nullable(),
  payments: z.object({ count: z.number().int(), total: fen, byMonth: z.array(fen).describe("January to December") }),
});
export type ExecutionAnswer = Wire<typeof executionAnswer>;
export const executionSaved = z.object({ record: executionRecord });
export const paymentsImported = z.object({ imported: z.number().int(), total: z.number().int().describe("分") });

const percent = z.discriminatedUnion("kind", [z.object({ kind: z.literal("pct"), hundredths: z.number().int() }), z.object({ kind: z.literal("na") })]);

/** 双监控 — spending and target progress with the monitoring findings. */
export const progressAnswer = z.object({
  asOf: z.string(),
  progress: z.array(
    z.object({
      kind: z.enum(["department", "unit", "project"]),
      code: z.string(),
      name: z.string(),
      adjusted: z.number().int().describe("调整后预算, 分"),
      executed: z.number().int().describe("分"),
      rate: percent.describe("支出进度"),
      time: z.number().describe("时间进度, 0–1"),
    }),
  ),
  monthly: z.array(z.number().int()).describe("executed per month, 分"),
  cumulative: z.array(z.number().int()).describe("executed to the end of each month, 分"),
  targets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      indicators: z.array(
        z.object({ level3: z.string(), target: z.string(), actual: z.string(), status: z.enum(["met", "partly", "missed", "pending", "missing", "na"]), rate: percent }),
      ),
    }),
  ),
  findings: z.array(finding),
});
export type ProgressAnswer = Wire<typeof progressAnswer>;

/** POST /api/budgets/:id/next-year — the new draft and what was mapped or left behind. */
export const nextYearAnswer = z.object({ budget: budgetSummary, mapped: z.array(z.string()), dropped: z.array(z.string()) });
