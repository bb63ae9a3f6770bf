/**
 * The tables as Kysely sees them (the SQL is in migrations/). int8 columns are `number`: the drivers'
 * parsers (values.ts) turn them into safe integers; `date` columns are ISO text.
 */
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { Nature } from "../core/model.ts";
import type { RegionLevel } from "../core/facts.ts";
import type { DocumentKind } from "../core/publication.ts";
import type { BudgetState } from "../core/workflow.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: objects come back parsed; we always write JSON text (pg would turn a JS array into a PG array). */
type Json<T> = ColumnType<T, string, string>;

export interface RegionTable {
  id: Generated<number>;
  /** 区划代码 */
  code: string;
  name: string;
  /** 上级区划 — null for the top (a province, or a flat region of old) */
  parent_id: number | null;
  /** 级次 */
  level: Generated<RegionLevel>;
  /** 公开模板 its departments publish in (a registry id, src/core/templates) */
  disclosure_template: Generated<string>;
}

export interface DepartmentTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
}

export interface UnitTable {
  id: Generated<number>;
  department_id: number;
  code: string;
  name: string;
}

/** 业务科室 of a finance bureau */
export interface FinanceDivisionTable {
  id: Generated<number>;
  region_id: number;
  name: string;
}

export interface DivisionDepartmentTable {
  division_id: number;
  department_id: number;
}

export type Role = "preparer" | "department-approver" | "finance-reviewer" | "admin";

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_id: number;
  department_id: number | null;
  unit_id: number | null;
  division_id: number | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface BudgetTable {
  id: Generated<number>;
  department_id: number;
  year: number;
  state: Generated<BudgetState>;
  version: Generated<number>;
  approved_on: string | null;
  published_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BudgetVersionTable {
  budget_id: number;
  number: number;
  author_id: number | null;
  created_at: Timestamp;
  note: string | null;
  content: Json<Record<string, unknown>>;
  diff: Json<unknown>;
}

export interface LineItemTable {
  budget_id: number;
  position: number;
  unit_code: string;
  functional: string;
  economic: string;
  nature: Nature;
  project: string | null;
  source: string;
  amount: number;
  memo: string | null;
}

export interface BudgetTransitionTable {
  id: Generated<number>;
  budget_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  at: Timestamp;
  comment: string | null;
  on_date: string | null;
}

export interface ControlFigureTable {
  department_id: number;
  year: number;
  nature: Nature;
  source: string;
  amount: number;
  set_by: number | null;
  set_at: Timestamp;
}

export interface WarningExplanationTable {
  budget_id: number;
  rule: string;
  location_key: string;
  text: string;
  author_id: number | null;
  written_at: Timestamp;
}

export interface PublicationTable {
  id: Generated<number>;
  budget_id: number;
  number: number;
  budget_version: number;
  published_on: string;
  published_at: Timestamp;
  published_by: number | null;
  change_note: string | null;
  region_id: number;
  year: number;
  department_code: string;
  department_name: string;
  title: string;
  /** 公开文件种类 — 部门预算 or 部门决算 (src/core/publication.ts) */
  kind: ColumnType<DocumentKind, DocumentKind | undefined, never>;
}

export interface PublicationFileTable {
  publication_id: number;
  scope: string;
  format: string;
  file_name: string;
  content_type: string;
  content: Uint8Array;
  sha256: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  region_id: number | null;
  action: string;
  target: string | null;
  details: Json<unknown> | null;
  ip: string | null;
}

export interface OfficialCatalogTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  kind: "functional" | "department-economic" | "government-economic";
  mode: "extend" | "replace";
  file_name: string;
  content: Uint8Array;
  loaded_by: number | null;
  loaded_at: Timestamp;
}

/** 支付记录 — one imported treasury payment (amount in 分). */
export interface ExecutionPaymentTable {
  budget_id: number;
  position: number;
  pay_date: string;
  unit_code: string;
  functional: string;
  economic: string;
  project: string | null;
  amount: number;
}

/** 执行记录 — a budget's execution data other than payments, as one document. */
export interface ExecutionRecordTable {
  budget_id: number;
  content: Json<Record<string, unknown>>;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** 主要数据 — a publication's key aggregates (分); `current`: the latest publication of its budget. */
export interface PublicationTotalsTable {
  publication_id: number;
  budget_id: number;
  region_id: number;
  department_id: number;
  year: number;
  current: boolean;
  total: number;
  basic: number;
  project: number;
  income: number;
  transfers: number;
  /** the prior-year figures the budget compares with (上年年初预算 …), as published */
  prior: Json<{ year: number; basis: string; total?: number; basic?: number; project?: number }> | null;
}

/** 按功能分类类汇总 — a publication's spending by 类 (分). */
export interface PublicationClassTable {
  publication_id: number;
  functional_class: string;
  amount: number;
}

/** 公开数据行 — one published line item (amount in 分). */
export interface FactTable {
  publication_id: number;
  position: number;
  region_id: number;
  department_id: number;
  year: number;
  unit_code: string;
  unit_name: string;
  functional: string;
  economic: string;
  nature: Nature;
  project: string | null;
  project_name: string | null;
  source: string;
  amount: number;
}

/** 登录尝试 — one sign-in attempt from a client address (the login limit, shared by every server). */
export interface LoginAttemptTable {
  address: string;
  at: Generated<Date>;
}

/** 审核结果 — a budget's findings counted for one version, catalog and set of explanations (the desk's). */
export interface BudgetCheckTable {
  budget_id: number;
  version: number;
  catalog_stamp: string;
  explanations: number;
  errors: number;
  /** warnings without a written explanation */
  warnings: number;
  checked_at: Generated<Date>;
}

/** 导入列映射 — a region's saved column mapping for line-item imports (src/core/desk.ts ImportMapping). */
export interface ImportMappingTable {
  region_id: number;
  mapping: Json<Record<string, unknown>>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  units: UnitTable;
  finance_divisions: FinanceDivisionTable;
  division_departments: DivisionDepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  budgets: BudgetTable;
  budget_versions: BudgetVersionTable;
  line_items: LineItemTable;
  budget_transitions: BudgetTransitionTable;
  control_figures: ControlFigureTable;
  warning_explanations: WarningExplanationTable;
  publications: PublicationTable;
  publication_files: PublicationFileTable;
  audit_log: AuditLogTable;
  official_catalogs: OfficialCatalogTable;
  execution_payments: ExecutionPaymentTable;
  execution_records: ExecutionRecordTable;
  publication_totals: PublicationTotalsTable;
  facts: FactTable;
  publication_classes: PublicationClassTable;
  login_attempts: LoginAttemptTable;
  budget_checks: BudgetCheckTable;
  import_mappings: ImportMappingTable;
}

/** What every repository takes: the database or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;

export type UserRow = Selectable<UserTable>;
export type BudgetRow = Selectable<BudgetTable>;
export type NewLineItem = Insertable<LineItemTable>;
