/**
 * 公开版本 — immutable snapshots of a published budget: the rendered files with their sha256. The
 * database refuses UPDATE and DELETE on these tables; a correction is a new publication number.
 */
import { sql } from "kysely";
import type { DocumentKind } from "../../core/publication.ts";
import type { Db } from "../schema.ts";
import type { BudgetSummary } from "./budgets.ts";

export interface PublicationFile {
  /** "department" or a unit code */
  scope: string;
  format: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  sha256: string;
}

export interface NewPublication {
  budgetId: number;
  budgetVersion: number;
  publishedOn: string;
  publishedBy: number | null;
  changeNote: string | null;
  regionId: number;
  year: number;
  departmentCode: string;
  departmentName: string;
  title: string;
  /** 部门预算 (the default) or 部门决算 */
  kind?: DocumentKind;
  files: readonly PublicationFile[];
}

/** What a publication records of the budget it publishes: which budget, its region, year and department. */
export function publicationOfBudget(b: Pick<BudgetSummary, "id" | "regionId" | "year" | "departmentCode" | "departmentName">) {
  return { budgetId: b.id, regionId: b.regionId, year: b.year, departmentCode: b.departmentCode, departmentName: b.departmentName };
}

/** files written by one INSERT (7 parameters each) */
const FILES_PER_STATEMENT = 100;

/** The next number of the budget's publications of a kind (each kind counts its own corrections). */
export async function nextPublicationNumber(db: Db, budgetId: number, kind: DocumentKind = "budget"): Promise<number> {
  const r = await db.selectFrom("publications").select((eb) => eb.fn.max<number | null>("number").as("n")).where("budget_id", "=", budgetId).where("kind", "=", kind).executeTakeFirst();
  return (r?.n ?? 0) + 1;
}

export async function insertPublication(db: Db, p: NewPublication): Promise<{ id: number; number: number }> {
  const number = await nextPublicationNumber(db, p.budgetId, p.kind);
  const { id } = await db
    .insertInto("publications")
    .values({
      budget_id: p.budgetId,
      number,
      budget_version: p.budgetVersion,
      published_on: p.publishedOn,
      published_by: p.publishedBy,
      change_note: p.changeNote,
      region_id: p.regionId,
      year: p.year,
      department_code: p.departmentCode,
      department_name: p.departmentName,
      title: p.title,
      kind: p.kind ?? "budget",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // the files FILES_PER_STATEMENT at a time: one round trip for a typical publication instead of one a file,
  // while a budget of 2,000 units stays far below PostgreSQL's 65,535 parameters a statement
  for (let start = 0; start < p.files.length; start += FILES_PER_STATEMENT) {
    await db
      .insertInto("publication_files")
      .values(
        p.files
          .slice(start, start + FILES_PER_STATEMENT)
          .map((f) => ({ publication_id: id, scope: f.scope, format: f.format, file_name: f.fileName, content_type: f.contentType, content: f.content, sha256: f.sha256 })),
      )
      .execute();
  }
  return { id, number };
}

const META = ["p.id", "p.budget_id", "p.number", "p.budget_version", "p.published_on", "p.published_at", "p.change_note", "p.year", "p.department_code", "p.department_name", "p.title", "p.region_id", "p.kind"] as const;

/** A page of a region's publications (newest year first, by department, latest version first) and how many there are. */
export async function listRegionPublications(db: Db, regionId: number, year: number | undefined, page: { page: number; pageSize: number }) {
  let q = db.selectFrom("publications as p").where("p.region_id", "=", regionId);
  if (year !== undefined) q = q.where("p.year", "=", year);
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select(META)
    .orderBy("p.year", "desc")
    .orderBy("p.department_code")
    .orderBy("p.kind")
    .orderBy("p.number", "desc")
    .orderBy("p.id")
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, count: Number(n) };
}

export async function listBudgetPublications(db: Db, budgetId: number) {
  return db.selectFrom("publications as p").select(META).where("p.budget_id", "=", budgetId).orderBy("p.number", "desc").execute();
}

/** The latest publication of each kind of a budget (its 部门预算 and its 部门决算), with their files; budget first. */
export async function latestOfEachKind(db: Db, budgetId: number) {
  const rows = await db
    .selectFrom("publications as p")
    .select("p.id")
    .distinctOn("p.kind")
    .where("p.budget_id", "=", budgetId)
    .orderBy("p.kind")
    .orderBy("p.number", "desc")
    .execute();
  const out = [];
  for (const r of rows) {
    const p = await getPublication(db, r.id);
    if (p) out.push(p);
  }
  return out;
}

export async function getPublication(db: Db, id: number) {
  const meta = await db.selectFrom("publications as p").select(META).where("p.id", "=", id).executeTakeFirst();
  if (!meta) return undefined;
  const files = await db
    .selectFrom("publication_files")
    .select(["scope", "format", "file_name", "content_type", "sha256", sql<number>`octet_length(content)`.as("size")])
    .where("publication_id", "=", id)
    .orderBy("scope")
    .orderBy("format")
    .execute();
  return { ...meta, files };
}

export async function getPublicationFile(db: Db, id: number, scope: string, format: string): Promise<PublicationFile | undefined> {
  const r = await db
    .selectFrom("publication_files")
    .select(["scope", "format", "file_name", "content_type", "content", "sha256"])
    .where("publication_id", "=", id)
    .where("scope", "=", scope)
    .where("format", "=", format)
    .executeTakeFirst();
  return r && { scope: r.scope, format: r.format, fileName: r.file_name, contentType: r.content_type, content: r.content, sha256: r.sha256 };
}
