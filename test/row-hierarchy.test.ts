/**
 * The row hierarchy (bold group lines, indented members) is one fact of the neutral table (`cellEmphasis`)
 * and the PDF, XLSX and HTML draw it the same way: every labelled cell of every table of the 2021 sample is
 * bold and indented exactly as the table says, in all three; and the table says what the official forms
 * show (table 1: 二、项目支出 bold like 一、基本支出, 财政拨款 indented under 一般公共预算).
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import { cellEmphasis, type DisclosureTable } from "../src/core/table.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { renderHtml } from "../src/formats/html.ts";
import { pdfData } from "../src/formats/pdf.ts";
import { HEADER_FIRST_ROW, renderXlsx, sheetName } from "../src/formats/xlsx.ts";

/** Each labelled (text) body cell of a table that no merge covers: row, column, text, expected emphasis. */
function labelled(t: DisclosureTable) {
  const covered = new Set<string>();
  for (const m of t.merges) for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  return t.rows.flatMap((row, r) =>
    row.cells.flatMap((cell, c) => (typeof cell === "string" && cell !== "" && !covered.has(`${r},${c}`) ? [{ r, c, text: cell, ...cellEmphasis(row, c) }] : [])),
  );
}

describe("row hierarchy: bold and indentation alike in PDF, XLSX and HTML", () => {
  let d: Disclosure;
  beforeAll(async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    d = deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!))[0]!;
  });

  it("table 1 and table 7 say what the official forms show", () => {
    const emphasis = (id: string, text: string) => labelled(d.tables.find((t) => t.id === id)!).find((x) => x.text === text)!;
    expect(emphasis("t01", "一、基本支出")).toMatchObject({ bold: true, indent: 0 });
    expect(emphasis("t01", "二、项目支出")).toMatchObject({ bold: true, indent: 0 });
    expect(emphasis("t01", "一般公共预算")).toMatchObject({ bold: true, indent: 0 });
    for (const s of ["财政拨款", "行政事业性收费", "国有资产资源有偿使用收入"]) expect(emphasis("t01", s)).toMatchObject({ bold: false, indent: 1 });
    expect(emphasis("t01", "1、工资福利支出")).toMatchObject({ bold: false, indent: 1 });
    expect(emphasis("t01", "政府性基金预算")).toMatchObject({ bold: false, indent: 0 });
    expect(emphasis("t07", "其中：（1）公务用车运行维护费").indent).toBeGreaterThan(0);
  });

  it("the PDF's cells carry the table's emphasis", () => {
    const data = pdfData(d);
    d.tables.forEach((t, i) => {
      const body = data.tables[i]!.body;
      for (const x of labelled(t)) {
        // a row's cells in the PDF data are those no merge covers, in column order: find the one with the text
        const cells = body[x.r]!.c.map((c) => (typeof c === "string" ? { t: c } : c));
        const cell = cells.find((c) => c.t === x.text)!;
        expect({ t: t.id, text: x.text, bold: "b" in cell, indent: ("i" in cell ? cell.i : 0) ?? 0 }).toEqual({ t: t.id, text: x.text, bold: x.bold, indent: x.indent });
      }
    });
  });

  it("the XLSX's cells carry the table's emphasis (bold font, two indent steps a level)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(d)) as unknown as ArrayBuffer);
    for (const t of d.tables) {
      const ws = wb.getWorksheet(sheetName(t))!;
      const top = HEADER_FIRST_ROW + t.header.length;
      for (const x of labelled(t)) {
        const cell = ws.getCell(top + x.r, x.c + 1);
        expect(cell.text).toBe(x.text);
        const centred = cell.alignment?.horizontal === "center";
        expect({ t: t.id, text: x.text, bold: cell.font?.bold === true, indent: centred ? 0 : ((cell.alignment?.indent ?? 1) - 1) / 2 }).toEqual({
          t: t.id,
          text: x.text,
          bold: x.bold,
          indent: x.indent,
        });
      }
    }
  });

  it("the HTML's cells carry the table's emphasis (classes b and i1…i4)", () => {
    const html = renderHtml(d);
    for (const t of d.tables) {
      const table = html.slice(html.indexOf(`<table class="disclosure ${t.id}"`), html.indexOf("</table>", html.indexOf(`<table class="disclosure ${t.id}"`)));
      const rows = [...table.slice(table.indexOf("<tbody>")).matchAll(/<tr class="[^"]*">(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td class="([^"]*)"[^>]*>(.*?)<\/td>/g)]);
      for (const x of labelled(t)) {
        const td = rows[x.r]!.find((m) => m[2] === x.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"))!;
        const classes = td[1]!.split(" ");
        const indent = Number(classes.find((k) => /^i\d$/.test(k))?.slice(1) ?? 0);
        expect({ t: t.id, text: x.text, bold: classes.includes("b"), indent }).toEqual({ t: t.id, text: x.text, bold: x.bold, indent: x.indent });
      }
    }
  });
});
