/**
 * 安全响应头 — helmet's headers (CSP, HSTS, nosniff, frame and referrer policies …), computed once by
 * helmet itself and set on every answer by one synchronous hook. @fastify/helmet would rebuild helmet's
 * middleware on every request (a fifth of a cached file's cost); the headers never vary here (no CSP
 * nonces), so once is enough.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** What helmet sets with these options, read from a response that only records header calls. */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let error: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (e?: unknown) => void (error = e));
  if (error) throw error;
  return Object.freeze(headers);
}

export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = securityHeaders(options);
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
