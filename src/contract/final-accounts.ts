/** 决算公开 — answers of a budget's final-accounts (部门决算) publication: its status and the publish step. */
import { z } from "zod";
import { publicationMeta } from "./public.ts";

/** A problem in the data behind a 决算: the field and what is wrong (Chinese first). */
export const dataProblem = z.object({ path: z.string().describe("the field: execution.…, finalAccounts.… or a path into the budget"), message: z.string() });

/** GET /api/budgets/:id/final-accounts — may the caller publish the 决算 now, what in the data stops it, what was published. */
export const finalAccountsStatusAnswer = z.object({
  canPublish: z.boolean().describe("the caller's role and tenant allow it, the budget is published and the data has no problem"),
  refusal: z.string().nullable().describe("why the caller may not (role, tenant or the budget's state), else null"),
  problems: z.array(dataProblem).describe("what keeps the data from being published; empty when ready"),
  publications: z.array(publicationMeta).describe("the 决算's publications, latest first"),
});

/** POST /api/budgets/:id/final-accounts/publications — the publication made. */
export const finalAccountsPublished = z.object({
  publication: z.object({ id: z.number().int(), number: z.number().int() }),
  files: z.number().int().describe("files stored (every scope × every publication format)"),
});
