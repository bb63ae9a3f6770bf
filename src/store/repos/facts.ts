/**
 * 公开数据事实 — writing a publication's figures once (facts + key aggregates) and the portal's questions as
 * SQL over them: a region's overview with its subtree (GROUP BY ROLLUP), rankings and year-on-year change
 * (window functions), and a paginated, filtered search. The same SQL runs on PGlite and PostgreSQL.
 *
 * Only the current publication of each budget counts (`publication_totals.current`): a correction
 * supersedes the earlier publication, whose rows stay for the record.
 */
import { sql } from "kysely";
import { splitFunctional } from "../../core/catalog.ts";
import type { Fact, FactTotals, OpenDataFact } from "../../core/facts.ts";
import type { PriorYear } from "../../core/model.ts";
import { copyRows } from "../bulk.ts";
import type { Db } from "../schema.ts";
import { subtreeIds } from "./regions.ts";

export interface FactPublication {
  publicationId: number;
  budgetId: number;
  regionId: number;
  departmentId: number;
  year: number;
}

const FACT_COLUMNS = [
  "publication_id",
  "position",
  "region_id",
  "department_id",
  "year",
  "unit_code",
  "unit_name",
  "functional",
  "economic",
  "nature",
  "project",
  "project_name",
  "source",
  "amount",
] as const;

/**
 * Writes a publication's facts and aggregates; it becomes its budget's current publication unless a later
 * one already has facts (a backfill of an old publication).
 */
export async function writeFacts(db: Db, p: FactPublication, facts: readonly Fact[], totals: FactTotals, prior?: PriorYear): Promise<void> {
  // one statement, one round trip: it becomes current unless a later publication of the budget has facts,
  // and then the budget's earlier current publication stops being so
  const priorJson = prior ? JSON.stringify({ year: prior.year, basis: prior.basis ?? "上年年初预算", total: prior.total, basic: prior.basic, project: prior.project }) : null;
  await sql`
    with newer as (select 1 from publication_totals where budget_id = ${p.budgetId} and publication_id > ${p.publicationId} limit 1),
    superseded as (update publication_totals set current = false where budget_id = ${p.budgetId} and current and not exists (select 1 from newer))
    insert into publication_totals (publication_id, budget_id, region_id, department_id, year, current, total, basic, project, income, transfers, prior)
    values (${p.publicationId}, ${p.budgetId}, ${p.regionId}, ${p.departmentId}, ${p.year}, not exists (select 1 from newer),
      ${totals.total}, ${totals.basic}, ${totals.project}, ${totals.income}, ${totals.transfers}, ${priorJson}::jsonb)`.execute(db);
  const byClass = new Map<string, number>();
  for (const f of facts) {
    const c = splitFunctional(f.functional).class;
    byClass.set(c, (byClass.get(c) ?? 0) + f.amount);
  }
  await copyRows(db, "publication_classes", ["publication_id", "functional_class", "amount"], [...byClass].map(([c, amount]) => [p.publicationId, c, amount]));
  const rows = facts.map((f, i) => [p.publicationId, i + 1, p.regionId, p.departmentId, p.year, f.unitCode, f.unitName, f.functional, f.economic, f.nature, f.project, f.projectName, f.source, f.amount]);
  await copyRows(db, "facts", FACT_COLUMNS, rows);
}

/** A page of a list: 1-based page number and its size. */
export interface Page {
  page: number;
  pageSize: number;
}

const offsetOf = (p: Page) => (p.page - 1) * p.pageSize;

/** Key totals (分) of a set of current publications. */
export interface Totals {
  total: number;
  basic: number;
  project: number;
  /** 收入 less internal transfers (core/facts.ts `rollUpIncome`) */
  income: number;
  /** 内部转移: 上级补助收入 + 附属单位上缴收入, shown apart */
  transfers: number;
  departments: number;
}

export interface BranchTotals extends Totals {
  /** the direct child region the figures roll up to; null for the departments of the region itself */
  regionId: number | null;
}

