/**
 * Scanned pages read by OCR (tesseract chi_sim over pdftoppm): a page of a real published document
 * (上海市普陀区人民政府办公室 2025年部门预算, p. 8, corpus shanghai-putuo-00d5ea0a) rendered at 200 dpi and put
 * alone into a PDF with no text layer (scripts/make-scanned-fixture.ts). Its table's figures are read as
 * the text layer prints them, the page is marked as read by OCR, and a finding resting on its figures says
 * so. Skipped where the machine has no tesseract with chi_sim data (CI installs it, see .ci/run).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { OCR_NOTE } from "../../src/audit/core/ocr-marks.ts";
import { ocrEngine } from "../../src/audit/importers/ocr.ts";
import { correctTitle } from "../../src/audit/importers/ocr-titles.ts";
import { importPdf } from "../../src/audit/importers/pdf.ts";

const SCAN = "test/fixtures/scanned/shanghai-putuo-00d5ea0a-p8.pdf";
const engine = await ocrEngine();

/** The table as printed in the original's text layer (pdftotext -layout, p. 8). */
const PRINTED = [
  ["一、财政拨款收入", "91,016,775.35", "一、一般公共服务支出", "82,096,797.42"],
  ["二、社会保障和就业支出", "4,213,779.28"],
  ["三、卫生健康支出", "1,097,073.43"],
  ["四、住房保障支出", "3,609,125.22"],
  ["收入总计", "91,016,775.35", "支出总计", "91,016,775.35"],
];

describe.skipIf(!engine)("OCR of scanned pages", () => {
  it("reads the scanned table: title, unit, department and every figure", { timeout: 180_000 }, async () => {
    const file = await importPdf("scan.pdf", readFileSync(SCAN));
    expect(file.parts).toEqual([{ kind: "page", index: 1, read: true, ocr: true }]);
    expect(file.problems.map((p) => [p.rule, p.severity])).toEqual([["read.ocr-page", "info"]]);
    expect(file.tables).toHaveLength(1);
    const t = file.tables[0]!;
    expect(t.title).toBe("2025年部门财务收支预算总表");
    expect(t.unit).toBe("元");
    expect(t.unitName).toBe("上海市普陀区人民政府办公室");
    const cells = t.body.map((r) => r.cells.filter((c) => c !== ""));
    for (const row of PRINTED) expect(cells.some((c) => row.every((x) => c.includes(x))), row.join(" ")).toBe(true);
  });

  it("a finding resting on an OCR figure says so, in its message and its ocr field", { timeout: 180_000 }, async () => {
    const file = await importPdf("scan.pdf", readFileSync(SCAN));
    // make the scan disagree with itself: 收入总计 a million 元 above the income lines and 支出总计
    const total = file.tables[0]!.body.find((r) => r.cells[0] === "收入总计")!;
    total.cells[1] = "92,016,775.35";
    const { findings } = auditDocument(assembleDocument("scan.pdf", [file]), () => undefined);
    const above = findings.filter((f) => f.severity !== "info");
    expect(above.length, JSON.stringify(findings)).toBeGreaterThan(0);
    for (const f of above) {
      expect(f.ocr, f.rule).toBe(true);
      expect(f.message.endsWith(OCR_NOTE)).toBe(true);
    }
  });
});

describe("OCR without an engine", () => {
  it("a scanned page stays a clear error naming what to install, and nothing is read", { timeout: 60_000 }, async () => {
    const file = await importPdf("scan.pdf", readFileSync(SCAN), { ocr: null });
    expect(file.parts).toEqual([{ kind: "page", index: 1, read: false }]);
    expect(file.problems.map((p) => p.rule)).toEqual(["read.scanned-page"]);
    expect(file.problems[0]!.message).toContain("tesseract-ocr-chi-sim");
  });

  it("pages beyond the per-document OCR limit are reported, not read", { timeout: 60_000 }, async () => {
    const never = { name: "none", readPage: () => Promise.reject(new Error("must not be called")) };
    const file = await importPdf("scan.pdf", readFileSync(SCAN), { ocr: never, ocrLimits: { maxPages: 0, pageTimeoutMs: 1000 } });
    expect(file.parts[0]!.read).toBe(false);
    expect(file.problems[0]!.message).toContain("上限");
  });
});

describe("OCR title correction", () => {
  it("a title garbled by one or two characters is read as the registry's title; other lines stay", () => {
    expect(correctTitle("2025年部门财务收文预算总表")).toBe("2025年部门财务收支预算总表");
    expect(correctTitle("部门收人预算总表")).toBe("部门收入预算总表");
    expect(correctTitle("收入预算总表")).toBeUndefined(); // Jiangsu's own title (jiangsu-province)
    expect(correctTitle("部门财务收支预算总表")).toBeUndefined(); // already right
    expect(correctTitle("一、财政拨款收入91,016,775.35")).toBeUndefined();
    expect(correctTitle("编制部门:上海市普陀区人民政府办公室")).toBeUndefined();
    expect(correctTitle("四、住房保障支出")).toBeUndefined();
  });
});
