/**
 * 决算账 — one year's final accounts (部门决算) drawn from the budget, its approved adjustments and its
 * execution: each budget line's 年初预算, 全年预算 (调整后) and 决算数 by funding source, the balances
 * brought in and carried out, and the income of the year. The published budget is read, never changed.
 *
 * 财政拨款收入 is not recorded; it follows from the year's spending and balances, for each kind of
 * 财政拨款 and functional code: 财政拨款收入 = 支出 + 年末结转和结余 − 年初结转和结余. Non-fiscal money
 * (非财政拨款) must balance as recorded in each unit; `finalAccountsOf` says where it does not. 上缴上级支出,
 * 经营支出 and 对附属单位补助支出 are recorded beside the budget lines (no line pays them) and are non-fiscal.
 */
import { sourceFacts } from "../classify.ts";
import type { BalanceItem, BalanceKind, Execution, FinalAccountsRecord, IncomeActual, PriorFinalAccounts, SpendingActual, UnitAmount } from "../execution/model.ts";
import { FINAL_SPENDING_USE_NAMES, NON_FISCAL_INCOME_NAMES, lineKey } from "../execution/model.ts";
import { sideBySide } from "../execution/side-by-side.ts";
import { type Budget, type FundingSource, type Nature, UNIT_TYPE_NAMES, isAdministrativeLike } from "../model.ts";
import { type Fen, fen, formatWanYuanExact } from "../money.ts";

/** 决算行 — one budget line and funding source with its three amounts. */
export interface FinalLine {
  unit: string;
  functional: string;
  economic: string;
  project?: string;
  nature: Nature;
  source: FundingSource;
  /** 年初预算 */
  original: Fen;
  /** 全年预算 (年初预算 and the approved adjustments) */
  adjusted: Fen;
  /** 决算数 — what was paid */
  executed: Fen;
}

/** 财政拨款收入（决算数）of one kind and functional code, derived from spending and balances. */
export interface AppropriationIncome {
  unit: string;
  functional: string;
  kind: Exclude<BalanceKind, "non-fiscal">;
  amount: Fen;
}

/** 决算 — everything the final-accounts tables and narrative read. */
export interface FinalAccounts {
  year: number;
  lines: FinalLine[];
  appropriationIncome: AppropriationIncome[];
  income: IncomeActual[];
  /** 上缴上级支出, 经营支出, 对附属单位补助支出 */
  otherSpending: SpendingActual[];
  opening: BalanceItem[];
  closing: BalanceItem[];
  nonFiscalBalanceUsed: UnitAmount[];
  surplusDistribution: UnitAmount[];
  prior?: PriorFinalAccounts;
  reasons: Record<string, string>;
  uses: Record<string, string>;
}

/** The kind of money a funding source is in a 决算: one of the three 财政拨款, or 非财政拨款. */
export function balanceKindOf(source: FundingSource): BalanceKind {
  const facts = sourceFacts(source);
  if (!facts || !facts.appropriation) return "non-fiscal";
  return facts.group === "gpb" ? "gpb" : facts.group === "government-fund" ? "government-fund" : "state-capital";
}

/** The source of money a line opened by a 追加 (no budget line of its own) is booked to: 一般公共预算财政拨款. */
const SOURCE_OF_NEW_LINE: FundingSource = "gpb-appropriation";

/**
 * The budget's lines with 年初预算, 全年预算 and 决算数 by funding source. A line of several sources keeps each
 * source's 年初预算; its adjustments go to its first source (as the budget lists them), and its payments fill
 * its sources in that order, each up to its 全年预算, the rest to the last one.
 */
export function finalLines(budget: Budget, exec: Execution): FinalLine[] {
  const byKey = new Map<string, { source: FundingSource; nature: Nature; amount: Fen }[]>();
  for (const li of budget.lineItems) {
    const k = lineKey(li);
    const list = byKey.get(k) ?? [];
    const same = list.find((x) => x.source === li.source);
    if (same) same.amount = fen(same.amount + li.amount);
    else list.push({ source: li.source, nature: li.nature, amount: li.amount });
    byKey.set(k, list);
  }
  const out: FinalLine[] = [];
  for (const l of sideBySide(budget, exec)) {
    const parts = byKey.get(lineKey(l)) ?? [{ source: SOURCE_OF_NEW_LINE, nature: l.project ? "project" : "basic", amount: fen(0) }];
    let adjustment = l.adjusted - l.original;
    let unpaid = l.executed as number;
    parts.forEach((p, i) => {
      const adjusted = fen(p.amount + adjustment);
      adjustment = 0;
      const last = i === parts.length - 1;
      const executed = fen(last ? unpaid : Math.min(unpaid, Math.max(adjusted, 0)));
      unpaid -= executed;
      const line: FinalLine = { unit: l.unit, functional: l.functional, economic: l.economic, nature: p.nature, source: p.source, original: p.amount, adjusted, executed };
      if (l.project !== undefined) line.project = l.project;
      out.push(line);
    });
  }
  return out;
}

