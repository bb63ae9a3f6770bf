/**
 * 说明与表 — every amount and share the narrative states against the tables: 收支总计, 基本/项目支出,
 * 一般公共预算 and each 类, 人员经费/公用经费, "三公" items, 机关运行经费, projects. A narrative figure
 * stands for anything that rounds or truncates to it; a table figure for anything that rounds to it.
 */
import type { Fen } from "../../../core/money.ts";
import { formatPercent, formatShareAt, percentOf } from "../../../core/ratio.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { Claim } from "../claims.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { amountInterval, intersects, percentInterval, percentOfIntervals } from "../numbers.ts";
import { ROUNDING_NOTE, agree, claimLocation, factText, wan } from "./helpers.ts";
import { classCode, factFor, subjectName, wholeFor } from "./resolve.ts";

const TOLERANCE = "容差：说明中的数按其印刷位数四舍五入或截尾，表中的数按两位小数四舍五入，两者区间相交即一致；印刷数字不同但在此范围内记为提示。 / Tolerance: a narrative figure stands for anything that rounds or truncates to it at its printed decimals, a table figure for anything that rounds to it; overlapping intervals agree, different digits within them are an info note.";

/** A claim's own amount as a figure. */
export function claimFigure(c: Claim): { value: number; interval: ReturnType<typeof amountInterval> } | undefined {
  return c.amount ? { value: c.amount.fen, interval: amountInterval(c.amount, "round-or-truncate") } : undefined;
}

export const narrativeAmount: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.amount",
    title: "说明中的金额与表不一致",
    description: `情况说明中的每个金额（收支总计、收入合计、基本支出、项目支出、财政拨款、一般公共预算及各类、人员经费、公用经费、“三公”经费各项、机关运行经费、项目资金、专项转移支付项目）应等于表中相应的数。 / Every amount the narrative states equals the table figure it names. ${TOLERANCE}`,
    basis: "《中华人民共和国预算法》第十四条；财预〔2016〕143号《地方预决算公开操作规程》",
    severity: "error",
    severityNote: "在舍入范围内为提示。 / Info within rounding.",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const c of ctx.claims) {
      if (c.kind !== "amount" || !c.subject || !c.amount) continue;
      const fact = factFor(ctx, c.subject, c.topic, c.amount.fen);
      const mine = claimFigure(c)!;
      if (!fact) continue;
      const a = agree(mine, fact);
      if (a === "equal") continue;
      out.push(
        emit({
          message: `说明称${subjectName(c.subject)}为${c.text}，表中为${factText(fact)}${a === "rounding" ? `；${ROUNDING_NOTE}` : ""} / the narrative states ${c.text} for ${c.subject}; the table has ${wan(fact.value)}万元`,
          location: claimLocation(c),
          expected: `${wan(fact.value)}万元`,
          actual: c.text,
          ...(a === "rounding" ? { severity: "info" as const } : {}),
        }),
      );
    }
    return out;
  },
);

/** Rounds v half up at d decimals. */
const roundAt = (v: number, d: number) => Math.round(v * 10 ** d + 1e-9) / 10 ** d;
const truncAt = (v: number, d: number) => Math.trunc(v * 10 ** d + 1e-9) / 10 ** d;

export const narrativeShare: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.share",
    title: "说明中的占比与表不一致",
    description: `“占X%”应等于该项除以其总数（基本支出、项目支出占支出合计，各类占一般公共预算支出，人员经费、公用经费占基本支出，或说明所写的总数），按表中的数计算。截尾而非四舍五入的占比（99.469% 印为 99.46%）记为提示。金额本身已写错时，占比按说明自己的金额核对，不重复报告。 / "占X%" equals the part over its whole computed from the tables; a truncated share is an info note; when the amount itself is wrong, the share is checked against the narrative's own amount and not reported twice. ${TOLERANCE}`,
    severity: "error",
    severityNote: "截尾或在舍入范围内为提示。 / Info when truncated or within rounding.",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const amountOf = new Map<number, Claim>();
    for (const x of ctx.claims) if (x.kind === "amount" && x.amount && !amountOf.has(x.statement)) amountOf.set(x.statement, x);
    for (const c of ctx.claims) {
      if (c.kind !== "share" || !c.subject || !c.percent) continue;
      const part = factFor(ctx, c.subject, c.topic);
      const whole = wholeFor(ctx, c);
      if (!part || !whole?.fact) continue;
      const own = amountOf.get(c.statement);
      const ownFigure = own ? claimFigure(own) : undefined;
      const amountWrong = ownFigure !== undefined && agree(ownFigure, part) === "different";
      const base = amountWrong ? ownFigure! : part;
      const computed = percentOfIntervals(base.interval, whole.fact.interval);
      if (!computed || whole.fact.value === 0) continue;
      const v = (base.value / whole.fact.value) * 100;
      const d = c.percent.decimals;
      if (roundAt(v, d) === c.percent.value) continue;
      const printed = percentInterval(c.percent);
      const within = intersects(printed, computed);
      if (amountWrong && within) continue;
      const truncated = truncAt(v, d) === c.percent.value;
      const computedText = formatPercent(percentOf(base.value as Fen, whole.fact.value as Fen));
      out.push(
        emit({
          message: `说明称${subjectName(c.subject)}占${c.text}，按${amountWrong ? "说明自身的金额" : "表中数"}计算为 ${wan(base.value)}/${wan(whole.fact.value)} = ${computedText}${truncated ? "（印刷数为截尾而非四舍五入）" : within ? `；${ROUNDING_NOTE}` : ""} / the narrative states ${c.text}; ${wan(base.value)}/${wan(whole.fact.value)} = ${computedText}${truncated ? " (truncated, not rounded)" : ""}`,
          location: claimLocation(c),
          expected: formatShareAt(base.value as Fen, whole.fact.value as Fen, Math.max(d, 2)),
          actual: c.text,
          ...(within ? { severity: "info" as const } : {}),
        }),
      );
    }
    return out;
  },
);

