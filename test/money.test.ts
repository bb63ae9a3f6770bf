/**
 * Money (src/core/money.ts) and ratios (src/core/ratio.ts): unit examples and properties. Amounts are
 * integer 分; 万元 appear only when printing, rounded half up (away from zero) to 0.01 万元 = 10 000 分.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MoneyError,
  ZERO,
  add,
  fen,
  formatHundredths,
  formatWanYuan,
  formatWanYuanExact,
  formatWanYuanGrouped,
  formatYuan,
  formatYuanGrouped,
  fromWanYuanNumber,
  fromYuanNumber,
  parseDecimal,
  sub,
  sum,
  nearestFenOfWanYuanNumber,
  toWanYuan,
  toWanYuanCents,
  toYuan,
  wanYuanText,
  amountText,
  yuanText,
} from "../src/core/money.ts";
import { NOT_APPLICABLE, absPercent, changeRate, formatPercent, formatPercentNumber, formatShareAt, percentFromHundredths, percentOf } from "../src/core/ratio.ts";

/** Amounts up to ±10^15 分 (10 万亿元): far beyond any budget, and their differences stay exact. */
const LIMIT = 10n ** 15n;
const arbFen = fc.bigInt({ min: -LIMIT, max: LIMIT }).map((b) => fen(Number(b)));
const arbNonZeroFen = arbFen.filter((n) => n !== 0);
const RUNS = { numRuns: 1000 };

/** Integer division rounded half away from zero, the long way (quotient, remainder), in BigInt. */
function roundHalfAway(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = n / d;
  const r = n % d;
  const m = 2n * r >= d ? q + 1n : q;
  return negative ? -m : m;
}

/** "-12.345678" — an amount of 分 written in 万元 with all six decimals. */
function wanYuanExact(n: number): string {
  const b = BigInt(n);
  const a = b < 0n ? -b : b;
  return `${b < 0n ? "-" : ""}${a / 1_000_000n}.${String(a % 1_000_000n).padStart(6, "0")}`;
}

/** Equality that treats +0 and -0 alike (money has one zero). */
function same(a: number, b: number | bigint): boolean {
  return Number(a) === Number(b);
}

