/**
 * 公开主体 — whose disclosure is being derived: the whole department, or one of its units
 * (实施条例 第六条: subordinate units publish too). A scope is the slice of the budget that belongs to it.
 */
import type {
  Assets,
  Budget,
  DepartmentTargets,
  FundingSource,
  Income,
  LineItem,
  PriorYear,
  Procurement,
  Project,
  ReasonKey,
  Unit,
} from "../model.ts";
import { fen } from "../money.ts";
import type { LineIndex } from "./line-index.ts";
import { compareCodes, isDigits, sortCodes, sortInPlace } from "./order.ts";
import { SOURCES_BY_NAME, SOURCE_NAME_RANK, sourceIndex } from "./sources.ts";

export type ScopeRef = { kind: "department" } | { kind: "unit"; code: string };

export interface Scope {
  ref: ScopeRef;
  year: number;
  /** 单位名称 printed on every table */
  name: string;
  /** the code printed at the top of table 13 (部门编码 or 单位代码) */
  code: string;
  units: Unit[];
  unitByCode: Map<string, Unit>;
  lines: LineItem[];
  income: Income[];
  projects: Project[];
  procurement: Procurement[];
  prior?: PriorYear;
  reasons: Partial<Record<ReasonKey, string>>;
  targets?: DepartmentTargets;
  assets?: Assets;
}

/**
 * The whole department's scope: every unit, and the lines, income, projects and procurement of its units.
 * `index`, when given, is the line index of `budget.lineItems` (line-index.ts, numbered by `firstIndex(budget.units)`):
 * a line's unit and source are then read from it instead of being looked up.
 */
export function departmentScope(budget: Budget, index?: LineIndex): Scope {
  const codes = new Set(budget.units.map((u) => u.code));
  let lines: LineItem[];
  let income: Income[];
  if (index) {
    const all = budget.lineItems;
    // every line names a unit (the usual case): the scope reads the budget's own list (nothing changes a scope)
    let known = 0;
    for (let i = 0; i < all.length; i++) if (index.unit[i]! >= 0) known++;
    if (known === all.length) lines = all;
    else {
      lines = [];
      for (let i = 0; i < all.length; i++) if (index.unit[i]! >= 0) lines.push(all[i]!);
    }
    // the sources by number serve the income read from the lines when no line was left out
    income = budget.income ? ofUnits(budget.income, codes) : lines === all ? incomeFromLines(lines, index) : incomeFromLines(lines);
  } else {
    lines = ofUnits(budget.lineItems, codes);
    income = budget.income ? ofUnits(budget.income, codes) : incomeFromLines(lines);
  }
  const slice: ScopeSlice = {
    lines,
    income,
    projects: ofUnits(budget.projects, codes),
    procurement: ofUnits(budget.procurement, codes),
  };
  return makeScope(budget, { kind: "department" }, budget.department.name, budget.department.code, budget.units, slice, {
    prior: budget.prior,
    reasons: budget.reasons,
    targets: budget.targets,
    assets: budget.assets,
  });
}

/** The rows of `rows` whose unit is one of `codes`: `rows` itself when that is every row (the usual case). */
function ofUnits<T extends { unit: string }>(rows: T[], codes: ReadonlySet<string>): T[] {
  for (let i = 0; i < rows.length; i++) if (!codes.has(rows[i]!.unit)) return rows.filter((x) => codes.has(x.unit));
  return rows;
}

/**
 * A unit's own scope. Its prior-year figures, reasons, targets and assets are its own; where a
 * department has a single unit, that unit's money is the department's, so the department's are used.
 */
export function unitScope(budget: Budget, code: string): Scope {
  const unit = budget.units.find((u) => u.code === code);
  if (!unit) throw new Error(`unknown unit ${code}`);
  const mine = (x: { unit: string }) => x.unit === code;
  const lines = budget.lineItems.filter(mine);
  const slice: ScopeSlice = {
    lines,
    income: budget.income ? budget.income.filter(mine) : incomeFromLines(lines),
    projects: budget.projects.filter(mine),
    procurement: budget.procurement.filter(mine),
  };
  return ownScope(budget, unit, slice);
}

/**
 * The scope of every entry of `budget.units`, in order — the same scopes `unitScope` gives, from one
 * partition of the budget's lines, income, projects and procurement instead of one pass per unit.
 */
export function unitScopes(budget: Budget): Scope[] {
  const { first, slices } = partitionByUnit(budget);
  if (!budget.income) for (const slice of slices.values()) slice.income = incomeFromLines(slice.lines);
  // A repeated unit code gets the first unit's scope, as `unitScope` finds it.
  return budget.units.map((u) => ownScope(budget, first.get(u.code)!, slices.get(u.code)!));
}

/**
 * A look-up of units' own scopes by code — the scope `unitScope` gives, or undefined for a code that is no
 * unit's. The budget is partitioned once, when the look-up is made; each scope is made on its first request
 * (and the same object returned after). For a caller that needs a few units' scopes of the same budget in
 * one call; it reads the budget as it is when made.
 */
export function unitScopeLookup(budget: Budget): (code: string) => Scope | undefined {
  const { first, slices } = partitionByUnit(budget);
  const made = new Map<string, Scope>();
  return (code) => {
    let scope = made.get(code);
    if (scope) return scope;
    const unit = first.get(code);
    if (!unit) return undefined;
    const slice = slices.get(code)!;
    if (!budget.income) slice.income = incomeFromLines(slice.lines);
    scope = ownScope(budget, unit, slice);
    made.set(code, scope);
    return scope;
  };
}

