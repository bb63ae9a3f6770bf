/** Warning explanations written together (writeExplanations): one row per place, the last text kept, on both databases. */
import { describe, expect, it } from "vitest";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { listExplanations, writeExplanations } from "../../src/store/repos/explanations.ts";
import { createDepartment, createRegion } from "../../src/store/repos/tenancy.ts";
import { createUser } from "../../src/store/repos/users.ts";
import { BACKENDS } from "./databases.ts";

describe.each(BACKENDS)("explanations on $name", (backend) => {
  it("writes many at once, one per rule and place, the last text winning, and rewrites them", async () => {
    const { db, close } = await backend.open();
    try {
      const region = await createRegion(db, "410311", "洛龙区");
      const dept = await createDepartment(db, region, "313", "社创办");
      const budget = await createBudget(db, dept, 2021);
      const author = await createUser(db, { username: "a", displayName: "甲", passwordHash: "x", role: "department-approver", regionId: region, departmentId: dept });
      await writeExplanations(db, budget, [
        { rule: "assets.missing", locationKey: "data::assets", text: "一" },
        { rule: "narrative.reason-missing", locationKey: "data::reasons.total", text: "二" },
        { rule: "assets.missing", locationKey: "data::assets", text: "三" },
      ], author);
      expect((await listExplanations(db, budget)).map((e) => [e.rule, e.text])).toEqual([["assets.missing", "三"], ["narrative.reason-missing", "二"]]);
      await writeExplanations(db, budget, [{ rule: "assets.missing", locationKey: "data::assets", text: "四" }], author);
      expect((await listExplanations(db, budget)).map((e) => e.text)).toEqual(["四", "二"]);
      await writeExplanations(db, budget, [], author);
      expect(await listExplanations(db, budget)).toHaveLength(2);
    } finally {
      await close();
    }
  }, 120_000);
});
