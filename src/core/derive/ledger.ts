/**
 * 台账 — the aggregates of one scope's line items that the tables, the figures and the narrative share,
 * built in one pass over the lines instead of each table filtering and grouping them again. Sums are
 * plain integer additions of amounts already checked as 分; every total is checked again by `fen()`
 * where a table or figure prints it. The shapes are in ledger-types.ts.
 */
import type { LineItem } from "../model.ts";
import { FUNDING_SOURCES, PROJECT_CLASSES, isAdministrativeLike } from "../model.ts";
import { addThreePublic, economicCodeFacts, isFiscalMoney } from "./economic.ts";
import type {
  EconomicClassAmounts,
  EconomicCodeAmounts,
  ExpenditureAcc,
  FunctionalClassAmounts,
  FunctionalRow,
  Ledger,
  ProjectAmounts,
  UnitLedger,
} from "./ledger-types.ts";
import { CODE_IN_OPERATING, CODE_IN_PERSONNEL, CODE_IN_PUBLIC, CodeMap, ProjectMap, SELECTION_COUNT } from "./ledger-types.ts";
import { type LineIndex, firstIndex } from "./line-index.ts";
import { sortByCode } from "./order.ts";
import type { Scope } from "./scope.ts";
import { type BySource, GOVERNMENT_FUND, GPB_APPROPRIATION, IS_APPROPRIATION, IS_GPB, SOURCE_COUNT, STATE_CAPITAL, emptyBySource, sourceIndex } from "./sources.ts";

export type * from "./ledger-types.ts";
export { SELECTION_COUNT, SELECTION_INDEX } from "./ledger-types.ts";

/** A unit while its lines are read: its ledger, its rows by functional code, and what its type decides. */
interface UnitEntry {
  ledger: UnitLedger;
  /** its rows by functional code, when the lines come without a line index (made at its first row) */
  rows: Map<string, FunctionalRow> | undefined;
  /** its rows by the number of their functional code, when the lines come with a line index */
  rowsById: (FunctionalRow | undefined)[];
  /** 行政 or 参公: counts 机关运行经费 */
  adminLike: boolean;
  /** which mapping table 11 uses: 0 行政/参公, 1 事业, 2 no known unit */
  mappingSlot: number;
}

/** Per source position: is it 财政性资金 (table 13)? */
const IS_FISCAL: readonly boolean[] = FUNDING_SOURCES.map(isFiscalMoney);

/**
 * Builds the ledger of a scope: one pass over its income and one over its lines. `index`, when given, is a
 * line index (line-index.ts) of exactly `scope.lines`: each line's codes and source are then read by number
 * instead of being looked up by text, with the same result. `projectIndex`, when given, is
 * `firstIndex(scope.projects)` (the caller made it for the rules too).
 */
