/**
 * 决算公开 — a budget's final accounts (部门决算) published beside it (src/server/final-accounts-publish.ts), and
 * the portal's view of a budget year's documents: the latest 部门预算 and 部门决算 of the same budget.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { finalAccountsPublished, finalAccountsStatusAnswer, yearDocumentsAnswer } from "../../contract/index.ts";
import { getPublication, latestOfEachKind } from "../../store/repos/publications.ts";
import { budgetFor } from "../access.ts";
import { requireUser } from "../auth/session.ts";
import { notFound } from "../errors.ts";
import { finalAccountsStatus, publishFinalAccounts } from "../final-accounts-publish.ts";
import { answers, createdAnswers, id, idParams, isoDate } from "./schemas.ts";

export function finalAccountsPublicationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["publications"];

  r.get(
    "/api/budgets/:id/final-accounts",
    { schema: { tags, summary: "决算公开状态 / may the caller publish the budget's final accounts now, what in the data stops it, and its publications", params: idParams, response: answers(finalAccountsStatusAnswer) } },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(app.ctx.db, actor, req.params.id, "budget.read");
      return finalAccountsStatus(app.ctx, actor, b);
    },
  );

  r.post(
    "/api/budgets/:id/final-accounts/publications",
    {
      schema: {
        tags,
        summary:
          "公开决算 / publish the budget's final accounts (部门决算): the budget's publisher, once the budget is published; the execution record without errors (422 naming each field); files of every scope and format stored with their sha256",
        params: idParams,
        body: z.object({ date: isoDate.optional().describe("公开日期, after the budget year"), changeNote: z.string().max(4000).optional().describe("更正说明, for a second publication") }),
        response: createdAnswers(finalAccountsPublished),
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const b = await budgetFor(app.ctx.db, user.actor, req.params.id, "budget.read");
      const done = await publishFinalAccounts(app.ctx, req, user, b, { date: req.body.date ?? "", changeNote: req.body.changeNote });
      reply.code(201);
      return done;
    },
  );
}

export function yearDocumentsRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/public/publications/:id/documents",
    {
      schema: {
        tags: ["public"],
        summary: "本年度公开文件 / the budget year's documents beside this publication: the latest 部门预算 and 部门决算 of the same budget, with their files and sha256",
        params: z.object({ id }),
        response: answers(yearDocumentsAnswer),
      },
    },
    async (req) => {
      const p = await getPublication(app.ctx.db, req.params.id);
      if (!p) throw notFound("公开版本 / publication");
      return { documents: await latestOfEachKind(app.ctx.db, p.budget_id) };
    },
  );
}
