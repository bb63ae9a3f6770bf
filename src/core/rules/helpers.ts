/** Small helpers the rule families share: money as findings print it, catalog-dependent severity, paths. */
import type { Fen } from "../money.ts";
import { formatYuan, wanYuanText } from "../money.ts";
import { isBlankText } from "../targets.ts";
import type { Finding, RuleContext, Severity } from "./finding.ts";

/** An amount as a finding's expected/actual: 元 with 2 decimals, exact ("413500.00"). */
export function yuan(amount: Fen | number): string {
  return formatYuan(amount as Fen);
}

/** An amount as the disclosure prints it, for messages ("41.35万元"). */
export function wanText(amount: Fen | number): string {
  return wanYuanText(amount as Fen);
}

/**
 * A code missing from the catalog: only a warning against the built-in catalog (it lists the codes Yusuan
 * needs and may lack a real one), an error against an official catalog the finance bureau distributes.
 */
export function catalogSeverity(ctx: RuleContext): Severity {
  return ctx.catalog.origin === "official" ? "error" : "warning";
}

/** "内置" / "正式" — which catalog a message speaks of. */
export function catalogName(ctx: RuleContext): { zh: string; en: string } {
  return ctx.catalog.origin === "official"
    ? { zh: `${ctx.catalog.year}年正式科目表`, en: `the official ${ctx.catalog.year} catalog` }
    : { zh: `${ctx.catalog.year}年内置科目表`, en: `the built-in ${ctx.catalog.year} catalog` };
}

/**
 * The findings `find` makes for some of `items` (undefined for the rest), in order: a loop where `flatMap`
 * would allocate an empty array for every item without a finding — most of them.
 */
export function findingsOf<T>(items: readonly T[], find: (item: T, index: number) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < items.length; i++) {
    const f = find(items[i]!, i);
    if (f) out.push(f);
  }
  return out;
}

/** Groups occurrences by a key, keeping first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

/** "（共 3 处） / (3 places)" when a code occurs more than once. */
export function countNote(n: number): { zh: string; en: string } {
  return n > 1 ? { zh: `（共 ${n} 处）`, en: ` (${n} places)` } : { zh: "", en: "" };
}

/** True when a text is absent or only whitespace. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || isBlankText(s);
}

/**
 * Where a context made by `createRuleContext` keeps the results of `shared`: a getter of the context's class
 * (not an own property, so a copy of the context does not carry it), dropped with the context.
 */
export const SHARED_RESULTS = Symbol("shared rule results");

type SharedResults = Map<(ctx: RuleContext) => unknown, unknown>;

/** The results of contexts made some other way. */
const otherResults = new WeakMap<RuleContext, SharedResults>();

/**
 * Computes something several rules of a family need (e.g. the lines grouped by code) once per context: every
 * rule of the family asks for it, the first computes it. `compute` must be pure and a module-level function
 * (its identity is the key), and callers must not mutate what it returns.
 */
export function shared<T>(ctx: RuleContext, compute: (ctx: RuleContext) => T): T {
  let results = (ctx as { [SHARED_RESULTS]?: SharedResults })[SHARED_RESULTS] ?? otherResults.get(ctx);
  if (!results) {
    results = new Map();
    otherResults.set(ctx, results);
  }
  if (results.has(compute)) return results.get(compute) as T;
  const value = compute(ctx);
  results.set(compute, value);
  return value;
}
