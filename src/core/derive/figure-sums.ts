/**
 * The sums the key figures read (figures.ts), in one pass over a scope's income and lines — the part of
 * the ledger (ledger.ts) the figures need, without the rows, selections and funds only the tables read.
 * Rules need the figures of several units per check, and no tables; the figures of a scope are the same
 * whichever of the two computed its sums (a property test holds them to it).
 */
import type { LineItem, Unit } from "../model.ts";
import { isAdministrativeLike } from "../model.ts";
import { addThreePublic, economicCodeFacts, type threePublicItem } from "./economic.ts";
import type { FunctionalClassAmounts, Ledger } from "./ledger-types.ts";
import type { Scope } from "./scope.ts";
import { GOVERNMENT_FUND, GPB_APPROPRIATION, IS_APPROPRIATION, IS_GPB, STATE_CAPITAL, emptyBySource, sourceIndex } from "./sources.ts";

/** A department economic code as the figures see it: its 款, and whether a line counts it where a figure lists 款. */
export interface FigureCode {
  section: string;
  inPersonnel: boolean;
  inPublic: boolean;
  inOperating: boolean;
}

/** What the figures read from a ledger; `buildLedger`'s ledger has all of it, `figureSums` only this. */
export type FigureSums = Pick<
  Ledger,
  | "income"
  | "unknownIncomeSource"
  | "threePublic"
  | "functionalClasses"
  | "total"
  | "basicTotal"
  | "appropriation"
  | "gpb"
  | "governmentFund"
  | "stateCapital"
  | "personnel"
  | "publicFunds"
  | "operatingTotal"
> &
  (
    | { codes: ReadonlyMap<string, FigureCode>; sections?: undefined }
    /** … or the 款 lists the figures print, made from the codes already (a unit's sums read from a ledger) */
    | { codes?: undefined; sections: SectionLists }
  );

/** The 款 counted in 人员经费, 公用经费 and 机关运行经费, each list in code-unit order, each 款 once. */
export interface SectionLists {
  personnel: string[];
  public: string[];
  operating: string[];
}

/** What a code's 类 and 款 say, worked out at its first line. */
interface CodeFacts extends FigureCode {
  personnel: boolean;
  threePublic: ReturnType<typeof threePublicItem>;
  operatingClass: boolean;
}

/** The sums of a scope the figures read: the same amounts `buildLedger` adds up, for those fields. */
export function figureSums(scope: Pick<Scope, "income" | "lines" | "unitByCode">): FigureSums {
  const acc = new FigureSumsAccumulator(scope.unitByCode);
  for (const inc of scope.income) acc.addIncome(inc.source, inc.amount);
  for (const l of scope.lines) acc.addLine(l);
  return acc.sums;
}

/**
 * The figure sums of one scope, a line at a time: `figureSums` feeds it a scope's income and lines; the
 * figures of several units (unit-figures.ts) feed each unit's its own from one pass over the budget.
 */
export class FigureSumsAccumulator {
  readonly sums = {
    income: emptyBySource(),
    unknownIncomeSource: false,
    threePublic: { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 },
    functionalClasses: new Map<string, FunctionalClassAmounts>(),
    total: 0,
    basicTotal: 0,
    appropriation: 0,
    gpb: 0,
    governmentFund: 0,
    stateCapital: 0,
    personnel: 0,
    publicFunds: 0,
    operatingTotal: 0,
    codes: new Map<string, CodeFacts>(),
  };
  /** each functional code's 类 entry, found once per code (not a 类 cut from every line's code) */
  readonly #classOfFunctional = new Map<string, FunctionalClassAmounts>();
  /** the same, by a line index's numbers (`addIndexedLine`) */
  readonly #factsById: (CodeFacts | undefined)[] = [];
  readonly #classById: (FunctionalClassAmounts | undefined)[] = [];
  // the unit of the last line, and whether it counts 机关运行经费 (行政 or 参公): lines of a unit come together
  #lastUnit: string | undefined;
  #adminLike = false;

  /** @param unitByCode the scope's units, for whether a line's unit counts 机关运行经费 */
  constructor(private readonly unitByCode: ReadonlyMap<string, Unit>) {}

  /** One income entry (收入): an amount of a funding source. */
  addIncome(source: string, amount: number): void {
    const s = sourceIndex(source);
    if (s < 0) this.sums.unknownIncomeSource = true;
    else this.sums.income[s]! += amount;
  }

