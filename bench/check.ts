/**
 * npm run bench (second part): derive + check per department (issue 3: target ≥ 2,000 departments/s on one
 * core), and reading a 400-line Excel entry workbook. Generation is outside the timing.
 *
 * Three timings per department, each of a separate call: `deriveDisclosure` alone, `checkBudget` alone, and
 * `deriveAndCheck` — the combined path, which hands derive's scope and figures to the rules. Each is printed
 * as wall-clock and as CPU time (process.cpuUsage): on a shared machine other work slows the wall clock of
 * this process, while its CPU time is what the work itself costs, so CPU time is the fairer figure (it counts
 * every thread of the process, V8's garbage collector and compiler too, so it can exceed wall time).
 * The departments are timed in rounds (`--rounds`, 5 by default), and each figure is the median round's.
 * Then deriveAndCheck of this checkout is timed against a base commit (compare.ts; `--base <ref>`, default
 * 832bc02; `--no-compare` skips it), both sides bundled alike, with the ratio of their speeds (floor 0.9×).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveAndCheck, deriveDisclosure } from "../src/core/disclosure.ts";
import { checkBudget } from "../src/core/rules/index.ts";
import { parseBudgetText } from "../src/formats/budget-file/read.ts";
import { generateBudget } from "../test/support/generate.ts";
import { benchEntryWorkbook, formatEntryWorkbookBench } from "./entry-workbook.ts";
import { benchArgs, positiveInt } from "./args.ts";
import { DEFAULT_BASE, compareWithBase, formatComparison } from "./compare.ts";

const TARGET_PER_SECOND = 2000;
const args = benchArgs({ strings: ["n", "rounds", "base", "compare-n", "compare-rounds"], flags: ["quick", "no-compare"] });
const quick = args.quick === true;
const n = positiveInt(args, "n", quick ? 300 : 2000);
const catalog = new CatalogIndex(builtInCatalog(2021)!);

/** Wall-clock and CPU milliseconds of one kind of call, summed over the departments. */
interface Timing {
  wall: number;
  cpu: number;
}

/** Times `f` on one budget, adding its wall-clock and CPU time to `t`. */
function timed<T>(t: Timing, f: () => T): T {
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  const out = f();
  const w1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  t.wall += Number(w1 - w0) / 1e6;
  t.cpu += (c1.user + c1.system) / 1000;
  return out;
}

function timeBatch(count: number, seed0: number) {
  const derive: Timing = { wall: 0, cpu: 0 };
  const check: Timing = { wall: 0, cpu: 0 };
  const combined: Timing = { wall: 0, cpu: 0 };
  let findings = 0;
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const budget = generateBudget(seed0 + i);
    lines += budget.lineItems.length;
    timed(derive, () => deriveDisclosure(budget, catalog));
    findings += timed(check, () => checkBudget(budget, catalog)).length;
    timed(combined, () => deriveAndCheck(budget, catalog));
  }
  return { count, derive, check, combined, findings, lines };
}

