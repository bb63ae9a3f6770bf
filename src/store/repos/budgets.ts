/**
 * 部门预算 — budgets, their saved versions and the current version's line items. A save is optimistic:
 * it names the version it started from, and loses (StaleVersionError, with the other change described)
 * if someone saved since. Call `saveVersion` inside a transaction: the version row, the counter and the
 * line items land together or not at all.
 */
import { sql } from "kysely";
import type { LineItem } from "../../core/model.ts";
import { type BudgetState, EDITABLE_STATES, notEditableMessage } from "../../core/workflow.ts";
import { copyRows } from "../bulk.ts";
import type { BudgetRow, Db } from "../schema.ts";
import { type VersionDiff, diffVersions, summariseDiff } from "../version-diff.ts";

export interface BudgetSummary {
  id: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  regionId: number;
  divisionId: number | null;
  year: number;
  state: BudgetState;
  version: number;
  approvedOn: string | null;
  publishedOn: string | null;
  updatedAt: Date;
}

/** 其他人的修改 — what a stale writer is told about the saves they missed. */
export interface OtherChange {
  version: number;
  savedBy: string | null;
  savedAt: Date;
  summary: string;
  diff: VersionDiff;
}

export class StaleVersionError extends Error {
  constructor(
    readonly expected: number,
    readonly current: number,
    readonly changes: OtherChange[],
  ) {
    const last = changes[changes.length - 1];
    super(
      `预算已被他人修改：您基于第 ${expected} 版，当前为第 ${current} 版${last ? `（${last.savedBy ?? "?"} 于 ${last.savedAt.toISOString()} 保存：${last.summary}）` : ""} / the budget changed since version ${expected}; it is now version ${current}`,
    );
    this.name = "StaleVersionError";
  }
}

