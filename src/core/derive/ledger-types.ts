/**
 * The shapes of a scope's ledger (台账): what one pass over the lines adds up for the tables, the
 * figures and the narrative. ledger.ts builds it.
 */
import type { UnitType } from "../model.ts";
import type { EconomicCodeFacts, ThreePublicItem } from "./economic.ts";
import type { BySource } from "./sources.ts";

/** The line selections the table-3 layout prints: all lines (3), 一般公共预算 (5), 政府性基金 (8), 国有资本经营 (10). */
export type Selection = "all" | "gpb" | "government-fund" | "state-capital";

/** Position of each selection in the ledger's per-selection arrays. */
export const SELECTION_INDEX: Readonly<Record<Selection, number>> = { all: 0, gpb: 1, "government-fund": 2, "state-capital": 3 };

/** How many selections the ledger keeps amounts for. */
export const SELECTION_COUNT = 4;

/**
 * The unit type whose mapping of department to government economic codes applies to each slot of
 * `EconomicCodeAmounts.basicGpb` (table 11): 行政 (参公 units follow it), 事业, none for lines of no known unit.
 */
export const MAPPING_SLOTS: readonly (UnitType | undefined)[] = ["administrative", "institution", undefined];

/** The `basicGpb` slot of a unit's lines (see MAPPING_SLOTS). */
export function mappingSlot(unit: { type: UnitType } | undefined): number {
  return !unit ? 2 : unit.type === "institution" ? 1 : 0;
}

/**
 * Basic (by economic 类) and project (by class) amounts of one row of the table-3 layout, with Jiangsu's
 * 单位预留机动经费 and 结转下年资金 (zero for a budget without them): total = basic + project + reserve + carryForward.
 */
export interface ExpenditureAcc {
  total: number;
  basic: number;
  project: number;
  /** 单位预留机动经费 */
  reserve: number;
  /** 结转下年资金 */
  carryForward: number;
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
  /** the amounts of its 类 in its unit (`UnitLedger.sums.functionalClasses`, shared by the unit's rows of that 类) */
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

/**
 * 关键数的合计 — what the figures (figures.ts) read of some lines: kept for the scope (`Ledger.sums`) and, the
 * same way, for each of its units (`UnitLedger.sums`), so that a unit's figures are a view of its scope's ledger. Every amount counts the lines of
 * known sources only, except `total` and `basicTotal`, which count every line.
 */
export interface FigureSums {
  /** 支出合计 */
  total: number;
  /** 基本支出 */
  basicTotal: number;
  /** 单位预留机动经费 */
  reserveTotal: number;
  /** 结转下年资金 */
  carryForwardTotal: number;
  /** 财政拨款 (一般公共预算 + 政府性基金 + 国有资本经营) */
  appropriation: number;
  /** 一般公共预算 / 政府性基金 / 国有资本经营 */
  gpb: number;
  governmentFund: number;
  stateCapital: number;
  /** 一般公共预算 basic expenditure: 人员经费 and 公用经费 */
  personnel: number;
  publicFunds: number;
  /** "三公"经费 by item */
  threePublic: Record<ThreePublicItem, number>;
  /** 机关运行经费 */
  operatingTotal: number;
  /** amounts by functional 类 (unordered; an entry for every 类 with a line) */
  functionalClasses: Map<string, FunctionalClassAmounts>;
  /** the economic 款 a line with a non-zero amount counts in 人员经费 / 公用经费 / 机关运行经费 (unordered) */
  personnelSections: Set<string>;
  publicSections: Set<string>;
  operatingSections: Set<string>;
}

/** One unit's lines: its subtotal rows, its functional rows and its figure sums. */
export interface UnitLedger {
  /** what its figures read (a unit's figures are this view of its scope's ledger) */
  sums: FigureSums;
  bySource: BySource;
  /** true when a line of the unit names a source outside FUNDING_SOURCES */
  unknownLineSource: boolean;
  /** by selection; undefined where the selection has no line of this unit */
  expenditure: (ExpenditureAcc | undefined)[];
  /** functional rows in code order */
  rows: FunctionalRow[];
  /** its project lines that name a project (table 13); undefined when there are none */
  projectFunds: Funds | undefined;
}

/** Total and 财政性资金 of some lines (tables 12 and 13). */
export interface Funds {
  total: number;
  fiscal: number;
}

/** Basic and project amounts of an economic 类 or 款 (table 6), with Jiangsu's 单位预留机动经费 and 结转下年资金. */
export interface NatureAmounts {
  basic: number;
  project: number;
  reserve: number;
  carryForward: number;
}

/** An economic 类's amounts, with those of each of its 款 (table 6). */
export interface EconomicClassAmounts extends NatureAmounts {
  sections: Map<string, NatureAmounts>;
}

/** Everything a scope's tables, figures and narrative read from its lines, income and projects. */
export interface Ledger {
  /** what the scope's figures read */
  sums: FigureSums;
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
  /** 单位预留机动经费 and 结转下年资金 lines by source */
  reserve: BySource;
  carryForward: BySource;
  /** by selection: does a reserve / carry-forward line have a non-zero amount? (their rows and columns print only then) */
  selectionReserveUsed: boolean[];
  selectionCarryForwardUsed: boolean[];
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
  /** every line by economic 类 and 款 (table 6) */
  economic: Map<string, EconomicClassAmounts>;
  /** every department economic code of the lines, as entered, in the order of their first lines */
  codes: Map<string, EconomicCodeAmounts>;
  basicFunds: Funds;
  projectFunds: Funds;
  /** every project code of the scope's projects (in their order), then those only lines name (in line order) */
  projects: Map<string, ProjectAmounts>;
  /** the entry of each of the scope's projects, in their order (`scope.projects[i]`'s code → `projectEntries[i]`) */
  projectEntries: ProjectAmounts[];
  /** true when two of the scope's projects have the same code (a finding elsewhere; counts must take it once) */
  projectCodesRepeat: boolean;
}

/** A department economic code of the scope: what it says and where its amounts go. */
export interface EconomicCodeAmounts {
  /** what the code says: its 类 and 款, 人员经费 or not, its "三公" item (economic.ts) */
  facts: EconomicCodeFacts;
  /** position of its 类 in `Ledger.economicClasses` */
  classIndex: number;
  /** the amounts of its 类 and 款 (table 6), shared with the other codes of the same 类 / 款 */
  classAmounts: EconomicClassAmounts;
  sectionAmounts: NatureAmounts;
  /**
   * basic 一般公共预算 (table 11) in three slots, by the mapping to government codes that applies to the line's
   * unit (MAPPING_SLOTS: 行政 and 参公, 事业, no known unit); a slot is undefined where no line falls in it, the
   * whole where none does
   */
  basicGpb: (number | undefined)[] | undefined;
  /** 机关运行经费 of this code (table 9); undefined where no line counts */
  operatingCost: number | undefined;
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
