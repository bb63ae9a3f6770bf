/** 正式科目目录 — official catalog files an administrator loaded for a region and year, kept as uploaded. */
import { sql } from "kysely";
import type { Db } from "../schema.ts";

export interface StoredCatalogFile {
  kind: "functional" | "department-economic" | "government-economic";
  mode: "extend" | "replace";
  fileName: string;
  content: Uint8Array;
}

export async function addCatalogFile(db: Db, regionId: number, year: number, f: StoredCatalogFile, loadedBy: number): Promise<number> {
  return (
    await db
      .insertInto("official_catalogs")
      .values({ region_id: regionId, year, kind: f.kind, mode: f.mode, file_name: f.fileName, content: f.content, loaded_by: loadedBy })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function catalogFiles(db: Db, regionId: number, year: number): Promise<(StoredCatalogFile & { id: number; loadedAt: Date })[]> {
  const rows = await db.selectFrom("official_catalogs").selectAll().where("region_id", "=", regionId).where("year", "=", year).orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, mode: r.mode, fileName: r.file_name, content: r.content, loadedAt: r.loaded_at }));
}

/**
 * What a cached catalog was built from: the number and the last id of the region's files for the year. A
 * server compares it on every use, so a file another server loaded is seen at once (one small query).
 */
export async function catalogStamp(db: Db, regionId: number, year: number): Promise<string> {
  const r = await db
    .selectFrom("official_catalogs")
    .select([sql<number>`count(*)::int`.as("n"), sql<number>`coalesce(max(id), 0)`.as("last")])
    .where("region_id", "=", regionId)
    .where("year", "=", year)
    .executeTakeFirstOrThrow();
  return `${r.n}:${r.last}`;
}
