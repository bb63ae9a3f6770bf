/**
 * 文件审核规则 — every document rule, in documentation order (docs/audit-rules.md is generated from
 * this list by scripts/gen-audit-rule-docs.ts).
 */
import type { DocumentRule } from "../context.ts";
import { ARITHMETIC_RULES } from "./arithmetic.ts";
import { CODE_RULES } from "./codes.ts";
import { COMPLETENESS_RULES } from "./completeness.ts";
import { COUNT_RULES } from "./counts.ts";
import { CROSS_RULES } from "./cross.ts";
import { DUPLICATE_RULES } from "./duplicates.ts";
import { FORMAT_RULES } from "./format.ts";
import { MAPPING_RULES } from "./mapping.ts";
import { NARRATIVE_RULES } from "./narrative.ts";
import { OPERATING_COST_RULES } from "./operating-cost.ts";
import { PLACEHOLDER_RULES } from "./placeholders.ts";
import { PROJECT_RULES } from "./projects.ts";
import { REASON_RULES } from "./reasons.ts";
import { STATEMENT_RULES } from "./statements.ts";
import { SUM_RULES } from "./sums.ts";
import { TARGET_RULES } from "./targets.ts";
import { THREE_PUBLIC_RULES } from "./three-public.ts";

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  ...SUM_RULES,
  ...CROSS_RULES,
  ...NARRATIVE_RULES,
  ...ARITHMETIC_RULES,
  ...STATEMENT_RULES,
  ...COUNT_RULES,
  ...CODE_RULES,
  ...MAPPING_RULES,
  ...DUPLICATE_RULES,
  ...OPERATING_COST_RULES,
  ...THREE_PUBLIC_RULES,
  ...REASON_RULES,
  ...PROJECT_RULES,
  ...TARGET_RULES,
  ...PLACEHOLDER_RULES,
  ...FORMAT_RULES,
  ...COMPLETENESS_RULES,
];