  addLine(l: LineItem): void {
    const sums = this.sums;
    let f = sums.codes.get(l.economic);
    if (!f) sums.codes.set(l.economic, (f = codeFacts(l.economic)));
    let cls = this.#classOfFunctional.get(l.functional);
    if (!cls) this.#classOfFunctional.set(l.functional, (cls = functionalClassAmounts(sums.functionalClasses, l.functional)));
    this.#add(l, f, cls, sourceIndex(l.source), undefined);
  }

  /**
   * A line whose codes and source come numbered from a line index (line-index.ts), of a unit whose type is
   * known: the same sums as `addLine`, with the codes found by number instead of looked up by text. Every
   * line given to one accumulator must be numbered by the same index.
   */
  addIndexedLine(l: LineItem, economicId: number, functionalId: number, source: number, adminLike: boolean): void {
    let f = this.#factsById[economicId];
    if (!f) {
      // found by text too, so that an accumulator fed both ways keeps one entry per code
      f = this.sums.codes.get(l.economic);
      if (!f) this.sums.codes.set(l.economic, (f = codeFacts(l.economic)));
      this.#factsById[economicId] = f;
    }
    let cls = this.#classById[functionalId];
    if (!cls) this.#classById[functionalId] = cls = functionalClassAmounts(this.sums.functionalClasses, l.functional);
    this.#add(l, f, cls, source, adminLike);
  }

  /** What a line adds; `adminLike` is its unit's 行政/参公, or undefined to look the unit up (only when needed). */
  #add(l: LineItem, f: CodeFacts, cls: FunctionalClassAmounts, s: number, adminLike: boolean | undefined): void {
    const sums = this.sums;
    const amount: number = l.amount;
    const basic = l.nature === "basic";
    sums.total += amount;
    if (basic) sums.basicTotal += amount;
    if (s < 0) return; // nothing by source for an unknown source, as in the ledger
    if (IS_APPROPRIATION[s]) sums.appropriation += amount;
    if (IS_GPB[s]) {
      sums.gpb += amount;
      cls.gpb = (cls.gpb ?? 0) + amount;
      if (basic) addBasicGpb(sums, f, amount);
    } else if (s === GOVERNMENT_FUND) {
      sums.governmentFund += amount;
      cls.governmentFund = (cls.governmentFund ?? 0) + amount;
    } else if (s === STATE_CAPITAL) {
      sums.stateCapital += amount;
      cls.stateCapital = (cls.stateCapital ?? 0) + amount;
    }
    if (s === GPB_APPROPRIATION) {
      if (f.threePublic) addThreePublic(sums.threePublic, f.threePublic, amount);
      if (basic && f.operatingClass && (adminLike ?? this.#adminLikeOf(l.unit))) {
        sums.operatingTotal += amount;
        if (amount !== 0) f.inOperating = true;
      }
    }
  }

  /** Whether a unit counts 机关运行经费 (行政 or 参公); lines of a unit come together, so the last is kept. */
  #adminLikeOf(unit: string): boolean {
    if (unit !== this.#lastUnit) {
      this.#lastUnit = unit;
      const info = this.unitByCode.get(unit);
      this.#adminLike = !!info && isAdministrativeLike(info.type);
    }
    return this.#adminLike;
  }
}

function addBasicGpb(sums: { personnel: number; publicFunds: number }, f: CodeFacts, amount: number): void {
  if (f.personnel) {
    sums.personnel += amount;
    if (amount !== 0) f.inPersonnel = true;
  } else {
    sums.publicFunds += amount;
    if (amount !== 0) f.inPublic = true;
  }
}

/** The entry of a functional code's 类, made at the first code of that 类. */
function functionalClassAmounts(classes: Map<string, FunctionalClassAmounts>, functional: string): FunctionalClassAmounts {
  const functionalClass = functional.slice(0, 3);
  let cls = classes.get(functionalClass);
  if (!cls) classes.set(functionalClass, (cls = { appropriation: undefined, gpb: undefined, governmentFund: undefined, stateCapital: undefined }));
  return cls;
}

function codeFacts(code: string): CodeFacts {
  const facts = economicCodeFacts(code);
  return { section: facts.section, personnel: facts.personnel, threePublic: facts.threePublic, operatingClass: facts.operatingClass, inPersonnel: false, inPublic: false, inOperating: false };
}
