/**
 * Batch check benchmark: `npm run bench:batch [-- --budgets 5000 --jobs 1,2]`.
 *
 * Writes `budgets` generated department budgets (test/support/generate.ts, the province benchmark's sizes:
 * 1–4 units, 20–160 line items, 2–12 projects) as budget.yaml files, one row per line as the sample is
 * written, into a temporary directory, then runs
 * the built command `yusuan check <dir> --json` once per --jobs value (worker threads) and prints budgets
 * per second, CPU time a budget (every thread of the process), wall time and the process's peak memory
 * (worker threads included) side by side, with the load average. On a shared machine budgets/s follows the
 * load; "if alone" is what the same CPU time a budget gives on `jobs` idle cores (jobs × 1000 / CPU ms), a
 * derived figure and labelled so. The target (issue 20): ≥ 500 budgets/s on the two cores.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Document, isMap, isSeq, visit } from "yaml";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { generateBudget } from "../test/support/generate.ts";
import { benchArgs, positiveInt, positiveInts } from "./args.ts";

const args = benchArgs({ strings: ["budgets", "jobs"] });
const BUDGETS = positiveInt(args, "budgets", 5000);
const JOBS = positiveInts(args, "jobs", [1, Math.min(2, availableParallelism())]);
const ROOT = new URL("..", import.meta.url).pathname;

/** A budget.yaml as the sample and bench/fixtures/budget-400.yaml are written: one row per line in flow style. */
function budgetYaml(seed: number): string {
  const doc = new Document(budgetToFile(generateBudget(seed, { units: [1, 4], lineItems: [20, 160], projects: [2, 12] })), { aliasDuplicateObjects: false });
  const rows = new Set(["lineItems", "indicators", "procurement", "income"]);
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? "");
      if (rows.has(key) && isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      if (key === "staffing" && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

const dir = mkdtempSync(join(tmpdir(), "yusuan-batch-"));
try {
  let bytes = 0;
  for (let i = 0; i < BUDGETS; i++) {
    const text = budgetYaml(7000 + i);
    bytes += text.length;
    mkdirSync(join(dir, `d${String(i).padStart(5, "0")}`));
    writeFileSync(join(dir, `d${String(i).padStart(5, "0")}`, "budget.yaml"), text);
  }
  console.log(`${BUDGETS} budget.yaml files, ${(bytes / 1e6).toFixed(1)} MB; ${availableParallelism()} cores; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const build = spawnSync(process.execPath, ["scripts/build-node.mjs", "--if-stale", "--quiet"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
  console.log(`\n${"jobs".padEnd(6)}${"budgets/s".padStart(11)}${"CPU ms/budget".padStart(15)}${"if alone/s".padStart(12)}${"wall s".padStart(9)}${"peak MB".padStart(9)}   findings (errors / warnings / info)`);
  for (const jobs of JOBS) {
    const load = loadavg()[0]!.toFixed(1);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["bin/yusuan.mjs", "check", dir, "--json", "--no-progress", "--jobs", String(jobs)], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
    const wall = (performance.now() - t0) / 1000;
    if (r.status === 2) {
      console.error(r.stderr.slice(0, 2000));
      process.exit(1);
    }
    const s = (JSON.parse(r.stdout) as { summary: { budgets: number; errors: number; warnings: number; info: number; seconds: number; cpuSeconds: number; peakRssMB: number; failed: number } }).summary;
    // the command's own timing (pool start to last answer) and the whole process, start-up included
    console.log(`${String(jobs).padEnd(6)}${Math.round(s.budgets / s.seconds).toString().padStart(11)}${((s.cpuSeconds * 1000) / s.budgets).toFixed(2).padStart(15)}${Math.round((Math.min(jobs, availableParallelism()) * s.budgets) / s.cpuSeconds).toString().padStart(12)}${wall.toFixed(1).padStart(9)}${String(s.peakRssMB).padStart(9)}   ${s.errors} / ${s.warnings} / ${s.info}${s.failed ? `, ${s.failed} failed` : ""}; load ${load}`);
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
}
