/**
 * 双监控 — spending progress against time progress. Time progress at a date is the share of the year
 * elapsed by the end of that date's month (end of Q3 = 75%), as finance bureaus measure it.
 */
import type { Budget } from "../model.ts";
import { type Percent, percentOf } from "../ratio.ts";
import { fen } from "../money.ts";
import type { Execution } from "./model.ts";
import { type LineExecution, sideBySide, totals } from "./side-by-side.ts";

/** 时间进度 as hundredths of a percent: months completed (the date's month counts when it is its last day). */
export function timeProgress(asOf: string, year: number): number {
  const y = Number(asOf.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 10000;
  const m = Number(asOf.slice(5, 7));
  const d = Number(asOf.slice(8, 10));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const months = d >= last ? m : m - 1 + d / last;
  return timeProgressOfMonths(months);
}

/** 时间进度 in hundredths of a percent after `months` months of the year (3 → 2500, 1 → 833). */
export function timeProgressOfMonths(months: number): number {
  return Math.round((months * 10000) / 12);
}

/** 支出进度 of one scope. */
export interface SpendingProgress {
  kind: "department" | "unit" | "project";
  code: string;
  name: string;
  adjusted: number;
  executed: number;
  /** 支出进度 = 执行数 / 调整后预算 */
  rate: Percent;
  /** 时间进度 */
  time: number;
}

/** Progress of the department, each unit and each project at `exec.asOf`. */
export function spendingProgress(budget: Budget, exec: Execution, lines: readonly LineExecution[] = sideBySide(budget, exec)): SpendingProgress[] {
  const time = timeProgress(exec.asOf, exec.year);
  const mk = (kind: SpendingProgress["kind"], code: string, name: string, f: (l: LineExecution) => boolean): SpendingProgress => {
    const t = totals(lines, f);
    return { kind, code, name, adjusted: t.adjusted, executed: t.executed, rate: percentOf(fen(t.executed), fen(t.adjusted)), time };
  };
  return [
    mk("department", budget.department.code, budget.department.name, () => true),
    ...budget.units.map((u) => mk("unit", u.code, u.name, (l) => l.unit === u.code)),
    ...budget.projects.map((p) => mk("project", p.code, p.name, (l) => l.project === p.code)),
  ];
}
