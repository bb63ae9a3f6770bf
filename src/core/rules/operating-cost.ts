/**
 * 机关运行经费 — counted for 行政 and 参公 units only (basic 302/310 from 一般公共预算财政拨款). The amount
 * is derived, so it always equals that 公用经费; what data can get wrong is the unit type. Whether a change
 * against last year is explained is the narrative rule's business (narrative.reason-missing).
 */
import { classifyLine } from "../classify.ts";
import type { Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { wanText, yuan } from "./helpers.ts";

export const operatingCostInstitutionsOnly: Rule = defineRule(
  {
    id: "operating-cost.institutions-only",
    title: "全部为事业单位，但有机关运行经费性质的支出",
    description:
      "机关运行经费只统计行政单位和参公事业单位；部门所属单位均为事业单位时，情况说明写“不安排机关运行经费”，而一般公共预算财政拨款的基本支出中仍有 302/310 支出。若某单位实为行政或参公单位，须更正单位类型。 / Operating cost (机关运行经费) counts only 行政 and 参公 units. When every unit is a 事业 unit the narrative says none is arranged, yet basic 302/310 spending from 一般公共预算财政拨款 exists: if a unit is in fact 行政 or 参公, correct its type.",
    basis: "《中华人民共和国预算法》第十四条（机关运行经费说明）",
    severity: "info",
  },
  (ctx, emit) => {
    const b = ctx.budget;
    if (b.units.length === 0 || b.units.some((u) => u.type !== "institution")) return [];
    let first = -1;
    let total = 0;
    b.lineItems.forEach((l, i) => {
      if (!classifyLine(l, undefined).operatingCostKind) return;
      if (!ctx.unitIndex.has(l.unit)) return;
      if (first < 0) first = i;
      total += l.amount;
    });
    if (first < 0) return [];
    return [
      emit({
        message: `所属单位均为事业单位，不计机关运行经费；但一般公共预算财政拨款基本支出中有 302/310 支出 ${wanText(total)}，请核对单位类型 / every unit is a 事业 unit, so no 机关运行经费 is counted, yet basic 302/310 spending from 一般公共预算财政拨款 is ${yuan(total)} 元: check the unit types`,
        path: `lineItems[${first}].economic`,
        actual: yuan(total),
      }),
    ];
  },
);

export const OPERATING_COST_RULES: readonly Rule[] = [operatingCostInstitutionsOnly];
