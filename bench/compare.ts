/**
 * derive + check of this checkout against a base commit (default 832bc02, the core before issue 15): each side's
 * `deriveAndCheck` and budget generator are bundled by esbuild with the same settings (platform node, format
 * esm, no keepNames — how production runs a built bundle) and timed on the same generated departments, in
 * interleaved rounds (the side that goes first alternates); the median round of each side is printed with the
 * ratio. The order the bundles are loaded in moves each side by a few per cent, so the comparison is run twice,
 * in two fresh processes (compare-run.mjs): the current bundle loaded first, then the base first; both are
 * printed, with the load average before and after (other work on a shared machine moves every figure). The base
 * is extracted with `git archive` into a temporary directory (nothing in the repository changes) with a
 * symlink to this checkout's node_modules.
 *
 * Used by check.ts (`npm run bench`, options `--base <ref>`, `--compare-n`, `--compare-rounds`); runs alone too:
 *   npx tsx bench/compare.ts [--base <ref>] [--compare-n 200] [--compare-rounds 15]
 * When git, the ref or esbuild is unavailable it says why and returns without a comparison.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_BASE = "832bc02";

/** One side's ms per department, wall clock and CPU, each the median round's. */
export interface SideTiming {
  label: string;
  wall: number;
  cpu: number;
}

/** One process's run: which bundle was loaded first, and each side's timing. */
export interface Run {
  first: "current" | "base";
  current: SideTiming;
  baseline: SideTiming;
}

