/**
 * The shapes of a scope's ledger (台账): what one pass over the lines adds up for the tables, the
 * figures and the narrative. ledger.ts builds it.
 */
import type { ThreePublicItem } from "./economic.ts";
import type { BySource } from "./sources.ts";

/** The line selections the table-3 layout prints: all lines (3), 一般公共预算 (5), 政府性基金 (8), 国有资本经营 (10). */
export type Selection = "all" | "gpb" | "government-fund" | "state-capital";

/** Position of each selection in the ledger's per-selection arrays. */
export const SELECTION_INDEX: Readonly<Record<Selection, number>> = { all: 0, gpb: 1, "government-fund": 2, "state-capital": 3 };

/** How many selections the ledger keeps amounts for. */
export const SELECTION_COUNT = 4;

/** Basic (by economic 类) and project (by class) amounts of one row of the table-3 layout. */
export interface ExpenditureAcc {
  total: number;
  basic: number;
  project: number;
  /** basic amounts by economic 类, indexed like `Ledger.economicClasses` */
  basicByClass: number[];
  /** project amounts by project class, indexed like PROJECT_CLASSES */
  projectByClass: number[];
}

/** One functional code (项) of one unit: the rows of tables 2, 3, 5, 8 and 10. */
export interface FunctionalRow {
  functional: string;
  /** its 类 (first three digits) */
  functionalClass: string;
  /** every line by source (table 2) */
  bySource: BySource;
  /** by selection (SELECTION_INDEX); undefined where the selection has no line in this row */
  expenditure: (ExpenditureAcc | undefined)[];
  /** the amounts of its 类 (shared by every row of that 类) */
  classAmounts: FunctionalClassAmounts;
  /**
   * Its code's cells as the tables print them (类, 款, 项 and name by a catalog): made by the first table that
   * prints the row and read by the others (tables 2, 3, 5, 8 and 10 print the same rows); undefined until then.
   */
  printed: PrintedCode | undefined;
  /** the catalog whose names `printed` holds */
  printedBy: object | undefined;
}

/** A functional code's printed cells. */
export interface PrintedCode {
  class: string;
  section: string;
  item: string;
  label: string;
}

/** Amounts of a functional 类; each is undefined where no line of that kind falls in the 类. */
export interface FunctionalClassAmounts {
  /** 财政拨款 lines by source (table 4) */
  appropriation: BySource | undefined;
  gpb: number | undefined;
  governmentFund: number | undefined;
  stateCapital: number | undefined;
}

/** One unit's lines: its subtotal rows and its functional rows. */
export interface UnitLedger {
  bySource: BySource;
  /** by selection; undefined where the selection has no line of this unit */
  expenditure: (ExpenditureAcc | undefined)[];
  /** functional rows in code order */
  rows: FunctionalRow[];
  /** its project lines that name a project (table 13); undefined when there are none */
  projectFunds: Funds | undefined;
  /** its "三公" and 机关运行经费 (as the scope's, from its own lines): what its figures need besides its rows */
  threePublic: Record<ThreePublicItem, number>;
  operatingTotal: number;
  /** per economic code (`EconomicCodeAmounts.index`): CODE_IN_PERSONNEL | CODE_IN_PUBLIC | CODE_IN_OPERATING, as its own lines count it */
  codeFlags: number[];
}

/** A unit's `codeFlags`: a line of the unit with a non-zero amount counts the code in 人员经费 / 公用经费 / 机关运行经费. */
export const CODE_IN_PERSONNEL = 1;
export const CODE_IN_PUBLIC = 2;
export const CODE_IN_OPERATING = 4;

/** Total and 财政性资金 of some lines (tables 12 and 13). */
export interface Funds {
  total: number;
  fiscal: number;
}

/** Basic and project amounts of an economic 类 or 款 (table 6). */
export interface NatureAmounts {
  basic: number;
  project: number;
}

/** An economic 类's amounts, with those of each of its 款 (table 6). */
export interface EconomicClassAmounts extends NatureAmounts {
  sections: Map<string, NatureAmounts>;
}

/** Everything a scope's tables, figures and narrative read from its lines, income and projects. */
export interface Ledger {
  lineCount: number;
  /** the sum of the lines' amounts without their signs: no sum of some of the lines is larger */
  absoluteTotal: number;
  /** economic 类 of the scope's lines, in first-seen order; `basicByClass` arrays index into it */
  economicClasses: string[];
  /** per economic 类: does a basic line (of any amount) use it? */
  basicClassSeen: boolean[];
  /** true when a line or an income entry names a source outside FUNDING_SOURCES (tables then cannot be drawn) */
  unknownLineSource: boolean;
  unknownIncomeSource: boolean;
  income: BySource;
  /** per source: does an income entry have a non-zero amount? */
  incomeUsed: boolean[];
  spend: BySource;
  /** per source: does a line have a non-zero amount? */
  spendUsed: boolean[];
  basic: BySource;
  project: BySource;
  /** basic lines by economic 类 and source (indexed like `economicClasses`) */
  basicByClass: BySource[];
  /** project lines by project class and source (indexed like PROJECT_CLASSES) */
  projectByClass: BySource[];
  units: Map<string, UnitLedger>;
  /** the 合计 row of the table-3 layout, by selection */
  expenditure: ExpenditureAcc[];
  /** by selection: does a line have a non-zero amount? */
  selectionNonZero: boolean[];
  /** by selection, per economic 类: does a basic line have a non-zero amount? */
  selectionClassUsed: boolean[][];
  /** amounts by functional 类 (unordered; an entry for every 类 with a line) */
  functionalClasses: Map<string, FunctionalClassAmounts>;
  /** every line by economic 类 and 款 (table 6) */
  economic: Map<string, EconomicClassAmounts>;
  /** every department economic code of the lines, as entered (unordered) */
  codes: CodeMap;
  threePublic: Record<ThreePublicItem, number>;
  /** 机关运行经费 (by code: `EconomicCodeAmounts.operatingCost`) */
  operatingTotal: number;
  basicFunds: Funds;
  projectFunds: Funds;
  /** every project code of the scope's projects and project lines */
  projects: ProjectMap;
  /** the entry of each of the scope's projects, in their order (`scope.projects[i]`'s code → `projectEntries[i]`) */
  projectEntries: ProjectAmounts[];
  /** true when two of the scope's projects have the same code (a finding elsewhere; counts must take it once) */
  projectCodesRepeat: boolean;
  total: number;
  basicTotal: number;
  appropriation: number;
  gpb: number;
  governmentFund: number;
  stateCapital: number;
  personnel: number;
  publicFunds: number;
}

