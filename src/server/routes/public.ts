/**
 * 公开查询 — anonymous reading of published budgets: a region's list, a publication's files and their
 * hashes, and the files themselves. Snapshots never change, so they are cached in memory and marked
 * immutable for HTTP caches too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ZodTypeProvider, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicationAnswer, regionPublicationsAnswer } from "../../contract/index.ts";
import { getPublication, getPublicationFile, listRegionPublications } from "../../store/repos/publications.ts";
import { findRegionByCode } from "../../store/repos/tenancy.ts";
import { notFound } from "../errors.ts";
import { type CachedFile, notModified, pickEncoding } from "../snapshot-cache.ts";
import { MAX_ID, answers, id, year } from "./schemas.ts";

/** A region's publications a page: the portal's list of a region takes one page (a 县 publishes a few hundred a year). */
const DEFAULT_PUBLICATIONS_PAGE = 500;
const MAX_PUBLICATIONS_PAGE = 1000;

export function publicRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = new Map<number, Awaited<ReturnType<typeof getPublication>>>();

  r.get(
    "/api/public/regions/:code/publications",
    {
      schema: {
        tags: ["public"],
        summary: "区划的公开预算 / a region's published budgets (every version), a page at a time",
        params: z.object({ code: z.string().max(32) }),
        querystring: z.object({
          year: year.optional(),
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(MAX_PUBLICATIONS_PAGE).default(DEFAULT_PUBLICATIONS_PAGE),
        }),
        response: answers(regionPublicationsAnswer),
      },
    },
    async (req) => {
      const region = await findRegionByCode(app.ctx.db, req.params.code);
      if (!region) throw notFound("区划 / region");
      const { page, pageSize } = req.query;
      const { rows, count } = await listRegionPublications(app.ctx.db, region.id, req.query.year, { page, pageSize });
      return { region, publications: rows, page, pageSize, count };
    },
  );

  r.get("/api/public/publications/:id", { schema: { tags: ["public"], summary: "公开版本及其文件和 sha256 / a publication with its files and hashes", params: z.object({ id }), response: answers(publicationAnswer) } }, async (req) => {
    let p = meta.get(req.params.id);
    if (!p) {
      p = await getPublication(app.ctx.db, req.params.id);
      if (!p) throw notFound("公开版本 / publication");
      meta.set(req.params.id, p);
    }
    return { publication: p };
  });

  // Reading a published file is the hot path (bench:api): the answer for each file and encoding, headers
  // and all, is made once (snapshot-cache.ts).
  r.get(
    "/api/public/publications/:id/files/:scope/:format",
    {
      schema: {
        tags: ["public"],
        summary: "公开文件 / a published file (scope: department or a unit code); immutable: ETag, If-None-Match → 304, brotli/gzip",
        params: fileParams,
      },
      validatorCompiler: () => checkFileParams,
    },
    (req, reply) => {
      const { id: pid, scope, format } = req.params;
      const key = `${pid}/${scope}/${format}`;
      const cached = app.ctx.snapshots.get(key);
      // A cached file is answered synchronously (no promise); the first read of a file loads it.
      if (cached) return void sendFile(req, reply, cached);
      return app.ctx.snapshots.load(key, () => getPublicationFile(app.ctx.db, pid, scope, format)).then((loaded) => {
        if (!loaded) throw notFound("公开文件 / published file");
        sendFile(req, reply, loaded);
      });
    },
  );
}

/** The file in the encoding the client prefers, or 304 when its copy is current. */
function sendFile(req: FastifyRequest, reply: FastifyReply, file: CachedFile): void {
  const v = file[pickEncoding(req.headers["accept-encoding"], file.compressible)];
  if (notModified(req.headers["if-none-match"], v.etag)) reply.code(304).headers(v.notModified).send();
  else reply.headers(v.headers).send(v.body);
}

const fileParams = z.object({ id, scope: z.string().max(64), format: z.string().max(16) });
const zodFileParams = validatorCompiler({ schema: fileParams, method: "GET", url: "", httpPart: "params" });

/**
 * The file route's params, checked by hand on this hot path (zod's parse was a tenth of the request's
 * cost): what `fileParams` accepts (zod's coerce is `Number()` too); anything else goes to zod, for the
 * same answer and error as on every route. `fileParams` stays the route's schema for the OpenAPI document.
 */
function checkFileParams(data: unknown): ReturnType<typeof zodFileParams> {
  const p = data as { id?: unknown; scope?: unknown; format?: unknown };
  const n = typeof p.id === "string" ? Number(p.id) : NaN;
  if (Number.isSafeInteger(n) && n > 0 && n <= MAX_ID && typeof p.scope === "string" && p.scope.length <= 64 && typeof p.format === "string" && p.format.length <= 16) {
    return { value: { id: n, scope: p.scope, format: p.format } };
  }
  return zodFileParams(data);
}
