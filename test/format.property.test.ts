/**
 * Every place that prints a figure prints the same text (issue 15): the narrative's phrases, the rules'
 * message helpers, the audit's helpers and the web app's formatting all go through src/core/money.ts and
 * src/core/ratio.ts, and agree with an independent oracle (BigInt, half away from zero) for random amounts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wan as auditWan, wanRange } from "../src/audit/core/numbers.ts";
import { wanText as auditWanText } from "../src/audit/core/rules/helpers.ts";
import { type Fen, amountText, formatWanYuan, formatWanYuanGrouped, formatYuan, toWanYuan, wanYuanText } from "../src/core/money.ts";
import { change, share, wan as narrativeWan } from "../src/core/narrative/phrases.ts";
import { formatShareAt } from "../src/core/ratio.ts";
import { wanText as rulesWanText, yuan as rulesYuan } from "../src/core/rules/helpers.ts";
import { changeRate as webChangeRate } from "../src/web/lib/compare.ts";
import { yuanText as webYuanText } from "../src/web/lib/execution.ts";
import { changeText, formatAmount, formatWan, formatWanNumber, shareText } from "../src/web/lib/format.ts";

const RUNS = { numRuns: 2000 };

/** Amounts in 分, with the rounding boundaries (±0.005 万元 = ±5 000 分) over-represented. */
const amount = fc.oneof(
  fc.integer({ min: -2_000_000_000_000, max: 2_000_000_000_000 }),
  fc.integer({ min: -200, max: 200 }).chain((k) => fc.constantFrom(k * 10_000 + 5_000, k * 10_000 - 5_000, k * 10_000 + 4_999, k * 10_000 - 4_999)),
  fc.integer({ min: -100_000, max: 100_000 }),
) as fc.Arbitrary<Fen>;

function group(int: bigint): string {
  return int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** n / d rounded half away from zero, in BigInt (the oracle, written without the core). */
function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return neg ? -q : q;
}

function twoPlaces(h: bigint, grouped = false): string {
  const a = h < 0n ? -h : h;
  return `${h < 0n ? "-" : ""}${grouped ? group(a / 100n) : a / 100n}.${String(a % 100n).padStart(2, "0")}`;
}

const oracleWan = (f: number, grouped = false) => twoPlaces(roundDiv(BigInt(f), 10_000n), grouped);
const oraclePercent = (part: number, whole: number) => `${twoPlaces(roundDiv(BigInt(part) * 10_000n, BigInt(whole)))}%`;

describe("one money formatter", () => {
  it("万元 with 2 decimals: the core, the audit, the web and the oracle print the same", () => {
    fc.assert(
      fc.property(amount, (f) => {
        const expected = oracleWan(f);
        expect(formatWanYuan(f)).toBe(expected);
        expect(auditWan(f)).toBe(expected);
        expect(wanRange({ lo: f, hi: f })).toBe(expected);
        expect(formatWan(f, false)).toBe(expected);
        expect(formatWanNumber(toWanYuan(f), false)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("万元 grouped, as tables print: the renderers' formatter, the web's pages and its disclosure view", () => {
    fc.assert(
      fc.property(amount, (f) => {
        const expected = oracleWan(f, true);
        expect(formatWanYuanGrouped(f)).toBe(expected);
        expect(formatWan(f)).toBe(expected);
        expect(formatWanNumber(toWanYuan(f))).toBe(expected);
      }),
      RUNS,
    );
  });

  it("“X万元” in the narrative, the rules' messages and the audit's messages", () => {
    fc.assert(
      fc.property(amount, (f) => {
        const expected = `${oracleWan(f)}万元`;
        expect(narrativeWan(f)).toBe(expected);
        expect(rulesWanText(f)).toBe(expected);
        expect(auditWanText(f)).toBe(expected);
        expect(wanYuanText(f)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("元, exact: the rules' expected/actual, the web's tables and execution entry", () => {
    fc.assert(
      fc.property(amount, (f) => {
        const expected = twoPlaces(BigInt(f));
        expect(formatYuan(f)).toBe(expected);
        expect(rulesYuan(f)).toBe(expected);
        expect(webYuanText(f)).toBe(expected);
        expect(formatAmount(f, "yuan", true)).toBe(expected);
        expect(formatAmount(f, "yuan")).toBe(twoPlaces(BigInt(f), true));
      }),
      RUNS,
    );
  });

  it("the disagreements the issue names print the one way now", () => {
    expect(auditWan(-15_000)).toBe("-0.02");
    expect(formatWanYuan(-15_000 as Fen)).toBe("-0.02");
    expect(auditWanText(-15_000)).toBe(narrativeWan(-15_000 as Fen));
  });
});

describe("one percentage formatter", () => {
  const pair = fc.tuple(amount, amount.filter((w) => w !== 0));

  it("shares: the narrative's 占X%, the audit's (at 2 decimals) and the web's", () => {
    fc.assert(
      fc.property(pair, ([part, whole]) => {
        const expected = oraclePercent(part, whole);
        expect(share(part, whole)).toBe(`占${expected}`);
        expect(formatShareAt(part, whole, 2)).toBe(expected);
        expect(shareText(part, whole)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("changes: the narrative's 增长/下降X% and the review page's signed rate", () => {
    fc.assert(
      fc.property(pair, ([current, prior]) => {
        const expected = oraclePercent(current - prior, prior);
        expect(webChangeRate(prior, current)).toBe(expected);
        expect(changeText(prior, current)).toBe(expected);
        const text = change(current, prior, 2020)!;
        // the amount is the one formatter's: 万元, or 元 where 万元 would print 0.00 (amountText)
        expect(text).toContain(formatWanYuan(current) === formatWanYuan(prior) ? "持平" : amountText(Math.abs(current - prior) as Fen));
        if (text.endsWith("持平")) return; // 持平, or 基本持平 where the rate prints 0.00%
        const words = current > prior ? "增长" : "下降";
        expect(text.endsWith(`${words}${expected.replace(/^-/, "")}`)).toBe(true);
      }),
      RUNS,
    );
  });

  it("a zero base is 不适用 everywhere", () => {
    expect(share(5 as Fen, 0 as Fen)).toBe("占比不适用");
    expect(shareText(5, 0)).toBeUndefined();
    expect(webChangeRate(0, 5)).toBeUndefined();
    expect(formatShareAt(5 as Fen, 0 as Fen, 3)).toBe("不适用");
  });

  it("the disagreements the issue names print the one way now", () => {
    // 1,600万 → 630万: the review page printed −60.62% (a float quotient), the narrative −60.63%
    const before = 1_600_000_000 as Fen;
    const after = 630_000_000 as Fen;
    expect(webChangeRate(before, after)).toBe("-60.63%");
    expect(change(after, before, 2020)).toBe("与2020年相比减少970.00万元，下降60.63%");
    // a share the chart printed as 4.2% beside 4.20% in the text
    expect(shareText(42, 1000)).toBe("4.20%");
    expect(share(42 as Fen, 1000 as Fen)).toBe("占4.20%");
  });

  it("a printed share checked at more decimals is exact", () => {
    expect(formatShareAt(99_469 as Fen, 100_000 as Fen, 3)).toBe("99.469%");
    expect(formatShareAt(2 as Fen, 3 as Fen, 4)).toBe("66.6667%");
    expect(formatShareAt(-1 as Fen, 8 as Fen, 3)).toBe("-12.500%");
  });
});
