/** 审核与流程 — answers of the check, warning explanations and workflow moves. */
import { z } from "zod";
import { budgetState, finding, isoDay, timestamp, workflowAction, type Wire } from "./common.ts";

/** 说明 — a person's written explanation of a warning. */
export const explanation = z.object({ text: z.string(), author: z.string().nullable(), writtenAt: timestamp });
export type Explanation = Wire<typeof explanation>;

/** A finding of the check, with the key PUT /explanations takes and the explanation written for it. */
export const checkedFinding = finding.extend({
  locationKey: z.string().describe("what PUT /api/budgets/:id/explanations takes to explain this warning"),
  explanation: explanation.optional(),
});
export type CheckedFinding = Wire<typeof checkedFinding>;

/** GET /api/budgets/:id/check — findings, and what stands between the budget and submission. */
export const checkAnswer = z.object({
  version: z.number().int(),
  findings: z.array(checkedFinding),
  gate: z.array(finding).describe("the errors that block submission"),
  canSubmit: z.boolean(),
});
export type CheckResult = Wire<typeof checkAnswer>;

export const explanationsAnswer = z.object({
  explanations: z.array(z.object({ rule: z.string(), locationKey: z.string(), text: z.string(), author: z.string().nullable(), writtenAt: timestamp })),
});

/** 流程记录 — one workflow move in the history (with a return's comment). */
export const transition = z.object({
  id: z.number().int(),
  action: workflowAction,
  from_state: budgetState,
  to_state: budgetState,
  at: timestamp,
  comment: z.string().nullable(),
  on_date: isoDay.nullable().describe("批复 or 公开 date the move recorded"),
  actor: z.string().nullable(),
});
export type Transition = Wire<typeof transition>;
export const transitionsAnswer = z.object({ state: budgetState, transitions: z.array(transition) });

/** POST /api/budgets/:id/transitions — the new state, the move's findings, and the publication it made. */
export const moveAnswer = z.object({
  state: budgetState,
  findings: z.array(finding),
  publication: z.object({ id: z.number().int(), number: z.number().int() }).optional(),
});
