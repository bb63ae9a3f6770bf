/**
 * 关键数 — the figures the narrative states and the rules compare, computed once from a scope.
 * Same exact sums as the tables, so text and tables can never disagree.
 */
import type { FundingSource, ProcurementKind, ThreePublic } from "../model.ts";
import { FUNDING_SOURCES, isAppropriation, isGeneralPublicBudget } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { threePublicAmounts } from "./by-economic.ts";
import { economicSection, isOperatingCost, isPersonnel } from "./economic.ts";
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

export function computeFigures(scope: Scope): Figures {
  const incomeBySource = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
  for (const i of scope.income) incomeBySource[i.source] += i.amount;
  let total = 0;
  let basic = 0;
  let gpb = 0;
  let gf = 0;
  let sc = 0;
  let personnel = 0;
  let pub = 0;
  let operating = 0;
  const gpbByClass = new Map<string, number>();
  const gfByClass = new Map<string, number>();
  const scByClass = new Map<string, number>();
  const personnelSections = new Set<string>();
  const publicSections = new Set<string>();
  const operatingSections = new Set<string>();
  const bump = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const l of scope.lines) {
    total += l.amount;
    if (l.nature === "basic") basic += l.amount;
    const cls = l.functional.slice(0, 3);
    if (isGeneralPublicBudget(l.source)) {
      gpb += l.amount;
      bump(gpbByClass, cls, l.amount);
      if (l.nature === "basic") {
        if (isPersonnel(l.economic)) {
          personnel += l.amount;
          if (l.amount !== 0) personnelSections.add(economicSection(l.economic));
        } else {
          pub += l.amount;
          if (l.amount !== 0) publicSections.add(economicSection(l.economic));
        }
      }
    } else if (l.source === "government-fund") {
      gf += l.amount;
      bump(gfByClass, cls, l.amount);
    } else if (l.source === "state-capital") {
      sc += l.amount;
      bump(scByClass, cls, l.amount);
    }
    if (isOperatingCost(l, scope.unitByCode.get(l.unit))) {
      operating += l.amount;
      if (l.amount !== 0) operatingSections.add(economicSection(l.economic));
    }
  }
  const tp = threePublicAmounts(scope);
  const procurement: Record<ProcurementKind, number> = { goods: 0, works: 0, services: 0 };
  for (const p of scope.procurement) procurement[p.kind] += p.amount;
  const toFen = (m: Map<string, number>) => new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, fen(v)]));
  const incomeTotal = Object.values(incomeBySource).reduce((a, b) => a + b, 0);
  return {
    incomeBySource: incomeBySource as Record<FundingSource, Fen>,
    incomeTotal: fen(incomeTotal),
    total: fen(total),
    basic: fen(basic),
    project: fen(total - basic),
    appropriation: fen(scope.lines.filter((l) => isAppropriation(l.source)).reduce((a, l) => a + l.amount, 0)),
    generalPublicBudget: fen(gpb),
    governmentFund: fen(gf),
    stateCapital: fen(sc),
    gpbByClass: toFen(gpbByClass),
    governmentFundByClass: toFen(gfByClass),
    stateCapitalByClass: toFen(scByClass),
    gpbBasic: fen(personnel + pub),
    personnel: fen(personnel),
    publicFunds: fen(pub),
    personnelSections: [...personnelSections].sort(),
    publicSections: [...publicSections].sort(),
    threePublic: tp,
    threePublicTotal: fen(tp.abroad + tp.reception + tp.vehiclePurchase + tp.vehicleOperation),
    operatingCost: fen(operating),
    operatingCostSections: [...operatingSections].sort(),
    hasAdministrativeUnits: scope.units.some((u) => u.type !== "institution"),
    procurement: { goods: fen(procurement.goods), works: fen(procurement.works), services: fen(procurement.services) },
    procurementTotal: fen(procurement.goods + procurement.works + procurement.services),
  };
}
