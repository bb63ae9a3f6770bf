/**
 * pdfjs reads in a thread the deadline can stop (pdf-thread.ts). The fixture is variant 600 of the corpus
 * fuzz (corpus-fuzz.test.ts): jiangsu-b40ed400.pdf with 60 bytes overwritten, one of them in its embedded
 * TrueType font, whose damaged cmap pdfjs parses for minutes in one synchronous loop. The importer stops at
 * its deadline with a reading problem, and the next file is read by a new thread as before.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPdf } from "../../../src/audit/importers/pdf.ts";
import { renderPdf } from "../../../src/formats/pdf.ts";
import { disclosures, sampleBudget } from "../support.ts";

const HANGS = new Uint8Array(readFileSync(join(import.meta.dirname, "../../fixtures/damaged/jiangsu-b40ed400-variant600.pdf")));

describe("the PDF reading thread", () => {
  it("stops a read that hangs inside pdfjs at the deadline, with a reading problem", async () => {
    const t0 = Date.now();
    const file = await importPdf("损坏.pdf", HANGS, { deadline: t0 + 4_000 });
    const took = Date.now() - t0;
    // the deadline, plus starting the thread (tsx compiles the worker from the sources in tests)
    expect(took).toBeGreaterThanOrEqual(4_000);
    expect(took).toBeLessThan(15_000);
    expect(file.problems.map((p) => p.rule)).toEqual(["read.timeout"]);
    expect(file.problems[0]!.message).toMatch(/^读取超时，已读 0 页/);
    expect(file.problems[0]!.location).toMatchObject({ file: "损坏.pdf" });
    expect(file.tables).toEqual([]);
  }, 60_000);

  it("reads the next file in a new thread, and two at a time", async () => {
    const budget = await sampleBudget();
    const pdf = await renderPdf(disclosures(budget, "henan13")[0]!);
    const [a, b] = await Promise.all([importPdf("a.pdf", pdf), importPdf("b.pdf", pdf)]);
    expect(a.problems).toEqual([]);
    expect(a.tables.length).toBeGreaterThan(10);
    expect(JSON.stringify(b.tables)).toBe(JSON.stringify(a.tables).replaceAll('"a.pdf"', '"b.pdf"'));
  }, 120_000);

  it("reports a file pdfjs cannot open, naming it", async () => {
    const file = await importPdf("坏.pdf", new TextEncoder().encode("%PDF-1.7\nnot a pdf at all"));
    expect(file.problems.map((p) => p.rule)).toEqual(["read.damaged"]);
    expect(file.problems[0]!.message).toMatch(/^坏\.pdf 不是可读取的 PDF/);
  }, 60_000);
});
