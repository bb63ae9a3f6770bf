/**
 * The PDF of the 2021 sample read back with poppler (pdftotext, pdffonts, pdfinfo): every table title and
 * every printed amount of every table is there as text, on that table's pages; the narrative and the
 * cover are there; the fonts are Noto Serif SC / Noto Sans SC, embedded; wide tables sit on landscape
 * pages. Text that would be Typst markup prints literally.
 *
 * Needs poppler-utils (`apt-get install -y poppler-utils`; .ci/run installs it). Without pdftotext the
 * suite is skipped with a message rather than failed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import { type Fen, formatWanYuanGrouped } from "../src/core/money.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { renderPdf } from "../src/formats/pdf.ts";

const poppler = spawnSync("pdftotext", ["-v"]).error === undefined;
if (!poppler) console.warn("test/pdf.test.ts skipped: pdftotext not found — install poppler-utils (apt-get install -y poppler-utils)");

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** Text without any whitespace (pdftotext spaces out justified lines and CJK/Latin boundaries). */
const squash = (s: string) => s.replace(/[\s\u2060]+/g, "");

/** Every amount as printed (1,234.56, standing alone: not part of 23.7173万户) in a text, counted. */
function amountsOn(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\d.,])-?\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

describe.skipIf(!poppler)("PDF of the 2021 sample (pdftotext)", () => {
  let dir: string;
  let department: Disclosure;
  let unit: Disclosure;
  let file: string;
  /** pdftotext -layout, one string per page; and -raw (content order: a wrapped cell's lines stay together) */
  let pages: string[];
  let rawPages: string[];
  let all: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "yusuan-pdf-"));
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    [department, unit] = deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!)) as [Disclosure, Disclosure];
    file = join(dir, "department.pdf");
    writeFileSync(file, await renderPdf(department));
    pages = run("pdftotext", ["-layout", file, "-"]).split("\f");
    if (pages.at(-1)?.trim() === "") pages.pop();
    rawPages = run("pdftotext", ["-raw", file, "-"]).split("\f").slice(0, pages.length);
    all = squash(pages.join("\n"));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("has a cover, contents and a plausible number of pages", () => {
    // the sample's cover says what it is: rebuilt from the published document, with the corrections listed
    expect(squash(pages[0]!)).toBe(squash(`${department.scope.name} 2021年度部门预算 ${department.provenance} 2021年2月`));
    expect(department.provenance).toContain("ASSUMPTIONS.md");
    expect(squash(pages[1]!)).toContain("目录");
    for (const t of department.tables) expect(squash(pages[1]!)).toContain(squash(t.title));
    // cover + contents + the narrative (≥ 4 pages) + 13 tables (t12 and t13 run over pages)
    expect(pages.length).toBeGreaterThanOrEqual(2 + 4 + 13);
    expect(pages.length).toBeLessThanOrEqual(40);
  });

  it("prints the three parts, every section title and every paragraph", () => {
    for (const p of department.narrative.parts) {
      expect(all).toContain(squash(p.title));
      for (const s of p.sections) {
        expect(all).toContain(squash(s.title));
        for (const para of s.paragraphs) expect(all).toContain(squash(para));
      }
    }
    expect(all).toContain("收、支总计各增加1599.88万元，增长63.54%");
    expect(all).toContain("其中：基本支出182.88万元，占4.44%；项目支出3935.03万元，占95.56%");
  });

  it("prints every table's title, unit line and note, and every amount on that table's pages", () => {
    // the page each table starts on: the first page after the contents whose text begins with its title
    const starts = department.tables.map((t) => pages.findIndex((p, i) => i > 1 && squash(p).startsWith(squash(t.title))));
    expect(starts.every((s) => s > 1), `table pages ${starts.join(",")}`).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    department.tables.forEach((t, i) => {
      const text = pages.slice(starts[i]!, starts[i + 1] ?? pages.length).join("\n");
      expect(squash(text)).toContain(squash(`单位名称：${t.unitName}`));
      expect(squash(text)).toContain("单位：万元");
      if (t.note) expect(squash(text)).toContain(squash(`说明：${t.note}`));
      const want = new Map<string, number>();
      for (const row of t.rows) {
        for (const c of row.cells) {
          if (typeof c === "number") {
            const s = formatWanYuanGrouped(c as Fen);
            want.set(s, (want.get(s) ?? 0) + 1);
          }
        }
      }
      const got = amountsOn(text);
      for (const [amount, n] of want) expect(got.get(amount) ?? 0, `${t.id} ${t.title}: ${amount} printed ${n}×`).toBeGreaterThanOrEqual(n);
      // nothing printed that the table does not hold
      for (const amount of got.keys()) expect(want.has(amount), `${t.id}: unexpected ${amount}`).toBe(true);
      // header cells come through as text too (read in content order: wrapped headers stay whole)
      const raw = squash(rawPages.slice(starts[i]!, starts[i + 1] ?? pages.length).join("\n"));
      for (const row of t.header) for (const h of row) expect(raw, t.id).toContain(squash(h.text));
    });
  });

  it("embeds and subsets Noto Serif SC and Noto Sans SC, and no other font", () => {
    const lines = run("pdffonts", [file]).split("\n").slice(2).filter((l) => l.trim() !== "");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const names = lines.map((l) => l.split(/\s+/)[0]!);
    for (const n of names) expect(n).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-/);
    expect(names.some((n) => n.includes("NotoSerifSC"))).toBe(true);
    expect(names.some((n) => n.includes("NotoSansSC"))).toBe(true);
    // columns: name type encoding emb sub uni object ID — emb and sub are "yes"
    for (const l of lines) expect(l).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  });

  it("sets tables wider than 7 columns on landscape pages, the others portrait", () => {
    const info = run("pdfinfo", ["-f", "1", "-l", String(pages.length), file]);
    const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ page: Number(m[1]) - 1, w: Number(m[2]), h: Number(m[3]) }));
    expect(sizes).toHaveLength(pages.length);
    for (const t of department.tables) {
      const page = pages.findIndex((p, i) => i > 1 && squash(p).startsWith(squash(t.title)));
      const s = sizes[page]!;
      expect(s.w > s.h, `${t.id} (${t.columns.length} columns) landscape`).toBe(t.columns.length > 7);
    }
    expect(sizes[0]!.w).toBeCloseTo(595.28, 0);
  });

  it("renders a unit's disclosure (单位预算) too", async () => {
    const f = join(dir, "unit.pdf");
    writeFileSync(f, await renderPdf(unit));
    const text = squash(run("pdftotext", [f, "-"]));
    expect(text).toContain("2021年度单位预算");
    for (const t of unit.tables) expect(text).toContain(squash(t.title));
  });

  it("prints 草稿 未经审核 at the top of every page of a draft, and nowhere in a final document", async () => {
    const f = join(dir, "draft.pdf");
    writeFileSync(f, await renderPdf({ ...department, draft: true }));
    const draftPages = run("pdftotext", ["-layout", f, "-"]).split("\f").filter((p) => p.trim() !== "");
    expect(draftPages).toHaveLength(pages.length);
    for (const p of draftPages) expect(p.trim().split("\n")[0]!.trim()).toBe("草稿 未经审核");
    expect(all).not.toContain("草稿");
  });

  it("prints text that looks like Typst markup literally", async () => {
    const evil = "#set page(width: 1cm) $x^2$ *b* _i_ `raw` <lbl> @ref [a] \\ / // 注释 /* c */ #{1+1} 洛龙";
    const d = structuredClone(department);
    d.scope.name = evil;
    d.tables[0]!.unitName = evil;
    d.narrative.parts[0]!.sections[0]!.paragraphs = [evil];
    const f = join(dir, "evil.pdf");
    writeFileSync(f, await renderPdf(d));
    const text = squash(run("pdftotext", [f, "-"]));
    expect(text).toContain(squash(evil));
    expect(text).toContain(squash(`单位名称：${evil}`));
  });
});
