/**
 * Publication benchmark: `npm run bench:formats [-- --n 1000] [-- --quick] [-- --formats pdf,xlsx] [-- --template id]`
 * (the disclosure template, default henan13).
 *
 * Times the PDF renderer (src/formats/pdf.ts) and, when src/formats/xlsx.ts exports `renderXlsx`, the
 * XLSX renderer, after a warm-up (fonts loaded, Typst and exceljs code paths hot):
 *   1. the 2021 sample (examples/luolong-shequ-2021), its name changed on every run so that Typst lays
 *      every table out afresh instead of reusing the previous run's layout;
 *   2. generated departments (test/support/generate.ts) of typical size (1–4 units, 20–120 line items,
 *      3–20 projects, like the sample) and of large size (2–10 units, 50–400 line items, 5–60 projects);
 *   3. a batch of N typical departments (default 1,000) rendered one after another, every format each,
 *      results dropped: peak RSS after 100 and after N departments and their ratio (memory must stay
 *      flat in the batch size).
 * Targets on this machine, per typical department after warm-up: xlsx < 100 ms, pdf < 300 ms (median).
 * Only rendering is timed (generation and derivation are not). Memory is the process RSS (Typst's
 * memory is native, outside the V8 heap), sampled after every render.
 */
import os from "node:os";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveDisclosure } from "../src/core/disclosure.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { DEFAULT_TEMPLATE_ID } from "../src/core/templates/index.ts";
import { renderPdf, warmUpPdf } from "../src/formats/pdf.ts";
import { type GenerateSize, generateBudget } from "../test/support/generate.ts";
import { benchArgs, positiveInt, words } from "./args.ts";

type Render = (d: Disclosure) => Promise<Uint8Array> | Uint8Array;

const TARGET_MS: Record<string, number> = { xlsx: 100, pdf: 300 };
const TYPICAL: GenerateSize = { units: [1, 4], lineItems: [20, 120], projects: [3, 20] };
const LARGE: GenerateSize = { units: [2, 10], lineItems: [50, 400], projects: [5, 60] };

interface Options {
  n: number;
  each: number;
  formats: string[];
  /** 公开模板 id the departments are drawn in */
  template: string;
}

const DEPARTMENT = { kind: "department" } as const;
/** The template of this run (--template), set once from the options. */
let TEMPLATE: string = DEFAULT_TEMPLATE_ID;

function options(): Options {
  const values = benchArgs({ strings: ["n", "formats", "template"], flags: ["quick"] });
  const quick = values.quick === true;
  return { n: positiveInt(values, "n", quick ? 200 : 1000), each: quick ? 8 : 20, formats: words(values, "formats", ["pdf", "xlsx"]), template: typeof values.template === "string" ? values.template : DEFAULT_TEMPLATE_ID };
}

async function loadRenderers(wanted: string[]): Promise<Map<string, Render>> {
  const out = new Map<string, Render>();
  if (wanted.includes("pdf")) out.set("pdf", renderPdf);
  if (wanted.includes("xlsx")) {
    // optional: another session writes the XLSX renderer; skip it when it is not there (yet)
    const path = "../src/formats/xlsx.ts";
    try {
      const mod = (await import(path)) as { renderXlsx?: Render };
      if (typeof mod.renderXlsx === "function") out.set("xlsx", mod.renderXlsx);
      else console.log("xlsx: src/formats/xlsx.ts does not export renderXlsx — skipped");
    } catch (e) {
      console.log(`xlsx: src/formats/xlsx.ts not loadable — skipped (${(e as Error).message.split("\n")[0]})`);
    }
  }
  return out;
}

const catalog = new CatalogIndex(builtInCatalog(2021)!);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
let peakRss = 0;
const sampleRss = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  return rss;
};
/** Something from every output, so no render can be optimised away. */
let sink = 0;

async function time(render: Render, d: Disclosure): Promise<number> {
  const t0 = performance.now();
  const out = await render(d);
  const ms = performance.now() - t0;
  sink = (sink + out.byteLength) % 1_000_003;
  sampleRss();
  return ms;
}

interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
  peakRss: number;
}

function stats(ms: number[], peak: number): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, peakRss: peak };
}

/** The sample with its name changed, so that no table repeats a layout Typst has seen. */
function variant(d: Disclosure, i: number): Disclosure {
  const name = `${d.scope.name}（${i}）`;
  return { ...d, scope: { ...d.scope, name }, title: `${name}${d.year}年度部门预算`, tables: d.tables.map((t) => ({ ...t, unitName: name })) };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + " ".repeat(w - width(s)) : " ".repeat(w - width(s)) + s);
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i < 2)).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

