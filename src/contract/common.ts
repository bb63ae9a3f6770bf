/**
 * The pieces every answer is built from. This module knows zod and the core's vocabulary only: the server
 * serialises its answers with these schemas and the web app takes its types from them (README "Server").
 *
 * A schema's output side is what a route hands to the serialiser, its input side what the JSON carries:
 * they differ only for moments (a Date on the server, ISO text on the wire), so the web reads `Wire<S>`.
 */
import { z } from "zod";
import type { Fen } from "../core/money.ts";
import { SEVERITIES, type Finding as CoreFinding, type Severity } from "../core/rules/finding.ts";
import { BUDGET_STATES, WORKFLOW_ACTIONS, ROLES, type BudgetState, type Role, type WorkflowAction } from "../core/workflow.ts";

/** What an answer's JSON carries (the input side of its schema): the type the web app reads. */
export type Wire<S extends z.ZodType> = z.input<S>;

/** 时刻 — a timestamp: a Date in the server, ISO 8601 text on the wire. */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/**
 * 分 — an integer amount of money, typed as the core's Fen: the wire carries a JSON integer, and both sides
 * keep money's one type (src/core/money.ts) rather than a bare number.
 */
export const fen = z.number().int().describe("分") as z.ZodType<number, number> as unknown as z.ZodType<Fen, Fen>;

/** 日期 — a calendar day, yyyy-mm-dd (date columns are ISO text). */
export const isoDay = z.iso.date();

export const budgetState = z.enum(BUDGET_STATES as [BudgetState, ...BudgetState[]]);
export const workflowAction = z.enum(WORKFLOW_ACTIONS as [WorkflowAction, ...WorkflowAction[]]);
export const role = z.enum(ROLES as [Role, ...Role[]]);
export const severity = z.enum(SEVERITIES as [Severity, ...Severity[]]);

/** The one error answer (src/server/error-mapper.ts): `{"error":{"code","message","details"}}`. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe("e.g. not-found, stale-version, invalid-budget, bad-request"),
      message: z.string().describe("中文 / English"),
      details: z.unknown().describe("null, or what the code names (issues, problems, findings, changes)"),
    }),
  })
  .describe("错误 / the one error answer");
export type ErrorBody = z.output<typeof errorBody>;

/** The answer of a change that returns nothing else. */
export const ok = z.object({ ok: z.literal(true) });
/** The answer of a creation that returns the new row's id. */
export const created = z.object({ id: z.number().int() });

const documentPlace = {
  file: z.string().optional(),
  page: z.number().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  line: z.number().optional(),
};

/** 位置 — where a finding is: a path into the budget data, a table cell, or a place in a text. */
export const location = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("data"), path: z.string(), file: z.string().optional(), sheet: z.string().optional(), cell: z.string().optional(), line: z.number().optional() }),
  z.object({ kind: z.literal("table"), table: z.string(), row: z.number().optional(), column: z.string().optional(), ...documentPlace }),
  z.object({ kind: z.literal("text"), section: z.string(), quote: z.string().optional(), ...documentPlace }),
]);

/** 审核发现 — one finding of a rule (src/core/rules/finding.ts). */
export const finding = z
  .object({
    rule: z.string(),
    severity,
    message: z.string(),
    location,
    expected: z.union([z.string(), z.number()]).optional(),
    actual: z.union([z.string(), z.number()]).optional(),
    ocr: z.boolean().optional().describe("依据 OCR 识别的数字 / rests on figures read by OCR"),
  })
  .describe("审核发现 / a finding");
export type Finding = Wire<typeof finding>;
// The core's findings are what the routes hand over: the contract must take every one of them.
const _coreFinding: z.output<typeof finding> = {} as CoreFinding;
void _coreFinding;

/** 版本差异 — what a save changed (stored with each version; told to a writer whose save lost the race). */
export const versionDiff = z
  .object({
    lineItems: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      changes: z.array(z.object({ key: z.string(), before: z.record(z.string(), z.unknown()).optional(), after: z.record(z.string(), z.unknown()).optional() })),
    }),
    projects: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
    texts: z.array(z.string()).describe("changed text fields: reasons.<key>, profile, targets, department, units, prior, procurement, assets"),
  })
  .describe("版本差异 / what a save changed");

/** 保存结果 — a save's answer: the new version and what it changed. */
export const saved = z.object({ version: z.number().int(), diff: versionDiff });

/** Budget-file JSON: the fields of a budget.yaml, amounts as 元 (read by src/formats/budget-file). */
export const content = z.record(z.string(), z.unknown()).describe("budget-file JSON (same fields as budget.yaml)");