/** A department economic code of the scope: what it says and where its amounts go. */
export interface EconomicCodeAmounts {
  /** its 类 and 款, and what they say (see economic.ts) */
  class: string;
  section: string;
  personnel: boolean;
  threePublic: ThreePublicItem | undefined;
  /** 302 or 310: 机关运行经费 when basic 财政拨款 of a 行政/参公 unit */
  operatingClass: boolean;
  /** position of its 类 in `Ledger.economicClasses` */
  classIndex: number;
  /** the amounts of its 类 and 款 (table 6), shared with the other codes of the same 类 / 款 */
  classAmounts: EconomicClassAmounts;
  sectionAmounts: NatureAmounts;
  /**
   * basic 一般公共预算 (table 11) in three slots by which mapping applies to the line's unit: [行政 (and
   * 参公), 事业, no known unit]; a slot is undefined where no line falls in it, the whole where none does
   */
  basicGpb: (number | undefined)[] | undefined;
  /** 机关运行经费 of this code (table 9); undefined where no line counts */
  operatingCost: number | undefined;
  /** does a line with a non-zero amount count it in 人员经费 / 公用经费 / 机关运行经费? */
  inPersonnel: boolean;
  inPublic: boolean;
  inOperating: boolean;
  /** its position among the scope's codes (in `Ledger.codes` order), for units' `codeFlags` */
  index: number;
}

/**
 * The scope's economic codes and their entries, as a read-only map: each code's number (its position in
 * first-seen order, `EconomicCodeAmounts.index`) in `ids`, its entry in `list` at that number. With a line
 * index, `ids` is the index's own map of the codes, so the ledger makes no map of its own.
 */
export class CodeMap implements ReadonlyMap<string, EconomicCodeAmounts> {
  constructor(
    readonly ids: ReadonlyMap<string, number>,
    readonly codes: readonly string[],
    readonly list: readonly EconomicCodeAmounts[],
  ) {}

  get size(): number {
    return this.list.length;
  }

  get(code: string): EconomicCodeAmounts | undefined {
    const id = this.ids.get(code);
    return id === undefined ? undefined : this.list[id];
  }

  has(code: string): boolean {
    return this.ids.has(code);
  }

  forEach(callback: (value: EconomicCodeAmounts, key: string, map: ReadonlyMap<string, EconomicCodeAmounts>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.list.length; i++) callback.call(thisArg, this.list[i]!, this.codes[i]!, this);
  }

  values(): MapIterator<EconomicCodeAmounts> {
    return this.list.values();
  }

  keys(): MapIterator<string> {
    return this.codes.values();
  }

  *entries(): MapIterator<[string, EconomicCodeAmounts]> {
    for (let i = 0; i < this.list.length; i++) yield [this.codes[i]!, this.list[i]!];
  }

  [Symbol.iterator](): MapIterator<[string, EconomicCodeAmounts]> {
    return this.entries();
  }
}

/**
 * The scope's project codes and their entries, as a read-only map: the codes of the scope's projects by the
 * position of their first project (`positions`, `firstIndex(scope.projects)`, which the rules' context reads
 * too) with each entry at that position, then the codes only lines name (`others`), in the order lines name them.
 */
export class ProjectMap implements ReadonlyMap<string, ProjectAmounts> {
  constructor(
    readonly positions: ReadonlyMap<string, number>,
    readonly byPosition: (ProjectAmounts | undefined)[],
    readonly others: Map<string, ProjectAmounts>,
  ) {}

  get size(): number {
    return this.positions.size + this.others.size;
  }

  get(code: string): ProjectAmounts | undefined {
    const position = this.positions.get(code);
    return position === undefined ? this.others.get(code) : this.byPosition[position];
  }

  has(code: string): boolean {
    return this.positions.has(code) || this.others.has(code);
  }

  forEach(callback: (value: ProjectAmounts, key: string, map: ReadonlyMap<string, ProjectAmounts>) => void, thisArg?: unknown): void {
    for (const [code, entry] of this.entries()) callback.call(thisArg, entry, code, this);
  }

  *entries(): MapIterator<[string, ProjectAmounts]> {
    for (const [code, position] of this.positions) yield [code, this.byPosition[position]!];
    yield* this.others;
  }

  *keys(): MapIterator<string> {
    for (const [code] of this.entries()) yield code;
  }

  *values(): MapIterator<ProjectAmounts> {
    for (const [, entry] of this.entries()) yield entry;
  }

  [Symbol.iterator](): MapIterator<[string, ProjectAmounts]> {
    return this.entries();
  }
}

/** A project code of the scope: its class, and the project lines naming it. */
export interface ProjectAmounts {
  /** position in PROJECT_CLASSES; -1 for a class outside it */
  projectClass: number;
  /** total and 财政性资金 of the project lines naming it; undefined where there are none */
  funds: Funds | undefined;
  /** every line naming it, whatever its nature */
  named: number;
}
