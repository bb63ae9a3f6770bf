/** Budget versions: every save a version with its diff; a stale save loses and is told what changed. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { budgetToFile } from "../../src/formats/budget-file/convert.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { StaleVersionError, createBudget, currentContent, lineItems, listVersions, saveVersion } from "../../src/store/repos/budgets.ts";
import { createDepartment, createRegion } from "../../src/store/repos/tenancy.ts";
import { createUser } from "../../src/store/repos/users.ts";
import { BACKENDS } from "./databases.ts";

const sample = parseBudgetText(readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8"), "budget.yaml", "yaml");

describe.each(BACKENDS)("budget versions on $name", (backend) => {
  it("saves versions with diffs, and refuses a save based on an old version, describing the other change", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const dept = await createDepartment(o.db, region, "313", "社创办");
    const author = await createUser(o.db, { username: "a", displayName: "甲", passwordHash: "x", role: "admin", regionId: region });
    const id = await createBudget(o.db, dept, 2021);
    const save = (expectedVersion: number, b = sample) =>
      o.db.transaction().execute((trx) => saveVersion(trx, { budgetId: id, expectedVersion, content: budgetToFile(b), lineItems: b.lineItems, authorId: author }));

    expect((await save(0)).version).toBe(1);
    const changed = { ...sample, lineItems: sample.lineItems.map((l, i) => (i === 0 ? { ...l, amount: (l.amount + 100) as typeof l.amount } : l)) };
    const second = await save(1, changed);
    expect(second.version).toBe(2);
    expect(second.diff.lineItems).toMatchObject({ added: 0, removed: 0, changed: 1 });

    const stale = await save(1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    const err = stale as StaleVersionError;
    expect(err.current).toBe(2);
    expect(err.changes).toHaveLength(1);
    expect(err.changes[0]).toMatchObject({ version: 2, savedBy: "甲" });
    expect(err.changes[0]!.summary).toContain("~1");

    const current = await currentContent(o.db, id);
    expect(current?.version).toBe(2);
    expect((await lineItems(o.db, id))[0]!.amount).toBe(sample.lineItems[0]!.amount + 100);
    expect((await listVersions(o.db, id)).map((v) => v.number)).toEqual([2, 1]);
    await o.close();
  });

  it("stores and reads back lines of every nature (单位预留机动经费, 结转下年资金: migration 0005)", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "320000", "江苏省");
    const dept = await createDepartment(o.db, region, "105", "省人大常委会办公厅");
    const id = await createBudget(o.db, dept, 2021);
    const b = parseBudgetText(readFileSync("test/fixtures/jiangsu-sample-2021/budget.yaml", "utf8"), "budget.yaml", "yaml");
    await o.db.transaction().execute((trx) => saveVersion(trx, { budgetId: id, expectedVersion: 0, content: budgetToFile(b), lineItems: b.lineItems, authorId: null }));
    const rows = await lineItems(o.db, id);
    expect(rows.map((r) => r.nature)).toEqual(b.lineItems.map((l) => l.nature));
    expect(new Set(rows.map((r) => r.nature))).toEqual(new Set(["basic", "project", "reserve", "carry-forward"]));
    // the check still refuses a nature outside the list
    const bad = { ...b.lineItems[0]!, nature: "机动" as never };
    await expect(o.db.transaction().execute((trx) => saveVersion(trx, { budgetId: id, expectedVersion: 1, content: budgetToFile(b), lineItems: [bad], authorId: null }))).rejects.toThrow(/line_items_nature_check/);
    await o.close();
  });

  it("lets exactly one of two concurrent writers from the same version win", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const dept = await createDepartment(o.db, region, "313", "社创办");
    const id = await createBudget(o.db, dept, 2021);
    const write = (memo: string) =>
      o.db.transaction().execute((trx) => {
        const b = { ...sample, lineItems: sample.lineItems.map((l) => ({ ...l, memo })) };
        return saveVersion(trx, { budgetId: id, expectedVersion: 0, content: budgetToFile(b), lineItems: b.lineItems, authorId: null });
      });
    const results = await Promise.allSettled([write("A"), write("B")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(StaleVersionError);
    const winner = results.findIndex((r) => r.status === "fulfilled") === 0 ? "A" : "B";
    const rows = await lineItems(o.db, id);
    expect(new Set(rows.map((r) => r.memo))).toEqual(new Set([winner]));
    expect(rows).toHaveLength(sample.lineItems.length);
    await o.close();
  });
});
