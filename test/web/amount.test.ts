/** 金额输入 — amounts typed in 元 or 万元 into exact 分, and shown back. */
import { describe, expect, it } from "vitest";
import { fenOfYuanText, parseAmount, toYuanText } from "../../src/web/lib/amount.ts";
import { formatAmount, formatWan as formatWan2 } from "../../src/web/lib/format.ts";

describe("amounts typed in 元 or 万元", () => {
  it.each([
    ["413500", "yuan", 41_350_000],
    ["413,500.00", "yuan", 41_350_000],
    ["41.35", "wan", 41_350_000],
    ["41.35万", "yuan", 41_350_000],
    ["41.35万元", "yuan", 41_350_000],
    ["413500元", "wan", 41_350_000],
    ["４１３５００", "yuan", 41_350_000],
    [" 1 234.5 ", "yuan", 123_450],
    ["0.000001", "wan", 1],
    ["-12.5", "yuan", -1250],
    ["¥12.30", "yuan", 1230],
    [".5", "yuan", 50],
  ] as const)("%s (%s) → %d 分", (text, unit, fen) => {
    expect(parseAmount(text, unit)).toEqual({ ok: true, fen });
  });

  it.each([
    ["", "yuan"],
    ["abc", "yuan"],
    ["1.234", "yuan"],
    ["0.0000001", "wan"],
    ["1.2.3", "yuan"],
    ["12万3", "yuan"],
  ] as const)("refuses %j in %s (never rounds silently)", (text, unit) => {
    expect(parseAmount(text, unit).ok).toBe(false);
  });

  it("stores 元 text and reads it back exactly", () => {
    expect(toYuanText("1.21万", "yuan")).toBe("12100.00");
    expect(toYuanText("0.01", "yuan")).toBe("0.01");
    expect(toYuanText("x", "yuan")).toBeUndefined();
    expect(fenOfYuanText("413500.00")).toBe(41_350_000);
    expect(fenOfYuanText("nope")).toBeNaN();
  });

  it("shows 元 with 2 decimals and 万元 with the decimals it needs", () => {
    expect(formatAmount(41_350_000, "yuan")).toBe("413,500.00");
    expect(formatAmount(41_350_000, "wan")).toBe("41.35");
    expect(formatAmount(41_350_001, "wan")).toBe("41.350001");
    expect(formatAmount(100_000_000, "wan")).toBe("100.00");
    expect(formatAmount(-1250, "yuan")).toBe("-12.50");
    expect(formatAmount(123_456_789_00, "yuan", true)).toBe("123456789.00");
    expect(formatAmount(Number.NaN, "yuan")).toBe("");
  });

  it("rounds 万元 half up to 2 decimals for summaries, as the tables print", () => {
    expect(formatWan2(4_117_910_000)).toBe("4,117.91");
    expect(formatWan2(5000)).toBe("0.01");
    expect(formatWan2(4999)).toBe("0.00");
    expect(formatWan2(-5000)).toBe("-0.01");
  });
});