export function buildLedger(scope: Scope, index?: LineIndex, projectIndex?: ReadonlyMap<string, number>): Ledger {
  const lines = scope.lines;
  if (index && index.source.length !== lines.length) throw new Error("the line index is not of this scope's lines");
  // Each economic code once: what it says, and its entry (the amounts of its 类 and 款 come with it).
  const economicClasses: string[] = [];
  const economic = new Map<string, EconomicClassAmounts>();
  // Each line's code: by the code's number (the index lists the codes in the order their first lines come,
  // and its map of them serves the ledger's), or, without an index, each line's own
  let facts: EconomicCodeAmounts[];
  let perLine: readonly number[] | undefined;
  let codes: CodeMap;
  if (index) {
    const list = index.economic.codes;
    facts = new Array<EconomicCodeAmounts>(list.length);
    for (let id = 0; id < list.length; id++) facts[id] = economicCode(list[id]!, id, economicClasses, economic);
    perLine = index.economicId;
    codes = new CodeMap(index.economic.ids, list, facts);
  } else {
    const ids = new Map<string, number>();
    const distinct: string[] = [];
    const entries: EconomicCodeAmounts[] = [];
    facts = new Array<EconomicCodeAmounts>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const code = lines[i]!.economic;
      const id = ids.get(code);
      let f: EconomicCodeAmounts;
      if (id !== undefined) f = entries[id]!;
      else {
        ids.set(code, distinct.length);
        f = economicCode(code, distinct.length, economicClasses, economic);
        distinct.push(code);
        entries.push(f);
      }
      facts[i] = f;
    }
    codes = new CodeMap(ids, distinct, entries);
  }
  const ledger = emptyLedger(lines.length, economicClasses, economic, codes, projectIndex ?? firstIndex(scope.projects), scope.projects.length);
  addIncome(ledger, scope);
  addProjects(ledger, scope);

  const k = economicClasses.length;
  const units = new Map<string, UnitEntry>();
  // With an index, each line's unit comes as its position in the budget's units (one code, one position):
  // its entry is kept by that number. Without one, lines of one unit usually come together (a unit's scope
  // has no others), so the last unit is kept at hand.
  const unitAt = index?.unit;
  const byPosition: (UnitEntry | undefined)[] = [];
  let lastUnitCode: string | undefined;
  let lastUnit: UnitEntry | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const f = facts[perLine ? perLine[i]! : i]!;
    const amount: number = l.amount;
    const position = unitAt ? unitAt[i]! : -1;
    let u: UnitEntry | undefined;
    if (position >= 0) u = byPosition[position] ??= entryOf(ledger, scope, units, l.unit, index!.functional.codes.length);
    else {
      u = l.unit === lastUnitCode ? lastUnit : units.get(l.unit);
      if (!u) units.set(l.unit, (u = unitEntry(ledger, scope, l.unit, index ? index.functional.codes.length : 0)));
      lastUnitCode = l.unit;
      lastUnit = u;
    }
    let row: FunctionalRow | undefined;
    if (index) {
      const id = index.functionalId[i]!;
      row = u.rowsById[id] ??= functionalRow(ledger, u, l.functional); // (one code, one number)
    } else {
      const rows = (u.rows ??= new Map());
      row = rows.get(l.functional);
      if (!row) rows.set(l.functional, (row = functionalRow(ledger, u, l.functional)));
    }
    // The project a line names (an entry is made for a code no project of the scope has: 一般性项目, no funds yet).
    let named = l.project ? ledger.projects.get(l.project) : undefined;
    if (l.project && !named) ledger.projects.others.set(l.project, (named = { projectClass: 0, funds: undefined, named: 0 }));
    if (named) named.named += amount;

    ledger.absoluteTotal += Math.abs(amount);
    addTotals(ledger, l, f, amount);
    const s = index ? index.source[i]! : sourceIndex(l.source);
    // Nothing by source can be drawn for an unknown source: the tables refuse such a scope.
    if (s < 0) ledger.unknownLineSource = true;
    else addBySource(ledger, l, f, u, row, named, s, amount, k);
    addFunds(ledger, l, u.ledger, named, s >= 0 ? IS_FISCAL[s]! : isFiscalMoney(l.source), amount);
  }
  sumRows(ledger, k);
  return ledger;
}

function emptyLedger(
  lineCount: number,
  economicClasses: string[],
  economic: Map<string, EconomicClassAmounts>,
  codes: CodeMap,
  projectPositions: ReadonlyMap<string, number>,
  projectCount: number,
): Ledger {
  const k = economicClasses.length;
  return {
    lineCount,
    absoluteTotal: 0,
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
    projects: new ProjectMap(projectPositions, new Array<ProjectAmounts | undefined>(projectCount), new Map()),
    projectEntries: [],
    projectCodesRepeat: false,
    total: 0,
    basicTotal: 0,
    appropriation: 0,
    gpb: 0,
    governmentFund: 0,
    stateCapital: 0,
    personnel: 0,
    publicFunds: 0,
  };
}

