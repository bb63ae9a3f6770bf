/**
 * 安全响应头 — helmet's headers, computed once, are exactly what helmet's middleware sets on a real
 * response; every JSON answer (a read, an error, a 404) carries OWASP's API set and every other answer
 * (a page, a file a browser may render, a 304) helmet's.
 */
import { createServer } from "node:http";
import helmet from "helmet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSecurityHeaders, isJsonType, securityHeaders } from "../../src/server/security-headers.ts";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld } from "./world.ts";

const OPTIONS = [{}, { contentSecurityPolicy: { directives: { "upgrade-insecure-requests": null } } }, { hsts: false }];

/** The headers helmet's middleware leaves on a real node:http response (minus what node adds itself). */
async function helmetOnARealResponse(options: object): Promise<Record<string, string>> {
  const server = createServer((req, res) => helmet(options)(req, res, () => res.end()));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    const out: Record<string, string> = {};
    for (const [k, v] of res.headers) if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(k)) out[k] = v;
    return out;
  } finally {
    server.close();
  }
}

describe("security headers", () => {
  it.each(OPTIONS)("are what helmet sets on a real response (%j)", async (options) => {
    expect(securityHeaders(options)).toEqual(await helmetOnARealResponse(options));
  });

  it("for JSON: a CSP that allows nothing, no framing, nosniff, and HSTS only when the document set has it", () => {
    expect(apiSecurityHeaders(securityHeaders({}))).toEqual({
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "strict-transport-security": "max-age=31536000; includeSubDomains",
    });
    expect(apiSecurityHeaders(securityHeaders({ hsts: false }))["strict-transport-security"]).toBeUndefined();
  });

  it("tell JSON from everything else by the content type", () => {
    for (const t of ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/problem+json", "application/vnd.api+json; charset=utf-8"]) expect([t, isJsonType(t)]).toEqual([t, true]);
    for (const t of [undefined, "", "text/html; charset=utf-8", "text/json-ish", "application/pdf", "application/javascript", "text/plain", "application/jsonp", 42]) expect([t, isJsonType(t)]).toEqual([t, false]);
  });
});

describe.each(BACKENDS)("security headers on every answer ($name)", (backend) => {
  let plain: World;
  let secure: World;
  beforeAll(async () => {
    plain = await buildWorld(backend);
    secure = await buildWorld(backend, { secureCookies: true });
  }, 180_000);
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it("JSON answers (a read, an error, a 404) carry the API set; upgrade-insecure-requests only behind HTTPS", async () => {
    const read = await plain.clients.preparer.request("GET", `/api/budgets/${plain.budget}`);
    const refused = await plain.clients.anonymous.request("GET", `/api/budgets/${plain.budget}`);
    const missing = await plain.clients.anonymous.request("GET", "/api/no-such-thing");
    expect([read.statusCode, refused.statusCode, missing.statusCode]).toEqual([200, 401, 404]);
    const document = securityHeaders({ contentSecurityPolicy: { directives: { "upgrade-insecure-requests": null } } });
    const api = apiSecurityHeaders(document);
    for (const res of [read, refused, missing]) {
      for (const [k, v] of Object.entries(api)) expect([k, res.headers[k]]).toEqual([k, v]);
      for (const k of ["referrer-policy", "x-dns-prefetch-control", "cross-origin-opener-policy"]) expect([k, res.headers[k]]).toEqual([k, undefined]);
    }
    expect(document["content-security-policy"]).toContain("script-src 'self'");
    expect(document["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    const page = await secure.clients.anonymous.request("GET", "/api/docs");
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(page.headers["x-dns-prefetch-control"]).toBe("off");
  });

  it("an HTML page, a rendered file and an answer without a content type carry helmet's set", async () => {
    const document = securityHeaders({ contentSecurityPolicy: { directives: { "upgrade-insecure-requests": null } } });
    const page = await plain.clients.anonymous.request("GET", "/api/docs");
    const xlsx = await plain.clients.preparer.request("GET", `/api/budgets/${plain.budget}/render/xlsx`);
    const redirect = await plain.clients.anonymous.request("GET", "/api/docs/static/index.html");
    expect([page.statusCode, page.headers["content-type"], xlsx.statusCode, redirect.statusCode, redirect.headers["content-type"]]).toEqual([200, "text/html; charset=utf-8", 200, 302, undefined]);
    for (const res of [page, xlsx, redirect]) for (const [k, v] of Object.entries(document)) expect([res.statusCode, k, res.headers[k]]).toEqual([res.statusCode, k, v]);
  });
});
