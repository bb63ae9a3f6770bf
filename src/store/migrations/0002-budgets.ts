/**
 * 部门预算 (department × year) with its workflow state and optimistic-lock version; every saved version
 * (the budget-file JSON and a diff); the current version's line items relationally (amounts int8 分);
 * workflow history, 控制数 and warning explanations.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `create table budgets (
    id integer generated always as identity primary key,
    department_id integer not null references departments(id),
    year integer not null,
    state text not null default 'draft'
      check (state in ('draft', 'submitted', 'department-approved', 'finance-approved', 'approved', 'published')),
    version integer not null default 0,
    approved_on date,
    published_on date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (department_id, year)
  )`,
  `create table budget_versions (
    budget_id integer not null references budgets(id),
    number integer not null,
    author_id integer references users(id),
    created_at timestamptz not null default now(),
    note text,
    content jsonb not null,
    diff jsonb not null,
    primary key (budget_id, number)
  )`,
  `create table line_items (
    budget_id integer not null references budgets(id),
    position integer not null,
    unit_code text not null,
    functional text not null,
    economic text not null,
    nature text not null check (nature in ('basic', 'project')),
    project text,
    source text not null,
    amount bigint not null,
    memo text,
    primary key (budget_id, position)
  )`,
  `create table budget_transitions (
    id integer generated always as identity primary key,
    budget_id integer not null references budgets(id),
    action text not null,
    from_state text not null,
    to_state text not null,
    actor_id integer references users(id),
    at timestamptz not null default now(),
    comment text,
    on_date date
  )`,
  `create index budget_transitions_budget on budget_transitions (budget_id, id)`,
  `create table control_figures (
    department_id integer not null references departments(id),
    year integer not null,
    nature text not null check (nature in ('basic', 'project')),
    source text not null,
    amount bigint not null check (amount >= 0),
    set_by integer references users(id),
    set_at timestamptz not null default now(),
    primary key (department_id, year, nature, source)
  )`,
  `create table warning_explanations (
    budget_id integer not null references budgets(id),
    rule text not null,
    location_key text not null,
    text text not null,
    author_id integer references users(id),
    written_at timestamptz not null default now(),
    primary key (budget_id, rule, location_key)
  )`,
]);
