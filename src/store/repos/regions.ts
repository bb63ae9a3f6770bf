/**
 * 区划层级 — regions as a tree (省 → 市 → 县/区). A region's subtree (itself and everything under it) is
 * one recursive query; every roll-up and every administrator's reach is over a subtree.
 */
import { sql } from "kysely";
import { type RegionLevel, childLevel } from "../../core/facts.ts";
import type { Db } from "../schema.ts";

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  level: RegionLevel;
}

export class RegionTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegionTreeError";
  }
}

/** Adds a region under `parentId` (its level follows the parent's), or a top-level region of `level`. */
export async function addRegion(db: Db, r: { code: string; name: string; parentId?: number | null; level?: RegionLevel }): Promise<number> {
  let level: RegionLevel = r.level ?? "province";
  if (r.parentId != null) {
    const parent = await getRegion(db, r.parentId);
    if (!parent) throw new RegionTreeError("上级区划不存在 / the parent region does not exist");
    const next = childLevel(parent.level);
    if (!next) throw new RegionTreeError(`县（区）级区划「${parent.name}」下不能再设区划 / a county-level region (${parent.code}) has no regions under it`);
    level = next;
  }
  return (await db.insertInto("regions").values({ code: r.code, name: r.name, parent_id: r.parentId ?? null, level }).returning("id").executeTakeFirstOrThrow()).id;
}

export async function getRegion(db: Db, id: number): Promise<RegionRow | undefined> {
  const r = await db.selectFrom("regions").select(["id", "code", "name", "parent_id", "level"]).where("id", "=", id).executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, parentId: r.parent_id, level: r.level };
}

export async function getRegionByCode(db: Db, code: string): Promise<RegionRow | undefined> {
  const r = await db.selectFrom("regions").select(["id", "code", "name", "parent_id", "level"]).where("code", "=", code).executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, parentId: r.parent_id, level: r.level };
}

/** The region and every region under it, as a SQL fragment usable in `where region_id in (…)`. */
export function subtreeIds(rootId: number) {
  return sql<{ id: number }>`(with recursive t(id) as (select ${rootId}::int union all select r.id from regions r join t on r.parent_id = t.id) select id from t)`;
}

/** The ids of the region and every region under it. */
export async function regionSubtree(db: Db, rootId: number): Promise<number[]> {
  const r = await sql<{ id: number }>`with recursive t(id) as (select ${rootId}::int union all select r.id from regions r join t on r.parent_id = t.id) select id from t`.execute(db);
  return r.rows.map((x) => x.id);
}

/** The regions directly under `parentId` (the top regions for null), in code order. */
export async function childRegions(db: Db, parentId: number | null): Promise<RegionRow[]> {
  let q = db.selectFrom("regions").select(["id", "code", "name", "parent_id", "level"]);
  q = parentId === null ? q.where("parent_id", "is", null) : q.where("parent_id", "=", parentId);
  return (await q.orderBy("code").execute()).map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, level: r.level }));
}

/** The path from the top down to the region (breadcrumbs). */
export async function regionPath(db: Db, id: number): Promise<RegionRow[]> {
  const r = await sql<{ id: number; code: string; name: string; parent_id: number | null; level: RegionLevel; depth: number }>`
    with recursive up(id, code, name, parent_id, level, depth) as (
      select id, code, name, parent_id, level, 0 from regions where id = ${id}
      union all select g.id, g.code, g.name, g.parent_id, g.level, up.depth + 1 from regions g join up on g.id = up.parent_id
    ) select * from up order by depth desc`.execute(db);
  return r.rows.map((x) => ({ id: x.id, code: x.code, name: x.name, parentId: x.parent_id, level: x.level }));
}