/**
 * A region-year's totals, and each direct child region's (its whole subtree), in one GROUP BY ROLLUP:
 * the rolled-up row is the region with everything under it.
 */
export async function regionTotals(db: Db, regionId: number, year: number): Promise<{ all: Totals; branches: BranchTotals[] }> {
  const r = await sql<{ branch: number | null; grouped: number; total: number; basic: number; project: number; income: number; transfers: number; departments: number }>`
    with recursive t(id, branch) as (
      select id, id from regions where parent_id = ${regionId}
      union all select r.id, t.branch from regions r join t on r.parent_id = t.id
    ), reach(id, branch) as (select ${regionId}::int, null::int union all select id, branch from t)
    select reach.branch, grouping(reach.branch) as grouped,
      coalesce(sum(pt.total), 0)::int8 as total, coalesce(sum(pt.basic), 0)::int8 as basic, coalesce(sum(pt.project), 0)::int8 as project,
      coalesce(sum(pt.income - pt.transfers), 0)::int8 as income, coalesce(sum(pt.transfers), 0)::int8 as transfers,
      count(pt.publication_id)::int as departments
    from publication_totals pt join reach on reach.id = pt.region_id
    where pt.current and pt.year = ${year}
    group by rollup (reach.branch)`.execute(db);
  const pick = (x: (typeof r.rows)[number]): Totals => ({ total: x.total, basic: x.basic, project: x.project, income: x.income, transfers: x.transfers, departments: x.departments });
  const top = r.rows.find((x) => Number(x.grouped) === 1);
  const all = top ? pick(top) : { total: 0, basic: 0, project: 0, income: 0, transfers: 0, departments: 0 };
  return { all, branches: r.rows.filter((x) => Number(x.grouped) === 0).map((x) => ({ regionId: x.branch, ...pick(x) })) };
}

/** Spending by 功能分类 类 of a region's subtree in a year, code order. */
export async function regionByClass(db: Db, regionId: number, year: number): Promise<{ code: string; amount: number }[]> {
  const r = await sql<{ code: string; amount: number }>`
    select c.functional_class as code, sum(c.amount)::int8 as amount
    from publication_classes c join publication_totals pt on pt.publication_id = c.publication_id
    where pt.current and pt.year = ${year} and pt.region_id in ${subtreeIds(regionId)}
    group by c.functional_class order by code`.execute(db);
  return r.rows;
}

export interface RankedDepartment {
  publicationId: number;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  total: number;
  basic: number;
  project: number;
  /** 排名 by total, 1 = largest (ties share a rank) */
  rank: number;
  /** 上年 total of the same department (its current publication of year − 1), when published */
  priorTotal: number | null;
}

/** The departments of a region's subtree in a year, largest first, a page at a time, with the count of all. */
export async function rankDepartments(db: Db, regionId: number, year: number, page: Page): Promise<{ rows: RankedDepartment[]; count: number }> {
  const r = await sql<{
    publication_id: number;
    code: string;
    name: string;
    region_code: string;
    region_name: string;
    total: number;
    basic: number;
    project: number;
    rank: number;
    prior_total: number | null;
    n: number;
  }>`
    select pt.publication_id, d.code, d.name, g.code as region_code, g.name as region_name, pt.total, pt.basic, pt.project,
      rank() over (order by pt.total desc)::int as rank, prev.total as prior_total, count(*) over ()::int as n
    from publication_totals pt
    join departments d on d.id = pt.department_id
    join regions g on g.id = pt.region_id
    left join publication_totals prev on prev.department_id = pt.department_id and prev.current and prev.year = pt.year - 1
    where pt.current and pt.year = ${year} and pt.region_id in ${subtreeIds(regionId)}
    order by pt.total desc, d.code, g.code
    limit ${page.pageSize} offset ${offsetOf(page)}`.execute(db);
  return {
    count: r.rows[0]?.n ?? 0,
    rows: r.rows.map((x) => ({
      publicationId: x.publication_id,
      code: x.code,
      name: x.name,
      regionCode: x.region_code,
      regionName: x.region_name,
      total: x.total,
      basic: x.basic,
      project: x.project,
      rank: x.rank,
      priorTotal: x.prior_total,
    })),
  };
}

