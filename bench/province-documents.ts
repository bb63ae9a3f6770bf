/**
 * Publishing the generated province with its documents: `npm run bench:province-documents [-- --departments 40
 * --cities 2 --counties 4 --formats all --backends pglite,postgresql --checkpoints 1000,2500,5000]`.
 *
 * Every department's budget goes the whole workflow (src/server/seed-region.ts: create, control figures,
 * explanations, submit, both approvals, 批复, publish), and publishing renders the department's and every
 * unit's disclosure in each format (default: PDF, XLSX, HTML, JSON) through the server's job pool and stores
 * them with their sha256, and writes the facts — the code path `POST /api/budgets/:id/transitions` takes.
 * On PGlite (in memory) and on the PostgreSQL server at YUSUAN_BENCH_PG_URL or YUSUAN_TEST_PG_URL (a schema of
 * its own, dropped after; `--keep-schema` keeps it). Prints per backend: the time a budget (wall and this
 * process's CPU, the job threads included), the total and the 5,000 departments at that rate, the files and
 * bytes stored, and the resident memory (RSS) at each checkpoint — so a flat line shows memory does not grow
 * with the province — with the load average beside, since the cores are shared. The target (issue 20): the
 * 5,000 departments' documents in ≤ 20 minutes on the two cores.
 */
import { loadavg } from "node:os";
import { sql } from "kysely";
import { RENDERERS } from "../src/formats/renderers.ts";
import { buildApp } from "../src/server/app.ts";
import { type ProvinceSize, seedProvince } from "../src/server/seed-region.ts";
import type { OpenDatabase } from "../src/store/database.ts";
import { provinceBudget } from "../test/support/province.ts";
import { benchArgs, positiveInt, positiveInts, words } from "./args.ts";
import { onEachBackend } from "./backends.ts";

const args = benchArgs({ strings: ["departments", "cities", "counties", "formats", "backends", "checkpoints", "concurrency", "warmup"], flags: ["keep-schema"] });
const DEPARTMENTS = positiveInt(args, "departments", 40);
const SIZE: ProvinceSize = {
  departments: DEPARTMENTS,
  units: DEPARTMENTS * 4,
  cities: positiveInt(args, "cities", 2),
  counties: positiveInt(args, "counties", 4),
  years: 1,
  firstYear: 2021,
  code: "990000",
  name: "样例省",
};
const FORMATS = words(args, "formats", ["all"]).flatMap((f) => (f === "all" ? Object.keys(RENDERERS) : [f]));
const BACKENDS = words(args, "backends", ["pglite", "postgresql"]);
const CHECKPOINTS = positiveInts(args, "checkpoints", [Math.ceil(DEPARTMENTS / 5), Math.ceil(DEPARTMENTS / 2), DEPARTMENTS]);
/** budgets published before the steady rate is timed (the job threads load Typst, its fonts and ExcelJS) */
const WARMUP = Math.min(positiveInt(args, "warmup", 2), DEPARTMENTS - 1);
for (const f of FORMATS) if (!RENDERERS[f]) throw new Error(`unknown format ${f}`);

const loads = () => loadavg().map((l) => l.toFixed(1)).join(" ");
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

interface Checkpoint {
  budgets: number;
  seconds: number;
  rssMB: string;
  load: string;
}

interface Result {
  backend: string;
  budgets: number;
  seconds: number;
  cpuSeconds: number;
  /** wall and CPU ms a budget after the warm-up */
  steady: { wallMs: number; cpuMs: number };
  files: number;
  bytes: number;
  checkpoints: Checkpoint[];
}

async function run(backend: string, database: OpenDatabase): Promise<Result> {
  const app = await buildApp(database, { publishFormats: FORMATS, logger: false });
  const checkpoints: Checkpoint[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let lastPrint = t0;
  let warm = { at: t0, cpu: cpu0 };
  try {
    const seeded = await seedProvince(app.ctx, SIZE, (plan) => provinceBudget(plan, SIZE.firstYear), {
      // two on PGlite: one department's files render in the pool while the other's rows are written
      concurrency: positiveInt(args, "concurrency", backend === "PGlite" ? 2 : 4),
      progress: (done, total) => {
        const now = performance.now();
        if (done === WARMUP) warm = { at: now, cpu: process.cpuUsage() };
        if (CHECKPOINTS.includes(done)) checkpoints.push({ budgets: done, seconds: (now - t0) / 1000, rssMB: mb(process.memoryUsage().rss), load: loads() });
        if (now - lastPrint > 30_000 || done === total) {
          lastPrint = now;
          process.stderr.write(`${backend}: ${done}/${total} budgets, ${((now - t0) / 1000).toFixed(0)} s, ${((now - t0) / done).toFixed(0)} ms a budget, RSS ${mb(process.memoryUsage().rss)} MB, load ${loads()}\n`);
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const afterWarm = process.cpuUsage(warm.cpu);
    const steadyBudgets = seeded.budgets - WARMUP;
    const steady = { wallMs: (performance.now() - warm.at) / steadyBudgets, cpuMs: (afterWarm.user + afterWarm.system) / 1000 / steadyBudgets };
    const stored = await database.db
      .selectFrom("publication_files")
      .select((eb) => [eb.fn.countAll<string>().as("n"), sql<string>`coalesce(sum(octet_length(content)), 0)`.as("bytes")])
      .executeTakeFirstOrThrow();
    return { backend, budgets: seeded.budgets, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, steady, files: Number(stored.n), bytes: Number(stored.bytes), checkpoints };
  } finally {
    await app.close();
  }
}

console.log(`province documents: 1 省, ${SIZE.cities} 市, ${SIZE.counties} 县/区, ${DEPARTMENTS} departments (${SIZE.units} units), formats ${FORMATS.join(",")}; load average ${loads()}`);
const results = await onEachBackend("documents", run, BACKENDS, Boolean(args["keep-schema"]));

for (const r of results) {
  const per = (r.seconds * 1000) / r.budgets;
  console.log(
    `${r.backend}: ${r.budgets} budgets in ${r.seconds.toFixed(1)} s — ${per.toFixed(0)} ms a budget (CPU ${((r.cpuSeconds * 1000) / r.budgets).toFixed(0)} ms, job threads included); ` +
      `${r.files} files, ${mb(r.bytes)} MB stored`,
  );
  console.log(`  after the first ${WARMUP}: ${r.steady.wallMs.toFixed(0)} ms a budget (CPU ${r.steady.cpuMs.toFixed(0)} ms); 5,000 at that rate ${((r.steady.wallMs * 5000) / 60000).toFixed(1)} min`);
  for (const c of r.checkpoints) console.log(`  at ${c.budgets} budgets: ${c.seconds.toFixed(1)} s, RSS ${c.rssMB} MB, load ${c.load}`);
}
console.log(`load average after: ${loads()}`);
