import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importPayments, importPaymentsCsv, MAX_ROW_FINDINGS } from "../../src/formats/execution/payments.ts";

const HEADER = "支付日期,单位代码,功能科目,经济科目,项目编码,金额\n";
const opts = { year: 2021, units: new Set(["101001"]), projects: new Set(["101001-01"]) };

describe("payment import (CSV)", () => {
  it("reads a good export, amounts exact in 分, dates in several forms", async () => {
    const r = await importPaymentsCsv(`\uFEFF${HEADER}2021-01-15,101001,2010101,30101,,50000.10\n2021/2/3,101001,2010102,30227,101001-01,"1,234.5"\n20210304,101001,2010101,30201,,-12\n`, "pay.csv", opts);
    expect(r).toEqual({
      ok: true,
      payments: [
        { date: "2021-01-15", unit: "101001", functional: "2010101", economic: "30101", amount: 5000010 },
        { date: "2021-02-03", unit: "101001", functional: "2010102", economic: "30227", project: "101001-01", amount: 123450 },
        { date: "2021-03-04", unit: "101001", functional: "2010101", economic: "30201", amount: -1200 },
      ],
    });
  });
  it("accepts English headers in any order", async () => {
    const r = await importPaymentsCsv("amount,economic,functional,unit,date\n10,30201,2010101,101001,2021-05-05\n", "p.csv", opts);
    expect(r.ok && r.payments[0]).toEqual({ date: "2021-05-05", unit: "101001", functional: "2010101", economic: "30201", amount: 1000 });
  });
  it("imports nothing when any row is bad, with one finding per problem naming file and line", async () => {
    const r = await importPaymentsCsv(
      `${HEADER}2021-01-15,101001,2010101,30101,,100\n2021-02-30,101001,2010101,30101,,100\n2021-03-01,999999,201010,3010,,1.001\n2020-12-31,101001,2010101,30101,X-9,abc\n`,
      "pay.csv",
      opts,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const places = r.findings.map((f) => (f.location.kind === "data" ? `${f.location.file ?? ""}:${f.location.line ?? ""}:${f.location.path}` : ""));
    expect(places).toEqual([
      "pay.csv:3:payments[1].date",
      "pay.csv:4:payments[2].unit",
      "pay.csv:4:payments[2].functional",
      "pay.csv:4:payments[2].economic",
      "pay.csv:4:payments[2].amount",
      "pay.csv:5:payments[3].date",
      "pay.csv:5:payments[3].project",
      "pay.csv:5:payments[3].amount",
      "::", // the summary: nothing imported
    ]);
    expect(r.findings.every((f) => f.rule === "execution.import" && f.severity === "error")).toBe(true);
    expect(r.findings.at(-1)!.message).toContain("未导入任何记录");
    expect(r.findings[4]!.actual).toBe("1.001");
  });
  it("reports missing columns and empty files", async () => {
    const r = await importPaymentsCsv("日期,单位代码\n2021-01-01,101001\n", "x.csv");
    expect(!r.ok && r.findings.map((f) => f.message.split(" /")[0])).toEqual(["缺少“功能科目”列", "缺少“经济科目”列", "缺少“金额”列", "导入未执行：3 处问题，未导入任何记录"]);
    expect((await importPaymentsCsv("", "e.csv")).ok).toBe(false);
  });
  it("caps the listed findings and counts the rest", async () => {
    const rows = Array.from({ length: 300 }, () => "bad,101001,2010101,30101,,1").join("\n");
    const r = await importPaymentsCsv(HEADER + rows, "many.csv", opts);
    expect(!r.ok && r.findings.length).toBe(MAX_ROW_FINDINGS + 2);
    expect(!r.ok && r.findings[MAX_ROW_FINDINGS]!.message).toContain("另有 100 处");
  });
});

describe("payment import (XLSX)", () => {
  async function workbook(rows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("支付明细");
    for (const r of rows) ws.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  it("reads dates as Date cells and numbers as 元", async () => {
    const data = await workbook([
      ["支付日期", "单位代码", "功能科目", "经济科目", "项目编码", "金额"],
      [new Date(Date.UTC(2021, 5, 30)), "101001", "2010102", "30227", "101001-01", 2500.25],
    ]);
    expect(await importPayments(data, "pay.xlsx", opts)).toEqual({
      ok: true,
      payments: [{ date: "2021-06-30", unit: "101001", functional: "2010102", economic: "30227", project: "101001-01", amount: 250025 }],
    });
  });
  it("names sheet and cell of each bad value, and imports nothing", async () => {
    const data = await workbook([
      ["支付日期", "单位代码", "功能科目", "经济科目", "项目编码", "金额"],
      ["2021-01-01", "101001", "2010101", "30101", null, 1],
      ["2021-01-02", "101001", "2010101", "301", null, "x"],
    ]);
    const r = await importPayments(data, "pay.xlsx", opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings.slice(0, 2).map((f) => f.location)).toEqual([
      { kind: "data", path: "payments[1].economic", file: "pay.xlsx", sheet: "支付明细", cell: "D3" },
      { kind: "data", path: "payments[1].amount", file: "pay.xlsx", sheet: "支付明细", cell: "F3" },
    ]);
  });
  it("reports an unreadable workbook", async () => {
    const r = await importPayments(new Uint8Array([1, 2, 3]), "bad.xlsx");
    expect(r.ok).toBe(false);
  });
});
