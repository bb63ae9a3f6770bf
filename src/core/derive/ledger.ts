/**
 * 台账 — the aggregates of one scope's line items that the tables, the figures and the narrative share,
 * built in one pass over the lines. What a line adds to is decided by `classifyLine` (classify.ts); this
 * module only adds it up: for the unit of the line (a unit's figures are its view of this ledger, figures.ts
 * `unitFigures`) and by functional row for the tables; the scope's sums are its units' sums added up. Sums are plain integer additions
 * of amounts already checked as 分; every total is checked again by `fen()` where a table or figure prints it.
 * The shapes are in ledger-types.ts.
 */
import { type LineClass, type Use, classifyWithFacts, functionalClassOf } from "../classify.ts";
import type { LineItem, Unit } from "../model.ts";
import { PROJECT_CLASSES } from "../model.ts";
import { THREE_PUBLIC_ITEMS, economicCodeFacts } from "./economic.ts";
import type {
  EconomicCodeAmounts,
  ExpenditureAcc,
  FigureSums,
  FunctionalClassAmounts,
  FunctionalRow,
  Ledger,
  ProjectAmounts,
  UnitLedger,
} from "./ledger-types.ts";
import { SELECTION_COUNT, SELECTION_INDEX, mappingSlot } from "./ledger-types.ts";
import { sortByCode } from "./order.ts";
import type { Scope } from "./scope.ts";
import { SOURCE_COUNT, emptyBySource, sourceIndex } from "./sources.ts";

export type * from "./ledger-types.ts";
export { MAPPING_SLOTS, SELECTION_COUNT, SELECTION_INDEX, mappingSlot } from "./ledger-types.ts";

/**
 * A unit while its lines are read: its ledger, its unit (as the scope knows its code), its rows by the number
 * of their functional code in the scope's line index.
 */
interface UnitEntry {
  code: string;
  unit: Unit | undefined;
  ledger: UnitLedger;
  rows: (FunctionalRow | undefined)[];
}

/**
 * The ledger of a scope: one pass over its income, its projects and its lines. A line's unit, row and economic
 * code are found by their numbers in the scope's line index (scope.ts `index`), not by their code strings.
 */
export function buildLedger(scope: Scope): Ledger {
  const ledger = emptyLedger(scope.lines.length);
  addIncome(ledger, scope);
  addProjects(ledger, scope);
  const index = scope.index;
  const units: (UnitEntry | undefined)[] = new Array(scope.units.length);
  // every economic code's entry first (in the order lines bring them), so the economic 类 are all known
  // before any line is added
  const codes = index.economic.codes.map((code) => economicCode(ledger, code));
  startSelections(ledger);
  const lines = scope.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const unitAt = index.unit[i]!; // a scope's lines are those of its units
    const u = (units[unitAt] ??= unitEntry(ledger, scope, line.unit, index.functional.codes.length));
    const code = codes[index.economicId[i]!]!;
    const functionalId = index.functionalId[i]!;
    const row = (u.rows[functionalId] ??= functionalRow(u, line.functional));
    addLine(ledger, u, row, code, line);
  }
  sumRows(ledger);
  return ledger;
}

/** Everything one line adds to, as `classifyLine` says. */
function addLine(ledger: Ledger, u: UnitEntry, row: FunctionalRow, code: EconomicCodeAmounts, line: LineItem): void {
  const amount: number = line.amount;
  const c = classifyWithFacts(line, u.unit, code.facts);
  // The project a line names (an entry is made for a code no project of the scope has: 一般性项目, no funds yet).
  let named = line.project ? ledger.projects.get(line.project) : undefined;
  if (line.project && !named) ledger.projects.set(line.project, (named = { projectClass: 0, funds: undefined, named: 0 }));
  if (named) named.named += amount;

  ledger.absoluteTotal += Math.abs(amount);
  addToEconomic(ledger, code, c, amount);
  addToSums(u.ledger.sums, c, row.classAmounts, amount);
  if (c.source) addToTables(ledger, u, row, code, named, c, amount);
  else {
    // Nothing by source can be drawn for an unknown source: the tables refuse such a scope.
    ledger.unknownLineSource = true;
    u.ledger.unknownLineSource = true;
  }
  addFunds(ledger, u.ledger, named, c, amount);
}

