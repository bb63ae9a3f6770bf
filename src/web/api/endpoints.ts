/** Typed calls of the API, one function per endpoint the web app uses; each answer is its contract's wire type (src/contract). */
import type * as c from "../../contract/index.ts";
import type { Wire } from "../../contract/index.ts";
import { del, get, post, put, upload } from "./client.ts";
import type { Content, DisclosureJson, WorkflowAction } from "./types.ts";

const b = (id: number) => `/api/budgets/${id}`;

export const api = {
  me: () => get<Wire<typeof c.meAnswer>>("/api/auth/me"),
  login: (username: string, password: string) => post<Wire<typeof c.loginAnswer>>("/api/auth/login", { username, password }),
  logout: () => post<Wire<typeof c.ok>>("/api/auth/logout"),

  departments: () => get<Wire<typeof c.departmentsAnswer>>("/api/departments"),
  budgets: (year?: number) => get<Wire<typeof c.budgetsAnswer>>(`/api/budgets${year ? `?year=${year}` : ""}`),
  createBudget: (departmentId: number, year: number) => post<Wire<typeof c.budgetCreated>>("/api/budgets", { departmentId, year }),
  budget: (id: number, signal?: AbortSignal) => get<Wire<typeof c.budgetAnswer>>(b(id), { signal }),
  save: (id: number, version: number, content: Content, note?: string) => put<Wire<typeof c.saved>>(b(id), { version, content, ...(note ? { note } : {}) }),
  versions: (id: number) => get<Wire<typeof c.versionsAnswer>>(`${b(id)}/versions`),
  version: (id: number, n: number) => get<Wire<typeof c.versionAnswer>>(`${b(id)}/versions/${n}`),
  importFile: (id: number, version: number, file: File) => upload<Wire<typeof c.importAnswer>>(`${b(id)}/import?version=${version}`, file),
  check: (id: number, signal?: AbortSignal) => get<Wire<typeof c.checkAnswer>>(`${b(id)}/check`, { signal }),
  explanations: (id: number) => get<Wire<typeof c.explanationsAnswer>>(`${b(id)}/explanations`),
  explain: (id: number, rule: string, locationKey: string, text: string) => put<Wire<typeof c.ok>>(`${b(id)}/explanations`, { rule, locationKey, text }),
  transitions: (id: number) => get<Wire<typeof c.transitionsAnswer>>(`${b(id)}/transitions`),
  move: (id: number, body: { action: WorkflowAction; comment?: string; date?: string; changeNote?: string }) =>
    post<Wire<typeof c.moveAnswer>>(`${b(id)}/transitions`, body),
  /** the rendered disclosure; `draft`: also when the budget has error-level findings (marked 草稿 未经审核) */
  renderJson: (id: number, scope = "department", draft = false) => get<DisclosureJson>(`${b(id)}/render/json?scope=${encodeURIComponent(scope)}${draft ? "&draft=1" : ""}`),
  renderUrl: (id: number, format: string, scope = "department", draft = false) => `${b(id)}/render/${format}?scope=${encodeURIComponent(scope)}${draft ? "&draft=1" : ""}`,
  /** 录入工作簿: blank, or filled with the current version */
  entryWorkbookUrl: (id: number, blank: boolean) => `${b(id)}/entry-workbook?template=${blank ? 1 : 0}`,
  publications: (id: number) => get<Wire<typeof c.publicationsAnswer>>(`${b(id)}/publications`),
  controlFigures: (departmentId: number, year: number) => get<Wire<typeof c.controlFiguresAnswer>>(`/api/departments/${departmentId}/control-figures/${year}`),
  catalog: (year: number) => get<Wire<typeof c.catalogAnswer>>(`/api/catalogs/${year}`),
  deleteBudgetPart: (url: string) => del<Wire<typeof c.saved>>(url),
  audit: (file: File) => upload<Wire<typeof c.auditAnswer>>("/api/audit", file),
  desk: (q: { year: number; sort: string; order: "asc" | "desc"; page: number; pageSize: number; reviewDays?: number }) =>
    get<Wire<typeof c.deskAnswer>>(`/api/desk?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`),
  deskMapping: () => get<Wire<typeof c.importMappingAnswer>>("/api/desk/mapping"),
  saveDeskMapping: (mapping: Wire<typeof c.importMapping>) => put<Wire<typeof c.importMappingAnswer>>("/api/desk/mapping", mapping),
  deskImport: (year: number, file: File) => upload<Wire<typeof c.deskImportAnswer>>(`/api/desk/import?year=${year}`, file),

  publicRegions: () => get<Wire<typeof c.publicRegionsAnswer>>("/api/public/regions"),
  regionPublications: (code: string, year?: number, page = 1, pageSize = 1000) =>
    get<Wire<typeof c.regionPublicationsAnswer>>(`/api/public/regions/${encodeURIComponent(code)}/publications?${new URLSearchParams({ ...(year ? { year: String(year) } : {}), page: String(page), pageSize: String(pageSize) }).toString()}`),
  /** Every page of a region's publications (a county's fit in one; a larger region's take a few requests). */
  allRegionPublications: async (code: string, year?: number) => {
    const first = await api.regionPublications(code, year);
    const publications = [...first.publications];
    for (let page = 2; publications.length < first.count && (page - 1) * first.pageSize < first.count; page++) {
      publications.push(...(await api.regionPublications(code, year, page)).publications);
    }
    return { ...first, publications };
  },
  regionOverview: (code: string, year?: number, page = 1) =>
    get<Wire<typeof c.regionOverview>>(`/api/public/regions/${encodeURIComponent(code)}/overview?${new URLSearchParams({ ...(year ? { year: String(year) } : {}), page: String(page) })}`),
  facts: (q: { region?: string; year?: number; functional?: string; page?: number }) =>
    get<Wire<typeof c.factsAnswer>>(`/api/public/facts?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`),
  publication: (id: number) => get<Wire<typeof c.publicationAnswer>>(`/api/public/publications/${id}`),
  publicationFigures: (id: number) => get<Wire<typeof c.publicationFigures>>(`/api/public/publications/${id}/figures`),
  publicationFileUrl: (id: number, scope: string, format: string) => `/api/public/publications/${id}/files/${encodeURIComponent(scope)}/${format}`,
  publicationJson: (id: number, scope = "department") => get<DisclosureJson>(`/api/public/publications/${id}/files/${encodeURIComponent(scope)}/json`),
};
