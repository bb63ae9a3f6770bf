/**
 * 财政局工作台 — the bureau's desk: each budget's findings counted once per saved version (so the desk can
 * sort and page by them in SQL), and the column mapping each region saved for its line-item imports.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `create table budget_checks (
    budget_id integer primary key references budgets (id) on delete cascade,
    version integer not null,
    catalog_stamp text not null,
    explanations integer not null,
    errors integer not null,
    warnings integer not null,
    checked_at timestamptz not null default now()
  )`,
  `create table import_mappings (
    region_id integer primary key references regions (id) on delete cascade,
    mapping jsonb not null,
    updated_by integer references users (id),
    updated_at timestamptz not null default now()
  )`,
]);
