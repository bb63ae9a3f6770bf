/**
 * 金额与百分比的显示 — the web app prints money and percentages only through the core's one money
 * formatter (src/core/money.ts) and one percentage formatter (src/core/ratio.ts), so a page, a chart and
 * the published text print the same digits for the same 分. This module re-exports them, and turns what
 * the API sends as JSON numbers (万元 as printed, 分) into exact 分 first; it does no arithmetic of its own.
 */
import { type Fen, formatWanYuan, formatWanYuanExact, formatWanYuanGrouped, formatYuan, formatYuanGrouped, nearestFenOfWanYuanNumber } from "../../core/money.ts";
import { type Percent, changeRate, formatPercent, formatPercentNumber, percentOf } from "../../core/ratio.ts";
import type { AmountUnit } from "./amount.ts";

export { formatWanYuan, formatWanYuanExact, formatWanYuanGrouped, formatYuan, formatYuanGrouped, toWanYuan, wanYuanText } from "../../core/money.ts";
export { type Percent, changeRate, formatPercent, formatPercentNumber, percentFromHundredths, percentOf } from "../../core/ratio.ts";

/**
 * An exact amount for display: 元 with 2 decimals, or 万元 with as many decimals as it needs (2 to 6), with
 * thousands separators unless `plain`; "" for what is not an amount (a cell that does not parse).
 */
export function formatAmount(fen: number, unit: AmountUnit, plain = false): string {
  if (!Number.isFinite(fen)) return "";
  if (unit === "wan") return formatWanYuanExact(fen as Fen, plain);
  return plain ? formatYuan(fen as Fen) : formatYuanGrouped(fen as Fen);
}

/** An amount in 分 the API sends as a plain number, in 万元 as the tables print it ("4,117.91"), or as the text prints it ("4117.91") unless `grouped`. */
export function formatWan(fen: number, grouped = true): string {
  return grouped ? formatWanYuanGrouped(fen as Fen) : formatWanYuan(fen as Fen);
}

/** A 万元 figure the API or a chart holds as a JSON number (4117.91), printed as the tables print it: "4,117.91". */
export function formatWanNumber(n: number, grouped = true): string {
  const f = nearestFenOfWanYuanNumber(n);
  return grouped ? formatWanYuanGrouped(f) : formatWanYuan(f);
}

/** A percentage as a chart's number (63.54), the printed digits; null when not applicable. */
export function percentValue(p: Percent): number | null {
  return p.kind === "na" ? null : Number(formatPercentNumber(p));
}

/** part / whole of two amounts in 分 as "63.54%", or undefined when the whole is zero (the page says 不适用 or —). */
export function shareText(part: number, whole: number): string | undefined {
  const p = percentOf(part as Fen, whole as Fen);
  return p.kind === "na" ? undefined : formatPercent(p);
}

/** (current − prior) / prior of two amounts in 分 as "-60.63%", or undefined when the base is zero or missing. */
export function changeText(prior: number | undefined, current: number): string | undefined {
  if (prior === undefined) return undefined;
  const p = changeRate(current as Fen, prior as Fen);
  return p.kind === "na" ? undefined : formatPercent(p);
}
