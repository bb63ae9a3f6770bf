/**
 * docs/images — pictures of the sample (examples/luolong-shequ-2021) rendered in every disclosure template: for
 * each template the first page of its first table (and the cover, once), as PNG at 60 dpi (pdftoppm, Debian's
 * poppler-utils). `npm run docs:images`; `--out <dir>` writes elsewhere (to look before replacing).
 *
 * The PDF embeds its own Noto subset, so the pictures do not depend on the machine's fonts; look at them before
 * committing all the same (a picture of boxes means the PDF lost its font).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveDisclosure } from "../src/core/disclosure.ts";
import { DEFAULT_TEMPLATE_ID, TEMPLATES, tableTitle } from "../src/core/templates/index.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { renderPdf } from "../src/formats/pdf.ts";

const SAMPLE = "examples/luolong-shequ-2021";
const DPI = "60";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The pages of a PDF, as text, one string per page (pdftotext, page by page). */
function pageTexts(pdf: string): string[] {
  const all = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return all.split("\f");
}

async function main(): Promise<void> {
  const out = resolve(arg("--out") ?? "docs/images");
  mkdirSync(out, { recursive: true });
  const { budget } = await readBudget(SAMPLE);
  const catalog = new CatalogIndex(builtInCatalog(budget.year)!);
  const work = mkdtempSync(join(tmpdir(), "yusuan-doc-images-"));
  try {
    for (const template of TEMPLATES) {
      const d = deriveDisclosure(budget, catalog, { kind: "department" }, template.id);
      const pdf = join(work, `${template.id}.pdf`);
      writeFileSync(pdf, await renderPdf(d));
      const pages = pageTexts(pdf);
      // the first table's page: the first page after the cover that prints its title (the contents list it too)
      const title = tableTitle(template.tables[0]!, "department", budget.year).replace(/\s/g, "");
      const titled = pages.map((p, i) => ({ i, has: p.replace(/\s/g, "").includes(title) })).filter((p) => p.has && p.i > 0);
      const tablePage = (titled[1] ?? titled[0])?.i;
      // the cover is the same in every template: once, from the default one
      const wanted: [string, number][] = [...(template.id === DEFAULT_TEMPLATE_ID ? [["cover", 0] as [string, number]] : []), ...(tablePage !== undefined ? [["t1", tablePage] as [string, number]] : [])];
      for (const [name, index] of wanted) {
        const page = String(index + 1);
        const prefix = join(out, `${template.id}-${name}`);
        execFileSync("pdftoppm", ["-r", DPI, "-png", "-singlefile", "-f", page, "-l", page, pdf, prefix]);
        console.log(`${prefix}.png  (${template.shortName}, page ${page})`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
