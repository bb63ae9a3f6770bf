/**
 * 访问控制 — loads what a request acts on and applies the policy of src/core/workflow.ts. A budget the user
 * may not even read answers 404 (its existence is not disclosed to another tenant); one they can read but
 * not change answers 403.
 */
import { type Actor, type Permission, type Tenancy, can } from "../core/workflow.ts";
import { type BudgetSummary, getBudget } from "../store/repos/budgets.ts";
import { getDepartment, type DepartmentInfo } from "../store/repos/tenancy.ts";
import type { Db } from "../store/schema.ts";
import { forbidden, notFound } from "./errors.ts";

export const tenancyOf = (b: BudgetSummary): Tenancy => ({ regionId: b.regionId, departmentId: b.departmentId, divisionId: b.divisionId });

export async function budgetFor(db: Db, actor: Actor, budgetId: number, permission: Permission): Promise<BudgetSummary> {
  const b = await getBudget(db, budgetId);
  if (!b || !can(actor, "budget.read", tenancyOf(b))) throw notFound("预算 / budget");
  if (!can(actor, permission, tenancyOf(b))) throw forbidden();
  return b;
}

export async function departmentFor(db: Db, actor: Actor, departmentId: number, permission: Permission): Promise<DepartmentInfo> {
  const d = await getDepartment(db, departmentId);
  if (!d || !can(actor, "budget.read", d)) throw notFound("部门 / department");
  if (!can(actor, permission, d)) throw forbidden();
  return d;
}