/** Spending by 类 of each of the given publications (a page of departments). */
export async function byClassOf(db: Db, publicationIds: readonly number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (publicationIds.length === 0) return out;
  const r = await sql<{ publication_id: number; code: string; amount: number }>`
    select publication_id, functional_class as code, amount from publication_classes
    where publication_id in (${sql.join(publicationIds)})`.execute(db);
  for (const x of r.rows) {
    const m = out.get(x.publication_id) ?? {};
    m[x.code] = x.amount;
    out.set(x.publication_id, m);
  }
  return out;
}

/** A region subtree's totals by year with the change against the year before (window function LAG). */
export async function regionYears(db: Db, regionId: number): Promise<{ year: number; total: number; priorTotal: number | null }[]> {
  const r = await sql<{ year: number; total: number; prior_total: number | null }>`
    select year, sum(total)::int8 as total, lag(sum(total)) over (order by year)::int8 as prior_total
    from publication_totals where current and region_id in ${subtreeIds(regionId)}
    group by year order by year desc`.execute(db);
  return r.rows.map((x) => ({ year: x.year, total: x.total, priorTotal: x.prior_total }));
}

/** A publication's aggregates as stored (undefined for a publication written before facts existed). */
export async function publicationTotals(db: Db, publicationId: number) {
  return db.selectFrom("publication_totals").selectAll().where("publication_id", "=", publicationId).executeTakeFirst();
}

/** A publication's spending by 类 and by project (largest first). */
export async function publicationBreakdown(db: Db, publicationId: number) {
  const byClass = await sql<{ code: string; amount: number }>`
    select functional_class as code, amount from publication_classes where publication_id = ${publicationId} order by functional_class`.execute(db);
  const projects = await sql<{ code: string; name: string | null; amount: number }>`
    select project as code, max(project_name) as name, sum(amount)::int8 as amount from facts
    where publication_id = ${publicationId} and nature = 'project' and project is not null
    group by project order by amount desc, project`.execute(db);
  return { byClass: byClass.rows, projects: projects.rows };
}

/** A department's current publication of each year. */
export async function departmentYears(db: Db, departmentId: number) {
  return db
    .selectFrom("publication_totals")
    .select(["year", "publication_id", "total", "basic", "project"])
    .where("department_id", "=", departmentId)
    .where("current", "=", true)
    .orderBy("year")
    .execute();
}

/** 检索条件 — filters of the facts API; codes match as prefixes (类 "208", 款 "20802", 项 "2080208"). */
export interface FactFilter {
  year?: number;
  /** a region with its subtree */
  regionId?: number;
  /** a publication (its facts, current or not) */
  publicationId?: number;
  departmentCode?: string;
  functional?: string;
  economic?: string;
  source?: string;
}

/** A fact as the open-data API answers it: an open-data row with its publication. */
export interface FactRow extends OpenDataFact {
  publicationId: number;
  amount: number;
}

