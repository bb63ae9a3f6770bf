/**
 * 台账 — the aggregates of one scope's line items that the tables, the figures and the narrative share,
 * built in one pass over the lines instead of each table filtering and grouping them again. Sums are
 * plain integer additions of amounts already checked as 分; every total is checked again by `fen()`
 * where a table or figure prints it.
 */
import { FUNDING_SOURCES, PROJECT_CLASSES, isAdministrativeLike } from "../model.ts";
import { type ThreePublicItem, economicClass, economicSection, isFiscalMoney, isPersonnel, threePublicItem } from "./economic.ts";
import { sortByCode, sortedStrings } from "./order.ts";
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
  /** every department economic code of the lines, as entered (unordered) */
  codes: Map<string, EconomicCodeAmounts>;
  threePublic: Record<ThreePublicItem, number>;
  /** 机关运行经费 (by code: `EconomicCodeAmounts.operatingCost`) */
  operatingTotal: number;
  basicFunds: Funds;
  projectFunds: Funds;
  /** every project code of the scope's projects and project lines */
  projects: Map<string, ProjectAmounts>;
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

/** The 款 (in code-unit order, each once) of the codes `where` picks. */
export function sectionsWhere(ledger: Ledger, where: (c: EconomicCodeAmounts) => boolean): string[] {
  const sections = new Set<string>();
  ledger.codes.forEach((c) => {
    if (where(c)) sections.add(c.section);
  });
  return sortedStrings(sections);
}

/** A unit while its lines are read: its ledger, its rows by functional code, and what its type decides. */
interface UnitEntry {
  ledger: UnitLedger;
  rows: Map<string, FunctionalRow>;
  /** 行政 or 参公: counts 机关运行经费 */
  adminLike: boolean;
  /** which mapping table 11 uses: 0 行政/参公, 1 事业, 2 no known unit */
  mappingSlot: number;
}

/** Per source position: is it 财政性资金 (table 13)? */
const IS_FISCAL: readonly boolean[] = FUNDING_SOURCES.map(isFiscalMoney);

