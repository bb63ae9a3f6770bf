/** Shapes of the API's answers (README "Server"; src/server/routes). Domain types come from the core. */
import type { CodeList, MappingTable } from "../../core/catalog.ts";
import type { Finding, Severity } from "../../core/rules/finding.ts";
import type { BudgetState, Role, WorkflowAction } from "../../core/workflow.ts";

export type { BudgetState, Finding, Role, Severity, WorkflowAction };

export interface Me {
  id: number;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  regionId: number;
  departmentId?: number | null;
  unitId?: number | null;
  unitCode?: string | null;
  divisionId?: number | null;
}

export interface BudgetSummary {
  id: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  regionId: number;
  divisionId: number | null;
  year: number;
  state: BudgetState;
  version: number;
  approvedOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
  actions: WorkflowAction[];
}

/** Budget-file JSON (the fields of budget.yaml; amounts as 元 text). */
export type Content = Record<string, unknown>;

export interface ContentLineItem {
  unit: string;
  functional: string;
  economic: string;
  nature: string;
  project?: string;
  source: string;
  amount: string | number;
  memo?: string;
}

export interface VersionDiff {
  lineItems: { added: number; removed: number; changed: number; changes: { key: string; before?: Record<string, unknown>; after?: Record<string, unknown> }[] };
  projects: { added: string[]; removed: string[]; changed: string[] };
  texts: string[];
}

export interface Saved {
  version: number;
  diff: VersionDiff;
}

export interface Explanation {
  text: string;
  author: string | null;
  writtenAt: string;
}

export type CheckedFinding = Finding & { locationKey: string; explanation?: Explanation };

export interface CheckResult {
  version: number;
  findings: CheckedFinding[];
  gate: Finding[];
  canSubmit: boolean;
}

export interface Transition {
  id: number;
  action: WorkflowAction;
  from_state: BudgetState;
  to_state: BudgetState;
  at: string;
  comment: string | null;
  on_date: string | null;
  actor: string | null;
}

export interface VersionInfo {
  number: number;
  author: string | null;
  createdAt: string;
  note: string | null;
  summary: string;
}

export interface VersionDetail {
  number: number;
  created_at: string;
  note: string | null;
  diff: VersionDiff;
  content: Content;
  author: string | null;
}

export interface PublicationMeta {
  id: number;
  budget_id: number;
  number: number;
  budget_version: number;
  published_on: string;
  published_at: string;
  change_note: string | null;
  year: number;
  department_code: string;
  department_name: string;
  title: string;
  region_id: number;
}

export interface PublicationFileMeta {
  scope: string;
  format: string;
  file_name: string;
  content_type: string;
  sha256: string;
  size: number;
}

export type Publication = PublicationMeta & { files: PublicationFileMeta[] };

export interface Region {
  id: number;
  code: string;
  name: string;
}

export interface CatalogAnswer {
  year: number;
  catalogYear: number;
  origin: "built-in" | "official";
  functional: CodeList;
  departmentEconomic: CodeList;
  governmentEconomic: CodeList;
  mapping?: MappingTable;
}

export interface Department {
  departmentId: number;
  code: string;
  name: string;
  regionId: number;
  regionName: string;
  divisionId?: number | null;
  units: { id: number; code: string; name: string }[];
}

export interface ControlFigure {
  nature: "basic" | "project";
  source: string;
  amount: number;
  yuan: string;
}

/** disclosure.json (money in 万元 as printed): its shape is the renderer's own. */
export type { DisclosureJson, JsonTable } from "../../formats/json.ts";

/** GET /api/public/publications/:id/figures — key figures in 分 (src/server/routes/public-figures.ts). */
export interface PublicationFigures {
  publicationId: number;
  year: number;
  departmentCode: string;
  departmentName: string;
  total: number;
  basic: number;
  project: number;
  byClass: { code: string; name: string; amount: number }[];
  projects: { code: string; name: string; amount: number }[];
  prior: { year: number; basis: string; total?: number; basic?: number; project?: number } | null;
  /** the same department's publications of other years (latest of each), for year-on-year */
  years: { year: number; publicationId: number; total: number; basic: number; project: number }[];
}

export interface RegionOverview {
  region: Region;
  year: number;
  years: number[];
  total: number;
  basic: number;
  project: number;
  byClass: { code: string; name: string; amount: number }[];
  departments: { publicationId: number; code: string; name: string; total: number; basic: number; project: number; byClass: Record<string, number> }[];
}

export interface AuditSummary {
  name: string;
  files: string[];
  template: string;
  year?: number;
  department?: string;
  tables: number;
  unreadable: boolean;
  counts: Record<Severity, number>;
}

export interface AuditAnswer {
  summary: AuditSummary;
  findings: Finding[];
}
