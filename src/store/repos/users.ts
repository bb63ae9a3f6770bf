/** 用户 — accounts. The password hash is computed by the caller (argon2id in src/server/auth). */
import type { Role } from "../../core/workflow.ts";
import type { Db, UserRow } from "../schema.ts";

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionId: number;
  departmentId?: number | null;
  unitId?: number | null;
  divisionId?: number | null;
}

/**
 * 用户名已被使用 — usernames are one namespace for every region (they sign in without naming one). Only a
 * clash inside the creator's own region is said as such; a name held in another region is "not available"
 * with no more said, so no region administrator learns another region's usernames.
 */
export class DuplicateUsernameError extends Error {
  constructor(
    readonly username: string,
    /** the account holding the name is in the same region as the one being created */
    readonly sameRegion: boolean,
  ) {
    super(sameRegion ? `用户名已存在 / username already taken: ${username}` : "用户名不可用，请换一个 / this username is not available; choose another");
    this.name = "DuplicateUsernameError";
  }
}

export async function createUser(db: Db, u: NewUser): Promise<number> {
  const taken = await db.selectFrom("users").select("region_id").where("username", "=", u.username).executeTakeFirst();
  if (taken) throw new DuplicateUsernameError(u.username, taken.region_id === u.regionId);
  const row = await db
    .insertInto("users")
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      region_id: u.regionId,
      department_id: u.departmentId ?? null,
      unit_id: u.unitId ?? null,
      division_id: u.divisionId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export function getUser(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: Db, regionId: number): Promise<UserRow[]> {
  return db.selectFrom("users").selectAll().where("region_id", "=", regionId).orderBy("id").execute();
}

export async function setDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  await db.updateTable("users").set({ disabled }).where("id", "=", id).execute();
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
}
