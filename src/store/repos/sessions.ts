/** 会话 — login sessions, stored by the sha256 of their token, with the session's CSRF token. */
import type { Db, UserRow } from "../schema.ts";

export async function createSession(db: Db, s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db.insertInto("sessions").values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

/** The live session and its user: unexpired, and the user not disabled. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<{ csrfToken: string; user: UserRow } | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .selectAll("u")
    .select(["s.csrf_token"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", now)
    .where("u.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  const { csrf_token, ...user } = row;
  return { csrfToken: csrf_token, user };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Ends every session of a user (disabled, or password changed), except optionally the current one. */
export async function deleteUserSessions(db: Db, userId: number, keepTokenHash?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepTokenHash) q = q.where("token_hash", "<>", keepTokenHash);
  await q.execute();
}

/** Expired sessions are useless; they are swept at each login so the table does not grow without bound. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}
