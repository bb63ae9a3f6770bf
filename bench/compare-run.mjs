/**
 * One process of bench/compare.ts: imports the bundles named on the command line in that order (the first is
 * loaded, generated for and warmed up first), times their `deriveAndCheck` on the same generated departments
 * in interleaved rounds (the side that goes first alternates), and prints each side's ms per department of
 * every round as JSON. Plain JavaScript, so the process runs the bundles and nothing else.
 *
 *   node bench/compare-run.mjs <departments> <rounds> <bundle.mjs> <bundle.mjs>
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [n, rounds] = process.argv.slice(2, 4).map(Number);
const files = process.argv.slice(4);
const sides = [];
for (const f of files) sides.push(await import(pathToFileURL(f).href));
const budgets = sides.map((s) => Array.from({ length: n }, (_, i) => s.generateBudget(1 + i)));
const sameBudgets = JSON.stringify(budgets[0][0]) === JSON.stringify(budgets[1][0]);
for (const s of sides) for (let i = 0; i < 1500; i++) s.deriveAndCheck(s.generateBudget(2_000_000 + i), s.catalog);
const times = sides.map(() => ({ wall: [], cpu: [] }));
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? [0, 1] : [1, 0];
  for (const k of order) {
    const side = sides[k];
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    for (const b of budgets[k]) side.deriveAndCheck(b, side.catalog);
    const wall = performance.now() - w0;
    const c = process.cpuUsage(c0);
    times[k].wall.push(wall / n);
    times[k].cpu.push((c.user + c.system) / 1000 / n);
  }
}
process.stdout.write(JSON.stringify({ sameBudgets, times }));
