/** 科目目录 — the catalog in force for a year, and loading the finance bureau's official file (admin). */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { catalogAnswer, catalogLoaded } from "../../contract/index.ts";
import { canInRegion } from "../../core/workflow.ts";
import { type CatalogKind, loadOfficialCatalog } from "../../formats/catalog-file.ts";
import { addCatalogFile, catalogFiles } from "../../store/repos/catalogs.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../auth/session.ts";
import { AppError, forbidden } from "../errors.ts";
import { readUpload } from "../upload.ts";
import { answers, createdAnswers, year } from "./schemas.ts";

const KINDS: readonly CatalogKind[] = ["functional", "department-economic", "government-economic"];

export function catalogRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/api/catalogs/:year", { schema: { tags: ["catalogs"], summary: "年度科目目录 / the year's catalog (built-in plus loaded official files)", params: z.object({ year }), response: answers(catalogAnswer) } }, async (req) => {
    const { actor } = requireUser(req);
    const index = await app.ctx.catalogs.get(app.ctx.db, actor.regionId, req.params.year);
    const c = index.catalog;
    const files = (await catalogFiles(app.ctx.db, actor.regionId, req.params.year)).map(({ content: _c, ...f }) => f);
    return {
      year: req.params.year,
      catalogYear: c.year,
      origin: c.origin,
      files,
      functional: c.functional,
      departmentEconomic: c.departmentEconomic,
      governmentEconomic: c.governmentEconomic,
      // the department → government economic mapping, so the web app can run the rules as people type
      mapping: c.mapping,
    };
  });

  r.post(
    "/api/catalogs/:year",
    { schema: { tags: ["catalogs"], summary: "载入正式目录 / load an official catalog file (multipart: file, kind, mode)", params: z.object({ year }), consumes: ["multipart/form-data"], response: createdAnswers(catalogLoaded) } },
    async (req, reply) => {
      const user = requireUser(req);
      if (!canInRegion(user.actor, "region.manage", user.actor.regionId)) throw forbidden();
      const upload = await readUpload(req, app.ctx.options.maxUploadBytes);
      const kind = (upload.fields.kind ?? "functional") as CatalogKind;
      const mode: "extend" | "replace" = upload.fields.mode === "replace" ? "replace" : "extend";
      if (!KINDS.includes(kind)) throw new AppError("invalid", `未知的目录类型 ${kind} / unknown catalog kind (${KINDS.join(", ")})`);
      // Read it once before storing: a file that cannot be read is refused whole.
      const base = await app.ctx.catalogs.get(app.ctx.db, user.actor.regionId, req.params.year);
      const dir = await mkdtemp(join(tmpdir(), "yusuan-upload-"));
      try {
        const path = join(dir, upload.fileName.replace(/[^\w.\u4e00-\u9fff-]/g, "_"));
        await writeFile(path, upload.bytes);
        await loadOfficialCatalog(base.catalog, [{ path, kind }], mode);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const fileId = await app.ctx.db.transaction().execute(async (trx) => {
        const n = await addCatalogFile(trx, user.actor.regionId, req.params.year, { kind, mode, fileName: upload.fileName, content: upload.bytes }, user.actor.userId);
        await audit(trx, req, "catalog.load", `catalog:${req.params.year}`, { kind, mode, file: upload.fileName });
        return n;
      });
      app.ctx.catalogs.invalidate(user.actor.regionId, req.params.year);
      reply.code(201);
      return { id: fileId, kind, mode, fileName: upload.fileName };
    },
  );
}
