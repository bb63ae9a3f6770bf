/**
 * 关键数 — the figures the narrative states and the rules compare, computed once from a scope.
 * Same exact sums as the tables, so text and tables can never disagree.
 */
import type { Budget, FundingSource, ProcurementKind, ThreePublic } from "../model.ts";
import { FUNDING_SOURCES } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { threePublicOf } from "./by-economic.ts";
import { type FigureSums, type Ledger, type UnitLedger, buildLedger, emptySums } from "./ledger.ts";
import { keysByCode, sortStrings } from "./order.ts";
import { type Scope, unitScope } from "./scope.ts";
import { type BySource, emptyBySource, sourceIndex } from "./sources.ts";

export interface Figures {
  /** 收入合计 by source, from the income */
  incomeBySource: Record<FundingSource, Fen>;
  incomeTotal: Fen;
  /** 支出合计 */
  total: Fen;
  basic: Fen;
  project: Fen;
  /** 单位预留机动经费 (Jiangsu; zero elsewhere) */
  reserve: Fen;
  /** 结转下年资金 (Jiangsu; zero elsewhere): 支出合计 = 当年支出 + this */
  carryForward: Fen;
  /** 财政拨款 (一般公共预算 + 政府性基金 + 国有资本经营) */
  appropriation: Fen;
  generalPublicBudget: Fen;
  governmentFund: Fen;
  stateCapital: Fen;
  /** 一般公共预算支出 by 功能分类 类 */
  gpbByClass: Map<string, Fen>;
  /** 政府性基金 / 国有资本经营 spending by 类 */
  governmentFundByClass: Map<string, Fen>;
  stateCapitalByClass: Map<string, Fen>;
  /** 一般公共预算 basic expenditure and its split */
  gpbBasic: Fen;
  personnel: Fen;
  publicFunds: Fen;
  /** economic 款 present in 人员经费 / 公用经费, in code order */
  personnelSections: string[];
  publicSections: string[];
  threePublic: ThreePublic;
  threePublicTotal: Fen;
  operatingCost: Fen;
  operatingCostSections: string[];
  /** whether the scope has 行政 or 参公 units (机关运行经费 applies) */
  hasAdministrativeUnits: boolean;
  procurement: Record<ProcurementKind, Fen>;
  procurementTotal: Fen;
}

/** What the figures are made from: a ledger's figure sums, with the income of the same scope. */
export interface FigureSource {
  sums: FigureSums;
  /** 收入 by source position (FUNDING_SOURCES) */
  income: BySource;
  /** true when an income entry names a source outside FUNDING_SOURCES: no income total can be stated */
  unknownIncomeSource: boolean;
}

/** The figures of a scope, from its ledger (tables and narrative pass the one they drew from). */
export function computeFigures(scope: Scope, ledger: Ledger = buildLedger(scope)): Figures {
  return figuresFromSums(scope, ledger);
}

/**
 * The figures of a unit: its view of the department's ledger (`ledger`, of `departmentScope(budget)`), the same
 * as `computeFigures(unitScope(budget, code))`. Undefined for a code that is no unit's. The view is the unit's
 * own sums in the ledger with the income stated for it (or, none stated, its lines by source); where that
 * cannot be exact the unit's own scope is summed instead: when two units share the code (the department counts
 * the code's lines under one unit's type, the unit's scope under the first's), or when amounts are so large
 * that adding them up could leave whole 分 (reading a unit's income from its lines then throws).
 */
export function unitFigures(budget: Budget, code: string, ledger: Ledger): Figures | undefined {
  const units = budget.units.filter((u) => u.code === code);
  const unit = units[0];
  if (!unit) return undefined;
  if (units.length > 1 || ledger.absoluteTotal > Number.MAX_SAFE_INTEGER) return computeFigures(unitScope(budget, code));
  const own = ledger.units.get(code) ?? NO_LINES;
  const income = emptyBySource();
  let unknownIncomeSource = false;
  if (budget.income) {
    for (const inc of budget.income) {
      if (inc.unit !== code) continue;
      const s = sourceIndex(inc.source);
      if (s < 0) unknownIncomeSource = true;
      else income[s]! += inc.amount;
    }
  } else {
    // the income read from the unit's lines, as unitScope reads it
    for (let s = 0; s < income.length; s++) income[s] = own.bySource[s]!;
    unknownIncomeSource = own.unknownLineSource;
  }
  const procurement = budget.procurement.filter((p) => p.unit === code);
  return figuresFromSums({ units: [unit], procurement }, { sums: own.sums, income, unknownIncomeSource });
}

