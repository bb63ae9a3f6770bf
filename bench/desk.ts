/**
 * 财政局工作台 — times GET /api/desk for a bureau of N departments (default 100), each with the sample's
 * budget under its own codes, through the real server (Fastify inject, a signed-in administrator): the
 * first request, then requests that find the counts current, sorted by findings and by days waiting, a
 * later page. Each version's findings are counted as it is saved (as the server's saves do,
 * src/server/budget-checks.ts); with --saved-before they are not (versions saved before that), and the
 * first request counts them all. PGlite in memory, and PostgreSQL when YUSUAN_BENCH_PG_URL or
 * YUSUAN_TEST_PG_URL is set (a fresh schema, dropped after).
 *
 *   npx tsx bench/desk.ts [--departments 100] [--requests 20] [--saved-before]
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { controlFiguresOf } from "../src/core/workflow.ts";
import { parseBudgetText } from "../src/formats/budget-file/read.ts";
import { buildApp } from "../src/server/app.ts";
import { hashPassword } from "../src/server/auth/passwords.ts";
import { recordCheck } from "../src/server/budget-checks.ts";
import { toContent } from "../src/server/budget-content.ts";
import type { OpenDatabase } from "../src/store/database.ts";
import { createBudget, saveVersion } from "../src/store/repos/budgets.ts";
import { replaceControlFigures } from "../src/store/repos/control-figures.ts";
import { createDepartment, createRegion, createUnit } from "../src/store/repos/tenancy.ts";
import { createUser } from "../src/store/repos/users.ts";
import { benchArgs, positiveInt } from "./args.ts";
import { onEachBackend } from "./backends.ts";

const args = benchArgs({ strings: ["departments", "requests"], flags: ["saved-before"] });
const COUNT_AT_SAVE = !args["saved-before"];
const DEPARTMENTS = positiveInt(args, "departments", 100);
const REQUESTS = positiveInt(args, "requests", 20);
const SAMPLE = readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8");

async function run(backend: string, o: OpenDatabase): Promise<Record<string, string>> {
  const db = o.db;
  const region = await createRegion(db, "410311", "洛阳市洛龙区");
  const app = await buildApp(o, { loginRateLimit: 10_000 });
  try {
    let counting = 0;
    for (let i = 0; i < DEPARTMENTS; i++) {
      const code = String(400 + i);
      const b = parseBudgetText(SAMPLE.replaceAll("313001", `${code}001`).replace('code: "313"', `code: "${code}"`), "budget.yaml", "yaml");
      const dept = await createDepartment(db, region, code, `部门${code}`);
      await createUnit(db, dept, `${code}001`, `单位${code}`);
      const id = await createBudget(db, dept, 2021);
      await db.transaction().execute(async (trx) => {
        const saved = await saveVersion(trx, { budgetId: id, expectedVersion: 0, content: toContent(b), lineItems: b.lineItems, authorId: null });
        if (!COUNT_AT_SAVE) return;
        const t = performance.now();
        await recordCheck(trx, app.ctx.catalogs, { budgetId: id, regionId: region, year: 2021, version: saved.version }, b);
        counting += performance.now() - t;
      });
      await replaceControlFigures(db, dept, 2021, controlFiguresOf(b), null);
    }
    await createUser(db, { username: "bench-admin", displayName: "管理员", passwordHash: await hashPassword("bench-password-1"), role: "admin", regionId: region });
    const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bench-admin", password: "bench-password-1" } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const get = async (url: string) => {
      const t = performance.now();
      const res = await app.inject({ method: "GET", url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return performance.now() - t;
    };
    const first = await get("/api/desk?year=2021&today=2021-03-10");
    const times: Record<string, number[]> = { "by department": [], "by errors, desc": [], "by days waiting, page 2 of 20": [] };
    for (let i = 0; i < REQUESTS; i++) {
      times["by department"]!.push(await get("/api/desk?year=2021&today=2021-03-10"));
      times["by errors, desc"]!.push(await get("/api/desk?year=2021&today=2021-03-10&sort=errors&order=desc"));
      times["by days waiting, page 2 of 20"]!.push(await get("/api/desk?year=2021&today=2021-03-10&sort=daysWaiting&pageSize=20&page=2"));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      backend,
      "findings counted at save, mean per budget": COUNT_AT_SAVE ? `${(counting / DEPARTMENTS).toFixed(1)} ms` : "—",
      [COUNT_AT_SAVE ? "first request (counts read)" : "first request (counts every budget's findings)"]: `${first.toFixed(0)} ms`,
      ...Object.fromEntries(Object.entries(times).map(([k, v]) => [`${k}, median of ${REQUESTS}`, `${median(v).toFixed(1)} ms`])),
    };
  } finally {
    await app.close();
  }
}

const results = await onEachBackend("desk", run);
console.log(`\nbureau desk: ${DEPARTMENTS} departments, GET /api/desk through the server, findings ${COUNT_AT_SAVE ? "counted at save" : "not counted at save"}; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}\n`);
for (const key of Object.keys(results[0]!)) console.log([key.padEnd(50), ...results.map((r) => (r[key] ?? "").padEnd(14))].join(""));
