/**
 * 关键数 — the figures the narrative states and the rules compare, computed once from a scope.
 * Same exact sums as the tables, so text and tables can never disagree.
 */
import type { FundingSource, ProcurementKind, ThreePublic } from "../model.ts";
import { FUNDING_SOURCES } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { threePublicOf } from "./by-economic.ts";
import { type FigureSums, figureSums } from "./figure-sums.ts";
import type { FunctionalClassAmounts } from "./ledger.ts";
import { keysByCode, sortedStrings } from "./order.ts";
import type { Scope } from "./scope.ts";

export interface Figures {
  /** 收入合计 by source, from the income */
  incomeBySource: Record<FundingSource, Fen>;
  incomeTotal: Fen;
  /** 支出合计 */
  total: Fen;
  basic: Fen;
  project: Fen;
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

/**
 * The figures of a scope. Tables and narrative pass the scope's ledger so the lines are summed once;
 * without one, only the sums the figures read are taken (figure-sums.ts), with the same result.
 */
export function computeFigures(scope: Scope, ledger: FigureSums = figureSums(scope)): Figures {
  return figuresFromSums(scope, ledger);
}

/** The figures of a scope's units and procurement, with the sums of its lines and income. */
export function figuresFromSums(scope: Pick<Scope, "units" | "procurement">, ledger: FigureSums): Figures {
  const incomeBySource = {} as Record<FundingSource, number>;
  let incomeTotal = 0;
  FUNDING_SOURCES.forEach((s, i) => {
    incomeBySource[s] = ledger.income[i]!;
    incomeTotal += ledger.income[i]!;
  });
  // An income source outside FUNDING_SOURCES has no amount that can be stated (and no total).
  if (ledger.unknownIncomeSource) incomeTotal = NaN;
  const tp = threePublicOf(ledger);
  const classes = keysByCode(ledger.functionalClasses);
  const sections = sectionLists(ledger);
  const procurement: Record<ProcurementKind, number> = { goods: 0, works: 0, services: 0 };
  for (const p of scope.procurement) procurement[p.kind] += p.amount;
  return {
    incomeBySource: incomeBySource as Record<FundingSource, Fen>,
    incomeTotal: fen(incomeTotal),
    total: fen(ledger.total),
    basic: fen(ledger.basicTotal),
    project: fen(ledger.total - ledger.basicTotal),
    appropriation: fen(ledger.appropriation),
    generalPublicBudget: fen(ledger.gpb),
    governmentFund: fen(ledger.governmentFund),
    stateCapital: fen(ledger.stateCapital),
    gpbByClass: byClass(ledger, classes, (a) => a.gpb),
    governmentFundByClass: byClass(ledger, classes, (a) => a.governmentFund),
    stateCapitalByClass: byClass(ledger, classes, (a) => a.stateCapital),
    gpbBasic: fen(ledger.personnel + ledger.publicFunds),
    personnel: fen(ledger.personnel),
    publicFunds: fen(ledger.publicFunds),
    personnelSections: sections.personnel,
    publicSections: sections.public,
    threePublic: tp,
    threePublicTotal: fen(tp.abroad + tp.reception + tp.vehiclePurchase + tp.vehicleOperation),
    operatingCost: fen(ledger.operatingTotal),
    operatingCostSections: sections.operating,
    hasAdministrativeUnits: scope.units.some((u) => u.type !== "institution"),
    procurement: { goods: fen(procurement.goods), works: fen(procurement.works), services: fen(procurement.services) },
    procurementTotal: fen(procurement.goods + procurement.works + procurement.services),
  };
}

/** One amount of each functional 类 (in code order) that has lines of its kind. */
function byClass(ledger: FigureSums, classes: readonly string[], pick: (a: FunctionalClassAmounts) => number | undefined): Map<string, Fen> {
  const out = new Map<string, Fen>();
  for (const c of classes) {
    const v = pick(ledger.functionalClasses.get(c)!);
    if (v !== undefined) out.set(c, fen(v));
  }
  return out;
}

/** The 款 (in code-unit order, each once) counted in 人员经费, 公用经费 and 机关运行经费 — one pass over the codes; never throws. */
function sectionLists(ledger: FigureSums): { personnel: string[]; public: string[]; operating: string[] } {
  const personnel = new Set<string>();
  const pub = new Set<string>();
  const operating = new Set<string>();
  ledger.codes.forEach((c) => {
    if (c.inPersonnel) personnel.add(c.section);
    if (c.inPublic) pub.add(c.section);
    if (c.inOperating) operating.add(c.section);
  });
  return { personnel: sortedStrings(personnel), public: sortedStrings(pub), operating: sortedStrings(operating) };
}
