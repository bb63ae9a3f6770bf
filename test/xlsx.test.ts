/**
 * disclosure.xlsx read back with exceljs: the workbook equals the table data cell for cell (values, merges,
 * number formats), carries the print setup, and never holds a formula — not even for text that looks like one.
 */
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveDisclosure } from "../src/core/disclosure.ts";
import type { Budget } from "../src/core/model.ts";
import { type Fen, toWanYuan } from "../src/core/money.ts";
import { type DisclosureTable, headerGrid } from "../src/core/table.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { HEADER_FIRST_ROW, MONEY_FORMAT, TEXT_FORMAT, renderXlsx, sheetName } from "../src/formats/xlsx.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A3:B4" for 1-based rows and columns */
function range(top: number, left: number, bottom: number, right: number): string {
  return `${colLetter(left)}${top}:${colLetter(right)}${bottom}`;
}

/** The XML parts of an .xlsx (a zip), read from its central directory — to look at what exceljs wrote. */
function zipEntries(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function coveredBy(t: DisclosureTable): Map<string, { row: number; col: number }> {
  const covered = new Map<string, { row: number; col: number }>();
  for (const m of t.merges) {
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.set(`${r},${c}`, m);
    }
  }
  return covered;
}

function allCells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void cells.push(cell)));
  return cells;
}

