/**
 * 公开数据汇总 — what the public portal draws besides the published files: the regions that have
 * published, a publication's key figures, and a region's overview with everything under it. Every answer
 * is SQL over the facts written once at publication (src/store/repos/facts.ts): nothing here rebuilds a
 * budget. Answers carry an ETag and a short public max-age (a new publication changes them), and are kept
 * as sent until a publication or a catalog changes them (src/server/public-answers.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicationFigures, publicRegionsAnswer, regionOverview } from "../../contract/index.ts";
import { byClassOf, departmentYears, publicationBreakdown, publicationTotals, rankDepartments, regionByClass, regionTotals, regionYears, type Totals } from "../../store/repos/facts.ts";
import { getPublication } from "../../store/repos/publications.ts";
import { childRegions, getRegionByCode, regionPath } from "../../store/repos/regions.ts";
import { notFound } from "../errors.ts";
import { answers, id, year } from "./schemas.ts";

/**
 * Sends the answer for this URL: the one kept since the last publication, or `make()`'s (serialised with the
 * route's response schema), with its ETag; 304 when the client has it.
 */
async function sendKept(req: FastifyRequest, reply: FastifyReply, maxAge: number, make: () => Promise<unknown>) {
  const { text, etag } = await req.server.ctx.publicAnswers.get(req.url, async () => reply.serialize(await make()) as string);
  reply.header("etag", etag).header("cache-control", `public, max-age=${maxAge}`);
  if (req.headers["if-none-match"] === etag) return reply.code(304).send();
  return reply.type("application/json; charset=utf-8").send(text);
}

/** A page of a public list: ?page=1&pageSize=50 (at most 500). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

const rollUp = (t: Totals) => ({ total: t.total, basic: t.basic, project: t.project, income: t.income, transfers: t.transfers, departmentCount: t.departments });
const NONE: Totals = { total: 0, basic: 0, project: 0, income: 0, transfers: 0, departments: 0 };

export function publicFigureRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;

  r.get("/api/public/regions", { schema: { tags: ["public"], summary: "区划（省/市/县）及其公开预算 / regions (province, city, county) and their publications", response: answers(publicRegionsAnswer) } }, (req, reply) => sendKept(req, reply, 60, async () => {
    const rows = await db()
      .selectFrom("publications as p")
      .innerJoin("regions as g", "g.id", "p.region_id")
      .select(["g.id", "p.year"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .groupBy(["g.id", "p.year"])
      .execute();
    const all = await db().selectFrom("regions").select(["id", "code", "name", "level", "parent_id"]).orderBy("code").execute();
    const byId = new Map(all.map((g) => [g.id, g]));
    // a region is listed when it or a region under it has published, so the portal can browse down to it
    const listed = new Set<number>();
    for (const x of rows) for (let g = byId.get(x.id); g && !listed.has(g.id); g = g.parent_id === null ? undefined : byId.get(g.parent_id)) listed.add(g.id);
    const regions = all
      .filter((g) => listed.has(g.id))
      .map((g) => {
        const own = rows.filter((x) => x.id === g.id);
        return { id: g.id, code: g.code, name: g.name, level: g.level, parentId: g.parent_id, publications: own.reduce((s, x) => s + Number(x.n), 0), years: own.map((x) => x.year).sort((a, b) => b - a) };
      });
    return { regions } satisfies z.output<typeof publicRegionsAnswer>;
  }));

  r.get(
    "/api/public/publications/:id/figures",
    { schema: { tags: ["public"], summary: "公开预算的主要数据（分）/ a publication's key figures (分) and the department's other published years", params: z.object({ id }), response: answers(publicationFigures) } },
    (req, reply) => sendKept(req, reply, 300, async () => {
      const pid = req.params.id;
      const [p, t] = await Promise.all([getPublication(db(), pid), publicationTotals(db(), pid)]);
      if (!p || !t) throw notFound("公开版本 / publication");
      const [catalog, breakdown, years] = await Promise.all([app.ctx.catalogs.get(db(), p.region_id, p.year), publicationBreakdown(db(), pid), departmentYears(db(), t.department_id)]);
      const body = {
        publicationId: pid,
        year: p.year,
        departmentCode: p.department_code,
        departmentName: p.department_name,
        total: t.total,
        basic: t.basic,
        project: t.project,
        byClass: breakdown.byClass.map((c) => ({ code: c.code, name: catalog.functionalClassStem(c.code), amount: c.amount })),
        projects: breakdown.projects.map((x) => ({ code: x.code, name: x.name ?? x.code, amount: x.amount })),
        prior: t.prior,
        // this publication stands for its year even when a later correction is current
        years: years.map((y) => (y.year === p.year ? { year: p.year, publicationId: pid, total: t.total, basic: t.basic, project: t.project } : { year: y.year, publicationId: y.publication_id, total: y.total, basic: y.basic, project: y.project })),
      } satisfies z.output<typeof publicationFigures>;
      return body;
    }),
  );

  r.get(
    "/api/public/regions/:code/overview",
    {
      schema: {
        tags: ["public"],
        summary: "区划汇总：本级及所辖区划各部门当前公开预算之和（分）/ a region's overview with everything under it (分): totals, 类, child regions, departments ranked (paginated)",
        params: z.object({ code: z.string().max(32) }),
        querystring: z.object({ year: year.optional(), ...pageQuery }),
        response: answers(regionOverview),
      },
    },
    (req, reply) => sendKept(req, reply, 60, async () => {
      const region = await getRegionByCode(db(), req.params.code);
      if (!region) throw notFound("区划 / region");
      const trend = await regionYears(db(), region.id);
      const y = req.query.year ?? trend[0]?.year ?? new Date().getFullYear();
      const page = { page: req.query.page, pageSize: req.query.pageSize };
      const [totals, classes, ranked, children, path, catalog] = await Promise.all([
        regionTotals(db(), region.id, y),
        regionByClass(db(), region.id, y),
        rankDepartments(db(), region.id, y, page),
        childRegions(db(), region.id),
        regionPath(db(), region.id),
        app.ctx.catalogs.get(db(), region.id, y),
      ]);
      const perClass = await byClassOf(db(), ranked.rows.map((d) => d.publicationId));
      const branch = (regionId: number | null) => totals.branches.find((b) => b.regionId === regionId) ?? NONE;
      const body = {
        region: { id: region.id, code: region.code, name: region.name, level: region.level },
        path: path.map((g) => ({ id: g.id, code: g.code, name: g.name, level: g.level })),
        year: y,
        years: trend.map((x) => x.year),
        trend,
        ...rollUp(totals.all),
        byClass: classes.map((c) => ({ code: c.code, name: catalog.functionalClassStem(c.code), amount: c.amount })),
        children: children.map((g) => ({ id: g.id, code: g.code, name: g.name, level: g.level, ...rollUp(branch(g.id)) })),
        own: rollUp(branch(null)),
        page: page.page,
        pageSize: page.pageSize,
        departments: ranked.rows.map((d) => ({ ...d, byClass: perClass.get(d.publicationId) ?? {} })),
      } satisfies z.output<typeof regionOverview>;
      return body;
    }),
  );
}
