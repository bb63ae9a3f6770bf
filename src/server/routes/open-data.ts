/**
 * 开放数据 — the published facts as data: a paginated, filtered JSON API, and every publication and every
 * region-year (the region with everything under it) as a Fiscal Data Package (datapackage.json + facts.csv
 * at the same address, so the package's relative path resolves), a CSV and an XLSX. The CSV of a region-year
 * is streamed a page of facts at a time, so memory stays flat however large the province.
 */
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { factsAnswer } from "../../contract/index.ts";
import type { CatalogIndex } from "../../core/catalog.ts";
import { FACTS_CSV, csvHeader, csvLine, fiscalDataPackage, openDataRow, packageName } from "../../formats/open-data.ts";
import { openDataXlsx } from "../../formats/open-data-xlsx.ts";
import { type FactFilter, factRows, factsByPublication, searchFacts } from "../../store/repos/facts.ts";
import { getPublication } from "../../store/repos/publications.ts";
import { getRegionByCode } from "../../store/repos/regions.ts";
import { AppError, notFound } from "../errors.ts";
import { pageQuery } from "./public-figures.ts";
import { answers, id, year } from "./schemas.ts";

const FILES = ["datapackage.json", FACTS_CSV, "facts.xlsx"] as const;
const file = z.enum(FILES).describe("datapackage.json (Fiscal Data Package) | facts.csv | facts.xlsx");
const code = (label: string) => z.string().regex(/^[0-9]{1,7}$/).optional().describe(label);

interface Target {
  filter: FactFilter;
  regionId: number;
  year: number;
  name: string;
  title: string;
}

export function openDataRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;

  r.get(
    "/api/public/facts",
    {
      schema: {
        tags: ["public"],
        summary: "公开数据检索：各部门当前公开预算的支出明细（分），可筛选、分页 / published line items (分), filtered and paginated",
        querystring: z.object({
          year: year.optional(),
          region: z.string().max(32).optional().describe("区划代码: the region with everything under it"),
          department: z.string().max(32).optional().describe("部门编码"),
          functional: code("功能分类 类/款/项 (prefix: 208, 20802, 2080208)"),
          economic: code("经济分类 类/款 (prefix: 302, 30201)"),
          source: z.string().max(40).optional().describe("资金来源 id, e.g. gpb-appropriation"),
          ...pageQuery,
        }),
        response: answers(factsAnswer),
      },
    },
    async (req) => {
      const q = req.query;
      let regionId: number | undefined;
      if (q.region !== undefined) {
        const region = await getRegionByCode(db(), q.region);
        if (!region) throw notFound("区划 / region");
        regionId = region.id;
      }
      const filter: FactFilter = { year: q.year, regionId, departmentCode: q.department, functional: q.functional, economic: q.economic, source: q.source };
      const found = await searchFacts(db(), filter, { page: q.page, pageSize: q.pageSize });
      return { page: q.page, pageSize: q.pageSize, count: found.count, amount: found.amount, facts: found.rows };
    },
  );

  const send = async (reply: FastifyReply, t: Target, f: (typeof FILES)[number]) => {
    const catalog = await app.ctx.catalogs.get(db(), t.regionId, t.year);
    reply.header("cache-control", "public, max-age=300");
    if (f === "datapackage.json") return reply.type("application/json; charset=utf-8").send(fiscalDataPackage({ name: t.name, title: t.title, year: t.year }));
    if (f === "facts.xlsx") {
      const rows = (await factRows(db(), t.filter)).map((x) => openDataRow(x, catalog));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${t.name}.xlsx"`)
        .send(Buffer.from(await openDataXlsx(t.title, rows)));
    }
    return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${t.name}.csv"`).send(Readable.from(csvChunks(t.filter, catalog)));
  };

  // one publication's rows at a time, read by key (no OFFSET): memory stays flat however large the region
  async function* csvChunks(filter: FactFilter, catalog: CatalogIndex) {
    yield csvHeader();
    for await (const rows of factsByPublication(db(), filter)) yield rows.map((x) => csvLine(openDataRow(x, catalog))).join("");
  }

  r.get(
    "/api/public/open-data/publications/:id/:file",
    { schema: { tags: ["public"], summary: "一个公开版本的开放数据 / a publication's open data: Fiscal Data Package, CSV or XLSX", params: z.object({ id, file }) } },
    async (req, reply) => {
      const p = await getPublication(db(), req.params.id);
      if (!p) throw notFound("公开版本 / publication");
      // the open data are budget figures (facts); a 决算 is published as its files only
      if (p.kind !== "budget") throw new AppError("not-found", "部门决算没有开放数据，请下载其公开文件 / final accounts have no open data (budget figures only); download their files");
      const name = packageName("yusuan", p.year, p.department_code, "publication", p.id);
      return send(reply, { filter: { publicationId: p.id }, regionId: p.region_id, year: p.year, name, title: p.title }, req.params.file);
    },
  );

  r.get(
    "/api/public/open-data/regions/:code/:year/:file",
    {
      schema: {
        tags: ["public"],
        summary: "区划年度开放数据（含所辖区划）/ a region-year's open data, everything under it included: Fiscal Data Package, CSV (streamed) or XLSX",
        params: z.object({ code: z.string().max(32), year, file }),
      },
    },
    async (req, reply) => {
      const region = await getRegionByCode(db(), req.params.code);
      if (!region) throw notFound("区划 / region");
      const y = req.params.year;
      const name = packageName("yusuan", y, "region", region.code);
      return send(reply, { filter: { year: y, regionId: region.id }, regionId: region.id, year: y, name, title: `${region.name}${y}年度部门预算（含所辖区划）` }, req.params.file);
    },
  );
}
