/**
 * 公开 snapshots (rendered files and their sha256), official catalogs per region and year, and the
 * append-only audit log. Publications and the log refuse UPDATE, DELETE and TRUNCATE in the database
 * itself, so no code path — ours or a console session — can rewrite history.
 */
import { sqlMigration } from "./run-sql.ts";

const appendOnly = (table: string) => [
  `create trigger ${table}_no_change before update or delete on ${table} for each row execute function yusuan_refuse_change()`,
  `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function yusuan_refuse_change()`,
];

export default sqlMigration([
  `create function yusuan_refuse_change() returns trigger language plpgsql as $$
   begin
     raise exception 'yusuan: % is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
   end $$`,
  `create table publications (
    id integer generated always as identity primary key,
    budget_id integer not null references budgets(id),
    number integer not null,
    budget_version integer not null,
    published_on date not null,
    published_at timestamptz not null default now(),
    published_by integer references users(id),
    change_note text,
    region_id integer not null references regions(id),
    year integer not null,
    department_code text not null,
    department_name text not null,
    title text not null,
    unique (budget_id, number)
  )`,
  `create index publications_region on publications (region_id, year)`,
  `create table publication_files (
    publication_id integer not null references publications(id),
    scope text not null,
    format text not null,
    file_name text not null,
    content_type text not null,
    content bytea not null,
    sha256 text not null,
    primary key (publication_id, scope, format)
  )`,
  ...appendOnly("publications"),
  ...appendOnly("publication_files"),
  `create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    actor_id integer,
    actor_name text,
    region_id integer,
    action text not null,
    target text,
    details jsonb,
    ip text
  )`,
  `create index audit_log_region on audit_log (region_id, id)`,
  ...appendOnly("audit_log"),
  `create table official_catalogs (
    id integer generated always as identity primary key,
    region_id integer not null references regions(id),
    year integer not null,
    kind text not null check (kind in ('functional', 'department-economic', 'government-economic')),
    mode text not null check (mode in ('extend', 'replace')),
    file_name text not null,
    content bytea not null,
    loaded_by integer references users(id),
    loaded_at timestamptz not null default now()
  )`,
]);
