/**
 * 网页托管 — the built web app at `/`: hashed assets cached for a year, index.html revalidated, client
 * routes answered with index.html, API paths still answered with the JSON error; the public figures
 * behind the portal (regions, a publication's figures, a region's overview) with ETags.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillFacts } from "../../src/server/facts-backfill.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { pgliteBackend } from "../store/databases.ts";
import { type World, buildWorld } from "./world.ts";

describe("web app and portal figures", () => {
  let w: World;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "yusuan-web-"));
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "index.html"), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, "assets", "index-abc123.js"), "console.log(1)");
    w = await buildWorld(pgliteBackend, { webDir: dir });
    await insertPublication(w.db.db, {
      budgetId: w.budget, budgetVersion: 1, publishedOn: "2021-03-01", publishedBy: null, changeNote: null, regionId: w.regionA, year: 2021,
      departmentCode: "313", departmentName: "社创办", title: "2021年度部门预算",
      files: [{ scope: "department", format: "json", fileName: "disclosure.json", contentType: "application/json", content: new TextEncoder().encode("{}"), sha256: "0".repeat(64) }],
    });
    // as publishing does: the figures once as facts, from the version published
    await backfillFacts(w.db.db);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves index.html for / and client routes, revalidated on every visit", async () => {
    for (const url of ["/", "/p/1", "/budgets/3?x=1", "/login"]) {
      const res = await w.clients.anonymous.request("GET", url, undefined, { accept: "text/html,application/xhtml+xml" });
      expect([url, res.statusCode, res.headers["content-type"], res.headers["cache-control"]]).toEqual([url, 200, expect.stringContaining("text/html"), "no-cache"]);
      expect(res.body).toContain('id="root"');
    }
  });

  it("caches hashed assets for a year", async () => {
    const res = await w.clients.anonymous.request("GET", "/assets/index-abc123.js");
    expect([res.statusCode, res.headers["cache-control"]]).toEqual([200, "public, max-age=31536000, immutable"]);
    expect((await w.clients.anonymous.request("GET", "/assets/missing.js")).statusCode).toBe(404);
  });

  it("keeps JSON errors for API paths and for clients that do not want HTML", async () => {
    const api = await w.clients.anonymous.request("GET", "/api/nothing-here", undefined, { accept: "text/html" });
    expect([api.statusCode, api.json().error.code]).toEqual([404, "not-found"]);
    const json = await w.clients.anonymous.request("GET", "/p/1", undefined, { accept: "application/json" });
    expect([json.statusCode, json.json().error.code]).toEqual([404, "not-found"]);
  });

  it("adds up a publication's figures from the version it published, with an ETag", async () => {
    const res = await w.clients.anonymous.request("GET", "/api/public/publications/1/figures");
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ publicationId: 1, year: 2021, departmentCode: "313", total: 4_117_910_000, basic: 182_880_000, project: 3_935_030_000 });
    expect(f.byClass.reduce((s: number, c: { amount: number }) => s + c.amount, 0)).toBe(f.total);
    expect(f.projects.reduce((s: number, p: { amount: number }) => s + p.amount, 0)).toBe(f.project);
    expect(f.years).toEqual([{ year: 2021, publicationId: 1, total: f.total, basic: f.basic, project: f.project }]);
    const again = await w.clients.anonymous.request("GET", "/api/public/publications/1/figures", undefined, { "if-none-match": res.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect((await w.clients.anonymous.request("GET", "/api/public/publications/999/figures")).statusCode).toBe(404);
  });

  it("lists regions with publications and adds up a region's departments", async () => {
    const regions = (await w.clients.anonymous.request("GET", "/api/public/regions")).json().regions;
    expect(regions).toEqual([{ id: w.regionA, code: "410311", name: "洛阳市洛龙区", level: "county", parentId: null, publications: 1, years: [2021] }]);
    const o = (await w.clients.anonymous.request("GET", "/api/public/regions/410311/overview")).json();
    expect(o).toMatchObject({ year: 2021, years: [2021], total: 4_117_910_000, departmentCount: 1, departments: [{ publicationId: 1, code: "313", rank: 1, total: 4_117_910_000 }] });
    expect((await w.clients.anonymous.request("GET", "/api/public/regions/999999/overview")).statusCode).toBe(404);
  });
});
