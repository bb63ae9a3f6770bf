/**
 * derive + check of this checkout against a base commit (default 832bc02, the core before issue 15), in one
 * process: each side's `deriveAndCheck` and budget generator are bundled by esbuild with the same settings
 * (platform node, format esm, no keepNames — how production runs a built bundle), both are timed on the same
 * generated departments, in interleaved rounds (the side that goes first alternates), and the median round of
 * each side is printed with the ratio. The base is extracted with `git archive` into a temporary directory
 * (nothing in the repository changes) with a symlink to this checkout's node_modules.
 *
 * Used by check.ts (`npm run bench`, options `--base <ref>`, `--compare-n`, `--compare-rounds`); runs alone too:
 *   npx tsx bench/compare.ts [--base <ref>] [--compare-n 200] [--compare-rounds 15]
 * When git, the ref or esbuild is unavailable it says why and returns without a comparison.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const DEFAULT_BASE = "832bc02";

/** What a bundle exports: the same three names on both sides. */
interface Side {
  label: string;
  deriveAndCheck: (budget: unknown, catalog: unknown) => unknown;
  generateBudget: (seed: number) => unknown;
  catalog: unknown;
}

/** One side's ms per department, wall clock and CPU, each the median round's. */
export interface SideTiming {
  label: string;
  wall: number;
  cpu: number;
}

export interface Comparison {
  base: string;
  departments: number;
  rounds: number;
  current: SideTiming;
  baseline: SideTiming;
  /** load average (1 min) when the comparison ended */
  load: number;
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

/** Bundles the tree at `root` into `outDir` and imports it. */
async function loadSide(root: string, outDir: string, label: string): Promise<Side> {
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
  const m = (await import(pathToFileURL(outfile).href)) as Omit<Side, "label">;
  return { label, deriveAndCheck: m.deriveAndCheck, generateBudget: m.generateBudget, catalog: m.catalog };
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

/** ms per department of one round of `side` over `budgets`, wall and CPU. */
function timeRound(side: Side, budgets: readonly unknown[]): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (const b of budgets) side.deriveAndCheck(b, side.catalog);
  const wall = performance.now() - w0;
  const c = process.cpuUsage(c0);
  return { wall: wall / budgets.length, cpu: (c.user + c.system) / 1000 / budgets.length };
}

/**
 * Times this checkout against `base`; undefined (after printing why) when the comparison cannot be made.
 * `departments` are generated once per side (each side's own generator, same seeds: the same budgets while
 * the generator is unchanged), outside the timing; each side is warmed up on other departments first.
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
    let sides: Side[];
    try {
      sides = [await loadSide(repoRoot, out, "current"), await loadSide(dir, out, "base")];
    } catch (e) {
      log(`comparison with ${base} skipped: bundling failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const budgets = sides.map((s) => Array.from({ length: n }, (_, i) => s.generateBudget(1 + i)));
    if (JSON.stringify(budgets[0]![0]) !== JSON.stringify(budgets[1]![0])) log("(note: the two generators give different budgets for the same seed)");
    for (const s of sides) for (let i = 0; i < 1500; i++) s.deriveAndCheck(s.generateBudget(2_000_000 + i), s.catalog);
    const times = sides.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order) {
        const t = timeRound(sides[k]!, budgets[k]!);
        times[k]!.wall.push(t.wall);
        times[k]!.cpu.push(t.cpu);
      }
    }
    const timing = (k: number): SideTiming => ({ label: sides[k]!.label, wall: median(times[k]!.wall), cpu: median(times[k]!.cpu) });
    return { base, departments: n, rounds, current: timing(0), baseline: timing(1), load: os.loadavg()[0]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** The comparison in a few lines; the ratio is base time ÷ current time (above 1: this checkout is faster). */
export function formatComparison(c: Comparison): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return [
    `deriveAndCheck, this checkout against ${c.base}: both bundled by esbuild (node, esm, no keepNames), ${c.departments} generated departments, ${c.rounds} interleaved rounds, median round (load average ${c.load.toFixed(2)} on ${os.cpus().length} cores)`,
    `  current: wall ${c.current.wall.toFixed(3)} ms/dept, CPU ${c.current.cpu.toFixed(3)} ms/dept`,
    `  base:    wall ${c.baseline.wall.toFixed(3)} ms/dept, CPU ${c.baseline.cpu.toFixed(3)} ms/dept`,
    `  speed of current ÷ base: wall ${ratio(c.baseline.wall, c.current.wall)}×, CPU ${ratio(c.baseline.cpu, c.current.cpu)}× (floor 0.90×: ${c.baseline.cpu / c.current.cpu >= 0.9 ? "met" : "NOT met"} by CPU time)`,
  ].join("\n");
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { benchArgs, positiveInt } = await import("./args.ts");
  const args = benchArgs({ strings: ["base", "compare-n", "compare-rounds"] });
  const c = await compareWithBase({ base: typeof args.base === "string" ? args.base : undefined, departments: positiveInt(args, "compare-n", 200), rounds: positiveInt(args, "compare-rounds", 15) });
  if (c) console.log(formatComparison(c));
}
