/**
 * Open data over HTTP: the facts API's filters and pages add up to what was published; a publication's and
 * a region-year's Fiscal Data Package pass the published profiles and its CSV (the package's relative path,
 * resolved against the package's own address) adds up to the publication's totals.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetTotals } from "../../src/core/facts.ts";
import { parseDecimal, sum } from "../../src/core/money.ts";
import { backfillFacts } from "../../src/server/facts-backfill.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { profileErrors } from "../support/fdp-profiles.ts";
import { pgliteBackend } from "../store/databases.ts";
import { type World, buildWorld, sampleBudget } from "../server/world.ts";

describe("open data API", () => {
  let w: World;
  let pid: number;
  const sample = sampleBudget();
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend);
    pid = (
      await insertPublication(w.db.db, {
        budgetId: w.budget, budgetVersion: 1, publishedOn: "2021-03-01", publishedBy: null, changeNote: null, regionId: w.regionA, year: 2021,
        departmentCode: "313", departmentName: "社创办", title: "社创办2021年度部门预算", files: [],
      })
    ).id;
    await backfillFacts(w.db.db);
  }, 180_000);
  afterAll(async () => w?.close());
  const get = (url: string) => w.clients.anonymous.request("GET", url);

  it("filters and pages the facts; the pages add up to the filter's sum", async () => {
    const want = sample.lineItems.filter((l) => l.functional.startsWith("208"));
    const first = (await get("/api/public/facts?year=2021&region=410311&functional=208&pageSize=4")).json();
    expect([first.count, first.amount]).toEqual([want.length, sum(want.map((l) => l.amount))]);
    let seen = 0;
    for (let page = 1; (page - 1) * 4 < first.count; page++) {
      const p = (await get(`/api/public/facts?year=2021&region=410311&functional=208&pageSize=4&page=${page}`)).json();
      seen += p.facts.reduce((s: number, f: { amount: number }) => s + f.amount, 0);
      expect(p.facts.every((f: { functional: string; regionCode: string }) => f.functional.startsWith("208") && f.regionCode === "410311")).toBe(true);
    }
    expect(seen).toBe(first.amount);
    expect((await get("/api/public/facts?region=410302")).json().count).toBe(0);
    const missing = await get("/api/public/facts?region=999999");
    expect([missing.statusCode, missing.json().error.message]).toEqual([404, expect.stringContaining("区划")]);
    expect((await get("/api/public/facts?pageSize=100000")).statusCode).toBe(400);
  });

  for (const base of ["publications/:id", "regions/410311/2021"]) {
    it(`serves ${base} as a valid Fiscal Data Package whose CSV adds up to the totals`, async () => {
      const at = `/api/public/open-data/${base.replace(":id", () => String(pid))}`;
      const pkgRes = await get(`${at}/datapackage.json`);
      expect(pkgRes.statusCode).toBe(200);
      const pkg = pkgRes.json();
      expect(profileErrors(pkg)).toEqual([]);
      const csv = await get(`${at}/${pkg.resources[0].path}`);
      expect([csv.statusCode, csv.headers["content-type"]]).toEqual([200, "text/csv; charset=utf-8"]);
      const rows: Record<string, string>[] = parse(csv.body, { columns: true });
      const t = budgetTotals(sample);
      expect(sum(rows.map((r) => parseDecimal(r.amount!, "元")))).toBe(t.total);
      expect(sum(rows.filter((r) => r.nature === "project").map((r) => parseDecimal(r.amount!, "元")))).toBe(t.project);
      expect(new Set(rows.map((r) => r.region_code))).toEqual(new Set(["410311"]));
      const xlsx = await get(`${at}/facts.xlsx`);
      expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, "PK"]);
    });
  }
});