function addIncome(ledger: Ledger, scope: Scope): void {
  for (const inc of scope.income) {
    const s = sourceIndex(inc.source);
    if (s < 0) {
      ledger.unknownIncomeSource = true;
      continue;
    }
    ledger.income[s]! += inc.amount;
    if (inc.amount !== 0) ledger.incomeUsed[s] = true;
  }
}

/**
 * The class of each project code. A project without a class counts as 一般性项目 (as a line naming no
 * known project does); a class outside PROJECT_CLASSES prints nowhere. A repeated code takes the last
 * project's class.
 */
function addProjects(ledger: Ledger, scope: Scope): void {
  const { positions, byPosition } = ledger.projects;
  const projects = scope.projects;
  const entries = new Array<ProjectAmounts>(projects.length); // (made at its length: it never grows)
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]!;
    const projectClass = p.class === undefined || p.class === null ? 0 : PROJECT_CLASSES.indexOf(p.class);
    // the entry is kept at the code's first project: a project is its code's first unless the code repeats
    const first = positions.get(p.code)!;
    let entry = byPosition[first];
    if (entry) {
      entry.projectClass = projectClass;
      ledger.projectCodesRepeat = true;
    } else byPosition[first] = entry = { projectClass, funds: undefined, named: 0 };
    entries[i] = entry;
  }
  ledger.projectEntries = entries;
}

/** The entry of a unit code in `units`, made (and kept there) at its first line. */
function entryOf(ledger: Ledger, scope: Scope, units: Map<string, UnitEntry>, code: string, functionalCount: number): UnitEntry {
  let u = units.get(code);
  if (!u) units.set(code, (u = unitEntry(ledger, scope, code, functionalCount)));
  return u;
}

/**
 * A unit's entry, made at its first line; its type is looked up as the tables look it up. `functionalCount`
 * is how many functional codes the line index numbers (its rows by number are made at that length, so they
 * never grow), 0 without an index.
 */
function unitEntry(ledger: Ledger, scope: Scope, code: string, functionalCount: number): UnitEntry {
  const info = scope.unitByCode.get(code);
  const unitLedger: UnitLedger = {
    bySource: emptyBySource(),
    expenditure: [undefined, undefined, undefined, undefined],
    rows: [],
    projectFunds: undefined,
    threePublic: { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 },
    operatingTotal: 0,
    codeFlags: repeat(ledger.codes.size, 0),
  };
  ledger.units.set(code, unitLedger);
  return { ledger: unitLedger, rows: undefined, rowsById: new Array<FunctionalRow | undefined>(functionalCount), adminLike: !!info && isAdministrativeLike(info.type), mappingSlot: !info ? 2 : info.type === "institution" ? 1 : 0 };
}

/** A unit's row for a functional code, made at its first line, with the amounts of its 类. */
function functionalRow(ledger: Ledger, u: UnitEntry, functional: string): FunctionalRow {
  const functionalClass = functional.slice(0, 3);
  let classAmounts: FunctionalClassAmounts | undefined = ledger.functionalClasses.get(functionalClass);
  if (!classAmounts) {
    classAmounts = { appropriation: undefined, gpb: undefined, governmentFund: undefined, stateCapital: undefined };
    ledger.functionalClasses.set(functionalClass, classAmounts);
  }
  const row: FunctionalRow = { functional, functionalClass, bySource: emptyBySource(), expenditure: [undefined, undefined, undefined, undefined], classAmounts, printed: undefined, printedBy: undefined };
  u.ledger.rows.push(row);
  return row;
}

/** Totals that count every line, whatever its source: 支出合计, basic, and table 6's 类 and 款. */
function addTotals(ledger: Ledger, l: LineItem, f: EconomicCodeAmounts, amount: number): void {
  ledger.total += amount;
  if (l.nature === "basic") {
    ledger.basicTotal += amount;
    ledger.basicClassSeen[f.classIndex] = true;
    f.classAmounts.basic += amount;
    f.sectionAmounts.basic += amount;
  } else if (l.nature === "project") {
    f.classAmounts.project += amount;
    f.sectionAmounts.project += amount;
  }
}

