/**
 * Legacy .xls/.doc: without LibreOffice a clear reading problem (never a crash); with it, a workbook Yusuan
 * wrote, saved as .xls by LibreOffice, reads back to the derived tables; a .doc LibreOffice cannot convert
 * (no Writer installed, or a damaged file) is reported. And, LibreOffice being at hand, the PDF it prints
 * from that workbook (a producer other than Typst) reads back to the same tables.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { importBytes } from "../../../src/audit/importers/dispatch.ts";
import { findSoffice, importLegacy } from "../../../src/audit/importers/legacy.ts";
import { importHtml } from "../../../src/audit/importers/html.ts";
import { importPdf } from "../../../src/audit/importers/pdf.ts";
import { renderXlsx } from "../../../src/formats/xlsx.ts";
import { disclosures, sampleBudget } from "../support.ts";
import { expectTablesAsDerived } from "./support.ts";

/** The first bytes of an OLE compound file naming a Word stream: what a .doc looks like to the sniffer. */
function fakeOle(stream: string): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = [...stream].flatMap((c) => [c.charCodeAt(0), 0]);
  const out = new Uint8Array(4096);
  out.set(head, 0);
  out.set(name, 1024);
  return out;
}

describe("without LibreOffice", () => {
  it("says LibreOffice is needed for .xls and .doc, by content and by name", async () => {
    for (const [name, stream] of [["a.xls", "Workbook"], ["b.doc", "WordDocument"], ["c.bin", "WordDocument"]] as const) {
      const file = await importBytes(name, fakeOle(stream), { soffice: null });
      expect(file.problems.map((p) => [p.rule, p.severity])).toEqual([["read.needs-libreoffice", "error"]]);
      expect(file.problems[0]!.message).toContain("需要安装 LibreOffice 才能读取");
      expect(file.parts[0]!.read).toBe(false);
    }
  });

  it("reports an encrypted Office file", async () => {
    const file = await importBytes("secret.xlsx", fakeOle("EncryptionInfo"), { soffice: null });
    expect(file.problems.map((p) => p.rule)).toEqual(["read.encrypted"]);
  });
});

const soffice = findSoffice();

describe.skipIf(!soffice)("with LibreOffice", () => {
  it("reads an .xls saved by LibreOffice from Yusuan's workbook", { timeout: 120_000 }, async () => {
    const d = disclosures(await sampleBudget())[0]!;
    const dir = mkdtempSync(join(tmpdir(), "yusuan-xls-test-"));
    try {
      writeFileSync(join(dir, "out.xlsx"), await renderXlsx(d));
      execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "xls", "--outdir", dir, join(dir, "out.xlsx")], { stdio: "ignore", timeout: 90_000 });
      const file = await importBytes("out.xls", new Uint8Array(readFileSync(join(dir, "out.xls"))));
      expect(file.format).toBe("xlsx");
      expect(file.problems).toEqual([]);
      expectTablesAsDerived(file, d);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the PDF and the HTML LibreOffice makes of Yusuan's workbook (another producer's rulings, fonts, page breaks and markup)", { timeout: 120_000 }, async () => {
    const d = disclosures(await sampleBudget())[0]!;
    const dir = mkdtempSync(join(tmpdir(), "yusuan-lopdf-test-"));
    try {
      writeFileSync(join(dir, "out.xlsx"), await renderXlsx(d));
      for (const to of ["pdf", "html"]) {
        execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", to, "--outdir", dir, join(dir, "out.xlsx")], { stdio: "ignore", timeout: 90_000 });
      }
      const pdf = await importPdf("lo.pdf", new Uint8Array(readFileSync(join(dir, "out.pdf"))));
      expect(pdf.problems).toEqual([]);
      expectTablesAsDerived(pdf, d);
      const html = importHtml("lo.html", new Uint8Array(readFileSync(join(dir, "out.html"))));
      expect(html.problems).toEqual([]);
      expectTablesAsDerived(html, d);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a .doc it cannot convert, within the time limit", { timeout: 120_000 }, async () => {
    const t0 = Date.now();
    const file = await importLegacy("broken.doc", fakeOle("WordDocument"), "docx", { timeoutMs: 60_000 });
    expect(file.problems.map((p) => p.rule)).toEqual(["read.conversion-failed"]);
    expect(Date.now() - t0).toBeLessThan(65_000);
  });
});