describe("disclosure.xlsx of the 2021 sample", () => {
  let d: Disclosure;
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    d = deriveDisclosure(budget, catalog);
    bytes = await renderXlsx(d);
    wb = await load(bytes);
  });

  it("has the 13 tables as 13 sheets, in order, with legal names", () => {
    expect(d.tables).toHaveLength(13);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(d.tables.map(sheetName));
    expect(wb.worksheets[0]!.name).toBe("1 部门收支总体情况表");
    d.tables.forEach((t, i) => {
      const name = wb.worksheets[i]!.name;
      expect(name.startsWith(`${t.number} `)).toBe(true);
      expect([...name].length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/?*[\]:]/);
    });
  });

  it("prints the title, 单位名称 and 单位：万元 above each table", () => {
    d.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const width = t.columns.length;
      const title = ws.getCell(1, 1);
      expect(title.value).toBe(t.title);
      expect(title.font?.bold).toBe(true);
      expect(title.font?.size).toBeGreaterThan(12);
      expect(title.alignment?.horizontal).toBe("center");
      expect(ws.model.merges).toContain(range(1, 1, 1, width));
      expect(ws.getCell(2, 1).value).toBe(`单位名称：${t.unitName}`);
      expect(ws.getCell(2, width).value).toBe("单位：万元");
      expect(ws.getCell(2, width).alignment?.horizontal).toBe("right");
    });
  });

  it("places every header cell at its grid position, with its merge and a border", () => {
    d.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const grid = headerGrid(t.header, t.columns.length);
      grid.forEach((cells, r) =>
        cells.forEach((h, c) => {
          const cell = ws.getCell(HEADER_FIRST_ROW + r, c + 1);
          expect(cell.border?.top?.style, `${t.id} header ${cell.address}`).toBe("thin");
          if (!h) {
            // covered by a span from the left or above
            expect(cell.isMerged, `${t.id} header ${cell.address}`).toBe(true);
            return;
          }
          expect(cell.value, `${t.id} header ${cell.address}`).toBe(h.text);
          expect(cell.font?.bold).toBe(true);
          const rs = h.rowSpan ?? 1;
          const cs = h.colSpan ?? 1;
          if (rs > 1 || cs > 1) {
            const top = HEADER_FIRST_ROW + r;
            expect(ws.model.merges, `${t.id} header ${h.text}`).toContain(range(top, c + 1, top + rs - 1, c + cs));
          }
        }),
      );
    });
  });

  it("holds every body cell exactly: 万元 numbers with #,##0.00, strings as text, null as empty", () => {
    let checked = 0;
    d.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const top = HEADER_FIRST_ROW + t.header.length;
      const covered = coveredBy(t);
      t.rows.forEach((row, r) =>
        row.cells.forEach((v, c) => {
          const cell = ws.getCell(top + r, c + 1);
          const where = `${t.id} ${cell.address}`;
          expect(cell.border?.left?.style, where).toBe("thin");
          const anchor = covered.get(`${r},${c}`);
          if (anchor) {
            // a merge blanks what it covers; the sheet shows the anchor's value there
            expect(v === null || v === "", where).toBe(true);
            expect(cell.isMerged, where).toBe(true);
            expect(cell.master.address, where).toBe(ws.getCell(top + anchor.row, anchor.col + 1).address);
            return;
          }
          checked++;
          if (typeof v === "number") {
            expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
            expect(cell.value, where).toBe(toWanYuan(v as Fen));
            expect(cell.numFmt, where).toBe(MONEY_FORMAT);
            expect(cell.alignment?.horizontal, where).toBe("right");
          } else if (typeof v === "string") {
            expect(cell.type, where).toBe(ExcelJS.ValueType.String);
            expect(cell.value, where).toBe(v);
            expect(cell.numFmt, where).toBe(TEXT_FORMAT);
          } else {
            expect(cell.value, where).toBeNull();
          }
        }),
      );
      for (const m of t.merges) {
        expect(ws.model.merges, `${t.id} body merge`).toContain(range(top + m.row, m.col + 1, top + m.row + m.rowSpan - 1, m.col + m.colSpan));
      }
    });
    expect(checked).toBeGreaterThan(500);
  });

  it("keeps 类/款/项 codes as text, with leading zeros", () => {
    const ws = wb.worksheets[2]!; // 部门支出总体情况表
    const t = d.tables[2]!;
    const r = t.rows.findIndex((row) => row.cells[0] === "208" && row.cells[1] === "02");
    const cell = ws.getCell(HEADER_FIRST_ROW + t.header.length + r, 2);
    expect(cell.value).toBe("02");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.alignment?.horizontal).toBe("center");
  });

  it("prints totals bold and shades sections", () => {
    d.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const top = HEADER_FIRST_ROW + t.header.length;
      const covered = coveredBy(t);
      t.rows.forEach((row, r) => {
        const c = t.columns.findIndex((_, i) => !covered.has(`${r},${i}`));
        const cell = ws.getCell(top + r, c + 1);
        const bold = row.kind !== "detail";
        expect(cell.font?.bold ?? false, `${t.id} row ${r} (${row.kind})`).toBe(bold);
        if (row.kind === "section") expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid" });
      });
    });
  });

  it("freezes the header and repeats it on every printed page, A4 landscape fitted to the width", () => {
    d.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const last = HEADER_FIRST_ROW + t.header.length - 1;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: last });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      // print titles on every sheet: the header rows, or the title and 单位名称 of a form without a header
      expect(ws.pageSetup.printTitlesRow).toBe(t.header.length > 0 ? `${HEADER_FIRST_ROW}:${last}` : `1:${HEADER_FIRST_ROW - 1}`);
    });
  });

  it("marks a draft on every sheet: the title on screen, the page header on paper", async () => {
    const draft = await load(await renderXlsx({ ...d, draft: true }));
    expect(draft.worksheets).toHaveLength(d.tables.length);
    d.tables.forEach((t, i) => {
      const ws = draft.worksheets[i]!;
      expect(ws.getCell(1, 1).text).toBe(`${t.title}（草稿 未经审核）`);
      expect(ws.headerFooter.oddHeader).toContain("草稿 未经审核");
      expect(wb.worksheets[i]!.headerFooter.oddHeader ?? "").not.toContain("草稿");
    });
  });

  it("says on its first sheet what the sample is (the budget's provenance), under the table", () => {
    expect(d.provenance).toContain("ASSUMPTIONS.md");
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(JSON.stringify(c.value ?? ""))));
    expect(texts.some((x) => x.includes(d.provenance!))).toBe(true);
    for (const other of wb.worksheets.slice(1)) {
      const all: string[] = [];
      other.eachRow((row) => row.eachCell((c) => all.push(JSON.stringify(c.value ?? ""))));
      expect(all.some((x) => x.includes("ASSUMPTIONS.md"))).toBe(false);
    }
  });

  it("sizes columns from the hints and never too narrow for an amount", () => {
    d.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      t.columns.forEach((col, c) => {
        const width = ws.getColumn(c + 1).width ?? ws.properties.defaultColWidth ?? 0;
        expect(width, `${t.id} column ${col.key}`).toBeGreaterThanOrEqual(col.width ?? 1);
        for (const row of t.rows) {
          const v = row.cells[c];
          if (typeof v === "number") expect(width).toBeGreaterThan(toWanYuan(v as Fen).toFixed(2).length + 2);
        }
      });
    });
  });

  it("carries each table's note under it; an empty table without rows has it as its body", () => {
    const noted = d.tables.filter((t) => t.note);
    expect(noted.length).toBeGreaterThanOrEqual(3);
    for (const t of noted) {
      const ws = wb.worksheets[d.tables.indexOf(t)]!;
      const texts = allCells(ws).map((c) => c.value);
      expect(texts, t.id).toContain(`说明：${t.note}`);
    }
    const t08 = d.tables.find((t) => t.id === "t08")!;
    expect(t08.empty && t08.rows.length === 0).toBe(true);
    const ws = wb.worksheets[d.tables.indexOf(t08)]!;
    const row = HEADER_FIRST_ROW + t08.header.length;
    expect(ws.getCell(row, 1).value).toBe("说明：本单位2021年无政府性基金预算支出。");
    expect(ws.model.merges).toContain(range(row, 1, row, t08.columns.length));
    expect(ws.getCell(row, t08.columns.length).border?.right?.style).toBe("thin");
  });

  it("holds no formula anywhere", () => {
    for (const ws of wb.worksheets) for (const cell of allCells(ws)) expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    for (const [name, xml] of zipEntries(bytes)) if (name.startsWith("xl/worksheets/")) expect(xml, name).not.toMatch(/<f[ >]/);
  });
});

