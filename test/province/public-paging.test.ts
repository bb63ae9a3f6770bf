/**
 * Paging on the public path: a region's publications a page at a time (every publication once, in the
 * list's order, with the count), and the region-year CSV streamed one publication at a time by key,
 * several publications in the factRows order and adding up to their totals.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetFacts, budgetTotals } from "../../src/core/facts.ts";
import type { Budget } from "../../src/core/model.ts";
import { fen, parseDecimal } from "../../src/core/money.ts";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { writeFacts } from "../../src/store/repos/facts.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { createDepartment } from "../../src/store/repos/tenancy.ts";
import { pgliteBackend } from "../store/databases.ts";
import { type World, buildWorld, sampleBudget } from "../server/world.ts";

describe("public paging", () => {
  let w: World;
  const budgets: Budget[] = [];
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend);
    const db = w.db.db;
    const sample = sampleBudget();
    // seven departments of region A, two years each: 14 publications, each with its facts
    for (let d = 0; d < 7; d++) {
      const code = String(600 + ((d * 3) % 7)); // created out of code order
      const departmentId = await createDepartment(db, w.regionA, code, `部门${code}`);
      for (const year of [2021, 2022]) {
        const budget: Budget = { ...sample, year, lineItems: sample.lineItems.map((l) => ({ ...l, amount: fen(l.amount * (d + 1)) })) };
        if (year === 2021) budgets.push(budget);
        const budgetId = await createBudget(db, departmentId, year);
        await db.transaction().execute(async (trx) => {
          const p = await insertPublication(trx, { budgetId, budgetVersion: 1, publishedOn: `${year}-03-01`, publishedBy: null, changeNote: null, regionId: w.regionA, year, departmentCode: code, departmentName: `部门${code}`, title: `部门${code}${year}`, files: [] });
          await writeFacts(trx, { publicationId: p.id, budgetId, regionId: w.regionA, departmentId, year }, budgetFacts(budget), budgetTotals(budget), budget.prior);
        });
      }
    }
  }, 120_000);
  afterAll(async () => w?.close());
  const get = (url: string) => w.clients.anonymous.request("GET", url);

  it("pages a region's publications: each once, in the list's order, with the count", async () => {
    const all = (await get("/api/public/regions/410311/publications?pageSize=1000")).json();
    expect(all.count).toBe(14);
    expect(all.publications).toHaveLength(14);
    const order = all.publications.map((p: { year: number; department_code: string }) => `${p.year}-${p.department_code}`);
    expect(order).toEqual([...order].sort((a: string, b: string) => (a.slice(0, 4) === b.slice(0, 4) ? a.localeCompare(b) : b.localeCompare(a))));
    const paged: number[] = [];
    for (let page = 1; page <= 5; page++) {
      const p = (await get(`/api/public/regions/410311/publications?pageSize=3&page=${page}`)).json();
      expect([p.page, p.pageSize, p.count]).toEqual([page, 3, 14]);
      paged.push(...p.publications.map((x: { id: number }) => x.id));
    }
    expect(paged).toEqual(all.publications.map((x: { id: number }) => x.id));
    const y2022 = (await get("/api/public/regions/410311/publications?year=2022&pageSize=2")).json();
    expect([y2022.count, y2022.publications.length, y2022.publications.every((p: { year: number }) => p.year === 2022)]).toEqual([7, 2, true]);
    expect((await get("/api/public/regions/410311/publications?pageSize=1001")).statusCode).toBe(400);
    expect((await get("/api/public/regions/410311/publications?page=0")).statusCode).toBe(400);
  });

  it("streams a region-year's CSV one publication at a time, in department order, adding up", async () => {
    const csv = await get("/api/public/open-data/regions/410311/2021/facts.csv");
    expect(csv.statusCode).toBe(200);
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    const codes = rows.map((r) => r.department_code!);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(7);
    const total = rows.reduce((s, r) => s + parseDecimal(r.amount!, "元"), 0);
    expect(total).toBe(budgets.reduce((s, b) => s + budgetTotals(b).total, 0));
    expect(rows).toHaveLength(budgets.reduce((s, b) => s + budgetFacts(b).length, 0));
  });
});
