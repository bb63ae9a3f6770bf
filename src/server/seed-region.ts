/**
 * 生成样例省 — fills a database with a province of generated departments, every budget carried from
 * draft to published through the same services the API uses: created as a first version (as
 * POST /api/budgets), control figures set by the bureau's reviewer, every warning explained by the
 * department (at once, where the route takes one a request), then submitted, approved by the department and the bureau, 批复 recorded and published by
 * `moveBudget` (src/server/workflow-service.ts: the submission gate, the workflow policy, the rendered
 * snapshot, the facts). Each step is in the budget's history and the audit log under the user who took it.
 *
 * The budgets come from the caller (`scripts/seed-region.ts` uses the test generator), so this module
 * knows nothing of how they are made. Accounts are made per department (preparer, approver) and per
 * region (finance reviewer) with one random password nobody is told: they exist so that each step has its
 * actor; an administrator sets real passwords if anyone is to sign in as them.
 */
import { randomBytes } from "node:crypto";
import type { Budget } from "../core/model.ts";
import type { Actor, Role, WorkflowAction } from "../core/workflow.ts";
import { controlFiguresOf, explanationKey } from "../core/workflow.ts";
import { createBudget, getBudget, saveVersion } from "../store/repos/budgets.ts";
import { replaceControlFigures } from "../store/repos/control-figures.ts";
import { writeExplanations } from "../store/repos/explanations.ts";
import { addRegion } from "../store/repos/regions.ts";
import { assignDepartment, createDepartment, createDivision, createUnit } from "../store/repos/tenancy.ts";
import { createUser } from "../store/repos/users.ts";
import { type Acting, audit } from "./audit.ts";
import { hashPassword } from "./auth/passwords.ts";
import { recordCheck } from "./budget-checks.ts";
import { toContent } from "./budget-content.ts";
import { checkStoredBudget } from "./budget-service.ts";
import type { AppContext, SessionUser } from "./context.ts";
import { moveBudget } from "./workflow-service.ts";

export interface ProvinceSize {
  /** 市 under the province */
  cities: number;
  /** 县/区 in all, spread over the cities */
  counties: number;
  /** 部门 in all, spread over every region (the province's and cities' own departments included) */
  departments: number;
  /** 单位 in all (on average units ÷ departments per department; at least one each) */
  units: number;
  /** budget years, from `firstYear` */
  years: number;
  firstYear: number;
  /** the province's 区划 code (6 digits, ending 0000) and name */
  code: string;
  name: string;
}

export const DEFAULT_PROVINCE: ProvinceSize = { cities: 16, counties: 100, departments: 5000, units: 20000, years: 3, firstYear: 2021, code: "990000", name: "样例省" };

/** What a generated department's budget must say of the department, and how many units it has. */
export interface DepartmentPlan {
  /** the department's position in the province, 0 … departments − 1: the budget's seed */
  index: number;
  year: number;
  code: string;
  name: string;
  regionName: string;
  units: number;
}

/** Makes the department's budget of a year; the same department keeps its units from year to year. */
export type BudgetSource = (plan: DepartmentPlan) => Budget;

export interface SeedProgress {
  (done: number, total: number): void;
}

export interface ProvinceSeeded {
  regions: number;
  departments: number;
  units: number;
  budgets: number;
  publications: number;
  facts: number;
  /** warnings the departments explained before submitting */
  explained: number;
}

interface RegionPlan {
  id: number;
  code: string;
  name: string;
  reviewer: Actor & { username: string };
  divisionId: number;
}

/** 6-digit codes as the national 区划 codes are shaped: 省 xx0000, 市 xxyy00, 县/区 xxyyzz. */
function cityCode(province: string, c: number): string {
  return `${province.slice(0, 2)}${String(c).padStart(2, "0")}00`;
}