// Warm-up, other departments: V8 keeps compiling and re-optimising the ~200 functions of derive and check for
// the first few thousand calls (--trace-opt shows it; the per-department time falls from ~2.7 ms in the
// first 500 calls to its steady state after ~3,000). The figures below are the steady state a server or a
// batch check runs in; the sample department is timed after its own warm-up too.
const warmup = quick ? 300 : 1000;
timeBatch(Math.min(warmup, n), 1_000_000);
// The departments are timed in rounds: a burst of other work on a shared machine slows the rounds it falls
// in, so each figure is the median round's (the rounds' spread and the figure of all rounds together are
// printed below the table).
const roundCount = Math.min(positiveInt(args, "rounds", quick ? 3 : 5), n);
const rounds: ReturnType<typeof timeBatch>[] = [];
for (let r = 0, seed = 1; r < roundCount; r++) {
  const size = Math.floor(n / roundCount) + (r < n % roundCount ? 1 : 0);
  rounds.push(timeBatch(size, seed));
  seed += size;
}
const sizes = rounds.map((r) => r.count);
const findings = rounds.reduce((a, r) => a + r.findings, 0);
const lines = rounds.reduce((a, r) => a + r.lines, 0);
/** ms per department of each round, for one kind of call and clock */
const perRound = (pick: (r: (typeof rounds)[number]) => Timing, clock: keyof Timing) => rounds.map((r, i) => pick(r)[clock] / sizes[i]!);
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
/** The median round's ms per department, wall and CPU, of one kind of call. */
const medianOf = (pick: (r: (typeof rounds)[number]) => Timing): Timing => ({ wall: median(perRound(pick, "wall")), cpu: median(perRound(pick, "cpu")) });
const perSecond = (ms: number) => Math.round(1000 / ms);
const ratio = (ms: number) => (perSecond(ms) / TARGET_PER_SECOND).toFixed(2);
const cells = (ms: number) => [ms.toFixed(3), perSecond(ms).toLocaleString("en"), `${ratio(ms)}×`];
const combined = medianOf((r) => r.combined);
const rows: [string, Timing][] = [
  ["derive (deriveDisclosure)", medianOf((r) => r.derive)],
  ["check (checkBudget, every rule)", medianOf((r) => r.check)],
  ["derive + check, separate calls", medianOf((r) => ({ wall: r.derive.wall + r.check.wall, cpu: r.derive.cpu + r.check.cpu }))],
  ["derive + check (deriveAndCheck)", combined],
];
const head = ["", "wall ms/dept", "wall dept/s", "÷ target", "CPU ms/dept", "CPU dept/s", "÷ target"];
const body = rows.map(([label, t]) => [label, ...cells(t.wall), ...cells(t.cpu)]);
const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join("  ");

console.log(`derive + check, ${n} generated departments (${(lines / n).toFixed(0)} line items on average, ${(findings / n).toFixed(1)} findings each), after a warm-up of ${Math.min(warmup, n)} others`);
console.log(`timed in ${roundCount} rounds of ${sizes.join(", ")}; each figure is the median round's`);
console.log(`wall clock and CPU time of this process; CPU time is the fairer figure when other work shares the cores (load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores)`);
console.log("(CPU time counts every thread of the process, V8's garbage collector and compiler included, so it can exceed wall time)");
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const b of body) console.log(line(b));
const spread = (clock: keyof Timing) => {
  const each = perRound((r) => r.combined, clock);
  const all = rounds.reduce((a, r) => a + r.combined[clock], 0) / n;
  return `${each.map((x) => x.toFixed(3)).join(" ")} (all rounds together ${all.toFixed(3)}, ${ratio(all)}×)`;
};
console.log(`deriveAndCheck by round, ms per department: wall ${spread("wall")}; CPU ${spread("cpu")}`);
const verdict = (ms: number) => `${perSecond(ms) >= TARGET_PER_SECOND ? "met" : "NOT met"} (${ratio(ms)}× the target)`;
console.log(`target ≥ ${TARGET_PER_SECOND.toLocaleString("en")} departments/s on one core, derive + check (deriveAndCheck), median round: CPU time ${verdict(combined.cpu)}; wall clock ${verdict(combined.wall)}`);
{
  const sample = parseBudgetText(readFileSync(new URL("../examples/luolong-shequ-2021/budget.yaml", import.meta.url), "utf8"), "budget.yaml", "yaml");
  const runs = quick ? 2000 : 20000;
  for (let i = 0; i < runs / 10; i++) deriveAndCheck(sample, catalog);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) deriveAndCheck(sample, catalog);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  const each = (ms: number) => `${(ms / runs).toFixed(3)} ms, ${Math.round((runs / ms) * 1000).toLocaleString("en")}/s, ${((runs / ms) * 1000 / TARGET_PER_SECOND).toFixed(2)}× the target`;
  console.log(`the sample department (30 line items), deriveAndCheck ×${runs}: wall ${each(wall)}; CPU ${each(cpu)}`);
}
console.log("");
console.log(formatEntryWorkbookBench(await benchEntryWorkbook({ lines: 400, runs: quick ? 5 : 20 })));
if (args["no-compare"] !== true) {
  console.log("");
  const base = typeof args.base === "string" ? args.base : DEFAULT_BASE;
  const c = await compareWithBase({ base, departments: positiveInt(args, "compare-n", quick ? 100 : 200), rounds: positiveInt(args, "compare-rounds", quick ? 7 : 15) });
  if (c) console.log(formatComparison(c));
}