/** Builds the ledger of a scope: one pass over its income and one over its lines. */
export function buildLedger(scope: Scope): Ledger {
  const lines = scope.lines;
  const economicClasses: string[] = [];
  const economic = new Map<string, EconomicClassAmounts>();
  const codes = new Map<string, EconomicCodeAmounts>();
  const facts: EconomicCodeAmounts[] = new Array<EconomicCodeAmounts>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i]!.economic;
    let f = codes.get(code);
    if (!f) codes.set(code, (f = economicCode(code, economicClasses, economic)));
    facts[i] = f;
  }
  const k = economicClasses.length;

  const ledger: Ledger = {
    lineCount: lines.length,
    economicClasses,
    basicClassSeen: repeat(k, false),
    unknownLineSource: false,
    unknownIncomeSource: false,
    income: emptyBySource(),
    incomeUsed: repeat(SOURCE_COUNT, false),
    spend: emptyBySource(),
    spendUsed: repeat(SOURCE_COUNT, false),
    basic: emptyBySource(),
    project: emptyBySource(),
    basicByClass: times(k, emptyBySource),
    projectByClass: PROJECT_CLASSES.map(emptyBySource),
    units: new Map(),
    expenditure: times(SELECTION_COUNT, () => emptyExpenditure(k)),
    selectionNonZero: repeat(SELECTION_COUNT, false),
    selectionClassUsed: times(SELECTION_COUNT, () => repeat(k, false)),
    functionalClasses: new Map(),
    economic,
    codes,
    threePublic: { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 },
    operatingTotal: 0,
    basicFunds: { total: 0, fiscal: 0 },
    projectFunds: { total: 0, fiscal: 0 },
    projects: new Map(),
    total: 0,
    basicTotal: 0,
    appropriation: 0,
    gpb: 0,
    governmentFund: 0,
    stateCapital: 0,
    personnel: 0,
    publicFunds: 0,
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

  // A project without a class counts as 一般性项目 (as a line naming no known project does); a class
  // outside PROJECT_CLASSES prints nowhere. A repeated project code takes the last project's class.
  const projects = ledger.projects;
  for (const p of scope.projects) {
    const projectClass = p.class === undefined || p.class === null ? 0 : PROJECT_CLASSES.indexOf(p.class);
    const known = projects.get(p.code);
    if (known) known.projectClass = projectClass;
    else projects.set(p.code, { projectClass, funds: undefined, named: 0 });
  }
  // Per unit: its ledger, its rows by functional code, and what its type decides (机关运行经费, table 11's mapping).
  const unitOf = new Map<string, UnitEntry>();

  let lastUnitCode: string | undefined;
  let lastUnit: UnitEntry | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const f = facts[i]!;
    const amount: number = l.amount;
    const s = sourceIndex(l.source);
    const basic = l.nature === "basic";
    const project = l.nature === "project";
    const fiscal = s >= 0 ? IS_FISCAL[s]! : isFiscalMoney(l.source);
    // The project a line names (an entry is made for a code no project of the scope has: 一般性项目, no funds yet).
    let namedProject = l.project ? projects.get(l.project) : undefined;
    if (l.project && !namedProject) projects.set(l.project, (namedProject = { projectClass: 0, funds: undefined, named: 0 }));
    if (namedProject) namedProject.named += amount;

    // Lines of one unit usually come together (a unit's scope has no others): the last unit is kept at hand.
    let u = l.unit === lastUnitCode ? lastUnit : unitOf.get(l.unit);
    if (!u) {
      const info = scope.unitByCode.get(l.unit);
      const unitLedger: UnitLedger = { bySource: emptyBySource(), expenditure: [undefined, undefined, undefined, undefined], rows: [], projectFunds: undefined };
      ledger.units.set(l.unit, unitLedger);
      u = { ledger: unitLedger, rows: new Map(), adminLike: !!info && isAdministrativeLike(info.type), mappingSlot: !info ? 2 : info.type === "institution" ? 1 : 0 };
      unitOf.set(l.unit, u);
    }
    lastUnitCode = l.unit;
    lastUnit = u;
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
    if (basic) {
      f.classAmounts.basic += amount;
      f.sectionAmounts.basic += amount;
    } else if (project) {
      f.classAmounts.project += amount;
      f.sectionAmounts.project += amount;
    }

    // Nothing by source can be drawn for an unknown source: the tables refuse such a scope.
    if (s < 0) ledger.unknownLineSource = true;
    else {
      if (amount !== 0) ledger.spendUsed[s] = true;
      row.bySource[s]! += amount; // units' and the scope's totals are summed from their rows below
      const projectClass = basic ? -1 : namedProject ? namedProject.projectClass : 0;
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
          const byMapping = (f.basicGpb ??= [undefined, undefined, undefined]);
          byMapping[u.mappingSlot] = (byMapping[u.mappingSlot] ?? 0) + amount;
          if (f.personnel) {
            ledger.personnel += amount;
            if (amount !== 0) f.inPersonnel = true;
          } else {
            ledger.publicFunds += amount;
            if (amount !== 0) f.inPublic = true;
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
        if (basic && f.operatingClass && u.adminLike) { // isOperatingCost, with the unit's type and the code's 类 decided once
          f.operatingCost = (f.operatingCost ?? 0) + amount;
          ledger.operatingTotal += amount;
          if (amount !== 0) f.inOperating = true;
        }
      }
    }

    // Funds of tasks (table 12) and projects (table 13).
    const funds = basic ? ledger.basicFunds : project ? ledger.projectFunds : undefined;
    if (funds) {
      funds.total += amount;
      if (fiscal) funds.fiscal += amount;
    }
    if (project && namedProject) {
      const byProject = (namedProject.funds ??= { total: 0, fiscal: 0 });
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
  sortByCode(rows, functionalOf);
}

function functionalOf(row: FunctionalRow): string {
  return row.functional;
}

function economicCode(code: string, classes: string[], economic: Map<string, EconomicClassAmounts>): EconomicCodeAmounts {
  const cls = economicClass(code);
  const section = economicSection(code);
  let classIndex = classes.indexOf(cls);
  if (classIndex < 0) classIndex = classes.push(cls) - 1;
  let classAmounts = economic.get(cls);
  if (!classAmounts) economic.set(cls, (classAmounts = { basic: 0, project: 0, sections: new Map() }));
  let sectionAmounts = classAmounts.sections.get(section);
  if (!sectionAmounts) classAmounts.sections.set(section, (sectionAmounts = { basic: 0, project: 0 }));
  return {
    class: cls,
    section,
    personnel: isPersonnel(code),
    threePublic: threePublicItem(code),
    operatingClass: cls === "302" || cls === "310",
    classIndex,
    classAmounts,
    sectionAmounts,
    basicGpb: undefined,
    operatingCost: undefined,
    inPersonnel: false,
    inPublic: false,
    inOperating: false,
  };
}

/** `n` copies of `value` (a packed array; cheaper than `new Array(n).fill` or `Array.from` for short ones). */
function repeat<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}

/** `n` values made by `make`. */
function times<T>(n: number, make: () => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make());
  return out;
}

function emptyExpenditure(classCount: number): ExpenditureAcc {
  return { total: 0, basic: 0, project: 0, basicByClass: repeat(classCount, 0), projectByClass: [0, 0, 0] };
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
