/**
 * 规则引擎 — builds the context rules see (figures computed lazily, once) and runs a list of rules:
 * a rule that throws becomes an `internal` error finding, and findings come out in one fixed order.
 */
import type { CatalogIndex } from "../catalog.ts";
import { type Figures, computeFigures } from "../derive/figures.ts";
import { type Scope, departmentScope, unitScope } from "../derive/scope.ts";
import type { Budget } from "../model.ts";
import type { Finding, Location, Rule, RuleContext, Severity } from "./finding.ts";

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
  /** units' own scopes and figures, by unit code */
  units?: ReadonlyMap<string, ScopeFigures>;
}

export function createRuleContext(budget: Budget, catalog: CatalogIndex, known: KnownFigures = {}): RuleContext {
  let scope: Scope | undefined = known.department?.scope;
  let figures: Figures | undefined = known.department?.figures;
  const units = new Map<string, ScopeFigures>(known.units);
  const unitIndex = firstIndex(budget.units, unitCode);
  const projectIndex = firstIndex(budget.projects, projectCode);
  const getScope = (): Scope => (scope ??= departmentScope(budget));
  return {
    budget,
    catalog,
    get scope() {
      return getScope();
    },
    get figures() {
      return (figures ??= computeFigures(getScope()));
    },
    unitIndex,
    projectIndex,
    unit(code: string) {
      if (!unitIndex.has(code)) return undefined;
      let hit = units.get(code);
      if (!hit) {
        const s = unitScope(budget, code);
        hit = { scope: s, figures: computeFigures(s) };
        units.set(code, hit);
      }
      return hit;
    },
  };
}

const unitCode = (u: { code: string }) => u.code;
const projectCode = unitCode;

function firstIndex<T>(items: readonly T[], codeOf: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const c = codeOf(items[i]!);
    if (!m.has(c)) m.set(c, i);
  }
  return m;
}

/** Runs every rule; never throws. Findings are sorted: severity, rule id, location (natural order), message. */
export function runRuleList(ctx: RuleContext, rules: readonly Rule[]): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.check(ctx));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      out.push({
        rule: "internal",
        severity: "error",
        message: `规则 ${rule.id} 运行出错，其检查未完成：${reason} / rule ${rule.id} failed and its check did not complete: ${reason}`,
        location: { kind: "data", path: "" },
        actual: rule.id,
      });
    }
  }
  return sortFindings(out);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  // each finding's location key and its digit/non-digit runs are computed once, not in every comparison
  const keyed = findings.map((f) => ({ f, rank: SEVERITY_RANK[f.severity], tokens: naturalTokens(locationKey(f.location)) }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareText(a.f.rule, b.f.rule) ||
      compareTokens(a.tokens, b.tokens) ||
      compareText(a.f.message, b.f.message),
  );
  return keyed.map((k) => k.f);
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

/** Compares digit runs as numbers, so `lineItems[2]` sorts before `lineItems[10]`. */
export function naturalCompare(a: string, b: string): number {
  return compareTokens(naturalTokens(a), naturalTokens(b));
}

/** The runs of digits and of non-digits in a text, for `compareTokens`. */
function naturalTokens(s: string): readonly string[] {
  return s.match(/\d+|\D+/g) ?? [];
}

function compareTokens(ta: readonly string[], tb: readonly string[]): number {
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i] ?? "";
    const y = tb[i] ?? "";
    if (x === y) continue;
    const nx = isDigit(x);
    const ny = isDigit(y);
    if (nx && ny) {
      // compare as numbers of any length: fewer significant digits first, then digit by digit
      const sx = x.replace(/^0+(?=\d)/, "");
      const sy = y.replace(/^0+(?=\d)/, "");
      return sx.length - sy.length || compareText(sx, sy) || x.length - y.length;
    }
    return compareText(x, y);
  }
  return ta.length - tb.length;
}

/** True when a run starts with an ASCII digit (what `\d` matches). */
function isDigit(run: string): boolean {
  const c = run.charCodeAt(0);
  return c >= 48 && c <= 57;
}
