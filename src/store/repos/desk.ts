/**
 * 财政局工作台 — the desk's questions as SQL, on PGlite and PostgreSQL alike: every department in the
 * bureau's reach with its budget of the year (state, control figures against the line items' total, days
 * since 批复 and since submission, findings waiting), sorted by any column and paginated; the budgets whose
 * counted findings are stale; and the region's saved import mapping.
 */
import { type RawBuilder, sql } from "kysely";
import { AWAITING_REVIEW_STATES, type DeskSort, type ImportMapping, PUBLICATION_DEADLINE_DAYS } from "../../core/desk.ts";
import type { Fen } from "../../core/money.ts";
import type { BudgetState } from "../../core/workflow.ts";
import type { Db } from "../schema.ts";

/** 范围 — whose departments: regions (an administrator's own and those under it), and a reviewer's division. */
export interface DeskScope {
  regionIds: readonly number[];
  /** a finance reviewer sees the departments of their 业务科室 only */
  divisionId?: number;
}

export interface DeskQuery {
  year: number;
  /** the desk's date (yyyy-mm-dd): days are counted to it */
  today: string;
  sort: DeskSort;
  descending: boolean;
  page: number;
  pageSize: number;
  /** days a budget may wait for review before it is late */
  reviewDays: number;
}

/** 一行 — one department and its budget of the year (amounts in 分; null where there is no budget or figure). */
export interface DeskRow {
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  budgetId: number | null;
  state: BudgetState | null;
  version: number | null;
  control: Fen | null;
  total: Fen | null;
  /** total − control (positive: above the control figures) */
  difference: Fen | null;
  approvedOn: string | null;
  publishedOn: string | null;
  /** 批复 + 20 days (预算法第十四条) */
  publishBy: string | null;
  daysSinceApproval: number | null;
  submittedOn: string | null;
  /** days since the last submission, while the budget waits for review */
  daysWaiting: number | null;
  errors: number | null;
  /** warnings without a written explanation */
  warnings: number | null;
}

export interface DeskCounts {
  departments: number;
  budgets: number;
  publicationLate: number;
  reviewWaiting: number;
  overControl: number;
}

/** Sort keys → SQL expressions over the `desk` CTE (a fixed list: nothing from the request is spliced). */
const ORDER: Record<DeskSort, string> = {
  department: "department_code",
  region: "region_code",
  state: "state_rank",
  control: "control",
  total: "total",
  difference: "difference",
  daysSinceApproval: "days_since_approval",
  daysWaiting: "days_waiting",
  errors: "errors",
  warnings: "warnings",
};

const STATE_ORDER: readonly BudgetState[] = ["draft", "submitted", "department-approved", "finance-approved", "approved", "published"];

function deskCte(scope: DeskScope, year: number, today: string): RawBuilder<unknown> {
  const regions = sql.join(scope.regionIds.length ? scope.regionIds : [-1]);
  const division = scope.divisionId === undefined ? sql`true` : sql`dd.division_id = ${scope.divisionId}`;
  const waiting = sql.join(AWAITING_REVIEW_STATES.map((s) => sql`${s}`));
  const rank = sql.join(STATE_ORDER.map((s, i) => sql`when ${s} then ${i}`), sql` `);
  return sql`
    with base as (
      select d.id as department_id, d.code as department_code, d.name as department_name,
             r.code as region_code, r.name as region_name,
             b.id as budget_id, b.state, b.version, b.approved_on, b.published_on,
             t.total, cf.control, c.errors, c.warnings,
             (s.submitted_at at time zone 'UTC')::date as submitted_on
      from departments d
      join regions r on r.id = d.region_id
      left join division_departments dd on dd.department_id = d.id
      left join budgets b on b.department_id = d.id and b.year = ${year}
      left join lateral (select sum(l.amount)::int8 as total from line_items l where l.budget_id = b.id) t on b.id is not null
      left join lateral (select sum(f.amount)::int8 as control from control_figures f where f.department_id = d.id and f.year = ${year} having count(*) > 0) cf on true
      left join budget_checks c on c.budget_id = b.id and c.version = b.version
      left join lateral (select max(bt.at) as submitted_at from budget_transitions bt where bt.budget_id = b.id and bt.action = 'submit') s on b.id is not null
      where d.region_id in (${regions}) and ${division}
    ),
    desk as (
      select base.*,
             case when budget_id is null then null else coalesce(total, 0) end as total_or_zero,
             case when control is null or budget_id is null then null else coalesce(total, 0) - control end as difference,
             case when approved_on is null then null else (approved_on + ${PUBLICATION_DEADLINE_DAYS}::int) end as publish_by,
             case when approved_on is null then null else (${today}::date - approved_on) end as days_since_approval,
             case when state in (${waiting}) and submitted_on is not null then (${today}::date - submitted_on) end as days_waiting,
             case state ${rank} else null end as state_rank
      from base
    )`;
}

type Raw = {
  department_id: number;
  department_code: string;
  department_name: string;
  region_code: string;
  region_name: string;
  budget_id: number | null;
  state: BudgetState | null;
  version: number | null;
  control: number | null;
  total_or_zero: number | null;
  difference: number | null;
  approved_on: string | null;
  published_on: string | null;
  publish_by: string | null;
  days_since_approval: number | null;
  submitted_on: string | null;
  days_waiting: number | null;
  errors: number | null;
  warnings: number | null;
};

