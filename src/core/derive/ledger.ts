/**
 * 台账 — the aggregates of one scope's line items that the tables, the figures and the narrative share,
 * built in one pass over the lines instead of each table filtering and grouping them again. Sums are
 * plain integer additions of amounts already checked as 分; every total is checked again by `fen()`
 * where a table or figure prints it.
 */
import { FUNDING_SOURCES, PROJECT_CLASSES, isAdministrativeLike } from "../model.ts";
import { type ThreePublicItem, economicClass, economicSection, isFiscalMoney, isPersonnel, threePublicItem } from "./economic.ts";
import { compareCodes, sortInPlace } from "./order.ts";
import type { Scope } from "./scope.ts";
import { type BySource, GOVERNMENT_FUND, GPB_APPROPRIATION, IS_APPROPRIATION, IS_GPB, SOURCE_COUNT, STATE_CAPITAL, emptyBySource, sourceIndex } from "./sources.ts";

/** The line selections the table-3 layout prints: all lines (3), 一般公共预算 (5), 政府性基金 (8), 国有资本经营 (10). */
export type Selection = "all" | "gpb" | "government-fund" | "state-capital";

/** Position of each selection in the ledger's per-selection arrays. */
export const SELECTION_INDEX: Readonly<Record<Selection, number>> = { all: 0, gpb: 1, "government-fund": 2, "state-capital": 3 };
const SELECTION_COUNT = 4;

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
}

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

export interface EconomicClassAmounts extends NatureAmounts {
  sections: Map<string, NatureAmounts>;
}

export interface Ledger {
  lineCount: number;
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
  threePublic: Record<ThreePublicItem, number>;
  /** 机关运行经费 by department economic code (unordered), its total and its 款 with non-zero amounts */
  operatingCost: Map<string, number>;
  operatingTotal: number;
  operatingSections: Set<string>;
  /**
   * basic 一般公共预算 by department economic code (table 11), in three slots by which mapping applies
   * to the line's unit: [行政 (and 参公), 事业, no known unit]; a slot is undefined where no line falls in it
   */
  basicGpbByCode: Map<string, (number | undefined)[]>;
  basicFunds: Funds;
  projectFunds: Funds;
  /** project lines with a project code, by project */
  fundsByProject: Map<string, Funds>;
  total: number;
  basicTotal: number;
  appropriation: number;
  gpb: number;
  governmentFund: number;
  stateCapital: number;
  personnel: number;
  publicFunds: number;
  personnelSections: Set<string>;
  publicSections: Set<string>;
}

/** What a department economic code says, worked out once per code and scope. */
interface EconomicFacts {
  classIndex: number;
  section: string;
  personnel: boolean;
  threePublic: ThreePublicItem | undefined;
  /** 302 or 310: 机关运行经费 when basic 财政拨款 of a 行政/参公 unit */
  operating: boolean;
  classAmounts: EconomicClassAmounts;
  sectionAmounts: NatureAmounts;
}

/** Per source position: is it 财政性资金 (table 13)? */
const IS_FISCAL: readonly boolean[] = FUNDING_SOURCES.map(isFiscalMoney);

