/**
 * 公开文件审核 — audit a published disclosure document someone uploads (the same engine as `yusuan audit`):
 * every inconsistency with its place. Signed-in users only (it costs CPU; it reads no tenant's data). The
 * catalog is the user's region's for the document's year — built-in or loaded — and none for a year with
 * neither (codes then go unchecked, as on the command line). The upload is also checked against the region's
 * publications of the same department (`across`: last year's 上年 figures, a 决算's 年初预算).
 */
import { basename } from "node:path";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { auditAnswer } from "../../contract/index.ts";
import { auditDocument } from "../../audit/core/audit.ts";
import { crossDocument } from "../../audit/core/cross/checks.ts";
import { SUPPORTED_EXTENSIONS } from "../../audit/importers/index.ts";
import { scorecardRow } from "../../audit/report/scorecard.ts";
import { summarise } from "../../audit/report/summary.ts";
import { builtInCatalog } from "../../core/catalogs/index.ts";
import { catalogFiles } from "../../store/repos/catalogs.ts";
import { audit } from "../audit.ts";
import { compareWithPublications } from "../cross-publications.ts";
import { requireUser } from "../auth/session.ts";
import { AppError } from "../errors.ts";
import { readUpload } from "../upload.ts";
import { answers } from "./schemas.ts";

export function auditDocumentRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/audit",
    {
      schema: {
        tags: ["audit of documents"],
        summary: `审核公开文件 / audit an uploaded disclosure document (multipart field \`file\`: ${SUPPORTED_EXTENSIONS.join(" ")})`,
        consumes: ["multipart/form-data"],
        response: answers(auditAnswer),
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const upload = await readUpload(req, app.ctx.options.maxUploadBytes);
      const name = basename(upload.fileName).replace(/[^\w.\u4e00-\u9fff（）()-]/g, "_");
      const ext = name.slice(name.lastIndexOf(".")).toLowerCase();
      if (!SUPPORTED_EXTENSIONS.includes(ext)) throw new AppError("unsupported", `不支持的文件格式 ${ext} / unsupported format; 可读取 / readable: ${SUPPORTED_EXTENSIONS.join(" ")}`);
      // read in a worker with time and memory limits (jobs/); the temp file's path is already left out
      const doc = await app.ctx.jobs.run("readDocument", { name, bytes: upload.bytes });
      const year = doc.meta.year;
      const hasCatalog = year !== undefined && (builtInCatalog(year) !== undefined || (await catalogFiles(app.ctx.db, actor.regionId, year)).length > 0);
      const catalog = hasCatalog ? await app.ctx.catalogs.get(app.ctx.db, actor.regionId, year!) : undefined;
      const result = auditDocument(doc, () => catalog);
      const { findings } = result;
      const summary = summarise(doc, findings);
      // 跨文件核对: against the region's publications of the same department (last year's, this year's, next year's)
      const across = await compareWithPublications(app.ctx.db, actor.regionId, crossDocument(name, result));
      await audit(app.ctx.db, req, "audit.document", null, { file: name, counts: summary.counts });
      return { summary, findings, scorecard: scorecardRow(doc, summary, findings), across } as z.output<typeof auditAnswer>;
    },
  );
}
