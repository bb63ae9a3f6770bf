/**
 * 全省 — regions as a hierarchy (省 → 市 → 县/区: parent_id and level), and published figures as facts:
 * one row per published line item with its publication, region, department and year, and one row of key
 * aggregates per publication (`publication_totals`, whose `current` marks the latest publication of each
 * budget: a correction supersedes the earlier one). The portal's overviews, rankings and search are SQL
 * over these rows (src/store/repos/facts.ts); nothing on the public path rebuilds a budget.
 *
 * Distribution (README): `facts` and `publication_totals` are keyed by publication_id first, so a
 * distributed PostgreSQL can shard both by it and co-locate them; `regions` is a small reference table.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  // Every region before 0006 was a district or county (the seed's 洛龙区): a flat region stays a 县/区 at the top.
  `alter table regions add column parent_id integer references regions(id)`,
  `alter table regions add column level text not null default 'county' check (level in ('province', 'city', 'county'))`,
  `create index regions_parent on regions (parent_id)`,
  `create table publication_totals (
    publication_id integer primary key references publications(id),
    budget_id integer not null references budgets(id),
    region_id integer not null references regions(id),
    department_id integer not null references departments(id),
    year integer not null,
    current boolean not null,
    total bigint not null,
    basic bigint not null,
    project bigint not null,
    income bigint not null,
    transfers bigint not null,
    prior jsonb
  )`,
  // The portal asks for the current publications of a year in a set of regions.
  `create index publication_totals_current on publication_totals (year, region_id) where current`,
  `create index publication_totals_budget on publication_totals (budget_id)`,
  // Spending by 功能分类 类 of each publication: a region's 类 breakdown adds a few rows per department
  // instead of every line item.
  `create table publication_classes (
    publication_id integer not null references publications(id),
    functional_class text not null,
    amount bigint not null,
    primary key (publication_id, functional_class)
  )`,
  `create table facts (
    publication_id integer not null references publications(id),
    position integer not null,
    region_id integer not null,
    department_id integer not null,
    year integer not null,
    unit_code text not null,
    unit_name text not null,
    functional text not null,
    economic text not null,
    nature text not null check (nature in ('basic', 'project', 'reserve', 'carry-forward')),
    project text,
    project_name text,
    source text not null,
    amount bigint not null,
    primary key (publication_id, position)
  )`,
  `create index facts_year_region on facts (year, region_id)`,
  `create index facts_functional on facts (year, functional)`,
]);
