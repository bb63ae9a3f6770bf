/** 审核 — check, warning explanations, workflow transitions and their history. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkAnswer, explanationsAnswer, moveAnswer, ok, transitionsAnswer } from "../../contract/index.ts";
import { type BudgetState, type WorkflowAction, WORKFLOW_ACTIONS, can, isEditable } from "../../core/workflow.ts";
import { currentContent, listTransitions, lockBudget } from "../../store/repos/budgets.ts";
import { listExplanations, writeExplanation } from "../../store/repos/explanations.ts";
import { budgetFor, tenancyOf } from "../access.ts";
import { audit } from "../audit.ts";
import { recordCheck } from "../budget-checks.ts";
import { storedToBudget } from "../budget-content.ts";
import { requireUser } from "../auth/session.ts";
import { checkStoredBudget, loadBudget } from "../budget-service.ts";
import { AppError, forbidden } from "../errors.ts";
import { moveBudget } from "../workflow-service.ts";
import { answers, idParams, isoDate } from "./schemas.ts";

export function reviewRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;

  r.get("/api/budgets/:id/check", { schema: { tags: ["review"], summary: "审核 / findings, their explanations and what blocks submission", params: idParams, response: answers(checkAnswer) } }, async (req) => {
    const b = await budgetFor(db(), requireUser(req).actor, req.params.id, "budget.read");
    const { version, budget } = await loadBudget(app.ctx, b.id);
    return { version, ...(await checkStoredBudget(app.ctx, b, budget)) };
  });

  r.get("/api/budgets/:id/explanations", { schema: { tags: ["review"], summary: "警告说明 / written explanations of warnings", params: idParams, response: answers(explanationsAnswer) } }, async (req) => {
    const b = await budgetFor(db(), requireUser(req).actor, req.params.id, "budget.read");
    return { explanations: await listExplanations(db(), b.id) };
  });

  r.put(
    "/api/budgets/:id/explanations",
    {
      schema: {
        tags: ["review"],
        summary: "说明一个警告 / explain a warning (rule + locationKey as /check gives them)",
        params: idParams,
        body: z.object({ rule: z.string().min(1).max(200), locationKey: z.string().max(1000), text: z.string().trim().min(1).max(4000) }),
        response: answers(ok),
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(db(), actor, req.params.id, "budget.read");
      if (!can(actor, "explanations.write", tenancyOf(b))) throw forbidden();
      if (!isEditable(b.state)) throw new AppError("wrong-state", "只有草稿可以填写说明 / explanations are written while the budget is a draft");
      await db().transaction().execute(async (trx) => {
        // Checked again with the row locked: a submission may have committed since the check above.
        const locked = await lockBudget(trx, b.id);
        if (!locked || !isEditable(locked.state)) throw new AppError("wrong-state", "只有草稿可以填写说明 / explanations are written while the budget is a draft");
        await writeExplanation(trx, b.id, req.body, actor.userId);
        // the desk's count of unexplained warnings, current again (src/server/budget-checks.ts)
        const current = await currentContent(trx, b.id);
        if (current) await recordCheck(trx, app.ctx.catalogs, { budgetId: b.id, regionId: b.regionId, year: b.year, version: current.version }, storedToBudget(current.content));
        await audit(trx, req, "budget.explanation", `budget:${b.id}`, { rule: req.body.rule, locationKey: req.body.locationKey }, b.regionId);
      });
      return { ok: true as const };
    },
  );

  r.get("/api/budgets/:id/transitions", { schema: { tags: ["workflow"], summary: "流程记录（含退回意见）/ workflow history with return comments", params: idParams, response: answers(transitionsAnswer) } }, async (req) => {
    const b = await budgetFor(db(), requireUser(req).actor, req.params.id, "budget.read");
    // The table holds the actions and states the workflow wrote; the serialiser checks them against the contract.
    const transitions = (await listTransitions(db(), b.id)).map((t) => ({ ...t, action: t.action as WorkflowAction, from_state: t.from_state as BudgetState, to_state: t.to_state as BudgetState }));
    return { state: b.state, transitions };
  });

  r.post(
    "/api/budgets/:id/transitions",
    {
      schema: {
        tags: ["workflow"],
        summary: "流程操作 / submit, approve, record 批复, publish (snapshot), return",
        params: idParams,
        body: z.object({
          action: z.enum(WORKFLOW_ACTIONS as ["submit"]),
          comment: z.string().max(4000).optional(),
          date: isoDate.optional(),
          changeNote: z.string().max(4000).optional(),
        }),
        response: answers(moveAnswer),
      },
    },
    async (req) => {
      const user = requireUser(req);
      const b = await budgetFor(db(), user.actor, req.params.id, "budget.read");
      return moveBudget(app.ctx, req, user, b, req.body);
    },
  );
}