/** What a line adds to the figure sums of its unit (`cls` the amounts of its functional 类 there). */
function addToSums(sums: FigureSums, c: LineClass, cls: FunctionalClassAmounts, amount: number): void {
  sums.total += amount;
  if (c.use === "basic") sums.basicTotal += amount;
  else if (c.use === "reserve") sums.reserveTotal += amount;
  else if (c.use === "carry-forward") sums.carryForwardTotal += amount;
  const source = c.source;
  if (!source) return;
  if (source.appropriation) {
    sums.appropriation += amount;
    (cls.appropriation ??= emptyBySource())[source.index]! += amount;
  }
  if (source.group === "gpb") {
    sums.gpb += amount;
    cls.gpb = (cls.gpb ?? 0) + amount;
    if (c.basicPart === "personnel") {
      sums.personnel += amount;
      if (amount !== 0) sums.personnelSections.add(c.economic.section);
    } else if (c.basicPart === "public") {
      sums.publicFunds += amount;
      if (amount !== 0) sums.publicSections.add(c.economic.section);
    }
  } else if (source.group === "government-fund") {
    sums.governmentFund += amount;
    cls.governmentFund = (cls.governmentFund ?? 0) + amount;
  } else if (source.group === "state-capital") {
    sums.stateCapital += amount;
    cls.stateCapital = (cls.stateCapital ?? 0) + amount;
  }
  if (c.threePublic) sums.threePublic[c.threePublic] += amount;
  if (c.operatingCost) {
    sums.operatingTotal += amount;
    if (amount !== 0) sums.operatingSections.add(c.economic.section);
  }
}

/** Table 6: every line by economic 类 and 款, basic against project, whatever its source. */
function addToEconomic(ledger: Ledger, code: EconomicCodeAmounts, c: LineClass, amount: number): void {
  if (c.use === "basic") {
    ledger.basicClassSeen[code.classIndex] = true;
    code.classAmounts.basic += amount;
    code.sectionAmounts.basic += amount;
  } else if (c.use === "project") {
    code.classAmounts.project += amount;
    code.sectionAmounts.project += amount;
  } else if (c.use === "reserve") {
    code.classAmounts.reserve += amount;
    code.sectionAmounts.reserve += amount;
  } else {
    code.classAmounts.carryForward += amount;
    code.sectionAmounts.carryForward += amount;
  }
}

/** What a line of a known source adds to the tables: amounts by source and by selection, tables 9 and 11. */
function addToTables(ledger: Ledger, u: UnitEntry, row: FunctionalRow, code: EconomicCodeAmounts, named: ProjectAmounts | undefined, c: LineClass, amount: number): void {
  const source = c.source!;
  const s = source.index;
  const use = c.use;
  const basic = use === "basic";
  if (amount !== 0) ledger.spendUsed[s] = true;
  row.bySource[s]! += amount; // units' and the scope's totals are summed from their rows (sumRows)
  // A project line naming no known project is 一般性项目.
  const projectClass = use === "project" ? (named ? named.projectClass : 0) : -1;
  if (basic) {
    ledger.basic[s]! += amount;
    ledger.basicByClass[code.classIndex]![s]! += amount;
  } else if (use === "project") {
    ledger.project[s]! += amount;
    if (projectClass >= 0) ledger.projectByClass[projectClass]![s]! += amount;
  } else if (use === "reserve") ledger.reserve[s]! += amount;
  else ledger.carryForward[s]! += amount;
  // The table-3 layout: every line, and the one table of its source's group (5, 8 or 10).
  addToSelection(ledger, row, SELECTION_INDEX.all, use, code.classIndex, projectClass, amount);
  if (source.group !== "other") addToSelection(ledger, row, SELECTION_INDEX[source.group], use, code.classIndex, projectClass, amount);
  if (source.group === "gpb" && basic) {
    const byMapping = (code.basicGpb ??= [undefined, undefined, undefined]);
    const slot = mappingSlot(u.unit);
    byMapping[slot] = (byMapping[slot] ?? 0) + amount;
  }
  if (c.operatingCost) code.operatingCost = (code.operatingCost ?? 0) + amount;
}

