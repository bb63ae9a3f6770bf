/**
 * npm run bench (reading): a ~400-line budget.yaml, text → validated Budget (issue 15: target ≤ 3 ms), beside
 * JSON.parse of the same budget as JSON text, the floor any reader of this data stands on.
 *
 * Printed: the first read in this process (cold: nothing compiled yet, as in a one-shot `yusuan check`), then,
 * after a warm-up, the median round's milliseconds per read of
 * - the fast path (js-yaml, zod; node places recorded during the parse) — what every read costs;
 * - the location path of a file with a finding: the fast read, then the first `locate`, answered from the
 *   places recorded (`yaml` parses the text again only where they could not be matched with the data);
 * - the location-keeping path alone (`yaml` then zod), which every read cost before;
 * - JSON: the same budget as a .json file, and JSON.parse of that text alone.
 * Disk reads are left out (the text is read once). `--rounds` (default 7), `--n` reads per round (default 40; an
 * eighth of that for the rows that run `yaml`, 50 times slower). Warm-up: 20 rounds' worth or 1.5 s per row.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { parseBudgetDocument, parseBudgetDocumentWithLocations } from "../src/formats/budget-file/read.ts";
import { benchArgs, positiveInt } from "./args.ts";

const TARGET_MS = 3;
const FIXTURE = new URL("fixtures/budget-400.yaml", import.meta.url);
const args = benchArgs({ strings: ["n", "rounds"], flags: ["quick"] });
const quick = args.quick === true;
const perRound = positiveInt(args, "n", quick ? 10 : 40);
const roundCount = positiveInt(args, "rounds", quick ? 3 : 7);

const text = readFileSync(FIXTURE, "utf8");
const lineCount = text.split("\n").length - 1;

const c0 = process.cpuUsage();
const t0 = performance.now();
const { budget } = parseBudgetDocument(text, "budget-400.yaml", "yaml");
const cold = performance.now() - t0;
const coldCpu = process.cpuUsage(c0);
const json = JSON.stringify(budgetToFile(budget), null, 2);

interface Figure {
  wall: number;
  cpu: number;
}

/**
 * Median over rounds of the milliseconds of one call of `f`, wall-clock and CPU (process.cpuUsage: on a shared
 * machine other work stretches the wall clock, while CPU time is what the reading itself costs).
 */
function median(f: () => unknown, reads = perRound): Figure {
  // warm-up: V8 keeps optimising js-yaml's and zod's functions for the first few hundred reads
  for (let i = 0, start = performance.now(); i < 20 * reads && performance.now() - start < 1500; i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < roundCount; r++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < reads; i++) f();
    wall.push((performance.now() - start) / reads);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / reads);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

const fast = median(() => parseBudgetDocument(text, "budget-400.yaml", "yaml"));
const slowReads = Math.max(1, Math.round(perRound / 8));
const located = median(() => parseBudgetDocument(text, "budget-400.yaml", "yaml").locate("units[2].targets"), slowReads);
const slow = median(() => parseBudgetDocumentWithLocations(text, "budget-400.yaml", "yaml"), slowReads);
const fromJson = median(() => parseBudgetDocument(json, "budget-400.json", "json"));
const jsonParse = median(() => JSON.parse(json));

const ms = (n: number) => `${n.toFixed(2).padStart(7)} ms`;
const row = (label: string, f: Figure, note = "") => console.log(`  ${label.padEnd(42)} ${ms(f.wall)} ${ms(f.cpu)}${note ? `   ${note}` : ""}`);
console.log(`\n读取预算文件 / reading a budget file: ${lineCount} lines of YAML (bench/fixtures/budget-400.yaml), ${budget.lineItems.length} line items`);
console.log(`  text → validated Budget, no disk; median of ${roundCount} rounds × ${perRound} reads (${slowReads} for the \`yaml\` rows) after warm-up`);
console.log(`  ${"".padEnd(42)} ${"wall".padStart(10)} ${"CPU".padStart(10)}`);
row("first read (cold: nothing compiled yet)", { wall: cold, cpu: (coldCpu.user + coldCpu.system) / 1000 });
row("YAML, fast path (js-yaml + zod)", fast, `target ≤ ${TARGET_MS} ms: ${Math.min(fast.wall, fast.cpu) <= TARGET_MS ? "met" : "NOT MET"}`);
row("YAML, fast path + first line looked up", located, "a file with a finding: lines from js-yaml's parse");
row("YAML, location-keeping path (yaml + zod)", slow, "what every read cost before");
row("JSON file, fast path (JSON.parse + zod)", fromJson);
row("JSON.parse alone of the same budget", jsonParse);
console.log(`  ${"ratio, YAML fast path / JSON.parse".padEnd(42)} ${(fast.wall / jsonParse.wall).toFixed(1).padStart(7)} × ${(fast.cpu / jsonParse.cpu).toFixed(1).padStart(7)} ×`);
console.log(`  load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.availableParallelism()} cores`);
