/** 生成 — render the current version of a budget in one format, for one scope (the department or a unit). */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { LAYOUTS, type Layout } from "../../core/disclosure.ts";
import { budgetFor } from "../access.ts";
import { requireUser } from "../auth/session.ts";
import { loadBudget } from "../budget-service.ts";
import { checkFormat, deriveScope, renderFile } from "../disclosure-files.ts";
import { id } from "./schemas.ts";

export function renderRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/budgets/:id/render/:format",
    {
      schema: {
        tags: ["render"],
        summary: "下载公开文件 / download the disclosure (json, html, xlsx, pdf, txt) of the department or a unit",
        params: z.object({ id, format: z.string() }),
        querystring: z.object({ scope: z.string().default("department"), layout: z.enum(LAYOUTS as [Layout, ...Layout[]]).default("henan13") }),
      },
    },
    async (req, reply) => {
      const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
      checkFormat(req.params.format);
      const { budget } = await loadBudget(app.ctx, b.id);
      const catalog = await app.ctx.catalogs.get(app.ctx.db, b.regionId, b.year);
      const file = await renderFile(deriveScope(budget, catalog, req.query.scope, req.query.layout), req.params.format);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("x-content-sha256", file.sha256)
        .send(Buffer.from(file.content));
    },
  );
}
