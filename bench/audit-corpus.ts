/**
 * Audit benchmark on real documents (issue 17's target, ≤ 1.3×): `npm run bench:audit [-- --dir <corpus>]
 * [-- --rounds 3] [-- --only jiangsu]` (the corpus: --dir, else YUSUAN_CORPUS, else ../shared/corpus).
 *
 * For each PDF of the corpus, in the same run and both as whole processes started the same way
 * (`node <args>`, same working directory, output to a pipe):
 *   1. the floor: `node` loading pdfjs-dist 4.10 and extracting every page's text (getTextContent);
 *   2. the whole command: `node bin/yusuan.mjs audit <file> --json` (the built CLI, start-up included).
 * Rounds are interleaved file by file, the order of the two swapped every round, so that a change of load
 * on the shared machine falls on both; each file's median over the rounds is kept. Both wall time and CPU
 * time (user + system of the child, from /proc/self/stat on Linux) are printed: CPU time is what the
 * program costs, wall time is what a user waits and moves with the machine's load, printed beside.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { benchArgs, positiveInt } from "./args.ts";

const TARGET_RATIO = 1.3;
const ROOT = resolve(import.meta.dirname, "..");
const values = benchArgs({ strings: ["dir", "rounds", "only"] });
const dir = resolve(typeof values.dir === "string" ? values.dir : (process.env.YUSUAN_CORPUS ?? join(ROOT, "../shared/corpus")));
const rounds = positiveInt(values, "rounds", 3);
const only = typeof values.only === "string" ? values.only : "";
const cli = join(ROOT, "bin/yusuan.mjs");

// the floor: the same library, the options that matter (no eval, no system fonts), every page's text
const FLOOR = `
const { readFileSync } = require("node:fs");
import("pdfjs-dist/legacy/build/pdf.mjs").then(async (pdfjs) => {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), isEvalSupported: false, useSystemFonts: false }).promise;
  let n = 0;
  for (let p = 1; p <= doc.numPages; p++) n += (await (await doc.getPage(p)).getTextContent()).items.length;
  await doc.destroy();
  process.stdout.write(String(n));
});`;

/** CPU milliseconds of this process's waited-for children so far (cutime + cstime), or NaN off Linux. */
function childCpuMs(): number {
  try {
    // fields after the command name "(…)": state is field 3, cutime and cstime are fields 16 and 17
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
// USER_HZ: 100 on every Linux Node supports
const CLOCK_TICKS = 100;

interface Run {
  wall: number;
  cpu: number;
}

function run(args: string[]): Run {
  const cpu0 = childCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t;
  // the audit exits 1 when it finds errors: only a crash (signal or code > 1) is a failure here
  if (r.signal || (r.status ?? 0) > 1) throw new Error(`${args.join(" ")}: exit ${r.status ?? r.signal}\n${r.stderr.slice(0, 400)}`);
  return { wall, cpu: childCpuMs() - cpu0 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const col = (x: number, w = 9) => (Number.isFinite(x) ? x.toFixed(0) : "–").padStart(w);
const ratioCol = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : "–").padStart(6);

async function ensureBuild(): Promise<void> {
  const build = (await import("../scripts/build-node.mjs")) as { isBuildFresh: () => boolean; buildNode: () => Promise<number> };
  if (!build.isBuildFresh()) {
    console.log("building dist/node first (npm run build) …");
    await build.buildNode();
  }
}

async function main(): Promise<void> {
  if (!existsSync(dir)) {
    console.log(`no corpus at ${dir} (give --dir or YUSUAN_CORPUS): skipped`);
    return;
  }
  await ensureBuild();
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".pdf") && f.includes(only))
    .sort();
  console.log(`bench:audit — ${files.length} corpus PDFs (${dir}), whole processes, median of ${rounds} interleaved rounds; Node ${process.version}, ${os.cpus().length} CPUs`);
  console.log(`load average at start: ${load()}`);
  console.log(`${"file".padEnd(30)} ${"pdfjs ms".padStart(9)} ${"audit ms".padStart(9)} ${"ratio".padStart(6)}   ${"pdfjs cpu".padStart(9)} ${"audit cpu".padStart(9)} ${"ratio".padStart(6)}`);
  const sum = { floorWall: 0, auditWall: 0, floorCpu: 0, auditCpu: 0 };
  for (const f of files) {
    const path = join(dir, f);
    const floor: Run[] = [];
    const audit: Run[] = [];
    for (let r = 0; r < rounds; r++) {
      const pair = () => {
        floor.push(run(["-e", FLOOR, path]));
        audit.push(run([cli, "audit", path, "--json"]));
      };
      if (r % 2 === 0) pair();
      else {
        audit.push(run([cli, "audit", path, "--json"]));
        floor.push(run(["-e", FLOOR, path]));
      }
    }
    const fw = median(floor.map((x) => x.wall));
    const aw = median(audit.map((x) => x.wall));
    const fc = median(floor.map((x) => x.cpu));
    const ac = median(audit.map((x) => x.cpu));
    sum.floorWall += fw;
    sum.auditWall += aw;
    sum.floorCpu += fc;
    sum.auditCpu += ac;
    console.log(`${f.padEnd(30)} ${col(fw)} ${col(aw)} ${ratioCol(aw, fw)}   ${col(fc)} ${col(ac)} ${ratioCol(ac, fc)}`);
  }
  console.log(`${"total".padEnd(30)} ${col(sum.floorWall)} ${col(sum.auditWall)} ${ratioCol(sum.auditWall, sum.floorWall)}   ${col(sum.floorCpu)} ${col(sum.auditCpu)} ${ratioCol(sum.auditCpu, sum.floorCpu)}`);
  const verdict = (x: number) => (Number.isFinite(x) ? (x <= TARGET_RATIO ? "met" : "not met") : "not measured");
  console.log(`ratio of the totals: wall ${(sum.auditWall / sum.floorWall).toFixed(2)}× (${verdict(sum.auditWall / sum.floorWall)}), CPU ${(sum.auditCpu / sum.floorCpu).toFixed(2)}× (${verdict(sum.auditCpu / sum.floorCpu)}); target ≤ ${TARGET_RATIO}×`);
  console.log(`load average at end: ${load()}`);
}

await main();
