/** The generated province's budgets (scripts/seed-region.ts, the province tests and benchmarks). */
import type { Budget } from "../../src/core/model.ts";
import { fen } from "../../src/core/money.ts";
import type { DepartmentPlan } from "../../src/server/seed-region.ts";
import { generateBudget } from "./generate.ts";

/**
 * A department's budget of a year: the generator's department for its index (the same units, projects and
 * codes every year; every indicator with its target, so that it can be submitted), its line items 3%
 * larger each year after `firstYear`.
 */
export function provinceBudget(plan: DepartmentPlan, firstYear: number): Budget {
  const budget = generateBudget(
    50_000 + plan.index,
    { units: [plan.units, plan.units], lineItems: [20, 160], projects: [2, 12] },
    { year: plan.year, department: { code: plan.code, name: plan.name, region: plan.regionName }, complete: true },
  );
  const growth = 1 + 0.03 * (plan.year - firstYear);
  return { ...budget, lineItems: budget.lineItems.map((l) => ({ ...l, amount: fen(Math.round(l.amount * growth)) })) };
}
