/**
 * 上年比较 — the scopes whose disclosure compares this year with last year: the department, and each unit
 * that has its own prior-year figures (a single unit without its own uses the department's, so checking it
 * again would only repeat the department's findings).
 */
import type { Figures } from "../derive/figures.ts";
import type { PriorYear, ReasonKey } from "../model.ts";
import type { RuleContext } from "./finding.ts";
import { shared } from "./helpers.ts";

export interface ComparedScope {
  /** "部门" or "单位 313001", for messages */
  label: { zh: string; en: string };
  /** path prefix of the scope's own data: "" for the department, "units[2]." for a unit */
  prefix: string;
  prior: PriorYear;
  reasons: Partial<Record<ReasonKey, string>>;
  /** where the reasons this scope's narrative prints live */
  reasonsPath: string;
  figures: Figures;
}

/** The compared scopes of a context, worked out once for the rules that read them (three-public, narrative). */
export function comparedScopes(ctx: RuleContext): readonly ComparedScope[] {
  return shared(ctx, findComparedScopes);
}

function findComparedScopes(ctx: RuleContext): ComparedScope[] {
  const b = ctx.budget;
  const out: ComparedScope[] = [];
  if (b.prior) {
    out.push({ label: { zh: "部门", en: "department" }, prefix: "", prior: b.prior, reasons: b.reasons, reasonsPath: "reasons", figures: ctx.figures });
  }
  const only = b.units.length === 1;
  const compared = b.units.filter((u, i) => u.prior && ctx.unitIndex.get(u.code) === i);
  // the units' figures are made together, in one pass over the budget (a unit's scope is not needed)
  const figures = ctx.unitFigures(compared.map((u) => u.code));
  b.units.forEach((u, i) => {
    if (!u.prior || ctx.unitIndex.get(u.code) !== i) return;
    const own = figures.get(u.code);
    if (!own) return;
    const sharedReasons = !u.reasons && only;
    out.push({
      label: { zh: `单位 ${u.code}`, en: `unit ${u.code}` },
      prefix: `units[${i}].`,
      prior: u.prior,
      reasons: u.reasons ?? (only ? b.reasons : {}),
      reasonsPath: sharedReasons ? "reasons" : `units[${i}].reasons`,
      figures: own,
    });
  });
  return out;
}
