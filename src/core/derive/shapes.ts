/**
 * 表式 — the derivation behind each TableShape a template names, and `deriveTables`, which draws a scope
 * into a template: the template (src/core/templates) says which tables, in which order, with which titles,
 * numbers, units and notes; the shapes say how each is computed. No template is named here.
 */
import type { CatalogIndex } from "../catalog.ts";
import { fen } from "../money.ts";
import type { DisclosureTable } from "../table.ts";
import { type ByScope, type TableShape, type TemplateDefinition, contentsPrefix, editionFor, fillYear, tableTitle } from "../templates/index.ts";
import { TableBuilder, type TableMeta, h, money } from "./builder.ts";
import { basicByEconomicTable, expenditureByEconomic, operatingCostTable, threePublicOf, threePublicTable } from "./by-economic.ts";
import { expenditureByFunction, incomeByFunction } from "./by-function.ts";
import { appropriation, byNature, gpbBasic, gpbExpenditure, income, summary, threePublic } from "./central9.ts";
import { jiangsuAppropriation, jiangsuBasicByEconomic, jiangsuByFunction, jiangsuExpenditure, jiangsuIncome, jiangsuProcurement, jiangsuSummary, jiangsuThreePublicMeetingsTraining } from "./jiangsu.ts";
import { sourceFacts } from "../classify.ts";
import type { FinalAccounts } from "../final-accounts/ledger.ts";
import { finalAppropriation, finalExpenditure, finalFundTable, finalGpbBasic, finalGpbExpenditure, finalIncome, finalSummary, finalThreePublicTable } from "./final-accounts.ts";
import type { Ledger } from "./ledger.ts";
import type { Scope } from "./scope.ts";
import { appropriationSummary, budgetSummary } from "./summary.ts";
import { departmentTargetsTable, projectTargetsTable } from "./target-tables.ts";

/**
 * What a shape draws from: the scope, its ledger, the catalog and the department (for the targets table);
 * a 决算 template's shapes also read the scope's 决算账.
 */
interface ShapeInput {
  scope: Scope;
  catalog: CatalogIndex;
  ledger: Ledger;
  department: { code: string; name: string };
  final?: FinalAccounts;
}

/** The 决算账 a final-accounts shape needs; drawing a 决算 template without one is a programming error. */
function finalOf(input: ShapeInput): FinalAccounts {
  if (!input.final) throw new Error("a final-accounts table needs the 决算账 (deriveFinalAccounts)");
  return input.final;
}

type ShapeFn = (input: ShapeInput, meta: TableMeta) => DisclosureTable;

const isGpb = (source: string): boolean => sourceFacts(source)?.group === "gpb";

