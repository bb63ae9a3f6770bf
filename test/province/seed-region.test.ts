/**
 * The generated province (src/server/seed-region.ts): a small one — 1 省, 1 市, 1 县, 8 departments, 2
 * years — carried through the workflow services; every budget published with its five steps in the
 * history by the roles that take them, the portal's roll-up equal to the budgets' own totals.
 */
import { describe, expect, it } from "vitest";
import { budgetTotals } from "../../src/core/facts.ts";
import { buildApp } from "../../src/server/app.ts";
import { type DepartmentPlan, type ProvinceSize, seedProvince } from "../../src/server/seed-region.ts";
import { regionTotals } from "../../src/store/repos/facts.ts";
import { BACKENDS } from "../store/databases.ts";
import { provinceBudget } from "../support/province.ts";

const SIZE: ProvinceSize = { cities: 1, counties: 1, departments: 8, units: 20, years: 2, firstYear: 2021, code: "990000", name: "样例省" };

describe.each(BACKENDS)("seed-region on $name", (backend) => {
  it("publishes every department's budget of every year through the workflow", async () => {
    const database = await backend.open();
    const app = await buildApp(database, { publishFormats: ["json"], logger: false });
    try {
      const made: DepartmentPlan[] = [];
      const progress: number[] = [];
      const seeded = await seedProvince(app.ctx, SIZE, (plan) => (made.push(plan), provinceBudget(plan, SIZE.firstYear)), { concurrency: 2, progress: (done) => progress.push(done) });
      expect(seeded).toMatchObject({ regions: 3, departments: 8, budgets: 16, publications: 16 });
      expect(seeded.units).toBeGreaterThanOrEqual(8);
      expect(progress.at(-1)).toBe(16);
      const db = database.db;
      const budgets = await db.selectFrom("budgets").select(["id", "state", "year", "approved_on", "published_on"]).execute();
      expect(budgets).toHaveLength(16);
      for (const b of budgets) expect([b.state, b.approved_on !== null, b.published_on !== null]).toEqual(["published", true, true]);
      // each step by the role that takes it, recorded as the API records it
      const steps = await db
        .selectFrom("budget_transitions as t")
        .innerJoin("users as u", "u.id", "t.actor_id")
        .select(["t.budget_id", "t.action", "u.role"])
        .orderBy("t.budget_id")
        .orderBy("t.id")
        .execute();
      const first = steps.filter((s) => s.budget_id === budgets[0]!.id).map((s) => `${s.action}:${s.role}`);
      expect(first).toEqual(["submit:preparer", "approve-department:department-approver", "approve-finance:finance-reviewer", "record-approval:finance-reviewer", "publish:department-approver"]);
      expect(steps).toHaveLength(16 * 5);
      // the warnings were explained (the submission gate asks for it) and the audit log names who acted
      expect(seeded.explained).toBeGreaterThan(0);
      expect(await db.selectFrom("warning_explanations").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).toEqual({ n: expect.anything() });
      const audited = await db.selectFrom("audit_log").select("action").where("action", "=", "workflow.publish").execute();
      expect(audited).toHaveLength(16);
      // departments spread over the three regions, each with its own codes; the files are stored with their hash
      const regions = await db.selectFrom("departments as d").innerJoin("regions as r", "r.id", "d.region_id").select(["r.level"]).execute();
      expect(new Set(regions.map((r) => r.level))).toEqual(new Set(["province", "city", "county"]));
      // the portal's roll-up of the province is the sum of the budgets' own totals, year by year
      const province = (await db.selectFrom("regions").select("id").where("code", "=", "990000").executeTakeFirstOrThrow()).id;
      for (const year of [2021, 2022]) {
        const expected = made.filter((p) => p.year === year).reduce((t, p) => t + budgetTotals(provinceBudget(p, SIZE.firstYear)).total, 0);
        expect((await regionTotals(db, province, year)).all.total).toBe(expected);
      }
      // the second year is the first grown by 3%: the same departments, larger
      const [y1, y2] = [(await regionTotals(db, province, 2021)).all.total, (await regionTotals(db, province, 2022)).all.total];
      expect(y2 / y1).toBeCloseTo(1.03, 2);
    } finally {
      await app.close();
      await database.close();
    }
  }, 600_000);
});
