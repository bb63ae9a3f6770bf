/** 预算 — answers about departments, budgets, their versions, line items and control figures. */
import { z } from "zod";
import { type Nature, NATURES } from "../core/model.ts";
import { budgetState, content, finding, isoDay, saved, timestamp, versionDiff, workflowAction, type Wire } from "./common.ts";

/** 部门 — a department the user can see, with its units (GET /api/departments). */
export const department = z.object({
  departmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionId: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  divisionId: z.number().int().nullable().describe("the 业务科室 reviewing it, if assigned"),
  units: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});
export type Department = Wire<typeof department>;
export const departmentsAnswer = z.object({ departments: z.array(department) });

/** 预算概要 — a budget in a list, with the workflow actions the user may take on it. */
export const budgetSummary = z.object({
  id: z.number().int(),
  departmentId: z.number().int(),
  departmentCode: z.string(),
  departmentName: z.string(),
  regionId: z.number().int(),
  divisionId: z.number().int().nullable(),
  year: z.number().int(),
  state: budgetState,
  version: z.number().int(),
  approvedOn: isoDay.nullable().describe("批复日期"),
  publishedOn: isoDay.nullable().describe("公开日期"),
  updatedAt: timestamp,
  actions: z.array(workflowAction),
});
export type BudgetSummary = Wire<typeof budgetSummary>;
export const budgetsAnswer = z.object({ budgets: z.array(budgetSummary) });
export const budgetCreated = z.object({ budget: budgetSummary });
/** GET /api/budgets/:id — the budget and its current content. */
export const budgetAnswer = z.object({ budget: budgetSummary, version: z.number().int(), content });

export type Saved = Wire<typeof saved>;
export type VersionDiff = Wire<typeof versionDiff>;

/** 版本 — one saved version in the history. */
export const versionInfo = z.object({
  number: z.number().int(),
  author: z.string().nullable(),
  createdAt: timestamp,
  note: z.string().nullable(),
  summary: z.string().describe("the diff in one line"),
});
export type VersionInfo = Wire<typeof versionInfo>;
export const versionsAnswer = z.object({ versions: z.array(versionInfo) });

/** One version in full: its content and what it changed. */
export const versionDetail = z.object({
  number: z.number().int(),
  created_at: timestamp,
  note: z.string().nullable(),
  diff: versionDiff,
  content,
  author: z.string().nullable(),
});
export type VersionDetail = Wire<typeof versionDetail>;
export const versionAnswer = z.object({ version: versionDetail });

/** 支出明细 — a line item of the current version as stored (amount in 分). */
export const storedLineItem = z.object({
  position: z.number().int(),
  unit: z.string(),
  functional: z.string(),
  economic: z.string(),
  nature: z.enum(NATURES as [Nature, ...Nature[]]),
  project: z.string().nullable(),
  source: z.string(),
  amount: z.number().int().describe("分"),
  memo: z.string().nullable(),
});
export const lineItemsAnswer = z.object({ version: z.number().int(), lineItems: z.array(storedLineItem) });

/** POST /api/budgets/:id/import — the save, and the imported budget's findings. */
export const importAnswer = saved.extend({ findings: z.array(finding) });

/** 控制数 — a control figure: amount in 分 and as 元 text. */
export const controlFigure = z.object({
  nature: z.enum(NATURES as [Nature, ...Nature[]]),
  source: z.string().describe("资金来源 code, e.g. gpb-appropriation"),
  amount: z.number().int().describe("分"),
  yuan: z.string().describe("元, two decimals"),
});
export type ControlFigure = Wire<typeof controlFigure>;
export const controlFiguresAnswer = z.object({ controlFigures: z.array(controlFigure) });
