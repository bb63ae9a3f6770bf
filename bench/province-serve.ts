/**
 * The generated province, published and served: `npm run bench:province-serve [-- --departments 40
 * --cities 2 --counties 4 --years 1 --seconds 5]`.
 *
 * On PGlite and, when YUSUAN_BENCH_PG_URL or YUSUAN_TEST_PG_URL is set, on that PostgreSQL server (a schema
 * of its own, dropped after), side by side (bench/backends.ts):
 * 1. publishes the province through the workflow services (src/server/seed-region.ts: create, control
 *    figures, explanations, submit, both approvals, 批复, publish with its JSON snapshot and its facts),
 *    timed per budget, and the time 5,000 departments would take at that rate;
 * 2. restarts the server on that database and loads the portal with wrk (10 connections, one thread,
 *    `seconds` each, the first request after the restart included): the province's overview, a city's, a
 *    department's page — p99 and requests/s — beside bare Fastify's hello-world in the same run;
 * 3. streams the province-year's CSV (the Fiscal Data Package's resource): time, size, and how far the
 *    process's resident memory rose meanwhile.
 * `--facts-only`: step 1 writes each department's publication and facts alone (bench/province-facts.ts: no
 * workflow, no documents — what the portal reads), so the portal is loaded at full size (5,000 departments)
 * in about half a minute a backend on a quiet machine. `--backends pglite|postgresql` runs one of them.
 * wrk: `apt-get install -y wrk`. The targets (issue 20): facts of 5,000 departments ≤ 2 min; p99 ≤ 50 ms.
 */
import { execFile } from "node:child_process";
import { get as httpGet } from "node:http";
import { loadavg } from "node:os";
import Fastify from "fastify";
import { sql } from "kysely";
import { buildApp } from "../src/server/app.ts";
import { type ProvinceSize, seedProvince } from "../src/server/seed-region.ts";
import type { OpenDatabase } from "../src/store/database.ts";
import { provinceBudget } from "../test/support/province.ts";
import { benchArgs, positiveInt, words } from "./args.ts";
import { onEachBackend } from "./backends.ts";
import { writeProvinceFacts } from "./province-facts.ts";

const args = benchArgs({ strings: ["departments", "cities", "counties", "years", "seconds", "backends"], flags: ["facts-only"] });
const FACTS_ONLY = args["facts-only"] === true;
const SIZE: ProvinceSize = {
  departments: positiveInt(args, "departments", 40),
  units: positiveInt(args, "departments", 40) * 4,
  cities: positiveInt(args, "cities", 2),
  counties: positiveInt(args, "counties", 4),
  years: positiveInt(args, "years", 1),
  firstYear: 2021,
  code: "990000",
  name: "样例省",
};
const SECONDS = positiveInt(args, "seconds", 5);

interface Load {
  rps: number;
  p99: number;
  p50: number;
  non2xx: number;
}