/** Builds the ledger of a scope: one pass over its income and one over its lines. */
export function buildLedger(scope: Scope): Ledger {
  const lines = scope.lines;
  const economicClasses: string[] = [];
  const economic = new Map<string, EconomicClassAmounts>();
  const factsByCode = new Map<string, EconomicFacts>();
  const facts: EconomicFacts[] = new Array<EconomicFacts>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i]!.economic;
    let f = factsByCode.get(code);
    if (!f) factsByCode.set(code, (f = economicFacts(code, economicClasses, economic)));
    facts[i] = f;
  }
  const k = economicClasses.length;

  const ledger: Ledger = {
    lineCount: lines.length,
    economicClasses,
    basicClassSeen: new Array<boolean>(k).fill(false),
    unknownLineSource: false,
    unknownIncomeSource: false,
    income: emptyBySource(),
    incomeUsed: new Array<boolean>(SOURCE_COUNT).fill(false),
    spend: emptyBySource(),
    spendUsed: new Array<boolean>(SOURCE_COUNT).fill(false),
    basic: emptyBySource(),
    project: emptyBySource(),
    basicByClass: Array.from({ length: k }, emptyBySource),
    projectByClass: PROJECT_CLASSES.map(emptyBySource),
    units: new Map(),
    expenditure: Array.from({ length: SELECTION_COUNT }, () => emptyExpenditure(k)),
    selectionNonZero: new Array<boolean>(SELECTION_COUNT).fill(false),
    selectionClassUsed: Array.from({ length: SELECTION_COUNT }, () => new Array<boolean>(k).fill(false)),
    functionalClasses: new Map(),
    economic,
    threePublic: { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 },
    operatingCost: new Map(),
    operatingTotal: 0,
    operatingSections: new Set(),
    basicGpbByCode: new Map(),
    basicFunds: { total: 0, fiscal: 0 },
    projectFunds: { total: 0, fiscal: 0 },
    fundsByProject: new Map(),
    total: 0,
    basicTotal: 0,
    appropriation: 0,
    gpb: 0,
    governmentFund: 0,
    stateCapital: 0,
    personnel: 0,
    publicFunds: 0,
    personnelSections: new Set(),
    publicSections: new Set(),
  };

  for (const inc of scope.income) {
    const s = sourceIndex(inc.source);
    if (s < 0) {
      ledger.unknownIncomeSource = true;
      continue;
    }
    ledger.income[s]! += inc.amount;
    if (inc.amount !== 0) ledger.incomeUsed[s] = true;
  }

  const projectClassByCode = new Map<string, number>();
  // A project of no known class counts as 一般性项目 (as a line without a project does); an unknown class prints nowhere.
  for (const p of scope.projects) projectClassByCode.set(p.code, p.class === undefined || p.class === null ? 0 : PROJECT_CLASSES.indexOf(p.class));
  // Per unit: its ledger, its rows by functional code, and what its type decides (机关运行经费, table 11's mapping).
  const unitOf = new Map<string, { ledger: UnitLedger; rows: Map<string, FunctionalRow>; adminLike: boolean; mappingSlot: number }>();

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const f = facts[i]!;
    const amount: number = l.amount;
    const s = sourceIndex(l.source);
    const basic = l.nature === "basic";
    const project = l.nature === "project";
    const fiscal = s >= 0 ? IS_FISCAL[s]! : isFiscalMoney(l.source);

    let u = unitOf.get(l.unit);
    if (!u) {
      const info = scope.unitByCode.get(l.unit);
      const unitLedger: UnitLedger = { bySource: emptyBySource(), expenditure: [undefined, undefined, undefined, undefined], rows: [], projectFunds: undefined };
      ledger.units.set(l.unit, unitLedger);
      u = { ledger: unitLedger, rows: new Map(), adminLike: !!info && isAdministrativeLike(info.type), mappingSlot: !info ? 2 : info.type === "institution" ? 1 : 0 };
      unitOf.set(l.unit, u);
    }
    const unit = u.ledger;
    let row = u.rows.get(l.functional);
    if (!row) {
      const functionalClass = l.functional.slice(0, 3);
      let classAmounts = ledger.functionalClasses.get(functionalClass);
      if (!classAmounts) {
        classAmounts = { appropriation: undefined, gpb: undefined, governmentFund: undefined, stateCapital: undefined };
        ledger.functionalClasses.set(functionalClass, classAmounts);
      }
      row = { functional: l.functional, functionalClass, bySource: emptyBySource(), expenditure: [undefined, undefined, undefined, undefined], classAmounts };
      u.rows.set(l.functional, row);
      unit.rows.push(row);
    }

    // Totals of the figures.
    ledger.total += amount;
    if (basic) {
      ledger.basicTotal += amount;
      ledger.basicClassSeen[f.classIndex] = true;
    }
    if (basic || project) {
      f.classAmounts[l.nature] += amount;
      f.sectionAmounts[l.nature] += amount;
    }

    // Nothing by source can be drawn for an unknown source: the tables refuse such a scope.
    if (s < 0) ledger.unknownLineSource = true;
    else {
      if (amount !== 0) ledger.spendUsed[s] = true;
      row.bySource[s]! += amount; // units' and the scope's totals are summed from their rows below
      const projectClass = basic ? -1 : l.project ? (projectClassByCode.get(l.project) ?? 0) : 0;
      if (basic) {
        ledger.basic[s]! += amount;
        ledger.basicByClass[f.classIndex]![s]! += amount;
      } else {
        ledger.project[s]! += amount;
        if (projectClass >= 0) ledger.projectByClass[projectClass]![s]! += amount;
      }

      // The table-3 layout: every line, and its one selection by source.
      const selection = IS_GPB[s] ? 1 : s === GOVERNMENT_FUND ? 2 : s === STATE_CAPITAL ? 3 : -1;
      addToSelection(ledger, row, 0, k, basic, f.classIndex, projectClass, amount);
      if (selection > 0) addToSelection(ledger, row, selection, k, basic, f.classIndex, projectClass, amount);

      const cls = row.classAmounts;
      if (IS_APPROPRIATION[s]) {
        ledger.appropriation += amount;
        (cls.appropriation ??= emptyBySource())[s]! += amount;
      }
      if (selection === 1) {
        ledger.gpb += amount;
        cls.gpb = (cls.gpb ?? 0) + amount;
        if (basic) {
          let byMapping = ledger.basicGpbByCode.get(l.economic);
          if (!byMapping) ledger.basicGpbByCode.set(l.economic, (byMapping = [undefined, undefined, undefined]));
          byMapping[u.mappingSlot] = (byMapping[u.mappingSlot] ?? 0) + amount;
          if (f.personnel) {
            ledger.personnel += amount;
            if (amount !== 0) ledger.personnelSections.add(f.section);
          } else {
            ledger.publicFunds += amount;
            if (amount !== 0) ledger.publicSections.add(f.section);
          }
        }
      } else if (selection === 2) {
        ledger.governmentFund += amount;
        cls.governmentFund = (cls.governmentFund ?? 0) + amount;
      } else if (selection === 3) {
        ledger.stateCapital += amount;
        cls.stateCapital = (cls.stateCapital ?? 0) + amount;
      }
      if (s === GPB_APPROPRIATION) {
        if (f.threePublic) ledger.threePublic[f.threePublic] += amount;
        if (basic && f.operating && u.adminLike) {
          ledger.operatingCost.set(l.economic, (ledger.operatingCost.get(l.economic) ?? 0) + amount);
          ledger.operatingTotal += amount;
          if (amount !== 0) ledger.operatingSections.add(f.section);
        }
      }
    }

    // Funds of tasks (table 12) and projects (table 13).
    const funds = basic ? ledger.basicFunds : project ? ledger.projectFunds : undefined;
    if (funds) {
      funds.total += amount;
      if (fiscal) funds.fiscal += amount;
    }
    if (project && l.project) {
      let byProject = ledger.fundsByProject.get(l.project);
      if (!byProject) ledger.fundsByProject.set(l.project, (byProject = { total: 0, fiscal: 0 }));
      const byUnit = (unit.projectFunds ??= { total: 0, fiscal: 0 });
      byProject.total += amount;
      byUnit.total += amount;
      if (fiscal) {
        byProject.fiscal += amount;
        byUnit.fiscal += amount;
      }
    }
  }
  sumRows(ledger, k);
  return ledger;
}

