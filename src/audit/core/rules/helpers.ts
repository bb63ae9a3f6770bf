/**
 * What the document rules share: comparing printed figures as intervals (equal / within rounding /
 * different), the location of a claim's sentence, and amounts for messages.
 */
import { type Fen, toWanYuanCents, wanYuanText } from "../../../core/money.ts";
import type { Location } from "../../../core/rules/finding.ts";
import type { Claim } from "../claims.ts";
import type { Fact } from "../figures.ts";
import { type Interval, amountInterval, intersects, sumIntervals } from "../numbers.ts";
import type { AmountCell } from "../semantic.ts";

export { wan } from "../numbers.ts";

/** How two printed figures of one quantity relate. */
export type Agreement = "equal" | "rounding" | "different";

/** Equal as printed; else within the intervals the printed figures stand for; else different. */
export function agree(a: { value: number; interval: Interval }, b: { value: number; interval: Interval }): Agreement {
  if (toWanYuanCents(a.value as Fen) === toWanYuanCents(b.value as Fen)) return "equal";
  return intersects(a.interval, b.interval) ? "rounding" : "different";
}

/** A sum of printed cells as a figure. */
export function sumOf(cells: readonly AmountCell[]): { value: number; interval: Interval } {
  return { value: cells.reduce((s, c) => s + c.value.fen, 0), interval: sumIntervals(cells.map((c) => amountInterval(c.value))) };
}

export function cellFigure(c: AmountCell): { value: number; interval: Interval } {
  return { value: c.value.fen, interval: amountInterval(c.value) };
}

/** Where a claim is: its section, the sentence quoted, the file and line. */
export function claimLocation(c: Claim): Location {
  const { file, ...where } = c.place;
  return { kind: "text", section: c.section, quote: c.sentence, file, ...where };
}

/** "5.30万元" */
export function wanText(fen: number): string {
  return wanYuanText(fen as Fen);
}

/** A fact for messages: "5.30万元（表9 机关运行经费 · 合计）". */
export function factText(f: Fact): string {
  return `${wanText(f.value)}（${f.source}）`;
}

/** The rounding note appended to info findings. */
export const ROUNDING_NOTE = "差额在印刷数的舍入范围内 / the difference is within the rounding of the printed figures";
