/**
 * 规则引擎 — builds the context rules see (figures computed lazily, once) and runs a list of rules:
 * a rule that throws becomes an `internal` error finding, and findings come out in one fixed order.
 */
import type { CatalogIndex } from "../catalog.ts";
import { type Figures, computeFigures, unitFigures } from "../derive/figures.ts";
import { type Ledger, buildLedger } from "../derive/ledger.ts";
import { firstIndex } from "../derive/line-index.ts";
import { sortStrings } from "../derive/order.ts";
import { type Scope, departmentScope, unitScopeLookup } from "../derive/scope.ts";
import type { Budget } from "../model.ts";
import type { Finding, Location, Rule, RuleContext, Severity } from "./finding.ts";
import { SHARED_RESULTS } from "./helpers.ts";

/** A scope and its figures, as derive computes them (`deriveDisclosure` returns both in a disclosure). */
export interface ScopeFigures {
  scope: Scope;
  figures: Figures;
}

/**
 * What the caller has computed already from this same budget, in this same call, so rules do not compute
 * it again (`deriveAndCheck` derives and checks one budget). Never kept between calls: a budget may be
 * changed in place between two checks, so nothing is cached on the budget itself.
 */
export interface KnownFigures {
  /** the department's scope and figures */
  department?: ScopeFigures;
  /** the ledger of the department's scope (units' figures are its per-unit view) */
  departmentLedger?: Ledger;
  /** units' own scopes and figures, by unit code */
  units?: ReadonlyMap<string, ScopeFigures>;
}

export function createRuleContext(budget: Budget, catalog: CatalogIndex, known: KnownFigures = {}): RuleContext {
  return new BudgetRuleContext(budget, catalog, known);
}

/**
 * The context `createRuleContext` makes: the department's scope, ledger and figures, made on first use. What
 * rules share (helpers.ts `shared`) is reached through a getter on the prototype, so it is not an own property
 * and a copy of the context does not carry it.
 */
class BudgetRuleContext implements RuleContext {
  readonly unitIndex: ReadonlyMap<string, number>;
  readonly projectIndex: ReadonlyMap<string, number>;
  #scope: Scope | undefined;
  #ledger: Ledger | undefined;
  #figures: Figures | undefined;
  /** units' scopes and figures, by code */
  readonly #units: Map<string, ScopeFigures>;
  /** units' figures read from the department's ledger (without their scopes), by code */
  readonly #unitFigures = new Map<string, Figures>();
  #unitScopeOf: ((code: string) => Scope | undefined) | undefined;
  readonly #shared = new Map<unknown, unknown>();

  constructor(
    readonly budget: Budget,
    readonly catalog: CatalogIndex,
    known: KnownFigures,
  ) {
    this.#scope = known.department?.scope;
    this.#figures = known.department?.figures;
    this.#ledger = known.departmentLedger;
    this.#units = new Map<string, ScopeFigures>(known.units);
    this.unitIndex = firstIndex(budget.units);
    this.projectIndex = firstIndex(budget.projects);
  }

