/**
 * 录入工作簿 — the Excel entry workbook of a budget: blank (the template people fill in Excel or WPS, with
 * the region's catalog for the budget's year in its code lists) or filled with the current version (to
 * edit offline and import again: the import reads it back to the same budget).
 */
import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { writeEntryTemplate, writeEntryWorkbook } from "../../formats/entry-workbook/index.ts";
import { budgetFor } from "../access.ts";
import { requireUser } from "../auth/session.ts";
import { loadBudget } from "../budget-service.ts";
import { CONTENT_TYPES } from "../disclosure-files.ts";
import { id } from "./schemas.ts";

export function entryWorkbookRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/budgets/:id/entry-workbook",
    {
      schema: {
        tags: ["import"],
        summary: "录入工作簿 / the Excel entry workbook: blank (template=1) or filled with the current version, to edit and import again",
        params: z.object({ id }),
        querystring: z.object({ template: z.enum(["0", "1"]).default("0") }),
      },
    },
    async (req, reply) => {
      const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
      const catalog = await app.ctx.catalogs.get(app.ctx.db, b.regionId, b.year);
      const blank = req.query.template === "1";
      const content = blank ? await writeEntryTemplate({ year: b.year, catalog: catalog.catalog }) : await writeEntryWorkbook((await loadBudget(app.ctx, b.id)).budget, catalog.catalog);
      const name = blank ? `${b.year}年度部门预算录入模板.xlsx` : `${b.departmentName}${b.year}年度部门预算录入工作簿.xlsx`;
      const ascii = blank ? `entry-template-${b.year}.xlsx` : `entry-workbook-${b.departmentCode}-${b.year}.xlsx`;
      return reply.header("content-type", CONTENT_TYPES.xlsx!).header("content-disposition", contentDisposition(name, { fallback: ascii })).send(Buffer.from(content));
    },
  );
}
