/**
 * Derivation benchmark: `npm run bench [-- --n 1000,10000] [-- --quick]`.
 *
 * Generates departments of realistic size one at a time (2–10 units, 50–400 line items, 5–60 projects,
 * see test/support/generate.ts) and times two derivations of each, separately: the department's own
 * disclosure (`deriveDisclosure`) and the department's plus every unit's (`deriveAll`). Results are
 * dropped, so memory must stay flat in N. Only the derivation is timed; generation is excluded.
 * Memory (RSS and V8 heap) is sampled every 100 departments; the peak heap of the largest N against the
 * smallest shows whether memory is flat. Target: ≥ 2,000 departments/s on one core for the department
 * disclosure; the deriveAll rate is reported against the same figure.
 */
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveAll, deriveDisclosure } from "../src/core/disclosure.ts";
import { generateBudget } from "../test/support/generate.ts";
import { benchArgs, positiveInts } from "./args.ts";

const TARGET_PER_SECOND = 2000;
const SAMPLE_EVERY = 100;
/**
 * Memory is flat when the heap retained after a full GC at the end of the largest run is within this
 * many MB of the smallest run's (peaks also hold garbage not yet collected, so they move with GC timing).
 */
const FLAT_RETAINED_MB = 4;

interface Options {
  ns: number[];
  warmup: number;
  quick: boolean;
}

function options(): Options {
  const values = benchArgs({ strings: ["n"], flags: ["quick"] });
  const quick = values.quick === true;
  return { ns: positiveInts(values, "n", quick ? [200, 1000] : [1000, 10_000]), warmup: quick ? 100 : 300, quick };
}

/** A full GC between runs (so each N starts from the same heap), when V8 lets us have one. */
function makeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as unknown;
    if (typeof gc === "function") return () => (gc as () => void)();
  } catch {
    // fall through: no forced GC
  }
  return undefined;
}

interface Result {
  n: number;
  /** time in `deriveAll` (department + every unit) */
  deriveMs: number;
  /** time in `deriveDisclosure` (the department's disclosure only) */
  disclosureMs: number;
  /** CPU time (user + system, this process) of the same calls: what they cost when other work shares the cores */
  deriveCpuMs: number;
  disclosureCpuMs: number;
  generateMs: number;
  lineItems: number;
  units: number;
  disclosures: number;
  peakRss: number;
  peakHeap: number;
  startHeap: number;
  /** heap used after a full GC once the run is over: what the run left behind */
  endHeap: number;
}

const catalog = new CatalogIndex(builtInCatalog(2021)!);
const forcedGc = makeGc();
const gcAvailable = forcedGc !== undefined;
const gc = forcedGc ?? (() => {});
/** Something derived from each result, so the work cannot be optimised away. */
let sink = 0;

function run(n: number, seedBase: number): Result {
  gc();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  let deriveNs = 0n;
  let disclosureNs = 0n;
  let generateNs = 0n;
  let disclosureCpuUs = 0;
  let deriveCpuUs = 0;
  let lineItems = 0;
  let units = 0;
  let disclosures = 0;
  for (let i = 0; i < n; i++) {
    const g0 = process.hrtime.bigint();
    const budget = generateBudget(seedBase + i);
    const c1 = process.cpuUsage();
    const g1 = process.hrtime.bigint();
    const own = deriveDisclosure(budget, catalog);
    const g2 = process.hrtime.bigint();
    const c2 = process.cpuUsage(c1);
    const c3 = process.cpuUsage();
    const g3 = process.hrtime.bigint();
    const all = deriveAll(budget, catalog);
    const g4 = process.hrtime.bigint();
    const c4 = process.cpuUsage(c3);
    generateNs += g1 - g0;
    disclosureNs += g2 - g1;
    deriveNs += g4 - g3;
    disclosureCpuUs += c2.user + c2.system;
    deriveCpuUs += c4.user + c4.system;
    lineItems += budget.lineItems.length;
    units += budget.units.length;
    disclosures += all.length;
    sink = (sink + own.tables.length + all[0]!.tables.length + all[all.length - 1]!.narrative.parts.length) % 1_000_003;
    if ((i + 1) % SAMPLE_EVERY === 0 || i === n - 1) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
  }
  gc();
  const endHeap = process.memoryUsage().heapUsed;
  return {
    n,
    deriveMs: Number(deriveNs) / 1e6,
    disclosureMs: Number(disclosureNs) / 1e6,
    deriveCpuMs: deriveCpuUs / 1000,
    disclosureCpuMs: disclosureCpuUs / 1000,
    generateMs: Number(generateNs) / 1e6,
    lineItems,
    units,
    disclosures,
    peakRss,
    peakHeap,
    startHeap: start.heapUsed,
    endHeap,
  };
}

