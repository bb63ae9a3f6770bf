/** 登录 — login (rate-limited), logout, who am I, password change. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loginAnswer, meAnswer, ok } from "../../contract/index.ts";
import { ROLE_NAMES } from "../../core/workflow.ts";
import { deleteSession, deleteUserSessions } from "../../store/repos/sessions.ts";
import { countLoginAttempt } from "../../store/repos/login-attempts.ts";
import { findUserByUsername, getUser, setPasswordHash } from "../../store/repos/users.ts";
import { audit } from "../audit.ts";
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from "../auth/passwords.ts";
import { endSessionCookies, requireUser, startSession } from "../auth/session.ts";
import { AppError } from "../errors.ts";
import { answers } from "./schemas.ts";

const credentials = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export function authRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/login",
    {
      schema: { tags: ["auth"], summary: "登录 / sign in (sets an HttpOnly session cookie; returns the CSRF token)", body: credentials, response: answers(loginAnswer) },
      // Counted in the database before the body is validated: the limit holds across servers and for
      // malformed attempts too.
      preValidation: async (req) => {
        const attempts = await countLoginAttempt(app.ctx.db, req.ip);
        if (attempts > app.ctx.options.loginRateLimit) {
          throw new AppError("rate-limited", `登录尝试过多，请一分钟后再试 / too many sign-in attempts from this address; try again in a minute (limit ${app.ctx.options.loginRateLimit} a minute)`);
        }
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const user = await findUserByUsername(app.ctx.db, username);
      // Verify against a dummy hash for unknown users, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user || !ok || user.disabled) {
        await audit(app.ctx.db, req, "auth.login-failed", null, { username }, user?.region_id ?? null);
        throw new AppError("unauthenticated", "用户名或密码错误，或账号已停用 / wrong username or password, or the account is disabled");
      }
      const { csrfToken } = await startSession(app, reply, user.id);
      await audit(app.ctx.db, req, "auth.login", `user:${user.id}`, undefined, user.region_id);
      return { user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role }, csrfToken };
    },
  );

  r.post("/api/auth/logout", { schema: { tags: ["auth"], summary: "退出 / sign out", response: answers(ok) } }, async (req, reply) => {
    const user = requireUser(req);
    await deleteSession(app.ctx.db, user.tokenHash);
    await audit(app.ctx.db, req, "auth.logout", `user:${user.actor.userId}`);
    endSessionCookies(reply);
    return { ok: true as const };
  });

  r.get("/api/auth/me", { schema: { tags: ["auth"], summary: "当前用户 / the signed-in user and the session's CSRF token", response: answers(meAnswer) } }, async (req) => {
    const user = requireUser(req);
    const a = user.actor;
    return {
      user: {
        id: a.userId,
        userId: a.userId,
        username: user.username,
        displayName: user.displayName,
        role: a.role,
        roleName: ROLE_NAMES[a.role],
        regionId: a.regionId,
        departmentId: a.departmentId ?? null,
        unitId: a.unitId ?? null,
        unitCode: a.unitCode ?? null,
        divisionId: a.divisionId ?? null,
      },
      csrfToken: user.csrfToken,
    };
  });

  r.post(
    "/api/auth/password",
    { schema: { tags: ["auth"], summary: "修改密码 / change password (ends the user's other sessions)", body: z.object({ current: z.string(), next: z.string().max(200) }), response: answers(ok) } },
    async (req) => {
      const user = requireUser(req);
      const row = await getUser(app.ctx.db, user.actor.userId);
      if (!row || !(await verifyPassword(row.password_hash, req.body.current))) throw new AppError("forbidden", "当前密码错误 / the current password is wrong");
      checkPasswordPolicy(req.body.next);
      const hash = await hashPassword(req.body.next);
      await app.ctx.db.transaction().execute(async (trx) => {
        await setPasswordHash(trx, row.id, hash);
        await deleteUserSessions(trx, row.id, user.tokenHash);
        await audit(trx, req, "auth.password-changed", `user:${row.id}`);
      });
      return { ok: true as const };
    },
  );
}
