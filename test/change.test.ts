/** 需说明原因的变动 and the phrasing of small changes: one setting, the narrative never says 下降0.00%. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REASON_NEEDED, changeNeedsReason, statedChangeNeedsReason } from "../src/core/change.ts";
import { type Fen, formatWanYuan, fen } from "../src/core/money.ts";
import { change } from "../src/core/narrative/phrases.ts";
import { percentFromHundredths } from "../src/core/ratio.ts";

const wan = (n: number) => fen(Math.round(n * 1_000_000));

describe("which changes need a written reason", () => {
  it.each([
    [4117.93, 4117.91, false, "200 元 on 4117.91万元: 0.0005%"],
    [4117.91, 4117.91, false, "no change"],
    [4118.91, 4117.91, true, "1万元, however large the base"],
    [0.6, 0.5, true, "20% of a small item"],
    [100.99, 100, false, "0.99% and under 1万元"],
    [101, 100, true, "1%, the share itself"],
    [0.01, 0, true, "from nothing"],
  ])("%s from %s → %s (%s)", (current, previous, needs) => {
    expect(changeNeedsReason(wan(current), wan(previous))).toBe(needs);
  });

  it("never for amounts that print alike, always from 1万元 on (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: -1e12, max: 1e12 }), (previous, delta) => {
        const current = Math.max(0, previous + delta) as Fen;
        const needs = changeNeedsReason(current, previous as Fen);
        if (formatWanYuan(current) === formatWanYuan(previous as Fen)) expect(needs).toBe(false);
        else if (Math.abs(current - previous) >= REASON_NEEDED.amount) expect(needs).toBe(true);
      }),
    );
  });

  it("reads a printed change and rate with the same setting", () => {
    expect(statedChangeNeedsReason(wan(0.02), percentFromHundredths(0))).toBe(false);
    expect(statedChangeNeedsReason(wan(0.1), percentFromHundredths(2000))).toBe(true);
    expect(statedChangeNeedsReason(wan(1), undefined)).toBe(true);
    expect(statedChangeNeedsReason(wan(0.02), undefined, wan(4117.91))).toBe(false);
    expect(statedChangeNeedsReason(wan(0.02), undefined, wan(1))).toBe(true);
  });
});

describe("the phrase of a change", () => {
  it("says 持平 only when the two printed figures are equal, and never 下降0.00%", () => {
    expect(change(wan(4117.91) + 40 as Fen, wan(4117.91), 2020)).toBe("与2020年相比持平");
    expect(change(wan(4117.91), wan(4117.93), 2020)).toBe("与2020年相比减少0.02万元，基本持平");
    expect(change(wan(4117.93), wan(4117.91), 2020)).toBe("与2020年相比增加0.02万元，基本持平");
    expect(change(wan(120), wan(100), 2020)).toBe("与2020年相比增加20.00万元，增长20.00%");
  });

  it("states every change whose figures differ, with a rate that is not 0.00% (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: -1e10, max: 1e10 }), (previous, delta) => {
        const current = Math.max(0, previous + delta) as Fen;
        const text = change(current, previous as Fen, 2020)!;
        expect(text).not.toMatch(/(?<![\d.])0\.00%/);
        expect(text).not.toMatch(/(?<![\d.])0\.00万元/);
        expect(text.endsWith("持平") && !text.includes("基本")).toBe(formatWanYuan(current) === formatWanYuan(previous as Fen));
      }),
    );
  });
});