/** "load average 0.12 on 2 cores": how busy the machine was (other work makes wall-clock rates lower than CPU-time ones). */
function load(): string {
  return `load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`;
}

const perSecond = (n: number, ms: number) => n / (ms / 1000);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function main(): void {
  const opts = options();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`Yusuan derivation benchmark — node ${process.version}, ${cpu}, ${os.cpus().length} logical cores (runs on one)`);
  console.log(`departments: generated one at a time (2–10 units, 50–400 line items, 5–60 projects)`);
  console.log(`each timed twice, separately: disclosure = the department's own (deriveDisclosure); deriveAll = department + every unit`);
  console.log(`timing: derivation only (generation excluded), wall clock and CPU time; memory sampled every ${SAMPLE_EVERY} departments${opts.quick ? "; --quick" : ""}`);
  console.log(`machine at start: ${load()}\n`);

  const w0 = performance.now();
  run(opts.warmup, 1_000_000_000);
  console.log(`warm-up: ${opts.warmup} departments in ${((performance.now() - w0) / 1000).toFixed(1)} s\n`);

  const results: Result[] = [];
  for (const n of opts.ns) {
    const t0 = performance.now();
    const r = run(n, 0);
    results.push(r);
    console.log(
      `N=${n}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s (disclosure ${(r.disclosureMs / 1000).toFixed(1)} s, deriveAll ${(r.deriveMs / 1000).toFixed(1)} s, generate ${(r.generateMs / 1000).toFixed(1)} s)`,
    );
  }

  console.log("");
  console.log(
    table(
      ["N", "disclosure dept/s", "ms/dept", "CPU dept/s", "deriveAll dept/s", "ms/dept", "CPU dept/s", "line items/dept", "units/dept", "disclosures", "peak RSS MB", "peak heap MB", "heap start→end MB"],
      results.map((r) => [
        String(r.n),
        perSecond(r.n, r.disclosureMs).toFixed(0),
        (r.disclosureMs / r.n).toFixed(3),
        perSecond(r.n, r.disclosureCpuMs).toFixed(0),
        perSecond(r.n, r.deriveMs).toFixed(0),
        (r.deriveMs / r.n).toFixed(3),
        perSecond(r.n, r.deriveCpuMs).toFixed(0),
        (r.lineItems / r.n).toFixed(1),
        (r.units / r.n).toFixed(2),
        String(r.disclosures),
        mb(r.peakRss),
        mb(r.peakHeap),
        `${mb(r.startHeap)}→${mb(r.endHeap)}`,
      ]),
    ),
  );
  console.log("");

  const smallest = results.reduce((a, b) => (b.n < a.n ? b : a));
  const largest = results.reduce((a, b) => (b.n > a.n ? b : a));
  if (largest !== smallest) {
    const ratio = largest.peakHeap / smallest.peakHeap;
    const retainedGrowth = (largest.endHeap - largest.startHeap - (smallest.endHeap - smallest.startHeap)) / 1024 / 1024;
    const flat = gcAvailable ? retainedGrowth <= FLAT_RETAINED_MB : ratio <= 1.5;
    console.log(`memory flatness: peak heap at N=${largest.n} / at N=${smallest.n} = ${ratio.toFixed(2)} (${mb(largest.peakHeap)} MB / ${mb(smallest.peakHeap)} MB)`);
    console.log(
      gcAvailable
        ? `                 heap retained after GC: ${mb(largest.endHeap - largest.startHeap)} MB at N=${largest.n} vs ${mb(smallest.endHeap - smallest.startHeap)} MB at N=${smallest.n} — ${flat ? "flat" : "GROWING"}`
        : `                 (no forced GC available: judged on the peak ratio ≤ 1.5) — ${flat ? "flat" : "GROWING"}`,
    );
  }
  const verdict = (rate: number) => `${rate >= TARGET_PER_SECOND ? "MET" : "NOT MET"} (${rate.toFixed(0)} departments/s at N=${largest.n}, ${(rate / TARGET_PER_SECOND).toFixed(2)}× the target)`;
  const check = (label: string, ms: number, cpuMs: number) =>
    `  ${label}: ${verdict(perSecond(largest.n, ms))}\n  ${" ".repeat(label.length)}  on CPU time: ${verdict(perSecond(largest.n, cpuMs))}`;
  console.log(`target ≥ ${TARGET_PER_SECOND} departments/s on one core (wall clock; CPU time below it — they differ when other work shares the machine, ${load()} at the end):`);
  console.log(check("department disclosure (deriveDisclosure)", largest.disclosureMs, largest.disclosureCpuMs));
  console.log(check("department + every unit (deriveAll)    ", largest.deriveMs, largest.deriveCpuMs));
  if (sink < 0) console.log(sink); // keeps `sink` observable
}

main();
