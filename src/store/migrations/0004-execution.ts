/**
 * 预算执行 — a budget's payments (imported from the treasury export, replaced as a whole on each import)
 * and its execution record (date the data runs to, adjustments with approvals, indicator actuals, last
 * year's figures) as one JSON document per budget. The published 年初预算 stays in budget_versions.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `create table execution_payments (
    budget_id integer not null references budgets(id),
    position integer not null,
    pay_date date not null,
    unit_code text not null,
    functional text not null,
    economic text not null,
    project text,
    amount bigint not null,
    primary key (budget_id, position)
  )`,
  `create table execution_records (
    budget_id integer primary key references budgets(id),
    content jsonb not null,
    updated_at timestamptz not null default now(),
    updated_by integer references users(id)
  )`,
]);
