/**
 * Shares (占比) and year-on-year changes (增减率), computed from exact amounts. A base of zero gives
 * "不适用" (not applicable), never a division by zero.
 */
import type { Fen } from "./money.ts";

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

/** "63.54%" or "不适用". */
export function formatPercent(p: Percent): string {
  if (p.kind === "na") return NOT_APPLICABLE;
  const abs = Math.abs(p.hundredths);
  return `${p.hundredths < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}%`;
}

/** The magnitude of a percentage, for phrases that carry the sign in words (增长/下降). */
export function absPercent(p: Percent): Percent {
  return p.kind === "na" ? p : { kind: "pct", hundredths: Math.abs(p.hundredths) };
}
