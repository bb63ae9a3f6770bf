/**
 * 财政局工作台 — a finance bureau's desk: every department's budget of a year in the bureau's reach, what is
 * late, and the column mapping of another system's line-item export. Pure vocabulary: the store sorts and
 * pages by these names, the server and the web app print these words.
 */
import type { Finding } from "./rules/finding.ts";
import type { BudgetState, WarningExplanation } from "./workflow.ts";
import { PUBLICATION_DEADLINE_DAYS, explanationKey } from "./workflow.ts";

export { PUBLICATION_DEADLINE_DAYS };

/** 待审核 — the states in which a budget waits for a reviewer (submitted, not yet 批复). */
export const AWAITING_REVIEW_STATES: readonly BudgetState[] = ["submitted", "department-approved", "finance-approved"];

/** How many days a budget may wait for review before the desk reminds the bureau of it (a default; the page may ask for another). */
export const REVIEW_REMINDER_DAYS = 10;

/** 待处理的审核结果 — what the desk counts of a budget's findings: errors, and warnings nobody explained yet. */
export interface FindingsWaiting {
  errors: number;
  warnings: number;
}

export function findingsWaiting(findings: readonly Finding[], explanations: readonly WarningExplanation[]): FindingsWaiting {
  const explained = new Set(explanations.map((e) => `${e.rule}\u0000${e.locationKey}`));
  const unexplained = findings.filter((f) => {
    if (f.severity !== "warning") return false;
    const k = explanationKey(f);
    return !explained.has(`${k.rule}\u0000${k.locationKey}`);
  });
  return { errors: findings.filter((f) => f.severity === "error").length, warnings: unexplained.length };
}

/** The columns the desk sorts by. */
export const DESK_SORTS = ["department", "region", "state", "control", "total", "difference", "daysSinceApproval", "daysWaiting", "errors", "warnings"] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

export const DESK_SORT_NAMES: Record<DeskSort, string> = {
  department: "部门",
  region: "区划",
  state: "状态",
  control: "控制数",
  total: "预算合计",
  difference: "超出控制数",
  daysSinceApproval: "批复后天数",
  daysWaiting: "待审核天数",
  errors: "错误",
  warnings: "未说明的警告",
};

/** 提醒 — what the desk reminds the bureau of. */
export type DeskReminderKind = "publication-late" | "review-waiting" | "over-control";

/**
 * The reminders one department's budget calls for, `today` being the desk's date. Publication is late when
 * the budget was 批复 more than 20 days ago and is not yet public (预算法第十四条); a review is late when the
 * budget has waited more than `reviewDays` since its submission.
 */
export function deskReminders(row: { state: BudgetState | null; daysSinceApproval: number | null; daysWaiting: number | null; difference: number | null }, reviewDays = REVIEW_REMINDER_DAYS): DeskReminderKind[] {
  const out: DeskReminderKind[] = [];
  if (row.state === "approved" && row.daysSinceApproval !== null && row.daysSinceApproval > PUBLICATION_DEADLINE_DAYS) out.push("publication-late");
  if (row.state !== null && AWAITING_REVIEW_STATES.includes(row.state) && row.daysWaiting !== null && row.daysWaiting > reviewDays) out.push("review-waiting");
  if (row.difference !== null && row.difference > 0) out.push("over-control");
  return out;
}

/** The reminder as a sentence, zh-CN first. */
export function reminderText(kind: DeskReminderKind, row: { daysSinceApproval: number | null; daysWaiting: number | null }): string {
  switch (kind) {
    case "publication-late":
      return `批复已 ${row.daysSinceApproval} 天仍未公开，超过预算法第十四条规定的 ${PUBLICATION_DEADLINE_DAYS} 日 / approved ${row.daysSinceApproval} days ago and not yet published (limit ${PUBLICATION_DEADLINE_DAYS} days)`;
    case "review-waiting":
      return `已提交 ${row.daysWaiting} 天，仍待审核 / submitted ${row.daysWaiting} days ago and still waiting for review`;
    case "over-control":
      return "预算合计超过控制数 / the budget's total is above its control figures";
  }
}

/** 导入字段 — the fields of one line item in another system's export. */
export const IMPORT_FIELDS = ["department", "unit", "functional", "economic", "nature", "source", "project", "amount", "memo"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_NAMES: Record<ImportField, string> = {
  department: "部门编码",
  unit: "单位编码",
  functional: "支出功能分类科目",
  economic: "部门预算支出经济分类科目",
  nature: "支出性质",
  source: "资金来源",
  project: "项目编码",
  amount: "金额",
  memo: "摘要",
};

/** Fields every row must have; project (for project expenditure) and memo are optional columns. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["department", "unit", "functional", "economic", "nature", "source", "amount"];

/**
 * 列映射 — which column of the export holds each field (by its header text), and the unit its amounts are
 * in. Saved per region: the bureau maps its system's export once.
 */
export interface ImportMapping {
  columns: Partial<Record<ImportField, string>>;
  /** 金额单位 — 元 or 万元 */
  amountUnit: "元" | "万元";
}

/** The mapping of a file whose headers are the field names themselves (the 录入模板's words). */
export const DEFAULT_IMPORT_MAPPING: ImportMapping = {
  columns: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, IMPORT_FIELD_NAMES[f]])) as Record<ImportField, string>,
  amountUnit: "元",
};
