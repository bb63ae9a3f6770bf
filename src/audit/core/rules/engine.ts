/**
 * 文件审核 — runs document rules on the data rules' engine (src/core/rules/engine.ts `runRuleList`): a
 * rule that throws becomes an `internal` finding, and findings come out in the same fixed order.
 */
import { runRuleList } from "../../../core/rules/engine.ts";
import type { Finding, Rule, RuleContext } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";

/**
 * `runRuleList` hands its context only to each rule's `check`; each document rule is bound to the
 * document context here, so the engine's own context argument is never read.
 */
const UNUSED_BUDGET_CONTEXT = Object.freeze({}) as unknown as RuleContext;

export function runDocumentRules(ctx: DocumentContext, rules: readonly DocumentRule[]): Finding[] {
  const bound: Rule[] = rules.map((r) => ({ ...r, check: () => r.check(ctx) }));
  return runRuleList(UNUSED_BUDGET_CONTEXT, bound);
}
