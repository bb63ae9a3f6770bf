/** Typed calls of the API, one function per endpoint the web app uses. */
import { del, get, post, put, upload } from "./client.ts";
import type {
  AuditAnswer,
  BudgetSummary,
  CatalogAnswer,
  CheckResult,
  Content,
  ControlFigure,
  Department,
  DisclosureJson,
  Finding,
  Me,
  Publication,
  PublicationFigures,
  PublicationMeta,
  Region,
  RegionOverview,
  Saved,
  Transition,
  VersionDetail,
  VersionInfo,
  WorkflowAction,
  BudgetState,
} from "./types.ts";

const b = (id: number) => `/api/budgets/${id}`;

export const api = {
  me: () => get<{ user: Me; csrfToken: string }>("/api/auth/me"),
  login: (username: string, password: string) => post<{ user: { id: number; username: string; displayName: string }; csrfToken: string }>("/api/auth/login", { username, password }),
  logout: () => post<{ ok: true }>("/api/auth/logout"),

  departments: () => get<{ departments: Department[] }>("/api/departments"),
  budgets: (year?: number) => get<{ budgets: BudgetSummary[] }>(`/api/budgets${year ? `?year=${year}` : ""}`),
  createBudget: (departmentId: number, year: number) => post<{ budget: BudgetSummary }>("/api/budgets", { departmentId, year }),
  budget: (id: number, signal?: AbortSignal) => get<{ budget: BudgetSummary; version: number; content: Content }>(b(id), { signal }),
  save: (id: number, version: number, content: Content, note?: string) => put<Saved>(b(id), { version, content, ...(note ? { note } : {}) }),
  versions: (id: number) => get<{ versions: VersionInfo[] }>(`${b(id)}/versions`),
  version: (id: number, n: number) => get<{ version: VersionDetail }>(`${b(id)}/versions/${n}`),
  importFile: (id: number, version: number, file: File) => upload<Saved & { findings: Finding[] }>(`${b(id)}/import?version=${version}`, file),
  check: (id: number, signal?: AbortSignal) => get<CheckResult>(`${b(id)}/check`, { signal }),
  explanations: (id: number) => get<{ explanations: { rule: string; locationKey: string; text: string; author: string | null; writtenAt: string }[] }>(`${b(id)}/explanations`),
  explain: (id: number, rule: string, locationKey: string, text: string) => put<{ ok: true }>(`${b(id)}/explanations`, { rule, locationKey, text }),
  transitions: (id: number) => get<{ state: BudgetState; transitions: Transition[] }>(`${b(id)}/transitions`),
  move: (id: number, body: { action: WorkflowAction; comment?: string; date?: string; changeNote?: string }) =>
    post<{ state: BudgetState; findings: Finding[]; publication?: { id: number; number: number } }>(`${b(id)}/transitions`, body),
  renderJson: (id: number, scope = "department") => get<DisclosureJson>(`${b(id)}/render/json?scope=${encodeURIComponent(scope)}`),
  renderUrl: (id: number, format: string, scope = "department") => `${b(id)}/render/${format}?scope=${encodeURIComponent(scope)}`,
  /** 录入工作簿: blank, or filled with the current version */
  entryWorkbookUrl: (id: number, blank: boolean) => `${b(id)}/entry-workbook?template=${blank ? 1 : 0}`,
  publications: (id: number) => get<{ publications: PublicationMeta[] }>(`${b(id)}/publications`),
  controlFigures: (departmentId: number, year: number) => get<{ controlFigures: ControlFigure[] }>(`/api/departments/${departmentId}/control-figures/${year}`),
  catalog: (year: number) => get<CatalogAnswer>(`/api/catalogs/${year}`),
  deleteBudgetPart: (url: string) => del<Saved>(url),
  audit: (file: File) => upload<AuditAnswer>("/api/audit", file),

  publicRegions: () => get<{ regions: (Region & { publications: number; years: number[] })[] }>("/api/public/regions"),
  regionPublications: (code: string, year?: number) => get<{ region: Region; publications: PublicationMeta[] }>(`/api/public/regions/${encodeURIComponent(code)}/publications${year ? `?year=${year}` : ""}`),
  regionOverview: (code: string, year?: number) => get<RegionOverview>(`/api/public/regions/${encodeURIComponent(code)}/overview${year ? `?year=${year}` : ""}`),
  publication: (id: number) => get<{ publication: Publication }>(`/api/public/publications/${id}`),
  publicationFigures: (id: number) => get<PublicationFigures>(`/api/public/publications/${id}/figures`),
  publicationFileUrl: (id: number, scope: string, format: string) => `/api/public/publications/${id}/files/${encodeURIComponent(scope)}/${format}`,
  publicationJson: (id: number, scope = "department") => get<DisclosureJson>(`/api/public/publications/${id}/files/${encodeURIComponent(scope)}/json`),
};
