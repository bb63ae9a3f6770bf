/**
 * “三公”经费 — 只减不增: this year's 一般公共预算财政拨款 "三公" total and each item (因公出国（境）,
 * 公务接待, 公务用车购置, 公务用车运行维护) should not exceed last year's.
 */
import { THREE_PUBLIC_ITEM_NAMES } from "../derive/economic.ts";
import type { ThreePublic } from "../model.ts";
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { comparedScopes } from "./compare.ts";
import { yuan } from "./helpers.ts";

const ITEMS: readonly { key: keyof ThreePublic; zh: string; en: string }[] = [
  { key: "abroad", zh: THREE_PUBLIC_ITEM_NAMES.abroad, en: "overseas travel" },
  { key: "reception", zh: THREE_PUBLIC_ITEM_NAMES.reception, en: "official reception" },
  { key: "vehiclePurchase", zh: THREE_PUBLIC_ITEM_NAMES.vehiclePurchase, en: "vehicle purchase" },
  { key: "vehicleOperation", zh: THREE_PUBLIC_ITEM_NAMES.vehicleOperation, en: "vehicle operation" },
];

export const threePublicIncrease: Rule = defineRule(
  {
    id: "three-public.increase",
    title: "“三公”经费比上年增加",
    description:
      "“三公”经费预算原则上只减不增：合计和因公出国（境）、公务接待、公务用车购置、公务用车运行维护各项均不应超过上年；确需增加的，须在情况说明中说明原因。 / \"三公\" spending may only fall: the total and each item should not exceed last year's; an increase that cannot be avoided must be explained in the narrative.",
    basis: "《党政机关厉行节约反对浪费条例》；历年《政府工作报告》“三公”经费只减不增的要求",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const s of comparedScopes(ctx)) {
      const prev = s.prior.threePublic;
      if (!prev) continue;
      const cur = s.figures.threePublic;
      const prevTotal = prev.abroad + prev.reception + prev.vehiclePurchase + prev.vehicleOperation;
      if (s.figures.threePublicTotal > prevTotal) {
        out.push(
          emit({
            message: `${s.label.zh}“三公”经费合计 ${yuan(s.figures.threePublicTotal)} 元，高于上年 ${yuan(prevTotal)} 元（只减不增） / ${s.label.en}: "三公" total ${yuan(s.figures.threePublicTotal)} 元 exceeds last year's ${yuan(prevTotal)} 元 (it may only fall)`,
            path: `${s.prefix}prior.threePublic`,
            expected: yuan(prevTotal),
            actual: yuan(s.figures.threePublicTotal),
          }),
        );
      }
      for (const item of ITEMS) {
        if (cur[item.key] <= prev[item.key]) continue;
        out.push(
          emit({
            message: `${s.label.zh}${item.zh} ${yuan(cur[item.key])} 元，高于上年 ${yuan(prev[item.key])} 元（只减不增） / ${s.label.en}: ${item.en} ${yuan(cur[item.key])} 元 exceeds last year's ${yuan(prev[item.key])} 元`,
            path: `${s.prefix}prior.threePublic.${item.key}`,
            expected: yuan(prev[item.key]),
            actual: yuan(cur[item.key]),
          }),
        );
      }
    }
    return out;
  },
);

export const THREE_PUBLIC_RULES: readonly Rule[] = [threePublicIncrease];