/** What a line of a known source (position `s`) adds: every amount by source, 财政拨款, "三公", 机关运行经费. */
function addBySource(ledger: Ledger, l: LineItem, f: EconomicCodeAmounts, u: UnitEntry, row: FunctionalRow, named: ProjectAmounts | undefined, s: number, amount: number, k: number): void {
  const basic = l.nature === "basic";
  if (amount !== 0) ledger.spendUsed[s] = true;
  row.bySource[s]! += amount; // units' and the scope's totals are summed from their rows (sumRows)
  // Anything not basic is printed as project money; a line naming no known project is 一般性项目.
  const projectClass = basic ? -1 : named ? named.projectClass : 0;
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
        if (amount !== 0) {
          f.inPersonnel = true;
          u.ledger.codeFlags[f.index]! |= CODE_IN_PERSONNEL;
        }
      } else {
        ledger.publicFunds += amount;
        if (amount !== 0) {
          f.inPublic = true;
          u.ledger.codeFlags[f.index]! |= CODE_IN_PUBLIC;
        }
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
    if (f.threePublic) {
      addThreePublic(ledger.threePublic, f.threePublic, amount);
      addThreePublic(u.ledger.threePublic, f.threePublic, amount);
    }
    // isOperatingCost, with the unit's type and the code's 类 decided once.
    if (basic && f.operatingClass && u.adminLike) {
      f.operatingCost = (f.operatingCost ?? 0) + amount;
      ledger.operatingTotal += amount;
      u.ledger.operatingTotal += amount;
      if (amount !== 0) {
        f.inOperating = true;
        u.ledger.codeFlags[f.index]! |= CODE_IN_OPERATING;
      }
    }
  }
}

/** Funds of tasks (table 12) and of projects and their units (table 13). */
function addFunds(ledger: Ledger, l: LineItem, unit: UnitLedger, named: ProjectAmounts | undefined, fiscal: boolean, amount: number): void {
  const project = l.nature === "project";
  const funds = l.nature === "basic" ? ledger.basicFunds : project ? ledger.projectFunds : undefined;
  if (funds) {
    funds.total += amount;
    if (fiscal) funds.fiscal += amount;
  }
  if (project && named) {
    const byProject = (named.funds ??= { total: 0, fiscal: 0 });
    const byUnit = (unit.projectFunds ??= { total: 0, fiscal: 0 });
    byProject.total += amount;
    byUnit.total += amount;
    if (fiscal) {
      byProject.fiscal += amount;
      byUnit.fiscal += amount;
    }
  }
}

/** Sorts a unit's rows by functional code (stably, as `localeCompare` orders codes). */
function sortRows(rows: FunctionalRow[]): void {
  sortByCode(rows, functionalOf);
}

function functionalOf(row: FunctionalRow): string {
  return row.functional;
}

function economicCode(code: string, index: number, classes: string[], economic: Map<string, EconomicClassAmounts>): EconomicCodeAmounts {
  const facts = economicCodeFacts(code);
  const cls = facts.class;
  const section = facts.section;
  let classIndex = classes.indexOf(cls);
  if (classIndex < 0) classIndex = classes.push(cls) - 1;
  let classAmounts = economic.get(cls);
  if (!classAmounts) economic.set(cls, (classAmounts = { basic: 0, project: 0, sections: new Map() }));
  let sectionAmounts = classAmounts.sections.get(section);
  if (!sectionAmounts) classAmounts.sections.set(section, (sectionAmounts = { basic: 0, project: 0 }));
  return {
    class: cls,
    section,
    personnel: facts.personnel,
    threePublic: facts.threePublic,
    operatingClass: facts.operatingClass,
    classIndex,
    classAmounts,
    sectionAmounts,
    basicGpb: undefined,
    operatingCost: undefined,
    inPersonnel: false,
    inPublic: false,
    inOperating: false,
    index,
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
