/** 财政局工作台 — the desk (every department's budget of a year in reach), its import mapping, and the batch import. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { deskAnswer, deskImportAnswer, importMapping, importMappingAnswer } from "../../contract/index.ts";
import { DEFAULT_IMPORT_MAPPING, DESK_SORTS, IMPORT_FIELD_NAMES, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, REVIEW_REMINDER_DAYS, deskReminders, reminderText } from "../../core/desk.ts";
import { canInRegion } from "../../core/workflow.ts";
import { deskLate, deskPage, getImportMapping, saveImportMapping } from "../../store/repos/desk.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../auth/session.ts";
import { deskScope, importDesk, refreshChecks } from "../desk-service.ts";
import { forbidden } from "../errors.ts";
import { readUpload } from "../upload.ts";
import { answers, year } from "./schemas.ts";

const deskQuery = z.object({
  year,
  sort: z.enum(DESK_SORTS).default("department"),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  reviewDays: z.coerce.number().int().min(0).max(366).default(REVIEW_REMINDER_DAYS).describe("days a submitted budget may wait for review before it is a reminder"),
  today: z.iso.date().optional().describe("count days to this date (default: today, UTC)"),
});

const mappingAnswer = (mapping: z.infer<typeof importMapping> | undefined) => ({
  mapping: mapping ?? DEFAULT_IMPORT_MAPPING,
  saved: mapping !== undefined,
  fields: IMPORT_FIELDS.map((field) => ({ field, name: IMPORT_FIELD_NAMES[field], required: REQUIRED_IMPORT_FIELDS.includes(field) })),
});

export function deskRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;

  r.get("/api/desk", { schema: { tags: ["desk"], summary: "财政局工作台 / every department's budget of the year in reach: state, control figures, deadlines, findings; sorted and paginated", querystring: deskQuery, response: answers(deskAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    const scope = deskScope(actor);
    const q = req.query;
    const today = q.today ?? new Date().toISOString().slice(0, 10);
    await refreshChecks(app.ctx, scope, q.year);
    const { rows, counts } = await deskPage(db(), scope, { year: q.year, today, sort: q.sort, descending: q.order === "desc", page: q.page, pageSize: q.pageSize, reviewDays: q.reviewDays });
    const late = await deskLate(db(), scope, { year: q.year, today, reviewDays: q.reviewDays });
    return {
      year: q.year,
      today,
      reviewDays: q.reviewDays,
      sort: q.sort,
      order: q.order,
      page: q.page,
      pageSize: q.pageSize,
      counts,
      rows: rows.map((row) => ({ ...row, reminders: deskReminders(row, q.reviewDays) })),
      reminders: late.flatMap((row) =>
        deskReminders(row, q.reviewDays).map((kind) => ({ kind, departmentId: row.departmentId, departmentCode: row.departmentCode, departmentName: row.departmentName, budgetId: row.budgetId, message: reminderText(kind, row) })),
      ),
    };
  });

  r.get("/api/desk/mapping", { schema: { tags: ["desk"], summary: "导入列映射 / the region's saved column mapping for line-item imports (or the default)", response: answers(importMappingAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    if (!canInRegion(actor, "desk.import", actor.regionId)) throw forbidden();
    return mappingAnswer(await getImportMapping(db(), actor.regionId));
  });

  r.put("/api/desk/mapping", { schema: { tags: ["desk"], summary: "保存导入列映射 / save the region's column mapping", body: importMapping, response: answers(importMappingAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    if (!canInRegion(actor, "desk.import", actor.regionId)) throw forbidden();
    await db().transaction().execute(async (trx) => {
      await saveImportMapping(trx, actor.regionId, req.body, actor.userId);
      await audit(trx, req, "desk.mapping", `region:${actor.regionId}`, req.body, actor.regionId);
    });
    return mappingAnswer(req.body);
  });
}

/** The upload route (registered in the uploads scope, with the other upload routes' limits). */
export function deskImportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/desk/import",
    {
      schema: {
        tags: ["desk"],
        summary: "批量导入支出明细 / import many departments' line items (multipart field `file`: .csv or .xlsx) through the saved mapping; all or nothing per department",
        querystring: z.object({ year }),
        consumes: ["multipart/form-data"],
        response: answers(deskImportAnswer),
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      deskScope(actor);
      if (!canInRegion(actor, "desk.import", actor.regionId)) throw forbidden();
      const upload = await readUpload(req, app.ctx.options.maxUploadBytes);
      const mapping = (await getImportMapping(app.ctx.db, actor.regionId)) ?? DEFAULT_IMPORT_MAPPING;
      const departments = await importDesk(app.ctx, req, actor, req.query.year, upload.fileName, upload.bytes, mapping);
      req.log.info({ file: upload.fileName, departments: departments.length }, "desk import");
      return { file: upload.fileName, imported: departments.filter((d) => d.status === "imported").length, refused: departments.filter((d) => d.status === "refused").length, departments };
    },
  );
}
