/**
 * 公开查询 — anonymous reading of published budgets: a region's list, a publication's files and their
 * hashes, and the files themselves. Snapshots never change, so they are cached in memory and marked
 * immutable for HTTP caches too.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { getPublication, getPublicationFile, listRegionPublications } from "../../store/repos/publications.ts";
import { findRegionByCode } from "../../store/repos/tenancy.ts";
import { notFound } from "../errors.ts";
import { pickEncoding } from "../snapshot-cache.ts";
import { id, year } from "./schemas.ts";

export function publicRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = new Map<number, Awaited<ReturnType<typeof getPublication>>>();

  r.get(
    "/api/public/regions/:code/publications",
    { schema: { tags: ["public"], summary: "区划的公开预算 / a region's published budgets (every version)", params: z.object({ code: z.string().max(32) }), querystring: z.object({ year: year.optional() }) } },
    async (req) => {
      const region = await findRegionByCode(app.ctx.db, req.params.code);
      if (!region) throw notFound("区划 / region");
      return { region, publications: await listRegionPublications(app.ctx.db, region.id, req.query.year) };
    },
  );

  r.get("/api/public/publications/:id", { schema: { tags: ["public"], summary: "公开版本及其文件和 sha256 / a publication with its files and hashes", params: z.object({ id }) } }, async (req) => {
    let p = meta.get(req.params.id);
    if (!p) {
      p = await getPublication(app.ctx.db, req.params.id);
      if (!p) throw notFound("公开版本 / publication");
      meta.set(req.params.id, p);
    }
    return { publication: p };
  });

  r.get(
    "/api/public/publications/:id/files/:scope/:format",
    { schema: { tags: ["public"], summary: "公开文件 / a published file (scope: department or a unit code)", params: z.object({ id, scope: z.string().max(64), format: z.string().max(16) }) } },
    async (req, reply) => {
      const { id: pid, scope, format } = req.params;
      const key = `${pid}/${scope}/${format}`;
      let cached = app.ctx.snapshots.get(key);
      if (!cached) {
        const file = await getPublicationFile(app.ctx.db, pid, scope, format);
        if (!file) throw notFound("公开文件 / published file");
        cached = app.ctx.snapshots.set(key, file);
      }
      const { file } = cached;
      const encoding = pickEncoding(req.headers["accept-encoding"], cached.compressible);
      const etag = `"${file.sha256}${encoding === "identity" ? "" : `-${encoding}`}"`;
      reply.header("etag", etag).header("vary", "accept-encoding").header("cache-control", "public, max-age=31536000, immutable").header("x-content-sha256", file.sha256);
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      if (encoding !== "identity") reply.header("content-encoding", encoding);
      return reply.header("content-type", file.contentType).send(cached[encoding]);
    },
  );
}
