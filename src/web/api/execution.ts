/**
 * 预算执行 API — typed calls of src/server/routes/execution.ts: the execution record, the payment import,
 * 双监控 progress, the self-evaluation report and next year's budget. Amounts come back in 分; the
 * record is saved in 元 (as execution.yaml is written).
 */
import type { Execution } from "../../core/execution/model.ts";
import type { CompletionStatus } from "../../core/execution/completion.ts";
import type { SpendingProgress } from "../../core/execution/progress.ts";
import type { Percent } from "../../core/ratio.ts";
import { get, post, put, upload } from "./client.ts";
import type { BudgetSummary, DisclosureJson, Finding } from "./types.ts";

/** 执行记录 — execution.yaml as stored (amounts in 分), without the payments. */
export type ExecutionRecord = Omit<Execution, "payments">;

export interface ExecutionAnswer {
  record: ExecutionRecord | null;
  payments: { count: number; total: number; byMonth: number[] };
}

export interface TargetProgress {
  code: string;
  name: string;
  indicators: { level3: string; target: string; actual: string; status: CompletionStatus; rate: Percent }[];
}

export interface ProgressAnswer {
  asOf: string;
  progress: SpendingProgress[];
  /** executed per month, 分 */
  monthly: number[];
  /** executed to the end of each month, 分 */
  cumulative: number[];
  targets: TargetProgress[];
  findings: Finding[];
}

const b = (id: number) => `/api/budgets/${id}`;

export const executionApi = {
  get: (id: number, signal?: AbortSignal) => get<ExecutionAnswer>(`${b(id)}/execution`, { signal }),
  /** body: the record with amounts in 元 (see recordBody in lib/execution.ts) */
  save: (id: number, body: Record<string, unknown>) => put<{ record: ExecutionRecord }>(`${b(id)}/execution`, body),
  importPayments: (id: number, file: File) => upload<{ imported: number; total: number }>(`${b(id)}/execution/payments`, file),
  progress: (id: number, signal?: AbortSignal) => get<ProgressAnswer>(`${b(id)}/execution/progress`, { signal }),
  evaluation: (id: number, signal?: AbortSignal) => get<DisclosureJson>(`${b(id)}/evaluation/json`, { signal }),
  evaluationUrl: (id: number, format: "html" | "xlsx" | "pdf") => `${b(id)}/evaluation/${format}`,
  nextYear: (id: number) => post<{ budget: BudgetSummary; mapped: string[]; dropped: string[] }>(`${b(id)}/next-year`, {}),
};
