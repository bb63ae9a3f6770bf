/**
 * 金额 — amounts: no negative budget amounts, zero lines noted, and explicit income equal to expenditure
 * for every unit and funding source (收支平衡).
 */
import type { Fen } from "../money.ts";
import { FUNDING_SOURCE_NAMES, type FundingSource } from "../model.ts";
import type { Emit, Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { findingsOf, yuan } from "./helpers.ts";

export const negativeAmount: Rule = defineRule(
  {
    id: "amount.negative",
    title: "金额为负数",
    description:
      "预算支出、收入和政府采购金额不能为负数；年初预算没有“冲减”，调减应修改原金额。 / Budgeted expenditure, income and procurement amounts cannot be negative: an initial budget has no offsetting entries, a reduction changes the amount itself.",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    // plain loops, and a finding (with its path) only for a negative amount: this runs for every line
    const { lineItems, income, procurement } = ctx.budget;
    for (let i = 0; i < lineItems.length; i++) if (lineItems[i]!.amount < 0) out.push(negative(emit, lineItems[i]!.amount, "lineItems", i, LINE));
    if (income) for (let i = 0; i < income.length; i++) if (income[i]!.amount < 0) out.push(negative(emit, income[i]!.amount, "income", i, INCOME));
    for (let i = 0; i < procurement.length; i++) if (procurement[i]!.amount < 0) out.push(negative(emit, procurement[i]!.amount, "procurement", i, PROCUREMENT));
    return out;
  },
);

const LINE = { zh: "支出明细", en: "line item" };
const INCOME = { zh: "收入", en: "income" };
const PROCUREMENT = { zh: "政府采购", en: "procurement" };

function negative(emit: Emit, amount: Fen, list: string, index: number, what: { zh: string; en: string }): Finding {
  return emit({
    message: `${what.zh}金额为负数：${yuan(amount)} 元 / negative ${what.en} amount: ${yuan(amount)} 元`,
    path: `${list}[${index}].amount`,
    expected: "≥ 0.00",
    actual: yuan(amount),
  });
}

export const zeroAmount: Rule = defineRule(
  {
    id: "amount.zero",
    title: "支出明细金额为零",
    description:
      "金额为 0 的支出明细不影响任何表，但常是漏填金额或应删除的行。 / A zero line changes no table, but is often a missing amount or a row that should be deleted.",
    severity: "info",
  },
  (ctx, emit) =>
    findingsOf(ctx.budget.lineItems, (l, i) =>
      l.amount !== 0
        ? undefined
        : emit({
            message: `支出明细金额为 0（${l.unit} ${l.functional} ${l.economic}） / line item amount is zero (${l.unit} ${l.functional} ${l.economic})`,
            path: `lineItems[${i}].amount`,
            actual: yuan(l.amount),
          }),
    ),
);

export const incomeMismatch: Rule = defineRule(
  {
    id: "amount.income-mismatch",
    title: "收入与支出不相等",
    description:
      "列明收入时，每个单位每种资金来源的收入须等于按该来源安排的支出：收支平衡，表1收入合计 = 支出合计。 / When income is given, each unit's income from each funding source must equal the expenditure it funds: the budget balances, and table 1's income total equals its expenditure total.",
    basis: "《中华人民共和国预算法》第十二条（收支平衡）",
    severity: "error",
  },
  (ctx, emit) => {
    const income = ctx.budget.income;
    if (!income) return [];
    const key = (unit: string, source: FundingSource) => `${unit}\u0000${source}`;
    const incomeBy = new Map<string, { amount: number; first: number; unit: string; source: FundingSource }>();
    income.forEach((r, i) => {
      const k = key(r.unit, r.source);
      const prev = incomeBy.get(k);
      if (prev) prev.amount += r.amount;
      else incomeBy.set(k, { amount: r.amount, first: i, unit: r.unit, source: r.source });
    });
    const spendBy = new Map<string, { amount: number; first: number; unit: string; source: FundingSource }>();
    ctx.budget.lineItems.forEach((l, i) => {
      const k = key(l.unit, l.source);
      const prev = spendBy.get(k);
      if (prev) prev.amount += l.amount;
      else spendBy.set(k, { amount: l.amount, first: i, unit: l.unit, source: l.source });
    });
    const out: Finding[] = [];
    for (const k of new Set([...incomeBy.keys(), ...spendBy.keys()])) {
      const inc = incomeBy.get(k);
      const exp = spendBy.get(k);
      const incAmount = inc?.amount ?? 0;
      const expAmount = exp?.amount ?? 0;
      if (incAmount === expAmount) continue;
      const unit = inc?.unit ?? exp?.unit ?? "";
      const source = (inc?.source ?? exp?.source) as FundingSource;
      out.push(
        emit({
          message: `单位 ${unit} 的${FUNDING_SOURCE_NAMES[source]}收入 ${yuan(incAmount)} 元不等于支出 ${yuan(expAmount)} 元 / unit ${unit}: income from ${source} ${yuan(incAmount)} 元 differs from the expenditure it funds ${yuan(expAmount)} 元`,
          path: inc ? `income[${inc.first}].amount` : "income",
          expected: yuan(expAmount),
          actual: yuan(incAmount),
        }),
      );
    }
    return out;
  },
);

export const AMOUNT_RULES: readonly Rule[] = [negativeAmount, zeroAmount, incomeMismatch];
