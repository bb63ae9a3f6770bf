/**
 * 执行数据目录 — a year's execution on disk: `execution.yaml` (date the data runs to, adjustments with
 * their approvals, indicator actuals, last year's figures) and the treasury payment exports beside it
 * (every *.csv and *.xlsx, read all or nothing). Amounts in the YAML are 元, as people write them.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type BalanceKind, type Execution, FINAL_SPENDING_USE_NAMES, type FinalSpendingUse, NON_FISCAL_INCOME_NAMES, type NonFiscalIncomeSource, type Payment } from "../../core/execution/model.ts";
import { type Fen, fromYuanNumber, parseDecimal } from "../../core/money.ts";
import type { Finding } from "../../core/rules/finding.ts";
import { InputError, fieldPath } from "../errors.ts";
import { type PaymentImportOptions, importPayments } from "./payments.ts";

export const EXECUTION_FILE = "execution.yaml";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd");
const money = z.union([z.number(), z.string()]).transform((v, ctx): Fen => {
  try {
    return typeof v === "number" ? fromYuanNumber(v) : parseDecimal(v, "元");
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
    return z.NEVER;
  }
});
const lineRef = z.object({ unit: z.string(), functional: z.string(), economic: z.string(), project: z.string().optional() });
const value = z.union([z.number(), z.string()]).transform((v) => String(v));

const actual = z.object({
  project: z.string().optional(),
  level2: z.string().optional(),
  level3: z.string(),
  value: z.union([
    z.object({ kind: z.literal("numeric"), value }),
    z.object({ kind: z.literal("date"), date: date.optional() }),
    z.object({ kind: z.literal("qualitative"), text: z.string(), achieved: z.enum(["达成", "基本达成", "未达成"]) }),
    z.object({ kind: z.literal("not-applicable"), reason: z.string() }),
  ]),
  evidence: z.string().optional(),
  attachments: z.array(z.string()).optional(),
  reason: z.string().optional(),
});

/** 结转和结余的种类 as the YAML writes them (the 决算 tables' words) → BalanceKind. */
export const BALANCE_KIND_WORDS: Readonly<Record<string, BalanceKind>> = {
  一般公共预算财政拨款: "gpb",
  政府性基金预算财政拨款: "government-fund",
  国有资本经营预算财政拨款: "state-capital",
  非财政拨款: "non-fiscal",
};

/** 非财政拨款收入 as the YAML writes them (the 决算 收入决算表's columns) → funding source. */
export const INCOME_SOURCE_WORDS = Object.fromEntries(Object.entries(NON_FISCAL_INCOME_NAMES).map(([id, word]) => [word, id])) as Readonly<Record<string, NonFiscalIncomeSource>>;

const unitCode = z.string({ error: "应填单位代码 / a unit code is required" }).min(1, "应填单位代码 / a unit code is required");
const functionalCode = z.string({ error: "应填7位功能分类科目编码 / a 7-digit functional code is required" }).regex(/^\d{7}$/, "功能分类科目应为7位数字（项） / functional code must be 7 digits");
const nonNegative = money.refine((v) => v >= 0, "金额不能为负 / the amount cannot be negative");

/** The words, and the stored ids themselves (a record read back from the API and saved again). */
const withIds = <T extends string>(words: Readonly<Record<string, T>>): Readonly<Record<string, T>> => ({ ...words, ...Object.fromEntries(Object.values(words).map((v) => [v, v])) });

/** A word of `names` (the words people write) or its stored id; the message lists the words. */
const words = <T extends string>(names: Readonly<Record<string, T>>, what: string) => {
  const map = withIds(names);
  const listed = Object.keys(names).join("、");
  return z.string({ error: `应填${what}：${listed} / ${what} required` }).transform((v, ctx): T => {
    const t = map[v];
    if (t === undefined) {
      ctx.addIssue({ code: "custom", message: `未知${what}“${v}”，应为：${listed} / unknown ${what}` });
      return z.NEVER;
    }
    return t;
  });
};
const balanceItem = z.object({ unit: unitCode, functional: functionalCode, kind: words(BALANCE_KIND_WORDS, "资金种类"), amount: nonNegative });
const incomeItem = z.object({ unit: unitCode, functional: functionalCode, source: words(INCOME_SOURCE_WORDS, "收入种类"), amount: nonNegative });

/** 上缴上级支出 / 经营支出 / 对附属单位补助支出 as the YAML writes them (支出决算表's columns) → FinalSpendingUse. */
const SPENDING_USE_WORDS = Object.fromEntries(Object.entries(FINAL_SPENDING_USE_NAMES).map(([id, word]) => [word, id])) as Readonly<Record<string, FinalSpendingUse>>;
const spendingItem = z.object({ unit: unitCode, functional: functionalCode, use: words(SPENDING_USE_WORDS, "支出用途"), amount: nonNegative });