const likePrefix = (code: string) => `${code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function factQuery(db: Db, f: FactFilter) {
  let q = db
    .selectFrom("facts as f")
    .innerJoin("publication_totals as pt", "pt.publication_id", "f.publication_id")
    .innerJoin("departments as d", "d.id", "f.department_id")
    .innerJoin("regions as g", "g.id", "f.region_id");
  // one publication's facts whatever its state; otherwise only current publications
  q = f.publicationId !== undefined ? q.where("f.publication_id", "=", f.publicationId) : q.where("pt.current", "=", true);
  if (f.year !== undefined) q = q.where("f.year", "=", f.year);
  if (f.regionId !== undefined) q = q.where(sql<boolean>`f.region_id in ${subtreeIds(f.regionId)}`);
  if (f.departmentCode !== undefined) q = q.where("d.code", "=", f.departmentCode);
  if (f.functional !== undefined) q = q.where("f.functional", "like", likePrefix(f.functional));
  if (f.economic !== undefined) q = q.where("f.economic", "like", likePrefix(f.economic));
  if (f.source !== undefined) q = q.where("f.source", "=", f.source);
  return q;
}

/** A page of facts matching the filter, in a stable order, with the count and the sum (分) of all that match. */
export async function searchFacts(db: Db, f: FactFilter, page: Page): Promise<{ rows: FactRow[]; count: number; amount: number }> {
  const agg = await factQuery(db, f)
    .select([sql<number>`count(*)::int`.as("n"), sql<number>`coalesce(sum(f.amount), 0)::int8`.as("amount")])
    .executeTakeFirstOrThrow();
  const rows = await factRows(db, f, page.pageSize, offsetOf(page));
  return { rows, count: agg.n, amount: agg.amount };
}

/**
 * Every fact matching the filter, in factRows' order, one publication at a time: the publications are
 * listed first (a few thousand for a province-year), then each one's facts are read by its key
 * (publication_id, position). No OFFSET, so the last chunk costs what the first does, and the caller holds
 * one publication's rows at a time.
 */
export async function* factsByPublication(db: Db, f: FactFilter): AsyncGenerator<FactRow[]> {
  const publications = await factQuery(db, f)
    .select(["f.publication_id", "f.year", "g.code as region_code", "d.code as department_code"])
    .distinct()
    .orderBy("f.year")
    .orderBy("g.code")
    .orderBy("d.code")
    .orderBy("f.publication_id")
    .execute();
  for (const p of publications) {
    const rows = await factRows(db, { ...f, publicationId: p.publication_id });
    if (rows.length > 0) yield rows;
  }
}

/** Facts matching the filter in their stable order (region, department, publication, line). */
export async function factRows(db: Db, f: FactFilter, limit?: number, offset = 0): Promise<FactRow[]> {
  let q = factQuery(db, f)
    .select([
      "f.publication_id",
      "f.year",
      "g.code as region_code",
      "g.name as region_name",
      "d.code as department_code",
      "d.name as department_name",
      "f.unit_code",
      "f.unit_name",
      "f.functional",
      "f.economic",
      "f.nature",
      "f.project",
      "f.project_name",
      "f.source",
      "f.amount",
    ])
    .orderBy("f.year")
    .orderBy("g.code")
    .orderBy("d.code")
    .orderBy("f.publication_id")
    .orderBy("f.position");
  if (limit !== undefined) q = q.limit(limit).offset(offset);
  return (await q.execute()).map((x) => ({
    publicationId: x.publication_id,
    year: x.year,
    regionCode: x.region_code,
    regionName: x.region_name,
    departmentCode: x.department_code,
    departmentName: x.department_name,
    unitCode: x.unit_code,
    unitName: x.unit_name,
    functional: x.functional,
    economic: x.economic,
    nature: x.nature,
    project: x.project,
    projectName: x.project_name,
    source: x.source,
    amount: x.amount,
  }));
}

/**
 * What the public figures are made from, as one short text: the publications with facts (how many, the
 * last), the regions (how many, the last: an overview lists every region under it) and the official
 * catalogs loaded (how many, the last; they name the classes). Publishing, a backfill, a new region or a
 * catalog upload changes it (regions and departments are never renamed, publications never deleted); the server's answer cache (src/server/public-answers.ts)
 * keeps its answers while it stays the same.
 */
export async function publicStamp(db: Db): Promise<string> {
  const r = await sql<{ stamp: string }>`
    select concat_ws(':', (select count(*) from publication_totals), (select coalesce(max(publication_id), 0) from publication_totals),
      (select count(*) from regions), (select coalesce(max(id), 0) from regions),
      (select count(*) from official_catalogs), (select coalesce(max(id), 0) from official_catalogs)) as stamp`.execute(db);
  return r.rows[0]!.stamp;
}
