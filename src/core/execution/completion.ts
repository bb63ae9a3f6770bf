/**
 * 指标完成情况 — an indicator's actual against its target's comparator. Numbers are compared as exact
 * decimals (no floats); a deadline is met by a date on or before it; a qualitative indicator by the
 * evaluator's judgement. A target printed without a comparator ("25个", "100%", stored as "=") is read as
 * the level to reach, as 绩效目标表 use it: reaching or exceeding it is met (the rate shows the excess).
 */
import type { Comparator, Indicator, Target } from "../model.ts";
import { type Percent, formatPercent, formatPercentNumber } from "../ratio.ts";
import type { Achievement, ActualValue } from "./model.ts";

/** 完成状态: met, partly met, missed, not yet due, not recorded, not applicable. */
export type CompletionStatus = "met" | "partly" | "missed" | "pending" | "missing" | "na";

export const COMPLETION_STATUS_NAMES: Record<CompletionStatus, string> = {
  met: "已完成",
  partly: "部分完成",
  missed: "未完成",
  pending: "未到期",
  missing: "未填报",
  na: "不适用",
};

/** 完成率 — the status and the completion (actual against target; 不适用 where there is no base). */
export interface Completion {
  status: CompletionStatus;
  /** 完成率, uncapped (scores cap it at 100%) */
  rate: Percent;
  /** 实际值 as printed */
  actualText: string;
}

/** 定性指标的完成率 — what 达成/基本达成/未达成 count for (a convention; configurable). */
export const DEFAULT_QUALITATIVE_CREDIT: Record<Achievement, number> = { 达成: 10000, 基本达成: 8000, 未达成: 0 };

/** A decimal string as an integer count of 10^-scale. */
interface Scaled {
  n: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function parseScaled(s: string): Scaled | undefined {
  const m = DECIMAL.exec(s.trim().replace(/,/g, ""));
  if (!m) return undefined;
  const [, sign, whole = "0", frac = ""] = m;
  const n = BigInt(whole + frac);
  return { n: sign === "-" ? -n : n, scale: frac.length };
}

function align(a: Scaled, b: Scaled): [bigint, bigint] {
  const s = Math.max(a.scale, b.scale);
  return [a.n * 10n ** BigInt(s - a.scale), b.n * 10n ** BigInt(s - b.scale)];
}

/** num/den as hundredths of a percent, rounded half away from zero; den ≠ 0. */
function pct(num: bigint, den: bigint): Percent {
  const neg = num < 0n !== den < 0n;
  const n = (num < 0n ? -num : num) * 10000n;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return { kind: "pct", hundredths: Number(neg ? -q : q) };
}

const FULL: Percent = { kind: "pct", hundredths: 10000 };
const NONE: Percent = { kind: "pct", hundredths: 0 };

function holds(c: Comparator, a: bigint, t: bigint): boolean {
  switch (c) {
    case "≥":
      return a >= t;
    case ">":
      return a > t;
    case "≤":
      return a <= t;
    case "<":
      return a < t;
    case "=":
      // a target written without a comparator ("25个", "100%") is a level to reach: over-achievement meets it
      return a >= t;
  }
}

function numeric(target: Extract<Target, { kind: "numeric" }>, value: string): Completion {
  const t = parseScaled(target.value);
  const a = parseScaled(value);
  const actualText = `${value}${target.unit}`;
  if (!t || !a) return { status: "missing", rate: { kind: "na" }, actualText };
  const [av, tv] = align(a, t);
  const met = holds(target.comparator, av, tv);
  if (met) return { status: "met", rate: target.comparator === "≤" || target.comparator === "<" || tv === 0n ? FULL : pct(av, tv), actualText };
  // missed: how far the actual got towards the target
  if (target.comparator === "≤" || target.comparator === "<") {
    // a ceiling exceeded: target / actual (a ceiling of zero or below, exceeded, earns nothing)
    return { status: "missed", rate: tv <= 0n || av <= 0n ? NONE : pct(tv, av), actualText };
  }
  if (tv === 0n) return { status: "missed", rate: NONE, actualText };
  const rate = pct(av, tv);
  return { status: rate.kind === "pct" && rate.hundredths > 0 ? "partly" : "missed", rate: rate.kind === "pct" && rate.hundredths < 0 ? NONE : rate, actualText };
}

/**
 * The completion of one indicator. `asOf` decides whether a deadline without a completion date is still
 * pending or already missed.
 */
export function completionOf(indicator: Indicator, actual: ActualValue | undefined, asOf: string, credit: Record<Achievement, number> = DEFAULT_QUALITATIVE_CREDIT): Completion {
  const target = indicator.target;
  if (actual?.kind === "not-applicable") return { status: "na", rate: { kind: "na" }, actualText: `不适用（${actual.reason}）` };
  if (!target) return { status: "missing", rate: { kind: "na" }, actualText: "" };
  if (target.kind === "deadline") {
    if (actual?.kind !== "date" || actual.date === undefined) {
      return asOf <= target.date ? { status: "pending", rate: { kind: "na" }, actualText: "尚未完成" } : { status: "missed", rate: NONE, actualText: "未完成" };
    }
    return actual.date <= target.date ? { status: "met", rate: FULL, actualText: actual.date } : { status: "missed", rate: NONE, actualText: actual.date };
  }
  if (!actual) return { status: "missing", rate: { kind: "na" }, actualText: "" };
  if (target.kind === "numeric") {
    if (actual.kind !== "numeric") return { status: "missing", rate: { kind: "na" }, actualText: actual.kind === "qualitative" ? actual.text : "" };
    return numeric(target, actual.value);
  }
  // qualitative target
  if (actual.kind === "qualitative") {
    const status: CompletionStatus = actual.achieved === "达成" ? "met" : actual.achieved === "基本达成" ? "partly" : "missed";
    return { status, rate: { kind: "pct", hundredths: credit[actual.achieved] }, actualText: actual.text };
  }
  if (actual.kind === "numeric") return { status: "missing", rate: { kind: "na" }, actualText: actual.value };
  return { status: "missing", rate: { kind: "na" }, actualText: "" };
}

/** "98.50%" / "不适用". */
export function formatCompletion(c: Completion): string {
  return formatPercent(c.rate);
}

/** A percentage as the decimal string an actual holds ("12.34"), for formulas feeding indicators. */
export function percentToDecimal(p: Extract<Percent, { kind: "pct" }>): string {
  return formatPercentNumber(p);
}
