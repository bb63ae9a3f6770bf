/**
 * npm run bench:startup — how long a short command takes, whole process, beside `node -e 0` (issue 15:
 * `yusuan check examples/luolong-shequ-2021` within 4× of `node -e 0`).
 *
 * The three commands are run in rounds, one of each per round, so that other work on a shared machine
 * slows them alike; each figure is the median over the rounds (`--runs`, 10 by default), as wall-clock
 * time and as CPU time (user + system of the child, every thread: on a busy machine wall time grows with
 * the load, CPU time much less). With hyperfine on PATH (`--hyperfine`), it does the timing instead
 * (wall time only). The build is made first if it is missing or stale, so no run includes building.
 *
 * Exit code 1 when the check's wall-time ratio misses the target (only with --strict: the figure depends on
 * the machine's load).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, positiveInt } from "./args.ts";

const TARGET_RATIO = 4;
const root = fileURLToPath(new URL("..", import.meta.url));
const args = benchArgs({ strings: ["runs"], flags: ["hyperfine", "strict"] });
const runs = positiveInt(args, "runs", 10);

const node = process.execPath;
const commands: { name: string; argv: string[] }[] = [
  { name: "node -e 0", argv: ["-e", "0"] },
  { name: "yusuan --version", argv: ["bin/yusuan.mjs", "--version"] },
  { name: "yusuan check examples/luolong-shequ-2021", argv: ["bin/yusuan.mjs", "check", "examples/luolong-shequ-2021"] },
];

/** The CPU time (user + system, ms) of this process's waited-for children so far, from /proc (Linux). */
function childrenCpuMs(): number | undefined {
  try {
    // fields after the command name: state is field 3; cutime and cstime are fields 16 and 17
    const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
    const ticks = Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeWithNode(): { wall: number[]; cpu: (number | undefined)[] }[] {
  const results = commands.map(() => ({ wall: [] as number[], cpu: [] as (number | undefined)[] }));
  for (let round = 0; round <= runs; round++) {
    commands.forEach((c, i) => {
      const cpu0 = childrenCpuMs();
      const t0 = process.hrtime.bigint();
      const r = spawnSync(node, c.argv, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu1 = childrenCpuMs();
      if (r.status !== 0 && !(c.argv[1] === "check" && r.status === 1)) throw new Error(`${c.name} exited with ${r.status}: ${r.stderr}`);
      if (round === 0) return; // the first round warms the file cache (and Node 22's compile cache)
      results[i]!.wall.push(wall);
      results[i]!.cpu.push(cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined);
    });
  }
  return results;
}

function timeWithHyperfine(): { wall: number[]; cpu: (number | undefined)[] }[] {
  const dir = mkdtempSync(join(os.tmpdir(), "yusuan-bench-"));
  try {
    const file = join(dir, "out.json");
    const quoted = commands.map((c) => [node, ...c.argv].map((a) => (/^[\w./=-]+$/.test(a) ? a : `'${a}'`)).join(" "));
    execFileSync("hyperfine", ["-N", "--warmup", "1", "--runs", String(runs), "-i", "--export-json", file, ...quoted], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    const json = JSON.parse(readFileSync(file, "utf8")) as { results: { times: number[] }[] };
    return json.results.map((r) => ({ wall: r.times.map((t) => t * 1000), cpu: [] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// build first, so that no timed run includes a rebuild
execFileSync(node, ["scripts/build-node.mjs", "--if-stale", "--quiet"], { cwd: root, stdio: "inherit" });

const results = args.hyperfine ? timeWithHyperfine() : timeWithNode();
const base = median(results[0]!.wall);
const baseCpu = results[0]!.cpu.every((x) => x !== undefined) ? median(results[0]!.cpu as number[]) : undefined;
console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; median of ${runs} runs${args.hyperfine ? " (hyperfine)" : ""}`);
console.log(`${"command".padEnd(44)} ${"wall ms".padStart(8)} ${"ratio".padStart(6)}   ${"CPU ms".padStart(7)} ${"ratio".padStart(6)}`);
let checkRatio = 0;
commands.forEach((c, i) => {
  const wall = median(results[i]!.wall);
  const cpus = results[i]!.cpu;
  const cpu = cpus.length && cpus.every((x) => x !== undefined) ? median(cpus as number[]) : undefined;
  const ratio = wall / base;
  if (i === commands.length - 1) checkRatio = ratio;
  const cpuText = cpu !== undefined && baseCpu ? `${cpu.toFixed(0).padStart(7)} ${`${(cpu / baseCpu).toFixed(2)}×`.padStart(6)}` : "";
  console.log(`${c.name.padEnd(44)} ${wall.toFixed(0).padStart(8)} ${`${ratio.toFixed(2)}×`.padStart(6)}   ${cpuText}`);
});
const met = checkRatio <= TARGET_RATIO;
console.log(`target: check ≤ ${TARGET_RATIO}× node -e 0 (wall) — ${met ? "met" : "missed"} (${checkRatio.toFixed(2)}×)`);
if (args.strict && !met) process.exitCode = 1;
