/** 用户管理 — the region's administrator lists, creates and disables accounts. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { userAnswer, usersAnswer } from "../../contract/index.ts";
import { ROLES, canInRegion } from "../../core/workflow.ts";
import { deleteUserSessions } from "../../store/repos/sessions.ts";
import { getDepartment, getDivision, getUnit } from "../../store/repos/tenancy.ts";
import { createUser, getUser, listUsers, setDisabled } from "../../store/repos/users.ts";
import type { UserRow } from "../../store/schema.ts";
import { audit } from "../audit.ts";
import { checkPasswordPolicy, hashPassword } from "../auth/passwords.ts";
import { requireUser } from "../auth/session.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { answers, createdAnswers, id, idParams } from "./schemas.ts";

const publicUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  regionId: u.region_id,
  departmentId: u.department_id,
  unitId: u.unit_id,
  divisionId: u.division_id,
  disabled: u.disabled,
  createdAt: u.created_at,
});

const newUser = z.object({
  username: z.string().regex(/^[\w.@-]{2,64}$/),
  displayName: z.string().min(1).max(100),
  password: z.string().max(200),
  role: z.enum(ROLES as ["preparer", "department-approver", "finance-reviewer", "admin"]),
  unitId: id.optional(),
  departmentId: id.optional(),
  divisionId: id.optional(),
});

export function userRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = (req: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(req);
    if (!canInRegion(user.actor, "region.manage", user.actor.regionId)) throw forbidden();
    return user;
  };

  r.get("/api/users", { schema: { tags: ["users"], summary: "本区划用户 / users of the admin's region", response: answers(usersAnswer) } }, async (req) => {
    const user = admin(req);
    return { users: (await listUsers(app.ctx.db, user.actor.regionId)).map(publicUser) };
  });

  r.post("/api/users", { schema: { tags: ["users"], summary: "新建用户 / create a user in the admin's region", body: newUser, response: createdAnswers(userAnswer) } }, async (req, reply) => {
    const user = admin(req);
    const b = req.body;
    const region = user.actor.regionId;
    checkPasswordPolicy(b.password);
    // Tenancy of the new account: it must lie inside the admin's region, and match the role.
    let departmentId: number | null = null;
    let unitId: number | null = null;
    let divisionId: number | null = null;
    if (b.role === "preparer") {
      const unit = b.unitId ? await getUnit(app.ctx.db, b.unitId) : undefined;
      const dept = unit && (await getDepartment(app.ctx.db, unit.departmentId));
      if (!unit || !dept || dept.regionId !== region) throw new AppError("invalid", "单位填报用户须属于本区划的一个单位（unitId） / a preparer needs a unit of this region (unitId)");
      unitId = unit.id;
      departmentId = dept.departmentId;
    } else if (b.role === "department-approver") {
      const dept = b.departmentId ? await getDepartment(app.ctx.db, b.departmentId) : undefined;
      if (!dept || dept.regionId !== region) throw new AppError("invalid", "部门审核用户须属于本区划的一个部门（departmentId） / a department approver needs a department of this region");
      departmentId = dept.departmentId;
    } else if (b.role === "finance-reviewer") {
      const div = b.divisionId ? await getDivision(app.ctx.db, b.divisionId) : undefined;
      if (!div || div.regionId !== region) throw new AppError("invalid", "财政审核用户须属于本区划的一个业务科室（divisionId） / a finance reviewer needs a division of this region");
      divisionId = div.id;
    }
    const passwordHash = await hashPassword(b.password);
    const created = await app.ctx.db.transaction().execute(async (trx) => {
      const newId = await createUser(trx, { username: b.username, displayName: b.displayName, passwordHash, role: b.role, regionId: region, departmentId, unitId, divisionId });
      await audit(trx, req, "users.create", `user:${newId}`, { username: b.username, role: b.role, departmentId, unitId, divisionId });
      return (await getUser(trx, newId))!;
    });
    reply.code(201);
    return { user: publicUser(created) };
  });

  r.post(
    "/api/users/:id/disable",
    { schema: { tags: ["users"], summary: "停用或启用用户 / disable (or re-enable) a user; ends their sessions", params: idParams, body: z.object({ disabled: z.boolean().default(true) }), response: answers(userAnswer) } },
    async (req) => {
      const user = admin(req);
      const target = await getUser(app.ctx.db, req.params.id);
      if (!target || target.region_id !== user.actor.regionId) throw notFound("用户 / user");
      if (target.id === user.actor.userId) throw new AppError("invalid", "不能停用自己 / you cannot disable yourself");
      await app.ctx.db.transaction().execute(async (trx) => {
        await setDisabled(trx, target.id, req.body.disabled);
        if (req.body.disabled) await deleteUserSessions(trx, target.id);
        await audit(trx, req, req.body.disabled ? "users.disable" : "users.enable", `user:${target.id}`);
      });
      return { user: publicUser({ ...target, disabled: req.body.disabled }) };
    },
  );
}
