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

export class DuplicateUsernameError extends Error {
  constructor(readonly username: string) {
    super(`用户名已存在 / username already taken: ${username}`);
    this.name = "DuplicateUsernameError";
  }
}

export async function createUser(db: Db, u: NewUser): Promise<number> {
  const taken = await db.selectFrom("users").select("id").where("username", "=", u.username).executeTakeFirst();
  if (taken) throw new DuplicateUsernameError(u.username);
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
