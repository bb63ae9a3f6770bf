/**
 * 审核结果计数 — the desk's count of a budget version's findings (errors, warnings not explained), written to
 * `budget_checks` when the version is saved, in the saving transaction, so the bureau's desk only reads it.
 * The desk still counts on read a version whose row is missing or stale (saved before this, or a catalog
 * or an explanation changed since).
 */
import { findingsWaiting } from "../core/desk.ts";
import type { Budget } from "../core/model.ts";
import { createRuleContext } from "../core/rules/engine.ts";
import { runRules } from "../core/rules/index.ts";
import { catalogStamp } from "../store/repos/catalogs.ts";
import { writeCheck } from "../store/repos/desk.ts";
import { listExplanations } from "../store/repos/explanations.ts";
import type { Db } from "../store/schema.ts";
import type { CatalogCache } from "./catalog-cache.ts";

/** Which version of which budget, and where its catalog comes from. */
export interface CheckedVersion {
  budgetId: number;
  regionId: number;
  year: number;
  version: number;
}

/**
 * Runs the rules on `budget` (the content of `v.version`) and records the count. `db` may be a transaction:
 * everything is read through it (on PGlite a second handle would wait for the transaction to end).
 */
export async function recordCheck(db: Db, catalogs: CatalogCache, v: CheckedVersion, budget: Budget): Promise<void> {
  const stamp = await catalogStamp(db, v.regionId, v.year);
  const findings = runRules(createRuleContext(budget, await catalogs.get(db, v.regionId, v.year)));
  const explanations = await listExplanations(db, v.budgetId);
  const waiting = findingsWaiting(findings, explanations);
  await writeCheck(db, { budgetId: v.budgetId, version: v.version, catalogStamp: stamp, explanations: explanations.length, ...waiting });
}
