/** 健康检查 — liveness and the database behind it. */
import { sql } from "kysely";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { healthAnswer } from "../../contract/index.ts";
import { answers } from "./schemas.ts";

export function healthRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get("/api/health", { schema: { tags: ["system"], summary: "健康检查 / health", response: answers(healthAnswer) } }, async () => {
    await sql`select 1`.execute(app.ctx.db);
    return { status: "ok" as const, database: app.ctx.dbKind };
  });
}