describe("fen", () => {
  it("accepts safe integers and rejects anything else", () => {
    expect(fen(0)).toBe(0);
    expect(fen(-41179100)).toBe(-41179100);
    expect(fen(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of [0.5, 1.0000001, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => fen(bad)).toThrow(MoneyError);
  });

  it("adds, subtracts and sums exactly", () => {
    expect(add(fen(1), fen(2))).toBe(3);
    expect(sub(fen(1), fen(2))).toBe(-1);
    expect(sum([])).toBe(ZERO);
    expect(sum([fen(10), fen(20), fen(-5)])).toBe(25);
    expect(() => add(fen(Number.MAX_SAFE_INTEGER), fen(1))).toThrow(MoneyError);
    fc.assert(
      fc.property(fc.array(arbFen, { maxLength: 20 }), (xs) => {
        const exact = xs.reduce((t, x) => t + BigInt(x), 0n);
        fc.pre(exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= -BigInt(Number.MAX_SAFE_INTEGER));
        expect(sum(xs)).toBe(Number(exact));
      }),
      RUNS,
    );
  });
});

describe("parseDecimal", () => {
  it("reads 元 and 万元 without floats", () => {
    expect(parseDecimal("4117.91", "万元")).toBe(4117910000);
    expect(parseDecimal("413500.00", "元")).toBe(41350000);
    expect(parseDecimal("1,234.5", "元")).toBe(123450);
    expect(parseDecimal("  12 ", "元")).toBe(1200);
    expect(parseDecimal("-3.5", "元")).toBe(-350);
    expect(parseDecimal("+3.5", "元")).toBe(350);
    expect(parseDecimal("0.01", "元")).toBe(1);
    expect(parseDecimal("0.000001", "万元")).toBe(1);
    expect(parseDecimal("0.1", "万元")).toBe(100000);
    expect(parseDecimal("7", "万元")).toBe(7000000);
    // 0.1 + 0.2 style values stay exact: no float multiplication anywhere
    expect(parseDecimal("0.29", "元")).toBe(29);
    expect(parseDecimal("1.15", "元")).toBe(115);
    expect(parseDecimal("1.005", "万元")).toBe(1005000);
  });

  it("accepts trailing zeros beyond the precision", () => {
    expect(parseDecimal("1.2300", "元")).toBe(123);
    expect(() => parseDecimal("1.0010", "元")).toThrow(MoneyError); // 1.001 元
    expect(parseDecimal("1.00000000", "万元")).toBe(1000000);
    expect(parseDecimal("0.0000010", "万元")).toBe(1);
  });

  it("rejects more precision than 0.01 元 (2 decimals in 元, 6 in 万元)", () => {
    expect(() => parseDecimal("1.001", "元")).toThrow(MoneyError);
    expect(() => parseDecimal("0.005", "元")).toThrow(MoneyError);
    expect(() => parseDecimal("0.0000001", "万元")).toThrow(MoneyError);
    expect(() => parseDecimal("4117.9100001", "万元")).toThrow(MoneyError);
    fc.assert(
      fc.property(arbFen, fc.integer({ min: 1, max: 9 }), (n, digit) => {
        expect(() => parseDecimal(`${formatYuan(n)}${digit}`, "元")).toThrow(MoneyError);
        expect(() => parseDecimal(`${wanYuanExact(n)}${digit}`, "万元")).toThrow(MoneyError);
      }),
      RUNS,
    );
  });

  it("rejects what is not an amount", () => {
    for (const bad of ["", " ", "abc", "1e5", "1.2.3", ".5", "5.", "¥5", "--1", "1 000", "1234567890123456"]) {
      expect(() => parseDecimal(bad, "元"), bad).toThrow(MoneyError);
    }
  });

  it("round trips every amount through 元 and through 万元", () => {
    fc.assert(
      fc.property(arbFen, (n) => {
        expect(same(parseDecimal(formatYuan(n), "元"), n)).toBe(true);
        expect(same(parseDecimal(wanYuanExact(n), "万元"), n)).toBe(true);
        // the printed 万元 value read back is the amount rounded to 0.01 万元
        expect(same(parseDecimal(formatWanYuan(n), "万元"), toWanYuanCents(n) * 10000)).toBe(true);
      }),
      RUNS,
    );
  });

  it("reads JS numbers by their shortest decimal form, never by n × 100", () => {
    expect(fromYuanNumber(1234.56)).toBe(123456);
    expect(fromYuanNumber(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(fromYuanNumber(1.15)).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(fromWanYuanNumber(4117.91)).toBe(4117910000);
    expect(fromWanYuanNumber(0.53)).toBe(530000);
    expect(() => fromYuanNumber(0.1 + 0.2)).toThrow(MoneyError); // 0.30000000000000004 is not a 元 amount
    expect(() => fromYuanNumber(Number.NaN)).toThrow(MoneyError);
    expect(() => fromWanYuanNumber(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
    expect(() => fromYuanNumber(1e-7)).toThrow(MoneyError);
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => {
        // a number typed with at most two decimals reads back as exactly those 分
        expect(same(fromYuanNumber(Number(formatYuan(fen(n)))), n)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("万元 rounding (half up, away from zero, to 0.01 万元)", () => {
  it("rounds at 5,000 分", () => {
    expect(toWanYuanCents(fen(0))).toBe(0);
    expect(toWanYuanCents(fen(4999))).toBe(0);
    expect(toWanYuanCents(fen(5000))).toBe(1);
    expect(toWanYuanCents(fen(14999))).toBe(1);
    expect(toWanYuanCents(fen(15000))).toBe(2);
    expect(toWanYuanCents(fen(-5000))).toBe(-1);
    expect(same(toWanYuanCents(fen(-4999)), 0)).toBe(true);
    expect(toWanYuanCents(fen(-15000))).toBe(-2);
    expect(formatWanYuan(fen(4999))).toBe("0.00");
    expect(formatWanYuan(fen(5000))).toBe("0.01");
    expect(formatWanYuan(fen(-4999))).toBe("0.00"); // never "-0.00"
    expect(formatWanYuan(fen(-5000))).toBe("-0.01");
    expect(formatWanYuan(fen(4117910000))).toBe("4117.91");
    expect(formatWanYuan(fen(4117914999))).toBe("4117.91");
    expect(formatWanYuan(fen(4117915000))).toBe("4117.92");
    expect(toWanYuan(fen(4117910000))).toBe(4117.91);
    expect(formatYuan(fen(41350000))).toBe("413500.00");
    expect(formatYuan(fen(-5))).toBe("-0.05");
  });

  it("matches a BigInt reference and is symmetric in sign", () => {
    fc.assert(
      fc.property(arbFen, (n) => {
        const cents = toWanYuanCents(n);
        expect(BigInt(cents)).toBe(roundHalfAway(BigInt(n), 10000n));
        expect(same(toWanYuanCents(fen(-n)), -cents)).toBe(true);
        // within half a 0.01 万元 of the exact amount
        const err = Math.abs(n - cents * 10000);
        expect(err).toBeLessThanOrEqual(5000);
        expect(formatWanYuan(n)).toMatch(/^-?\d+\.\d{2}$/);
        expect(formatWanYuan(n)).not.toBe("-0.00");
        expect(toWanYuan(n)).toBe(Number(formatWanYuan(n)));
      }),
      RUNS,
    );
  });

  it("also holds on the rounding boundaries", () => {
    const boundary = fc.tuple(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), fc.constantFrom(4999n, 5000n, 5001n, 0n, 9999n)).map(([q, r]) => fen(Number(q * 10000n + (q < 0n ? -r : r))));
    fc.assert(
      fc.property(boundary, (n) => {
        expect(BigInt(toWanYuanCents(n))).toBe(roundHalfAway(BigInt(n), 10000n));
      }),
      RUNS,
    );
  });
});

describe("formatWanYuanGrouped", () => {
  it("groups thousands like the tables", () => {
    expect(formatWanYuanGrouped(fen(4117910000))).toBe("4,117.91");
    expect(formatWanYuanGrouped(fen(0))).toBe("0.00");
    expect(formatWanYuanGrouped(fen(-4999))).toBe("0.00");
    expect(formatWanYuanGrouped(fen(999_000_000))).toBe("999.00");
    expect(formatWanYuanGrouped(fen(1_000_000_000))).toBe("1,000.00");
    expect(formatWanYuanGrouped(fen(-123_456_789_012))).toBe("-123,456.79");
    expect(formatWanYuanGrouped(fen(1_234_567_890_123_456))).toBe("1,234,567,890.12");
  });

  it("is formatWanYuan with separators", () => {
    fc.assert(
      fc.property(arbFen, (n) => {
        const g = formatWanYuanGrouped(n);
        expect(g).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(g.replace(/,/g, "")).toBe(formatWanYuan(n));
      }),
      RUNS,
    );
  });
});

describe("percentOf and changeRate", () => {
  it("examples", () => {
    expect(formatPercent(percentOf(fen(99469), fen(100000)))).toBe("99.47%");
    expect(formatPercent(percentOf(fen(1), fen(3)))).toBe("33.33%");
    expect(formatPercent(percentOf(fen(2), fen(3)))).toBe("66.67%");
    expect(formatPercent(percentOf(fen(1), fen(20000)))).toBe("0.01%"); // 0.005% rounds up
    expect(formatPercent(percentOf(fen(1), fen(20001)))).toBe("0.00%");
    expect(formatPercent(percentOf(fen(-1), fen(20000)))).toBe("-0.01%");
    expect(formatPercent(percentOf(fen(5), fen(5)))).toBe("100.00%");
    expect(formatPercent(percentOf(fen(0), fen(5)))).toBe("0.00%");
    expect(formatPercent(percentOf(fen(3), fen(2)))).toBe("150.00%");
    // the seed: 4117.91 万元 against 2518.03 万元 last year
    expect(formatPercent(changeRate(fen(4117910000), fen(2518030000)))).toBe("63.54%");
    expect(formatPercent(changeRate(fen(90), fen(100)))).toBe("-10.00%");
    expect(formatPercent(absPercent(changeRate(fen(90), fen(100))))).toBe("10.00%");
    expect(formatPercent(changeRate(fen(100), fen(100)))).toBe("0.00%");
  });

  it("is 不适用 for a zero base, never a division by zero", () => {
    expect(percentOf(fen(5), fen(0))).toEqual({ kind: "na" });
    expect(percentOf(fen(0), fen(0))).toEqual({ kind: "na" });
    expect(changeRate(fen(5), fen(0))).toEqual({ kind: "na" });
    expect(formatPercent(percentOf(fen(5), fen(0)))).toBe(NOT_APPLICABLE);
    expect(NOT_APPLICABLE).toBe("不适用");
    expect(absPercent({ kind: "na" })).toEqual({ kind: "na" });
    fc.assert(
      fc.property(arbFen, (n) => {
        expect(formatPercent(percentOf(n, fen(0)))).toBe("不适用");
        expect(formatPercent(changeRate(n, fen(0)))).toBe("不适用");
      }),
      RUNS,
    );
  });

  // A percentage is returned as a Number of 0.01%: exact while it is a safe integer (below ~9×10^13 %),
  // which any share or year-on-year change of real amounts is. Larger ratios are outside the contract.
  const safe = (h: bigint) => h <= BigInt(Number.MAX_SAFE_INTEGER) && h >= -BigInt(Number.MAX_SAFE_INTEGER);

  it("percentOf is exact against a BigInt reference", () => {
    fc.assert(
      fc.property(arbFen, arbNonZeroFen, (part, whole) => {
        const expected = roundHalfAway(BigInt(part) * 10000n, BigInt(whole));
        fc.pre(safe(expected));
        const p = percentOf(part, whole);
        if (p.kind !== "pct") throw new Error("expected a percentage");
        expect(BigInt(p.hundredths)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("a share of a whole (0 ≤ part ≤ whole) is exact and between 0.00% and 100.00%", () => {
    const share = arbNonZeroFen.map((w) => Math.abs(w)).chain((w) => fc.tuple(fc.integer({ min: 0, max: w }), fc.constant(w)));
    fc.assert(
      fc.property(share, ([part, whole]) => {
        const p = percentOf(fen(part), fen(whole));
        if (p.kind !== "pct") throw new Error("expected a percentage");
        expect(BigInt(p.hundredths)).toBe(roundHalfAway(BigInt(part) * 10000n, BigInt(whole)));
        expect(p.hundredths).toBeGreaterThanOrEqual(0);
        expect(p.hundredths).toBeLessThanOrEqual(10000);
      }),
      RUNS,
    );
  });

  it("changeRate is exact against a BigInt reference", () => {
    fc.assert(
      fc.property(arbFen, arbNonZeroFen, (current, previous) => {
        const expected = roundHalfAway((BigInt(current) - BigInt(previous)) * 10000n, BigInt(previous));
        fc.pre(safe(expected));
        const p = changeRate(current, previous);
        if (p.kind !== "pct") throw new Error("expected a percentage");
        expect(BigInt(p.hundredths)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("formats sign, integer part and two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (h) => {
        const s = formatPercent({ kind: "pct", hundredths: h });
        expect(s).toMatch(/^-?\d+\.\d{2}%$/);
        expect(Math.round(Number(s.slice(0, -1)) * 100)).toBe(h);
        expect(formatPercent(absPercent({ kind: "pct", hundredths: h }))).toBe(s.replace(/^-/, ""));
      }),
      RUNS,
    );
  });
});

describe("the one formatter's other prints", () => {
  it("元 grouped and with its unit, 万元 exact for editing, the number a cell holds", () => {
    expect(formatYuanGrouped(fen(-123_456_789))).toBe("-1,234,567.89");
    expect(yuanText(fen(5))).toBe("0.05元");
    expect(wanYuanText(fen(411_791_000))).toBe("411.79万元");
    // never a real amount stated as nothing: under 0.005万元 it is printed in 元
    expect([amountText(fen(411_791_000)), amountText(fen(2_000)), amountText(fen(-49_99)), amountText(fen(50_00)), amountText(fen(0))]).toEqual(["411.79万元", "20.00元", "-49.99元", "0.01万元", "0.00万元"]);
    expect(formatWanYuanExact(fen(41_350_001))).toBe("41.350001");
    expect(formatWanYuanExact(fen(100_000_000_000), true)).toBe("100000.00");
    expect(formatWanYuanExact(fen(100_000_000_000))).toBe("100,000.00");
    expect(toYuan(fen(41_350_050))).toBe(413500.5);
    expect(formatHundredths(-5)).toBe("-0.05");
  });
  it("a 万元 number from another program, to the nearest 分", () => {
    expect(nearestFenOfWanYuanNumber(4117.91)).toBe(4_117_910_000);
    expect(nearestFenOfWanYuanNumber(0.1 + 0.2)).toBe(300_000);
    expect(nearestFenOfWanYuanNumber(-1.0000005)).toBe(-1_000_001);
    expect(() => nearestFenOfWanYuanNumber(Number.NaN)).toThrow();
  });
  it("percentages: without the sign, at more decimals, from hundredths", () => {
    expect(formatPercentNumber(percentOf(fen(1), fen(3)))).toBe("33.33");
    expect(formatPercentNumber({ kind: "na" })).toBe("不适用");
    expect(formatPercent(percentFromHundredths(7500))).toBe("75.00%");
    expect(formatShareAt(fen(1), fen(3), 3)).toBe("33.333%");
    expect(formatShareAt(fen(1), fen(0), 3)).toBe("不适用");
  });
});
