/** Budget file (validated) → model, and model → budget file (for writing YAML/JSON back). */
import { type Budget, type Indicator, type Target, indicator, lineItem, priorYear, procurement, project, unit } from "../../core/model.ts";
import { formatYuan } from "../../core/money.ts";
import { parseTarget } from "../../core/targets.ts";
import { type BudgetFile, toTarget } from "./schema.ts";

type FileIndicator = BudgetFile["projects"][number]["indicators"][number];
type FileTargets = NonNullable<BudgetFile["targets"]>;

function indicators(list: FileIndicator[], year: number): Indicator[] {
  return list.map((i) => indicator({ ...i, target: toTarget(i.target, year, parseTarget) }));
}

function targets(t: FileTargets | undefined, year: number): Budget["targets"] {
  if (!t) return undefined;
  return {
    goals: t.goals,
    tasks: t.tasks.map((task) => ({
      name: task.name,
      content: task.content,
      note: task.note,
      funds: Array.isArray(task.funds)
        ? { kind: "projects" as const, codes: task.funds }
        : { kind: task.funds === "basic" || task.funds === "基本支出" ? ("basic" as const) : ("project" as const) },
    })),
    indicators: indicators(t.indicators, year),
  };
}

export function fileToBudget(f: BudgetFile): Budget {
  return {
    year: f.year,
    department: f.department,
    date: f.date,
    ...(f.provenance?.trim() ? { provenance: f.provenance.trim() } : {}),
    units: f.units.map((u) => unit({ ...u, targets: targets(u.targets, f.year) })),
    income: f.income,
    lineItems: f.lineItems.map(lineItem),
    projects: f.projects.map((p) => project({ ...p, indicators: indicators(p.indicators, f.year) })),
    targets: targets(f.targets, f.year),
    procurement: f.procurement.map(procurement),
    assets: f.assets,
    prior: f.prior && priorYear(f.prior),
    reasons: f.reasons,
    profile: f.profile,
  };
}

/** A target written back the way people write it. */
export function targetToInput(t: Target | undefined): unknown {
  if (!t) return undefined;
  switch (t.kind) {
    case "numeric":
      return `${t.comparator === "=" ? "" : t.comparator}${t.value}${t.unit}`;
    case "deadline":
      return t.text;
    case "qualitative":
      return t.text;
  }
}

/** The model as a plain object in the file's shape (amounts as 元 strings with two decimals). */
export function budgetToFile(b: Budget): Record<string, unknown> {
  const yuan = (n: number) => formatYuan(n as never);
  const ind = (list: Indicator[]) => list.map((i) => strip({ ...i, target: targetToInput(i.target) }));
  const tg = (t: Budget["targets"]) =>
    t && {
      goals: t.goals,
      tasks: t.tasks.map((task) => strip({ name: task.name, content: task.content, funds: task.funds.kind === "projects" ? task.funds.codes : task.funds.kind, note: task.note })),
      indicators: ind(t.indicators),
    };
  const prior = (p: Budget["prior"]) => p && strip(mapAmounts(p, yuan));
  return strip({
    year: b.year,
    department: strip({ ...b.department }),
    date: b.date,
    provenance: b.provenance,
    units: b.units.map((u) => strip({ ...u, staffing: strip({ ...u.staffing }), prior: prior(u.prior), targets: tg(u.targets) })),
    income: b.income?.map((i) => ({ ...i, amount: yuan(i.amount) })),
    lineItems: b.lineItems.map((l) => strip({ ...l, amount: yuan(l.amount) })),
    projects: b.projects.map((p) => strip({ ...p, indicators: ind(p.indicators) })),
    targets: tg(b.targets),
    procurement: b.procurement.map((p) => strip({ ...p, amount: yuan(p.amount) })),
    assets: b.assets,
    prior: prior(b.prior),
    reasons: b.reasons,
    profile: strip({ ...b.profile }),
  });
}

const AMOUNT_KEYS = new Set(["total", "basic", "project", "appropriation", "generalPublicBudget", "governmentFund", "stateCapital", "personnel", "publicFunds", "operatingCost", "procurement", "abroad", "reception", "vehiclePurchase", "vehicleOperation"]);

function mapAmounts(o: object, yuan: (n: number) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "number" && AMOUNT_KEYS.has(k)) out[k] = yuan(v);
    else if (k === "byClass" && v) out[k] = Object.fromEntries(Object.entries(v as Record<string, number>).map(([c, n]) => [c, yuan(n)]));
    else if (k === "threePublic" && v) out[k] = mapAmounts(v as object, yuan);
    else out[k] = v;
  }
  return out;
}

/** Drops undefined fields so written files stay clean. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
