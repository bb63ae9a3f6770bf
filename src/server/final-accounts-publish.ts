/**
 * 决算公开 — publishing a budget's final accounts (部门决算) beside the published budget: the decision
 * (src/core/publication.ts: the budget's own publisher, the budget 已公开, a date after the year), then the data:
 * the execution record must exist and be without errors (the execution rules' errors, the budget's own rule
 * errors, and a 决算 record that does not balance), each problem naming its field. The files (every scope, every
 * publication format) are rendered in the server's job pool before the transaction, as a budget's are, and
 * stored with their sha256 as a publication of kind `final-accounts`; the budget's state does not change.
 */
import { isDeepStrictEqual } from "node:util";
import type { Disclosure } from "../core/disclosure.ts";
import type { Execution } from "../core/execution/model.ts";
import { deriveFinalAccounts } from "../core/final-accounts/disclosure.ts";
import { finalAccountsPublication, mayPublishFinalAccounts, publicationTitle } from "../core/publication.ts";
import { createExecutionRuleContext, runExecutionRules } from "../core/rules/execution.ts";
import { createRuleContext, runRules } from "../core/rules/index.ts";
import { FINAL_ACCOUNTS_TEMPLATE_IDS } from "../core/templates/index.ts";
import type { Actor } from "../core/workflow.ts";
import { type BudgetSummary, lockBudget } from "../store/repos/budgets.ts";
import { getExecutionRecord, listPayments, loadExecution, lockExecutionRecord } from "../store/repos/execution.ts";
import { insertPublication, listBudgetPublications, nextPublicationNumber, publicationOfBudget } from "../store/repos/publications.ts";
import { tenancyOf } from "./access.ts";
import { type Acting, audit } from "./audit.ts";
import { loadBudget } from "./budget-service.ts";
import { renderDisclosures } from "./disclosure-files.ts";
import type { AppContext, SessionUser } from "./context.ts";
import { AppError, forbidden } from "./errors.ts";

/** The 决算 template publications are drawn in (the one final-accounts template shipped: Shanghai's nine tables). */
export const PUBLISHED_FINAL_ACCOUNTS_TEMPLATE = FINAL_ACCOUNTS_TEMPLATE_IDS[0]!;

/** A problem in the data behind a 决算: the field (of the execution record or the budget) and what is wrong. */
export interface DataProblem {
  path: string;
  message: string;
}

const NO_RECORD: DataProblem = {
  path: "execution",
  message: "没有执行记录：请先在“执行与绩效”中保存本年度的执行记录（含决算补充数据 finalAccounts）并导入支付明细 / no execution record: save the year's record (with finalAccounts) and import the payments first",
};

/**
 * The 决算's disclosures (the department's and each unit's), or every problem that keeps them from being
 * published: no record; error-level findings of the execution rules and of the budget's own rules; a record
 * that does not balance (core/final-accounts/ledger.ts).
 */
export async function finalAccountsToPublish(ctx: AppContext, b: BudgetSummary): Promise<{ ok: true; version: number; execution: Execution; departmentName: string; disclosures: Disclosure[] } | { ok: false; problems: DataProblem[] }> {
  if (!(await getExecutionRecord(ctx.db, b.id))) return { ok: false, problems: [NO_RECORD] };
  const { version, budget } = await loadBudget(ctx, b.id);
  const exec = await loadExecution(ctx.db, b.id, b.year);
  const catalog = await ctx.catalogs.get(ctx.db, b.regionId, b.year);
  const problems: DataProblem[] = [];
  for (const f of runRules(createRuleContext(budget, catalog))) {
    if (f.severity === "error") problems.push({ path: f.location.kind === "data" ? f.location.path : f.rule, message: `预算：${f.message}` });
  }
  for (const f of runExecutionRules(createExecutionRuleContext(budget, exec))) {
    if (f.severity === "error") problems.push({ path: f.location.kind === "data" ? `execution.${f.location.path}` : f.rule, message: `执行：${f.message}` });
  }
  const derived = deriveFinalAccounts(budget, exec, catalog, PUBLISHED_FINAL_ACCOUNTS_TEMPLATE);
  if (!derived.ok) problems.push(...derived.problems.map((p) => ({ path: p.field, message: p.message })));
  if (problems.length > 0 || !derived.ok) return { ok: false, problems };
  return { ok: true, version, execution: exec, departmentName: budget.department.name, disclosures: derived.disclosures };
}

/** What the web app shows before offering the step: may this user publish now, and is the data ready? */
export async function finalAccountsStatus(ctx: AppContext, actor: Actor, b: BudgetSummary) {
  const may = mayPublishFinalAccounts(b.state, actor, tenancyOf(b));
  const ready = await finalAccountsToPublish(ctx, b);
  const publications = (await listBudgetPublications(ctx.db, b.id)).filter((p) => p.kind === "final-accounts");
  return { canPublish: may.ok && ready.ok, refusal: may.ok ? null : may.message, problems: ready.ok ? [] : ready.problems, publications };
}

export interface PublishFinalAccounts {
  /** 公开日期 */
  date: string;
  /** 更正说明 — for a second or later publication */
  changeNote?: string | undefined;
}

export async function publishFinalAccounts(ctx: AppContext, req: Acting, user: SessionUser, b: BudgetSummary, move: PublishFinalAccounts) {
  const earlier = (await nextPublicationNumber(ctx.db, b.id, "final-accounts")) - 1;
  const decision = finalAccountsPublication(b.state, user.actor, tenancyOf(b), { date: move.date, changeNote: move.changeNote, earlier, year: b.year });
  if (!decision.ok) {
    if (decision.reason === "forbidden") throw forbidden(decision.message);
    throw new AppError(decision.reason, decision.message);
  }
  const ready = await finalAccountsToPublish(ctx, b);
  if (!ready.ok) throw new AppError("invalid", `决算数据有 ${ready.problems.length} 个问题，未公开 / the final-accounts data has ${ready.problems.length} problems: nothing published`, ready.problems);
  // rendered outside the transaction: rendering PDFs must not hold the budget's row lock
  const files = await renderDisclosures(ready.disclosures, ctx.options.publishFormats, ctx.jobs);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockBudget(trx, b.id);
    if (!locked || locked.state !== "published" || locked.version !== ready.version) {
      throw new AppError("conflict", "预算状态刚被他人改变，请刷新后重试 / the budget changed meanwhile; reload and retry");
    }
    // the execution as checked, read again under the record's row lock: a save or an import in between refuses
    const record = await lockExecutionRecord(trx, b.id);
    const now = record && { ...record, payments: await listPayments(trx, b.id) };
    if (!isDeepStrictEqual(now, ready.execution)) {
      throw new AppError("conflict", "执行记录或支付明细刚被他人修改，未公开，请刷新后重试 / the execution record or payments changed meanwhile: nothing published; reload and retry");
    }
    const publication = await insertPublication(trx, {
      kind: "final-accounts",
      ...publicationOfBudget(b),
      budgetVersion: ready.version,
      publishedOn: move.date,
      publishedBy: user.actor.userId,
      changeNote: move.changeNote?.trim() || null,
      // the department's name as the documents print it (the budget's own), as a budget's publication title has it
      title: publicationTitle("final-accounts", ready.departmentName, b.year),
      files,
    });
    await audit(trx, req, "final-accounts.publish", `budget:${b.id}`, { date: move.date, publication, template: PUBLISHED_FINAL_ACCOUNTS_TEMPLATE, files: files.length }, b.regionId);
    return { publication, files: files.length };
  });
}
