/**
 * 说明自身的算术 — the narrative's numbers must agree with one another: an amount, its change and its
 * rate (上年 = 本年 − 增加额, 增长率 = 增加额 / 上年); "持平" with no change; parts adding up to their
 * whole (基本 + 项目 = 支出合计, 人员 + 公用 = 基本支出, "三公" items, 政府采购 货物 + 工程 + 服务,
 * vehicles by kind); a count and the items listed.
 */
import { FINAL_SPENDING_USES } from "../../../core/execution/model.ts";
import type { Fen } from "../../../core/money.ts";
import { formatPercent, percentOf } from "../../../core/ratio.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { Claim } from "../claims.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { type Interval, amountInterval, intersects, minus, percentInterval, sumIntervals } from "../numbers.ts";
import { claimLocation, wan } from "./helpers.ts";
import { factFor, subjectName } from "./resolve.ts";
import { pushTo } from "../collect.ts";

const TOLERANCE = "容差：各数按其印刷位数四舍五入或截尾，区间相交即一致。 / Tolerance: each figure stands for anything that rounds or truncates to it at its printed decimals; overlapping intervals agree.";

function groups(claims: readonly Claim[]): Claim[][] {
  const m = new Map<number, Claim[]>();
  for (const c of claims) pushTo(m, c.statement, c);
  return [...m.values()];
}

const roundAt = (v: number, d: number) => Math.round(v * 10 ** d + 1e-9) / 10 ** d;

export const narrativeChange: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.change",
    title: "说明中的增减额与增减率不符",
    description: `同一句中的本年数、增减额和增减率应互相吻合：上年数 = 本年数 ∓ 增减额，增减率 = 增减额 / 上年数；“增加”配“增长”、“减少”配“下降”；说“持平”“无变化”则增减额为零。本年数未写时取表中数。 / An amount, its change and its rate agree: last year = this year ∓ the change, the rate = change / last year; 增加 goes with 增长, 减少 with 下降; 持平 means no change. ${TOLERANCE}`,
    severity: "error",
    severityNote: "在舍入范围内为提示。 / Info within rounding.",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const g of groups(ctx.claims)) {
      const subject = g[0]!.subject;
      if (!subject) continue;
      const amount = g.find((c) => c.kind === "amount" && c.amount);
      const change = g.find((c) => c.kind === "change" && c.amount);
      const rate = g.find((c) => c.kind === "rate" && c.percent);
      const flat = g.find((c) => c.kind === "flat");
      if (flat && change && change.amount!.fen !== 0) {
        out.push(emit({ message: `说明对${subjectName(subject)}既称${flat.text}又称变化${change.text} / the narrative says both "${flat.text}" and a change of ${change.text}`, location: claimLocation(flat), actual: change.text }));
      }
      if (change && rate && change.direction !== rate.direction && change.amount!.fen !== 0) {
        out.push(emit({ message: `说明对${subjectName(subject)}的增减方向矛盾：“${change.text}”与“${rate.text}” / the change and the rate point opposite ways`, location: claimLocation(rate), actual: rate.text }));
      }
      if (!change || !rate) continue;
      const current = amount?.amount ? { value: amount.amount.fen, interval: amountInterval(amount.amount, "round-or-truncate") } : factFor(ctx, subject, g[0]!.topic);
      if (!current) continue;
      const d = change.direction ?? 1;
      const c: Interval = amountInterval(change.amount!, "round-or-truncate");
      const prior = d > 0 ? minus(current.interval, c) : sumIntervals([current.interval, c]);
      if (prior.hi <= 0) continue;
      const lo = prior.lo > 0 ? (c.lo / prior.hi) * 100 : 0;
      const hi = prior.lo > 0 ? (c.hi / prior.lo) * 100 : Number.POSITIVE_INFINITY;
      const priorValue = current.value - d * change.amount!.fen;
      // a change from zero is no percentage (domain.md §2): "增加10.23万元，增长100.00%" over a zero 上年
      if (priorValue === 0 && d > 0 && rate.percent!.value !== 0) {
        out.push(
          emit({
            message: `说明称${subjectName(subject)}增长${rate.text}，但上年数 = ${wan(current.value)} − ${wan(change.amount!.fen)} = 0，从零起的变化没有增长率（不适用） / a change from zero has no rate: last year was 0`,
            location: claimLocation(rate),
            expected: "不适用",
            actual: rate.text,
            severity: "warning",
          }),
        );
        continue;
      }
      if (priorValue <= 0) continue;
      const v = (change.amount!.fen / priorValue) * 100;
      const p = rate.percent!;
      if (roundAt(v, p.decimals) === p.value) continue;
      const within = intersects(percentInterval(p), { lo, hi });
      const should = formatPercent(percentOf(change.amount!.fen, priorValue as Fen));
      out.push(
        emit({
          message: `说明称${subjectName(subject)}${d > 0 ? "增长" : "下降"}${rate.text}，但上年数 = ${wan(current.value)} ${d > 0 ? "−" : "+"} ${wan(change.amount!.fen)} = ${wan(priorValue)}，${wan(change.amount!.fen)}/${wan(priorValue)} = ${should}${within ? "（在舍入范围内）" : ""} / the rate should be ${should}: last year = ${wan(priorValue)}`,
          location: claimLocation(rate),
          expected: should,
          actual: rate.text,
          ...(within ? { severity: "info" as const } : {}),
        }),
      );
    }
    return out;
  },
);

