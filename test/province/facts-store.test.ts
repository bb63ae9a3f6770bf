/**
 * Facts in the database: a small province (省 → 2 市 → 县), published budgets written once as facts, and
 * the portal's SQL (ROLLUP, ranks, LAG, search) checked against sums computed here from the same budgets.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FactTotals, budgetFacts, budgetTotals, rollUpIncome } from "../../src/core/facts.ts";
import type { Budget } from "../../src/core/model.ts";
import { fen } from "../../src/core/money.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { byClassOf, rankDepartments, regionByClass, regionTotals, regionYears, searchFacts, writeFacts } from "../../src/store/repos/facts.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { RegionTreeError, addRegion, regionPath, regionSubtree } from "../../src/store/repos/regions.ts";
import { createDepartment } from "../../src/store/repos/tenancy.ts";
import type { Db } from "../../src/store/schema.ts";
import { BACKENDS } from "../store/databases.ts";

const sample = parseBudgetText(readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8"), "budget.yaml", "yaml");

/** The sample with every amount multiplied by `k`, in `year`; `transfer` moves the first line to 上级补助收入. */
function variant(k: number, year = 2021, transfer = false): Budget {
  const lineItems = sample.lineItems.map((l, i) => ({ ...l, amount: fen(l.amount * k), source: transfer && i === 0 ? ("superior-subsidy" as const) : l.source }));
  return { ...sample, year, income: undefined, lineItems };
}

async function publish(db: Db, regionId: number, departmentId: number, budget: Budget): Promise<number> {
  const budgetId = (await db.selectFrom("budgets").select("id").where("department_id", "=", departmentId).where("year", "=", budget.year).executeTakeFirst())?.id ?? (await createBudget(db, departmentId, budget.year));
  return db.transaction().execute(async (trx) => {
    const p = await insertPublication(trx, { budgetId, budgetVersion: 1, publishedOn: `${budget.year}-03-01`, publishedBy: null, changeNote: null, regionId, year: budget.year, departmentCode: "x", departmentName: "x", title: "t", files: [] });
    await writeFacts(trx, { publicationId: p.id, budgetId, regionId, departmentId, year: budget.year }, budgetFacts(budget), budgetTotals(budget), budget.prior);
    return p.id;
  });
}

const sumTotals = (ts: FactTotals[]) => ({
  total: ts.reduce((s, t) => s + t.total, 0),
  basic: ts.reduce((s, t) => s + t.basic, 0),
  income: ts.reduce((s, t) => s + rollUpIncome(t), 0),
  transfers: ts.reduce((s, t) => s + t.transfers, 0),
});

