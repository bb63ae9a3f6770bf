/**
 * 流程用例 — one workflow move: gate (for a submission), the pure decision (src/core/workflow.ts), and the
 * outcome stored in one transaction with its audit entry. Publishing renders every disclosure first
 * (outside the transaction: rendering PDFs must not hold the budget's row lock) and stores them as an
 * immutable snapshot with their sha256, and its figures once as facts (src/store/repos/facts.ts).
 */
import { budgetFacts, budgetTotals } from "../core/facts.ts";
import { publicationTitle } from "../core/publication.ts";
import { type TransitionInput, type WorkflowAction, transition } from "../core/workflow.ts";
import { type BudgetSummary, lockBudget, recordTransition, sealVersion, setState } from "../store/repos/budgets.ts";
import { writeFacts } from "../store/repos/facts.ts";
import { type PublicationFile, insertPublication, nextPublicationNumber, publicationOfBudget } from "../store/repos/publications.ts";
import { regionTemplate } from "../store/repos/tenancy.ts";
import { tenancyOf } from "./access.ts";
import { type Acting, audit } from "./audit.ts";
import { recordCheck } from "./budget-checks.ts";
import { checkStoredBudget, loadBudget } from "./budget-service.ts";
import type { AppContext, SessionUser } from "./context.ts";
import { renderAll } from "./disclosure-files.ts";
import { AppError, forbidden } from "./errors.ts";

export interface MoveRequest {
  action: WorkflowAction;
  comment?: string;
  date?: string;
  /** 更正说明 — required when publishing a correction (a second or later publication) */
  changeNote?: string;
}

export async function moveBudget(ctx: AppContext, req: Acting, user: SessionUser, b: BudgetSummary, move: MoveRequest) {
  const { version, budget } = await loadBudget(ctx, b.id);
  const input: TransitionInput = { action: move.action, comment: move.comment, date: move.date, approvedOn: b.approvedOn };
  if (move.action === "submit") input.gate = (await checkStoredBudget(ctx, b, budget)).gate;
  const outcome = transition(b.state, user.actor, tenancyOf(b), input);
  if (!outcome.ok) {
    if (outcome.reason === "forbidden") throw forbidden(outcome.message);
    if (outcome.reason === "wrong-state") throw new AppError("wrong-state", outcome.message);
    if (outcome.reason === "blocked") throw new AppError("blocked", outcome.message, { findings: outcome.findings });
    throw new AppError("invalid", outcome.message);
  }
  let files: PublicationFile[] | undefined;
  if (move.action === "publish") {
    if ((await nextPublicationNumber(ctx.db, b.id)) > 1 && !move.changeNote?.trim()) {
      throw new AppError("invalid", "更正后再次公开须填写更正说明 / a corrected publication needs a change note (changeNote)");
    }
    files = await renderAll(budget, await ctx.catalogs.get(ctx.db, b.regionId, b.year), ctx.options.publishFormats, await regionTemplate(ctx.db, b.regionId), ctx.jobs);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockBudget(trx, b.id);
    if (!locked || locked.state !== b.state || locked.version !== version) {
      throw new AppError("conflict", "预算状态刚被他人改变，请刷新后重试 / the budget changed meanwhile; reload and retry");
    }
    const dates =
      move.action === "record-approval" ? { approvedOn: move.date! } : move.action === "publish" ? { publishedOn: move.date! } : move.action === "return" ? { approvedOn: null, publishedOn: null } : {};
    await setState(trx, b.id, outcome.to, dates);
    // Submitting seals the version: an edit based on anything before it is stale from now on.
    if (move.action === "submit") {
      const sealed = await sealVersion(trx, b.id, version, user.actor.userId, "提交 / submitted");
      await recordCheck(trx, ctx.catalogs, { budgetId: b.id, regionId: b.regionId, year: b.year, version: sealed }, budget);
    }
    await recordTransition(trx, { budgetId: b.id, action: move.action, from: outcome.from, to: outcome.to, actorId: user.actor.userId, comment: move.comment ?? null, date: move.date ?? null });
    let publication: { id: number; number: number } | undefined;
    if (files) {
      publication = await insertPublication(trx, {
        ...publicationOfBudget(b),
        budgetVersion: version,
        publishedOn: move.date!,
        publishedBy: user.actor.userId,
        changeNote: move.changeNote?.trim() || null,
        title: publicationTitle("budget", budget.department.name, b.year),
        files,
      });
      // The figures, once, as rows the portal and open data read (src/core/facts.ts).
      await writeFacts(trx, { publicationId: publication.id, budgetId: b.id, regionId: b.regionId, departmentId: b.departmentId, year: b.year }, budgetFacts(budget), budgetTotals(budget), budget.prior);
    }
    await audit(trx, req, `workflow.${move.action}`, `budget:${b.id}`, { from: outcome.from, to: outcome.to, comment: move.comment, date: move.date, publication, findings: outcome.findings.map((f) => f.rule) }, b.regionId);
    return { state: outcome.to, findings: outcome.findings, publication };
  });
}
