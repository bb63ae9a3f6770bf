/**
 * 登录限制 — login attempts per client address in fixed one-minute windows, counted by one atomic upsert,
 * so two servers on one database share the count exactly (a per-process limiter let 20 of 24 through).
 */
import { sql } from "kysely";
import type { Db } from "../schema.ts";

/** Counts one attempt from `address` in the current minute; returns the minute's count including it. */
export async function countLoginAttempt(db: Db, address: string): Promise<number> {
  const row = await db
    .insertInto("login_attempts")
    .values({ address, window_start: sql`date_trunc('minute', now())`, attempts: 1 })
    .onConflict((oc) => oc.columns(["address", "window_start"]).doUpdateSet({ attempts: sql`login_attempts.attempts + 1` }))
    .returning("attempts")
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Forgets windows older than an hour (called now and then by logins). */
export async function pruneLoginAttempts(db: Db): Promise<void> {
  await db.deleteFrom("login_attempts").where("window_start", "<", sql<Date>`now() - interval '1 hour'`).execute();
}