/** Sorts a unit's rows by functional code (stably, as `localeCompare` orders codes). */
function sortRows(rows: FunctionalRow[]): void {
  sortInPlace(rows, byFunctional);
}

function byFunctional(a: FunctionalRow, b: FunctionalRow): number {
  return compareCodes(a.functional, b.functional);
}

function economicFacts(code: string, classes: string[], economic: Map<string, EconomicClassAmounts>): EconomicFacts {
  const cls = economicClass(code);
  const section = economicSection(code);
  let classIndex = classes.indexOf(cls);
  if (classIndex < 0) classIndex = classes.push(cls) - 1;
  let classAmounts = economic.get(cls);
  if (!classAmounts) economic.set(cls, (classAmounts = { basic: 0, project: 0, sections: new Map() }));
  let sectionAmounts = classAmounts.sections.get(section);
  if (!sectionAmounts) classAmounts.sections.set(section, (sectionAmounts = { basic: 0, project: 0 }));
  return {
    classIndex,
    section,
    personnel: isPersonnel(code),
    threePublic: threePublicItem(code),
    operating: cls === "302" || cls === "310",
    classAmounts,
    sectionAmounts,
  };
}

function emptyExpenditure(classCount: number): ExpenditureAcc {
  return { total: 0, basic: 0, project: 0, basicByClass: new Array<number>(classCount).fill(0), projectByClass: [0, 0, 0] };
}

/** Adds `from` into `into` (of the same economic 类). */
function addAcc(into: ExpenditureAcc, from: ExpenditureAcc): void {
  into.total += from.total;
  into.basic += from.basic;
  into.project += from.project;
  for (let i = 0; i < from.basicByClass.length; i++) into.basicByClass[i]! += from.basicByClass[i]!;
  for (let i = 0; i < from.projectByClass.length; i++) into.projectByClass[i]! += from.projectByClass[i]!;
}

function addRow(into: BySource, from: BySource): void {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
}

/**
 * Each unit's subtotals are the sums of its rows, and the scope's totals the sums of its units: rows are
 * few next to lines, so lines are added to their row only. Rows of a unit are put in code order.
 */
function sumRows(ledger: Ledger, k: number): void {
  ledger.units.forEach((unit) => {
    sortRows(unit.rows);
    for (let r = 0; r < unit.rows.length; r++) {
      const row = unit.rows[r]!;
      addRow(unit.bySource, row.bySource);
      for (let sel = 0; sel < SELECTION_COUNT; sel++) {
        const acc = row.expenditure[sel];
        if (acc) addAcc((unit.expenditure[sel] ??= emptyExpenditure(k)), acc);
      }
    }
    addRow(ledger.spend, unit.bySource);
    for (let sel = 0; sel < SELECTION_COUNT; sel++) {
      const acc = unit.expenditure[sel];
      if (acc) addAcc(ledger.expenditure[sel]!, acc);
    }
  });
}

function addExpenditure(acc: ExpenditureAcc, basic: boolean, classIndex: number, projectClass: number, amount: number): void {
  acc.total += amount;
  if (basic) {
    acc.basic += amount;
    acc.basicByClass[classIndex]! += amount;
  } else {
    acc.project += amount;
    if (projectClass >= 0) acc.projectByClass[projectClass]! += amount;
  }
}

function addToSelection(ledger: Ledger, row: FunctionalRow, selection: number, k: number, basic: boolean, classIndex: number, projectClass: number, amount: number): void {
  addExpenditure((row.expenditure[selection] ??= emptyExpenditure(k)), basic, classIndex, projectClass, amount);
  if (amount !== 0) {
    ledger.selectionNonZero[selection] = true;
    if (basic) ledger.selectionClassUsed[selection]![classIndex] = true;
  }
}
