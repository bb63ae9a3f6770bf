/**
 * Province benchmark: `npm run bench:province [-- --departments 500 --cities 4 --counties 5 --queries 100]`.
 *
 * Generates a province (1 省, `cities` 市, `counties` 县/区 under each, `departments` departments spread over
 * all of them, each with a generated budget: test/support/generate.ts), publishes every budget's figures as
 * facts (src/store/repos/facts.ts `writeFacts`, the code publishing runs, one transaction per department)
 * and then asks the portal's questions (the SQL behind GET /api/public/regions/:code/overview and
 * …/publications/:id/figures) `queries` times each. Runs on PGlite (in memory) and, when
 * YUSUAN_BENCH_PG_URL or YUSUAN_TEST_PG_URL is set, on that PostgreSQL server (a fresh schema, dropped
 * after), and prints both side by side: facts written per second and the query latencies (p50/p99, ms).
 * These are the queries' latencies in-process, not HTTP under load.
 */
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { budgetFacts, budgetTotals } from "../src/core/facts.ts";
import type { OpenDatabase } from "../src/store/database.ts";
import { createBudget } from "../src/store/repos/budgets.ts";
import { departmentYears, publicationBreakdown, publicationTotals, rankDepartments, regionByClass, regionTotals, writeFacts } from "../src/store/repos/facts.ts";
import { insertPublication } from "../src/store/repos/publications.ts";
import { addRegion } from "../src/store/repos/regions.ts";
import { createDepartment } from "../src/store/repos/tenancy.ts";
import { generateBudget } from "../test/support/generate.ts";
import { benchArgs, positiveInt } from "./args.ts";
import { onEachBackend } from "./backends.ts";

const args = benchArgs({ strings: ["departments", "cities", "counties", "queries"] });
const DEPARTMENTS = positiveInt(args, "departments", 500);
const CITIES = positiveInt(args, "cities", 4);
const COUNTIES = positiveInt(args, "counties", 5);
const QUERIES = positiveInt(args, "queries", 100);
const YEAR = 2021;

interface Result {
  backend: string;
  facts: number;
  writeSeconds: number;
  latencies: Record<string, { p50: number; p99: number }>;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function run(backend: string, o: OpenDatabase): Promise<Result> {
  const { db } = o;
  const province = await addRegion(db, { code: "990000", name: "样例省" });
  const regions = [province];
  const cities: number[] = [];
  for (let c = 1; c <= CITIES; c++) {
    const city = await addRegion(db, { code: `99${String(c).padStart(2, "0")}00`, name: `样例市${c}`, parentId: province });
    cities.push(city);
    regions.push(city);
    for (let k = 1; k <= COUNTIES; k++) regions.push(await addRegion(db, { code: `99${String(c).padStart(2, "0")}${String(k).padStart(2, "0")}`, name: `样例县${c}-${k}`, parentId: city }));
  }
  let facts = 0;
  let writing = 0;
  let somePublication = 0;
  for (let i = 0; i < DEPARTMENTS; i++) {
    const budget = generateBudget(7000 + i, { units: [1, 4], lineItems: [20, 160], projects: [2, 12] });
    const regionId = regions[i % regions.length]!;
    const departmentId = await createDepartment(db, regionId, `D${i}`, `部门${i}`);
    const budgetId = await createBudget(db, departmentId, YEAR);
    const rows = budgetFacts(budget);
    const totals = budgetTotals(budget);
    await db.transaction().execute(async (trx) => {
      const p = await insertPublication(trx, { budgetId, budgetVersion: 1, publishedOn: `${YEAR}-03-01`, publishedBy: null, changeNote: null, regionId, year: YEAR, departmentCode: `D${i}`, departmentName: `部门${i}`, title: "t", files: [] });
      somePublication = p.id;
      const t0 = performance.now();
      await writeFacts(trx, { publicationId: p.id, budgetId, regionId, departmentId, year: YEAR }, rows, totals, budget.prior);
      writing += performance.now() - t0;
    });
    facts += rows.length;
  }
  await sql`analyze`.execute(db);
  const questions: Record<string, () => Promise<unknown>> = {
    "province overview": () => Promise.all([regionTotals(db, province, YEAR), regionByClass(db, province, YEAR), rankDepartments(db, province, YEAR, { page: 1, pageSize: 50 })]),
    "city overview": () => Promise.all([regionTotals(db, cities[0]!, YEAR), regionByClass(db, cities[0]!, YEAR), rankDepartments(db, cities[0]!, YEAR, { page: 1, pageSize: 50 })]),
    "department page": async () => {
      const t = await publicationTotals(db, somePublication);
      return Promise.all([publicationBreakdown(db, somePublication), departmentYears(db, t!.department_id)]);
    },
  };
  const latencies: Result["latencies"] = {};
  for (const [name, ask] of Object.entries(questions)) {
    for (let i = 0; i < 5; i++) await ask(); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t0 = performance.now();
      await ask();
      ms.push(performance.now() - t0);
    }
    latencies[name] = { p50: quantile(ms, 0.5), p99: quantile(ms, 0.99) };
  }
  return { backend, facts, writeSeconds: writing / 1000, latencies };
}

const results = await onEachBackend("province", run);

const f1 = (n: number) => n.toFixed(1);
console.log(`\nprovince: 1 省, ${CITIES} 市, ${CITIES * COUNTIES} 县/区, ${DEPARTMENTS} departments, year ${YEAR}; ${QUERIES} queries each\n`);
console.log(["", ...results.map((r) => r.backend)].map((s, i) => s.padEnd(i === 0 ? 36 : 30)).join(""));
const line = (label: string, f: (r: Result) => string) => console.log([label, ...results.map(f)].map((s, i) => s.padEnd(i === 0 ? 36 : 30)).join(""));
line("facts written", (r) => `${r.facts}`);
line("facts write time (s)", (r) => `${r.writeSeconds.toFixed(2)} (${Math.round(r.facts / r.writeSeconds)} facts/s)`);
line("facts write per department (ms)", (r) => f1((r.writeSeconds * 1000) / DEPARTMENTS));
for (const q of Object.keys(results[0]!.latencies)) line(`${q} p50 / p99 (ms)`, (r) => `${f1(r.latencies[q]!.p50)} / ${f1(r.latencies[q]!.p99)}`);
