/**
 * 决算公开 API — typed calls of src/server/routes/final-accounts-publications.ts and the 决算 rendering
 * (src/server/routes/execution.ts): may the user publish, what blocks it, the publish step, the year's
 * documents on the portal.
 */
import type * as c from "../../contract/index.ts";
import type { Wire } from "../../contract/index.ts";
import { get, post } from "./client.ts";
import type { DisclosureJson } from "./types.ts";

const b = (id: number) => `/api/budgets/${id}`;

export const finalAccountsApi = {
  status: (id: number, signal?: AbortSignal) => get<Wire<typeof c.finalAccountsStatusAnswer>>(`${b(id)}/final-accounts`, { signal }),
  publish: (id: number, body: { date: string; changeNote?: string }) => post<Wire<typeof c.finalAccountsPublished>>(`${b(id)}/final-accounts/publications`, body),
  /** the 决算 as it would be published (disclosure JSON of the department) */
  preview: (id: number, signal?: AbortSignal) => get<DisclosureJson>(`${b(id)}/final-accounts/json`, { signal }),
  fileUrl: (id: number, format: "pdf" | "xlsx" | "html") => `${b(id)}/final-accounts/${format}`,
  /** the latest 部门预算 and 部门决算 of the budget a publication belongs to */
  yearDocuments: (publicationId: number, signal?: AbortSignal) => get<Wire<typeof c.yearDocumentsAnswer>>(`/api/public/publications/${publicationId}/documents`, { signal }),
};