const toRow = (r: Raw): DeskRow => ({
  departmentId: r.department_id,
  departmentCode: r.department_code,
  departmentName: r.department_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  budgetId: r.budget_id,
  state: r.state,
  version: r.version,
  control: r.control as Fen | null,
  total: r.total_or_zero as Fen | null,
  difference: r.difference as Fen | null,
  approvedOn: r.approved_on,
  publishedOn: r.published_on,
  publishBy: r.publish_by,
  daysSinceApproval: r.days_since_approval === null ? null : Number(r.days_since_approval),
  submittedOn: r.submitted_on,
  daysWaiting: r.days_waiting === null ? null : Number(r.days_waiting),
  errors: r.errors,
  warnings: r.warnings,
});

/** A page of the desk, sorted (ties by department code), with the counts over every row in scope. */
export async function deskPage(db: Db, scope: DeskScope, q: DeskQuery): Promise<{ rows: DeskRow[]; counts: DeskCounts }> {
  const direction = sql.raw(q.descending ? "desc" : "asc");
  const order = sql.raw(ORDER[q.sort]);
  const rows = await sql<Raw>`${deskCte(scope, q.year, q.today)}
    select * from desk
    order by ${order} ${direction} nulls last, department_code asc, department_id asc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  const counts = await sql<{ departments: number; budgets: number; publication_late: number; review_waiting: number; over_control: number }>`${deskCte(scope, q.year, q.today)}
    select count(*)::int as departments,
           count(budget_id)::int as budgets,
           count(*) filter (where state = 'approved' and days_since_approval > ${PUBLICATION_DEADLINE_DAYS}::int)::int as publication_late,
           count(*) filter (where days_waiting > ${q.reviewDays}::int)::int as review_waiting,
           count(*) filter (where difference > 0)::int as over_control
    from desk`.execute(db);
  const c = counts.rows[0]!;
  return {
    rows: rows.rows.map(toRow),
    counts: { departments: c.departments, budgets: c.budgets, publicationLate: c.publication_late, reviewWaiting: c.review_waiting, overControl: c.over_control },
  };
}

/** The rows the desk reminds the bureau of (late publication, review waiting too long, above control), most urgent first. */
export async function deskLate(db: Db, scope: DeskScope, q: Pick<DeskQuery, "year" | "today" | "reviewDays">, limit = 100): Promise<DeskRow[]> {
  const r = await sql<Raw>`${deskCte(scope, q.year, q.today)}
    select * from desk
    where (state = 'approved' and days_since_approval > ${PUBLICATION_DEADLINE_DAYS}::int)
       or days_waiting > ${q.reviewDays}::int
       or difference > 0
    order by greatest(coalesce(days_since_approval - ${PUBLICATION_DEADLINE_DAYS}::int, 0), coalesce(days_waiting - ${q.reviewDays}::int, 0)) desc, department_code
    limit ${limit}`.execute(db);
  return r.rows.map(toRow);
}

/** 待重算 — budgets in scope whose counted findings do not match their version, catalog or explanations. */
export interface CheckCandidate {
  budgetId: number;
  regionId: number;
  departmentId: number;
  version: number;
  explanations: number;
  checkedVersion: number | null;
  checkedStamp: string | null;
  checkedExplanations: number | null;
}

export async function checkCandidates(db: Db, scope: DeskScope, year: number): Promise<CheckCandidate[]> {
  const division = scope.divisionId === undefined ? sql`true` : sql`dd.division_id = ${scope.divisionId}`;
  const r = await sql<{ budget_id: number; region_id: number; department_id: number; version: number; explanations: number; checked_version: number | null; checked_stamp: string | null; checked_explanations: number | null }>`
    select b.id as budget_id, d.region_id, d.id as department_id, b.version,
           (select count(*)::int from warning_explanations e where e.budget_id = b.id) as explanations,
           c.version as checked_version, c.catalog_stamp as checked_stamp, c.explanations as checked_explanations
    from budgets b
    join departments d on d.id = b.department_id
    left join division_departments dd on dd.department_id = d.id
    left join budget_checks c on c.budget_id = b.id
    where b.year = ${year} and b.version > 0 and d.region_id in (${sql.join(scope.regionIds.length ? scope.regionIds : [-1])}) and ${division}`.execute(db);
  return r.rows.map((x) => ({
    budgetId: x.budget_id,
    regionId: x.region_id,
    departmentId: x.department_id,
    version: x.version,
    explanations: x.explanations,
    checkedVersion: x.checked_version,
    checkedStamp: x.checked_stamp,
    checkedExplanations: x.checked_explanations,
  }));
}

export async function writeCheck(db: Db, c: { budgetId: number; version: number; catalogStamp: string; explanations: number; errors: number; warnings: number }): Promise<void> {
  const values = { budget_id: c.budgetId, version: c.version, catalog_stamp: c.catalogStamp, explanations: c.explanations, errors: c.errors, warnings: c.warnings };
  await db
    .insertInto("budget_checks")
    .values(values)
    .onConflict((oc) => oc.column("budget_id").doUpdateSet({ ...values, checked_at: sql`now()` }))
    .execute();
}

export async function getImportMapping(db: Db, regionId: number): Promise<ImportMapping | undefined> {
  const r = await db.selectFrom("import_mappings").select("mapping").where("region_id", "=", regionId).executeTakeFirst();
  return r?.mapping as ImportMapping | undefined;
}

export async function saveImportMapping(db: Db, regionId: number, mapping: ImportMapping, userId: number): Promise<void> {
  const values = { region_id: regionId, mapping: JSON.stringify(mapping), updated_by: userId };
  await db
    .insertInto("import_mappings")
    .values(values)
    .onConflict((oc) => oc.column("region_id").doUpdateSet({ mapping: values.mapping, updated_by: userId, updated_at: sql`now()` }))
    .execute();
}
