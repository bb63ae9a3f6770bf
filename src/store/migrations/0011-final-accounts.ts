/**
 * 部门决算公开 — a publication says what it publishes: the department budget (部门预算) or the final accounts
 * (部门决算) of the same budget year. Publications made until now are budgets. Each kind counts its own
 * corrections (a budget's 第2版 and its 决算's 第1版 live side by side), so the number is unique per kind.
 * Adding a column with a constant default rewrites no row, so the append-only triggers are not touched.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `alter table publications add column kind text not null default 'budget' check (kind in ('budget', 'final-accounts'))`,
  `alter table publications drop constraint publications_budget_id_number_key`,
  `alter table publications add constraint publications_budget_kind_number_key unique (budget_id, kind, number)`,
]);
