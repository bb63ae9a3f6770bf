/** Writes one audit-log entry for a request's action, inside the caller's transaction when given one. */
import type { FastifyRequest } from "fastify";
import { appendAudit } from "../store/repos/audit-log.ts";
import type { Db } from "../store/schema.ts";

/** Who acted, as an audit entry records it: a request, or a job acting as a signed-in user (seed-region). */
export type Acting = Pick<FastifyRequest, "user" | "ip">;

export async function audit(db: Db, req: Acting, action: string, target: string | null, details?: unknown, regionId?: number | null): Promise<void> {
  await appendAudit(db, {
    actorId: req.user?.actor.userId ?? null,
    actorName: req.user?.username ?? null,
    regionId: regionId ?? req.user?.actor.regionId ?? null,
    action,
    target,
    details,
    ip: req.ip,
  });
}
