/**
 * The standalone HTML printed from Chromium (playwright-core, /usr/bin/chromium as the e2e tests use it):
 * it carries its own fonts (subsets of the PDF's Noto Serif SC / Noto Sans SC, embedded as data), so the
 * printout uses them on a machine without any CJK font; and each table takes as many pages as in the PDF.
 */
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { renderHtml } from "../src/formats/html.ts";
import { renderPdf } from "../src/formats/pdf.ts";
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from "./e2e/support.ts";
import { generateBudget } from "./support/generate.ts";
import { readGeometry, textLines } from "./support/pdf-geometry.ts";

const squash = (s: string) => s.replace(/\s+/g, "");

async function printHtml(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}

/** Pages each table takes: from the page its title heads to the page the next table's title heads (or the end). */
async function tablePages(pdf: Uint8Array, d: Disclosure): Promise<number[]> {
  const pages = await readGeometry(pdf);
  const first = pages.map((p) => squash(textLines(p)[0] ?? ""));
  const starts = d.tables.map((t) => first.indexOf(squash(t.title)));
  expect(starts.every((s) => s > 0), "every table's title heads a page").toBe(true);
  return starts.map((s, i) => (i + 1 < starts.length ? starts[i + 1]! : pages.length) - s);
}

async function sample(): Promise<Disclosure> {
  const { budget } = await readBudget("examples/luolong-shequ-2021");
  return deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!))[0]!;
}

describe.skipIf(!HAS_CHROMIUM)("the HTML printed from Chromium", () => {
  it("embeds subsets of the PDF's fonts and prints with them", async () => {
    const d = await sample();
    const html = renderHtml(d);
    const faces = [...html.matchAll(/@font-face \{ font-family: "([^"]+)"; font-weight: (\d+);[^}]*base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.map((f) => `${f[1]} ${f[2]}`).sort()).toEqual(["Noto Sans SC 400", "Noto Sans SC 700", "Noto Serif SC 400", "Noto Serif SC 700"]);
    // subsets: a few hundred kB, not the 10–15 MB of the whole fonts
    for (const f of faces) expect(Buffer.from(f[3]!, "base64").byteLength).toBeLessThan(600_000);
    const printed = Buffer.from(await printHtml(html)).toString("latin1");
    const fonts = new Set([...printed.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)/g)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(expect.arrayContaining(["NotoSansSC-Bold", "NotoSerifSC-Regular"]));
    expect([...fonts].filter((f) => !/^NotoS(ans|erif)SC-/.test(f!)), "no other font").toEqual([]);
  }, 120_000);

  it.each([["the 2021 sample", 0], ["a generated department", 17]] as const)("%s: each table takes the PDF's number of pages", async (_, seed) => {
    let d: Disclosure;
    if (seed === 0) d = await sample();
    else {
      const budget = generateBudget(seed, { units: [2, 4], lineItems: [60, 200], projects: [8, 24] });
      d = deriveAll(budget, new CatalogIndex(builtInCatalog(budget.year)!))[0]!;
    }
    const [html, pdf] = await Promise.all([printHtml(renderHtml(d)), renderPdf(d)]);
    expect(await tablePages(html, d)).toEqual(await tablePages(pdf, d));
  }, 180_000);
});
