/**
 * The HTTP API (Fastify 5): plugins, the session hook, the one error mapper and the routes. `buildApp`
 * takes an open database, so tests and `yusuan serve` build the same app.
 */
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { OpenDatabase } from "../store/database.ts";
import { registerAuthenticationGate, registerSessionHook } from "./auth/session.ts";
import { CatalogCache } from "./catalog-cache.ts";
import type { AppContext, ServerOptions } from "./context.ts";
import { mapError } from "./error-mapper.ts";
import { backfillFacts } from "./facts-backfill.ts";
import { auditDocumentRoutes } from "./routes/audit-documents.ts";
import { auditLogRoutes } from "./routes/audit-log.ts";
import { authRoutes } from "./routes/auth.ts";
import { budgetPartRoutes } from "./routes/budget-parts.ts";
import { budgetRoutes } from "./routes/budgets.ts";
import { catalogRoutes } from "./routes/catalogs.ts";
import { controlFigureRoutes } from "./routes/control-figures.ts";
import { deskImportRoutes, deskRoutes } from "./routes/desk.ts";
import { entryWorkbookRoutes } from "./routes/entry-workbook.ts";
import { executionRoutes } from "./routes/execution.ts";
import { finalAccountsPublicationRoutes, yearDocumentsRoutes } from "./routes/final-accounts-publications.ts";
import { healthRoutes } from "./routes/health.ts";
import { importRoutes } from "./routes/import.ts";
import { openDataRoutes } from "./routes/open-data.ts";
import { publicFigureRoutes } from "./routes/public-figures.ts";
import { publicCompareRoutes } from "./routes/public-compare.ts";
import { publicRoutes } from "./routes/public.ts";
import { regionRoutes } from "./routes/regions.ts";
import { renderRoutes } from "./routes/render.ts";
import { reviewRoutes } from "./routes/review.ts";
import { tenancyRoutes } from "./routes/tenancy.ts";
import { userRoutes } from "./routes/users.ts";
import { SnapshotCache } from "./snapshot-cache.ts";
import { PublicAnswers } from "./public-answers.ts";
import { publicStamp } from "../store/repos/facts.ts";
import { refuseLargeUploads } from "./upload.ts";
import { registerJsonBodyParser, registerUrlTextCheck } from "./json-body.ts";
import { DEFAULT_WEB_DIR, registerWebApp, spaFallback } from "./web-app.ts";
import { RENDERERS } from "../formats/renderers.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { JOB_LIMITS, workerPool } from "./jobs/runner.ts";

export const DEFAULT_OPTIONS: Required<ServerOptions> = {
  publishFormats: Object.keys(RENDERERS),
  loginRateLimit: 10,
  secureCookies: false,
  sessionHours: 12,
  maxUploadBytes: 20 * 1024 * 1024,
  jobLimits: JOB_LIMITS,
  jobWorkers: 2,
};

export interface BuildOptions extends ServerOptions {
  logger?: FastifyServerOptions["logger"];
  /** the built web app to serve at `/` (default dist/web; served only when it holds a build; false: none) */
  webDir?: string | false;
}

export async function buildApp(database: OpenDatabase, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { logger = false, webDir = DEFAULT_WEB_DIR, ...rest } = options;
  const app = Fastify({ logger, bodyLimit: 25 * 1024 * 1024 });
  const settings: Required<ServerOptions> = { ...DEFAULT_OPTIONS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    catalogs: new CatalogCache((m) => app.log.warn(m)),
    snapshots: new SnapshotCache(),
    publicAnswers: new PublicAnswers(() => publicStamp(database.db)),
    jobs: workerPool(settings.jobWorkers, settings.jobLimits),
    options: settings,
  };
  app.decorate("ctx", ctx);
  app.addHook("onClose", () => ctx.jobs.close());
  registerJsonBodyParser(app);
  registerUrlTextCheck(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The one place an error becomes an answer (error-mapper.ts).
  app.setErrorHandler((error, req, reply) => {
    const mapped = mapError(error);
    if (mapped.internal) req.log.error({ err: error }, "internal error");
    return reply.code(mapped.status).send(mapped.body);
  });
  let webApp = false;
  app.setNotFoundHandler((req, reply) => {
    if (webApp && spaFallback(req, reply)) return reply;
    return reply.code(404).send({ error: { code: "not-found", message: `没有这个接口 / no route ${req.method} ${req.url.split("?")[0]}`, details: null } });
  });

  await app.register(cookie);
  // The web app's scripts and styles are files of this origin; antd writes inline <style> (CSS-in-JS).
  // upgrade-insecure-requests only behind HTTPS: on plain http (a local start) it would break the page.
  registerSecurityHeaders(app, { contentSecurityPolicy: { directives: { "upgrade-insecure-requests": ctx.options.secureCookies ? [] : null } } });
  await app.register(swagger, {
    openapi: {
      info: { title: "Yusuan 预算 API", version: "0.1.0", description: "部门预算：填报、审核、批复、公开 / department budgets: preparation, review, approval, publication" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "yusuan_session" }, csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  registerSessionHook(app);
  registerAuthenticationGate(app);
  if (webDir) webApp = await registerWebApp(app, webDir);

  for (const routes of [healthRoutes, authRoutes, userRoutes, budgetRoutes, budgetPartRoutes, reviewRoutes, controlFigureRoutes, renderRoutes, publicRoutes, publicFigureRoutes, auditLogRoutes, tenancyRoutes, regionRoutes, openDataRoutes, entryWorkbookRoutes, deskRoutes, finalAccountsPublicationRoutes, yearDocumentsRoutes]) {
    routes(app);
  }
  publicCompareRoutes(app);
  // The routes that take an uploaded file, in their own scope: @fastify/multipart's parser and its three
  // asynchronous hooks (a listener on every response, promises before validation and after the answer)
  // serve these routes only, not every request.
  await app.register(async (uploads) => {
    refuseLargeUploads(uploads, ctx.options.maxUploadBytes);
    await uploads.register(multipart, { limits: { fileSize: ctx.options.maxUploadBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: 1024 } });
    for (const routes of [importRoutes, catalogRoutes, auditDocumentRoutes, executionRoutes, deskImportRoutes]) routes(uploads);
  });
  // publications made before facts existed get theirs once (src/server/facts-backfill.ts)
  await backfillFacts(ctx.db);
  await app.ready();
  return app;
}
