/** 账号 — answers of sign-in, the session and the region's user administration. */
import { z } from "zod";
import { role, timestamp, type Wire } from "./common.ts";

/** The answer of POST /api/auth/login. */
export const loginAnswer = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), role }),
  csrfToken: z.string(),
});

/** 当前用户 — the signed-in user with where they belong (GET /api/auth/me). */
export const me = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  roleName: z.string().describe("角色名称, e.g. 单位填报"),
  regionId: z.number().int(),
  departmentId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  unitCode: z.string().nullable().describe("a preparer's own unit code"),
  divisionId: z.number().int().nullable().describe("业务科室 of a finance reviewer"),
});
export type Me = Wire<typeof me>;
export const meAnswer = z.object({ user: me, csrfToken: z.string() });

/** 用户 — an account as its administrator sees it (never the password hash). */
export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  regionId: z.number().int(),
  departmentId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  divisionId: z.number().int().nullable(),
  disabled: z.boolean(),
  createdAt: timestamp,
});
export type User = Wire<typeof user>;
export const usersAnswer = z.object({ users: z.array(user) });
export const userAnswer = z.object({ user });
