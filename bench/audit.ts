/**
 * Audit benchmark on generated documents: `npm run bench:audit:generated [-- --n 30] [-- --batch 1000] [-- --quick]`
 * (the corpus one, issue 17's target, is `npm run bench:audit`: bench/audit-corpus.ts).
 *
 * Renders N generated departments of typical size (test/support/generate.ts; Henan's 13 tables, every
 * fourth in the central 9) to PDF and to text once, into a temporary folder, then, in the same process
 * and after a warm-up:
 *   1. the floor: bare text extraction of the same PDFs with the same PDF library (pdfjs-dist 4.10:
 *      getTextContent on every page), file read included;
 *   2. import: `importFile` (src/audit/importers/dispatch.ts) — the PDF importer, tables and narrative;
 *   3. the whole audit: import, `assembleDocument`, `auditDocument` with the year's catalog;
 *   and the whole audit of the text renderings, for comparison.
 * Each is run in alternating rounds and the best round kept (the machine is shared); documents/s,
 * pages/s, the median per document, and the ratio of the whole audit to the floor (target ≤ 1.5×).
 * 4. memory: a batch of B whole audits (default 1,000, cycling through the N files): peak RSS after 100
 *    documents and after B, and their ratio (flat: close to 1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { assembleDocument } from "../src/audit/core/assemble.ts";
import { auditDocument } from "../src/audit/core/audit.ts";
import { importFile } from "../src/audit/importers/dispatch.ts";
import { loadPdfjs } from "../src/audit/importers/pdf-load.ts";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveDisclosure } from "../src/core/disclosure.ts";
import { renderPdf, warmUpPdf } from "../src/formats/pdf.ts";
import { renderText } from "../src/formats/text.ts";
import { type GenerateSize, generateBudget } from "../test/support/generate.ts";
import { benchArgs, positiveInt } from "./args.ts";

const TYPICAL: GenerateSize = { units: [1, 4], lineItems: [20, 120], projects: [3, 20] };
const TARGET_RATIO = 1.5;
const MB = 1024 * 1024;

function options(): { n: number; batch: number; rounds: number } {
  const values = benchArgs({ strings: ["n", "batch", "rounds"], flags: ["quick"] });
  const quick = values.quick === true;
  return { n: positiveInt(values, "n", quick ? 10 : 30), batch: positiveInt(values, "batch", quick ? 200 : 1000), rounds: positiveInt(values, "rounds", quick ? 1 : 2) };
}

const catalogs = new Map<number, CatalogIndex>();
function catalogFor(year: number): CatalogIndex | undefined {
  if (!catalogs.has(year)) {
    const c = builtInCatalog(year);
    catalogs.set(year, c ? new CatalogIndex(c) : (undefined as never));
  }
  return catalogs.get(year);
}

const lib = await loadPdfjs();

/** The floor: what pdfjs's own text extraction costs for one file. */
async function bareExtraction(path: string): Promise<number> {
  const data = new Uint8Array(readFileSync(path));
  const task = lib.getDocument({ data, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const text = await page.getTextContent();
    for (const item of text.items) if ("str" in item) chars += item.str.length;
    page.cleanup();
  }
  await task.destroy();
  return chars;
}

async function importOnly(path: string): Promise<number> {
  const f = await importFile(path);
  return f.tables.length;
}

async function wholeAudit(path: string): Promise<number> {
  const f = await importFile(path);
  const doc = assembleDocument(path, [f]);
  return auditDocument(doc, catalogFor).findings.length;
}

interface Timing {
  total: number;
  per: number[];
}

async function time(paths: readonly string[], fn: (p: string) => Promise<number>): Promise<Timing> {
  const per: number[] = [];
  const t0 = performance.now();
  for (const p of paths) {
    const t = performance.now();
    await fn(p);
    per.push(performance.now() - t);
  }
  return { total: performance.now() - t0, per };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (x: number, d = 1) => x.toFixed(d).padStart(9);

async function main(): Promise<void> {
  const { n, batch, rounds } = options();
  const started = performance.now();
  console.log(`bench:audit — Node ${process.version}, ${os.cpus().length} CPUs; ${n} generated departments, batch ${batch}`);
  const dir = mkdtempSync(join(os.tmpdir(), "yusuan-bench-audit-"));
  try {
    // render once
    warmUpPdf();
    const pdfs: string[] = [];
    const texts: string[] = [];
    let pages = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const budget = generateBudget(1000 + i, TYPICAL);
      const d = deriveDisclosure(budget, catalogFor(budget.year)!, { kind: "department" }, i % 4 === 3 ? "central9" : "henan13");
      const pdf = await renderPdf(d);
      const p = join(dir, `d${i}.pdf`);
      writeFileSync(p, pdf);
      pdfs.push(p);
      const t = join(dir, `d${i}.txt`);
      writeFileSync(t, renderText(d));
      texts.push(t);
    }
    for (const p of pdfs) {
      const task = lib.getDocument({ data: new Uint8Array(readFileSync(p)), verbosity: 0 });
      pages += (await task.promise).numPages;
      await task.destroy();
    }
    console.log(
      `rendered ${n} PDFs (${pages} pages, ${(pages / n).toFixed(1)} a document) and texts in ${((performance.now() - t0) / 1000).toFixed(1)} s; RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB (Typst's fonts and layout cache included)\n`,
    );

    // warm-up
    for (const p of pdfs.slice(0, 3)) {
      await bareExtraction(p);
      await wholeAudit(p);
    }
    await wholeAudit(texts[0]!);

    const best: Record<string, Timing> = {};
    const keep = (name: string, t: Timing) => {
      if (!best[name] || t.total < best[name]!.total) best[name] = t;
    };
    for (let r = 0; r < rounds; r++) {
      keep("bare", await time(pdfs, bareExtraction));
      keep("import", await time(pdfs, importOnly));
      keep("audit", await time(pdfs, wholeAudit));
      keep("text", await time(texts, wholeAudit));
    }
    const rows: [string, string, Timing, number][] = [
      ["pdf", "bare text extraction (pdfjs getTextContent)", best.bare!, pages],
      ["pdf", "import (importFile)", best.import!, pages],
      ["pdf", "whole audit (import + assemble + auditDocument)", best.audit!, pages],
      ["text", "whole audit of the text renderings", best.text!, 0],
    ];
    console.log(`${"".padEnd(52)}${"docs/s".padStart(9)}${"pages/s".padStart(9)}${"ms/doc".padStart(9)}${"median".padStart(9)}`);
    for (const [, label, t, pg] of rows) {
      console.log(`${label.padEnd(52)}${fmt((n * 1000) / t.total)}${pg ? fmt((pg * 1000) / t.total, 0) : "        –"}${fmt(t.total / n)}${fmt(median(t.per))}`);
    }
    const ratio = best.audit!.total / best.bare!.total;
    const importRatio = best.import!.total / best.bare!.total;
    console.log(`\nratio to bare extraction: import ${importRatio.toFixed(2)}×, whole audit ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? "OK" : "ABOVE TARGET"}`);

    // memory over a batch
    let peak = 0;
    let at100 = 0;
    const b0 = performance.now();
    for (let i = 0; i < batch; i++) {
      await wholeAudit(pdfs[i % pdfs.length]!);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (i === Math.min(99, batch - 1)) at100 = peak;
    }
    const batchSeconds = (performance.now() - b0) / 1000;
    console.log(
      `memory: peak RSS ${(at100 / MB).toFixed(0)} MB after ${Math.min(100, batch)} documents, ${(peak / MB).toFixed(0)} MB after ${batch} (ratio ${(peak / at100).toFixed(2)}); batch ${batchSeconds.toFixed(1)} s, ${(batch / batchSeconds).toFixed(1)} docs/s`,
    );
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
