/** 审计日志 — the region's append-only log, for its administrator. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditLogAnswer } from "../../contract/index.ts";
import { canInRegion } from "../../core/workflow.ts";
import { queryAudit } from "../../store/repos/audit-log.ts";
import { requireUser } from "../auth/session.ts";
import { forbidden } from "../errors.ts";
import { answers } from "./schemas.ts";

export function auditLogRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/audit-log",
    {
      schema: {
        tags: ["audit log"],
        summary: "审计日志 / the audit log, newest first",
        querystring: z.object({ action: z.string().optional(), target: z.string().optional(), before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: answers(auditLogAnswer),
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      if (!canInRegion(actor, "audit.read", actor.regionId)) throw forbidden();
      return { entries: await queryAudit(app.ctx.db, { regionId: actor.regionId, ...req.query }) };
    },
  );
}
