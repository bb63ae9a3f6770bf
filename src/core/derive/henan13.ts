/**
 * The 13 tables of Henan's layout (domain.md §4), derived from one scope of a budget.
 */
import type { CatalogIndex } from "../catalog.ts";
import { fen } from "../money.ts";
import type { DisclosureTable } from "../table.ts";
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

/** The titles of each year seen, made once (a handful of years at most). */
const TITLES = new Map<number, readonly string[]>();

function titlesOf(year: number): readonly string[] {
  let titles = TITLES.get(year);
  if (!titles) TITLES.set(year, (titles = henanTitles(year)));
  return titles;
}

/**
 * The 13 tables of one scope, from its ledger (built here when not given). A line or income entry
 * with a source outside FUNDING_SOURCES has no column to go in: the tables refuse it with a MoneyError.
 */
export function deriveHenan13(scope: Scope, catalog: CatalogIndex, department: { code: string; name: string }, ledger: Ledger = buildLedger(scope)): DisclosureTable[] {
  if (ledger.unknownLineSource || ledger.unknownIncomeSource) fen(NaN);
  const titles = titlesOf(scope.year);
  const meta = (n: number) => ({ id: `t${String(n).padStart(2, "0")}`, number: n, title: titles[n - 1] ?? "" });
  const y = scope.year;
  return [
    budgetSummary(scope, ledger, meta(1)),
    incomeByFunction(scope, catalog, ledger, meta(2)),
    expenditureByFunction(scope, catalog, ledger, "all", { ...meta(3), emptyNote: `本单位${y}年无支出预算。` }),
    appropriationSummary(scope, catalog, ledger, meta(4)),
    expenditureByFunction(scope, catalog, ledger, "gpb", { ...meta(5), emptyNote: `本单位${y}年无一般公共预算支出。` }),
    expenditureByEconomic(scope, catalog, ledger, meta(6)),
    threePublicTable(scope, ledger, meta(7)),
    expenditureByFunction(scope, catalog, ledger, "government-fund", { ...meta(8), emptyNote: `本单位${y}年无政府性基金预算支出。` }),
    operatingCostTable(scope, catalog, ledger, meta(9)),
    expenditureByFunction(scope, catalog, ledger, "state-capital", { ...meta(10), emptyNote: `本单位${y}年无国有资本经营预算支出。` }),
    basicByEconomicTable(scope, catalog, ledger, meta(11)),
    departmentTargetsTable(scope, ledger, meta(12)),
    projectTargetsTable(scope, ledger, { ...meta(13), departmentCode: department.code, departmentName: department.name }),
  ];
}