/** Parts the narrative states for a whole, by subject; the optional ones count where the narrative states them. */
const PARTS: readonly [string, string[], string[]?][] = [
  // 单位预留机动经费 and 结转下年资金 are uses beside basic and project where a budget has them (Jiangsu, central 9);
  // 上缴上级支出, 经营支出 and 对附属单位补助支出 where a 决算 has them
  ["expenditure", ["basic", "project"], ["reserve", "carry-forward", ...FINAL_SPENDING_USES.map((u) => `final-use:${u}`)]],
  ["gpb-basic", ["personnel", "public"]],
  ["three-public", ["abroad", "reception", "vehicle"]],
  ["vehicle", ["vehicle-purchase", "vehicle-operation"]],
  ["procurement", ["procurement-goods", "procurement-works", "procurement-services"]],
];

/**
 * The claims a whole's parts are looked for in: those after it in its paragraph, up to the next figure of
 * the same subject ("购置车辆1辆，其中：…；共有车辆8辆，其中：…" is two wholes, each with its own kinds).
 */
function after(claims: readonly Claim[], w: Claim, subject: string): Claim[] {
  const same = claims.filter((c) => c.paragraph === w.paragraph);
  const from = same.indexOf(w) + 1;
  const next = same.findIndex((c, i) => i >= from && c.subject === subject);
  return same.slice(from, next < 0 ? undefined : next);
}

export const narrativeParts: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.parts",
    title: "说明中的分项之和不等于总数",
    description: `说明同时写出总数和全部分项时，分项之和应等于总数：基本支出 + 项目支出 = 支出合计，人员经费 + 公用经费 = 基本支出，“三公”各项，政府采购货物 + 工程 + 服务，各类车辆，专项转移支付项目的个数与所列项目。 / When the narrative states a whole and all its parts, the parts add up: basic + project, personnel + public, the "三公" items, procurement goods + works + services, vehicles by kind, the number of 专项转移支付 projects and those listed. ${TOLERANCE}`,
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const amounts = ctx.claims.filter((c) => c.kind === "amount" && c.subject && c.amount);
    for (const [whole, parts, optional = []] of PARTS) {
      for (const w of amounts.filter((c) => c.subject === whole)) {
        const near = after(amounts, w, whole);
        const required = parts.map((p) => near.find((c) => c.subject === p));
        if (required.some((x) => !x)) continue;
        const found = [...required, ...optional.map((p) => near.find((c) => c.subject === p)).filter((x) => x !== undefined)];
        const sum = sumIntervals(found.map((x) => amountInterval(x!.amount!, "round-or-truncate")));
        if (intersects(sum, amountInterval(w.amount!, "round-or-truncate"))) continue;
        const total = found.reduce((s, x) => s + x!.amount!.fen, 0);
        out.push(emit({ message: `说明中${subjectName(whole)}${w.text}，而分项之和为${wan(total)}万元 / the parts add up to ${wan(total)}万元, not ${w.text}`, location: claimLocation(w), expected: `${wan(total)}万元`, actual: w.text }));
      }
    }
    const counts = ctx.claims.filter((c) => c.kind === "count" && c.count !== undefined);
    for (const w of counts.filter((c) => c.subject === "vehicles")) {
      const kinds = after(counts, w, "vehicles").filter((c) => c.subject?.startsWith("vehicles:"));
      const total = kinds.reduce((s, c) => s + c.count!, 0);
      if (kinds.length > 0 && total !== w.count) out.push(emit({ message: `说明称共有车辆${w.text}，各类车辆之和为${total}辆 / vehicles by kind add up to ${total}, not ${w.text}`, location: claimLocation(w), expected: String(total), actual: w.text }));
    }
    for (const w of counts.filter((c) => c.subject === "special-transfers")) {
      const listed = ctx.claims.filter((c) => c.paragraph === w.paragraph && c.subject?.startsWith("transfer:"));
      if (listed.length > 0 && listed.length !== w.count) out.push(emit({ message: `说明称专项转移支付项目${w.text}，列出了${listed.length}项 / ${listed.length} projects are listed, not ${w.text}`, location: claimLocation(w), expected: String(listed.length), actual: w.text }));
    }
    return out;
  },
);

export const ARITHMETIC_RULES: readonly DocumentRule[] = [narrativeChange, narrativeParts];
