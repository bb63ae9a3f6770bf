/**
 * 演示数据 — on the first start of an empty database: the 2021 sample department (区划 洛阳市洛龙区, a
 * finance division, department 313 with unit 313001) and one demo user per role. The 2021 budget has
 * been carried through the whole review — submitted with its three warnings explained (the reasons of
 * examples/luolong-shequ-2021/ASSUMPTIONS.md), approved by the department and the finance bureau, 批复
 * recorded and published — so the public portal shows it at once — and it holds the simulated year of
 * execution (examples/luolong-shequ-2021/execution-2021: payments, one adjustment, indicator actuals), so
 * the monitoring dashboard and the self-evaluation report have data. The 2022 budget, started from it and
 * its execution as `POST /api/budgets/:id/next-year` would (carry-over becomes 结转 lines), is a draft to
 * work on, with control figures (控制数) equal to its totals. Every step goes through the same
 * workflow policy (src/core/workflow.ts) the API uses, and is in the budget's history and the audit log.
 *
 * The passwords are DEMO-ONLY, printed in the README; change or disable these accounts before real use.
 * The 批复 and 公开 dates are illustrative (the seed document is dated 2021年2月).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import { nextYearBudget } from "../core/execution/next-year.ts";
import { createRuleContext } from "../core/rules/engine.ts";
import { runRules } from "../core/rules/index.ts";
import type { Actor, BudgetState, Role, Tenancy, TransitionInput } from "../core/workflow.ts";
import { controlFiguresOf, explanationKey, submissionGate, transition } from "../core/workflow.ts";
import { catalogFor } from "../formats/catalog-choice.ts";
import { parseBudgetText } from "../formats/budget-file/read.ts";
import { RENDERERS } from "../formats/renderers.ts";
import { readExecutionDir } from "../formats/execution/execution-file.ts";
import { appendAudit } from "../store/repos/audit-log.ts";
import { createBudget, recordTransition, saveVersion, setState } from "../store/repos/budgets.ts";
import { putExecutionRecord, replacePayments } from "../store/repos/execution.ts";
import { replaceControlFigures } from "../store/repos/control-figures.ts";
import { writeExplanation } from "../store/repos/explanations.ts";
import { budgetFacts, budgetTotals } from "../core/facts.ts";
import { publicationTitle } from "../core/publication.ts";
import { writeFacts } from "../store/repos/facts.ts";
import { insertPublication } from "../store/repos/publications.ts";
import { assignDepartment, createDepartment, createDivision, createRegion, createUnit } from "../store/repos/tenancy.ts";
import { countUsers, createUser } from "../store/repos/users.ts";
import type { Database } from "../store/schema.ts";
import { hashPassword } from "./auth/passwords.ts";
import { toContent } from "./budget-content.ts";
import { renderAll } from "./disclosure-files.ts";

export const SAMPLE_FILE = fileURLToPath(new URL("../../examples/luolong-shequ-2021/budget.yaml", import.meta.url));
export const SAMPLE_EXECUTION_DIR = fileURLToPath(new URL("../../examples/luolong-shequ-2021/execution-2021", import.meta.url));

/** DEMO-ONLY credentials (README, "Server"). */
export const DEMO_USERS: readonly { username: string; password: string; role: Role; displayName: string }[] = [
  { username: "demo-preparer", password: "demo-preparer-2021", role: "preparer", displayName: "演示·单位填报" },
  { username: "demo-approver", password: "demo-approver-2021", role: "department-approver", displayName: "演示·部门审核" },
  { username: "demo-reviewer", password: "demo-reviewer-2021", role: "finance-reviewer", displayName: "演示·财政审核" },
  { username: "demo-admin", password: "demo-admin-2021", role: "admin", displayName: "演示·管理员" },
];

export const DEMO_REGION = { code: "410311", name: "洛阳市洛龙区" };

/** The sample's 批复 and 公开 dates (illustrative; within the 20 days the law allows). */
export const SAMPLE_APPROVED_ON = "2021-02-05";
export const SAMPLE_PUBLISHED_ON = "2021-02-19";

/** The department's explanations of the sample's three warnings (ASSUMPTIONS.md, "What yusuan check reports"). */
const SAMPLE_EXPLANATIONS: Readonly<Record<string, string>> = {
  "narrative.reason-missing": "演示数据：原公开文本只说明了机关运行经费的减少（“洛龙区财政支出缩减”），而核对后的数据是增加（10.00→12.31万元），增加的原因待部门补充。",
  "staffing.actual-missing": "演示数据：原公开文本未列实有人数，人均公用经费变动率暂无法按人均计算，待单位补录。",
  "staffing.retired-missing": "演示数据：原公开文本未列离退休人数，离退休人员经费变动率待单位补录后计算。",
};

