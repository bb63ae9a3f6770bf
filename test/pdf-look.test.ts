/**
 * The PDF's look, measured with pdfjs (glyph runs and stroked rules with their positions) over the 2021
 * sample and generated budgets: no table rule comes within 1 pt of a glyph (so 二十二 never reads as 三十三);
 * no page but the cover and the 附件 divider holds two lines of text or fewer; the divider comes right
 * before the first table.
 */
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { renderPdf } from "../src/formats/pdf.ts";
import { generateBudget } from "./support/generate.ts";
import { type PageGeometry, readGeometry, ruleGaps, textLines } from "./support/pdf-geometry.ts";

const squash = (s: string) => s.replace(/\s+/g, "");

async function sample(): Promise<Disclosure[]> {
  const { budget } = await readBudget("examples/luolong-shequ-2021");
  return deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!));
}

function generated(seed: number): Disclosure {
  const budget = generateBudget(seed, { units: [1, 4], lineItems: [20, 160], projects: [3, 24] });
  return deriveAll(budget, new CatalogIndex(builtInCatalog(budget.year)!))[0]!;
}

/** What the look tests check on one document; returns the pages for more checks. */
async function checkLook(d: Disclosure): Promise<PageGeometry[]> {
  const pages = await readGeometry(await renderPdf(d));
  const divider = squash(`附件${d.scope.name}`);
  const dividerAt = pages.findIndex((p) => squash(textLines(p).join("")).startsWith(divider));
  expect(dividerAt, "a 附件 divider page").toBeGreaterThan(1);
  // the divider comes right before the first table, whose title is the next page's first line
  expect(squash(textLines(pages[dividerAt + 1]!)[0] ?? "")).toBe(squash(d.tables[0]!.title));

  const close = pages.flatMap((p) => ruleGaps(p)).filter((g) => g.gap < 1);
  expect(close, "glyph runs closer than 1 pt to a table rule").toEqual([]);
  // every table page has rules near its text (the measurement sees the tables at all)
  expect(pages.slice(dividerAt + 1).every((p) => ruleGaps(p).length > 0)).toBe(true);

  const sparse = pages
    .filter((p, i) => i !== 0 && i !== dividerAt)
    .map((p) => ({ page: p.page, lines: textLines(p) }))
    .filter((p) => p.lines.length <= 2);
  expect(sparse, "pages holding two lines of text or fewer").toEqual([]);
  return pages;
}

describe("the PDF's look (pdfjs positions)", () => {
  it("the 2021 sample: rules clear of glyphs, no stray page, a 附件 divider", async () => {
    const [department, unit] = await sample();
    const pages = await checkLook(department!);
    // table 4 is set with room for its 34 rows (二十二、粮油物资储备支出 clear of the rules) on one page
    const t04 = pages.filter((p) => p.glyphs.some((g) => g.text.includes("二十二、粮油物资储备")));
    expect(t04).toHaveLength(1);
    const row = t04[0]!.glyphs.find((g) => g.text.includes("二十二、粮油物资储备"))!;
    expect(Math.min(...ruleGaps({ ...t04[0]!, glyphs: [row] }).map((g) => g.gap))).toBeGreaterThanOrEqual(1);
    await checkLook(unit!);
  }, 120_000);

  it.each([11, 23, 37])("a generated department (seed %i)", async (seed) => {
    await checkLook(generated(seed));
  }, 120_000);
});
