/**
 * 生成 — render the current version of a budget in one format, for one scope (the department or a unit).
 * The render gate: a budget with error-level findings is refused (422 with the findings) unless `draft`
 * is asked for; only an approved (批复) or published budget renders without the 草稿 未经审核 mark.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { LAYOUTS, type Layout } from "../../core/disclosure.ts";
import { createRuleContext, runRules } from "../../core/rules/index.ts";
import type { BudgetState } from "../../core/workflow.ts";
import { budgetFor } from "../access.ts";
import { requireUser } from "../auth/session.ts";
import { loadBudget } from "../budget-service.ts";
import { checkFormat, deriveScope } from "../disclosure-files.ts";
import { AppError } from "../errors.ts";
import { id } from "./schemas.ts";
import { regionTemplate } from "../../store/repos/tenancy.ts";

/** 已批复 and 已公开: the states whose documents are no longer drafts */
const FINAL_STATES: readonly BudgetState[] = ["approved", "published"];

export function renderRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/budgets/:id/render/:format",
    {
      schema: {
        tags: ["render"],
        summary: "下载公开文件 / download the disclosure (json, html, xlsx, pdf, txt) of the department or a unit",
        params: z.object({ id, format: z.string() }),
        querystring: z.object({
          scope: z.string().default("department"),
          template: z.enum(LAYOUTS as [Layout, ...Layout[]]).optional().describe("公开模板；缺省为本区划的设定 / disclosure template; default: the region's setting"),
          layout: z.enum(LAYOUTS as [Layout, ...Layout[]]).optional().describe("同 template（旧名） / same as template (old name)"),
          draft: z.enum(["0", "1", "true", "false"]).default("0").describe("草稿：有错误也生成（标注草稿） / render despite error-level findings, marked as a draft"),
        }),
      },
    },
    async (req, reply) => {
      const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
      checkFormat(req.params.format);
      const { budget } = await loadBudget(app.ctx, b.id);
      const catalog = await app.ctx.catalogs.get(app.ctx.db, b.regionId, b.year);
      const findings = runRules(createRuleContext(budget, catalog));
      const errors = findings.filter((f) => f.severity === "error");
      const askedDraft = req.query.draft === "1" || req.query.draft === "true";
      if (errors.length > 0 && !askedDraft) {
        throw new AppError("blocked", `预算有 ${errors.length} 个错误，不能生成公开文件（可生成草稿） / ${errors.length} error-level findings: fix them, or ask for a draft`, { findings: errors });
      }
      const template = req.query.template ?? req.query.layout ?? (await regionTemplate(app.ctx.db, b.regionId));
      const derived = deriveScope(budget, catalog, req.query.scope, template);
      const final = errors.length === 0 && FINAL_STATES.includes(b.state);
      const file = await app.ctx.jobs.run("render", { disclosure: final ? derived : { ...derived, draft: true }, format: req.params.format });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("x-content-sha256", file.sha256)
        .send(Buffer.from(file.content));
    },
  );
}
