/** 警告说明 — written explanations of warnings, which reviewers read beside the findings. */
import type { WarningExplanation } from "../../core/workflow.ts";
import type { Db } from "../schema.ts";

export async function listExplanations(db: Db, budgetId: number): Promise<(WarningExplanation & { author: string | null; writtenAt: Date })[]> {
  const rows = await db
    .selectFrom("warning_explanations as e")
    .leftJoin("users as u", "u.id", "e.author_id")
    .select(["e.rule", "e.location_key", "e.text", "e.written_at", "u.display_name"])
    .where("e.budget_id", "=", budgetId)
    .orderBy("e.rule")
    .orderBy("e.location_key")
    .execute();
  return rows.map((r) => ({ rule: r.rule, locationKey: r.location_key, text: r.text, author: r.display_name, writtenAt: r.written_at }));
}

export async function writeExplanation(db: Db, budgetId: number, e: WarningExplanation, authorId: number): Promise<void> {
  await db
    .insertInto("warning_explanations")
    .values({ budget_id: budgetId, rule: e.rule, location_key: e.locationKey, text: e.text, author_id: authorId })
    .onConflict((oc) => oc.columns(["budget_id", "rule", "location_key"]).doUpdateSet({ text: e.text, author_id: authorId, written_at: new Date() }))
    .execute();
}

/**
 * Writes many explanations of one budget in one statement (a department explaining a whole check at once).
 * Several warnings can share a place (rule and location key): the last text given for it is kept.
 */
export async function writeExplanations(db: Db, budgetId: number, list: readonly WarningExplanation[], authorId: number): Promise<void> {
  const byKey = new Map(list.map((e) => [`${e.rule}\u0000${e.locationKey}`, e]));
  if (byKey.size === 0) return;
  await db
    .insertInto("warning_explanations")
    .values([...byKey.values()].map((e) => ({ budget_id: budgetId, rule: e.rule, location_key: e.locationKey, text: e.text, author_id: authorId })))
    .onConflict((oc) => oc.columns(["budget_id", "rule", "location_key"]).doUpdateSet((eb) => ({ text: eb.ref("excluded.text"), author_id: eb.ref("excluded.author_id"), written_at: new Date() })))
    .execute();
}