async function wrk(url: string): Promise<Load> {
  const out = await new Promise<string>((resolve, reject) => execFile("wrk", ["-t1", "-c10", `-d${SECONDS}s`, "--latency", url], (err, stdout) => (err ? reject(err) : resolve(stdout))));
  const ms = (q: string) => {
    const m = new RegExp(`^\\s*${q}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(out);
    return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2] as "us"] : NaN;
  };
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), p50: ms("50"), p99: ms("99"), non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) };
}

/** Streams a URL to nowhere; the time, the bytes and the rise of this process's RSS meanwhile (MB). */
async function stream(url: string): Promise<{ seconds: number; mb: number; rssRiseMB: number }> {
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  let bytes = 0;
  await new Promise<void>((resolve, reject) =>
    httpGet(url, (res) => {
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", resolve);
      res.on("error", reject);
    }).once("error", reject),
  );
  clearInterval(timer);
  return { seconds: (performance.now() - t0) / 1000, mb: bytes / 1e6, rssRiseMB: (peak - rss0) / 1e6 };
}

interface Result {
  backend: string;
  budgets: number;
  facts: number;
  seedSeconds: number;
  loads: Record<string, Load>;
  csv: { seconds: number; mb: number; rssRiseMB: number };
}

async function run(backend: string, database: OpenDatabase, concurrency: number): Promise<Result> {
  const t0 = performance.now();
  let seeded: { budgets: number; facts: number };
  if (FACTS_ONLY) seeded = await writeProvinceFacts(database.db, SIZE);
  else {
    const seeder = await buildApp(database, { publishFormats: ["json"], logger: false });
    seeded = await seedProvince(seeder.ctx, SIZE, (plan) => provinceBudget(plan, SIZE.firstYear), { concurrency });
    await seeder.close();
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  await sql`analyze`.execute(database.db);
  // a restarted server: a new app on the same database, nothing cached
  const app = await buildApp(database, { logger: false });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    const db = database.db;
    const city = (await db.selectFrom("regions").select("code").where("level", "=", "city").orderBy("code").executeTakeFirstOrThrow()).code;
    const publication = (await db.selectFrom("publications").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    const paths: Record<string, string> = {
      "province overview": `/api/public/regions/${SIZE.code}/overview?year=${SIZE.firstYear}`,
      "city overview": `/api/public/regions/${city}/overview?year=${SIZE.firstYear}`,
      "department page": `/api/public/publications/${publication}/figures`,
    };
    const loads: Record<string, Load> = {};
    for (const [name, path] of Object.entries(paths)) loads[name] = await wrk(`${base}${path}`);
    const csv = await stream(`${base}/api/public/open-data/regions/${SIZE.code}/${SIZE.firstYear}/facts.csv`);
    return { backend, budgets: seeded.budgets, facts: seeded.facts, seedSeconds, loads, csv };
  } finally {
    await app.close();
  }
}

async function hello(): Promise<Load> {
  const app = Fastify();
  app.get("/", async () => ({ hello: "world" }));
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  try {
    return await wrk(base);
  } finally {
    await app.close();
  }
}

console.log(`province: 1 省, ${SIZE.cities} 市, ${SIZE.counties} 县/区, ${SIZE.departments} departments × ${SIZE.years} year(s); wrk 10 connections ${SECONDS} s; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
// PGlite answers one query at a time: publishing there goes one budget at a time
const results = await onEachBackend("serve", (backend, database) => run(backend, database, backend === "PGlite" ? 1 : 4), words(args, "backends", ["pglite", "postgresql"]));
const bare = await hello();

const col = (s: string, i: number) => s.padEnd(i === 0 ? 42 : 34);
const line = (label: string, f: (r: Result) => string) => console.log([label, ...results.map(f)].map(col).join(""));
console.log(`\n${["", ...results.map((r) => r.backend)].map(col).join("")}`);
line(FACTS_ONLY ? "budgets' facts written (no workflow)" : "budgets published (workflow)", (r) => `${r.budgets} (${r.facts} facts) in ${r.seedSeconds.toFixed(1)} s`);
line("per budget (ms)", (r) => ((r.seedSeconds * 1000) / r.budgets).toFixed(1));
if (!FACTS_ONLY) line("5,000 departments at that rate (min)", (r) => ((r.seedSeconds / r.budgets) * 5000 / 60).toFixed(1));
for (const name of Object.keys(results[0]?.loads ?? {})) line(`${name} p50 / p99 ms (req/s)`, (r) => `${r.loads[name]!.p50.toFixed(1)} / ${r.loads[name]!.p99.toFixed(1)} (${Math.round(r.loads[name]!.rps)})${r.loads[name]!.non2xx ? ` ${r.loads[name]!.non2xx} non-2xx` : ""}`);
line("province-year CSV", (r) => `${r.csv.mb.toFixed(1)} MB in ${r.csv.seconds.toFixed(2)} s, RSS +${r.csv.rssRiseMB.toFixed(0)} MB`);
console.log(`bare Fastify hello-world p50 / p99 ms (req/s): ${bare.p50.toFixed(2)} / ${bare.p99.toFixed(2)} (${Math.round(bare.rps)})`);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
