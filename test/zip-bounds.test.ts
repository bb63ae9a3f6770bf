/**
 * The bounded zip reader (src/formats/zip.ts) and every importer that opens an XLSX or DOCX through it:
 * a zip whose directory lies, declared sizes over the limits, bytes hidden between the listed entries,
 * and the row caps of payment exports and catalog files. Refused with a clear message, quickly, without
 * inflating what the file does not declare.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importXlsx } from "../src/audit/importers/xlsx.ts";
import { CatalogFileError, readCatalogFile } from "../src/formats/catalog-file.ts";
import { parseEntryWorkbook } from "../src/formats/entry-workbook/read.ts";
import { importPayments, importPaymentsCsv, importPaymentsXlsx } from "../src/formats/execution/payments.ts";
import { checkZip, readZipDirectory } from "../src/formats/zip.ts";
import { deflateBomb, lyingZipXlsx, manyRowsPaymentsCsv, manyRowsPaymentsXlsx, paymentsXlsx, zipOf } from "./support/bombs.ts";
import { worstTimerWait } from "./support/timer-wait.ts";

describe("the bounded zip reader", () => {
  let lying: Buffer;
  beforeAll(() => {
    lying = lyingZipXlsx();
  });

  it("builds the issue's bomb: about 1.1 MB of file declaring 40 KB and inflating to 1.1 GB", () => {
    expect(lying.length).toBeGreaterThan(900_000);
    expect(lying.length).toBeLessThan(1_500_000);
    const dir = readZipDirectory(lying);
    expect(dir.ok).toBe(true);
  });

  it("refuses a zip whose directory lies within 2 s and without holding what it inflates", async () => {
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    const check = await checkZip(lying);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    expect(check).toMatchObject({ ok: false, reason: "unsafe" });
    expect(!check.ok && check.detail).toMatch(/xl\/worksheets\/sheet1\.xml does not inflate to the size the zip declares/);
  });

  it("refuses declared sizes over the limits before inflating anything", async () => {
    const big = zipOf([{ name: "a.xml", data: deflateBomb("<a>", 1), size: 300_000_000 }]);
    expect(await checkZip(big, { maxEntries: 10, maxTotal: 1e9, maxEntry: 200_000_000, maxRatio: 1e9 })).toMatchObject({ ok: false, reason: "too-large" });
    expect(await checkZip(big, { maxEntries: 10, maxTotal: 1e9, maxEntry: 1e9, maxRatio: 250 })).toMatchObject({ ok: false, reason: "unsafe" });
  });

  it("refuses bytes hidden between the listed entries (a streaming reader would meet them)", async () => {
    const good = zipOf([{ name: "a.xml", data: deflateBomb("<a/>", 0), size: 4 }]);
    const hidden = Buffer.concat([Buffer.from("PK\x03\x04hidden"), good]);
    // shift the directory's offsets by the hidden bytes so that only the gap is wrong
    const eocd = hidden.length - 22;
    hidden.writeUInt32LE(hidden.readUInt32LE(eocd + 16) + 10, eocd + 16);
    const cen = hidden.readUInt32LE(eocd + 16);
    hidden.writeUInt32LE(10, cen + 42);
    expect(await checkZip(good)).toMatchObject({ ok: true });
    expect(await checkZip(hidden)).toMatchObject({ ok: false, reason: "unsafe", detail: "bytes outside the listed entries before a.xml" });
  });
});

describe("every importer refuses the lying XLSX with a clear message", () => {
  let lying: Buffer;
  let dir: string;
  beforeAll(async () => {
    lying = lyingZipXlsx();
    dir = await mkdtemp(join(tmpdir(), "yusuan-zip-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("entry workbook", async () => {
    const t = performance.now();
    await expect(parseEntryWorkbook(lying, "预算.xlsx")).rejects.toMatchObject({ problems: [{ file: "预算.xlsx", message: expect.stringMatching(/^文件“预算\.xlsx”的压缩数据异常.* \/ "预算\.xlsx" holds abnormal compressed data/) }] });
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it("payments export", async () => {
    const r = await importPayments(lying, "支付.xlsx");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.findings[0]!.message).toMatch(/^文件“支付\.xlsx”的压缩数据异常/);
  });

  it("catalog file", async () => {
    const path = join(dir, "功能分类.xlsx");
    await writeFile(path, lying);
    const e = await readCatalogFile(path, "functional").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CatalogFileError);
    expect((e as Error).message).toMatch(/^目录文件“功能分类\.xlsx”的压缩数据异常.* \/ "功能分类\.xlsx" holds abnormal compressed data/);
  });

  it("document to audit", async () => {
    const doc = await importXlsx("公开.xlsx", lying);
    expect(doc.problems.map((p) => p.rule)).toContain("read.unsafe-content");
  });
});

describe("row caps", () => {
  it("reads an ordinary export through the bounded reader", async () => {
    const r = await importPaymentsXlsx(await paymentsXlsx(5), "支付.xlsx");
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.payments.length).toBe(5);
  });

  it("refuses an XLSX export one row over the cap, and reads one at the cap", async () => {
    expect(await importPaymentsXlsx(await paymentsXlsx(1000), "支付.xlsx", { maxRows: 1000 })).toMatchObject({ ok: true });
    const r = await importPaymentsXlsx(await paymentsXlsx(1001), "支付.xlsx", { maxRows: 1000 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.findings[0]!.message).toBe("支付记录超过 1,000 行，未导入：请按月或按单位拆分后分别导入 / more than 1,000 payment rows: nothing imported; split the export by month or unit");
  });

  it("refuses the issue's 5,000,000-row XLSX export quickly (its sheet unpacks past the limit)", async () => {
    const t = performance.now();
    const r = await importPaymentsXlsx(manyRowsPaymentsXlsx(5_000_000), "支付.xlsx");
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.findings[0]!.message).toMatch(/^文件“支付\.xlsx”(解压后过大|的压缩数据异常)/);
  }, 30_000);

  it("reads a 200,000-row CSV (and refuses the 5,000,000-row one) in slices: no timer waits 200 ms of CPU", async () => {
    // the gap between timer ticks is measured in this process's CPU time (support/timer-wait.ts)
    for (const [csv, ok] of [
      // bytes, as an upload arrives (encoding a 10 MB string is not the import's work)
      [Buffer.from(manyRowsPaymentsCsv(200_000)), true],
      [Buffer.from(manyRowsPaymentsCsv(5_000_000, true)), false],
    ] as const) {
      const { result: r, worst, ticks } = await worstTimerWait(() => importPaymentsCsv(csv, "支付.csv"));
      expect(r.ok).toBe(ok);
      if (r.ok) expect([r.payments.length, r.payments[199_999]]).toEqual([200_000, { date: "2022-03-01", unit: "313001", functional: "2080208", economic: "30201", amount: 10_000 }]);
      // the timer runs while the 200,000 rows are parsed (the 5,000,000-row refusal may end within one slice)
      if (ok) expect(ticks).toBeGreaterThan(3);
      expect(worst, `a timer waited ${worst.toFixed(0)} ms of CPU`).toBeLessThan(200);
    }
  }, 120_000);

  it("refuses a 5,000,000-row CSV (10 MB, under the upload limit) by counting lines before parsing", async () => {
    const csv = manyRowsPaymentsCsv(5_000_000, true);
    const t = performance.now();
    const r = await importPaymentsCsv(csv, "支付.csv");
    expect(performance.now() - t).toBeLessThan(2000);
    expect(!r.ok && r.findings[0]!.message).toMatch(/^支付记录超过 1,000,000 行，未导入/);
    expect(await importPaymentsCsv(manyRowsPaymentsCsv(10), "支付.csv", { maxRows: 10 })).toMatchObject({ ok: true });
    expect(await importPaymentsCsv(manyRowsPaymentsCsv(11), "支付.csv", { maxRows: 10 })).toMatchObject({ ok: false });
  }, 30_000);
});