/** Generates the province and publishes every budget; `concurrency` departments go through at once. */
export async function seedProvince(ctx: AppContext, size: ProvinceSize, source: BudgetSource, opts: { concurrency?: number; progress?: SeedProgress } = {}): Promise<ProvinceSeeded> {
  if (size.cities < 1 || size.cities > 99 || size.counties < 0 || size.counties > size.cities * 99 || size.departments < 1 || size.years < 1) {
    throw new RangeError("规模无效：市 1–99 个，县/区 每市至多 99 个，部门至少 1 个，年度至少 1 年 / invalid size: 1–99 cities, at most 99 counties a city, at least one department and one year");
  }
  const db = ctx.db;
  // One password for every generated account, never shown: the accounts are the steps' actors.
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  const regions: RegionPlan[] = [];
  const addPlanned = async (code: string, name: string, parentId: number | null) => {
    const id = await addRegion(db, { code, name, parentId });
    const divisionId = await createDivision(db, id, "预算科");
    const username = `${code}-reviewer`;
    const userId = await createUser(db, { username, displayName: `${name}财政局预算科`, passwordHash, role: "finance-reviewer", regionId: id, divisionId });
    regions.push({ id, code, name, divisionId, reviewer: { userId, role: "finance-reviewer", regionId: id, divisionId, username } });
    return id;
  };
  const province = await addPlanned(size.code, size.name, null);
  for (let c = 1; c <= size.cities; c++) {
    const city = await addPlanned(cityCode(size.code, c), `${size.name}第${c}市`, province);
    // counties spread evenly: the first (counties mod cities) cities have one more
    const here = Math.floor(size.counties / size.cities) + (c <= size.counties % size.cities ? 1 : 0);
    for (let k = 1; k <= here; k++) await addPlanned(`${cityCode(size.code, c).slice(0, 4)}${String(k).padStart(2, "0")}`, `${size.name}第${c}市第${k}县`, city);
  }

  const seeded: ProvinceSeeded = { regions: regions.length, departments: 0, units: 0, budgets: 0, publications: 0, facts: 0, explained: 0 };
  const total = size.departments * size.years;
  let next = 0;
  const worker = async () => {
    while (next < size.departments) {
      const index = next++;
      // departments round the regions, numbered 101, 102 … within each
      const region = regions[index % regions.length]!;
      const code = String(101 + Math.floor(index / regions.length));
      const units = unitsOf(index, size);
      await seedDepartment(ctx, region, { index, code, name: `${region.name}第${code}部门`, regionName: region.name, units }, size, source, passwordHash, seeded);
      opts.progress?.(seeded.budgets, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  const facts = await db.selectFrom("facts").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return { ...seeded, facts: Number(facts.n) };
}

/** How many units department `index` has: the average (units ÷ departments) spread over 1 … 2·average − 1. */
function unitsOf(index: number, size: ProvinceSize): number {
  const average = Math.max(1, size.units / size.departments);
  const spread = Math.max(0, Math.round(2 * average - 2));
  // deterministic, so that a department has the same units every year and every run
  return 1 + (spread === 0 ? 0 : (Math.imul(index + 1, 2654435761) >>> 0) % (spread + 1));
}

async function seedDepartment(ctx: AppContext, region: RegionPlan, dept: Omit<DepartmentPlan, "year">, size: ProvinceSize, source: BudgetSource, passwordHash: string, seeded: ProvinceSeeded): Promise<void> {
  const db = ctx.db;
  const departmentId = await createDepartment(db, region.id, dept.code, dept.name);
  await assignDepartment(db, region.divisionId, departmentId);
  const first = source({ ...dept, year: size.firstYear });
  const unitIds: number[] = [];
  for (const u of first.units) unitIds.push(await createUnit(db, departmentId, u.code, u.name));
  // the preparer is the 机关本级's (its first unit); the department's approver creates the budget whole
  const person = async (role: Role, title: string, unit?: { id: number; code: string }): Promise<Actor & { username: string }> => {
    const username = `${region.code}-${dept.code}-${role}`;
    const userId = await createUser(db, { username, displayName: `${dept.name}${title}`, passwordHash, role, regionId: region.id, departmentId, unitId: unit?.id ?? null });
    return { userId, role, regionId: region.id, departmentId, unitId: unit?.id ?? null, unitCode: unit?.code ?? null, username };
  };
  const actors: Record<Exclude<Role, "admin">, Actor & { username: string }> = {
    preparer: await person("preparer", "填报", { id: unitIds[0]!, code: first.units[0]!.code }),
    "department-approver": await person("department-approver", "审核"),
    "finance-reviewer": region.reviewer,
  };
  seeded.departments++;
  seeded.units += first.units.length;

  for (let y = 0; y < size.years; y++) {
    const year = size.firstYear + y;
    const budget = y === 0 ? first : source({ ...dept, year });
    const as = (role: Exclude<Role, "admin">): { req: Acting; user: SessionUser } => {
      const a = actors[role];
      const user: SessionUser = { actor: a, username: a.username, displayName: a.username, tokenHash: "", csrfToken: "" };
      return { req: { user, ip: "seed-region" }, user };
    };
    // 新建 — the department's first version, as POST /api/budgets writes it (by the department's approver,
    // who may write every unit's part)
    const approver = as("department-approver");
    const budgetId = await db.transaction().execute(async (trx) => {
      const id = await createBudget(trx, departmentId, year);
      const saved = await saveVersion(trx, { budgetId: id, expectedVersion: 0, content: toContent(budget), lineItems: budget.lineItems, authorId: approver.user.actor.userId, note: "生成 / generated" });
      await recordCheck(trx, ctx.catalogs, { budgetId: id, regionId: region.id, year, version: saved.version }, budget);
      await audit(trx, approver.req, "budget.create", `budget:${id}`, { departmentId, year, version: saved.version }, region.id);
      return id;
    });
    const preparer = as("preparer");
    // 一下 — the bureau's control figures, here equal to the budget's totals by nature and source
    const reviewer = as("finance-reviewer");
    await db.transaction().execute(async (trx) => {
      const figures = controlFiguresOf(budget);
      await replaceControlFigures(trx, departmentId, year, figures, reviewer.user.actor.userId);
      await audit(trx, reviewer.req, "control-figures.set", `department:${departmentId}`, { year, figures }, region.id);
    });
    // 说明 — the department explains each warning, as PUT /api/budgets/:id/explanations does
    const summary = (await getBudget(db, budgetId))!;
    const { findings } = await checkStoredBudget(ctx, summary, budget);
    const warnings = findings.filter((f) => f.severity === "warning");
    // (written together, with one audit entry listing them: the route writes one per request)
    const explained = warnings.map((f) => ({ ...explanationKey(f), text: "生成数据：已核实，按实际情况编列。/ generated data: checked, as planned." }));
    await db.transaction().execute(async (trx) => {
      await writeExplanations(trx, budgetId, explained, preparer.user.actor.userId);
      await audit(trx, preparer.req, "budget.explanation", `budget:${budgetId}`, { explained: explained.map((e) => ({ rule: e.rule, locationKey: e.locationKey })) }, region.id);
    });
    seeded.explained += warnings.length;
    // 二上 → 二下 → 公开, each by its role; 批复 in February, published within the 20 days 预算法第十四条 allows
    const day = 1 + (dept.index % 20);
    const approvedOn = `${year}-02-${String(day).padStart(2, "0")}`;
    const publishedOn = `${year}-02-${String(day + 7).padStart(2, "0")}`;
    const steps: [Exclude<Role, "admin">, WorkflowAction, string?][] = [
      ["preparer", "submit"],
      ["department-approver", "approve-department"],
      ["finance-reviewer", "approve-finance"],
      ["finance-reviewer", "record-approval", approvedOn],
      ["department-approver", "publish", publishedOn],
    ];
    for (const [role, action, date] of steps) {
      const { req, user } = as(role);
      const b = (await getBudget(db, budgetId))!;
      const moved = await moveBudget(ctx, req, user, b, { action, ...(date ? { date } : {}) });
      if (moved.publication) seeded.publications++;
    }
    seeded.budgets++;
  }
}
