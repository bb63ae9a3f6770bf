/**
 * The 13 tables of Henan's layout (domain.md §4), derived from one scope of a budget.
 */
import type { CatalogIndex } from "../catalog.ts";
import { fen } from "../money.ts";
import type { DisclosureTable } from "../table.ts";
import type { TableMeta } from "./builder.ts";
import { basicByEconomicTable, expenditureByEconomic, operatingCostTable, threePublicTable } from "./by-economic.ts";
import { expenditureByFunction, incomeByFunction } from "./by-function.ts";
import { type Ledger, buildLedger } from "./ledger.ts";
import type { Scope } from "./scope.ts";
import { appropriationSummary, budgetSummary } from "./summary.ts";
import { departmentTargetsTable, projectTargetsTable } from "./target-tables.ts";

/** Titles of the 13 tables, as the contents and each table print them. */
export function henanTitles(year: number): string[] {
  return [
    `${year}年部门收支总体情况表`,
    `${year}年部门收入总体情况表`,
    `${year}年部门支出总体情况表`,
    `${year}年财政拨款收支总体情况表`,
    `${year}年一般公共预算支出情况表`,
    `${year}年支出预算分类汇总表（按支出经济分类）`,
    `${year}年一般公共预算“三公”经费支出情况表`,
    `${year}年政府性基金预算支出情况表`,
    `${year}年机关运行经费`,
    `${year}年国有资本经营预算支出情况表`,
    `${year}年一般公共预算基本支出预算表`,
    `${year}年部门（单位）整体绩效目标表`,
    `${year}年部门（单位）预算项目绩效目标汇总表`,
  ];
}

/** Id, number and title of each table, by year (made once per year seen: a handful at most). */
const METAS = new Map<number, readonly TableMeta[]>();

function metasOf(year: number): readonly TableMeta[] {
  let metas = METAS.get(year);
  if (!metas) METAS.set(year, (metas = henanTitles(year).map((title, i) => ({ id: `t${String(i + 1).padStart(2, "0")}`, number: i + 1, title }))));
  return metas;
}

/**
 * The 13 tables of one scope, from its ledger (built here when not given). A line or income entry
 * with a source outside FUNDING_SOURCES has no column to go in: the tables refuse it with a MoneyError.
 */
export function deriveHenan13(scope: Scope, catalog: CatalogIndex, department: { code: string; name: string }, ledger: Ledger = buildLedger(scope)): DisclosureTable[] {
  if (ledger.unknownLineSource || ledger.unknownIncomeSource) fen(NaN);
  const m = metasOf(scope.year);
  return [
    budgetSummary(scope, ledger, m[0]!),
    incomeByFunction(scope, catalog, ledger, m[1]!),
    expenditureByFunction(scope, catalog, ledger, "all", m[2]!),
    appropriationSummary(scope, catalog, ledger, m[3]!),
    expenditureByFunction(scope, catalog, ledger, "gpb", m[4]!),
    expenditureByEconomic(scope, catalog, ledger, m[5]!),
    threePublicTable(scope, ledger, m[6]!),
    expenditureByFunction(scope, catalog, ledger, "government-fund", m[7]!),
    operatingCostTable(scope, catalog, ledger, m[8]!),
    expenditureByFunction(scope, catalog, ledger, "state-capital", m[9]!),
    basicByEconomicTable(scope, catalog, ledger, m[10]!),
    departmentTargetsTable(scope, ledger, m[11]!),
    projectTargetsTable(scope, ledger, m[12]!, department),
  ];
}
