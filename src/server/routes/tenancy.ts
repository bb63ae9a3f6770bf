/**
 * 机构设置 — the region's administrator sets up its structure: 业务科室, 部门, 单位, and which division
 * reviews which department. Everything is created inside the administrator's own region.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { created, divisionsAnswer, ok, regionTemplateAnswer } from "../../contract/index.ts";
import { canInRegion, inReach } from "../../core/workflow.ts";
import { TEMPLATE_IDS, templateById } from "../../core/templates/index.ts";
import { assignDepartment, createDepartment, createDivision, createUnit, findDepartmentByCode, getDepartment, getDivision, listDivisions, regionTemplate, setRegionTemplate } from "../../store/repos/tenancy.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../auth/session.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { answers, createdAnswers, id } from "./schemas.ts";

const code = z.string().regex(/^[0-9A-Za-z-]{1,32}$/);
const name = z.string().trim().min(1).max(200);

export function tenancyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;
  const admin = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (!canInRegion(user.actor, "region.manage", user.actor.regionId)) throw forbidden();
    return user.actor;
  };
  /** A department of the admin's region, or 404. */
  const ownDepartment = async (regionId: number, departmentId: number) => {
    const d = await getDepartment(db(), departmentId);
    if (!d || d.regionId !== regionId) throw notFound("部门 / department");
    return d;
  };

  r.get("/api/divisions", { schema: { tags: ["organisation"], summary: "业务科室及其负责的部门 / finance divisions and their departments", response: answers(divisionsAnswer) } }, async (req) => {
    return { divisions: await listDivisions(db(), admin(req).regionId) };
  });

  r.get(
    "/api/region/template",
    { schema: { tags: ["organisation"], summary: "本区划的公开模板 / the disclosure template this region publishes in", response: answers(regionTemplateAnswer) } },
    async (req) => {
      const template = await regionTemplate(db(), admin(req).regionId);
      return { template, name: templateById(template).name };
    },
  );

  r.put(
    "/api/region/template",
    {
      schema: {
        tags: ["organisation"],
        summary: "设定本区划的公开模板 / set the disclosure template this region publishes in",
        body: z.object({ template: z.enum(TEMPLATE_IDS as [string, ...string[]]) }),
        response: answers(regionTemplateAnswer),
      },
    },
    async (req) => {
      const actor = admin(req);
      await db().transaction().execute(async (trx) => {
        await setRegionTemplate(trx, actor.regionId, req.body.template);
        await audit(trx, req, "organisation.region.template", `region:${actor.regionId}`, req.body);
      });
      return { template: req.body.template, name: templateById(req.body.template).name };
    },
  );

  r.post("/api/divisions", { schema: { tags: ["organisation"], summary: "新建业务科室 / create a finance division", body: z.object({ name }), response: createdAnswers(created) } }, async (req, reply) => {
    const actor = admin(req);
    const newId = await db().transaction().execute(async (trx) => {
      const n = await createDivision(trx, actor.regionId, req.body.name);
      await audit(trx, req, "organisation.division.create", `division:${n}`, req.body);
      return n;
    });
    reply.code(201);
    return { id: newId };
  });

  r.post(
    "/api/departments",
    {
      schema: {
        tags: ["organisation"],
        summary: "新建部门 / create a department (optionally assigned to a division; in the admin's region or, with regionId, one under it)",
        body: z.object({ code, name, divisionId: id.optional(), regionId: id.optional().describe("所属区划 (default: the administrator's own)") }),
        response: createdAnswers(created),
      },
    },
    async (req, reply) => {
      const actor = admin(req);
      const regionId = req.body.regionId ?? actor.regionId;
      if (!inReach(actor, regionId)) throw forbidden("只能在本级及所辖区划新建部门 / only in your region or one below it");
      if (await findDepartmentByCode(db(), regionId, req.body.code)) throw new AppError("conflict", `部门编码 ${req.body.code} 已存在 / department code already exists`);
      const division = req.body.divisionId ? await getDivision(db(), req.body.divisionId) : undefined;
      if (req.body.divisionId && division?.regionId !== regionId) throw new AppError("invalid", "业务科室不属于该区划 / the division is not in that region");
      const newId = await db().transaction().execute(async (trx) => {
        const n = await createDepartment(trx, regionId, req.body.code, req.body.name);
        if (division) await assignDepartment(trx, division.id, n);
        await audit(trx, req, "organisation.department.create", `department:${n}`, req.body, regionId);
        return n;
      });
      reply.code(201);
      return { id: newId };
    },
  );

  r.post(
    "/api/departments/:id/units",
    { schema: { tags: ["organisation"], summary: "新建单位 / create a unit of a department", params: z.object({ id }), body: z.object({ code, name }), response: createdAnswers(created) } },
    async (req, reply) => {
      const actor = admin(req);
      const d = await ownDepartment(actor.regionId, req.params.id);
      const exists = await db().selectFrom("units").select("id").where("department_id", "=", d.departmentId).where("code", "=", req.body.code).executeTakeFirst();
      if (exists) throw new AppError("conflict", `单位编码 ${req.body.code} 已存在 / unit code already exists`);
      const newId = await db().transaction().execute(async (trx) => {
        const n = await createUnit(trx, d.departmentId, req.body.code, req.body.name);
        await audit(trx, req, "organisation.unit.create", `unit:${n}`, { departmentId: d.departmentId, ...req.body });
        return n;
      });
      reply.code(201);
      return { id: newId };
    },
  );

  r.put(
    "/api/departments/:id/division",
    { schema: { tags: ["organisation"], summary: "指定负责的业务科室 / assign the department to a finance division", params: z.object({ id }), body: z.object({ divisionId: id }), response: answers(ok) } },
    async (req) => {
      const actor = admin(req);
      const d = await ownDepartment(actor.regionId, req.params.id);
      const division = await getDivision(db(), req.body.divisionId);
      if (!division || division.regionId !== actor.regionId) throw new AppError("invalid", "业务科室不属于本区划 / the division is not in this region");
      await db().transaction().execute(async (trx) => {
        await assignDepartment(trx, division.id, d.departmentId);
        await audit(trx, req, "organisation.department.assign", `department:${d.departmentId}`, { divisionId: division.id });
      });
      return { ok: true as const };
    },
  );
}
