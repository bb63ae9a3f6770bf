/**
 * 公开数据汇总 — what the public portal draws besides the published files: the regions that have
 * published, a publication's key figures (totals, basic and project, spending by 功能分类 类, projects,
 * the prior-year figures it compares with, and the department's other published years), and a region's
 * overview adding up every department's latest publication of a year. Anonymous, like the files.
 *
 * A publication's figures come from the budget version it published, which never changes, so they are
 * computed once per process; answers carry an ETag and a short public max-age (a new publication changes
 * the lists and the overview).
 */
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicationFigures, publicRegionsAnswer, regionOverview } from "../../contract/index.ts";
import { getVersion } from "../../store/repos/budgets.ts";
import { getPublication } from "../../store/repos/publications.ts";
import { findRegionByCode } from "../../store/repos/tenancy.ts";
import { storedToBudget } from "../budget-content.ts";
import { notFound } from "../errors.ts";
import { answers, id, year } from "./schemas.ts";

/** A publication's figures as computed once (the answer adds the other years and leaves out the ids). */
type Figures = Omit<z.output<typeof publicationFigures>, "years"> & { budgetId: number; regionId: number };

/** Sends JSON (serialised with the route's response schema) with an ETag of its bytes; 304 when the client has it. */
function sendCacheable(req: FastifyRequest, reply: FastifyReply, body: unknown, maxAge: number) {
  const text = reply.serialize(body) as string;
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  reply.header("etag", etag).header("cache-control", `public, max-age=${maxAge}`);
  if (req.headers["if-none-match"] === etag) return reply.code(304).send();
  return reply.type("application/json; charset=utf-8").send(text);
}

