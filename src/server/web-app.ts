/**
 * 网页 — the built web app (dist/web, `npm run build:web`) served at `/` by the API server: files under
 * /assets/ carry a content hash in their name and are cached for a year; index.html is revalidated on
 * every visit (ETag), so a new build is picked up at once. Any other GET that is not an API path and wants
 * HTML gets index.html (the app routes on the client). Brotli/gzip variants made at build time are served
 * to clients that accept them.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../dist/web", import.meta.url));

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/** Registers the app's files when `dir` holds a build; answers whether it did. */
export async function registerWebApp(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!existsSync(`${dir}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: true,
    index: "index.html",
    cacheControl: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header("cache-control", /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}

/** Sends the single-page app's entry for a client-side route; false when the request is not one. */
export function spaFallback(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = req.url.split("?")[0] ?? "";
  if (path.startsWith("/api/") || path === "/api" || path.startsWith("/assets/")) return false;
  if (!/text\/html|\*\/\*/.test(req.headers.accept ?? "")) return false;
  void reply.header("cache-control", REVALIDATE).type("text/html; charset=utf-8").sendFile("index.html");
  return true;
}
