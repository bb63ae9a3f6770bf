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
import { FUNDING_SOURCES } from "../model.ts";
import { type Fen, fen } from "../money.ts";

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

export function departmentScope(budget: Budget): Scope {
  return makeScope(budget, { kind: "department" }, budget.department.name, budget.department.code, budget.units, {
    prior: budget.prior,
    reasons: budget.reasons,
    targets: budget.targets,
    assets: budget.assets,
  });
}

/**
 * A unit's own scope. Its prior-year figures, reasons, targets and assets are its own; where a
 * department has a single unit, that unit's money is the department's, so the department's are used.
 */
export function unitScope(budget: Budget, code: string): Scope {
  const unit = budget.units.find((u) => u.code === code);
  if (!unit) throw new Error(`unknown unit ${code}`);
  const only = budget.units.length === 1;
  return makeScope(budget, { kind: "unit", code }, unit.name, unit.code, [unit], {
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
  own: Pick<Scope, "prior" | "reasons" | "targets" | "assets">,
): Scope {
  const codes = new Set(units.map((u) => u.code));
  const lines = budget.lineItems.filter((l) => codes.has(l.unit));
  const income = budget.income ? budget.income.filter((i) => codes.has(i.unit)) : incomeFromLines(lines);
  return {
    ref,
    year: budget.year,
    name,
    code,
    units,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    lines,
    income,
    projects: budget.projects.filter((p) => codes.has(p.unit)),
    procurement: budget.procurement.filter((p) => codes.has(p.unit)),
    ...own,
  };
}

/** Income by unit and source read from the line items, when the budget states none explicitly. */
function incomeFromLines(lines: readonly LineItem[]): Income[] {
  const acc = new Map<string, Income>();
  for (const l of lines) {
    const key = `${l.unit}\u0000${l.source}`;
    const prev = acc.get(key);
    if (prev) prev.amount = fen(prev.amount + l.amount);
    else acc.set(key, { unit: l.unit, source: l.source, amount: l.amount });
  }
  return [...acc.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.source.localeCompare(b.source));
}

/** Amounts by funding source (a row of a table, across its source columns). */
export type BySource = Record<FundingSource, Fen>;

export function emptyBySource(): BySource {
  const r = {} as Record<FundingSource, number>;
  for (const s of FUNDING_SOURCES) r[s] = 0;
  return r as BySource;
}

export function addTo(target: BySource, source: FundingSource, amount: Fen): void {
  target[source] = fen(target[source] + amount);
}

export function totalOf(row: BySource, which: (s: FundingSource) => boolean = () => true): Fen {
  let t = 0;
  for (const s of FUNDING_SOURCES) if (which(s)) t += row[s];
  return fen(t);
}
