/**
 * Benchmark: reading a 400-line Excel entry workbook (the sample's lines repeated with varied amounts),
 * through the whole path a command takes: zip check, exceljs load, cells → budget file, schema, model.
 * Run alone with `npx tsx bench/entry-workbook.ts`, or call `benchEntryWorkbook()` from the bench runner.
 */
import { pathToFileURL } from "node:url";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import type { Budget } from "../src/core/model.ts";
import { fen } from "../src/core/money.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { parseEntryWorkbook, writeEntryWorkbook } from "../src/formats/entry-workbook/index.ts";

export interface EntryWorkbookBench {
  lines: number;
  bytes: number;
  runs: number;
  /** median milliseconds per read */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** highest V8 heap in use seen during the timed reads, MB */
  peakHeapMB: number;
  /** the process's peak resident set size so far, MB */
  peakRssMB: number;
}

/** The sample with its line items repeated to `lines`, each repeat's amounts varied by a few 分. */
export function budgetWithLines(sample: Budget, lines: number): Budget {
  const base = sample.lineItems;
  return {
    ...sample,
    lineItems: Array.from({ length: lines }, (_, i) => {
      const l = base[i % base.length]!;
      return { ...l, amount: fen(l.amount + (i % 97) * 101 + Math.floor(i / base.length)) };
    }),
  };
}

export async function benchEntryWorkbook(opts: { lines?: number; runs?: number; warmup?: number } = {}): Promise<EntryWorkbookBench> {
  const { lines = 400, runs = 20, warmup = 3 } = opts;
  const catalog = builtInCatalog(2021)!;
  const { budget: sample } = await readBudget("examples/luolong-shequ-2021");
  const bytes = await writeEntryWorkbook(budgetWithLines(sample, lines), catalog);

  for (let i = 0; i < warmup; i++) await parseEntryWorkbook(bytes, "bench.xlsx");

  let peakHeap = 0;
  const sample_ = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const timer = setInterval(sample_, 2);
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const b = await parseEntryWorkbook(bytes, "bench.xlsx");
      times.push(performance.now() - t0);
      sample_();
      if (b.lineItems.length !== lines) throw new Error(`read ${b.lineItems.length} lines, expected ${lines}`);
    }
  } finally {
    clearInterval(timer);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return {
    lines,
    bytes: bytes.byteLength,
    runs,
    medianMs: median,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    peakHeapMB: peakHeap / 1048576,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

export function formatEntryWorkbookBench(r: EntryWorkbookBench): string {
  return (
    `entry workbook read: ${r.lines} lines (${(r.bytes / 1024).toFixed(0)} KB): ` +
    `${r.medianMs.toFixed(1)} ms median of ${r.runs} (min ${r.minMs.toFixed(1)}, max ${r.maxMs.toFixed(1)}), ` +
    `peak heap ${r.peakHeapMB.toFixed(0)} MB, peak RSS ${r.peakRssMB.toFixed(0)} MB`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatEntryWorkbookBench(await benchEntryWorkbook()));
}
