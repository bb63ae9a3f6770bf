/**
 * The XLSX importer: Yusuan's own workbooks read back exactly, every row and cell placed by sheet and A1
 * cell, and audit with no finding above info; the usual variants (several tables on one sheet, amounts in
 * 元, numbers stored as text, formulas with cached results, accounting formats); number formats.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../../src/audit/core/assemble.ts";
import { auditDocument } from "../../../src/audit/core/audit.ts";
import { formatNumber } from "../../../src/audit/importers/numfmt.ts";
import { columnName, importXlsx } from "../../../src/audit/importers/xlsx.ts";
import { renderXlsx, sheetTables } from "../../../src/formats/xlsx.ts";
import { generateBudget } from "../../support/generate.ts";
import { beyondData, catalog2021, disclosures, sampleBudget } from "../support.ts";
import { clean, expectTablesAsDerived, tableRows } from "./support.ts";

const catalogFor = (y: number) => (y === 2021 ? catalog2021 : undefined);

describe("Yusuan's own workbooks", async () => {
  const budget = await sampleBudget();
  const generated = [31, 32].map((s) => clean(generateBudget(s)));
  for (const layout of ["henan13", "central9", "jiangsu-province"] as const) {
    const cases = [budget, ...generated].flatMap((b) => (b === budget ? disclosures(b, layout) : disclosures(b, layout).slice(0, 2)).map((d) => [d, b] as const));
    for (const [d, b] of cases) {
      it(`${layout} ${d.scope.name}: tables cell for cell, sheet and cell places, no finding above info`, async () => {
        const file = await importXlsx("out.xlsx", await renderXlsx(d));
        expect(file.problems).toEqual([]);
        expectTablesAsDerived(file, { ...d, tables: sheetTables(d) });
        expect(file.parts).toHaveLength(d.tables.length);
        file.tables.forEach((t, i) => {
          expect(t.place).toMatchObject({ sheet: file.parts[i]!.name, cell: "A1" });
          const rows = [...t.header, ...t.body];
          rows.forEach((r, k) => {
            expect(r.place).toEqual({ file: "out.xlsx", sheet: file.parts[i]!.name, cell: `A${3 + k}` });
            expect(r.cellPlaces?.map((p) => p?.cell)).toEqual(r.cells.map((_, c) => `${columnName(c + 1)}${3 + k}`));
          });
        });
        const findings = auditDocument(assembleDocument("out.xlsx", [file]), catalogFor).findings;
        expect(beyondData(findings, b).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      });
    }
  }
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the usual variants", () => {
  it("reads several tables on one sheet (split by title rows or blank rows), amounts in 元, numbers stored as text, formulas", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("预算表");
      ws.addRow(["2021年部门收支总表"]);
      ws.mergeCells("A1:C1");
      ws.addRow(["部门：某某局", "", "单位：元"]);
      ws.addRow(["项目", "本年预算", "上年预算"]);
      ws.addRow(["一般公共预算拨款收入", "12345600.00", "10000000"]);
      const r = ws.addRow(["收入总计", { formula: "B4", result: 12345600 }, 10000000]);
      r.getCell(2).numFmt = "#,##0.00";
      r.getCell(3).numFmt = "#,##0.00";
      ws.addRow(["2021年部门收入总表"]);
      ws.addRow(["单位：万元"]);
      ws.addRow(["项目", "合计"]);
      ws.addRow(["合计", 1234.56]).getCell(2).numFmt = '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-';
      ws.addRow(["其中：结转", 0]).getCell(2).numFmt = '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-';
      ws.addRow([]);
      ws.addRow(["2021年一般公共预算“三公”经费支出表"]);
      ws.addRow(["项目", "金额"]);
      ws.addRow(["合计", -5]).getCell(2).numFmt = "#,##0.00;[Red]-#,##0.00";
    });
    const file = await importXlsx("v.xlsx", bytes);
    expect(file.tables.map((t) => [t.title, t.unit, t.place.cell])).toEqual([
      ["2021年部门收支总表", "元", "A1"],
      ["2021年部门收入总表", "万元", "A6"],
      ["2021年一般公共预算“三公”经费支出表", undefined, "A12"],
    ]);
    expect(tableRows(file.tables[0]!)).toEqual([
      ["项目", "本年预算", "上年预算"],
      ["一般公共预算拨款收入", "12345600.00", "10000000"],
      ["收入总计", "12,345,600.00", "10,000,000.00"],
    ]);
    expect(tableRows(file.tables[1]!)).toEqual([
      ["项目", "合计"],
      ["合计", "1,234.56"],
      ["其中：结转", "-"],
    ]);
    expect(tableRows(file.tables[2]!)).toEqual([
      ["项目", "金额"],
      ["合计", "-5.00"],
    ]);
    expect(file.problems.map((p) => p.rule)).toEqual([]);
  });

  it("reads a sheet of narrative text as paragraphs, bold numbered lines as headings", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("说明");
      ws.addRow(["一、收入支出预算总体情况说明"]).getCell(1).font = { bold: true };
      ws.addRow(["某某局2021年收入总计1,234.56万元。"]);
    });
    const file = await importXlsx("n.xlsx", bytes);
    expect(file.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.text)])).toEqual([["一、收入支出预算总体情况说明", ["某某局2021年收入总计1,234.56万元。"]]]);
    expect(file.sections[0]!.paragraphs[0]!.place).toEqual({ file: "n.xlsx", sheet: "说明", cell: "A2" });
  });
});

describe("number formats", () => {
  it.each([
    [4117.91, "#,##0.00", "4,117.91"],
    [4117.905, "0.00", "4117.91"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [0.4444, "0.00%", "44.44%"],
    [1234567, "#,##0", "1,234,567"],
    [1234567, "#,##0,", "1,235"],
    [12, '0"万元"', "12万元"],
    [0, '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-', "-"],
    [-3, "#,##0.00;(#,##0.00)", "(3.00)"],
    [0.1 + 0.2, "General", "0.3"],
    [100, undefined, "100"],
  ])("%s as %s → %s", (v, fmt, shown) => {
    expect(formatNumber(v, fmt)).toBe(shown);
  });
});