/**
 * An amount recorded per unit (使用非财政拨款结余, 结余分配): a list of `{ unit, amount }`. A single amount (the
 * form before they were kept per unit) is read as none when it is 0 and refused otherwise: nobody can tell
 * which unit it belongs to.
 */
const perUnit = (what: string) => {
  const list = z.array(z.object({ unit: unitCode, amount: nonNegative }), { error: `${what}应为按单位的列表：- { unit: 单位代码, amount: 金额 } / ${what} is a list of { unit, amount }` });
  return z.unknown().transform((v, ctx): { unit: string; amount: Fen }[] => {
    const single = typeof v === "number" || typeof v === "string" ? money.safeParse(v) : undefined;
    if (single?.success && single.data === 0) return [];
    const r = list.safeParse(single ? undefined : v);
    if (r.success) return r.data;
    for (const i of single ? [{ path: [], message: `${what}应按单位填写：- { unit: 单位代码, amount: 金额 } / ${what} is recorded per unit: a list of { unit, amount }` }] : r.error.issues) {
      ctx.addIssue({ code: "custom", path: i.path, message: i.message });
    }
    return z.NEVER;
  });
};

/**
 * 决算补充数据 (FinalAccountsRecord): balances, non-fiscal income, 上缴上级 / 经营 / 对附属单位补助支出,
 * 使用非财政拨款结余 and 结余分配 by unit, last year's 决算.
 */
const finalAccounts = z.object({
  opening: z.array(balanceItem).default([]),
  closing: z.array(balanceItem).default([]),
  income: z.array(incomeItem).default([]),
  otherSpending: z.array(spendingItem).default([]),
  nonFiscalBalanceUsed: perUnit("使用非财政拨款结余").default([]),
  surplusDistribution: perUnit("结余分配").default([]),
  prior: z
    .object({ total: money.optional(), appropriationTotal: money.optional(), gpbExpenditure: money.optional(), threePublic: money.optional(), operatingCost: money.optional() })
    .optional(),
  reasons: z.record(z.string(), z.string()).optional(),
  uses: z.record(z.string(), z.string()).optional(),
});

export const executionFileSchema = z.object({
  year: z.number().int(),
  asOf: date,
  adjustments: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(["追加", "追减", "调剂"]),
        date,
        amount: money,
        from: lineRef.optional(),
        to: lineRef.optional(),
        reason: z.string(),
        approval: z.object({ document: z.string(), date, by: z.string().optional() }).optional(),
      }),
    )
    .default([]),
  actuals: z.array(actual).default([]),
  procurementExecuted: money.optional(),
  staff: z.number().int().nonnegative().optional(),
  prior: z
    .object({ carryOver: money.optional(), personnel: money.optional(), publicFunds: money.optional(), staff: z.number().int().nonnegative().optional(), threePublic: money.optional() })
    .optional(),
  reasons: z.record(z.string(), z.string()).optional(),
  finalAccounts: finalAccounts.optional(),
});

/** Removes keys whose value is undefined (exactOptionalPropertyTypes-friendly copies of parsed data). */
function clean<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Reads an execution directory; throws InputError listing every problem (YAML fields, bad payment rows). */
export async function readExecutionDir(dir: string, opts: PaymentImportOptions = {}): Promise<Execution> {
  const file = join(dir, EXECUTION_FILE);
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (e) {
    throw new InputError([{ file, message: `无法读取执行数据 / cannot read execution data: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const parsed = executionFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((i) => ({ file, field: fieldPath(i.path), message: i.message })));
  }
  const data = clean(parsed.data);
  const names = (await readdir(dir)).filter((n) => /\.(csv|xlsx)$/i.test(n)).sort();
  const payments: Payment[] = [];
  const findings: Finding[] = [];
  for (const n of names) {
    const r = await importPayments(new Uint8Array(await readFile(join(dir, n))), join(dir, n), { year: data.year, ...opts });
    if (r.ok) payments.push(...r.payments);
    else findings.push(...r.findings);
  }
  if (findings.length) throw new InputError(findings.map(findingProblem));
  return { ...data, payments } as Execution;
}

function findingProblem(f: Finding): { file: string; where?: string; message: string } {
  const l = f.location;
  if (l.kind !== "data") return { file: "", message: f.message };
  const where = l.sheet ? `${l.sheet}!${l.cell ?? ""}` : l.line !== undefined ? `第${l.line}行 / line ${l.line}` : undefined;
  return where ? { file: l.file ?? "", where, message: f.message } : { file: l.file ?? "", message: f.message };
}
