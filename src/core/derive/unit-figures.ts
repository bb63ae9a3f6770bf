/**
 * 单位关键数 — the figures of some of a budget's units, each the same as `computeFigures(unitScope(budget,
 * code))`, from one pass over the budget's lines, income and procurement. The rules compare each unit that
 * has its own prior-year figures with them and need no more of a unit than its figures: this makes no
 * scope and no list of a unit's lines, and reads a unit's income from its lines (when the budget states
 * none) as sums by source instead of the sorted entries `unitScope` makes, with the same amounts and checks.
 * Lines are read through a line index (line-index.ts): their units, codes and sources by number.
 */
import type { Budget, Procurement, Unit } from "../model.ts";
import { FUNDING_SOURCES, isAdministrativeLike } from "../model.ts";
import { fen } from "../money.ts";
import { isPersonnel } from "./economic.ts";
import { type FigureSums, FigureSumsAccumulator, type SectionLists } from "./figure-sums.ts";
import { type Figures, figuresFromSums } from "./figures.ts";
import { CODE_IN_OPERATING, CODE_IN_PERSONNEL, CODE_IN_PUBLIC, type FunctionalClassAmounts, type Ledger, SELECTION_INDEX, type UnitLedger } from "./ledger-types.ts";
import { type LineIndex, firstIndex, indexLines } from "./line-index.ts";
import { sortedUnique } from "./order.ts";
import { GOVERNMENT_FUND, IS_APPROPRIATION, IS_GPB, STATE_CAPITAL, emptyBySource, sourceIndex } from "./sources.ts";

/** What one unit's figures are made from. */
interface UnitSums {
  unit: Unit;
  adminLike: boolean;
  acc: FigureSumsAccumulator;
  procurement: Procurement[];
  /** the unit's income read from its lines, by source position, when the budget states none */
  incomeFromLines: (number | undefined)[];
  /** … and of sources outside FUNDING_SOURCES, by name (they make the income unknown, but are summed as checked) */
  unknownIncome: Map<string, number> | undefined;
  /** what reading the income from the lines threw (scope.ts `incomeFromLines`: a sum that is not whole 分) */
  incomeError: unknown;
}

/**
 * The figures of each unit of `codes` that is a unit of the budget (the first unit of a code, as `unitScope`
 * finds it). `index` is the budget's line index, numbered with the position of each code's first unit in
 * `budget.units`; made here when not given.
 */
export function unitFigures(budget: Budget, codes: Iterable<string>, index?: LineIndex): Map<string, Figures> {
  const byCode = new Map<string, UnitSums>();
  // by the position of the unit in budget.units: the unit's sums, for the units asked for
  const byPosition: (UnitSums | undefined)[] = new Array<UnitSums | undefined>(budget.units.length);
  for (const code of codes) {
    if (byCode.has(code)) continue;
    const position = budget.units.findIndex((u) => u.code === code);
    if (position < 0) continue;
    const unit = budget.units[position]!;
    const own: UnitSums = {
      unit,
      adminLike: isAdministrativeLike(unit.type),
      acc: new FigureSumsAccumulator(new Map([[code, unit]])),
      procurement: [],
      incomeFromLines: [],
      unknownIncome: undefined,
      incomeError: undefined,
    };
    byCode.set(code, own);
    byPosition[position] = own;
  }
  const out = new Map<string, Figures>();
  if (byCode.size === 0) return out;
  const lines = budget.lineItems;
  const ix = index ?? indexLines(lines, firstIndex(budget.units));
  const fromLines = !budget.income;
  if (budget.income) for (const inc of budget.income) byCode.get(inc.unit)?.acc.addIncome(inc.source, inc.amount);
  for (let i = 0; i < lines.length; i++) {
    const u = ix.unit[i]!;
    const own = u < 0 ? undefined : byPosition[u];
    if (!own) continue;
    const l = lines[i]!;
    const s = ix.source[i]!;
    own.acc.addIndexedLine(l, ix.economicId[i]!, ix.functionalId[i]!, s, own.adminLike);
    if (!fromLines || own.incomeError !== undefined) continue;
    // as incomeFromLines adds up an income entry: a source's first amount as it is, each sum after checked
    try {
      if (s >= 0) {
        const sum = own.incomeFromLines[s];
        own.incomeFromLines[s] = sum === undefined ? l.amount : fen(sum + l.amount);
      } else {
        const unknown = (own.unknownIncome ??= new Map());
        const sum = unknown.get(l.source);
        unknown.set(l.source, sum === undefined ? l.amount : fen(sum + l.amount));
      }
    } catch (e) {
      own.incomeError = e;
    }
  }
  for (const p of budget.procurement) byCode.get(p.unit)?.procurement.push(p);
  // in the order asked for, each unit's error where making its scope or its figures throws
  for (const [code, own] of byCode) {
    if (own.incomeError !== undefined) throw own.incomeError;
    for (let s = 0; s < own.incomeFromLines.length; s++) {
      const amount = own.incomeFromLines[s];
      if (amount !== undefined) own.acc.addIncome(FUNDING_SOURCES[s]!, amount);
    }
    if (own.unknownIncome) for (const [source, amount] of own.unknownIncome) own.acc.addIncome(source, amount);
    out.set(code, figuresFromSums({ units: [own.unit], procurement: own.procurement }, own.acc.sums));
  }
  return out;
}

