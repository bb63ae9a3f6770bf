/**
 * 导入 — a whole budget from an uploaded file (YAML, JSON, or the XLSX entry workbook): all or nothing. A
 * file that cannot be read answers 422 with every problem and changes nothing; one that can is saved as
 * the next version (optimistic, like any save) and the answer carries its findings.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { importAnswer } from "../../contract/index.ts";
import { createRuleContext } from "../../core/rules/engine.ts";
import { runRules } from "../../core/rules/index.ts";
import { budgetFor } from "../access.ts";
import { requireUser } from "../auth/session.ts";
import { parseUpload } from "../budget-content.ts";
import { saveBudget } from "../budget-service.ts";
import { readUpload } from "../upload.ts";
import { answers, idParams, versionQuery } from "./schemas.ts";

export function importRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/budgets/:id/import",
    {
      schema: {
        tags: ["budgets"],
        summary: "导入预算文件 / import a budget file (multipart field `file`: .yaml, .json, .xlsx entry workbook); all or nothing",
        params: idParams,
        querystring: versionQuery,
        consumes: ["multipart/form-data"],
        response: answers(importAnswer),
      },
    },
    async (req) => {
      const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.edit");
      const upload = await readUpload(req, app.ctx.options.maxUploadBytes);
      const budget = await parseUpload(upload.fileName, upload.bytes);
      req.log.info({ budgetId: b.id, lineItems: budget.lineItems.length, file: upload.fileName }, "import: parsed");
      const saved = await saveBudget(app.ctx, req, b, req.query.version, budget, "budget.import", `导入 / imported ${upload.fileName}`);
      const findings = runRules(createRuleContext(budget, await app.ctx.catalogs.get(app.ctx.db, b.regionId, b.year)));
      return { version: saved.version, diff: saved.diff, findings };
    },
  );
}