/** The first unit of each code, and the lines, income, projects and procurement of each code, in order. */
function partitionByUnit(budget: Budget): { first: Map<string, Unit>; slices: Map<string, ScopeSlice> } {
  const first = new Map<string, Unit>();
  const slices = new Map<string, ScopeSlice>();
  for (const u of budget.units) {
    if (first.has(u.code)) continue;
    first.set(u.code, u);
    slices.set(u.code, { lines: [], income: [], projects: [], procurement: [] });
  }
  addByUnit(budget.lineItems, slices, "lines");
  if (budget.income) addByUnit(budget.income, slices, "income");
  addByUnit(budget.projects, slices, "projects");
  addByUnit(budget.procurement, slices, "procurement");
  return { first, slices };
}

/** Appends each row to its unit's list in `slices` (rows of no unit are left out). */
function addByUnit<K extends keyof ScopeSlice>(rows: readonly ScopeSlice[K][number][], slices: Map<string, ScopeSlice>, key: K): void {
  // rows of one unit usually come together: the last unit's list is kept at hand
  let lastCode: string | undefined;
  let last: unknown[] | undefined;
  for (const row of rows) {
    if (row.unit !== lastCode) {
      lastCode = row.unit;
      last = slices.get(row.unit)?.[key];
    }
    last?.push(row);
  }
}

/** The lines, income, projects and procurement that belong to a scope. */
interface ScopeSlice {
  lines: LineItem[];
  income: Income[];
  projects: Project[];
  procurement: Procurement[];
}

function ownScope(budget: Budget, unit: Unit, slice: ScopeSlice): Scope {
  const only = budget.units.length === 1;
  return makeScope(budget, { kind: "unit", code: unit.code }, unit.name, unit.code, [unit], slice, {
    prior: unit.prior ?? (only ? budget.prior : undefined),
    reasons: unit.reasons ?? (only ? budget.reasons : {}),
    targets: unit.targets ?? (only ? budget.targets : undefined),
    assets: unit.assets ?? (only ? budget.assets : undefined),
  });
}

function makeScope(
  budget: Budget,
  ref: ScopeRef,
  name: string,
  code: string,
  units: Unit[],
  slice: ScopeSlice,
  own: Pick<Scope, "prior" | "reasons" | "targets" | "assets">,
): Scope {
  return {
    ref,
    year: budget.year,
    name,
    code,
    units,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    lines: slice.lines,
    income: slice.income,
    projects: slice.projects,
    procurement: slice.procurement,
    ...own,
  };
}

/**
 * Income by unit and source read from the line items, when the budget states none explicitly: one
 * entry per unit and source that has lines, ordered by unit code and then source name. `index`, when given,
 * is the line index of exactly `lines`: their sources and units are read from it by number.
 */
function incomeFromLines(lines: readonly LineItem[], index?: LineIndex): Income[] {
  const sources = index?.source;
  const unitAt = index?.unit;
  // each unit's slots by the unit's position (with an index); a unit's first line makes them
  const slotsAt: ((Income | undefined)[] | undefined)[] = [];
  const byUnit = new Map<string, (Income | undefined)[]>();
  const acc: Income[] = []; // in first-seen order, so the sort below breaks ties as before
  // every unit code digits only and every source a known one: then no two entries tie, see below
  let plain = true;
  // lines of one unit usually come together: the last unit's slots are kept at hand
  let lastUnit: string | undefined;
  let slots: (Income | undefined)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const position = unitAt ? unitAt[i]! : -1;
    if (position >= 0) {
      const known = slotsAt[position];
      if (known) slots = known;
      else slotsAt[position] = slots = unitSlots(byUnit, l.unit);
      lastUnit = undefined; // (every line of an indexed scope has a position)
    } else if (l.unit !== lastUnit) {
      lastUnit = l.unit;
      slots = unitSlots(byUnit, l.unit);
    }
    if (slots.length === 0 && !isDigits(l.unit)) plain = false;
    const s = sources ? sources[i]! : sourceIndex(l.source);
    if (s < 0) plain = false;
    const prev = s < 0 ? acc.find((i) => i.unit === l.unit && i.source === l.source) : slots[s];
    if (prev) prev.amount = fen(prev.amount + l.amount);
    else {
      const entry: Income = { unit: l.unit, source: l.source, amount: l.amount };
      if (s >= 0) slots[s] = entry;
      acc.push(entry);
    }
  }
  if (!plain) return sortInPlace(acc, (a, b) => compareCodes(a.unit, b.unit) || compareSources(a.source, b.source));
  // The same order without comparing entries: distinct codes of digits never compare equal, nor do two
  // known sources, so the sorted order is the units in code order, each with its sources in name order.
  const out: Income[] = [];
  for (const unit of sortCodes([...byUnit.keys()])) {
    const mine = byUnit.get(unit)!;
    for (let i = 0; i < SOURCES_BY_NAME.length; i++) {
      const entry = mine[SOURCES_BY_NAME[i]!];
      if (entry) out.push(entry);
    }
  }
  return out;
}

/** A unit's income slots (by source position) in `byUnit`, made at its first line. */
function unitSlots(byUnit: Map<string, (Income | undefined)[]>, unit: string): (Income | undefined)[] {
  let slots = byUnit.get(unit);
  if (!slots) byUnit.set(unit, (slots = []));
  return slots;
}

function compareSources(a: FundingSource, b: FundingSource): number {
  const x = sourceIndex(a);
  const y = sourceIndex(b);
  return x >= 0 && y >= 0 ? SOURCE_NAME_RANK[x]! - SOURCE_NAME_RANK[y]! : a.localeCompare(b);
}
