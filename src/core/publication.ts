/**
 * 公开文件种类 — what a publication publishes: a department budget (部门预算) or the final accounts (部门决算)
 * of the same budget year, and the decision whether a budget's 决算 may be published now. Pure: the server
 * loads the data and stores the outcome (src/server/final-accounts-publish.ts).
 *
 * A 决算 is published by whoever publishes the budget (the department's approver, 部门审核), once the budget
 * itself is 已公开 and its year has ended; a second publication of it is a correction and needs a note, as a
 * budget's does. Background: ../shared/domain.md §1 (after the year: final accounts).
 */
import { type Actor, type BudgetState, BUDGET_STATE_NAMES, ROLE_NAMES, type Tenancy, belongsTo, rolesFor } from "./workflow.ts";

/** 公开文件种类 — the kind of a published document. */
export type DocumentKind = "budget" | "final-accounts";

export const DOCUMENT_KINDS: readonly DocumentKind[] = ["budget", "final-accounts"];

export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  budget: "部门预算",
  "final-accounts": "部门决算",
};

/** The title a department's publication carries, e.g. 洛阳市洛龙区社区治理和服务创新办公室2021年度部门决算. */
export function publicationTitle(kind: DocumentKind, departmentName: string, year: number): string {
  return `${departmentName}${year}年度${DOCUMENT_KIND_NAMES[kind]}`;
}

/** The roles that publish a budget's 决算: the same that publish the budget (workflow.ts, 公开). */
export const FINAL_ACCOUNTS_PUBLISHERS = rolesFor("publish", "approved");

export type FinalAccountsDecision = { ok: true } | { ok: false; reason: "forbidden" | "wrong-state" | "invalid"; message: string };

/**
 * May the actor publish the 决算 of a budget in `state` at all (the role and tenant first, then the state)?
 * What the web app asks before it offers the step; `finalAccountsPublication` adds the date and the note.
 */
export function mayPublishFinalAccounts(state: BudgetState, actor: Actor, t: Tenancy): FinalAccountsDecision {
  if (!belongsTo(actor, t) || !FINAL_ACCOUNTS_PUBLISHERS.includes(actor.role)) {
    const who = FINAL_ACCOUNTS_PUBLISHERS.map((r) => ROLE_NAMES[r]).join("、");
    return { ok: false, reason: "forbidden", message: `只有本预算的${who}可以公开决算 / only the budget's ${FINAL_ACCOUNTS_PUBLISHERS.join(", ")} may publish its final accounts` };
  }
  if (state !== "published") {
    return {
      ok: false,
      reason: "wrong-state",
      message: `预算处于“${BUDGET_STATE_NAMES[state]}”状态：须先公开部门预算，才能公开其决算 / the budget must be published (state: ${state}) before its final accounts`,
    };
  }
  return { ok: true };
}

export interface FinalAccountsPublishInput {
  /** 公开日期 (yyyy-mm-dd) */
  date?: string | undefined;
  /** 更正说明 — needed when the 决算 has been published before */
  changeNote?: string | undefined;
  /** how many times this budget's 决算 has been published already */
  earlier: number;
  /** the budget year: a 决算 is published after it has ended */
  year: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The whole decision for publishing a budget's 决算 now (the data's own problems are the server's to add). */
export function finalAccountsPublication(state: BudgetState, actor: Actor, t: Tenancy, input: FinalAccountsPublishInput): FinalAccountsDecision {
  const may = mayPublishFinalAccounts(state, actor, t);
  if (!may.ok) return may;
  if (!input.date || !ISO_DATE.test(input.date) || Number.isNaN(Date.parse(input.date))) {
    return { ok: false, reason: "invalid", message: "公开决算须填写日期（yyyy-mm-dd） / publishing final accounts needs a date (yyyy-mm-dd)" };
  }
  const yearEnd = `${input.year}-12-31`;
  if (input.date <= yearEnd) {
    return { ok: false, reason: "invalid", message: `决算公开日期 ${input.date} 应在预算年度结束（${yearEnd}）之后 / final accounts are published after the budget year has ended` };
  }
  if (input.earlier > 0 && !input.changeNote?.trim()) {
    return { ok: false, reason: "invalid", message: "更正后再次公开决算须填写更正说明 / a corrected publication of the final accounts needs a change note (changeNote)" };
  }
  return { ok: true };
}
