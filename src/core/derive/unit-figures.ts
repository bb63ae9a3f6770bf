/**
 * 单位关键数 — the figures of some of a budget's units, each the same as `computeFigures(unitScope(budget,
 * code))`, from one pass over the budget's lines, income and procurement. The rules compare each unit that
 * has its own prior-year figures with them and need no more of a unit than its figures: this makes no
 * scope and no list of a unit's lines, and reads a unit's income from its lines (when the budget states
 * none) as sums by source instead of the sorted entries `unitScope` makes, with the same amounts and checks.
 */
import type { Budget, Procurement, Unit } from "../model.ts";
import { fen } from "../money.ts";
import { FigureSumsAccumulator } from "./figure-sums.ts";
import { type Figures, figuresFromSums } from "./figures.ts";

/** What one unit's figures are made from. */
interface UnitSums {
  unit: Unit;
  acc: FigureSumsAccumulator;
  procurement: Procurement[];
  /** the unit's income read from its lines, by source, when the budget states none */
  incomeFromLines: Map<string, number>;
  /** what reading the income from the lines threw (scope.ts `incomeFromLines`: a sum that is not whole 分) */
  incomeError: unknown;
}

/** The figures of each unit of `codes` that is a unit of the budget (the first unit of a code, as `unitScope` finds it). */
export function unitFigures(budget: Budget, codes: Iterable<string>): Map<string, Figures> {
  const byCode = new Map<string, UnitSums>();
  for (const code of codes) {
    if (byCode.has(code)) continue;
    const unit = budget.units.find((u) => u.code === code);
    if (unit) byCode.set(code, { unit, acc: new FigureSumsAccumulator(new Map([[code, unit]])), procurement: [], incomeFromLines: new Map(), incomeError: undefined });
  }
  const out = new Map<string, Figures>();
  if (byCode.size === 0) return out;
  if (budget.income) {
    for (const inc of budget.income) byCode.get(inc.unit)?.acc.addIncome(inc.source, inc.amount);
    for (const l of budget.lineItems) byCode.get(l.unit)?.acc.addLine(l);
  } else {
    for (const l of budget.lineItems) {
      const own = byCode.get(l.unit);
      if (!own) continue;
      own.acc.addLine(l);
      if (own.incomeError !== undefined) continue;
      // as incomeFromLines adds up an income entry: a source's first amount as it is, each sum after checked
      const sum = own.incomeFromLines.get(l.source);
      try {
        own.incomeFromLines.set(l.source, sum === undefined ? l.amount : fen(sum + l.amount));
      } catch (e) {
        own.incomeError = e;
      }
    }
  }
  for (const p of budget.procurement) byCode.get(p.unit)?.procurement.push(p);
  // in the order asked for, each unit's error where making its scope or its figures throws
  for (const [code, own] of byCode) {
    if (own.incomeError !== undefined) throw own.incomeError;
    for (const [source, amount] of own.incomeFromLines) own.acc.addIncome(source, amount);
    out.set(code, figuresFromSums({ units: [own.unit], procurement: own.procurement }, own.acc.sums));
  }
  return out;
}
