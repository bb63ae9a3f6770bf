/**
 * 下一年度预算 — next year's budget started from this year's: the units (with their staffing), the basic
 * lines and the recurring projects with their targets (deadlines moved a year on), this year's figures
 * carried into `prior` so next year's narrative compares with them automatically (口径: 上年年初预算), and
 * every functional and economic code mapped to next year's catalog where the code changed.
 *
 * Amounts are copied as a draft to edit; 原因说明 are cleared (they belong to a year).
 */
import { type Figures, computeFigures } from "../derive/figures.ts";
import { departmentScope, unitScope } from "../derive/scope.ts";
import type { Budget, DepartmentTargets, Indicator, LineItem, PriorYear, Project, Target } from "../model.ts";
import { BUILT_IN_YEARS } from "../catalogs/index.ts";
import { type CodeMapping, yearMapping } from "../catalogs/year-mapping.ts";
import type { Execution } from "./model.ts";
import { sideBySide } from "./side-by-side.ts";

export type { CodeMapping };

export interface NextYearOptions {
  /** which projects continue; default: 一般性项目 and 人员类项目 (运转类, recurring by nature) */
  recurring?: (p: Project) => boolean;
  /** codes to map beyond (or instead of) the built-in catalogs' changes between the two years */
  mapping?: CodeMapping;
  /** this year's execution: project carry-over (结转) becomes next year's 部门财政性资金结转 lines, and
   * a project with carry-over continues even when it is not recurring */
  execution?: Execution;
}

/** What was mapped, for the person starting the new budget to review. */
export interface NextYearResult {
  budget: Budget;
  /** codes replaced: "functional 2080208 → 2080209" */
  mapped: string[];
  /** projects not carried over (one-off 专项) */
  dropped: string[];
}

function priorOf(f: Figures, year: number): PriorYear {
  return {
    year,
    basis: "上年年初预算",
    total: f.total,
    basic: f.basic,
    project: f.project,
    appropriation: f.appropriation,
    generalPublicBudget: f.generalPublicBudget,
    governmentFund: f.governmentFund,
    stateCapital: f.stateCapital,
    byClass: Object.fromEntries(f.gpbByClass),
    personnel: f.personnel,
    publicFunds: f.publicFunds,
    threePublic: { ...f.threePublic },
    operatingCost: f.operatingCost,
    procurement: f.procurementTotal,
  };
}

/** Moves a deadline a year on: the date, and the year in its wording when written. */
export function shiftTarget(t: Target | undefined, year: number): Target | undefined {
  if (!t || t.kind !== "deadline") return t;
  const y = Number(t.date.slice(0, 4)) + 1;
  let date = `${y}${t.date.slice(4)}`;
  if (date.endsWith("-02-29") || (t.date.endsWith("-02-28") && new Date(Date.UTC(y, 2, 0)).getUTCDate() === 29)) date = `${y}-02-${new Date(Date.UTC(y, 2, 0)).getUTCDate()}`;
  return { kind: "deadline", date, text: t.text.replace(`${year}年`, `${year + 1}年`).replace(`${year}-`, `${year + 1}-`) };
}

function indicators(list: readonly Indicator[], year: number): Indicator[] {
  return list.map((i) => {
    const copy: Indicator = { ...i };
    const t = shiftTarget(i.target, year);
    if (t) copy.target = t;
    return copy;
  });
}

function targets(t: DepartmentTargets | undefined, year: number, keep: ReadonlySet<string>): DepartmentTargets | undefined {
  if (!t) return undefined;
  return {
    goals: [...t.goals],
    tasks: t.tasks.map((task) => (task.funds.kind === "projects" ? { ...task, funds: { kind: "projects", codes: task.funds.codes.filter((c) => keep.has(c)) } } : { ...task })),
    indicators: indicators(t.indicators, year),
  };
}

/** The built-in catalogs' mapping from `year` to the next (where both ship), with the caller's on top. */
function withBuiltInChanges(year: number, given: CodeMapping | undefined): CodeMapping {
  const builtIn = BUILT_IN_YEARS.includes(year) && BUILT_IN_YEARS.includes(year + 1) ? yearMapping(year, year + 1) : {};
  return {
    functional: { ...builtIn.functional, ...given?.functional },
    economic: { ...builtIn.economic, ...given?.economic },
  };
}

export function nextYearBudget(budget: Budget, options: NextYearOptions = {}): NextYearResult {
  const year = budget.year;
  const recurring = options.recurring ?? ((p: Project) => p.class !== "special");
  const keep = new Set(budget.projects.filter(recurring).map((p) => p.code));
  const carried: LineItem[] = [];
  if (options.execution) {
    for (const l of sideBySide(budget, options.execution)) {
      if (l.project === undefined || l.carryOver <= 0) continue;
      keep.add(l.project);
      carried.push({ unit: l.unit, functional: l.functional, economic: l.economic, nature: "project", project: l.project, source: "carry-over", amount: l.carryOver, memo: `${year}年结转` });
    }
  }
  const mappedSet = new Set<string>();
  const mapping = withBuiltInChanges(year, options.mapping);
  const map = (kind: keyof CodeMapping, code: string): string => {
    const to = mapping[kind]?.[code];
    if (to === undefined || to === code) return code;
    mappedSet.add(`${kind} ${code} → ${to}`);
    return to;
  };
  const next: Budget = {
    year: year + 1,
    department: { ...budget.department },
    units: budget.units.map((u) => {
      const { reasons: _reasons, ...rest } = u;
      const unit = { ...rest, staffing: { ...u.staffing }, prior: priorOf(computeFigures(unitScope(budget, u.code)), year) };
      if (u.targets) unit.targets = targets(u.targets, year, keep)!;
      return unit;
    }),
    lineItems: [...budget.lineItems.filter((l) => l.project === undefined || keep.has(l.project)), ...carried].map((l) => ({
      ...l,
      functional: map("functional", l.functional),
      economic: map("economic", l.economic),
    })),
    projects: budget.projects
      .filter((p) => keep.has(p.code))
      .map((p) => {
        const copy: Project = { ...p, indicators: indicators(p.indicators, year) };
        if (p.functional) copy.functional = map("functional", p.functional);
        return copy;
      }),
    procurement: budget.procurement.filter((p) => p.project === undefined || keep.has(p.project)).map((p) => ({ ...p })),
    prior: priorOf(computeFigures(departmentScope(budget)), year),
    reasons: {},
    profile: { ...budget.profile, duties: [...budget.profile.duties] },
  };
  const t = targets(budget.targets, year, keep);
  if (t) next.targets = t;
  if (budget.income) next.income = [...budget.income.map((i) => ({ ...i })), ...carried.map((l) => ({ unit: l.unit, source: l.source, amount: l.amount }))];
  if (budget.assets) next.assets = { ...budget.assets, vehicles: { ...budget.assets.vehicles }, asOf: `${year}-12-31` };
  return { budget: next, mapped: [...mappedSet].sort(), dropped: budget.projects.filter((p) => !keep.has(p.code)).map((p) => `${p.code} ${p.name}`) };
}