const SHAPES: Readonly<Record<TableShape, ShapeFn>> = {
  "henan.summary": ({ scope, ledger }, m) => budgetSummary(scope, ledger, m),
  "henan.income": ({ scope, catalog, ledger }, m) => incomeByFunction(scope, catalog, ledger, m),
  "henan.expenditure.all": ({ scope, catalog, ledger }, m) => expenditureByFunction(scope, catalog, ledger, "all", m),
  "henan.expenditure.gpb": ({ scope, catalog, ledger }, m) => expenditureByFunction(scope, catalog, ledger, "gpb", m),
  "henan.expenditure.government-fund": ({ scope, catalog, ledger }, m) => expenditureByFunction(scope, catalog, ledger, "government-fund", m),
  "henan.expenditure.state-capital": ({ scope, catalog, ledger }, m) => expenditureByFunction(scope, catalog, ledger, "state-capital", m),
  "henan.appropriation": ({ scope, catalog, ledger }, m) => appropriationSummary(scope, catalog, ledger, m),
  "henan.economic": ({ scope, catalog, ledger }, m) => expenditureByEconomic(scope, catalog, ledger, m),
  "henan.three-public": ({ scope, ledger }, m) => threePublicTable(scope, ledger, m),
  "henan.operating-cost": ({ scope, catalog, ledger }, m) => operatingCostTable(scope, catalog, ledger, m),
  "henan.gpb-basic": ({ scope, catalog, ledger }, m) => basicByEconomicTable(scope, catalog, ledger, m),
  "henan.department-targets": ({ scope, ledger }, m) => departmentTargetsTable(scope, ledger, m),
  "henan.project-targets": ({ scope, ledger, department }, m) => projectTargetsTable(scope, ledger, m, department),
  "central.summary": ({ scope, catalog }, m) => summary(scope, catalog, m),
  "central.income": ({ scope, catalog }, m) => income(scope, catalog, m),
  "central.by-nature.all": ({ scope, catalog }, m) => byNature(scope, catalog, () => true, m),
  "central.by-nature.gpb": ({ scope, catalog }, m) => byNature(scope, catalog, (l) => isGpb(l.source), m),
  "central.by-nature.government-fund": ({ scope, catalog }, m) => byNature(scope, catalog, (l) => l.source === "government-fund", m),
  "central.by-nature.state-capital": ({ scope, catalog }, m) => byNature(scope, catalog, (l) => l.source === "state-capital", m),
  "central.appropriation": ({ scope, catalog }, m) => appropriation(scope, catalog, m),
  "central.appropriation.carry": ({ scope, catalog }, m) => appropriation(scope, catalog, m, true),
  "central.gpb-expenditure": ({ scope, catalog }, m) => gpbExpenditure(scope, catalog, m),
  "central.gpb-basic": ({ scope, catalog }, m) => gpbBasic(scope, catalog, m),
  "central.three-public": ({ scope }, m) => threePublic(scope, m),
  "shanghai.three-public-operating-cost": ({ scope, ledger }, m) => threePublicAndOperatingCost(scope, ledger, m),
  "jiangsu.summary": ({ scope, catalog }, m) => jiangsuSummary(scope, catalog, m),
  "jiangsu.income": ({ scope }, m) => jiangsuIncome(scope, m),
  "jiangsu.expenditure": ({ scope }, m) => jiangsuExpenditure(scope, m),
  "jiangsu.appropriation": ({ scope }, m) => jiangsuAppropriation(scope, m),
  "jiangsu.by-function.appropriation": ({ scope, catalog }, m) => jiangsuByFunction(scope, catalog, "appropriation", m),
  "jiangsu.by-function.gpb": ({ scope, catalog }, m) => jiangsuByFunction(scope, catalog, "gpb", m),
  "jiangsu.by-function.government-fund": ({ scope, catalog }, m) => jiangsuByFunction(scope, catalog, "government-fund", m),
  "jiangsu.basic-by-economic.appropriation": ({ scope, catalog }, m) => jiangsuBasicByEconomic(scope, catalog, "appropriation", m),
  "jiangsu.basic-by-economic.gpb": ({ scope, catalog }, m) => jiangsuBasicByEconomic(scope, catalog, "gpb", m),
  "jiangsu.three-public-meetings-training": ({ scope }, m) => jiangsuThreePublicMeetingsTraining(scope, m),
  "jiangsu.procurement": ({ scope, catalog }, m) => jiangsuProcurement(scope, catalog, m),
  "final.summary": (i, m) => finalSummary(i.scope, i.catalog, finalOf(i), m),
  "final.income": (i, m) => finalIncome(i.scope, i.catalog, finalOf(i), m),
  "final.expenditure": (i, m) => finalExpenditure(i.scope, i.catalog, finalOf(i), m),
  "final.appropriation": (i, m) => finalAppropriation(i.scope, i.catalog, finalOf(i), m),
  "final.gpb-expenditure": (i, m) => finalGpbExpenditure(i.scope, i.catalog, finalOf(i), m),
  "final.gpb-basic": (i, m) => finalGpbBasic(i.scope, i.catalog, finalOf(i), m),
  "final.three-public": (i, m) => finalThreePublicTable(i.scope, finalOf(i), m),
  "final.government-fund": (i, m) => finalFundTable(i.scope, i.catalog, finalOf(i), "government-fund", m),
  "final.state-capital": (i, m) => finalFundTable(i.scope, i.catalog, finalOf(i), "state-capital", m),
};

/**
 * 上海 9 "三公"经费和机关运行经费预算表: one row — the "三公" total, 因公出国(境)费, 公务接待费, 公务用车购置
 * 及运行费 (小计, 购置费, 运行费), and 机关运行经费.
 */
function threePublicAndOperatingCost(scope: Scope, ledger: Ledger, meta: TableMeta): DisclosureTable {
  const t = new TableBuilder(
    [money("total"), money("abroad"), money("reception"), money("vehicle"), money("vehiclePurchase"), money("vehicleOperation"), money("operatingCost")],
    [
      [h("“三公”经费预算数", { cs: 6 }), h("机关运行经费预算数", { rs: 3 })],
      [h("合计", { rs: 2 }), h("因公出国(境)费", { rs: 2 }), h("公务接待费", { rs: 2 }), h("公务用车购置及运行费", { cs: 3 })],
      [h("小计"), h("购置费"), h("运行费")],
    ],
  );
  const a = threePublicOf(ledger.sums);
  const operating = fen(ledger.sums.operatingTotal);
  const total = fen(a.abroad + a.reception + a.vehiclePurchase + a.vehicleOperation);
  t.row([total, a.abroad, a.reception, fen(a.vehiclePurchase + a.vehicleOperation), a.vehiclePurchase, a.vehicleOperation, operating]);
  return t.build(meta, scope, total === 0 && operating === 0);
}

/**
 * The tables of one scope in a template, in the template's order. A line or income entry with a source
 * outside FUNDING_SOURCES has no column in the ledger's tables: those refuse it with a MoneyError.
 */
export function deriveTables(definition: TemplateDefinition, input: ShapeInput): DisclosureTable[] {
  const { scope, ledger } = input;
  const template = editionFor(definition, scope.year);
  if ((ledger.unknownLineSource || ledger.unknownIncomeSource) && template.tables.some((t) => t.shape.startsWith("henan."))) fen(NaN);
  const who: keyof ByScope<string> = scope.ref.kind === "department" ? "department" : "unit";
  return template.tables.map((table) =>
    SHAPES[table.shape](input, {
      id: table.id,
      number: table.number,
      contentsPrefix: contentsPrefix(template, table),
      ...(table.printedNumber ? { printedNumber: table.printedNumber } : {}),
      title: tableTitle(table, who, scope.year),
      unitNameLabel: template.unitNameLabel[who],
      unit: table.unit,
      emptyNote: fillYear(table.emptyNote[who], scope.year),
    }),
  );
}
