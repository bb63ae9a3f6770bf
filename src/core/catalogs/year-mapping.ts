/**
 * 科目代码对照 — which code a code of one year becomes in another, read from the change lists: a renamed code
 * keeps its code; a moved (renumbered) one maps old → new; a removed one maps to its successor where one is
 * known. Consecutive steps compose, so 2017 → 2019 is 2017 → 2018 then 2018 → 2019. Going back a year undoes
 * moves only (a successor may have taken several codes in).
 */
import type { CatalogChange, CatalogPart } from "./changes.ts";
import { BUILT_IN_YEARS, YEAR_DEFINITIONS } from "./index.ts";

/** Old code → the other year's code, per classification (economic: 部门预算支出经济分类, what lines use). */
export interface CodeMapping {
  functional?: Readonly<Record<string, string>>;
  economic?: Readonly<Record<string, string>>;
}

type Step = Map<string, string>;

function stepForward(changes: readonly CatalogChange[]): Step {
  const step: Step = new Map();
  for (const c of changes) {
    if (c.kind === "moved") step.set(c.from, c.to);
    else if (c.kind === "removed" && c.successor) step.set(c.code, c.successor);
  }
  return step;
}

function stepBackward(changes: readonly CatalogChange[]): Step {
  const step: Step = new Map();
  for (const c of changes) if (c.kind === "moved") step.set(c.to, c.from);
  return step;
}

/** a then b: every code a maps goes on through b; codes only b maps are mapped by b. */
function compose(a: Step, b: Step): Step {
  const out: Step = new Map();
  for (const [from, to] of a) out.set(from, b.get(to) ?? to);
  for (const [from, to] of b) if (!out.has(from) && !a.has(from)) out.set(from, to);
  for (const [from, to] of out) if (from === to) out.delete(from);
  return out;
}

function partMapping(from: number, to: number, part: CatalogPart): Step {
  let mapping: Step = new Map();
  if (to > from) for (let y = from + 1; y <= to; y++) mapping = compose(mapping, stepForward(YEAR_DEFINITIONS.get(y)?.changes[part] ?? []));
  else for (let y = from; y > to; y--) mapping = compose(mapping, stepBackward(YEAR_DEFINITIONS.get(y)?.changes[part] ?? []));
  return mapping;
}

/**
 * The code mapping from one built-in year to another (either direction), for `next-year` and the audit.
 * Throws for a year without a built-in catalog (a programming error: callers check BUILT_IN_YEARS).
 */
export function yearMapping(from: number, to: number): CodeMapping {
  for (const y of [from, to]) if (!BUILT_IN_YEARS.includes(y)) throw new RangeError(`no built-in catalog for ${y}`);
  return {
    functional: Object.fromEntries(partMapping(from, to, "functional")),
    economic: Object.fromEntries(partMapping(from, to, "departmentEconomic")),
  };
}
