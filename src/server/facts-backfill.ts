/**
 * 补写公开数据 — publications made before facts existed (or by a path that stored files only) get their
 * facts written from the budget version they published, once, at start. Versions never change, so the
 * rows are the ones publishing would have written. Only budgets (部门预算) have facts, not 决算.
 */
import { budgetFacts, budgetTotals } from "../core/facts.ts";
import { getVersion } from "../store/repos/budgets.ts";
import { writeFacts } from "../store/repos/facts.ts";
import type { Db } from "../store/schema.ts";
import { storedToBudget } from "./budget-content.ts";

/** Writes the facts of every publication that has none, oldest first (so the latest ends up current). */
export async function backfillFacts(db: Db): Promise<number> {
  const missing = await db
    .selectFrom("publications as p")
    .innerJoin("budgets as b", "b.id", "p.budget_id")
    .leftJoin("publication_totals as t", "t.publication_id", "p.id")
    .select(["p.id", "p.budget_id", "p.budget_version", "p.region_id", "p.year", "b.department_id"])
    .where("t.publication_id", "is", null)
    // the facts are budget figures: a 决算 has none (README, open data)
    .where("p.kind", "=", "budget")
    .orderBy("p.id")
    .execute();
  for (const p of missing) {
    const v = await getVersion(db, p.budget_id, p.budget_version);
    if (!v) continue;
    const budget = storedToBudget(v.content);
    await db.transaction().execute((trx) =>
      writeFacts(trx, { publicationId: p.id, budgetId: p.budget_id, regionId: p.region_id, departmentId: p.department_id, year: p.year }, budgetFacts(budget), budgetTotals(budget), budget.prior),
    );
  }
  return missing.length;
}
