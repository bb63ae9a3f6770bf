/**
 * 区划管理 — an administrator's regions: their own and every region under it (a province's administrator
 * manages its cities and counties), and adding a region under one of them. Departments are created in any
 * region within reach (routes/tenancy.ts, `regionId`).
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { created, regionsAnswer } from "../../contract/index.ts";
import { canInRegion, inReach } from "../../core/workflow.ts";
import { RegionTreeError, addRegion, getRegionByCode, regionSubtree } from "../../store/repos/regions.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../auth/session.ts";
import { AppError, forbidden } from "../errors.ts";
import { answers, createdAnswers, id } from "./schemas.ts";

export function regionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;
  const admin = (req: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(req);
    if (!canInRegion(user.actor, "region.manage", user.actor.regionId)) throw forbidden();
    return user.actor;
  };

  r.get("/api/regions", { schema: { tags: ["organisation"], summary: "本级及所辖区划 / the administrator's region and every region under it", response: answers(regionsAnswer) } }, async (req) => {
    const actor = admin(req);
    const ids = await regionSubtree(db(), actor.regionId);
    const rows = await db()
      .selectFrom("regions as g")
      .leftJoin("departments as d", "d.region_id", "g.id")
      .select(["g.id", "g.code", "g.name", "g.level", "g.parent_id"])
      .select((eb) => eb.fn.count<number>("d.id").as("n"))
      .where("g.id", "in", ids)
      .groupBy(["g.id", "g.code", "g.name", "g.level", "g.parent_id"])
      .orderBy("g.code")
      .execute();
    return { regions: rows.map((g) => ({ id: g.id, code: g.code, name: g.name, level: g.level, parentId: g.parent_id, departments: Number(g.n) })) };
  });

  r.post(
    "/api/regions",
    {
      schema: {
        tags: ["organisation"],
        summary: "新建下级区划 / add a region under one within reach (its level follows: 省 → 市 → 县/区)",
        body: z.object({ code: z.string().regex(/^[0-9]{6,12}$/).describe("区划代码"), name: z.string().trim().min(1).max(100), parentId: id }),
        response: createdAnswers(created),
      },
    },
    async (req, reply) => {
      const actor = admin(req);
      if (!inReach(actor, req.body.parentId)) throw forbidden("只能在本级及所辖区划下新建 / only under your region or one below it");
      if (await getRegionByCode(db(), req.body.code)) throw new AppError("conflict", `区划代码 ${req.body.code} 已存在 / region code already exists`);
      const newId = await db().transaction().execute(async (trx) => {
        const n = await addRegion(trx, req.body).catch((e: unknown) => {
          throw e instanceof RegionTreeError ? new AppError("invalid", e.message) : e;
        });
        await audit(trx, req, "organisation.region.create", `region:${n}`, req.body, req.body.parentId);
        return n;
      });
      reply.code(201);
      return { id: newId };
    },
  );
}
