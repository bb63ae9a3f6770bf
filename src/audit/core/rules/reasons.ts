/**
 * 增减原因 — a change against last year that the narrative states must come with its main reason, under the
 * one setting the data rules use (REASON_NEEDED in core/change.ts: a change that prints and is at least 1%
 * of last year's figure or 1 万元). A document is read as a reader reads it: the reason is in the paragraph
 * that states the change ("主要原因：…", "主要是由于…", "原因是…").
 */
import { statedChangeNeedsReason } from "../../../core/change.ts";
import type { Fen } from "../../../core/money.ts";
import { percentFromHundredths } from "../../../core/ratio.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import { type Claim, tidy } from "../claims.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { type SourcePlace, documentSections } from "../document.ts";
import { claimLocation } from "./helpers.ts";
import { subjectName } from "./resolve.ts";

/** Words that introduce a reason. "主要用于" says what money is for, not why it changed: it is no reason. */
const REASON_WORDS = /原因|由于|因为|主要是(?!用于)|系因/;

const samePlace = (a: SourcePlace, b: SourcePlace) => a.file === b.file && a.line === b.line && a.page === b.page && a.sheet === b.sheet && a.cell === b.cell;

export const narrativeReasonMissing: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.reason-missing",
    title: "说明中的增减变化没有说明原因",
    description:
      "情况说明称某项比上年增加或减少，且增减额达到上年数的1%或1万元（与数据规则 narrative.reason-missing 同一设定，core/change.ts 的 REASON_NEEDED），同一段落须说明主要原因（“主要原因”“由于”“原因是”等）；“主要用于”说明的是用途，不是原因。 / A change against last year the narrative states, of at least 1% of last year's figure or 1 万元 (the data rule's setting, REASON_NEEDED), needs its main reason in the same paragraph; \"主要用于\" (what money is for) is no reason.",
    basis: "财预〔2016〕143号《地方预决算公开操作规程》：对增减变化情况作出说明",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const changes = ctx.claims.filter((c) => (c.kind === "change" || c.kind === "rate") && c.direction !== undefined);
    if (changes.length === 0) return out;
    for (const s of documentSections(ctx.document)) {
      for (const p of s.paragraphs) {
        const mine = changes.filter((c) => samePlace(c.place, p.place) && c.section === s.heading);
        if (mine.length === 0 || REASON_WORDS.test(tidy(p.text))) continue;
        // one finding per statement (its change amount and rate together), when the setting asks for a reason
        const statements = new Map<number, Claim[]>();
        for (const c of mine) statements.set(c.statement, [...(statements.get(c.statement) ?? []), c]);
        for (const claims of statements.values()) {
          const amount = claims.find((x) => x.kind === "change" && x.amount)?.amount?.fen ?? 0;
          const rate = claims.find((x) => x.kind === "rate" && x.percent)?.percent;
          if (!statedChangeNeedsReason(amount as Fen, rate ? percentFromHundredths(Math.round(rate.value * 100)) : undefined)) continue;
          const first = claims[0]!;
          const what = first.subject ? subjectName(first.subject) : "该项";
          out.push(emit({ message: `说明称${what}${first.direction === 1 ? "增加" : "减少"}${claims.map((x) => x.text).join("、")}，未说明原因 / a change (${claims.map((x) => x.text).join(", ")}) without its reason`, location: claimLocation(first), actual: claims.map((x) => x.text).join(" ") }));
        }
      }
    }
    return out;
  },
);

export const REASON_RULES: readonly DocumentRule[] = [narrativeReasonMissing];
