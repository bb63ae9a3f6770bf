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
import { FigureSumsAccumulator } from "./figure-sums.ts";
import { type Figures, figuresFromSums } from "./figures.ts";
import { type LineIndex, firstIndex, indexLines } from "./line-index.ts";

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
