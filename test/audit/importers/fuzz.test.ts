/**
 * Robustness of the importers (issue item 6): random bytes under every name, random bytes behind every
 * format's magic, every format truncated, a broken zip, zip and XML bombs, a huge sheet, pathological
 * HTML, a PDF with no text, files too large or missing. Each gives a clear reading problem (or reads what
 * it can) within a bounded time and memory — never a throw, a crash or a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DocumentFile } from "../../../src/audit/core/document.ts";
import { importBytes, importFile } from "../../../src/audit/importers/dispatch.ts";
import { sniffFormat } from "../../../src/audit/importers/dispatch.ts";
import { renderHtml } from "../../../src/formats/html.ts";
import { renderPdf } from "../../../src/formats/pdf.ts";
import { renderXlsx } from "../../../src/formats/xlsx.ts";
import { Rng } from "../../support/generate.ts";
import { disclosures, sampleBudget } from "../support.ts";
import { makeZip, typstPdf, unzip } from "./support.ts";

const MB = 1024 * 1024;

/** Imports with a stopwatch and the growth of the resident set; the file must come back, with a reason when empty. */
async function bounded(name: string, bytes: Uint8Array, seconds: number): Promise<DocumentFile> {
  const rss = process.memoryUsage().rss;
  const t0 = performance.now();
  const file = await importBytes(name, bytes, { soffice: null, timeoutMs: 20_000 });
  const elapsed = (performance.now() - t0) / 1000;
  expect(elapsed, `${name} took ${elapsed.toFixed(1)} s`).toBeLessThan(seconds);
  expect(process.memoryUsage().rss - rss, `${name} memory`).toBeLessThan(800 * MB);
  const nothing = file.tables.length === 0 && file.sections.every((s) => s.paragraphs.length === 0);
  if (nothing) expect(file.problems.some((p) => p.severity === "error"), `${name}: ${JSON.stringify(file.problems.map((p) => p.rule))}`).toBe(true);
  for (const p of file.problems) expect(p.message).toMatch(/ \/ /);
  return file;
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
  return out;
}

const NAMES = ["x.pdf", "x.xlsx", "x.docx", "x.html", "x.json", "x.txt", "x.xls", "x.doc", "x"];
const MAGIC: Record<string, number[]> = {
  pdf: [...Buffer.from("%PDF-1.7\n")],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  html: [...Buffer.from("<html><body><table><tr><td>")],
};

describe("random bytes", () => {
  it("under every name: a clear error, quickly", async () => {
    const rng = new Rng(5);
    for (let i = 0; i < 24; i++) {
      const name = NAMES[i % NAMES.length]!;
      const file = await bounded(name, randomBytes(rng, rng.int(1, 200_000)), 5);
      expect(file.problems.length).toBeGreaterThan(0);
    }
  });

  it("behind every format's magic bytes", async () => {
    const rng = new Rng(6);
    for (const [kind, magic] of Object.entries(MAGIC)) {
      for (let i = 0; i < 4; i++) {
        const bytes = new Uint8Array([...magic, ...randomBytes(rng, rng.int(10, 50_000))]);
        await bounded(`m-${kind}-${i}`, bytes, 5);
      }
    }
  });
});

describe("truncated files", async () => {
  const d = disclosures(await sampleBudget())[0]!;
  const files: Record<string, Uint8Array> = {
    "t.pdf": await renderPdf(d),
    "t.xlsx": await renderXlsx(d),
    "t.html": new Uint8Array(Buffer.from(renderHtml(d))),
  };
  for (const [name, bytes] of Object.entries(files)) {
    it(`${name} cut at 1%, 10%, 50%, 90% and 1 byte short`, async () => {
      for (const cut of [0.01, 0.1, 0.5, 0.9]) await bounded(name, bytes.subarray(0, Math.floor(bytes.length * cut)), 10);
      await bounded(name, bytes.subarray(0, bytes.length - 1), 10);
    });
  }

  it("a workbook with a corrupted part and a zip whose directory is broken", async () => {
    const parts = await unzip(files["t.xlsx"]!);
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    const broken = makeZip(parts.map((p) => (p === sheet ? { ...p, deflate: false, data: (p.data as Uint8Array).subarray(0, 500) } : p)));
    const f1 = await bounded("corrupt.xlsx", broken, 5);
    expect(f1.problems.map((p) => p.rule)).toContain("read.damaged");
    const zip = files["t.xlsx"]!.slice();
    zip.fill(0x41, zip.length - 200, zip.length - 30);
    expect((await bounded("dir.xlsx", zip, 5)).problems.map((p) => p.rule)).toEqual(["read.damaged"]);
  });
});

