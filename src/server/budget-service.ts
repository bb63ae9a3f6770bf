/**
 * 预算用例 — loading, saving (a new version each time, optimistic), checking. Routes call these; these
 * call the repositories and the pure core.
 */
import type { FastifyRequest } from "fastify";
import type { Budget } from "../core/model.ts";
import type { Finding } from "../core/rules/finding.ts";
import { createRuleContext } from "../core/rules/engine.ts";
import { runRules } from "../core/rules/index.ts";
import { explanationKey, isEditable, submissionGate, changesBeyondUnit, notEditableMessage } from "../core/workflow.ts";
import { type BudgetSummary, currentContent, saveVersion } from "../store/repos/budgets.ts";
import { listControlFigures } from "../store/repos/control-figures.ts";
import { listExplanations } from "../store/repos/explanations.ts";
import { audit } from "./audit.ts";
import { recordCheck } from "./budget-checks.ts";
import { type Content, parseContent, storedToBudget, toContent } from "./budget-content.ts";
import type { AppContext } from "./context.ts";
import { AppError, forbidden } from "./errors.ts";
import { refuseUnstorableText } from "./json-body.ts";

export async function loadBudget(ctx: AppContext, budgetId: number): Promise<{ version: number; content: Content; budget: Budget }> {
  const current = await currentContent(ctx.db, budgetId);
  if (!current) throw new AppError("not-found", "预算还没有内容 / the budget has no saved version");
  return { ...current, budget: storedToBudget(current.content) };
}

/** Saves `budget` as the next version after `expectedVersion`; writes the audit entry in the same transaction. */
export async function saveBudget(ctx: AppContext, req: FastifyRequest, b: BudgetSummary, expectedVersion: number, budget: Budget, action: string, note?: string | null) {
  if (!isEditable(b.state)) {
    // A quick answer; saveVersion checks the state again inside its transaction, where it counts.
    throw new AppError("wrong-state", notEditableMessage(b.state));
  }
  if (budget.year !== b.year || budget.department.code !== b.departmentCode) {
    throw new AppError("invalid", `预算文件的年度或部门（${budget.year} / ${budget.department.code}）与此预算（${b.year} / ${b.departmentCode}）不符 / year or department does not match this budget`);
  }
  const actor = req.user?.actor;
  if (actor?.role === "preparer" && actor.unitCode) {
    const current = await currentContent(ctx.db, b.id);
    if (!current) throw new AppError("not-found", "预算还没有内容 / the budget has no saved version");
    refuseBeyondUnit(storedToBudget(current.content), budget, actor.unitCode);
  }
  const content = toContent(budget);
  // PostgreSQL stores no NUL and no lone surrogate in text: refused here with the field, not a 500 there.
  refuseUnstorableText(content, "预算内容 / the budget content ");
  const userId = actor?.userId ?? null;
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await saveVersion(trx, {
      budgetId: b.id,
      expectedVersion,
      content,
      lineItems: budget.lineItems,
      authorId: userId,
      note: note ?? null,
      onLineItems: (count) => req.log.info({ budgetId: b.id, action, lineItems: count }, "save: writing line items"),
    });
    // 审核结果计数 — counted now, so the bureau's desk only reads it
    await recordCheck(trx, ctx.catalogs, { budgetId: b.id, regionId: b.regionId, year: b.year, version: saved.version }, budget);
    await audit(trx, req, action, `budget:${b.id}`, { version: saved.version, lineItems: { added: saved.diff.lineItems.added, removed: saved.diff.lineItems.removed, changed: saved.diff.lineItems.changed }, projects: saved.diff.projects, texts: saved.diff.texts }, b.regionId);
    return saved;
  });
}

/**
 * A unit's preparer (单位填报) prepares their own unit's part of the department budget only: a save or a
 * new budget that changes anything beyond it, compared with `before`, is refused whole.
 */
export function refuseBeyondUnit(before: Budget, after: Budget, unitCode: string): void {
  const foreign = changesBeyondUnit(before, after, unitCode);
  if (foreign.length > 0) {
    throw forbidden(`单位填报人员只能修改本单位（${unitCode}）的支出明细、项目和采购，部门级内容由部门修改 / a preparer may change only their own unit's part; department-level content is the department's: ${foreign.join("; ")}`);
  }
}

/** Applies an edit to the current content and saves it, based on the version the client named. */
export async function editBudget(ctx: AppContext, req: FastifyRequest, b: BudgetSummary, expectedVersion: number, edit: (c: Content) => Content, action: string) {
  const current = await currentContent(ctx.db, b.id);
  if (!current) throw new AppError("not-found", "预算还没有内容 / the budget has no saved version");
  return saveBudget(ctx, req, b, expectedVersion, parseContent(edit(current.content)), action);
}

export interface CheckResult {
  /** the rules' findings, each warning with its explanation (if written) */
  findings: (Finding & { locationKey: string; explanation?: { text: string; author: string | null; writtenAt: Date } })[];
  /** what stands between the budget and submission (errors) */
  gate: Finding[];
  canSubmit: boolean;
}

export async function checkStoredBudget(ctx: AppContext, b: BudgetSummary, budget: Budget): Promise<CheckResult> {
  const catalog = await ctx.catalogs.get(ctx.db, b.regionId, b.year);
  const findings = runRules(createRuleContext(budget, catalog));
  const explanations = await listExplanations(ctx.db, b.id);
  const control = await listControlFigures(ctx.db, b.departmentId, b.year);
  const byKey = new Map(explanations.map((e) => [`${e.rule}\u0000${e.locationKey}`, e]));
  const gate = submissionGate(budget, findings, explanations, control);
  return {
    findings: findings.map((f) => {
      const k = explanationKey(f);
      const e = f.severity === "warning" ? byKey.get(`${k.rule}\u0000${k.locationKey}`) : undefined;
      // locationKey is what PUT /explanations takes to explain this warning
      return { ...f, locationKey: k.locationKey, ...(e ? { explanation: { text: e.text, author: e.author, writtenAt: e.writtenAt } } : {}) };
    }),
    gate,
    canSubmit: gate.length === 0,
  };
}