/** What a unit without lines has in the ledger. */
const NO_LINES: Pick<UnitLedger, "sums" | "bySource" | "unknownLineSource"> = { sums: emptySums(), bySource: emptyBySource(), unknownLineSource: false };

/** The figures of a scope's units and procurement, with the sums of its lines and income. */
export function figuresFromSums(scope: Pick<Scope, "units" | "procurement">, { sums, income, unknownIncomeSource }: FigureSource): Figures {
  const incomeBySource = {} as Record<FundingSource, Fen>;
  let incomeTotal = 0;
  for (let i = 0; i < FUNDING_SOURCES.length; i++) {
    incomeBySource[FUNDING_SOURCES[i]!] = income[i]! as Fen;
    incomeTotal += income[i]!;
  }
  // An income source outside FUNDING_SOURCES has no amount that can be stated (and no total).
  if (unknownIncomeSource) incomeTotal = NaN;
  const tp = threePublicOf(sums);
  const byClass = amountsByClass(sums);
  let goods = 0;
  let works = 0;
  let services = 0;
  for (const p of scope.procurement) {
    if (p.kind === "goods") goods += p.amount;
    else if (p.kind === "works") works += p.amount;
    else if (p.kind === "services") services += p.amount; // (a kind the schema does not know counts nowhere)
  }
  return {
    incomeBySource,
    incomeTotal: fen(incomeTotal),
    total: fen(sums.total),
    basic: fen(sums.basicTotal),
    project: fen(sums.total - sums.basicTotal - sums.reserveTotal - sums.carryForwardTotal),
    reserve: fen(sums.reserveTotal),
    carryForward: fen(sums.carryForwardTotal),
    appropriation: fen(sums.appropriation),
    generalPublicBudget: fen(sums.gpb),
    governmentFund: fen(sums.governmentFund),
    stateCapital: fen(sums.stateCapital),
    gpbByClass: byClass.gpb,
    governmentFundByClass: byClass.governmentFund,
    stateCapitalByClass: byClass.stateCapital,
    gpbBasic: fen(sums.personnel + sums.publicFunds),
    personnel: fen(sums.personnel),
    publicFunds: fen(sums.publicFunds),
    personnelSections: sortStrings([...sums.personnelSections]),
    publicSections: sortStrings([...sums.publicSections]),
    threePublic: tp,
    threePublicTotal: fen(tp.abroad + tp.reception + tp.vehiclePurchase + tp.vehicleOperation),
    operatingCost: fen(sums.operatingTotal),
    operatingCostSections: sortStrings([...sums.operatingSections]),
    hasAdministrativeUnits: scope.units.some((u) => u.type !== "institution"),
    procurement: { goods: fen(goods), works: fen(works), services: fen(services) },
    procurementTotal: fen(goods + works + services),
  };
}

/** Each kind's amount of each functional 类 (in code order) that has lines of that kind. */
function amountsByClass(sums: FigureSums): { gpb: Map<string, Fen>; governmentFund: Map<string, Fen>; stateCapital: Map<string, Fen> } {
  const out = { gpb: new Map<string, Fen>(), governmentFund: new Map<string, Fen>(), stateCapital: new Map<string, Fen>() };
  for (const c of keysByCode(sums.functionalClasses)) {
    const a = sums.functionalClasses.get(c)!;
    if (a.gpb !== undefined) out.gpb.set(c, fen(a.gpb));
    if (a.governmentFund !== undefined) out.governmentFund.set(c, fen(a.governmentFund));
    if (a.stateCapital !== undefined) out.stateCapital.set(c, fen(a.stateCapital));
  }
  return out;
}

/** A figures' income as amounts by position in FUNDING_SOURCES. */
export function incomeAmounts(r: Record<FundingSource, Fen>): Fen[] {
  return FUNDING_SOURCES.map((source) => r[source]);
}
