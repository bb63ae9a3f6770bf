/**
 * The context's line index (derive/line-index.ts): each line's unit, codes and source as small numbers, made
 * once per context for the rule families that read lines (codes, mapping, units).
 * Shared like every `shared` result: pure, and not changed by its readers.
 */
import { type LineIndex, indexLines } from "../derive/line-index.ts";
import type { RuleContext } from "./finding.ts";
import { shared } from "./helpers.ts";

export type { CodeList, LineIndex } from "../derive/line-index.ts";

/** The context's line index, made once. */
export function lineIndex(ctx: RuleContext): LineIndex {
  return shared(ctx, buildLineIndex);
}

function buildLineIndex(ctx: RuleContext): LineIndex {
  return indexLines(ctx.budget.lineItems, ctx.unitIndex);
}
