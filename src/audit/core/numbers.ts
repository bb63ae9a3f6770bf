/**
 * 印刷数 — numbers as a document prints them. An amount is read exactly into 分 (no float) with the
 * number of decimals printed; a percentage keeps its printed digits. Because a printed figure was
 * rounded (or, in published shares, often truncated) from an exact value, comparisons use the interval
 * of exact values the figure stands for (domain.md §2).
 */
import { type Fen, formatWanYuan, parseDecimal } from "../../core/money.ts";
import type { MoneyUnit } from "./document.ts";

/** A printed amount: the value as printed in 分, its text, decimals and unit; blank cells read as 0. */
export interface PrintedAmount {
  fen: Fen;
  text: string;
  /** the precision it stands for: digits after the point in the printed unit */
  decimals: number;
  /** digits after the point as printed (a blank counts as 2) */
  printedDecimals: number;
  unit: MoneyUnit;
  blank: boolean;
}

/** How a printed figure was made from the exact value: rounded (tables), or rounded or truncated (text). */
export type Rounding = "round" | "round-or-truncate";

/** A closed interval of exact values, in 分 (amounts) or in percent (shares and rates). */
export interface Interval {
  lo: number;
  hi: number;
}

const FULL_WIDTH = /[０-９．，－]/g;

/** Full-width digits and marks to ASCII, thousands separators and spaces removed. */
export function normaliseNumber(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "");
}

/** Dashes and empty cells print a zero. */
const BLANK = /^[-—–－/]?$/;

/**
 * Reads a printed amount: "4,117.91", "120", "5.3", "", "-" (blank = 0). Undefined when the text is not an
 * amount (a word in a money column) or has more decimals than 分 allow. `minDecimals` is the precision a
 * shorter figure still stands for: table cells print from spreadsheets that drop trailing zeros ("5.3",
 * "120" in a table of 0.01 万元), so they are read as 2 decimals; narrative figures keep what they print.
 */
export function parseAmount(text: string, unit: MoneyUnit, minDecimals = 0): PrintedAmount | undefined {
  const t = normaliseNumber(text);
  if (BLANK.test(t)) return { fen: 0 as Fen, text, decimals: 2, printedDecimals: 2, unit, blank: true };
  if (!/^-?\d{1,15}(\.\d+)?$/.test(t)) return undefined;
  try {
    const fen = parseDecimal(t, unit);
    const printed = t.includes(".") ? t.split(".")[1]!.length : 0;
    return { fen, text, decimals: Math.max(printed, minDecimals), printedDecimals: printed, unit, blank: false };
  } catch {
    return undefined;
  }
}

/** The step of the last printed digit, in 分. */
export function stepOf(decimals: number, unit: MoneyUnit): number {
  return 10 ** ((unit === "万元" ? 6 : 2) - Math.min(decimals, unit === "万元" ? 6 : 2));
}

/** The exact values (分) a printed amount stands for. A blank stands for a zero printed as 0.00. */
export function amountInterval(a: Pick<PrintedAmount, "fen" | "decimals" | "unit">, rounding: Rounding = "round"): Interval {
  return around(a.fen, stepOf(a.decimals, a.unit), rounding);
}

/** [v − s/2, v + s/2] rounded; with truncation also [v, v + s] (towards zero). */
export function around(value: number, step: number, rounding: Rounding): Interval {
  const half = step / 2;
  if (rounding === "round") return { lo: value - half, hi: value + half };
  return value >= 0 ? { lo: value - half, hi: value + step } : { lo: value - step, hi: value + half };
}

export function sumIntervals(items: readonly Interval[]): Interval {
  let lo = 0;
  let hi = 0;
  for (const i of items) {
    lo += i.lo;
    hi += i.hi;
  }
  return { lo, hi };
}

export function intersects(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

export const exactly = (v: number): Interval => ({ lo: v, hi: v });

/** a − b over intervals. */
export function minus(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

/** a / b × 100 over positive intervals (undefined when b may be zero or the signs are mixed). */
export function percentOfIntervals(a: Interval, b: Interval): Interval | undefined {
  if (b.lo <= 0 || a.lo < 0) return undefined;
  return { lo: (a.lo / b.hi) * 100, hi: (a.hi / b.lo) * 100 };
}

/** A printed percentage: "63.79%" → 63.79 with 2 decimals. */
export interface PrintedPercent {
  value: number;
  text: string;
  decimals: number;
}

export function parsePercent(text: string): PrintedPercent | undefined {
  const t = normaliseNumber(text).replace(/[%％]$/, "");
  if (!/^-?\d{1,6}(\.\d{1,6})?$/.test(t)) return undefined;
  return { value: Number(t), text, decimals: t.includes(".") ? t.split(".")[1]!.length : 0 };
}

/** The exact percentages a printed one stands for (rounded or truncated by default, as texts print). */
export function percentInterval(p: PrintedPercent, rounding: Rounding = "round-or-truncate"): Interval {
  return around(p.value, 10 ** -p.decimals, rounding);
}

/**
 * 分 as 万元 with 2 decimals for messages (41.35), through the core's one formatter: rounded half away from
 * zero, so −15 000 分 prints −0.02 here as in the disclosure. An interval's bound may be a half 分 (a
 * printed 元 figure stands for ±0.005 元), which `toWanYuanCents` rounds exactly.
 */
export function wan(fen: number): string {
  return formatWanYuan(fen as Fen);
}

/** An interval of amounts as 万元 text, for messages: "5.30" or "5.29–5.31". */
export function wanRange(i: Interval): string {
  const lo = wan(i.lo);
  const hi = wan(i.hi);
  return lo === hi ? lo : `${lo}–${hi}`;
}