/** A problem with the 决算 data: the field of execution.yaml it is about, and what is wrong. */
export interface FinalAccountsProblem {
  field: string;
  message: string;
}

const sumOf = (xs: readonly { amount: Fen }[]): number => xs.reduce((s, x) => s + x.amount, 0);

const KIND_WORDS: Record<BalanceKind, string> = {
  gpb: "一般公共预算财政拨款",
  "government-fund": "政府性基金预算财政拨款",
  "state-capital": "国有资本经营预算财政拨款",
  "non-fiscal": "非财政拨款",
};

/** The Chinese word of a kind of money in a 决算 (the tables' own words). */
export function balanceKindName(kind: BalanceKind): string {
  return KIND_WORDS[kind];
}

/** 本年支出合计 of the accounts: what the budget lines paid and the other uses. */
export function spendingTotal(a: Pick<FinalAccounts, "lines" | "otherSpending">): Fen {
  return fen(a.lines.reduce((s, l) => s + l.executed, 0) + sumOf(a.otherSpending));
}

/**
 * 经营收入 and 经营支出 belong to a 事业单位 only (its non-independent business activity, 政府会计制度): a 行政单位 or
 * a 参公事业单位 (which follows 行政 rules, model.ts) recording either is an error naming the item's field. A unit
 * code that is not the budget's is left to the unit check.
 */
export function operatingOutsideInstitutions(budget: Budget, record: Pick<FinalAccountsRecord, "income" | "otherSpending">): FinalAccountsProblem[] {
  const typeOf = new Map(budget.units.map((u) => [u.code, u.type]));
  const problems: FinalAccountsProblem[] = [];
  const check = (unit: string, field: string, word: string, english: string) => {
    const type = typeOf.get(unit);
    if (type === undefined || !isAdministrativeLike(type)) return;
    problems.push({ field, message: `单位 ${unit} 是${UNIT_TYPE_NAMES[type]}，不应有${word}：只有事业单位记录${word} / unit ${unit} is not a public institution (事业单位): only an institution records ${english}` });
  };
  record.income.forEach((x, i) => {
    if (x.source === "operating-income") check(x.unit, `finalAccounts.income[${i}].source`, NON_FISCAL_INCOME_NAMES["operating-income"], "operating income");
  });
  (record.otherSpending ?? []).forEach((x, i) => {
    if (x.use === "operating") check(x.unit, `finalAccounts.otherSpending[${i}].use`, FINAL_SPENDING_USE_NAMES.operating, "operating spending");
  });
  return problems;
}

/**
 * The final accounts, or the problems that keep them from balancing: a 财政拨款 kind and functional code whose
 * balances would need a negative income, or non-fiscal money that does not balance. No record: one problem.
 */
