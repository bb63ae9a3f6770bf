/**
 * 明细、项目、绩效目标、文字 — editing parts of a budget. Each edit is a save: a new version based on the
 * `version` the client names (409 when stale), validated like a whole budget file.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { lineItemsAnswer, saved } from "../../contract/index.ts";
import { lineItems } from "../../store/repos/budgets.ts";
import { budgetFor } from "../access.ts";
import { requireUser } from "../auth/session.ts";
import { edits } from "../budget-content.ts";
import { editBudget } from "../budget-service.ts";
import { answers, createdAnswers, id, version, versionQuery } from "./schemas.ts";

const item = z.record(z.string(), z.unknown()).describe("a line item as in budget.yaml: unit, functional, economic, nature, project?, source, amount (元), memo?");
const position = z.object({ id, position: z.coerce.number().int().min(0).max(2_147_483_647) });
const projectParams = z.object({ id, code: z.string().min(1).max(64) });

export function budgetPartRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const editable = async (req: Parameters<typeof requireUser>[0], budgetId: number) => budgetFor(app.ctx.db, requireUser(req).actor, budgetId, "budget.edit");

  r.get("/api/budgets/:id/line-items", { schema: { tags: ["line items"], summary: "当前版本的支出明细（金额为分）/ current line items (amounts in 分)", params: z.object({ id }), response: answers(lineItemsAnswer) } }, async (req) => {
    const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
    const rows = await lineItems(app.ctx.db, b.id);
    return { version: b.version, lineItems: rows.map(({ budget_id: _b, unit_code, ...rest }) => ({ unit: unit_code, ...rest })) };
  });

  r.post("/api/budgets/:id/line-items", { schema: { tags: ["line items"], summary: "新增明细 / add a line item", params: z.object({ id }), body: z.object({ version, item }), response: createdAnswers(saved) } }, async (req, reply) => {
    const b = await editable(req, req.params.id);
    const saved = await editBudget(app.ctx, req, b, req.body.version, (c) => edits.addLineItem(c, req.body.item), "budget.line-item.add");
    reply.code(201);
    return { version: saved.version, diff: saved.diff };
  });

  r.put("/api/budgets/:id/line-items/:position", { schema: { tags: ["line items"], summary: "修改明细 / replace a line item", params: position, body: z.object({ version, item }), response: answers(saved) } }, async (req) => {
    const b = await editable(req, req.params.id);
    const saved = await editBudget(app.ctx, req, b, req.body.version, (c) => edits.replaceLineItem(c, req.params.position, req.body.item), "budget.line-item.change");
    return { version: saved.version, diff: saved.diff };
  });

  r.delete("/api/budgets/:id/line-items/:position", { schema: { tags: ["line items"], summary: "删除明细 / delete a line item", params: position, querystring: versionQuery, response: answers(saved) } }, async (req) => {
    const b = await editable(req, req.params.id);
    const saved = await editBudget(app.ctx, req, b, req.query.version, (c) => edits.deleteLineItem(c, req.params.position), "budget.line-item.delete");
    return { version: saved.version, diff: saved.diff };
  });

  r.put(
    "/api/budgets/:id/projects/:code",
    { schema: { tags: ["projects"], summary: "新增或修改项目（含绩效指标）/ create or replace a project with its indicators", params: projectParams, body: z.object({ version, project: z.record(z.string(), z.unknown()) }), response: answers(saved) } },
    async (req) => {
      const b = await editable(req, req.params.id);
      const saved = await editBudget(app.ctx, req, b, req.body.version, (c) => edits.putProject(c, req.params.code, req.body.project), "budget.project.put");
      return { version: saved.version, diff: saved.diff };
    },
  );

  r.delete("/api/budgets/:id/projects/:code", { schema: { tags: ["projects"], summary: "删除项目 / delete a project", params: projectParams, querystring: versionQuery, response: answers(saved) } }, async (req) => {
    const b = await editable(req, req.params.id);
    const saved = await editBudget(app.ctx, req, b, req.query.version, (c) => edits.deleteProject(c, req.params.code), "budget.project.delete");
    return { version: saved.version, diff: saved.diff };
  });

  r.put(
    "/api/budgets/:id/targets",
    { schema: { tags: ["targets"], summary: "部门整体绩效目标 / the department's overall performance targets", params: z.object({ id }), body: z.object({ version, targets: z.record(z.string(), z.unknown()) }), response: answers(saved) } },
    async (req) => {
      const b = await editable(req, req.params.id);
      const saved = await editBudget(app.ctx, req, b, req.body.version, (c) => edits.setTargets(c, req.body.targets), "budget.targets");
      return { version: saved.version, diff: saved.diff };
    },
  );

  r.put(
    "/api/budgets/:id/texts",
    {
      schema: {
        tags: ["texts"],
        summary: "原因说明与部门概况 / reasons (per narrative section) and the profile",
        params: z.object({ id }),
        body: z.object({ version, reasons: z.record(z.string(), z.string()).optional(), profile: z.record(z.string(), z.unknown()).optional() }),
        response: answers(saved),
      },
    },
    async (req) => {
      const b = await editable(req, req.params.id);
      const saved = await editBudget(app.ctx, req, b, req.body.version, (c) => edits.setTexts(c, req.body), "budget.texts");
      return { version: saved.version, diff: saved.diff };
    },
  );
}
