/**
 * 与上一份公开文件核对 — GET /api/public/publications/:id/compare: a publication against its predecessor
 * (the same department's publication of the year before, else the previous version), by the cross-document
 * checks of the audit (src/server/cross-publications.ts). Anonymous like every public read: it reads only the
 * department documents anyone may download. Publications never change: the findings of a pair compared are
 * kept (a bounded number of pairs), so a repeated request audits nothing.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicationComparison } from "../../contract/index.ts";
import { comparePublications, keptComparisons } from "../cross-publications.ts";
import { notFound } from "../errors.ts";
import { answers, id } from "./schemas.ts";

export function publicCompareRoutes(app: FastifyInstance): void {
  const kept = keptComparisons();
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/public/publications/:id/compare",
    {
      schema: {
        tags: ["public"],
        summary: "与上一份公开文件核对 / a publication against its predecessor (last year's, else the previous version): cross-document findings",
        params: z.object({ id }),
        response: answers(publicationComparison),
      },
    },
    async (req) => {
      const comparison = await comparePublications(app.ctx.db, req.params.id, kept);
      if (!comparison) throw notFound("公开版本 / publication");
      return comparison;
    },
  );
}