export function finalAccountsOf(budget: Budget, exec: Execution): { ok: true; accounts: FinalAccounts } | { ok: false; problems: FinalAccountsProblem[] } {
  const record: FinalAccountsRecord | undefined = exec.finalAccounts;
  if (!record) return { ok: false, problems: [{ field: "finalAccounts", message: "执行数据中没有决算补充数据（finalAccounts） / the execution data has no finalAccounts section" }] };
  const lines = finalLines(budget, exec);
  const problems: FinalAccountsProblem[] = [];
  const units = new Set(budget.units.map((u) => u.code));
  const checkUnits = (items: readonly { unit: string }[], field: string) =>
    items.forEach((x, i) => {
      if (x.unit === "") problems.push({ field: `${field}[${i}].unit`, message: "应填单位代码 / a unit code is required" });
      else if (!units.has(x.unit)) problems.push({ field: `${field}[${i}].unit`, message: `单位代码 ${x.unit} 不在预算的单位中 / unit ${x.unit} is not a unit of the budget` });
    });
  checkUnits(record.opening, "finalAccounts.opening");
  checkUnits(record.closing, "finalAccounts.closing");
  checkUnits(record.income, "finalAccounts.income");
  const otherSpending = record.otherSpending ?? [];
  checkUnits(otherSpending, "finalAccounts.otherSpending");
  checkUnits(record.nonFiscalBalanceUsed, "finalAccounts.nonFiscalBalanceUsed");
  checkUnits(record.surplusDistribution, "finalAccounts.surplusDistribution");
  problems.push(...operatingOutsideInstitutions(budget, record));

  // 财政拨款收入 by kind, unit and functional code
  const key = (unit: string, functional: string, kind: BalanceKind) => `${unit}|${functional}|${kind}`;
  const acc = new Map<string, { unit: string; functional: string; kind: BalanceKind; spent: number; opening: number; closing: number }>();
  const at = (unit: string, functional: string, kind: BalanceKind) => {
    const k = key(unit, functional, kind);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { unit, functional, kind, spent: 0, opening: 0, closing: 0 }));
    return a;
  };
  for (const l of lines) at(l.unit, l.functional, balanceKindOf(l.source)).spent += l.executed;
  for (const b of record.opening) at(b.unit, b.functional, b.kind).opening += b.amount;
  for (const b of record.closing) at(b.unit, b.functional, b.kind).closing += b.amount;
  const appropriationIncome: AppropriationIncome[] = [];
  for (const a of [...acc.values()].sort((x, y) => key(x.unit, x.functional, x.kind).localeCompare(key(y.unit, y.functional, y.kind)))) {
    if (a.kind === "non-fiscal") continue;
    const income = a.spent + a.closing - a.opening;
    if (income < 0) {
      problems.push({
        field: "finalAccounts.closing",
        message: `单位 ${a.unit} 科目 ${a.functional} 的${KIND_WORDS[a.kind]}：年初结转和结余 ${formatWanYuanExact(fen(a.opening))} 万元大于支出 ${formatWanYuanExact(fen(a.spent))} 万元与年末结转和结余 ${formatWanYuanExact(fen(a.closing))} 万元之和，财政拨款收入将为负数 / opening balance exceeds spending plus closing balance: the appropriation income would be negative`,
      });
      continue;
    }
    if (income !== 0) appropriationIncome.push({ unit: a.unit, functional: a.functional, kind: a.kind, amount: fen(income) });
  }

  // 非财政拨款, in each unit (each unit's own 决算 balances): 收入 + 使用非财政拨款结余 + 年初 = 支出 + 结余分配 + 年末
  for (const unit of budget.units.map((u) => u.code)) {
    const of = <T extends { unit: string }>(xs: readonly T[]) => xs.filter((x) => x.unit === unit);
    const nonFiscal = (xs: readonly BalanceItem[]) => sumOf(of(xs).filter((b) => b.kind === "non-fiscal"));
    const income = sumOf(of(record.income));
    const used = sumOf(of(record.nonFiscalBalanceUsed));
    const distributed = sumOf(of(record.surplusDistribution));
    const spent = of(lines).filter((l) => balanceKindOf(l.source) === "non-fiscal").reduce((s, l) => s + l.executed, 0) + sumOf(of(otherSpending));
    const sources = income + used + nonFiscal(record.opening);
    const uses = spent + distributed + nonFiscal(record.closing);
    if (sources === uses) continue;
    const w = (n: number) => formatWanYuanExact(fen(n));
    problems.push({
      field: "finalAccounts.closing",
      message: `单位 ${unit} 的非财政拨款不平衡：收入 ${w(income)} + 使用非财政拨款结余 ${w(used)} + 年初结转和结余 ${w(nonFiscal(record.opening))} = ${w(sources)} 万元，而支出（含上缴上级、经营、对附属单位补助支出）${w(spent)} + 结余分配 ${w(distributed)} + 年末结转和结余 ${w(nonFiscal(record.closing))} = ${w(uses)} 万元 / unit ${unit}: non-fiscal money does not balance: income + surplus used + opening must equal spending + distribution + closing`,
    });
  }
  if (problems.length) return { ok: false, problems };
  const accounts: FinalAccounts = {
    year: budget.year,
    lines,
    appropriationIncome,
    income: record.income,
    otherSpending,
    opening: record.opening,
    closing: record.closing,
    nonFiscalBalanceUsed: record.nonFiscalBalanceUsed,
    surplusDistribution: record.surplusDistribution,
    reasons: record.reasons ?? {},
    uses: record.uses ?? {},
  };
  if (record.prior) accounts.prior = record.prior;
  return { ok: true, accounts };
}

/**
 * The part of the accounts that belongs to some units (a unit's own 决算). Last year's figures are the
 * department's: a unit's document prints them only when it is the only unit (`whole`).
 */
export function accountsOfUnits(a: FinalAccounts, units: ReadonlySet<string>, whole: boolean): FinalAccounts {
  if (whole) return a;
  const mine = <T extends { unit: string }>(xs: readonly T[]) => xs.filter((x) => units.has(x.unit));
  return {
    year: a.year,
    lines: mine(a.lines),
    appropriationIncome: mine(a.appropriationIncome),
    income: mine(a.income),
    otherSpending: mine(a.otherSpending),
    opening: mine(a.opening),
    closing: mine(a.closing),
    nonFiscalBalanceUsed: mine(a.nonFiscalBalanceUsed),
    surplusDistribution: mine(a.surplusDistribution),
    reasons: a.reasons,
    uses: a.uses,
  };
}
