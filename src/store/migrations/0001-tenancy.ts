/**
 * 区划 → 部门 → 单位, 财政业务科室 and their departments, users and sessions.
 * Ids are int4 identities: they never approach 2^31 and come back as plain numbers from both drivers.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `create table regions (
    id integer generated always as identity primary key,
    code text not null unique,
    name text not null
  )`,
  `create table departments (
    id integer generated always as identity primary key,
    region_id integer not null references regions(id),
    code text not null,
    name text not null,
    unique (region_id, code)
  )`,
  `create table units (
    id integer generated always as identity primary key,
    department_id integer not null references departments(id),
    code text not null,
    name text not null,
    unique (department_id, code)
  )`,
  `create table finance_divisions (
    id integer generated always as identity primary key,
    region_id integer not null references regions(id),
    name text not null,
    unique (region_id, name)
  )`,
  // A department is assigned to exactly one division of its region's finance bureau.
  `create table division_departments (
    division_id integer not null references finance_divisions(id),
    department_id integer not null unique references departments(id),
    primary key (division_id, department_id)
  )`,
  `create table users (
    id integer generated always as identity primary key,
    username text not null unique,
    display_name text not null,
    password_hash text not null,
    role text not null check (role in ('preparer', 'department-approver', 'finance-reviewer', 'admin')),
    region_id integer not null references regions(id),
    department_id integer references departments(id),
    unit_id integer references units(id),
    division_id integer references finance_divisions(id),
    disabled boolean not null default false,
    created_at timestamptz not null default now(),
    check (role <> 'preparer' or (unit_id is not null and department_id is not null)),
    check (role <> 'department-approver' or department_id is not null),
    check (role <> 'finance-reviewer' or division_id is not null)
  )`,
  // Only a hash of the session token is stored: a copy of this table opens no session.
  `create table sessions (
    token_hash text primary key,
    user_id integer not null references users(id),
    csrf_token text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index sessions_user on sessions (user_id)`,
]);
