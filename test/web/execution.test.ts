/**
 * The execution page's pure pieces: the stored record (分) back to the 元 the API takes — exact, and
 * accepted by the server's own schema —, the 双监控 series, where an import finding points, and the
 * indicators an actual can be recorded for.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { executionFileSchema } from "../../src/formats/execution/execution-file.ts";
import type { Finding } from "../../src/core/rules/finding.ts";
import { fen } from "../../src/core/money.ts";
import type { ExecutionRecord } from "../../src/web/api/execution.ts";
import { formatPercent, percentValue } from "../../src/web/lib/format.ts";
import { actualFor, actualValueText, finalRecordRows, findingPlace, indicatorRows, lineText, parseLine, progressSeries, recordBody, targetText, upsertActual, yuanText } from "../../src/web/lib/execution.ts";

const stored = (): ExecutionRecord => {
  const parsed = executionFileSchema.parse(parse(readFileSync("examples/luolong-shequ-2021/execution-2021/execution.yaml", "utf8")));
  return JSON.parse(JSON.stringify(parsed)) as ExecutionRecord;
};

describe("yuanText", () => {
  it("writes 分 as exact 元", () => {
    expect(yuanText(20000000)).toBe("200000.00");
    expect(yuanText(5)).toBe("0.05");
    expect(yuanText(-123456)).toBe("-1234.56");
    expect(yuanText(900719925474099)).toBe("9007199254740.99");
  });
});

describe("recordBody", () => {
  it("round-trips the sample's record through the server's schema unchanged", () => {
    const r = stored();
    const body = recordBody(r);
    expect(body.year).toBeUndefined();
    expect((body.adjustments as { amount: string }[])[0]!.amount).toBe("200000.00");
    expect((body.prior as { carryOver: string; staff: number }).carryOver).toBe("400000.00");
    expect((body.prior as { staff: number }).staff).toBe(12);
    const again = JSON.parse(JSON.stringify(executionFileSchema.parse({ ...body, year: 2021 }))) as ExecutionRecord;
    expect(again).toEqual(r);
  });
  it("round-trips the 决算's other uses and per-unit 结余 (分 back to 元)", () => {
    const r = stored();
    const fa = r.finalAccounts!;
    const withUses: ExecutionRecord = {
      ...r,
      finalAccounts: {
        ...fa,
        otherSpending: [{ unit: "313001", functional: "2080208", use: "operating", amount: fen(123456) }],
        nonFiscalBalanceUsed: [{ unit: "313001", amount: fen(5) }],
        surplusDistribution: [{ unit: "313001", amount: fen(100000) }],
      },
    };
    const body = recordBody(withUses);
    expect((body.finalAccounts as { otherSpending: { amount: string }[] }).otherSpending[0]!.amount).toBe("1234.56");
    expect(JSON.parse(JSON.stringify(executionFileSchema.parse({ ...body, year: 2021 })))).toEqual(withUses);
  });
  it("leaves out what is not recorded", () => {
    expect(recordBody({ year: 2021, asOf: "2021-06-30", adjustments: [], actuals: [] })).toEqual({ asOf: "2021-06-30", adjustments: [], actuals: [] });
  });
});

describe("finalRecordRows", () => {
  it("lists the sample's 决算补充数据 section by section in the tables' words, amounts in 分", () => {
    const rows = finalRecordRows(stored().finalAccounts!);
    expect(rows.map((r) => [r.section, r.unit, r.functional, r.item, yuanText(r.amount)])).toEqual([
      ["opening", "313001", "2080208", "一般公共预算财政拨款", "400000.00"],
      ["income", "313001", "2080208", "其他收入", "8500.00"],
      ["closing", "313001", "2060799", "一般公共预算财政拨款", "528000.00"],
      ["closing", "313001", "2080208", "一般公共预算财政拨款", "80000.00"],
      ["closing", "313001", "2080208", "非财政拨款", "8500.00"],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
  it("shows the other uses and the per-unit 结余 with their words, in order", () => {
    const fa = stored().finalAccounts!;
    const rows = finalRecordRows({
      ...fa,
      opening: [],
      closing: [],
      income: [{ unit: "313002", functional: "2080208", source: "operating-income", amount: fen(100) }],
      otherSpending: [
        { unit: "313002", functional: "2080208", use: "operating", amount: fen(60) },
        { unit: "313002", functional: "2080208", use: "to-superior", amount: fen(10) },
      ],
      nonFiscalBalanceUsed: [{ unit: "313002", amount: fen(5) }],
      surplusDistribution: [{ unit: "313002", amount: fen(35) }],
    });
    expect(rows.map((r) => `${r.key} ${r.item} ${r.functional} ${r.amount}`)).toEqual([
      "income.0 经营收入 2080208 100",
      "otherSpending.0 经营支出 2080208 60",
      "otherSpending.1 上缴上级支出 2080208 10",
      "nonFiscalBalanceUsed.0   5",
      "surplusDistribution.0   35",
    ]);
  });
});

describe("progressSeries", () => {
  it("gives cumulative spending against time by month, none after the date the data run to", () => {
    const monthly = [100, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const cumulative = [100, 200, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300];
    const s = progressSeries(monthly, cumulative, 1200, "2021-03-31", 2021);
    expect(s.map((p) => (p.spending ? formatPercent(p.spending) : null)).slice(0, 4)).toEqual(["8.33%", "16.67%", "25.00%", null]);
    expect(s.map((p) => percentValue(p.time))).toEqual([8.33, 16.67, 25, 33.33, 41.67, 50, 58.33, 66.67, 75, 83.33, 91.67, 100]);
    expect(s[0]!.spent).toBe(100);
  });
  it("has no spending progress on a zero budget, and all months after the year", () => {
    expect(progressSeries([], [], 0, "2021-12-31", 2021).every((p) => p.spending === null)).toBe(true);
    expect(progressSeries([1], [1], 1, "2022-01-10", 2021).filter((p) => p.spending !== null)).toHaveLength(12);
  });
});

describe("findingPlace", () => {
  const f = (location: Finding["location"]): Finding => ({ rule: "payments.invalid", severity: "error", message: "x", location });
  it("names the file, the line or cell, and the field", () => {
    expect(findingPlace(f({ kind: "data", path: "payments[1].date", file: "/tmp/up/payments.csv", line: 3 }))).toBe("payments.csv · 第 3 行 · 支付日期");
    expect(findingPlace(f({ kind: "data", path: "payments[1].unit", file: "p.csv", line: 3 }), "en")).toBe("p.csv · line 3 · unit");
    expect(findingPlace(f({ kind: "data", path: "payments[4].amount", file: "支付.xlsx", sheet: "Sheet1", cell: "F6" }))).toBe("支付.xlsx · Sheet1!F6 · 金额");
    expect(findingPlace(f({ kind: "data", path: "adjustments[0].approval" }))).toBe("adjustments[0].approval");
  });
});

describe("indicators and actuals", () => {
  const content = {
    targets: { indicators: [{ level1: "产出指标", level2: "数量指标", level3: "预算执行率", target: { comparator: "=", value: "100", unit: "%" } }] },
    projects: [
      { code: "313001-8", name: "社区换届经费", indicators: [{ level1: "产出指标", level2: "时效指标", level3: "换届完成时间", target: { deadline: "2021-11-30", text: "2021年11月底前" } }, { level1: "效益指标", level3: "满意度", target: "≥95%" }] },
    ],
  };
  it("lists the department's and each project's indicators with their targets", () => {
    const rows = indicatorRows(content, "部门整体");
    expect(rows.map((r) => [r.projectName, r.level3, r.target])).toEqual([
      ["部门整体", "预算执行率", "=100%"],
      ["社区换届经费", "换届完成时间", "2021年11月底前"],
      ["社区换届经费", "满意度", "≥95%"],
    ]);
    expect(rows[0]!.project).toBeUndefined();
    expect(targetText(undefined)).toBe("");
  });
  it("finds, replaces and shows actuals", () => {
    const rows = indicatorRows(content, "部门整体");
    let list = upsertActual([], { project: "313001-8", level3: "换届完成时间", value: { kind: "date" } });
    list = upsertActual(list, { project: "313001-8", level3: "换届完成时间", value: { kind: "date", date: "2021-12-20" }, reason: "疫情推迟" });
    expect(list).toHaveLength(1);
    expect(actualValueText(actualFor(list, rows[1]!)?.value)).toBe("2021-12-20");
    expect(actualFor(list, rows[0]!)).toBeUndefined();
    expect(actualValueText({ kind: "qualitative", text: "明显", achieved: "达成" })).toBe("达成：明显");
    expect(actualValueText({ kind: "not-applicable", reason: "无采购" })).toBe("不适用：无采购");
  });
  it("writes and reads budget lines", () => {
    expect(parseLine(" 313001 2080208  30299 313001-2 ")).toEqual({ unit: "313001", functional: "2080208", economic: "30299", project: "313001-2" });
    expect(parseLine("313001 2080208 30101")).toEqual({ unit: "313001", functional: "2080208", economic: "30101" });
    expect(parseLine("313001 2080208")).toBeUndefined();
    expect(lineText({ unit: "313001", functional: "2080208", economic: "30101" })).toBe("313001 2080208 30101");
  });
});