describe.each(BACKENDS)("facts on $name", (backend) => {
  it("rolls a region up with everything under it, once per yuan, current publications only", async () => {
    const { db } = await backend.open();
    const province = await addRegion(db, { code: "410000", name: "河南省" });
    const city = await addRegion(db, { code: "410300", name: "洛阳市", parentId: province });
    const city2 = await addRegion(db, { code: "410100", name: "郑州市", parentId: province });
    const county = await addRegion(db, { code: "410311", name: "洛龙区", parentId: city });
    await expect(addRegion(db, { code: "41031101", name: "街道", parentId: county })).rejects.toBeInstanceOf(RegionTreeError);
    expect((await regionPath(db, county)).map((r) => [r.code, r.level])).toEqual([["410000", "province"], ["410300", "city"], ["410311", "county"]]);
    expect((await regionSubtree(db, city)).sort()).toEqual([city, county].sort());

    const dCity = await createDepartment(db, city, "101", "市教育局");
    const dCounty = await createDepartment(db, county, "313", "社创办");
    const dCounty2 = await createDepartment(db, county, "314", "区民政局");
    const dCity2 = await createDepartment(db, city2, "101", "郑州市教育局");
    const budgets: [number, number, Budget][] = [
      [city, dCity, variant(3)],
      [county, dCounty, variant(1, 2021, true)],
      [county, dCounty2, variant(2)],
      [city2, dCity2, variant(5)],
    ];
    for (const [r, d, b] of budgets) await publish(db, r, d, b);
    // a superseded publication: the county department published 2× first, then the correction (1×)
    await publish(db, county, dCounty2, variant(7));
    await publish(db, county, dCounty2, variant(2));
    await publish(db, county, dCounty, variant(1, 2020));

    const expected = (rs: number[]) => sumTotals(budgets.filter(([r]) => rs.includes(r)).map(([, , b]) => budgetTotals(b)));
    const all = await regionTotals(db, province, 2021);
    expect(all.all).toMatchObject({ ...expected([city, city2, county]), departments: 4 });
    expect(all.all.transfers).toBe(sample.lineItems[0]!.amount);
    expect(all.all.income).toBe(all.all.total - all.all.transfers);
    expect(all.branches.find((b) => b.regionId === city)).toMatchObject(expected([city, county]));
    expect(all.branches.find((b) => b.regionId === city2)).toMatchObject(expected([city2]));
    const ofCity = await regionTotals(db, city, 2021);
    expect(ofCity.all).toMatchObject(expected([city, county]));
    expect(ofCity.branches.find((b) => b.regionId === null)).toMatchObject(expected([city]));

    const classes = await regionByClass(db, city, 2021);
    const oracle = new Map<string, number>();
    for (const [r, , b] of budgets) if (r === city || r === county) for (const l of b.lineItems) oracle.set(l.functional.slice(0, 3), (oracle.get(l.functional.slice(0, 3)) ?? 0) + l.amount);
    expect(classes).toEqual([...oracle].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, amount]) => ({ code, amount })));

    const page1 = await rankDepartments(db, province, 2021, { page: 1, pageSize: 2 });
    const page2 = await rankDepartments(db, province, 2021, { page: 2, pageSize: 2 });
    expect(page1.count).toBe(4);
    expect([...page1.rows, ...page2.rows].map((d) => [d.name, d.rank])).toEqual([["郑州市教育局", 1], ["市教育局", 2], ["区民政局", 3], ["社创办", 4]]);
    expect(page2.rows.find((d) => d.code === "313")?.priorTotal).toBe(budgetTotals(variant(1, 2020)).total);
    const perClass = await byClassOf(db, page1.rows.map((d) => d.publicationId));
    expect(Object.values(perClass.get(page1.rows[0]!.publicationId)!).reduce((s, x) => s + x, 0)).toBe(page1.rows[0]!.total);

    const years = await regionYears(db, county);
    expect(years.map((y) => y.year)).toEqual([2021, 2020]);
    expect(years[0]!.priorTotal).toBe(years[1]!.total);

    const found = await searchFacts(db, { year: 2021, regionId: city, functional: "208" }, { page: 1, pageSize: 3 });
    const want = budgets.filter(([r]) => r === city || r === county).flatMap(([, , b]) => b.lineItems.filter((l) => l.functional.startsWith("208")));
    expect(found.count).toBe(want.length);
    expect(found.amount).toBe(want.reduce((s, l) => s + l.amount, 0));
    expect(found.rows).toHaveLength(3);
    expect(found.rows.every((r) => r.functional.startsWith("208") && ["410300", "410311"].includes(r.regionCode))).toBe(true);
  });

  it("region totals equal the sum of what each department published, whatever the amounts (property)", async () => {
    const { db } = await backend.open();
    const province = await addRegion(db, { code: "110000", name: "省" });
    const cities = [await addRegion(db, { code: "110100", name: "甲市", parentId: province }), await addRegion(db, { code: "110200", name: "乙市", parentId: province })];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 40 }), fc.boolean()), { minLength: 1, maxLength: 4 }), async (specs) => {
        const year = 3000 + ++n; // each run its own year
        const published: [number, Budget][] = [];
        for (const [c, k, t] of specs) {
          const d = await createDepartment(db, cities[c]!, `d${n}-${published.length}`, "部门");
          const b = variant(k, year, t);
          await publish(db, cities[c]!, d, b);
          published.push([cities[c]!, b]);
        }
        const got = await regionTotals(db, province, year);
        expect(got.all).toMatchObject({ ...sumTotals(published.map(([, b]) => budgetTotals(b))), departments: specs.length });
        for (const c of cities) {
          const mine = published.filter(([r]) => r === c).map(([, b]) => budgetTotals(b));
          if (mine.length) expect(got.branches.find((b) => b.regionId === c)).toMatchObject(sumTotals(mine));
        }
      }),
      { numRuns: 8 },
    );
  });
});
