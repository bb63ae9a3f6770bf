/** 健康检查 — liveness and the database behind it. */
import { sql } from "kysely";
import type { FastifyInstance } from "fastify";

export function healthRoutes(app: FastifyInstance): void {
  app.get("/api/health", { schema: { tags: ["system"], summary: "健康检查 / health" } }, async () => {
    await sql`select 1`.execute(app.ctx.db);
    return { status: "ok", database: app.ctx.dbKind };
  });
}
