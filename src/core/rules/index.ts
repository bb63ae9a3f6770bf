/**
 * 审核规则 — every data rule, in documentation order, and the entry point that runs them.
 * `yusuan check` and the audit of published documents use this one engine.
 */
import type { CatalogIndex } from "../catalog.ts";
import type { Budget } from "../model.ts";
import { AMOUNT_RULES } from "./amounts.ts";
import { CODE_RULES } from "./codes.ts";
import { COMPLETENESS_RULES } from "./completeness.ts";
import { createRuleContext, runRuleList } from "./engine.ts";
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { MAPPING_RULES } from "./mapping.ts";
import { NARRATIVE_RULES } from "./narrative.ts";
import { OPERATING_COST_RULES } from "./operating-cost.ts";
import { PLACEHOLDER_RULES } from "./placeholders.ts";
import { PROCUREMENT_RULES } from "./procurement.ts";
import { PROJECT_RULES } from "./projects.ts";
import { STAFFING_RULES } from "./staffing.ts";
import { TARGET_RULES } from "./targets.ts";
import { THREE_PUBLIC_RULES } from "./three-public.ts";
import { UNIT_RULES } from "./units.ts";

export const ALL_RULES: readonly Rule[] = [
  ...CODE_RULES,
  ...MAPPING_RULES,
  ...UNIT_RULES,
  ...AMOUNT_RULES,
  ...PROCUREMENT_RULES,
  ...PROJECT_RULES,
  ...TARGET_RULES,
  ...THREE_PUBLIC_RULES,
  ...OPERATING_COST_RULES,
  ...NARRATIVE_RULES,
  ...STAFFING_RULES,
  ...COMPLETENESS_RULES,
  ...PLACEHOLDER_RULES,
];

/** Runs the rules (all by default) over a context; never throws; findings in a fixed order. */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = ALL_RULES): Finding[] {
  return runRuleList(ctx, rules);
}

/** Convenience: builds the context and runs the rules. */
export function checkBudget(budget: Budget, catalog: CatalogIndex, rules: readonly Rule[] = ALL_RULES): Finding[] {
  return runRules(createRuleContext(budget, catalog), rules);
}

export { createRuleContext, sortFindings } from "./engine.ts";
export type { Emit, Finding, FindingInput, Location, Rule, RuleContext, Severity } from "./finding.ts";
export { SEVERITIES, SEVERITY_NAMES } from "./finding.ts";
