/**
 * 增减原因 — a change against last year that the narrative states must come with its main reason, under the
 * one setting the data rules use (REASON_NEEDED in core/change.ts: a change that prints and is at least 1%
 * of last year's figure or 1 万元). A document is read as a reader reads it: the reason is in the paragraph
 * that states the change ("主要原因：…", "主要是由于…", "原因是…", or a sentence after it printing no figure), in
 * a paragraph of reasons right after a run of changes (Shanghai: "财政拨款收入支出减少的主要原因是项目调整。"), in
 * the items a "其中：" opens, or where the same change is stated again after being explained once (Jiangsu states
 * its total's change in four sections and gives the reason in the first).
 */
import { statedChangeNeedsReason } from "../../../core/change.ts";
import type { Fen } from "../../../core/money.ts";
import { percentFromHundredths } from "../../../core/ratio.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import { type Claim, tidy } from "../claims.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { type Paragraph, documentSections } from "../document.ts";
import { claimLocation } from "./helpers.ts";
import { subjectName } from "./resolve.ts";

/** Words that introduce a reason. "主要用于" says what money is for, not why it changed: it is no reason. */
const REASON_WORDS = /原因|由于|因为|主要是(?!用于)|系因/;
/** What a sentence after a change may begin with and still be no explanation of it. */
const NOT_A_REASON = /^(其中|主要用于|用于|具体|包括|详见|如下)/;
/** A breakdown follows: "…减少10万元。其中：" */
const BREAKDOWN = /其中[：:]?$/;

/** A change stated in a paragraph: its claims (amount and rate), and whether the setting asks for a reason. */
interface Statement {
  claims: Claim[];
  paragraph: Paragraph;
}

/**
 * Does the paragraph explain its changes? A reason word, or a sentence after the last change printing no figure
 * of its own ("…下降4.02%。退休人员退休费由省社保机构统一发放，单位支出减少。", "…此项级科目为今年新增科目。").
 */
function explains(text: string, statements: readonly Statement[]): boolean {
  if (REASON_WORDS.test(text)) return true;
  const last = statements.flatMap((s) => s.claims).at(-1);
  if (!last) return false;
  const at = text.lastIndexOf(last.sentence);
  const rest = at < 0 ? "" : text.slice(at + last.sentence.length);
  return rest.split(/[。！？；;]/).some((x) => (x.match(/[\u4e00-\u9fff]/g) ?? []).length >= 6 && !/\d/.test(x) && !NOT_A_REASON.test(x.trim()));
}

/** The key of a change: its direction with its amount or its rate, to know it again where it is restated. */
const changeKeys = (s: Statement): string[] =>
  s.claims.flatMap((c) => (c.kind === "change" && c.amount ? [`${c.direction}:${c.amount.fen}`] : c.kind === "rate" && c.percent ? [`${c.direction}:${c.percent.value}%`] : []));

export const narrativeReasonMissing: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.reason-missing",
    title: "说明中的增减变化没有说明原因",
    description:
      "情况说明称某项比上年增加或减少，且增减额达到上年数的1%或1万元（与数据规则 narrative.reason-missing 同一设定，core/change.ts 的 REASON_NEEDED），须说明主要原因：在同一段落（“主要原因”“由于”“原因是”等，或变化之后不含数字的说明句），在紧随其后专讲原因的段落（接连几段增减之后的“…减少的主要原因是…”），在“其中：”之后逐项说明的原因中，或同一增减（同额同向）在文中别处已说明原因；“主要用于”说明的是用途，不是原因。 / A change against last year the narrative states, of at least 1% of last year's figure or 1 万元 (the data rule's setting, REASON_NEEDED), needs its main reason: in its paragraph (a reason word, or a sentence after the change printing no figure), in a paragraph of reasons right after a run of changes, in the items after \"其中：\", or given where the same change (amount and direction) is stated elsewhere; \"主要用于\" (what money is for) is no reason.",
    basis: "财预〔2016〕143号《地方预决算公开操作规程》：对增减变化情况作出说明",
    severity: "warning",
  },
  (ctx, emit) => {
    const changes = ctx.claims.filter((c) => (c.kind === "change" || c.kind === "rate") && c.direction !== undefined);
    if (changes.length === 0) return [];
    const unexplained: Statement[] = [];
    const explainedKeys = new Set<string>();
    for (const s of documentSections(ctx.document)) {
      /** changes of the paragraphs just read that no reason has covered yet */
      let pending: Statement[] = [];
      let breakdown = false;
      for (const p of s.paragraphs) {
        const text = tidy(p.text);
        const statements = needingReason(changes.filter((c) => c.paragraph === p), p);
        const reasoned = explains(text, statements);
        if (statements.length === 0) {
          // a paragraph of reasons after a run of changes explains them; any other paragraph ends the run
          if (reasoned) pending.forEach((x) => changeKeys(x).forEach((k) => explainedKeys.add(k)));
          else unexplained.push(...pending);
          pending = [];
          breakdown = false;
          continue;
        }
        if (reasoned) {
          statements.forEach((x) => changeKeys(x).forEach((k) => explainedKeys.add(k)));
          // the items of a breakdown ("…减少10万元。其中：") give the whole's reasons with their own
          if (breakdown) pending.forEach((x) => changeKeys(x).forEach((k) => explainedKeys.add(k)));
          else unexplained.push(...pending);
          pending = [];
          breakdown = false;
          continue;
        }
        pending.push(...statements);
        breakdown = BREAKDOWN.test(text);
      }
      unexplained.push(...pending);
    }
    // a change restated (the same amount and direction, or rate) where it was explained once is explained
    return unexplained
      .filter((x) => !changeKeys(x).some((k) => explainedKeys.has(k)))
      .map((x) => {
        const first = x.claims[0]!;
        const what = first.subject ? subjectName(first.subject) : "该项";
        return emit({ message: `说明称${what}${first.direction === 1 ? "增加" : "减少"}${x.claims.map((c) => c.text).join("、")}，未说明原因 / a change (${x.claims.map((c) => c.text).join(", ")}) without its reason`, location: claimLocation(first), actual: x.claims.map((c) => c.text).join(" ") });
      });
  },
);

/** The paragraph's statements of a change (its amount and rate together) the setting asks a reason for. */
function needingReason(mine: readonly Claim[], paragraph: Paragraph): Statement[] {
  const statements = new Map<number, Claim[]>();
  for (const c of mine) statements.set(c.statement, [...(statements.get(c.statement) ?? []), c]);
  // a change and its rate in one clause are one statement even when their subject cannot be told
  const merged: Claim[][] = [];
  for (const claims of statements.values()) {
    const prev = merged.at(-1);
    const one = prev && prev.every((c) => c.kind === "change") && claims.every((c) => c.kind === "rate") && prev[0]!.sentence === claims[0]!.sentence && prev[0]!.direction === claims[0]!.direction;
    if (one) prev.push(...claims);
    else merged.push([...claims]);
  }
  return merged
    .filter((claims) => {
      const amount = claims.find((x) => x.kind === "change" && x.amount)?.amount?.fen ?? 0;
      const rate = claims.find((x) => x.kind === "rate" && x.percent)?.percent;
      return statedChangeNeedsReason(amount as Fen, rate ? percentFromHundredths(Math.round(rate.value * 100)) : undefined);
    })
    .map((claims) => ({ claims, paragraph }));
}

export const REASON_RULES: readonly DocumentRule[] = [narrativeReasonMissing];
