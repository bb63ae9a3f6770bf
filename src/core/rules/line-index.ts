/**
 * The context's line index (derive/line-index.ts): each line's unit, codes and source as small numbers, for the
 * rule families that read lines (codes, mapping, units). It is the department scope's own index (scope.ts
 * `index`), made once with the scope, whenever that scope's lines are the budget's lines; the rules report on
 * every line, so a budget with lines of no unit (which the scope leaves out) has its lines indexed here.
 * Shared like every `shared` result: pure, and not changed by its readers.
 */
import { type LineIndex, indexLines } from "../derive/line-index.ts";
import type { RuleContext } from "./finding.ts";
import { shared } from "./helpers.ts";

export type { CodeList, LineIndex } from "../derive/line-index.ts";

/** The index of the budget's lines. */
export function lineIndex(ctx: RuleContext): LineIndex {
  return shared(ctx, budgetLineIndex);
}

function budgetLineIndex(ctx: RuleContext): LineIndex {
  const scope = ctx.scope;
  return scope.lines === ctx.budget.lineItems ? scope.index : indexLines(ctx.budget.lineItems, ctx.unitIndex);
}
