/**
 * 演示数据 — on the first start of an empty database: the 2021 sample department (区划 洛阳市洛龙区, a
 * finance division, department 313 with unit 313001), its budget as a draft, control figures equal to
 * its totals, and one demo user per role. The passwords are DEMO-ONLY, printed in the README; change or
 * disable these accounts before real use.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Role } from "../core/workflow.ts";
import { totalsByNatureAndSource } from "../core/workflow.ts";
import { parseBudgetText } from "../formats/budget-file/read.ts";
import { appendAudit } from "../store/repos/audit-log.ts";
import { createBudget, saveVersion } from "../store/repos/budgets.ts";
import { replaceControlFigures } from "../store/repos/control-figures.ts";
import { assignDepartment, createDepartment, createDivision, createRegion, createUnit } from "../store/repos/tenancy.ts";
import { countUsers, createUser } from "../store/repos/users.ts";
import type { Database } from "../store/schema.ts";
import { hashPassword } from "./auth/passwords.ts";
import { toContent } from "./budget-content.ts";

export const SAMPLE_FILE = fileURLToPath(new URL("../../examples/luolong-shequ-2021/budget.yaml", import.meta.url));

/** DEMO-ONLY credentials (README, "Server"). */
export const DEMO_USERS: readonly { username: string; password: string; role: Role; displayName: string }[] = [
  { username: "demo-preparer", password: "demo-preparer-2021", role: "preparer", displayName: "演示·单位填报" },
  { username: "demo-approver", password: "demo-approver-2021", role: "department-approver", displayName: "演示·部门审核" },
  { username: "demo-reviewer", password: "demo-reviewer-2021", role: "finance-reviewer", displayName: "演示·财政审核" },
  { username: "demo-admin", password: "demo-admin-2021", role: "admin", displayName: "演示·管理员" },
];

export const DEMO_REGION = { code: "410311", name: "洛阳市洛龙区" };

/** Seeds an empty database; returns false (and does nothing) when it already has users. */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const budget = parseBudgetText(await readFile(SAMPLE_FILE, "utf8"), SAMPLE_FILE, "yaml");
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  await db.transaction().execute(async (trx) => {
    const region = await createRegion(trx, DEMO_REGION.code, DEMO_REGION.name);
    const division = await createDivision(trx, region, "社会保障科");
    const dept = await createDepartment(trx, region, budget.department.code, budget.department.name);
    await assignDepartment(trx, division, dept);
    const unitIds = new Map<string, number>();
    for (const u of budget.units) unitIds.set(u.code, await createUnit(trx, dept, u.code, u.name));
    const firstUnit = unitIds.get(budget.units[0]!.code)!;
    for (const [i, u] of DEMO_USERS.entries()) {
      await createUser(trx, {
        username: u.username,
        displayName: u.displayName,
        passwordHash: hashes[i]!,
        role: u.role,
        regionId: region,
        departmentId: u.role === "preparer" || u.role === "department-approver" ? dept : null,
        unitId: u.role === "preparer" ? firstUnit : null,
        divisionId: u.role === "finance-reviewer" ? division : null,
      });
    }
    const id = await createBudget(trx, dept, budget.year);
    await saveVersion(trx, { budgetId: id, expectedVersion: 0, content: toContent(budget), lineItems: budget.lineItems, authorId: null, note: "示例数据 / sample data" });
    const totals = [...totalsByNatureAndSource(budget)].map(([k, amount]) => {
      const [nature, source] = k.split("|") as ["basic" | "project", string];
      return { nature, source, amount };
    });
    await replaceControlFigures(trx, dept, budget.year, totals, null);
    await appendAudit(trx, { actorId: null, actorName: "system", regionId: region, action: "seed.demo", target: `budget:${id}`, details: { users: DEMO_USERS.map((u) => u.username) } });
  });
  return true;
}
