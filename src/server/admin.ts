/**
 * `yusuan admin create-user` — creates an account from the command line (the first administrator of a
 * real installation, or any user), on the same database the server uses. The region, department, unit
 * and division are named by their codes and names, as people know them.
 */
import { resolve } from "node:path";
import type { Role } from "../core/workflow.ts";
import { ROLES } from "../core/workflow.ts";
import { openDatabase } from "../store/database.ts";
import { appendAudit } from "../store/repos/audit-log.ts";
import { createRegion, findDepartmentByCode, findRegionByCode } from "../store/repos/tenancy.ts";
import { createUser } from "../store/repos/users.ts";
import { checkPasswordPolicy, hashPassword } from "./auth/passwords.ts";
import { lockDataDir } from "./data-dir-lock.ts";

export interface CreateUserOptions {
  username: string;
  password: string;
  role: string;
  region: string;
  /** creates the region when it does not exist yet (bootstrapping a new installation) */
  regionName?: string;
  displayName?: string;
  department?: string;
  unit?: string;
  division?: string;
  databaseUrl?: string;
  dataDir?: string;
}

export class AdminInputError extends Error {}

export async function createUserFromCli(o: CreateUserOptions): Promise<{ id: number }> {
  if (!(ROLES as readonly string[]).includes(o.role)) throw new AdminInputError(`未知角色 ${o.role} / unknown role; 可用 / use: ${ROLES.join(", ")}`);
  const role = o.role as Role;
  checkPasswordPolicy(o.password);
  const dataDir = o.databaseUrl ? undefined : resolve(o.dataDir ?? "data");
  // A running server owns its PGlite directory: refuse rather than open it twice.
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  const database = await openDatabase({ url: o.databaseUrl, dataDir }).catch(async (e: unknown) => {
    await unlock();
    throw e;
  });
  try {
    const db = database.db;
    let region = await findRegionByCode(db, o.region);
    if (!region && o.regionName) region = { id: await createRegion(db, o.region, o.regionName), code: o.region, name: o.regionName };
    if (!region) throw new AdminInputError(`没有区划 ${o.region}（新建请加 --region-name）/ no region with code ${o.region} (add --region-name to create it)`);
    let departmentId: number | null = null;
    let unitId: number | null = null;
    let divisionId: number | null = null;
    if (role === "preparer" || role === "department-approver") {
      if (!o.department) throw new AdminInputError("请用 --department 指定部门编码 / --department <code> is required for this role");
      departmentId = (await findDepartmentByCode(db, region.id, o.department)) ?? null;
      if (!departmentId) throw new AdminInputError(`没有部门 ${o.department} / no department ${o.department} in region ${o.region}`);
      if (role === "preparer") {
        if (!o.unit) throw new AdminInputError("请用 --unit 指定单位编码 / --unit <code> is required for a preparer");
        unitId = (await db.selectFrom("units").select("id").where("department_id", "=", departmentId).where("code", "=", o.unit).executeTakeFirst())?.id ?? null;
        if (!unitId) throw new AdminInputError(`部门 ${o.department} 没有单位 ${o.unit} / no unit ${o.unit}`);
      }
    }
    if (role === "finance-reviewer") {
      if (!o.division) throw new AdminInputError("请用 --division 指定业务科室名称 / --division <name> is required for a finance reviewer");
      divisionId = (await db.selectFrom("finance_divisions").select("id").where("region_id", "=", region.id).where("name", "=", o.division).executeTakeFirst())?.id ?? null;
      if (!divisionId) throw new AdminInputError(`没有业务科室 ${o.division} / no division ${o.division}`);
    }
    const passwordHash = await hashPassword(o.password);
    return await db.transaction().execute(async (trx) => {
      const id = await createUser(trx, { username: o.username, displayName: o.displayName ?? o.username, passwordHash, role, regionId: region.id, departmentId, unitId, divisionId });
      await appendAudit(trx, { actorId: null, actorName: "cli", regionId: region.id, action: "users.create", target: `user:${id}`, details: { username: o.username, role, via: "yusuan admin create-user" } });
      return { id };
    });
  } finally {
    await database.close();
    await unlock();
  }
}
