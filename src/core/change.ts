/**
 * 需说明原因的变动 — which year-on-year changes a person must explain. One setting, read by the data rule
 * (rules/narrative.ts, narrative.reason-missing) and by the audit of published documents
 * (audit/core/rules/three-public.ts); documented in the README and docs/format-changes.md.
 *
 * A change needs a written reason when it prints at all (the two 万元 figures differ) and it is at least
 * REASON_NEEDED.share of last year's figure or at least REASON_NEEDED.amount — so 4117.91 → 4117.93 万元
 * (0.0005%, 200 元) needs none, while 0.50 → 0.60 万元 of 公务接待费 (20%) does, as does any change of
 * 1 万元 or more however large the base.
 */
import { type Fen, toWanYuanCents } from "./money.ts";
import type { Percent } from "./ratio.ts";

export const REASON_NEEDED = {
  /** a share of last year's figure, as a fraction: 1/100 = 1% */
  share: { numerator: 1, denominator: 100 },
  /** an amount in 分: 1 万元 */
  amount: 1_000_000 as Fen,
} as const;

/** Does the change from `previous` to `current` need a written reason (see REASON_NEEDED)? */
export function changeNeedsReason(current: Fen, previous: Fen): boolean {
  if (toWanYuanCents(current) === toWanYuanCents(previous)) return false;
  const diff = Math.abs(current - previous);
  if (diff >= REASON_NEEDED.amount || previous === 0) return true;
  // diff / |previous| ≥ numerator / denominator, in integers (exact while diff × denominator is safe)
  return diff * REASON_NEEDED.share.denominator >= REASON_NEEDED.share.numerator * Math.abs(previous);
}

/**
 * The same test on what a document prints: a change amount and, when stated, its rate. A rate at or above the
 * share needs a reason, as does an amount at or above the amount; a change printed with no rate and under the
 * amount needs one only when last year's figure (`previous`) is known and the share test says so.
 */
export function statedChangeNeedsReason(change: Fen, rate: Percent | undefined, previous?: Fen): boolean {
  const diff = Math.abs(change);
  if (diff >= REASON_NEEDED.amount) return true;
  if (rate) return rate.kind === "na" || Math.abs(rate.hundredths) * REASON_NEEDED.share.denominator >= REASON_NEEDED.share.numerator * 10000;
  return previous !== undefined && changeNeedsReason((previous + change) as Fen, previous);
}
