/**
 * 财政局工作台用例 — whose departments a bureau user sees, keeping each budget's counted findings current,
 * and importing many departments' line items from another system's export, one department at a time
 * through the same save the editor uses (draft only, one transaction each, all or nothing).
 */
import type { FastifyRequest } from "fastify";
import type { ImportMapping } from "../core/desk.ts";
import type { Budget } from "../core/model.ts";
import { type Actor, can, canInRegion, isEditable, notEditableMessage } from "../core/workflow.ts";
import { type DepartmentRows, type ImportProblem, readDeskImport } from "../formats/desk-import.ts";
import { InputError } from "../formats/errors.ts";
import { findBudget, getBudget } from "../store/repos/budgets.ts";
import { catalogStamp } from "../store/repos/catalogs.ts";
import { type DeskScope, checkCandidates } from "../store/repos/desk.ts";
import { tenancyOf } from "./access.ts";
import { recordCheck } from "./budget-checks.ts";
import { loadBudget, saveBudget } from "./budget-service.ts";
import { parseContent, toContent } from "./budget-content.ts";
import type { AppContext } from "./context.ts";
import { AppError, forbidden } from "./errors.ts";

/** The departments a bureau user's desk covers: an administrator's region and those under it; a reviewer's division. */
export function deskScope(actor: Actor): DeskScope {
  if (!canInRegion(actor, "desk.read", actor.regionId)) throw forbidden("工作台供财政审核和管理员使用 / the desk is for finance reviewers and administrators");
  if (actor.role === "finance-reviewer") return { regionIds: [actor.regionId], divisionId: actor.divisionId ?? -1 };
  return { regionIds: [actor.regionId, ...(actor.subRegionIds ?? [])] };
}

/**
 * Counts the findings of every budget in scope whose count is missing or stale: saved before saves counted
 * them (src/server/budget-checks.ts), another catalog, an explanation written. The rules run once per version: a hundred departments cost a
 * hundred checks the first time, and only the changed ones after that.
 */
export async function refreshChecks(ctx: AppContext, scope: DeskScope, year: number): Promise<number> {
  const candidates = await checkCandidates(ctx.db, scope, year);
  const stamps = new Map<number, string>();
  let counted = 0;
  for (const c of candidates) {
    let stamp = stamps.get(c.regionId);
    if (stamp === undefined) stamps.set(c.regionId, (stamp = await catalogStamp(ctx.db, c.regionId, year)));
    if (c.checkedVersion === c.version && c.checkedStamp === stamp && c.checkedExplanations === c.explanations) continue;
    const { version, budget } = await loadBudget(ctx, c.budgetId);
    await recordCheck(ctx.db, ctx.catalogs, { budgetId: c.budgetId, regionId: c.regionId, year, version }, budget);
    counted++;
  }
  return counted;
}

export interface DepartmentOutcome {
  department: string;
  departmentName: string | null;
  budgetId: number | null;
  status: "imported" | "refused";
  lineItems: number;
  version?: number;
  problems: { message: string; file?: string; sheet?: string; cell?: string; line?: number }[];
}

const placeOf = (p: ImportProblem) => ({
  message: p.message,
  ...(p.location.file !== undefined ? { file: p.location.file } : {}),
  ...(p.location.sheet !== undefined ? { sheet: p.location.sheet } : {}),
  ...(p.location.cell !== undefined ? { cell: p.location.cell } : {}),
  ...(p.location.line !== undefined ? { line: p.location.line } : {}),
});

/** The department the file names, among those the user's desk covers. */
async function departmentOf(ctx: AppContext, scope: DeskScope, code: string) {
  let q = ctx.db
    .selectFrom("departments as d")
    .leftJoin("division_departments as dd", "dd.department_id", "d.id")
    .select(["d.id", "d.name"])
    .where("d.code", "=", code)
    .where("d.region_id", "in", scope.regionIds.length ? [...scope.regionIds] : [-1]);
  if (scope.divisionId !== undefined) q = q.where("dd.division_id", "=", scope.divisionId);
  return q.execute();
}