/**
 * The same figures as `unitFigures`, read from the department's ledger instead of another pass over the lines:
 * a unit's rows, its amounts by source and by selection, and its own "三公", 机关运行经费 and codes counted
 * (ledger.ts keeps them per unit). `ledger` must be the ledger of `departmentScope(budget)` holding every line
 * of the budget. Undefined where the ledger cannot give exactly what `unitFigures` gives: a line of a source
 * outside FUNDING_SOURCES, two units of one code, or amounts so large that adding some of them up could leave
 * whole 分 (then reading a unit's income from its lines may throw). `unitIndex` is `firstIndex(budget.units)`.
 */
export function unitFiguresFromLedger(budget: Budget, codes: Iterable<string>, ledger: Ledger, unitIndex: ReadonlyMap<string, number> = firstIndex(budget.units)): Map<string, Figures> | undefined {
  if (ledger.lineCount !== budget.lineItems.length || ledger.unknownLineSource || ledger.absoluteTotal > Number.MAX_SAFE_INTEGER) return undefined;
  if (unitIndex.size !== budget.units.length) return undefined;
  const out = new Map<string, Figures>();
  for (const code of codes) {
    if (out.has(code)) continue;
    const position = unitIndex.get(code);
    if (position === undefined) continue;
    const unit = budget.units[position]!;
    const procurement = budget.procurement.filter((p) => p.unit === code);
    out.set(code, figuresFromSums({ units: [unit], procurement }, unitSums(budget, code, ledger)));
  }
  return out;
}

/** A unit's figure sums (figure-sums.ts) from the department's ledger. */
function unitSums(budget: Budget, code: string, ledger: Ledger): FigureSums {
  const own: UnitLedger | undefined = ledger.units.get(code);
  const bySource = own?.bySource ?? emptyBySource();
  // the income stated for the unit, or (none stated) the amounts of its lines by source: what unitScope reads
  const income = emptyBySource();
  let unknownIncomeSource = false;
  if (budget.income) {
    for (const inc of budget.income) {
      if (inc.unit !== code) continue;
      const s = sourceIndex(inc.source);
      if (s < 0) unknownIncomeSource = true;
      else income[s]! += inc.amount;
    }
  } else for (let s = 0; s < income.length; s++) income[s] = bySource[s]!;
  let total = 0;
  let appropriation = 0;
  let gpb = 0;
  for (let s = 0; s < bySource.length; s++) {
    total += bySource[s]!;
    if (IS_APPROPRIATION[s]) appropriation += bySource[s]!;
    if (IS_GPB[s]) gpb += bySource[s]!;
  }
  // 人员经费 and 公用经费: the unit's basic 一般公共预算 by economic 类
  let personnel = 0;
  let publicFunds = 0;
  const gpbBasic = own?.expenditure[SELECTION_INDEX.gpb]?.basicByClass;
  if (gpbBasic) {
    for (let c = 0; c < gpbBasic.length; c++) {
      if (isPersonnel(ledger.economicClasses[c]!)) personnel += gpbBasic[c]!;
      else publicFunds += gpbBasic[c]!;
    }
  }
  // each functional 类's amounts, from the unit's rows
  const functionalClasses = new Map<string, FunctionalClassAmounts>();
  const rows = own ? own.rows : [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let cls = functionalClasses.get(row.functionalClass);
    if (!cls) functionalClasses.set(row.functionalClass, (cls = { appropriation: undefined, gpb: undefined, governmentFund: undefined, stateCapital: undefined }));
    const g = row.expenditure[SELECTION_INDEX.gpb];
    const f = row.expenditure[SELECTION_INDEX["government-fund"]];
    const c = row.expenditure[SELECTION_INDEX["state-capital"]];
    if (g) cls.gpb = (cls.gpb ?? 0) + g.total;
    if (f) cls.governmentFund = (cls.governmentFund ?? 0) + f.total;
    if (c) cls.stateCapital = (cls.stateCapital ?? 0) + c.total;
  }
  // the 款 of the codes the unit's own lines count (as figures.ts lists them from a scope's codes)
  const sections: SectionLists = { personnel: [], public: [], operating: [] };
  if (own) {
    const flagsOf = own.codeFlags;
    for (const f of ledger.codes.values()) {
      const flags = flagsOf[f.index]!;
      if (flags === 0) continue;
      if ((flags & CODE_IN_PERSONNEL) !== 0) sections.personnel.push(f.section);
      if ((flags & CODE_IN_PUBLIC) !== 0) sections.public.push(f.section);
      if ((flags & CODE_IN_OPERATING) !== 0) sections.operating.push(f.section);
    }
    sortedUnique(sections.personnel);
    sortedUnique(sections.public);
    sortedUnique(sections.operating);
  }
  return {
    income,
    unknownIncomeSource,
    threePublic: own ? own.threePublic : { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 },
    functionalClasses,
    total,
    basicTotal: own?.expenditure[SELECTION_INDEX.all]?.basic ?? 0,
    appropriation,
    gpb,
    governmentFund: bySource[GOVERNMENT_FUND]!,
    stateCapital: bySource[STATE_CAPITAL]!,
    personnel,
    publicFunds,
    operatingTotal: own?.operatingTotal ?? 0,
    sections,
  };
}
