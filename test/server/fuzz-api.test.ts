/**
 * Fuzzing the API from its own OpenAPI document (issue 19): every documented route, with arbitrary path
 * parameters (huge, negative, NUL, lone surrogates, dots), queries and JSON bodies (deep, odd text, odd
 * numbers), as a signed-in user and anonymously. No answer may be a 5xx, and the server answers its health
 * check afterwards. The arbitraries (test/support/fuzz-api.ts) are shared with `npm run bench:hardening`.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteBackend } from "../store/databases.ts";
import { documentedRoutes, fuzzRequests, fuzzUrl } from "../support/fuzz-api.ts";
import { type World, buildWorld } from "./world.ts";

describe("fuzzing the API from its OpenAPI document", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend, { publishFormats: ["json"] });
  }, 180_000);
  afterAll(async () => w?.close());

  it("answers no 5xx to arbitrary requests on every documented route, and stays up", { timeout: 300_000 }, async () => {
    const routes = documentedRoutes(w.app);
    expect(routes.length).toBeGreaterThan(30);
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequests(routes), async (r) => {
        const who = r.anonymous ? w.clients.anonymous : r.route.path.includes("budgets") ? w.clients.preparer : w.clients.admin;
        const res = await who.request(r.route.method, fuzzUrl(r), r.body === undefined || r.route.method === "GET" ? undefined : r.body);
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) throw new Error(`${r.route.method} ${fuzzUrl(r)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      }),
      { numRuns: 400, seed: 19 },
    );
    expect((await w.clients.anonymous.request("GET", "/api/health")).statusCode).toBe(200);
    // the fuzzing reached past validation too, not only 400s
    expect([...seen.keys()].some((s) => s < 300 || s === 403 || s === 404 || s === 409 || s === 422)).toBe(true);
  });
});