async function importDepartment(ctx: AppContext, req: FastifyRequest, actor: Actor, scope: DeskScope, year: number, file: string, rows: DepartmentRows): Promise<DepartmentOutcome> {
  const refused = (problems: DepartmentOutcome["problems"], name: string | null = null, budgetId: number | null = null): DepartmentOutcome => ({
    department: rows.department,
    departmentName: name,
    budgetId,
    status: "refused",
    lineItems: 0,
    problems,
  });
  const whole = (message: string) => [placeOf({ message, location: rows.firstRow })];
  if (rows.problems.length) return refused(rows.problems.map(placeOf));
  const found = await departmentOf(ctx, scope, rows.department);
  if (found.length !== 1) {
    return refused(whole(found.length === 0 ? `部门编码 ${rows.department} 不在您的工作台范围内 / department ${rows.department} is not one your desk covers` : `部门编码 ${rows.department} 在多个区划中出现，无法确定 / department code ${rows.department} is ambiguous across regions`));
  }
  const dept = found[0]!;
  const budgetId = await findBudget(ctx.db, dept.id, year);
  const b = budgetId === undefined ? undefined : await getBudget(ctx.db, budgetId);
  if (!b || b.version === 0) return refused(whole(`${dept.name} 没有 ${year} 年度预算草稿，请先建立预算 / ${dept.name} has no ${year} budget to import into`), dept.name);
  if (!can(actor, "desk.import", tenancyOf(b))) return refused(whole("无权导入此部门 / not allowed for this department"), dept.name, b.id);
  if (!isEditable(b.state)) return refused(whole(notEditableMessage(b.state)), dept.name, b.id);
  const { version, budget } = await loadBudget(ctx, b.id);
  // Unit scope: a department's lines belong to its own units.
  const units = new Set(budget.units.map((u) => u.code));
  const foreign = rows.lineItems.flatMap((l, i) => (units.has(l.unit) ? [] : [i]));
  if (foreign.length) {
    const codes = [...new Set(foreign.map((i) => rows.lineItems[i]!.unit))];
    return refused(whole(`单位 ${codes.join("、")} 不是 ${dept.name} 的单位 / unit(s) ${codes.join(", ")} are not units of this department`), dept.name, b.id);
  }
  const next: Budget = { ...budget, lineItems: rows.lineItems };
  try {
    // The budget file's own checks (limits, shapes) hold for an import as for any save.
    const checked = parseContent(toContent(next), file);
    const saved = await saveBudget(ctx, req, b, version, checked, "desk.import", `批量导入 / imported from ${file}`);
    return { department: rows.department, departmentName: dept.name, budgetId: b.id, status: "imported", lineItems: rows.lineItems.length, version: saved.version, problems: [] };
  } catch (e) {
    if (e instanceof InputError) return refused(e.problems.map((p) => ({ message: `${p.field ? `${p.field}: ` : ""}${p.message}`, file })), dept.name, b.id);
    if (e instanceof AppError) return refused(whole(e.message), dept.name, b.id);
    throw e;
  }
}

/** Reads the export through the mapping and imports each department on its own. */
export async function importDesk(ctx: AppContext, req: FastifyRequest, actor: Actor, year: number, file: string, bytes: Uint8Array, mapping: ImportMapping): Promise<DepartmentOutcome[]> {
  const scope = deskScope(actor);
  if (!canInRegion(actor, "desk.import", actor.regionId)) throw forbidden();
  const read = await readDeskImport(bytes, file, mapping);
  if (!read.ok) {
    throw new AppError("invalid", `文件 ${file} 无法导入，未导入任何部门 / nothing imported from ${file}: ${read.problems.map((p) => p.message).join("; ")}`, { problems: read.problems.map(placeOf) });
  }
  const out: DepartmentOutcome[] = [];
  for (const rows of read.departments) out.push(await importDepartment(ctx, req, actor, scope, year, file, rows));
  return out;
}
