/**
 * 登录限制 — login attempts per client address over the last minute (a sliding window), counted in the
 * database under a per-address advisory lock, so two servers on one database share the count exactly (a
 * per-process limiter let 20 of 24 through) and no minute boundary resets it.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** Records one attempt from `address`; returns the attempts of the last minute including it. */
export async function countLoginAttempt(db: Kysely<Database>, address: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`yusuan-login:${address}`}))`.execute(trx);
    await trx.deleteFrom("login_attempts").where("address", "=", address).where("at", "<", sql<Date>`clock_timestamp() - interval '1 hour'`).execute();
    await trx.insertInto("login_attempts").values({ address }).execute();
    const row = await trx
      .selectFrom("login_attempts")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("address", "=", address)
      .where("at", ">", sql<Date>`clock_timestamp() - interval '1 minute'`)
      .executeTakeFirstOrThrow();
    return row.n;
  });
}