/** Funds of tasks (table 12) and of projects and their units (table 13). */
function addFunds(ledger: Ledger, unit: UnitLedger, named: ProjectAmounts | undefined, c: LineClass, amount: number): void {
  const fiscal = c.source ? c.source.fiscal : true; // (an unknown source counts as 财政性资金)
  const project = c.use === "project";
  const funds = c.use === "basic" ? ledger.basicFunds : project ? ledger.projectFunds : undefined;
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

/** Figure sums of no line. */
export function emptySums(): FigureSums {
  return {
    total: 0,
    basicTotal: 0,
    reserveTotal: 0,
    carryForwardTotal: 0,
    appropriation: 0,
    gpb: 0,
    governmentFund: 0,
    stateCapital: 0,
    personnel: 0,
    publicFunds: 0,
    threePublic: { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 },
    operatingTotal: 0,
    functionalClasses: new Map(),
    personnelSections: new Set(),
    publicSections: new Set(),
    operatingSections: new Set(),
  };
}

function emptyLedger(lineCount: number): Ledger {
  return {
    sums: emptySums(),
    lineCount,
    absoluteTotal: 0,
    economicClasses: [],
    basicClassSeen: [],
    unknownLineSource: false,
    unknownIncomeSource: false,
    income: emptyBySource(),
    incomeUsed: new Array<boolean>(SOURCE_COUNT).fill(false),
    spend: emptyBySource(),
    spendUsed: new Array<boolean>(SOURCE_COUNT).fill(false),
    basic: emptyBySource(),
    project: emptyBySource(),
    reserve: emptyBySource(),
    carryForward: emptyBySource(),
    selectionReserveUsed: new Array<boolean>(SELECTION_COUNT).fill(false),
    selectionCarryForwardUsed: new Array<boolean>(SELECTION_COUNT).fill(false),
    basicByClass: [],
    projectByClass: PROJECT_CLASSES.map(emptyBySource),
    units: new Map(),
    expenditure: [],
    selectionNonZero: new Array<boolean>(SELECTION_COUNT).fill(false),
    selectionClassUsed: [],
    economic: new Map(),
    codes: new Map(),
    basicFunds: { total: 0, fiscal: 0 },
    projectFunds: { total: 0, fiscal: 0 },
    projects: new Map(),
    projectEntries: [],
    projectCodesRepeat: false,
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
  for (const p of scope.projects) {
    const projectClass = p.class === undefined || p.class === null ? 0 : PROJECT_CLASSES.indexOf(p.class);
    let entry = ledger.projects.get(p.code);
    if (entry) {
      entry.projectClass = projectClass;
      ledger.projectCodesRepeat = true;
    } else ledger.projects.set(p.code, (entry = { projectClass, funds: undefined, named: 0 }));
    ledger.projectEntries.push(entry);
  }
}

/** A unit's entry, made at its first line; its type is looked up as the tables look it up. */
function unitEntry(ledger: Ledger, scope: Scope, code: string, functionalCodes: number): UnitEntry {
  const unitLedger: UnitLedger = {
    sums: emptySums(),
    bySource: emptyBySource(),
    unknownLineSource: false,
    expenditure: [undefined, undefined, undefined, undefined],
    rows: [],
    projectFunds: undefined,
  };
  ledger.units.set(code, unitLedger);
  return { code, unit: scope.unitByCode.get(code), ledger: unitLedger, rows: new Array<FunctionalRow | undefined>(functionalCodes) };
}

/** A unit's row for a functional code, made at its first line, with the amounts of its 类 in the unit. */
function functionalRow(u: UnitEntry, functional: string): FunctionalRow {
  const functionalClass = functionalClassOf(functional);
  const row: FunctionalRow = {
    functional,
    functionalClass,
    bySource: emptyBySource(),
    expenditure: [undefined, undefined, undefined, undefined],
    classAmounts: classAmountsOf(u.ledger.sums.functionalClasses, functionalClass),
    printed: undefined,
    printedBy: undefined,
  };
  u.ledger.rows.push(row);
  return row;
}

/** The entry of a functional 类 in `classes`, made at its first row. */
function classAmountsOf(classes: Map<string, FunctionalClassAmounts>, functionalClass: string): FunctionalClassAmounts {
  let amounts = classes.get(functionalClass);
  if (!amounts) classes.set(functionalClass, (amounts = { appropriation: undefined, gpb: undefined, governmentFund: undefined, stateCapital: undefined }));
  return amounts;
}

/** The entry of one of the scope's economic codes, made with those of its 类 and 款 (table 6) if they are new. */
function economicCode(ledger: Ledger, code: string): EconomicCodeAmounts {
  const facts = economicCodeFacts(code);
  let classIndex = ledger.economicClasses.indexOf(facts.class);
  if (classIndex < 0) {
    classIndex = ledger.economicClasses.push(facts.class) - 1;
    ledger.basicClassSeen.push(false);
    ledger.basicByClass.push(emptyBySource());
  }
  let classAmounts = ledger.economic.get(facts.class);
  if (!classAmounts) ledger.economic.set(facts.class, (classAmounts = { basic: 0, project: 0, reserve: 0, carryForward: 0, sections: new Map() }));
  let sectionAmounts = classAmounts.sections.get(facts.section);
  if (!sectionAmounts) classAmounts.sections.set(facts.section, (sectionAmounts = { basic: 0, project: 0, reserve: 0, carryForward: 0 }));
  const entry: EconomicCodeAmounts = { facts, classIndex, classAmounts, sectionAmounts, basicGpb: undefined, operatingCost: undefined };
  ledger.codes.set(code, entry);
  return entry;
}

function emptyExpenditure(classCount: number): ExpenditureAcc {
  return { total: 0, basic: 0, project: 0, reserve: 0, carryForward: 0, basicByClass: new Array<number>(classCount).fill(0), projectByClass: [0, 0, 0] };
}

/** Adds `from` into `into`. */
function addAcc(into: ExpenditureAcc, from: ExpenditureAcc): void {
  into.total += from.total;
  into.basic += from.basic;
  into.project += from.project;
  into.reserve += from.reserve;
  into.carryForward += from.carryForward;
  for (let i = 0; i < from.basicByClass.length; i++) into.basicByClass[i]! += from.basicByClass[i]!;
  for (let i = 0; i < from.projectByClass.length; i++) into.projectByClass[i]! += from.projectByClass[i]!;
}

function addRow(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
}

/** Adds a unit's figure sums into its scope's. */
function addSums(into: FigureSums, from: FigureSums): void {
  into.total += from.total;
  into.basicTotal += from.basicTotal;
  into.reserveTotal += from.reserveTotal;
  into.carryForwardTotal += from.carryForwardTotal;
  into.appropriation += from.appropriation;
  into.gpb += from.gpb;
  into.governmentFund += from.governmentFund;
  into.stateCapital += from.stateCapital;
  into.personnel += from.personnel;
  into.publicFunds += from.publicFunds;
  into.operatingTotal += from.operatingTotal;
  for (const item of THREE_PUBLIC_ITEMS) into.threePublic[item] += from.threePublic[item];
  for (const [functionalClass, a] of from.functionalClasses) {
    const b = classAmountsOf(into.functionalClasses, functionalClass);
    if (a.appropriation) addRow((b.appropriation ??= emptyBySource()), a.appropriation);
    if (a.gpb !== undefined) b.gpb = (b.gpb ?? 0) + a.gpb;
    if (a.governmentFund !== undefined) b.governmentFund = (b.governmentFund ?? 0) + a.governmentFund;
    if (a.stateCapital !== undefined) b.stateCapital = (b.stateCapital ?? 0) + a.stateCapital;
  }
  for (const s of from.personnelSections) into.personnelSections.add(s);
  for (const s of from.publicSections) into.publicSections.add(s);
  for (const s of from.operatingSections) into.operatingSections.add(s);
}

/**
 * Each unit's subtotals are the sums of its rows, and the scope's totals the sums of its units: rows are
 * few next to lines, so lines are added to their row only. Rows of a unit are put in code order.
 */
function sumRows(ledger: Ledger): void {
  const k = ledger.economicClasses.length;
  for (const unit of ledger.units.values()) {
    sortByCode(unit.rows, (row) => row.functional);
    for (const row of unit.rows) {
      addRow(unit.bySource, row.bySource);
      for (let sel = 0; sel < SELECTION_COUNT; sel++) {
        const acc = row.expenditure[sel];
        if (!acc) continue;
        addAcc((unit.expenditure[sel] ??= emptyExpenditure(k)), acc);
      }
    }
    addRow(ledger.spend, unit.bySource);
    addSums(ledger.sums, unit.sums);
    for (let sel = 0; sel < SELECTION_COUNT; sel++) {
      const acc = unit.expenditure[sel];
      if (acc) addAcc(ledger.expenditure[sel]!, acc);
    }
  }
}

/** The scope's amounts and flags by selection, each as long as the list of economic 类. */
function startSelections(ledger: Ledger): void {
  const k = ledger.economicClasses.length;
  for (let sel = 0; sel < SELECTION_COUNT; sel++) {
    ledger.expenditure.push(emptyExpenditure(k));
    ledger.selectionClassUsed.push(new Array<boolean>(k).fill(false));
  }
}

function addToSelection(ledger: Ledger, row: FunctionalRow, selection: number, use: Use, classIndex: number, projectClass: number, amount: number): void {
  const acc = (row.expenditure[selection] ??= emptyExpenditure(ledger.economicClasses.length));
  acc.total += amount;
  if (use === "basic") {
    acc.basic += amount;
    acc.basicByClass[classIndex]! += amount;
  } else if (use === "project") {
    acc.project += amount;
    if (projectClass >= 0) acc.projectByClass[projectClass]! += amount;
  } else if (use === "reserve") acc.reserve += amount;
  else acc.carryForward += amount;
  if (amount !== 0) {
    ledger.selectionNonZero[selection] = true;
    if (use === "basic") ledger.selectionClassUsed[selection]![classIndex] = true;
    else if (use === "reserve") ledger.selectionReserveUsed[selection] = true;
    else if (use === "carry-forward") ledger.selectionCarryForwardUsed[selection] = true;
  }
}
