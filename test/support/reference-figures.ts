/**
 * The reference figures (关键数): what `computeFigures` must give for a scope, written for reading, not for
 * speed — each figure a filter and a sum over the scope's line items, from the definitions of
 * ../shared/domain.md, without the ledger, the scope module or the core's classification. The property
 * tests (test/ledger-figures.property.test.ts) hold the ledger's figures, of the department and of every
 * unit, to these.
 */
import type { Figures } from "../../src/core/derive/figures.ts";
import type { Budget, FundingSource, Income, LineItem, Unit } from "../../src/core/model.ts";
import { FUNDING_SOURCES } from "../../src/core/model.ts";
import { type Fen, fen } from "../../src/core/money.ts";

/** The department (every unit) or one unit by code. */
export type ReferenceScope = { kind: "department" } | { kind: "unit"; code: string };

const GPB: readonly string[] = ["gpb-appropriation", "gpb-admin-fees", "gpb-special-revenue", "gpb-state-assets", "gpb-housing-fund"];
const isKnownSource = (l: { source: string }) => (FUNDING_SOURCES as readonly string[]).includes(l.source);
const isGpb = (l: LineItem) => GPB.includes(l.source);

/** 一般公共预算 — the five sub-sources together (the oracle's own statement; the core's is classify.ts). */
export function isGeneralPublicBudget(s: string): boolean {
  return GPB.includes(s);
}

/** 财政拨款 in table 4's wide sense: 一般公共预算, 政府性基金 and 国有资本经营 money. */
export function isAppropriation(s: string): boolean {
  return isGeneralPublicBudget(s) || s === "government-fund" || s === "state-capital";
}
const isBasic = (l: LineItem) => l.nature === "basic";
/** basic or project money: what "三公"经费 count (a reserve is assigned to nothing yet; 结转下年 is not spent this year) */
const isAssigned = (l: LineItem) => l.nature === "basic" || l.nature === "project";
const economicClass = (l: LineItem) => l.economic.slice(0, 3);
const economicSection = (l: LineItem) => l.economic.slice(0, 5);
/** 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助 */
const isPersonnel = (l: LineItem) => economicClass(l) === "301" || economicClass(l) === "303";
const total = (lines: readonly { amount: number }[]) => lines.reduce((sum, l) => sum + l.amount, 0);
const sortedSections = (lines: readonly LineItem[]) => [...new Set(lines.filter((l) => l.amount !== 0).map(economicSection))].sort();

/** "三公"经费: 一般公共预算财政拨款 by 款 (domain.md §4, table 7). */
const THREE_PUBLIC = {
  abroad: ["30212"],
  reception: ["30217"],
  vehiclePurchase: ["31013", "30913"],
  vehicleOperation: ["30231"],
};

/** The figures of a scope of `budget`, from its line items, income and procurement. */
export function referenceFigures(budget: Budget, scope: ReferenceScope): Figures {
  // The scope's units: every unit, or the first of the code. A line's unit is the last unit of its code in the
  // department (as the department's tables look units up), the scope's one unit in a unit's scope.
  const units: Unit[] = scope.kind === "department" ? budget.units : budget.units.filter((u) => u.code === scope.code).slice(0, 1);
  const belongs = (x: { unit: string }) => units.some((u) => u.code === x.unit);
  const unitOf = (l: LineItem) => [...units].reverse().find((u) => u.code === l.unit);
  const lines = budget.lineItems.filter(belongs);
  const income: Income[] = budget.income ? budget.income.filter(belongs) : lines.map((l) => ({ unit: l.unit, source: l.source, amount: l.amount }));

  const known = lines.filter(isKnownSource);
  const gpb = known.filter(isGpb);
  const fund = known.filter((l) => l.source === "government-fund");
  const capital = known.filter((l) => l.source === "state-capital");
  const gpbBasic = gpb.filter(isBasic);
  const personnel = gpbBasic.filter(isPersonnel);
  const publicFunds = gpbBasic.filter((l) => !isPersonnel(l));
  const fiscalAppropriation = known.filter((l) => l.source === "gpb-appropriation");
  /** 机关运行经费: basic 302/310 from 一般公共预算财政拨款 of 行政 and 参公 units */
  const operating = fiscalAppropriation.filter((l) => {
    const type = unitOf(l)?.type;
    return isBasic(l) && (economicClass(l) === "302" || economicClass(l) === "310") && (type === "administrative" || type === "civil-service-managed");
  });
  const threePublicItem = (sections: string[]) => fen(total(fiscalAppropriation.filter((l) => isAssigned(l) && sections.includes(economicSection(l)))));
  const threePublic = {
    abroad: threePublicItem(THREE_PUBLIC.abroad),
    reception: threePublicItem(THREE_PUBLIC.reception),
    vehiclePurchase: threePublicItem(THREE_PUBLIC.vehiclePurchase),
    vehicleOperation: threePublicItem(THREE_PUBLIC.vehicleOperation),
  };
  const byFunctionalClass = (of: LineItem[]) => {
    const classes = [...new Set(of.map((l) => l.functional.slice(0, 3)))].sort((a, b) => a.localeCompare(b));
    return new Map(classes.map((c) => [c, fen(total(of.filter((l) => l.functional.slice(0, 3) === c)))]));
  };
  const procurement = budget.procurement.filter(belongs);
  const procured = (kind: string) => fen(total(procurement.filter((p) => p.kind === kind)));
  const incomeBySource = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, total(income.filter((i) => i.source === s))])) as Record<FundingSource, Fen>;
  const incomeOfUnknownSource = income.some((i) => !isKnownSource(i));

  return {
    incomeBySource,
    incomeTotal: fen(incomeOfUnknownSource ? NaN : total(income)),
    total: fen(total(lines)),
    basic: fen(total(lines.filter(isBasic))),
    project: fen(total(lines.filter((l) => l.nature === "project"))),
    reserve: fen(total(lines.filter((l) => l.nature === "reserve"))),
    carryForward: fen(total(lines.filter((l) => l.nature === "carry-forward"))),
    appropriation: fen(total(known.filter((l) => isGpb(l) || l.source === "government-fund" || l.source === "state-capital"))),
    generalPublicBudget: fen(total(gpb)),
    governmentFund: fen(total(fund)),
    stateCapital: fen(total(capital)),
    gpbByClass: byFunctionalClass(gpb),
    governmentFundByClass: byFunctionalClass(fund),
    stateCapitalByClass: byFunctionalClass(capital),
    gpbBasic: fen(total(gpbBasic)),
    personnel: fen(total(personnel)),
    publicFunds: fen(total(publicFunds)),
    personnelSections: sortedSections(personnel),
    publicSections: sortedSections(publicFunds),
    threePublic,
    threePublicTotal: fen(threePublic.abroad + threePublic.reception + threePublic.vehiclePurchase + threePublic.vehicleOperation),
    operatingCost: fen(total(operating)),
    operatingCostSections: sortedSections(operating),
    hasAdministrativeUnits: units.some((u) => u.type !== "institution"),
    procurement: { goods: procured("goods"), works: procured("works"), services: procured("services") },
    procurementTotal: fen(procured("goods") + procured("works") + procured("services")),
  };
}
