/**
 * “三公”经费的说明 — the narrative explains each item (因公出国（境）费, 公务用车购置及运行费 and its two
 * parts, 公务接待费) with its amount; the amounts themselves are checked against table 7 by
 * narrative.amount. "三公" spending may only fall (只减不增).
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import { subjectBefore } from "../claims/subjects.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { documentSections } from "../document.ts";
import { type Claim, tidy } from "../claims.ts";
import { statedChangeNeedsReason } from "../../../core/change.ts";
import type { Fen } from "../../../core/money.ts";
import { percentFromHundredths } from "../../../core/ratio.ts";
import { claimLocation } from "./helpers.ts";
import { subjectName } from "./resolve.ts";

const ITEMS = new Set(["abroad", "reception", "vehicle"]);
/** The subjects that are "三公" spending: the total and each item (subjects.ts). */
const THREE_PUBLIC_SUBJECTS = new Set(["three-public", ...ITEMS, "vehicle-purchase", "vehicle-operation"]);

export const threePublicItemAmount: DocumentRule = defineRule<DocumentContext>(
  {
    id: "three-public.item-amount",
    title: "“三公”经费分项说明缺少金额",
    description: "“三公”经费说明逐项（因公出国（境）费、公务用车购置及运行费、公务接待费）说明时，每项都应写明预算金额，不能只写用途或增减。 / Each \"三公\" item the narrative explains states its amount, not only its use or change.",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const s of documentSections(ctx.document)) {
      for (const p of s.paragraphs) {
        const text = tidy(p.text);
        const lead = /^[（(][一二三四五六七八九十]+[）)]([^。：:，]{2,24})/.exec(text)?.[1];
        const item = lead ? subjectBefore(lead, "money") : undefined;
        if (!item || !ITEMS.has(item)) continue;
        const stated = ctx.claims.some((c) => c.paragraph === p && c.kind === "amount" && c.subject === item);
        if (stated) continue;
        const { file, ...where } = p.place;
        out.push(emit({ message: `“三公”经费说明中${subjectName(item)}未写明预算金额 / the ${item} item states no amount`, location: { kind: "text", section: s.heading, quote: text.slice(0, 60), file, ...where } }));
      }
    }
    return out;
  },
);

export const threePublicIncrease: DocumentRule = defineRule<DocumentContext>(
  {
    id: "three-public.increase",
    title: "“三公”经费比上年增加",
    description: "“三公”经费预算原则上只减不增；说明称合计或某项比上年增加、且增加额达到上年数的1%或1万元（与数据规则同一设定）的，须说明原因。 / \"三公\" spending may only fall; an increase stated in the narrative of at least 1% of last year's figure or 1 万元 (the data rules' setting) needs its reason.",
    basis: "《党政机关厉行节约反对浪费条例》；历年《政府工作报告》“三公”经费只减不增的要求",
    severity: "warning",
  },
  (ctx, emit) => {
    // 会议费 and 培训费, told in the same section in Jiangsu, are not "三公" items: the rule is not theirs
    const increases = ctx.claims.filter((c) => c.topic === "three-public" && c.subject && THREE_PUBLIC_SUBJECTS.has(c.subject) && (c.kind === "change" || c.kind === "rate") && c.direction === 1 && ((c.amount?.fen ?? 0) > 0 || (c.percent?.value ?? 0) > 0));
    // only an increase large enough to need a written reason (core/change.ts, the data rules' setting): the
    // statement's change amount, with its rate when one is stated
    const needsReason = (c: Claim): boolean => {
      const same = increases.filter((x) => x.statement === c.statement && x.subject === c.subject);
      const change = same.find((x) => x.kind === "change" && x.amount)?.amount?.fen ?? 0;
      const rate = same.find((x) => x.kind === "rate" && x.percent)?.percent;
      return statedChangeNeedsReason(change as Fen, rate ? percentFromHundredths(Math.round(rate.value * 100)) : undefined);
    };
    return increases.filter(needsReason).map((c) => emit({ message: `说明称${subjectName(c.subject!)}比上年增加${c.text}（只减不增） / ${c.subject} rises by ${c.text}`, location: claimLocation(c), actual: c.text }));
  },
);

export const THREE_PUBLIC_RULES: readonly DocumentRule[] = [threePublicItemAmount, threePublicIncrease];