export const narrativeNone: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.none",
    title: "说明称没有，表中有数",
    description: "说明称“没有使用…安排的支出”或“不安排…”，而相应的表中有金额。 / The narrative says there is no such spending, yet the table shows amounts.",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const c of ctx.claims) {
      if (c.kind !== "none" || !c.subject) continue;
      const fact = factFor(ctx, c.subject, c.topic);
      // a 合计 printed blank (a table with no rows) says "none" too
      if (!fact || fact.value === 0 || fact.interval.hi < 5_000) continue;
      out.push(emit({ message: `说明称没有${subjectName(c.subject)}，而表中为${factText(fact)} / the narrative says there is none, the table shows ${wan(fact.value)}万元`, location: claimLocation(c), expected: `${wan(fact.value)}万元`, actual: c.text }));
    }
    return out;
  },
);

export const narrativeClassesMissing: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.classes-missing",
    title: "一般公共预算支出说明漏列某类",
    description: "说明按功能分类“类”列示一般公共预算支出时，表中有支出的每一类都应列出（如表4 有科学技术类 172.80 万元而说明未提及）。 / When the narrative lists 一般公共预算 spending by 类, every 类 with spending in the tables is listed.",
    severity: "warning",
  },
  (ctx, emit) => {
    const stated = ctx.claims.filter((c) => c.kind === "amount" && c.subject?.startsWith("class:") && (c.topic === "gpb" || c.topic === undefined));
    if (stated.length === 0) return [];
    const codes = new Set(stated.map((c) => classCode(ctx, c.subject!.slice(6))));
    const missing = [...ctx.figures.gpbByClass].filter(([code, f]) => !codes.has(code) && f.value !== 0);
    const first = stated[0]!;
    return missing.map(([code, f]) =>
      emit({
        message: `说明未列示 ${code} ${ctx.catalog?.functionalClassStem(code) ?? ""}（类）支出 ${factText(f)} / the narrative leaves out class ${code} (${wan(f.value)}万元)`,
        location: claimLocation(first),
        expected: `${wan(f.value)}万元`,
      }),
    );
  },
);

export const narrativeUnclassified: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.unclassified",
    title: "说明中无法确定所指的数字",
    description: "说明中的数字，无法确定其说明的是哪一项（如“85个行政村”），未核对，列出供人工查看。 / Numbers whose subject cannot be told (e.g. \"85个行政村\") are not checked; listed for a person to look at.",
    severity: "info",
  },
  (ctx, emit) =>
    ctx.claims
      .filter((c) => !c.subject && !c.stray && c.kind !== "flat" && c.kind !== "none")
      .map((c) => emit({ message: `无法确定“${c.text}${c.noun && !c.text.endsWith(c.noun) ? c.noun : ""}”说明的是哪一项，未核对 / cannot tell what "${c.text}" is about: not checked`, location: claimLocation(c), actual: c.text })),
);

export const narrativeStray: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.stray-number",
    title: "说明中游离的数字",
    description: "句子之外单独出现的数字（如段末的“2518.03”），没有说明对象和单位，多为编辑残留。 / A number standing alone outside any sentence, with no subject or unit, usually an editing leftover.",
    severity: "warning",
  },
  (ctx, emit) => ctx.claims.filter((c) => c.stray).map((c) => emit({ message: `段中单独出现数字“${c.text}”，没有说明对象和单位 / the number "${c.text}" stands alone with no subject or unit`, location: claimLocation(c), actual: c.text })),
);

export const NARRATIVE_RULES: readonly DocumentRule[] = [narrativeAmount, narrativeShare, narrativeNone, narrativeClassesMissing, narrativeUnclassified, narrativeStray];