/** Seeds an empty database; returns false (and does nothing) when it already has users. */
export async function seedDemo(db: Kysely<Database>, publishFormats: readonly string[] = Object.keys(RENDERERS)): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const budget = parseBudgetText(await readFile(SAMPLE_FILE, "utf8"), SAMPLE_FILE, "yaml");
  const catalog = await catalogFor(budget.year, {}, () => {});
  const findings = runRules(createRuleContext(budget, catalog));
  const unexplained = findings.filter((f) => f.severity === "error" || (f.severity === "warning" && !SAMPLE_EXPLANATIONS[f.rule]));
  if (unexplained.length > 0) throw new Error(`the sample has findings the seed cannot explain: ${unexplained.map((f) => f.rule).join(", ")}`);
  const explanations = findings.filter((f) => f.severity === "warning").map((f) => ({ ...explanationKey(f), text: SAMPLE_EXPLANATIONS[f.rule]! }));
  // rendered before the transaction, as a publication is (PDF rendering must not hold row locks)
  const files = await renderAll(budget, catalog, publishFormats);
  const execution = await readExecutionDir(SAMPLE_EXECUTION_DIR, { units: new Set(budget.units.map((u) => u.code)), projects: new Set(budget.projects.map((p) => p.code)) });
  const { payments, ...record } = execution;
  const next = nextYearBudget(budget, { execution }).budget;
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));

  const seeded = await db.transaction().execute(async (trx) => {
    // Two servers starting at once on an empty database: the second waits here, then finds the users.
    await sql`select pg_advisory_xact_lock(hashtext('yusuan-seed:' || current_schema()))`.execute(trx);
    if ((await countUsers(trx)) > 0) return false;
    const region = await createRegion(trx, DEMO_REGION.code, DEMO_REGION.name);
    const division = await createDivision(trx, region, "社会保障科");
    const dept = await createDepartment(trx, region, budget.department.code, budget.department.name);
    await assignDepartment(trx, division, dept);
    const unitIds = new Map<string, number>();
    for (const u of budget.units) unitIds.set(u.code, await createUnit(trx, dept, u.code, u.name));
    const firstUnit = unitIds.get(budget.units[0]!.code)!;
    const actors = new Map<Role, Actor>();
    for (const [i, u] of DEMO_USERS.entries()) {
      const placement = {
        regionId: region,
        departmentId: u.role === "preparer" || u.role === "department-approver" ? dept : null,
        unitId: u.role === "preparer" ? firstUnit : null,
        divisionId: u.role === "finance-reviewer" ? division : null,
      };
      const userId = await createUser(trx, { username: u.username, displayName: u.displayName, passwordHash: hashes[i]!, role: u.role, ...placement });
      actors.set(u.role, { userId, role: u.role, ...placement, unitCode: u.role === "preparer" ? budget.units[0]!.code : null });
    }
    const tenancy: Tenancy = { regionId: region, departmentId: dept, divisionId: division };

    // 2021: the sample, carried from draft to published through the workflow policy
    const id2021 = await createBudget(trx, dept, budget.year);
    const { version } = await saveVersion(trx, { budgetId: id2021, expectedVersion: 0, content: toContent(budget), lineItems: budget.lineItems, authorId: null, note: "示例数据 / sample data" });
    await replaceControlFigures(trx, dept, budget.year, controlFiguresOf(budget), null);
    const preparer = actors.get("preparer")!;
    for (const e of explanations) await writeExplanation(trx, id2021, e, preparer.userId);
    const steps: [Role, TransitionInput][] = [
      ["preparer", { action: "submit", gate: submissionGate(budget, findings, explanations, controlFiguresOf(budget)) }],
      ["department-approver", { action: "approve-department" }],
      ["finance-reviewer", { action: "approve-finance" }],
      ["finance-reviewer", { action: "record-approval", date: SAMPLE_APPROVED_ON }],
      ["department-approver", { action: "publish", date: SAMPLE_PUBLISHED_ON, approvedOn: SAMPLE_APPROVED_ON }],
    ];
    let state: BudgetState = "draft";
    for (const [role, input] of steps) {
      const actor = actors.get(role)!;
      const outcome = transition(state, actor, tenancy, input);
      if (!outcome.ok) throw new Error(`seed: ${input.action} refused: ${outcome.message}`);
      await recordTransition(trx, { budgetId: id2021, action: input.action, from: outcome.from, to: outcome.to, actorId: actor.userId, comment: null, date: input.date ?? null });
      state = outcome.to;
    }
    await setState(trx, id2021, state, { approvedOn: SAMPLE_APPROVED_ON, publishedOn: SAMPLE_PUBLISHED_ON });
    const publication = await insertPublication(trx, {
      budgetId: id2021,
      budgetVersion: version,
      publishedOn: SAMPLE_PUBLISHED_ON,
      publishedBy: actors.get("department-approver")!.userId,
      changeNote: null,
      regionId: region,
      year: budget.year,
      departmentCode: budget.department.code,
      departmentName: budget.department.name,
      title: publicationTitle("budget", budget.department.name, budget.year),
      files,
    });
    await writeFacts(trx, { publicationId: publication.id, budgetId: id2021, regionId: region, departmentId: dept, year: budget.year }, budgetFacts(budget), budgetTotals(budget), budget.prior);

    await putExecutionRecord(trx, id2021, record, preparer.userId);
    await replacePayments(trx, id2021, payments);

    // 2022: started from 2021 (units, recurring projects and targets; 2021 as the prior year), a draft
    const id2022 = await createBudget(trx, dept, next.year);
    await saveVersion(trx, { budgetId: id2022, expectedVersion: 0, content: toContent(next), lineItems: next.lineItems, authorId: null, note: `由${budget.year}年度预算生成 / started from ${budget.year}` });
    await replaceControlFigures(trx, dept, next.year, controlFiguresOf(next), null);

    await appendAudit(trx, {
      actorId: null,
      actorName: "system",
      regionId: region,
      action: "seed.demo",
      target: `budget:${id2021}`,
      details: { users: DEMO_USERS.map((u) => u.username), published: { budget: id2021, publication: publication.id, payments: payments.length }, draft: { budget: id2022, year: next.year } },
    });
    return true;
  });
  return seeded;
}