  get scope(): Scope {
    return (this.#scope ??= departmentScope(this.budget));
  }

  get figures(): Figures {
    return (this.#figures ??= computeFigures(this.scope, this.#departmentLedger()));
  }

  #departmentLedger(): Ledger {
    return (this.#ledger ??= buildLedger(this.scope));
  }

  unit(code: string): ScopeFigures | undefined {
    if (!this.unitIndex.has(code)) return undefined;
    let hit = this.#units.get(code);
    if (!hit) {
      // the budget is partitioned by unit once, at the first unit a rule asks for
      const s = (this.#unitScopeOf ??= unitScopeLookup(this.budget))(code)!;
      hit = { scope: s, figures: computeFigures(s) };
      this.#units.set(code, hit);
    }
    return hit;
  }

  unitFigures(codes: readonly string[]): ReadonlyMap<string, Figures> {
    const out = new Map<string, Figures>();
    for (const code of codes) {
      let figures = this.#units.get(code)?.figures ?? this.#unitFigures.get(code);
      if (!figures && this.unitIndex.has(code)) {
        figures = unitFigures(this.budget, code, this.#departmentLedger())!;
        this.#unitFigures.set(code, figures);
      }
      if (figures) out.set(code, figures);
    }
    return out;
  }

  /** what rules compute once per context (helpers.ts `shared`), kept with it */
  get [SHARED_RESULTS](): Map<unknown, unknown> {
    return this.#shared;
  }
}

/** Runs every rule; never throws. Findings are sorted (`sortFindings`). */
export function runRuleList<C = RuleContext>(ctx: C, rules: readonly Rule<C>[]): Finding[] {
  const all: Finding[] = [];
  for (const rule of rules) {
    try {
      all.push(...rule.check(ctx));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      all.push({
        rule: "internal",
        severity: "error",
        message: `规则 ${rule.id} 运行出错，其检查未完成：${reason} / rule ${rule.id} failed and its check did not complete: ${reason}`,
        location: { kind: "data", path: "" },
        actual: rule.id,
      });
    }
  }
  return sortFindings(all);
}

/** A severity's place in the order findings are sorted in: error, warning, info. */
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in one order: severity, rule id, location (paths in natural order), message; stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Findings are put in groups of one severity and rule (keeping their order), the groups are ordered, and
  // each group is sorted by location and message: the same order as one stable sort of the whole list, where
  // a group mostly comes in order already (a rule reports in data order), which sortByPlace confirms first.
  const byRule = new Map<string, Finding[][]>();
  for (const f of findings) {
    let bySeverity = byRule.get(f.rule);
    if (!bySeverity) byRule.set(f.rule, (bySeverity = [[], [], []]));
    bySeverity[SEVERITY_RANK[f.severity]]!.push(f);
  }
  const rules = sortStrings([...byRule.keys()]);
  const out: Finding[] = [];
  for (let rank = 0; rank < 3; rank++) {
    for (const rule of rules) out.push(...sortByPlace(byRule.get(rule)![rank]!));
  }
  return out;
}

/** A group's findings by location (natural order), then message; stable. */
function sortByPlace(group: readonly Finding[]): readonly Finding[] {
  // the usual case, a group already in order, is confirmed without making a key for each finding
  let sorted = true;
  for (let i = 1; i < group.length && sorted; i++) {
    const a = group[i - 1]!;
    const b = group[i]!;
    sorted = (compareLocations(a.location, b.location) || compareText(a.message, b.message)) <= 0;
  }
  if (sorted) return group;
  const keyed = group.map((f) => ({ f, key: locationKey(f.location) }));
  const compare = (a: { f: Finding; key: string }, b: { f: Finding; key: string }) => naturalCompare(a.key, b.key) || compareText(a.f.message, b.f.message);
  return keyed.sort(compare).map((k) => k.f);
}

/**
 * The sign of `naturalCompare(locationKey(a), locationKey(b))`. Two data locations of the same file have keys
 * that differ only after the same prefix `data:<file>:`, which ends in a non-digit; past it, natural order
 * reads the same runs in the paths as in the keys, so the paths alone decide — except where they differ at
 * their first character (a digit there would be compared with the prefix's last character), so that case,
 * like any other kind of location, compares the keys.
 */
function compareLocations(a: Location, b: Location): number {
  if (a.kind === "data" && b.kind === "data" && a.file === b.file && a.path.length > 0 && b.path.length > 0 && a.path.charCodeAt(0) === b.path.charCodeAt(0)) {
    return naturalCompare(a.path, b.path);
  }
  return naturalCompare(locationKey(a), locationKey(b));
}

/** A sortable string for a location: `lineItems[3].economic`, `table:t07:2:amount`, `text:p2-01-total:…`. */
export function locationKey(l: Location): string {
  switch (l.kind) {
    case "data":
      return `data:${l.file ?? ""}:${l.path}`;
    case "table":
      return `table:${l.table}:${l.row ?? ""}:${l.column ?? ""}`;
    case "text":
      return `text:${l.section}:${l.quote ?? ""}`;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares digit runs as numbers, so `lineItems[2]` sorts before `lineItems[10]`: the texts are read as runs
 * of digits and of non-digits, compared run by run — two digit runs by value (fewer significant digits
 * first, then digit by digit, then the one with fewer leading zeros), any other two runs as text — and
 * with fewer runs first when one text is the other's start. The runs are compared where they lie in the
 * texts; nothing is allocated, as this runs in every comparison of a sort.
 */
export function naturalCompare(a: string, b: string): number {
  // Runs before the first difference are equal in both texts: start at the run the difference falls in
  // (the same run in both, as everything before the difference is the same).
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === a.length && p === b.length) return 0;
  let start = p;
  if (p === 0 || !isDigitAt(a, p - 1)) {
    // the difference is not inside a run of digits: no number is read across it
    if (p === a.length || p === b.length) return a.length - b.length; // one text is the other's start
    const da = isDigitAt(a, p);
    const db = isDigitAt(b, p);
    if (!da && !db) return a.charCodeAt(p) - b.charCodeAt(p);
    // a run that ends here (before a digit) is the start of the other text's run, so it comes first
    if (da !== db) return p === 0 ? a.charCodeAt(0) - b.charCodeAt(0) : da ? -1 : 1;
    // both start a number here: compared below, from here
  } else {
    // inside a number: compare the whole of it
    while (start > 0 && isDigitAt(a, start - 1)) start--;
  }
  let i = start;
  let j = start;
  while (i < a.length && j < b.length) {
    const da = isDigitAt(a, i);
    const db = isDigitAt(b, j);
    let ie = i + 1;
    while (ie < a.length && isDigitAt(a, ie) === da) ie++;
    let je = j + 1;
    while (je < b.length && isDigitAt(b, je) === db) je++;
    if (da && db) {
      // leading zeros do not count, but a run of zeros keeps its last digit
      let si = i;
      while (si < ie - 1 && a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (sj < je - 1 && b.charCodeAt(sj) === 48) sj++;
      const c = ie - si - (je - sj) || compareRange(a, si, ie, b, sj, je) || ie - i - (je - j);
      if (c !== 0) return c;
    } else {
      const c = compareRange(a, i, ie, b, j, je);
      if (c !== 0) return c;
    }
    i = ie;
    j = je;
  }
  // every run so far is equal: the text with runs left over comes second
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** `a.slice(i, ie)` against `b.slice(j, je)` as text (code-unit order, a prefix first), without slicing. */
function compareRange(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  const n = Math.min(ie - i, je - j);
  for (let k = 0; k < n; k++) {
    const d = a.charCodeAt(i + k) - b.charCodeAt(j + k);
    if (d !== 0) return d;
  }
  return ie - i - (je - j);
}

/** True when the character at `i` is an ASCII digit (what `\d` matches). */
function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}
