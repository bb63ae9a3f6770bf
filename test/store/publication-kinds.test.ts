/**
 * Migration 0011-final-accounts: a publication's kind (部门预算 / 部门决算). Publications made before it are
 * budgets; each kind numbers its own versions; the database refuses a kind it does not know and a second
 * publication of the same kind and number.
 */
import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../src/store/database.ts";
import { migrationProvider } from "../../src/store/migrations/index.ts";
import { openPglite } from "../../src/store/pool-pglite.ts";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { type NewPublication, insertPublication, latestOfEachKind, nextPublicationNumber } from "../../src/store/repos/publications.ts";
import { createDepartment, createRegion } from "../../src/store/repos/tenancy.ts";
import { BACKENDS } from "./databases.ts";

const file = { scope: "department", format: "json", fileName: "disclosure.json", contentType: "application/json", content: new TextEncoder().encode("{}"), sha256: "0".repeat(64) };
const publication = (budgetId: number, regionId: number, extra: Partial<NewPublication> = {}): NewPublication => ({
  budgetId, budgetVersion: 1, publishedOn: "2022-05-20", publishedBy: null, changeNote: null, regionId, year: 2021, departmentCode: "313", departmentName: "社创办", title: "t", files: [file], ...extra,
});

describe("migration 0011-final-accounts on an existing database", () => {
  it("makes the publications already there budgets, numbered as before", { timeout: 120_000 }, async () => {
    const pg = await openPglite(undefined);
    const o = await openDatabase({ pglite: pg, migrate: false });
    try {
      const to10 = await new Migrator({ db: o.db, provider: migrationProvider }).migrateTo("0010-desk");
      expect(to10.error).toBeUndefined();
      const region = await createRegion(o.db, "410311", "洛龙区");
      const dept = await createDepartment(o.db, region, "313", "社创办");
      const budget = await createBudget(o.db, dept, 2021);
      // as 0010's code wrote it: no kind column yet
      await sql`insert into publications (budget_id, number, budget_version, published_on, region_id, year, department_code, department_name, title)
                values (${budget}, 1, 1, '2021-02-19', ${region}, 2021, '313', '社创办', '2021年度部门预算')`.execute(o.db);
      await migrate(o.db);
      const rows = await o.db.selectFrom("publications").select(["number", "kind"]).execute();
      expect(rows).toEqual([{ number: 1, kind: "budget" }]);
      expect(await nextPublicationNumber(o.db, budget)).toBe(2);
      expect(await nextPublicationNumber(o.db, budget, "final-accounts")).toBe(1);
    } finally {
      await o.close();
      await pg.close();
    }
  });
});

describe.each(BACKENDS)("publication kinds on $name", (backend) => {
  it("numbers each kind apart and refuses an unknown kind or a repeated number", { timeout: 60_000 }, async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const budget = await createBudget(o.db, await createDepartment(o.db, region, "313", "社创办"), 2021);
    const b1 = await insertPublication(o.db, publication(budget, region));
    const f1 = await insertPublication(o.db, publication(budget, region, { kind: "final-accounts" }));
    const f2 = await insertPublication(o.db, publication(budget, region, { kind: "final-accounts", changeNote: "更正" }));
    expect([b1.number, f1.number, f2.number]).toEqual([1, 1, 2]);
    expect((await latestOfEachKind(o.db, budget)).map((p) => [p.id, p.kind, p.files.length])).toEqual([[b1.id, "budget", 1], [f2.id, "final-accounts", 1]]);
    await expect(sql`insert into publications (budget_id, number, budget_version, published_on, region_id, year, department_code, department_name, title, kind)
                     values (${budget}, 3, 1, '2022-05-20', ${region}, 2021, '313', '社创办', 't', 'evaluation')`.execute(o.db)).rejects.toThrow(/check/);
    await expect(sql`insert into publications (budget_id, number, budget_version, published_on, region_id, year, department_code, department_name, title, kind)
                     values (${budget}, 2, 1, '2022-05-20', ${region}, 2021, '313', '社创办', 't', 'final-accounts')`.execute(o.db)).rejects.toThrow(/unique|duplicate/);
    await o.close();
  });
});