export function publicFigureRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;
  const cache = new Map<number, Promise<Figures | undefined>>();

  const compute = async (publicationId: number): Promise<Figures | undefined> => {
    const p = await getPublication(db(), publicationId);
    if (!p) return undefined;
    const v = await getVersion(db(), p.budget_id, p.budget_version);
    if (!v) return undefined;
    const budget = storedToBudget(v.content);
    const catalog = await app.ctx.catalogs.get(db(), p.region_id, p.year);
    let total = 0;
    let basic = 0;
    let project = 0;
    const classes = new Map<string, number>();
    const projects = new Map<string, number>();
    for (const l of budget.lineItems) {
      total += l.amount;
      if (l.nature === "basic") basic += l.amount;
      else if (l.nature === "project") project += l.amount; // (a reserve or carry-forward is neither)
      const c = l.functional.slice(0, 3);
      classes.set(c, (classes.get(c) ?? 0) + l.amount);
      if (l.nature === "project" && l.project) projects.set(l.project, (projects.get(l.project) ?? 0) + l.amount);
    }
    const names = new Map(budget.projects.map((x) => [x.code, x.name]));
    const prior = budget.prior;
    return {
      publicationId,
      year: p.year,
      departmentCode: p.department_code,
      departmentName: p.department_name,
      budgetId: p.budget_id,
      regionId: p.region_id,
      total,
      basic,
      project,
      byClass: [...classes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, amount]) => ({ code, name: catalog.functionalClassStem(code), amount })),
      projects: [...projects].sort((a, b) => b[1] - a[1]).map(([code, amount]) => ({ code, name: names.get(code) ?? code, amount })),
      prior: prior ? { year: prior.year, basis: prior.basis ?? "上年年初预算", total: prior.total, basic: prior.basic, project: prior.project } : null,
    };
  };
  const figuresOf = (publicationId: number) => {
    let hit = cache.get(publicationId);
    if (!hit) {
      hit = compute(publicationId);
      hit.then((f) => f === undefined && cache.delete(publicationId), () => cache.delete(publicationId));
      cache.set(publicationId, hit);
    }
    return hit;
  };
  /** The latest publication of each budget (a correction supersedes the earlier one). */
  const latestPublications = async (regionId: number, filter: { year?: number; departmentCode?: string } = {}) => {
    let q = db().selectFrom("publications").select(["id", "budget_id", "number", "year", "department_code", "department_name"]).where("region_id", "=", regionId);
    if (filter.year !== undefined) q = q.where("year", "=", filter.year);
    if (filter.departmentCode !== undefined) q = q.where("department_code", "=", filter.departmentCode);
    const rows = await q.orderBy("number", "desc").execute();
    const latest = new Map<number, (typeof rows)[number]>();
    for (const row of rows) if (!latest.has(row.budget_id)) latest.set(row.budget_id, row);
    return [...latest.values()].sort((a, b) => b.year - a.year || (a.department_code < b.department_code ? -1 : 1));
  };

  r.get("/api/public/regions", { schema: { tags: ["public"], summary: "有公开预算的区划 / regions with published budgets", response: answers(publicRegionsAnswer) } }, async (req, reply) => {
    const rows = await db()
      .selectFrom("publications as p")
      .innerJoin("regions as g", "g.id", "p.region_id")
      .select(["g.id", "g.code", "g.name", "p.year"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .groupBy(["g.id", "g.code", "g.name", "p.year"])
      .execute();
    const regions = new Map<number, { id: number; code: string; name: string; publications: number; years: number[] }>();
    for (const x of rows) {
      const g = regions.get(x.id) ?? { id: x.id, code: x.code, name: x.name, publications: 0, years: [] };
      g.publications += Number(x.n);
      g.years.push(x.year);
      regions.set(x.id, g);
    }
    const list = [...regions.values()].map((g) => ({ ...g, years: g.years.sort((a, b) => b - a) })).sort((a, b) => (a.code < b.code ? -1 : 1));
    return sendCacheable(req, reply, { regions: list } satisfies z.output<typeof publicRegionsAnswer>, 60);
  });

  r.get(
    "/api/public/publications/:id/figures",
    { schema: { tags: ["public"], summary: "公开预算的主要数据（分）/ a publication's key figures (分) and the department's other published years", params: z.object({ id }), response: answers(publicationFigures) } },
    async (req, reply) => {
      const f = await figuresOf(req.params.id);
      if (!f) throw notFound("公开版本 / publication");
      const others = await latestPublications(f.regionId, { departmentCode: f.departmentCode });
      const years = [];
      for (const o of others) {
        const g = o.year === f.year ? f : await figuresOf(o.id);
        if (g) years.push({ year: o.year, publicationId: o.year === f.year ? f.publicationId : o.id, total: g.total, basic: g.basic, project: g.project });
      }
      const { budgetId: _b, regionId: _r, ...shown } = f;
      return sendCacheable(req, reply, { ...shown, years: years.sort((a, b) => a.year - b.year) } satisfies z.output<typeof publicationFigures>, 300);
    },
  );

  r.get(
    "/api/public/regions/:code/overview",
    {
      schema: {
        tags: ["public"],
        summary: "区划汇总：各部门最新公开预算之和（分）/ a region's overview: every department's latest publication of a year added up (分)",
        params: z.object({ code: z.string().max(32) }),
        querystring: z.object({ year: year.optional() }),
        response: answers(regionOverview),
      },
    },
    async (req, reply) => {
      const region = await findRegionByCode(db(), req.params.code);
      if (!region) throw notFound("区划 / region");
      const all = await latestPublications(region.id);
      const years = [...new Set(all.map((p) => p.year))].sort((a, b) => b - a);
      const y = req.query.year ?? years[0] ?? new Date().getFullYear();
      const departments = [];
      const classes = new Map<string, { name: string; amount: number }>();
      let total = 0;
      let basic = 0;
      for (const p of all.filter((x) => x.year === y)) {
        const f = await figuresOf(p.id);
        if (!f) continue;
        total += f.total;
        basic += f.basic;
        for (const c of f.byClass) {
          const e = classes.get(c.code) ?? { name: c.name, amount: 0 };
          e.amount += c.amount;
          classes.set(c.code, e);
        }
        departments.push({ publicationId: p.id, code: f.departmentCode, name: f.departmentName, total: f.total, basic: f.basic, project: f.project, byClass: Object.fromEntries(f.byClass.map((c) => [c.code, c.amount])) });
      }
      const byClass = [...classes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, e]) => ({ code, ...e }));
      return sendCacheable(req, reply, { region, year: y, years, total, basic, project: total - basic, byClass, departments } satisfies z.output<typeof regionOverview>, 60);
    },
  );
}