export interface Comparison {
  base: string;
  departments: number;
  rounds: number;
  /** the current bundle loaded first, then the base first (two processes) */
  runs: Run[];
  /** load average (1, 5 and 15 min) before the first run and after the last */
  loadBefore: number[];
  loadAfter: number[];
  /** false when the two generators give different budgets for the same seed */
  sameBudgets: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");

/** The entry each side is bundled from: its own deriveAndCheck, generator and catalog, by relative path. */
const ENTRY = `
import { CatalogIndex } from "./src/core/catalog.ts";
import { builtInCatalog } from "./src/core/catalogs/index.ts";
export { deriveAndCheck } from "./src/core/disclosure.ts";
export { generateBudget } from "./test/support/generate.ts";
export const catalog = new CatalogIndex(builtInCatalog(2021));
`;

/** Bundles the tree at `root` into `outDir`; the bundle's path. */
async function bundleSide(root: string, outDir: string, label: string): Promise<string> {
  const esbuild = await import("esbuild");
  const outfile = path.join(outDir, `${label}.mjs`);
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: "bench-entry.ts", loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    keepNames: false,
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

/** The base tree at `ref`, extracted into `dir`; a reason string when that cannot be done. */
function extractBase(ref: string, dir: string): string | undefined {
  try {
    execFileSync("git", ["-C", repoRoot, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { stdio: "pipe" });
  } catch {
    return `git or the ref ${ref} is not available here`;
  }
  try {
    const tar = execFileSync("git", ["-C", repoRoot, "archive", "--format=tar", ref], { maxBuffer: 1 << 30 });
    execFileSync("tar", ["-x", "-C", dir], { input: tar, maxBuffer: 1 << 30 });
  } catch (e) {
    return `could not extract ${ref}: ${e instanceof Error ? e.message : String(e)}`;
  }
  const modules = path.join(repoRoot, "node_modules");
  if (!existsSync(modules)) return "this checkout has no node_modules";
  symlinkSync(realpathSync(modules), path.join(dir, "node_modules"), "dir");
  return undefined;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times the two bundles in a fresh process, loading `files[0]` first; each side's median round. */
function runProcess(files: readonly [string, string], n: number, rounds: number): { sameBudgets: boolean; timings: { wall: number; cpu: number }[] } {
  const out = execFileSync(process.execPath, [path.join(here, "compare-run.mjs"), String(n), String(rounds), ...files], { maxBuffer: 1 << 24, encoding: "utf8" });
  const r = JSON.parse(out) as { sameBudgets: boolean; times: { wall: number[]; cpu: number[] }[] };
  return { sameBudgets: r.sameBudgets, timings: r.times.map((t) => ({ wall: median(t.wall), cpu: median(t.cpu) })) };
}

/**
 * Times this checkout against `base`; undefined (after printing why) when the comparison cannot be made.
 * Each process generates the departments once per side (each side's own generator, same seeds: the same
 * budgets while the generator is unchanged), outside the timing, and warms each side up on other departments.
 */
export async function compareWithBase(opts: { base?: string; departments?: number; rounds?: number; log?: (s: string) => void } = {}): Promise<Comparison | undefined> {
  const base = opts.base ?? DEFAULT_BASE;
  const n = opts.departments ?? 200;
  const rounds = opts.rounds ?? 15;
  const log = opts.log ?? console.log;
  const dir = mkdtempSync(path.join(os.tmpdir(), "yusuan-bench-base-"));
  const out = mkdtempSync(path.join(os.tmpdir(), "yusuan-bench-bundles-"));
  try {
    const why = extractBase(base, dir);
    if (why) {
      log(`comparison with ${base} skipped: ${why}`);
      return undefined;
    }
    let current: string;
    let baseline: string;
    try {
      current = await bundleSide(repoRoot, out, "current");
      baseline = await bundleSide(dir, out, "base");
    } catch (e) {
      log(`comparison with ${base} skipped: bundling failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const loadBefore = os.loadavg();
    const runs: Run[] = [];
    let sameBudgets = true;
    for (const first of ["current", "base"] as const) {
      const r = runProcess(first === "current" ? [current, baseline] : [baseline, current], n, rounds);
      sameBudgets &&= r.sameBudgets;
      const [a, b] = r.timings as [{ wall: number; cpu: number }, { wall: number; cpu: number }];
      const [c, bl] = first === "current" ? [a, b] : [b, a];
      runs.push({ first, current: { label: "current", ...c }, baseline: { label: "base", ...bl } });
    }
    if (!sameBudgets) log("(note: the two generators give different budgets for the same seed)");
    return { base, departments: n, rounds, runs, loadBefore, loadAfter: os.loadavg(), sameBudgets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** The comparison in a few lines; the ratio is base time ÷ current time (above 1: this checkout is faster). */
export function formatComparison(c: Comparison): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(" ");
  const lines = [
    `deriveAndCheck, this checkout against ${c.base}: both bundled by esbuild (node, esm, no keepNames), ${c.departments} generated departments, ${c.rounds} interleaved rounds, median round, each loading order in its own process (load average ${load(c.loadBefore)} before, ${load(c.loadAfter)} after, on ${os.cpus().length} cores)`,
  ];
  for (const r of c.runs) {
    lines.push(
      `  ${r.first} loaded first: current wall ${r.current.wall.toFixed(3)} ms/dept, CPU ${r.current.cpu.toFixed(3)}; base wall ${r.baseline.wall.toFixed(3)}, CPU ${r.baseline.cpu.toFixed(3)} — speed of current ÷ base: wall ${ratio(r.baseline.wall, r.current.wall)}×, CPU ${ratio(r.baseline.cpu, r.current.cpu)}×`,
    );
  }
  const cpuRatios = c.runs.map((r) => r.baseline.cpu / r.current.cpu);
  const met = cpuRatios.filter((x) => x >= 0.9).length;
  lines.push(`  floor 0.90× by CPU time: ${met === cpuRatios.length ? "met in both orders" : met > 0 ? "met in one order only" : "NOT met in either order"}`);
  return lines.join("\n");
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { benchArgs, positiveInt } = await import("./args.ts");
  const args = benchArgs({ strings: ["base", "compare-n", "compare-rounds"] });
  const c = await compareWithBase({ base: typeof args.base === "string" ? args.base : undefined, departments: positiveInt(args, "compare-n", 200), rounds: positiveInt(args, "compare-rounds", 15) });
  if (c) console.log(formatComparison(c));
}
