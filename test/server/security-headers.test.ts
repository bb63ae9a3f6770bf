/**
 * 安全响应头 — helmet's headers, computed once, are exactly what helmet's middleware sets on a real
 * response, and every kind of answer carries them: an API read, an error, a published file.
 */
import { createServer } from "node:http";
import helmet from "helmet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../../src/server/security-headers.ts";
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
});

describe.each(BACKENDS)("security headers on every answer ($name)", (backend) => {
  let plain: World;
  let secure: World;
  beforeAll(async () => {
    plain = await buildWorld(backend);
    secure = await buildWorld(backend, { secureCookies: true });
  }, 60_000);
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it("an API read, an error and a 404 carry the same set; upgrade-insecure-requests only behind HTTPS", async () => {
    const read = await plain.clients.preparer.request("GET", `/api/budgets/${plain.budget}`);
    const refused = await plain.clients.anonymous.request("GET", `/api/budgets/${plain.budget}`);
    const missing = await plain.clients.anonymous.request("GET", "/api/no-such-thing");
    expect([read.statusCode, refused.statusCode, missing.statusCode]).toEqual([200, 401, 404]);
    const expected = securityHeaders({ contentSecurityPolicy: { directives: { "upgrade-insecure-requests": null } } });
    for (const res of [read, refused, missing]) for (const [k, v] of Object.entries(expected)) expect([k, res.headers[k]]).toEqual([k, v]);
    expect(expected["content-security-policy"]).toContain("script-src 'self'");
    expect(expected["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(expected["x-content-type-options"]).toBe("nosniff");
    const behindHttps = await secure.clients.anonymous.request("GET", "/api/health");
    expect(behindHttps.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});