describe("formula injection", () => {
  const hostile = ["=1+2", "+SUM(A1)", "-2", "@x", "=HYPERLINK(\"http://example.com\",\"点击\")", "\t=1+2"];

  it("keeps text that looks like a formula as exact text, in text format, never evaluated", async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    const b: Budget = structuredClone(budget);
    b.projects[0]!.name = hostile[0]!;
    b.projects[1]!.name = hostile[1]!;
    b.projects[2]!.indicators[0]!.level3 = hostile[2]!;
    b.projects[2]!.indicators[1]!.target = { kind: "qualitative", text: hostile[3]! };
    b.targets!.indicators[0]!.explanation = hostile[4]!;
    b.targets!.tasks[0]!.content = hostile[5]!;
    b.lineItems[0]!.memo = "=cmd|' /C calc'!A0";
    const d = deriveDisclosure(b, catalog);
    const bytes = await renderXlsx(d);
    const wb = await load(bytes);

    const found = new Map<string, ExcelJS.Cell>();
    for (const ws of wb.worksheets) {
      for (const cell of allCells(ws)) {
        expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
        const own = cell.master.address === cell.address; // not a cell covered by a merge
        if (own && typeof cell.value === "string" && hostile.includes(cell.value)) found.set(cell.value, cell);
      }
    }
    for (const text of hostile) {
      const cell = found.get(text);
      expect(cell, text).toBeDefined();
      expect(cell!.value).toBe(text);
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
      expect(cell!.numFmt).toBe(TEXT_FORMAT);
    }

    // In the file itself: no <f> formula element, and the text sits in the shared-string table.
    const parts = zipEntries(bytes);
    for (const [name, xml] of parts) if (name.startsWith("xl/worksheets/")) expect(xml, name).not.toMatch(/<f[ >]/);
    const strings = parts.get("xl/sharedStrings.xml")!;
    expect(strings).toContain("<t>=1+2</t>");
    expect(strings).toContain("<t>@x</t>");
  });

  it("stores a carriage return as a line break, still as text", async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    const b: Budget = structuredClone(budget);
    b.projects[0]!.name = "\r=1+2";
    b.projects[1]!.name = "第一行\r\n=2+3";
    const wb = await load(await renderXlsx(deriveDisclosure(b, catalog)));
    const values = wb.worksheets.flatMap((ws) => allCells(ws).map((c) => c.value));
    expect(values).toContain("\n=1+2");
    expect(values).toContain("第一行\n=2+3");
  });
});
