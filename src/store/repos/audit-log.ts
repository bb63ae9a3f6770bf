/** 审计日志 — the append-only log of every action (the database refuses UPDATE, DELETE and TRUNCATE). */
import type { Db } from "../schema.ts";

export interface AuditEntry {
  actorId: number | null;
  actorName: string | null;
  regionId: number | null;
  /** e.g. auth.login, budget.save, workflow.submit, users.create */
  action: string;
  /** what it acted on, e.g. budget:3, user:7 */
  target?: string | null;
  details?: unknown;
  ip?: string | null;
}

export async function appendAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: e.actorId,
      actor_name: e.actorName,
      region_id: e.regionId,
      action: e.action,
      target: e.target ?? null,
      details: e.details === undefined ? null : JSON.stringify(e.details),
      ip: e.ip ?? null,
    })
    .execute();
}

export interface AuditQuery {
  regionId: number;
  action?: string;
  target?: string;
  /** entries with id below this (paging backwards) */
  before?: number;
  limit: number;
}

export async function queryAudit(db: Db, q: AuditQuery) {
  let s = db.selectFrom("audit_log").selectAll().where("region_id", "=", q.regionId);
  if (q.action) s = s.where("action", "=", q.action);
  if (q.target) s = s.where("target", "=", q.target);
  if (q.before) s = s.where("id", "<", q.before);
  return s.orderBy("id", "desc").limit(q.limit).execute();
}
