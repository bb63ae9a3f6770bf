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
import { type LineIndex, firstIndex, indexLines } from "./line-index.ts";
import { compareCodes, sortInPlace } from "./order.ts";
import { SOURCE_COUNT, SOURCE_NAME_RANK, sourceIndex } from "./sources.ts";

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
  /** 明细索引 — each of `lines`' unit (its position in `units`), codes and source as small numbers, made with the scope */
  index: LineIndex;
  income: Income[];
  projects: Project[];
  procurement: Procurement[];
  prior?: PriorYear;
  reasons: Partial<Record<ReasonKey, string>>;
  targets?: DepartmentTargets;
  assets?: Assets;
}

/** The whole department's scope: every unit, and the lines, income, projects and procurement of its units. */
export function departmentScope(budget: Budget): Scope {
  // the budget's lines are indexed first: every line names a unit (the usual case) when none has position -1,
  // and the scope's lines are then the budget's own list, with that index
  const positions = firstIndex(budget.units); // (its keys are the units' codes)
  const all = indexLines(budget.lineItems, positions);
  const everyLineOfAUnit = !all.unit.includes(-1);
  const lines = everyLineOfAUnit ? budget.lineItems : budget.lineItems.filter((l) => positions.has(l.unit));
  const index = everyLineOfAUnit ? all : indexLines(lines, positions);
  const slice: ScopeSlice = {
    lines,
    income: budget.income ? ofUnits(budget.income, positions) : undefined,
    projects: ofUnits(budget.projects, positions),
    procurement: ofUnits(budget.procurement, positions),
  };
  return makeScope(budget, { kind: "department" }, budget.department.name, budget.department.code, budget.units, slice, index, {
    prior: budget.prior,
    reasons: budget.reasons,
    targets: budget.targets,
    assets: budget.assets,
  });
}

/** The rows of `rows` whose unit is one of `codes`: `rows` itself when that is every row (the usual case). */
function ofUnits<T extends { unit: string }>(rows: T[], codes: { has(code: string): boolean }): T[] {
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
    income: budget.income ? budget.income.filter(mine) : undefined,
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
    slices.set(u.code, { lines: [], income: budget.income ? [] : undefined, projects: [], procurement: [] });
  }
  addByUnit(budget.lineItems, slices, "lines");
  if (budget.income) addByUnit(budget.income, slices, "income");
  addByUnit(budget.projects, slices, "projects");
  addByUnit(budget.procurement, slices, "procurement");
  return { first, slices };
}

/** Appends each row to its unit's list in `slices` (rows of no unit are left out). */
function addByUnit<K extends keyof ScopeSlice>(rows: readonly NonNullable<ScopeSlice[K]>[number][], slices: Map<string, ScopeSlice>, key: K): void {
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
  /** undefined when the budget states no income: the scope's income is then read from its lines */
  income: Income[] | undefined;
  projects: Project[];
  procurement: Procurement[];
}

function ownScope(budget: Budget, unit: Unit, slice: ScopeSlice): Scope {
  const only = budget.units.length === 1;
  return makeScope(budget, { kind: "unit", code: unit.code }, unit.name, unit.code, [unit], slice, indexLines(slice.lines, firstIndex([unit])), {
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
  index: LineIndex,
  own: Pick<Scope, "prior" | "reasons" | "targets" | "assets">,
): Scope {
  return {
    ref,
    year: budget.year,
    name,
    code,
    units,
    unitByCode: byCode(units),
    lines: slice.lines,
    index,
    income: slice.income ?? incomeFromLines(slice.lines, index),
    projects: slice.projects,
    procurement: slice.procurement,
    prior: own.prior,
    reasons: own.reasons,
    targets: own.targets,
    assets: own.assets,
  };
}

/** Units by code (the last of a code that repeats, as `new Map(units.map(…))` keeps it). */
function byCode(units: readonly Unit[]): Map<string, Unit> {
  const m = new Map<string, Unit>();
  for (const u of units) m.set(u.code, u);
  return m;
}

/**
 * Income by unit and source read from the line items, when the budget states none explicitly: one
 * entry per unit and source that has lines, ordered by unit code and then source name. A line's entry is
 * found by the numbers of its unit and source in the scope's line index.
 */
function incomeFromLines(lines: readonly LineItem[], index: LineIndex): Income[] {
  // each unit's entries (by its position in the scope's units): by source index, and by name for unknown sources
  const byUnit: ({ known: (Income | undefined)[]; unknown: Map<string, Income> } | undefined)[] = [];
  const entries: Income[] = []; // in first-seen order (the sort is stable)
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const mine = (byUnit[index.unit[i]!] ??= { known: new Array<Income | undefined>(SOURCE_COUNT), unknown: new Map() });
    const s = index.source[i]!;
    const entry = s >= 0 ? mine.known[s] : mine.unknown.get(l.source);
    if (entry) entry.amount = fen(entry.amount + l.amount);
    else {
      const made: Income = { unit: l.unit, source: l.source, amount: l.amount };
      if (s >= 0) mine.known[s] = made;
      else mine.unknown.set(l.source, made);
      entries.push(made);
    }
  }
  return sortInPlace(entries, (a, b) => compareCodes(a.unit, b.unit) || compareSources(a.source, b.source));
}

function compareSources(a: FundingSource, b: FundingSource): number {
  const x = sourceIndex(a);
  const y = sourceIndex(b);
  return x >= 0 && y >= 0 ? SOURCE_NAME_RANK[x]! - SOURCE_NAME_RANK[y]! : a.localeCompare(b);
}
