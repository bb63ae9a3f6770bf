/**
 * 预算执行 API — typed calls of src/server/routes/execution.ts: the execution record, the payment import,
 * 双监控 progress, the self-evaluation report and next year's budget. Amounts come back in 分; the
 * record is saved in 元 (as execution.yaml is written).
 */
import type * as c from "../../contract/index.ts";
import type { Wire } from "../../contract/index.ts";
import { get, post, put, upload } from "./client.ts";
import type { DisclosureJson } from "./types.ts";

export type { ExecutionAnswer, ExecutionRecord, ProgressAnswer } from "../../contract/index.ts";

const b = (id: number) => `/api/budgets/${id}`;

export const executionApi = {
  get: (id: number, signal?: AbortSignal) => get<Wire<typeof c.executionAnswer>>(`${b(id)}/execution`, { signal }),
  /** body: the record with amounts in 元 (see recordBody in lib/execution.ts) */
  save: (id: number, body: Record<string, unknown>) => put<Wire<typeof c.executionSaved>>(`${b(id)}/execution`, body),
  /** `replaceAll`: the user confirmed that a file without payments removes them all (清空) */
  importPayments: (id: number, file: File, replaceAll = false) => upload<Wire<typeof c.paymentsImported>>(`${b(id)}/execution/payments${replaceAll ? "?replaceAll=true" : ""}`, file),
  progress: (id: number, signal?: AbortSignal) => get<Wire<typeof c.progressAnswer>>(`${b(id)}/execution/progress`, { signal }),
  evaluation: (id: number, signal?: AbortSignal) => get<DisclosureJson>(`${b(id)}/evaluation/json`, { signal }),
  evaluationUrl: (id: number, format: "html" | "xlsx" | "pdf") => `${b(id)}/evaluation/${format}`,
  nextYear: (id: number) => post<Wire<typeof c.nextYearAnswer>>(`${b(id)}/next-year`, {}),
};
