/** Migrations, append-only tables and money through both drivers. */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Fen } from "../../src/core/money.ts";
import { migrate } from "../../src/store/database.ts";
import { appendAudit, queryAudit } from "../../src/store/repos/audit-log.ts";
import { createBudget, lineItemTotals, lineItems, saveVersion } from "../../src/store/repos/budgets.ts";
import { createDepartment, createRegion } from "../../src/store/repos/tenancy.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { BACKENDS } from "./databases.ts";

describe.each(BACKENDS)("storage on $name", (backend) => {
  it("applies the migrations once; running them again changes nothing", async () => {
    const o = await backend.open();
    const before = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(o.db);
    expect(before.rows.map((r) => r.name)).toEqual(["0001-tenancy", "0002-budgets", "0003-publications-audit", "0004-execution", "0005-natures", "0006-province", "0007-region-template", "0008-hardening", "0010-desk", "0011-final-accounts"]);
    await migrate(o.db);
    const after = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(o.db);
    expect(after.rows[0]!.n).toBe(10);
    await o.close();
  });

  it("keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    await appendAudit(o.db, { actorId: null, actorName: "system", regionId: region, action: "test.one", details: { a: [1, 2] } });
    await expect(o.db.updateTable("audit_log").set({ action: "forged" }).execute()).rejects.toThrow(/append-only/);
    await expect(o.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(o.db)).rejects.toThrow(/append-only/);
    const rows = await queryAudit(o.db, { regionId: region, limit: 10 });
    expect(rows.map((r) => [r.action, r.details])).toEqual([["test.one", { a: [1, 2] }]]);
    expect(typeof rows[0]!.id).toBe("number");
    await o.close();
  });

  it("keeps publications immutable", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const dept = await createDepartment(o.db, region, "313", "社创办");
    const budget = await createBudget(o.db, dept, 2021);
    const p = await insertPublication(o.db, {
      budgetId: budget, budgetVersion: 1, publishedOn: "2021-03-10", publishedBy: null, changeNote: null, regionId: region,
      year: 2021, departmentCode: "313", departmentName: "社创办", title: "t",
      files: [{ scope: "department", format: "json", fileName: "disclosure.json", contentType: "application/json", content: new TextEncoder().encode("{}"), sha256: "x" }],
    });
    await expect(o.db.updateTable("publications").set({ title: "changed" }).where("id", "=", p.id).execute()).rejects.toThrow(/append-only/);
    await expect(o.db.deleteFrom("publication_files").execute()).rejects.toThrow(/append-only/);
    await o.close();
  });

  it("round-trips money above 2^31 分 exactly, in rows and in sums", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const dept = await createDepartment(o.db, region, "313", "社创办");
    const budget = await createBudget(o.db, dept, 2021);
    const big = [2 ** 31 + 7, 2 ** 40 + 1, 2 ** 52 + 3, 1].map((n) => n as Fen);
    const items = big.map((amount, i) => ({ unit: "313001", functional: "2080208", economic: "30101", nature: "basic" as const, source: "gpb-appropriation" as const, amount, memo: `行${i}, "引号"\n换行` }));
    await o.db.transaction().execute((trx) => saveVersion(trx, { budgetId: budget, expectedVersion: 0, content: { lineItems: [] }, lineItems: items, authorId: null }));
    const rows = await lineItems(o.db, budget);
    expect(rows.map((r) => r.amount)).toEqual(big);
    expect(rows.map((r) => typeof r.amount)).toEqual(["number", "number", "number", "number"]);
    expect(rows[0]!.memo).toBe('行0, "引号"\n换行');
    const totals = await lineItemTotals(o.db, budget);
    expect(totals).toEqual([{ nature: "basic", source: "gpb-appropriation", amount: big.reduce((a, b) => a + b, 0) }]);
    await o.close();
  });

  it("refuses an int8 a double cannot hold exactly, instead of rounding it", async () => {
    const o = await backend.open();
    await expect(sql`select 9007199254740993::int8 as n`.execute(o.db)).rejects.toThrow(/safe integer/);
    await o.close();
  });
});