function summaryQuery(db: Db) {
  return db
    .selectFrom("budgets as b")
    .innerJoin("departments as d", "d.id", "b.department_id")
    .leftJoin("division_departments as dd", "dd.department_id", "d.id")
    .select([
      "b.id",
      "b.department_id",
      "d.code as department_code",
      "d.name as department_name",
      "d.region_id",
      "dd.division_id",
      "b.year",
      "b.state",
      "b.version",
      "b.approved_on",
      "b.published_on",
      "b.updated_at",
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(r: SummaryRow): BudgetSummary {
  return {
    id: r.id,
    departmentId: r.department_id,
    departmentCode: r.department_code,
    departmentName: r.department_name,
    regionId: r.region_id,
    divisionId: r.division_id,
    year: r.year,
    state: r.state,
    version: r.version,
    approvedOn: r.approved_on,
    publishedOn: r.published_on,
    updatedAt: r.updated_at,
  };
}

export async function getBudget(db: Db, id: number): Promise<BudgetSummary | undefined> {
  const r = await summaryQuery(db).where("b.id", "=", id).executeTakeFirst();
  return r && toSummary(r);
}

export interface BudgetFilter {
  regionId: number;
  year?: number;
  departmentId?: number;
  divisionId?: number;
}

export async function listBudgets(db: Db, f: BudgetFilter): Promise<BudgetSummary[]> {
  let q = summaryQuery(db).where("d.region_id", "=", f.regionId);
  if (f.year !== undefined) q = q.where("b.year", "=", f.year);
  if (f.departmentId !== undefined) q = q.where("b.department_id", "=", f.departmentId);
  if (f.divisionId !== undefined) q = q.where("dd.division_id", "=", f.divisionId);
  return (await q.orderBy("b.year", "desc").orderBy("d.code").execute()).map(toSummary);
}

export async function createBudget(db: Db, departmentId: number, year: number): Promise<number> {
  return (await db.insertInto("budgets").values({ department_id: departmentId, year, approved_on: null, published_on: null }).returning("id").executeTakeFirstOrThrow()).id;
}

export async function findBudget(db: Db, departmentId: number, year: number): Promise<number | undefined> {
  return (await db.selectFrom("budgets").select("id").where("department_id", "=", departmentId).where("year", "=", year).executeTakeFirst())?.id;
}

/** The content (budget-file JSON) of the current version, or undefined before the first save. */
export async function currentContent(db: Db, budgetId: number): Promise<{ version: number; content: Record<string, unknown> } | undefined> {
  const r = await db
    .selectFrom("budgets as b")
    .innerJoin("budget_versions as v", (j) => j.onRef("v.budget_id", "=", "b.id").onRef("v.number", "=", "b.version"))
    .select(["b.version", "v.content"])
    .where("b.id", "=", budgetId)
    .executeTakeFirst();
  return r && { version: r.version, content: r.content };
}

export interface SaveVersion {
  budgetId: number;
  /** the version the writer started from */
  expectedVersion: number;
  content: Record<string, unknown>;
  lineItems: readonly LineItem[];
  authorId: number | null;
  note?: string | null;
  /** called when the version row is written and the line items are about to be replaced (progress logs) */
  onLineItems?: (count: number) => void;
}

const LINE_ITEM_COLUMNS = ["budget_id", "position", "unit_code", "functional", "economic", "nature", "project", "source", "amount", "memo"] as const;

/** Saves a new version; returns its number and diff. Throws StaleVersionError when `expectedVersion` is old. */
export async function saveVersion(db: Db, s: SaveVersion): Promise<{ version: number; diff: VersionDiff }> {
  // The compare-and-set on the counter and the state is the lock: of two concurrent writers from version N
  // (or a writer and a workflow move holding the row), the second waits on the first's row lock, then
  // PostgreSQL re-reads the row and the condition no longer matches. A state check before the transaction
  // is not enough: a submission can commit between it and this UPDATE.
  const bumped = await db
    .updateTable("budgets")
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", s.budgetId)
    .where("version", "=", s.expectedVersion)
    .where("state", "in", EDITABLE_STATES)
    .returning("version")
    .executeTakeFirst();
  if (!bumped) {
    const current = await db.selectFrom("budgets").select(["version", "state"]).where("id", "=", s.budgetId).executeTakeFirstOrThrow();
    if (!EDITABLE_STATES.includes(current.state)) throw new BudgetNotEditableError(current.state);
    throw new StaleVersionError(s.expectedVersion, current.version, await changesSince(db, s.budgetId, s.expectedVersion));
  }
  const previous = s.expectedVersion > 0 ? await versionContent(db, s.budgetId, s.expectedVersion) : undefined;
  const diff = diffVersions(previous, s.content);
  await db
    .insertInto("budget_versions")
    .values({ budget_id: s.budgetId, number: bumped.version, author_id: s.authorId, note: s.note ?? null, content: JSON.stringify(s.content), diff: JSON.stringify(diff) })
    .execute();
  s.onLineItems?.(s.lineItems.length);
  await db.deleteFrom("line_items").where("budget_id", "=", s.budgetId).execute();
  await copyRows(
    db,
    "line_items",
    LINE_ITEM_COLUMNS,
    s.lineItems.map((l, i) => [s.budgetId, i, l.unit, l.functional, l.economic, l.nature, l.project ?? null, l.source, l.amount, l.memo ?? null]),
  );
  return { version: bumped.version, diff };
}

async function versionContent(db: Db, budgetId: number, n: number): Promise<Record<string, unknown> | undefined> {
  return (await db.selectFrom("budget_versions").select("content").where("budget_id", "=", budgetId).where("number", "=", n).executeTakeFirst())?.content;
}

async function changesSince(db: Db, budgetId: number, after: number): Promise<OtherChange[]> {
  const rows = await db
    .selectFrom("budget_versions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .select(["v.number", "v.created_at", "v.diff", "u.display_name"])
    .where("v.budget_id", "=", budgetId)
    .where("v.number", ">", after)
    .orderBy("v.number")
    .execute();
  return rows.map((r) => ({ version: r.number, savedBy: r.display_name, savedAt: r.created_at, diff: r.diff as VersionDiff, summary: summariseDiff(r.diff as VersionDiff) }));
}

/** The budget left 草稿 before this write committed (a submission won the race): nothing was written. */
export class BudgetNotEditableError extends Error {
  constructor(readonly state: BudgetState) {
    super(notEditableMessage(state));
    this.name = "BudgetNotEditableError";
  }
}

export interface VersionInfo {
  number: number;
  author: string | null;
  createdAt: Date;
  note: string | null;
  summary: string;
}

export async function listVersions(db: Db, budgetId: number): Promise<VersionInfo[]> {
  const rows = await db
    .selectFrom("budget_versions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .select(["v.number", "v.created_at", "v.note", "v.diff", "u.display_name"])
    .where("v.budget_id", "=", budgetId)
    .orderBy("v.number", "desc")
    .execute();
  return rows.map((r) => ({ number: r.number, author: r.display_name, createdAt: r.created_at, note: r.note, summary: summariseDiff(r.diff as VersionDiff) }));
}

export async function getVersion(db: Db, budgetId: number, n: number) {
  return db
    .selectFrom("budget_versions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .select(["v.number", "v.created_at", "v.note", "v.diff", "v.content", "u.display_name as author"])
    .where("v.budget_id", "=", budgetId)
    .where("v.number", "=", n)
    .executeTakeFirst();
}

/** The current version's line items from the relational copy (amounts in 分). */
export async function lineItems(db: Db, budgetId: number) {
  return db.selectFrom("line_items").selectAll().where("budget_id", "=", budgetId).orderBy("position").execute();
}

/** 按性质和资金来源合计 — totals by nature and source, summed in the database. */
export async function lineItemTotals(db: Db, budgetId: number): Promise<{ nature: string; source: string; amount: number }[]> {
  return db
    .selectFrom("line_items")
    .select(["nature", "source", sql<number>`sum(amount)::bigint`.as("amount")])
    .where("budget_id", "=", budgetId)
    .groupBy(["nature", "source"])
    .orderBy("nature")
    .orderBy("source")
    .execute();
}

export async function setState(db: Db, budgetId: number, state: BudgetState, dates: { approvedOn?: string | null; publishedOn?: string | null } = {}): Promise<void> {
  await db
    .updateTable("budgets")
    .set({ state, updated_at: sql`now()`, ...(dates.approvedOn !== undefined ? { approved_on: dates.approvedOn } : {}), ...(dates.publishedOn !== undefined ? { published_on: dates.publishedOn } : {}) })
    .where("id", "=", budgetId)
    .execute();
}

/**
 * A new version with the same content (a submission): a client holding an older version can no longer
 * save over what was submitted, even after the budget is returned to 草稿. Call with the row locked.
 */
export async function sealVersion(db: Db, budgetId: number, fromVersion: number, authorId: number, note: string): Promise<number> {
  const bumped = await db
    .updateTable("budgets")
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", budgetId)
    .where("version", "=", fromVersion)
    .returning("version")
    .executeTakeFirstOrThrow();
  const content = await versionContent(db, budgetId, fromVersion);
  await db
    .insertInto("budget_versions")
    .values({ budget_id: budgetId, number: bumped.version, author_id: authorId, note, content: JSON.stringify(content ?? {}), diff: JSON.stringify(diffVersions(content, content ?? {})) })
    .execute();
  return bumped.version;
}

/** Locks the budget row for the rest of the transaction (workflow moves and publications serialise on it). */
export async function lockBudget(db: Db, budgetId: number): Promise<BudgetRow | undefined> {
  return db.selectFrom("budgets").selectAll().where("id", "=", budgetId).forUpdate().executeTakeFirst();
}

export async function recordTransition(
  db: Db,
  t: { budgetId: number; action: string; from: BudgetState; to: BudgetState; actorId: number; comment?: string | null; date?: string | null },
): Promise<void> {
  await db
    .insertInto("budget_transitions")
    .values({ budget_id: t.budgetId, action: t.action, from_state: t.from, to_state: t.to, actor_id: t.actorId, comment: t.comment ?? null, on_date: t.date ?? null })
    .execute();
}

export async function listTransitions(db: Db, budgetId: number) {
  return db
    .selectFrom("budget_transitions as t")
    .leftJoin("users as u", "u.id", "t.actor_id")
    .select(["t.id", "t.action", "t.from_state", "t.to_state", "t.at", "t.comment", "t.on_date", "u.display_name as actor"])
    .where("t.budget_id", "=", budgetId)
    .orderBy("t.id")
    .execute();
}