describe("bombs", async () => {
  const d = disclosures(await sampleBudget())[0]!;
  const parts = await unzip(await renderXlsx(d));

  it("a billion-laughs XML bomb in a sheet is refused before parsing", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const bytes = makeZip(parts.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: laughs } : p)));
    const file = await bounded("lol.xlsx", bytes, 2);
    expect(file.problems.map((p) => p.rule)).toEqual(["read.unsafe-content"]);
  });

  it("a zip bomb (a part inflating a thousandfold) and a part that inflates beyond what it declares", async () => {
    const zeros = new Uint8Array(200 * MB);
    const bomb = makeZip([...parts, { name: "xl/media/zeros.bin", data: zeros, deflate: true }]);
    expect(bomb.length).toBeLessThan(1 * MB);
    expect((await bounded("bomb.xlsx", bomb, 3)).problems.map((p) => p.rule)).toEqual(["read.unsafe-content"]);
    // declared 100 bytes, inflates to 10 MB
    const liar = makeZip([...parts, { name: "xl/media/liar.bin", data: new Uint8Array(10 * MB), deflate: true }]);
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    const eocd = liar.length - 22;
    let p = view.getUint32(eocd + 16, true);
    for (let n = 0; n < view.getUint16(eocd + 10, true); n++) {
      const nameLength = view.getUint16(p + 28, true);
      if (new TextDecoder().decode(liar.subarray(p + 46, p + 46 + nameLength)) === "xl/media/liar.bin") view.setUint32(p + 24, 100, true);
      p += 46 + nameLength;
    }
    expect((await bounded("liar.xlsx", liar, 3)).problems.map((p) => p.rule)).toEqual(["read.unsafe-content"]);
  });
});

/** A minimal workbook with one sheet of `rows` × `cols` numbers (built by hand: fast at any size). */
function hugeSheet(rows: number, cols: number): Uint8Array {
  const col = (c: number) => String.fromCharCode(65 + (c % 26)) + (c >= 26 ? String.fromCharCode(65 + Math.floor(c / 26) - 1) : "");
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${col(c)}${r}"><v>${r * cols + c}.5</v></c>`;
    body.push(`${row}</row>`);
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return makeZip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="大表" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: "xl/worksheets/sheet1.xml", data: `<?xml version="1.0"?><worksheet ${ns}><sheetData>${body.join("")}</sheetData></worksheet>`, deflate: true },
  ]);
}

describe("huge inputs", () => {
  it("a sheet of 200,000 cells is read within seconds; one of 1,000,000 is refused at once", async () => {
    const big = await bounded("big.xlsx", hugeSheet(10_000, 20), 12);
    expect(big.tables[0]!.body.length + big.tables[0]!.header.length).toBe(10_000);
    expect(big.tables[0]!.body[9_000]!.cellPlaces?.[19]?.cell).toBe("T9001");
    const huge = await bounded("huge.xlsx", hugeSheet(50_000, 20), 3);
    expect(huge.problems.map((p) => p.rule)).toEqual(["read.file-too-large"]);
  });

  it("HTML nested 100,000 deep, and a table spanning 10^9 cells", async () => {
    const deep = `<html><body>${"<div>".repeat(100_000)}正文${"</div>".repeat(100_000)}</body></html>`;
    const f = await bounded("deep.html", new Uint8Array(Buffer.from(deep)), 5);
    expect(f.problems.map((p) => p.rule)).toEqual(["read.unsafe-content"]);
    expect(f.sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual(["正文"]);
    const nested = `<html><body>${"<div>".repeat(3_000)}<p>正文</p>${"</div>".repeat(3_000)}</body></html>`;
    expect((await bounded("nested.html", new Uint8Array(Buffer.from(nested)), 5)).problems).toEqual([]);
    const wide = `<table>${"<tr><td rowspan=65534 colspan=1000>x</td></tr>".repeat(100)}</table>`;
    await bounded("wide.html", new Uint8Array(Buffer.from(wide)), 5);
  });

  it("a PDF with no text: the scanned-page problem", async () => {
    const f = await bounded("scan.pdf", typstPdf("#rect(width: 10cm, height: 10cm, fill: gray)"), 5);
    expect(f.problems.map((p) => p.rule)).toEqual(["read.scanned-page"]);
  });
});

describe("time bound", () => {
  it("a file that takes longer than its time limit comes back with a timeout problem", async () => {
    const d = disclosures(await sampleBudget())[0]!;
    const pdf = await renderPdf(d);
    const t0 = performance.now();
    const file = await importBytes("slow.pdf", pdf, { timeoutMs: 1 });
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(file.problems.map((p) => p.rule)).toContain("read.timeout");
  });
});

describe("files", () => {
  it("too large, missing, a directory, empty: reading problems, not exceptions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-import-"));
    try {
      writeFileSync(join(dir, "big.pdf"), new Uint8Array(2048));
      writeFileSync(join(dir, "empty.txt"), "");
      expect((await importFile(join(dir, "big.pdf"), { maxBytes: 1024 })).problems.map((p) => p.rule)).toEqual(["read.file-too-large"]);
      expect((await importFile(join(dir, "missing.pdf"))).problems.map((p) => p.rule)).toEqual(["read.failed"]);
      expect((await importFile(dir)).problems.map((p) => p.rule)).toEqual(["read.failed"]);
      expect((await importFile(join(dir, "empty.txt"))).problems.map((p) => p.rule)).toEqual(["read.empty"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sniffs the content before the name: an .xls that is HTML, a PDF named .txt", async () => {
    expect(sniffFormat("a.xls", new Uint8Array(Buffer.from("<html><table><tr><td>1</td></tr></table></html>")))).toBe("html");
    expect(sniffFormat("a.txt", new Uint8Array(Buffer.from("%PDF-1.4\n...")))).toBe("pdf");
    expect(sniffFormat("a", new Uint8Array(Buffer.from("# 标题\n正文")))).toBe("text");
    const d = disclosures(await sampleBudget())[0]!;
    expect(sniffFormat("noext", await renderXlsx(d))).toBe("xlsx");
  });
});
