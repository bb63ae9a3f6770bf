/** 区划 → 部门 → 单位 and 业务科室: creating them (seed, admin) and resolving a department's tenancy. */
import type { Tenancy } from "../../core/workflow.ts";
import type { Db } from "../schema.ts";

export async function createRegion(db: Db, code: string, name: string): Promise<number> {
  return (await db.insertInto("regions").values({ code, name }).returning("id").executeTakeFirstOrThrow()).id;
}

/** The template a region's documents are published in (公开模板; a registry id). */
export async function regionTemplate(db: Db, regionId: number): Promise<string> {
  return (await db.selectFrom("regions").select("disclosure_template").where("id", "=", regionId).executeTakeFirstOrThrow()).disclosure_template;
}

/** Sets the template a region's documents are published in; the caller checks the id is a registry one. */
export async function setRegionTemplate(db: Db, regionId: number, template: string): Promise<void> {
  await db.updateTable("regions").set({ disclosure_template: template }).where("id", "=", regionId).execute();
}

export async function createDepartment(db: Db, regionId: number, code: string, name: string): Promise<number> {
  return (await db.insertInto("departments").values({ region_id: regionId, code, name }).returning("id").executeTakeFirstOrThrow()).id;
}

export async function createUnit(db: Db, departmentId: number, code: string, name: string): Promise<number> {
  return (await db.insertInto("units").values({ department_id: departmentId, code, name }).returning("id").executeTakeFirstOrThrow()).id;
}

export async function createDivision(db: Db, regionId: number, name: string): Promise<number> {
  return (await db.insertInto("finance_divisions").values({ region_id: regionId, name }).returning("id").executeTakeFirstOrThrow()).id;
}

/** Assigns a department to a division (moving it if it had one). */
export async function assignDepartment(db: Db, divisionId: number, departmentId: number): Promise<void> {
  await db.deleteFrom("division_departments").where("department_id", "=", departmentId).execute();
  await db.insertInto("division_departments").values({ division_id: divisionId, department_id: departmentId }).execute();
}

export interface DepartmentInfo extends Tenancy {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export async function getDepartment(db: Db, departmentId: number): Promise<DepartmentInfo | undefined> {
  const r = await db
    .selectFrom("departments as d")
    .innerJoin("regions as r", "r.id", "d.region_id")
    .leftJoin("division_departments as dd", "dd.department_id", "d.id")
    .select(["d.id", "d.code", "d.name", "d.region_id", "r.code as region_code", "r.name as region_name", "dd.division_id"])
    .where("d.id", "=", departmentId)
    .executeTakeFirst();
  return r && { departmentId: r.id, regionId: r.region_id, divisionId: r.division_id, code: r.code, name: r.name, regionCode: r.region_code, regionName: r.region_name };
}

export async function findRegionByCode(db: Db, code: string): Promise<{ id: number; code: string; name: string } | undefined> {
  return db.selectFrom("regions").select(["id", "code", "name"]).where("code", "=", code).executeTakeFirst();
}

export async function findDepartmentByCode(db: Db, regionId: number, code: string): Promise<number | undefined> {
  return (await db.selectFrom("departments").select("id").where("region_id", "=", regionId).where("code", "=", code).executeTakeFirst())?.id;
}

export async function getUnit(db: Db, unitId: number): Promise<{ id: number; code: string; departmentId: number } | undefined> {
  const u = await db.selectFrom("units").select(["id", "code", "department_id"]).where("id", "=", unitId).executeTakeFirst();
  return u && { id: u.id, code: u.code, departmentId: u.department_id };
}

export async function getDivision(db: Db, divisionId: number): Promise<{ id: number; regionId: number } | undefined> {
  const d = await db.selectFrom("finance_divisions").select(["id", "region_id"]).where("id", "=", divisionId).executeTakeFirst();
  return d && { id: d.id, regionId: d.region_id };
}

/** The region's departments with their units and division (for lists and seeding checks). */
export async function listDepartments(db: Db, regionId: number): Promise<(DepartmentInfo & { units: { id: number; code: string; name: string }[] })[]> {
  const depts = await db
    .selectFrom("departments as d")
    .innerJoin("regions as r", "r.id", "d.region_id")
    .leftJoin("division_departments as dd", "dd.department_id", "d.id")
    .select(["d.id", "d.code", "d.name", "d.region_id", "r.code as region_code", "r.name as region_name", "dd.division_id"])
    .where("d.region_id", "=", regionId)
    .orderBy("d.code")
    .execute();
  const units = depts.length ? await db.selectFrom("units").select(["id", "code", "name", "department_id"]).where("department_id", "in", depts.map((d) => d.id)).orderBy("code").execute() : [];
  return depts.map((d) => ({
    departmentId: d.id,
    regionId: d.region_id,
    divisionId: d.division_id,
    code: d.code,
    name: d.name,
    regionCode: d.region_code,
    regionName: d.region_name,
    units: units.filter((u) => u.department_id === d.id).map((u) => ({ id: u.id, code: u.code, name: u.name })),
  }));
}

export async function listDivisions(db: Db, regionId: number): Promise<{ id: number; name: string; departmentIds: number[] }[]> {
  const divisions = await db.selectFrom("finance_divisions").select(["id", "name"]).where("region_id", "=", regionId).orderBy("id").execute();
  const links = divisions.length ? await db.selectFrom("division_departments").selectAll().where("division_id", "in", divisions.map((d) => d.id)).execute() : [];
  return divisions.map((d) => ({ ...d, departmentIds: links.filter((l) => l.division_id === d.id).map((l) => l.department_id) }));
}
