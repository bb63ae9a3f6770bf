/**
 * 关键数 — the figures the narrative states and the rules compare, computed once from a scope.
 * Same exact sums as the tables, so text and tables can never disagree.
 */
import type { FundingSource, ProcurementKind, ThreePublic } from "../model.ts";
import { FUNDING_SOURCES } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { threePublicOf } from "./by-economic.ts";
import { type FigureCode, type FigureSums, type SectionLists, figureSums } from "./figure-sums.ts";
import { keysByCode, sortedUnique } from "./order.ts";
import type { BySource } from "./sources.ts";
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
  const incomeBySource = incomeRecord(ledger.income);
  let incomeTotal = 0;
  for (let i = 0; i < ledger.income.length; i++) incomeTotal += ledger.income[i]!;
  // An income source outside FUNDING_SOURCES has no amount that can be stated (and no total).
  if (ledger.unknownIncomeSource) incomeTotal = NaN;
  const tp = threePublicOf(ledger);
  const byClass = amountsByClass(ledger);
  const sections = ledger.sections ?? sectionLists(ledger.codes);
  // by kind in three numbers (a store keyed by the kind's name would be megamorphic)
  let goods = 0;
  let works = 0;
  let services = 0;
  for (const p of scope.procurement) {
    if (p.kind === "goods") goods += p.amount;
    else if (p.kind === "works") works += p.amount;
    else if (p.kind === "services") services += p.amount; // (a kind the schema does not know counts nowhere)
  }
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
    gpbByClass: byClass.gpb,
    governmentFundByClass: byClass.governmentFund,
    stateCapitalByClass: byClass.stateCapital,
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
    procurement: { goods: fen(goods), works: fen(works), services: fen(services) },
    procurementTotal: fen(goods + works + services),
  };
}

/** Each kind's amount of each functional 类 (in code order) that has lines of that kind: one pass over the 类. */
function amountsByClass(ledger: FigureSums): { gpb: Map<string, Fen>; governmentFund: Map<string, Fen>; stateCapital: Map<string, Fen> } {
  const out = { gpb: new Map<string, Fen>(), governmentFund: new Map<string, Fen>(), stateCapital: new Map<string, Fen>() };
  for (const c of keysByCode(ledger.functionalClasses)) {
    const a = ledger.functionalClasses.get(c)!;
    if (a.gpb !== undefined) out.gpb.set(c, fen(a.gpb));
    if (a.governmentFund !== undefined) out.governmentFund.set(c, fen(a.governmentFund));
    if (a.stateCapital !== undefined) out.stateCapital.set(c, fen(a.stateCapital));
  }
  return out;
}

/**
 * Income by source as a record, made in one literal (a fixed shape, not fifteen keyed stores); its keys are
 * FUNDING_SOURCES in order, which the check below holds it to.
 */
function incomeRecord(income: BySource): Record<FundingSource, number> {
  return {
    "gpb-appropriation": income[0]!,
    "gpb-admin-fees": income[1]!,
    "gpb-special-revenue": income[2]!,
    "gpb-state-assets": income[3]!,
    "gpb-housing-fund": income[4]!,
    "government-fund": income[5]!,
    "state-capital": income[6]!,
    "special-account": income[7]!,
    "advance-transfer": income[8]!,
    "carry-over": income[9]!,
    other: income[10]!,
    "business-income": income[11]!,
    "operating-income": income[12]!,
    "superior-subsidy": income[13]!,
    "subordinate-remittance": income[14]!,
  };
}
/**
 * A figures' income by source as amounts by position in FUNDING_SOURCES (the inverse of `incomeRecord`): each
 * field read by its name, where reading the record keyed by each source's id is a keyed load of fifteen names.
 */
export function incomeAmounts(r: Record<FundingSource, Fen>): Fen[] {
  return [
    r["gpb-appropriation"],
    r["gpb-admin-fees"],
    r["gpb-special-revenue"],
    r["gpb-state-assets"],
    r["gpb-housing-fund"],
    r["government-fund"],
    r["state-capital"],
    r["special-account"],
    r["advance-transfer"],
    r["carry-over"],
    r.other,
    r["business-income"],
    r["operating-income"],
    r["superior-subsidy"],
    r["subordinate-remittance"],
  ];
}
{
  const probe = incomeRecord(FUNDING_SOURCES.map((_, i) => i));
  const amounts = incomeAmounts(probe as Record<FundingSource, Fen>);
  if (amounts.length !== FUNDING_SOURCES.length || amounts.some((v, i) => v !== i)) throw new Error("incomeAmounts must read FUNDING_SOURCES in order");
  if (Object.keys(probe).join() !== FUNDING_SOURCES.join() || FUNDING_SOURCES.some((s, i) => probe[s] !== i)) throw new Error("incomeRecord must list FUNDING_SOURCES in order");
}

/** The 款 (in code-unit order, each once) counted in 人员经费, 公用经费 and 机关运行经费 — one pass over the codes; never throws. */
function sectionLists(codes: ReadonlyMap<string, FigureCode>): SectionLists {
  const personnel: string[] = [];
  const pub: string[] = [];
  const operating: string[] = [];
  // each 款 as often as its codes count (a 款 repeats only through its sub-items), then sorted and made unique
  for (const c of codes.values()) {
    if (c.inPersonnel) personnel.push(c.section);
    if (c.inPublic) pub.push(c.section);
    if (c.inOperating) operating.push(c.section);
  }
  return { personnel: sortedUnique(personnel), public: sortedUnique(pub), operating: sortedUnique(operating) };
}