async function main(): Promise<void> {
  const opts = options();
  TEMPLATE = opts.template;
  const renderers = await loadRenderers(opts.formats);
  if (renderers.size === 0) {
    console.error("nothing to benchmark");
    process.exit(2);
  }
  console.log(`Yusuan publication benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} logical cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`formats: ${[...renderers.keys()].join(", ")}; ${opts.each} departments per kind; batch of ${opts.n}\n`);

  // warm-up: fonts, Typst, exceljs
  const w0 = performance.now();
  const { budget: sampleBudget } = await readBudget("examples/luolong-shequ-2021");
  const sample = deriveDisclosure(sampleBudget, catalog, DEPARTMENT, TEMPLATE);
  warmUpPdf();
  for (let i = 0; i < 3; i++) for (const r of renderers.values()) await r(variant(sample, 1000 + i));
  for (let i = 0; i < 2; i++) for (const r of renderers.values()) await r(deriveDisclosure(generateBudget(900_000 + i, TYPICAL), catalog, DEPARTMENT, TEMPLATE));
  console.log(`warm-up: ${((performance.now() - w0) / 1000).toFixed(1)} s, RSS ${mb(sampleRss())} MB\n`);

  const rows: string[][] = [];
  const typicalMedian = new Map<string, number[]>();
  const phase = async (label: string, disclosures: () => Iterable<Disclosure>, typical: boolean) => {
    for (const [format, render] of renderers) {
      peakRss = process.memoryUsage.rss();
      const ms: number[] = [];
      for (const d of disclosures()) ms.push(await time(render, d));
      const s = stats(ms, peakRss);
      if (typical) typicalMedian.set(format, [...(typicalMedian.get(format) ?? []), s.median]);
      const target = TARGET_MS[format];
      rows.push([
        label,
        format,
        String(s.n),
        s.median.toFixed(0),
        s.p95.toFixed(0),
        s.max.toFixed(0),
        mb(s.peakRss),
        target === undefined ? "" : `< ${target}`,
        target === undefined || !typical ? "" : s.median < target ? "yes" : "NO",
      ]);
    }
  };
  function* gen(size: GenerateSize, base: number): Iterable<Disclosure> {
    for (let i = 0; i < opts.each; i++) yield deriveDisclosure(generateBudget(base + i, size), catalog, DEPARTMENT, TEMPLATE);
  }
  await phase("sample (洛龙区社区治理和服务创新办公室)", function* () {
    for (let i = 0; i < opts.each; i++) yield variant(sample, i);
  }, true);
  await phase("generated, typical size", () => gen(TYPICAL, 1_000), true);
  await phase("generated, large size", () => gen(LARGE, 2_000), false);

  console.log(table(["departments", "format", "n", "median ms", "p95 ms", "max ms", "peak RSS MB", "target", "met"], rows));

  // the batch
  console.log(`\nbatch: ${opts.n} typical departments, ${[...renderers.keys()].join(" + ")} each`);
  const b0 = performance.now();
  peakRss = process.memoryUsage.rss();
  const startRss = peakRss;
  const marks: { n: number; peak: number; seconds: number }[] = [];
  const renderMs = new Map<string, number>([...renderers.keys()].map((f) => [f, 0]));
  const at = [...new Set([Math.min(100, opts.n), opts.n])];
  for (let i = 0; i < opts.n; i++) {
    const d = deriveDisclosure(generateBudget(10_000 + i, TYPICAL), catalog, DEPARTMENT, TEMPLATE);
    for (const [format, render] of renderers) renderMs.set(format, renderMs.get(format)! + (await time(render, d)));
    if (at.includes(i + 1)) marks.push({ n: i + 1, peak: peakRss, seconds: (performance.now() - b0) / 1000 });
    if ((i + 1) % 100 === 0 && i + 1 !== opts.n) process.stdout.write(`  ${i + 1}/${opts.n} (${((performance.now() - b0) / 1000).toFixed(0)} s, RSS ${mb(peakRss)} MB)\n`);
  }
  for (const m of marks) console.log(`  after ${String(m.n).padStart(5)} departments: ${m.seconds.toFixed(1)} s, peak RSS ${mb(m.peak)} MB`);
  const per = [...renderMs].map(([f, ms]) => `${f} ${(ms / opts.n).toFixed(0)} ms`).join(", ");
  console.log(`  mean render time per department: ${per}; RSS at start ${mb(startRss)} MB`);
  if (marks.length === 2) {
    const [first, last] = marks as [(typeof marks)[0], (typeof marks)[0]];
    const ratio = last.peak / first.peak;
    console.log(`  memory flatness: peak RSS at ${last.n} / at ${first.n} = ${ratio.toFixed(2)} — ${ratio <= 1.25 ? "flat" : "GROWING"} (flat: ≤ 1.25)`);
  }

  console.log("\ntargets (median per typical department, sample and generated):");
  for (const [format, medians] of typicalMedian) {
    const target = TARGET_MS[format];
    if (target === undefined) continue;
    const worst = Math.max(...medians);
    console.log(`  ${format}: ${worst < target ? "MET" : "NOT MET"} — ${medians.map((m) => m.toFixed(0)).join(" / ")} ms (target < ${target} ms)`);
  }
  if (sink < 0) console.log(sink);
}

await main();
