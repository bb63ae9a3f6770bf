/**
 * 安全响应头 — security headers on every answer, chosen by what the answer is.
 *
 * - A page or a file a browser may render (HTML, scripts, styles, PDF, spreadsheets …): helmet's headers
 *   (CSP, HSTS, nosniff, frame and referrer policies …), computed once by helmet itself.
 * - A JSON answer, which a browser never renders as a page: the set OWASP's REST Security Cheat Sheet
 *   gives for API responses — `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'`,
 *   `X-Frame-Options: DENY`, nosniff, HSTS. The rest of helmet's set acts only on rendered documents
 *   (the cheat sheet: "only intended to provide additional security when responses are rendered as
 *   HTML"), and every header costs every answer: half a microsecond each, a fifth of the cost of reading
 *   the published JSON document, the API's hot path.
 *
 * One synchronous onSend hook sets them, once the answer's content type is known. A route that has set
 * its own Content-Security-Policy keeps its headers. An answer without a content type (a 304, an empty
 * answer) gets the document set: a 304 refreshes the headers of whatever the browser cached.
 * @fastify/helmet would rebuild helmet's middleware on every request; the headers never vary here
 * (no CSP nonces), so once is enough.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

type Headers = Readonly<Record<string, string>>;

/** What helmet sets with these options, read from a response that only records header calls. */
export function securityHeaders(options: Readonly<HelmetOptions>): Headers {
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

/**
 * The headers of a JSON answer, OWASP's list for API responses: a CSP that allows nothing and no framing,
 * X-Frame-Options DENY for older browsers, nosniff, and HSTS as the document set has it.
 */
export function apiSecurityHeaders(document: Headers): Headers {
  const keep = ["x-content-type-options", "strict-transport-security"];
  return Object.freeze({
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
    ...Object.fromEntries(keep.filter((k) => document[k] !== undefined).map((k) => [k, document[k]!])),
  });
}

/** `application/json` and `application/<something>+json`, with or without parameters. */
export function isJsonType(contentType: unknown): boolean {
  if (typeof contentType !== "string") return false;
  const end = contentType.indexOf(";");
  const type = (end < 0 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const document = securityHeaders(options);
  const api = apiSecurityHeaders(document);
  app.addHook("onSend", (_req, reply, payload, done) => {
    if (!reply.hasHeader("content-security-policy")) reply.headers(isJsonType(reply.getHeader("content-type")) ? api : document);
    done(null, payload);
  });
}
