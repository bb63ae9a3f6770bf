/** 预算 — list, create, read and save whole budgets, and their versions. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { budgetAnswer, budgetCreated, budgetsAnswer, departmentsAnswer, publicationsAnswer, saved, versionAnswer, versionsAnswer } from "../../contract/index.ts";
import { type Actor, availableActions, can } from "../../core/workflow.ts";
import { type BudgetFilter, type BudgetSummary, createBudget, findBudget, getBudget, getVersion, listBudgets, listVersions, saveVersion } from "../../store/repos/budgets.ts";
import type { VersionDiff } from "../../store/version-diff.ts";
import { listBudgetPublications } from "../../store/repos/publications.ts";
import { listDepartments } from "../../store/repos/tenancy.ts";
import { budgetFor, departmentFor, tenancyOf } from "../access.ts";
import { audit } from "../audit.ts";
import { recordCheck } from "../budget-checks.ts";
import { requireUser } from "../auth/session.ts";
import { parseContent, skeleton, toContent } from "../budget-content.ts";
import { loadBudget, refuseBeyondUnit, saveBudget } from "../budget-service.ts";
import { AppError, notFound } from "../errors.ts";
import { answers, content, createdAnswers, id, idParams, version, year } from "./schemas.ts";

function visibleFilter(a: Actor): BudgetFilter {
  switch (a.role) {
    case "preparer":
    case "department-approver":
      return { regionId: a.regionId, departmentId: a.departmentId ?? -1 };
    case "finance-reviewer":
      return { regionId: a.regionId, divisionId: a.divisionId ?? -1 };
    case "admin":
      return { regionId: a.regionId };
  }
}

export const describeBudget = (b: BudgetSummary, actor: Actor) => ({ ...b, actions: availableActions(actor, b.state, tenancyOf(b)) });

export function budgetRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;

  r.get("/api/departments", { schema: { tags: ["budgets"], summary: "可见的部门及其单位 / departments (and units) the user can see", response: answers(departmentsAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    const visible = (await listDepartments(db(), actor.regionId)).filter((d) => can(actor, "budget.read", d));
    return { departments: visible.map((d) => ({ ...d, divisionId: d.divisionId ?? null })) };
  });

  r.get("/api/budgets", { schema: { tags: ["budgets"], summary: "可见的预算 / budgets the user can see", querystring: z.object({ year: year.optional() }), response: answers(budgetsAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    const list = await listBudgets(db(), { ...visibleFilter(actor), ...(req.query.year ? { year: req.query.year } : {}) });
    return { budgets: list.map((b) => describeBudget(b, actor)) };
  });

  r.post(
    "/api/budgets",
    { schema: { tags: ["budgets"], summary: "新建部门年度预算 / create a department's budget for a year (empty, or with content)", body: z.object({ departmentId: id, year, content: content.optional() }), response: createdAnswers(budgetCreated) } },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const dept = await departmentFor(db(), actor, req.body.departmentId, "budget.create");
      if (await findBudget(db(), dept.departmentId, req.body.year)) throw new AppError("conflict", `${dept.name} ${req.body.year} 年度预算已存在 / this budget already exists`);
      const deptFull = (await listDepartments(db(), dept.regionId)).find((d) => d.departmentId === dept.departmentId)!;
      const budget = parseContent(req.body.content ?? skeleton(req.body.year, { code: dept.code, name: dept.name, regionName: dept.regionName }, deptFull.units));
      if (budget.year !== req.body.year || budget.department.code !== dept.code) throw new AppError("invalid", "预算内容的年度或部门编码不符 / content year or department code does not match");
      // A preparer's new budget holds their own unit's part only, like any save of theirs (PUT).
      if (actor.role === "preparer" && actor.unitCode && req.body.content) {
        refuseBeyondUnit(parseContent(skeleton(req.body.year, { code: dept.code, name: dept.name, regionName: dept.regionName }, deptFull.units)), budget, actor.unitCode);
      }
      const created = await db().transaction().execute(async (trx) => {
        const newId = await createBudget(trx, dept.departmentId, req.body.year);
        const saved = await saveVersion(trx, { budgetId: newId, expectedVersion: 0, content: toContent(budget), lineItems: budget.lineItems, authorId: actor.userId, note: "新建 / created" });
        await recordCheck(trx, app.ctx.catalogs, { budgetId: newId, regionId: dept.regionId, year: req.body.year, version: saved.version }, budget);
        await audit(trx, req, "budget.create", `budget:${newId}`, { departmentId: dept.departmentId, year: req.body.year, version: saved.version }, dept.regionId);
        return newId;
      });
      reply.code(201);
      return { budget: describeBudget((await getBudget(db(), created))!, actor) };
    },
  );

  r.get("/api/budgets/:id", { schema: { tags: ["budgets"], summary: "预算及当前内容 / a budget with its current content", params: idParams, response: answers(budgetAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    const b = await budgetFor(db(), actor, req.params.id, "budget.read");
    const { version: v, content: c } = await loadBudget(app.ctx, b.id);
    return { budget: describeBudget(b, actor), version: v, content: c };
  });

  r.put(
    "/api/budgets/:id",
    { schema: { tags: ["budgets"], summary: "保存整个预算 / save the whole budget (409 with the other change when `version` is stale)", params: idParams, body: z.object({ version, content, note: z.string().max(500).optional() }), response: answers(saved) } },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(db(), actor, req.params.id, "budget.edit");
      const saved = await saveBudget(app.ctx, req, b, req.body.version, parseContent(req.body.content), "budget.save", req.body.note);
      return { version: saved.version, diff: saved.diff };
    },
  );

  r.get("/api/budgets/:id/versions", { schema: { tags: ["budgets"], summary: "版本历史 / saved versions", params: idParams, response: answers(versionsAnswer) } }, async (req) => {
    const b = await budgetFor(db(), requireUser(req).actor, req.params.id, "budget.read");
    return { versions: await listVersions(db(), b.id) };
  });

  r.get(
    "/api/budgets/:id/versions/:number",
    { schema: { tags: ["budgets"], summary: "某一版本的内容和差异 / one version: content and diff", params: z.object({ id, number: z.coerce.number().int().positive().max(2_147_483_647) }), response: answers(versionAnswer) } },
    async (req) => {
      const b = await budgetFor(db(), requireUser(req).actor, req.params.id, "budget.read");
      const v = await getVersion(db(), b.id, req.params.number);
      if (!v) throw notFound("版本 / version");
      return { version: { ...v, diff: v.diff as VersionDiff } };
    },
  );

  r.get("/api/budgets/:id/publications", { schema: { tags: ["publications"], summary: "本预算的公开版本 / the budget's publications", params: idParams, response: answers(publicationsAnswer) } }, async (req) => {
    const b = await budgetFor(db(), requireUser(req).actor, req.params.id, "budget.read");
    return { publications: await listBudgetPublications(db(), b.id) };
  });
}
