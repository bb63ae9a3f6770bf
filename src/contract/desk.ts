/** 财政局工作台 — answers of the bureau's desk and its batch import of line items. */
import { z } from "zod";
import { DESK_SORTS, type DeskReminderKind, IMPORT_FIELDS, type ImportField } from "../core/desk.ts";
import { budgetState, fen, isoDay, type Wire } from "./common.ts";

const count = z.number().int();
const reminderKind = z.enum(["publication-late", "review-waiting", "over-control"] satisfies DeskReminderKind[]);

/** 一行 — one department and its budget of the year. */
export const deskRow = z.object({
  departmentId: count,
  departmentCode: z.string(),
  departmentName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  budgetId: count.nullable().describe("null: no budget of the year yet"),
  state: budgetState.nullable(),
  version: count.nullable(),
  control: fen.nullable().describe("控制数合计 (分); null when none is set"),
  total: fen.nullable().describe("支出明细合计 (分)"),
  difference: fen.nullable().describe("total − control (分): above zero is above the control figures"),
  approvedOn: isoDay.nullable().describe("批复日期"),
  publishedOn: isoDay.nullable().describe("公开日期"),
  publishBy: isoDay.nullable().describe("批复 + 20 days (预算法第十四条)"),
  daysSinceApproval: count.nullable(),
  submittedOn: isoDay.nullable().describe("last submission"),
  daysWaiting: count.nullable().describe("days since submission while waiting for review"),
  errors: count.nullable().describe("error findings of the current version"),
  warnings: count.nullable().describe("warnings without a written explanation"),
  reminders: z.array(reminderKind),
});
export type DeskRowWire = Wire<typeof deskRow>;

export const deskReminder = z.object({ kind: reminderKind, departmentId: count, departmentCode: z.string(), departmentName: z.string(), budgetId: count.nullable(), message: z.string() });

/** GET /api/desk — a page of departments, the counts over all of them, and the reminders. */
export const deskAnswer = z.object({
  year: count,
  today: isoDay,
  reviewDays: count,
  sort: z.enum(DESK_SORTS),
  order: z.enum(["asc", "desc"]),
  page: count,
  pageSize: count,
  counts: z.object({ departments: count, budgets: count, publicationLate: count, reviewWaiting: count, overControl: count }),
  rows: z.array(deskRow),
  reminders: z.array(deskReminder),
});
export type DeskAnswer = Wire<typeof deskAnswer>;

export const importField = z.enum(IMPORT_FIELDS as unknown as [ImportField, ...ImportField[]]);

/** 列映射 — which column header holds each field, and the amounts' unit. */
export const importMapping = z.object({
  columns: z.partialRecord(importField, z.string().trim().min(1).max(200)).describe("field → the column's header text in the export"),
  amountUnit: z.enum(["元", "万元"]),
});
export const importMappingAnswer = z.object({ mapping: importMapping, saved: z.boolean().describe("false: the default mapping (headers named as the fields)"), fields: z.array(z.object({ field: importField, name: z.string(), required: z.boolean() })) });
export type ImportMappingAnswer = Wire<typeof importMappingAnswer>;

const place = z.object({ file: z.string().optional(), sheet: z.string().optional(), cell: z.string().optional(), line: z.number().optional() });

/** POST /api/desk/import — per department: imported (with the new version) or refused (with every problem). */
export const deskImportAnswer = z.object({
  file: z.string(),
  imported: count,
  refused: count,
  departments: z.array(
    z.object({
      department: z.string().describe("部门编码 as the file gives it"),
      departmentName: z.string().nullable(),
      budgetId: count.nullable(),
      status: z.enum(["imported", "refused"]),
      lineItems: count,
      version: count.optional(),
      problems: z.array(z.object({ message: z.string() }).extend(place.shape)),
    }),
  ),
});
export type DeskImportAnswer = Wire<typeof deskImportAnswer>;
