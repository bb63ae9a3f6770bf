/** Interpretation: tables recognised, columns by heading, rows by code or label, amounts exact as printed. */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { interpret } from "../../src/audit/core/interpret.ts";
import { functionalCode } from "../../src/audit/core/interpret/functional.ts";
import { chineseToNumber } from "../../src/audit/core/interpret/balance.ts";
import { amountInterval, parseAmount, parsePercent, percentInterval } from "../../src/audit/core/numbers.ts";
import { importText } from "../../src/audit/importers/text.ts";
import { SEED, seedText } from "./support.ts";

const seed = interpret(assembleDocument(SEED, [importText(SEED, seedText())]));
const text = (m: Map<string, { value: { text: string } }> | undefined, k: string) => m?.get(k)?.value.text;

describe("numbers as printed", () => {
  it("reads amounts exactly in 分, with thousands separators, blanks and units", () => {
    expect(parseAmount("4,117.91", "万元")).toMatchObject({ fen: 41_179_100_00, decimals: 2 });
    expect(parseAmount("", "万元")).toMatchObject({ fen: 0, blank: true });
    expect(parseAmount("413500.00", "元")).toMatchObject({ fen: 41_350_000 });
    expect(parseAmount("120", "万元", 2)).toMatchObject({ fen: 1_200_000_00, decimals: 2, printedDecimals: 0 });
    expect(parseAmount("办公费", "万元")).toBeUndefined();
    expect(parseAmount("４１１７．９１", "万元")?.fen).toBe(41_179_100_00);
  });

  it("a printed figure stands for an interval: rounded in tables, rounded or truncated in text", () => {
    expect(amountInterval(parseAmount("5.30", "万元")!)).toEqual({ lo: 5_295_000, hi: 5_305_000 });
    const p = percentInterval(parsePercent("99.46%")!);
    expect(p.lo).toBeCloseTo(99.455);
    expect(p.hi).toBeCloseTo(99.47);
  });

  it("reads codes and numerals", () => {
    expect(functionalCode(["201", "29", "6"])).toEqual({ code: "2012906", padded: false });
    expect(functionalCode(["208", "02", "08"])).toEqual({ code: "2080208", padded: true });
    expect(functionalCode(["2080208"])).toEqual({ code: "2080208", padded: true });
    expect(functionalCode(["", "", ""])).toEqual({ padded: true });
    expect([chineseToNumber("二十一"), chineseToNumber("十九"), chineseToNumber("三十四"), chineseToNumber("八")]).toEqual([21, 19, 34, 8]);
  });
});

describe("the seed, interpreted", () => {
  it("table 1: income items and expenditure rows by name, with their source columns", () => {
    const t1 = seed.summary!;
    expect(t1.income.map((l) => l.key)).toContain("gpb-appropriation");
    const basic = t1.expenditure.find((l) => l.key === "basic")!;
    expect([text(basic.amounts, "total"), text(basic.amounts, "gpb"), text(basic.amounts, "gpb-appropriation")]).toEqual(["182.88", "182.88", "182.88"]);
    expect(t1.expenditure.map((l) => l.key)).toEqual(["basic", "basic:301", "basic:302", "basic:303", "project", "project:general", "project:special", "project:personnel", "total"]);
  });

  it("table 4: every 类 row read right although its header and rows are misaligned", () => {
    const t4 = seed.appropriation!;
    const social = t4.expenditure.find((l) => l.key === "class:208")!;
    expect([social.label, text(social.amounts, "total"), text(social.amounts, "gpb"), text(social.amounts, "gpb-appropriation")]).toEqual(["社会保障和就业", "3923.26", "3923.26", "3923.26"]);
    const total = t4.expenditure.find((l) => l.key === "total")!;
    expect(text(total.amounts, "gpb")).toBe("4117.91");
    expect(t4.income.find((l) => l.key === "total")?.amounts.get("amount")?.value.text).toBe("4117.91");
  });

  it("tables 2, 3, 5: rows by code, unit rows, codes printed without zero padding", () => {
    expect(seed.income!.rows.filter((r) => r.code === "2080208")).toHaveLength(22);
    expect(seed.gpbExpenditure!.rows.filter((r) => r.kind === "code" && !r.padded).map((r) => r.codeText)).toEqual(["201 29 6", "206 7 99", "208 2 8", "208 5 5", "210 11 1", "221 2 1"]);
    expect([...seed.units]).toEqual([["313001", "社区治理和服务创新办公室"]]);
  });

  it("table 11: 小计 groups by government code, 人员经费 and 公用经费", () => {
    const t11 = seed.gpbBasic!;
    const row = t11.rows.find((r) => r.code === "30239")!;
    expect([row.govCode, text(row.amounts, "personnel"), text(row.amounts, "public")]).toEqual(["50202", "3.84", ""]);
    expect(t11.rows.filter((r) => r.kind === "subtotal").map((r) => r.govCode)).toEqual(["50101", "50102", "50103", "50199", "50201", "50202", "50501"]);
  });

  it("tables 9, 12, 13", () => {
    expect(seed.operatingCost!.rows.map((r) => [r.kind, r.code, text(r.amounts, "total")])).toEqual([
      ["total", undefined, "5.30"],
      ["detail", "30201", "5.30"],
      ["detail", "30201", "5.30"],
    ]);
    const t12 = seed.departmentTargets!;
    expect(t12.goals.map((g) => g.empty)).toEqual([false, false, true, true]);
    expect(t12.tasks.map((t) => [t.name, t.total?.value.text])).toEqual([["基本支出", "182.88"], ["项目支出", "3935.03"]]);
    expect(t12.indicators.find((i) => i.level3 === "目标管理有效性")?.value).toBe("有限性");
    expect(t12.indicators.find((i) => i.level3 === "外部监督部门满意度")).toMatchObject({ value: "", shifted: "≥98%" });
    const t13 = seed.projectTargets!;
    expect(t13.entries.map((e) => [e.kind, e.code])).toEqual([
      ["department", "313"], ["unit", "313001"], ["project", "313001-1"], ["project", "313001-2"], ["project", "313001"],
      ["project", "313001-3"], ["project", "313001-4"], ["project", "313001-5"], ["project", "313001-6"], ["project", "313001-7"],
    ]);
  });
});
