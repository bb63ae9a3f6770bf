/**
 * 年初预算 / 调整后预算 / 执行数 side by side, per budget line, with 结转结余 (carry-over) = 调整后 − 执行.
 * The published budget is read, never changed: adjustments are applied to a copy of its amounts.
 */
import type { Budget } from "../model.ts";
import { type Fen, ZERO, add, fen, sub } from "../money.ts";
import { type Adjustment, type Execution, type LineRef, lineKey } from "./model.ts";

/** 一行的三个数 — one line's original, adjusted and executed amounts. */
export interface LineExecution extends LineRef {
  /** 年初预算 */
  original: Fen;
  /** 调整后预算 */
  adjusted: Fen;
  /** 执行数 */
  executed: Fen;
  /** 结转结余 = 调整后 − 执行 (never below zero: overspending is a finding, not a negative carry-over) */
  carryOver: Fen;
}

/** Whether an adjustment counts: approved on or before `asOf`. */
export function isEffective(a: Adjustment, asOf: string): boolean {
  return a.approval !== undefined && a.approval.date <= asOf;
}

/**
 * The lines of a budget with their execution. Payments and adjustments on lines the budget does not have
 * create lines with 年初预算 0 (a 追加 can open a new line). Payments after `asOf` are ignored.
 */
export function sideBySide(budget: Budget, exec: Execution): LineExecution[] {
  const lines = new Map<string, LineExecution>();
  const get = (r: LineRef): LineExecution => {
    const k = lineKey(r);
    let l = lines.get(k);
    if (!l) {
      l = { unit: r.unit, functional: r.functional, economic: r.economic, original: ZERO, adjusted: ZERO, executed: ZERO, carryOver: ZERO };
      if (r.project !== undefined) l.project = r.project;
      lines.set(k, l);
    }
    return l;
  };
  for (const li of budget.lineItems) {
    const l = get(li);
    l.original = add(l.original, li.amount);
    l.adjusted = add(l.adjusted, li.amount);
  }
  for (const a of exec.adjustments) {
    if (!isEffective(a, exec.asOf)) continue;
    if (a.from && a.kind !== "追加") {
      const l = get(a.from);
      l.adjusted = sub(l.adjusted, a.amount);
    }
    if (a.to && a.kind !== "追减") {
      const l = get(a.to);
      l.adjusted = add(l.adjusted, a.amount);
    }
  }
  for (const p of exec.payments) {
    if (p.date > exec.asOf) continue;
    const l = get(p);
    l.executed = add(l.executed, p.amount);
  }
  for (const l of lines.values()) l.carryOver = l.adjusted > l.executed ? sub(l.adjusted, l.executed) : ZERO;
  return [...lines.values()].sort((a, b) => (lineKey(a) < lineKey(b) ? -1 : lineKey(a) > lineKey(b) ? 1 : 0));
}

/** 合计 — the three amounts and carry-over summed over lines that pass `filter`. */
export interface Totals {
  original: Fen;
  adjusted: Fen;
  executed: Fen;
  carryOver: Fen;
}

export function totals(lines: readonly LineExecution[], filter: (l: LineExecution) => boolean = () => true): Totals {
  let original = 0;
  let adjusted = 0;
  let executed = 0;
  let carryOver = 0;
  for (const l of lines) {
    if (!filter(l)) continue;
    original += l.original;
    adjusted += l.adjusted;
    executed += l.executed;
    carryOver += l.carryOver;
  }
  return { original: fen(original), adjusted: fen(adjusted), executed: fen(executed), carryOver: fen(carryOver) };
}

/** Executed amount by month (1–12) over lines matching `filter`, cumulative when asked. */
export function monthlyExecuted(exec: Execution, filter: (p: LineRef) => boolean = () => true, cumulative = false): Fen[] {
  const months = Array.from({ length: 12 }, () => 0);
  for (const p of exec.payments) {
    if (p.date > exec.asOf || !filter(p)) continue;
    const m = Number(p.date.slice(5, 7));
    if (m >= 1 && m <= 12) months[m - 1]! += p.amount;
  }
  if (cumulative) for (let i = 1; i < 12; i++) months[i]! += months[i - 1]!;
  return months.map((n) => fen(n));
}
