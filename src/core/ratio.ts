/**
 * Shares (占比) and year-on-year changes (增减率), computed from exact amounts. A base of zero gives
 * "不适用" (not applicable), never a division by zero.
 *
 * This is the one module that computes and prints percentages: the narrative, the rules, the audit, the
 * execution reports and the web app all print a share or a change through `formatPercent` (or
 * `formatShareAt` for a printed figure with more decimals), from amounts in 分, never from a float quotient
 * (which once printed −60.62% on one page and −60.63% on another for the same two amounts).
 */
import { type Fen, formatHundredths } from "./money.ts";

/** A percentage with 2 decimals as an integer count of 0.01%, or not applicable. */
export type Percent = { readonly kind: "pct"; readonly hundredths: number } | { readonly kind: "na" };

export const NOT_APPLICABLE = "不适用";

/** part / whole × 100, rounded half away from zero to 0.01%. */
export function percentOf(part: Fen, whole: Fen): Percent {
  if (whole === 0) return { kind: "na" };
  // percent × 100 = part × 10 000 / whole, rounded: q = ⌊(2n + d) / 2d⌋ on magnitudes. While 2n + d is a
  // safe integer every step below is exact in doubles (a % b is exact, and a − r is a multiple of b);
  // beyond that, BigInt keeps it exact for any amount.
  const n = Math.abs(part) * 10000;
  const d = Math.abs(whole);
  const a = 2 * n + d;
  if (a <= Number.MAX_SAFE_INTEGER) {
    const b = 2 * d;
    const q = (a - (a % b)) / b;
    return { kind: "pct", hundredths: (part < 0) !== (whole < 0) && q !== 0 ? -q : q };
  }
  const num = BigInt(part) * 10000n;
  const den = BigInt(whole);
  return { kind: "pct", hundredths: Number(roundDiv(num, den)) };
}

/** (current − previous) / previous × 100; "不适用" when previous is zero. */
export function changeRate(current: Fen, previous: Fen): Percent {
  return percentOf((current - previous) as Fen, previous);
}

function roundDiv(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** A percentage already counted in hundredths (a time progress, a credit), e.g. 3333 → 33.33%. */
export function percentFromHundredths(hundredths: number): Percent {
  return { kind: "pct", hundredths };
}

/** "63.54%" or "不适用". */
export function formatPercent(p: Percent): string {
  if (p.kind === "na") return NOT_APPLICABLE;
  return `${formatHundredths(p.hundredths)}%`;
}

/** "63.54" (no % sign), for a value an indicator or a chart holds; "不适用" when not applicable. */
export function formatPercentNumber(p: Percent): string {
  return p.kind === "na" ? NOT_APPLICABLE : formatHundredths(p.hundredths);
}

/**
 * part / whole × 100 with `decimals` places (2 or more), rounded half away from zero: "99.469%" when a
 * printed share is checked at 3 decimals. "不适用" when the whole is zero. With 2 decimals it is
 * `formatPercent(percentOf(part, whole))`.
 */
export function formatShareAt(part: Fen, whole: Fen, decimals: number): string {
  if (decimals <= 2) return formatPercent(percentOf(part, whole));
  if (whole === 0) return NOT_APPLICABLE;
  const scale = 10n ** BigInt(decimals);
  const q = roundDiv(BigInt(part) * 100n * scale, BigInt(whole));
  const abs = q < 0n ? -q : q;
  const int = abs / scale;
  const frac = String(abs % scale).padStart(decimals, "0");
  return `${q < 0n ? "-" : ""}${int}.${frac}%`;
}

/** The magnitude of a percentage, for phrases that carry the sign in words (增长/下降). */
export function absPercent(p: Percent): Percent {
  return p.kind === "na" ? p : { kind: "pct", hundredths: Math.abs(p.hundredths) };
}
