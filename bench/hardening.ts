/**
 * Hardening benchmark (issue 19): `npm run bench:hardening [-- --pairs 200 --fuzz 2000 --job-timeout 10000]`.
 *
 * On PostgreSQL when YUSUAN_TEST_PG_URL (or DATABASE_URL) is set — a fresh schema, two servers (two apps,
 * two connection pools) — else on PGlite in memory with one. The demo is seeded and its 2022 draft used.
 *  1. raced save/submit pairs: a save of a reason and a submission sent at once, then a return to 草稿;
 *     a lost edit is a save answered 200 whose text is not in the stored content, a late edit one stored
 *     after the submission (the submitted version is not the last);
 *  2. fuzzed requests over every documented route (test/support/fuzz-api.ts): the count of 5xx answers;
 *  3. bombs: each refused request's status, time (wall and the process's CPU), the server's RSS growth (peak
 *     while it ran), the longest a health check waited meanwhile, and the load average (the machine is
 *     shared: wall times stretch with it); "ok" when refused within 2 s, +≤ 200 MB and health ≤ 200 ms.
 *     The job pool is started by an ordinary audit before the bombs are timed.
 */
import { loadavg } from "node:os";
import { sql } from "kysely";
import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/server/app.ts";
import { seedDemo } from "../src/server/seed.ts";
import { type OpenDatabase, openDatabase } from "../src/store/database.ts";
import { lyingZipXlsx, manyRowsPaymentsCsv, manyRowsPaymentsXlsx, pdfDeflateBomb } from "../test/support/bombs.ts";
import { documentedRoutes, fuzzRequests, fuzzUrl } from "../test/support/fuzz-api.ts";
import { benchArgs, positiveInt } from "./args.ts";

const args = benchArgs({ strings: ["pairs", "fuzz", "job-timeout"] });
const PAIRS = positiveInt(args, "pairs", 200);
const FUZZ = positiveInt(args, "fuzz", 2000);
const URL = process.env.YUSUAN_TEST_PG_URL ?? process.env.DATABASE_URL;

interface Session {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = res.json().csrfToken as string;
  return {
    request: (method, url, body, headers = {}) =>
      app.inject({ method: method as "GET", url, headers: { cookie, "x-csrf-token": csrf, ...headers }, ...(body !== undefined ? { payload: body as object } : {}) }),
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const schema = `bench_hardening_${process.pid}`;
  const dbs: OpenDatabase[] = [await openDatabase(URL ? { url: URL, schema } : {})];
  await seedDemo(dbs[0]!.db, ["json"]);
  // the bench's own job limits: short, so a runaway job's stop is seen within the run
  const options = { publishFormats: ["json"], loginRateLimit: 1_000_000, jobLimits: { timeoutMs: positiveInt(args, "job-timeout", 10_000), memoryMb: 512 } };
  const apps = [await buildApp(dbs[0]!, options)];
  if (URL) {
    dbs.push(await openDatabase({ url: URL, schema }));
    apps.push(await buildApp(dbs[1]!, options));
  }
  const db = dbs[0]!.db;
  console.log(`hardening bench on ${URL ? "PostgreSQL, two servers" : "PGlite, one server"}`);

  let editor = await login(apps[0]!, "demo-preparer", "demo-preparer-2021");
  const submitter = await login(apps[apps.length - 1]!, "demo-preparer", "demo-preparer-2021");
  const approver = await login(apps[0]!, "demo-approver", "demo-approver-2021");
  const budgetId = (await db.selectFrom("budgets").select("id").where("year", "=", 2022).executeTakeFirstOrThrow()).id;
  const check = (await editor.request("GET", `/api/budgets/${budgetId}/check`)).json();
  for (const f of check.findings.filter((x: { severity: string }) => x.severity === "warning")) {
    await editor.request("PUT", `/api/budgets/${budgetId}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: "已核实" });
  }

  // 1. raced pairs
  const reasons = ((await editor.request("GET", `/api/budgets/${budgetId}`)).json().content.reasons ?? {}) as Record<string, string>;
  let lost = 0;
  let late = 0;
  const outcome = { saveThenSubmit: 0, submitOnly: 0, saveOnly: 0, other: 0 };
  const t0 = performance.now();
  for (let i = 0; i < PAIRS; i++) {
    const before = (await db.selectFrom("budgets").select("version").where("id", "=", budgetId).executeTakeFirstOrThrow()).version;
    const text = `bench ${i}`;
    const [save, submit] = await Promise.all([
      editor.request("PUT", `/api/budgets/${budgetId}/texts`, { version: before, reasons: { ...reasons, total: text } }),
      submitter.request("POST", `/api/budgets/${budgetId}/transitions`, { action: "submit" }),
    ]);
    const b = await db.selectFrom("budgets").select(["state", "version"]).where("id", "=", budgetId).executeTakeFirstOrThrow();
    const v = await db.selectFrom("budget_versions").select(["note", "content"]).where("budget_id", "=", budgetId).where("number", "=", b.version).executeTakeFirstOrThrow();
    const stored = (v.content as { reasons?: Record<string, string> }).reasons?.total;
    if (save.statusCode === 200 && stored !== text) lost++;
    if (submit.statusCode === 200 && v.note !== "提交 / submitted") late++;
    if (save.statusCode === 200 && submit.statusCode === 200) outcome.saveThenSubmit++;
    else if (submit.statusCode === 200) outcome.submitOnly++;
    else if (save.statusCode === 200) outcome.saveOnly++;
    else outcome.other++;
    if (b.state === "submitted") await approver.request("POST", `/api/budgets/${budgetId}/transitions`, { action: "return", comment: "bench" });
  }
  console.log(`raced save/submit pairs: ${PAIRS} in ${((performance.now() - t0) / 1000).toFixed(1)} s — lost edits ${lost}, late edits ${late} (target 0); outcomes ${JSON.stringify(outcome)}`);

  // 2. fuzz
  const routes = documentedRoutes(apps[0]!);
  let admin = await login(apps[0]!, "demo-admin", "demo-admin-2021");
  const anonymous: Session = { request: (method, url, body, headers = {}) => apps[0]!.inject({ method: method as "GET", url, headers, ...(body !== undefined ? { payload: body as object } : {}) }) };
  const samples = fc.sample(fuzzRequests(routes), { numRuns: FUZZ, seed: 1919 });
  let fivexx = 0;
  const t1 = performance.now();
  for (const r of samples) {
    const who = r.anonymous ? anonymous : r.route.path.includes("budgets") ? editor : admin;
    const res = await who.request(r.route.method, fuzzUrl(r), r.body === undefined || r.route.method === "GET" ? undefined : r.body);
    if (res.statusCode >= 500) {
      fivexx++;
      if (fivexx <= 5) console.log(`  5xx: ${r.route.method} ${fuzzUrl(r).slice(0, 120)} → ${res.statusCode}`);
    }
  }
  const alive = (await anonymous.request("GET", "/api/health")).statusCode === 200;
  console.log(`fuzzed requests: ${FUZZ} over ${routes.length} routes in ${((performance.now() - t1) / 1000).toFixed(1)} s — 5xx ${fivexx} (target 0); server alive afterwards: ${alive}`);

  // 3. bombs, from fresh sessions (the fuzzer may have signed the others out)
  editor = await login(apps[0]!, "demo-preparer", "demo-preparer-2021");
  admin = await login(apps[0]!, "demo-admin", "demo-admin-2021");
  const version = (await db.selectFrom("budgets").select("version").where("id", "=", budgetId).executeTakeFirstOrThrow()).version;
  const upload = (url: string, name: string, content: Buffer | string, who: Session = editor, fields: Record<string, string> = {}) => {
    const boundary = "----benchhardening";
    const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("");
    const body = Buffer.concat([Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return who.request("POST", url, body, { "content-type": `multipart/form-data; boundary=${boundary}` });
  };
  // the bombs are built before they are timed
  const lying = lyingZipXlsx();
  const manyRowsXlsx = manyRowsPaymentsXlsx(5_000_000);
  const manyRowsCsv = manyRowsPaymentsCsv(5_000_000, true);
  const pdfBomb = pdfDeflateBomb();
  const content = (await editor.request("GET", `/api/budgets/${budgetId}`)).json().content;
  const laughs = ["a: &a [" + Array(9).fill('"lol"').join(",") + "]", ..."bcdefgh".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`)].join("\n");
  const bombs: [string, () => Promise<LightMyRequestResponse>][] = [
    ["JSON nested 1,000,000 deep", () => editor.request("PUT", `/api/budgets/${budgetId}/texts`, `{"version":${version},"profile":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`, { "content-type": "application/json" })],
    ["300,000-character reason", () => editor.request("PUT", `/api/budgets/${budgetId}/texts`, { version, reasons: { ...reasons, total: "字".repeat(300_000) } })],
    ["YAML billion laughs (import)", () => upload(`/api/budgets/${budgetId}/import?version=${version}`, "budget.yaml", laughs)],
    ["21 MB upload (import)", () => upload(`/api/budgets/${budgetId}/import?version=${version}`, "budget.yaml", Buffer.alloc(21 * 1024 * 1024, 0x23))],
    ["invalid UTF-8 body", () => editor.request("PUT", `/api/budgets/${budgetId}/texts`, Buffer.from([0x7b, 0xff, 0x7d]), { "content-type": "application/json" })],
    ["id 2^31 (public)", () => anonymous.request("GET", "/api/public/publications/2147483648")],
    [`lying-zip XLSX ${mb(lying.length)} → 1.1 GB (import)`, () => upload(`/api/budgets/${budgetId}/import?version=${version}`, "budget.xlsx", lying)],
    ["lying-zip XLSX (payments)", () => upload(`/api/budgets/${budgetId}/execution/payments`, "payments.xlsx", lying)],
    ["lying-zip XLSX (catalog, admin)", () => upload("/api/catalogs/2022", "catalog.xlsx", lying, admin, { kind: "functional" })],
    ["5,000,000-row payments XLSX", () => upload(`/api/budgets/${budgetId}/execution/payments`, "payments.xlsx", manyRowsXlsx)],
    ["5,000,000-row payments CSV (10 MB)", () => upload(`/api/budgets/${budgetId}/execution/payments`, "payments.csv", manyRowsCsv)],
    ["PDF deflate bomb 1.1 GB (audit)", () => upload("/api/audit", "bomb.pdf", pdfBomb)],
    ["1 MB department.name (save)", () => editor.request("PUT", `/api/budgets/${budgetId}`, { version, content: { ...content, department: { ...content.department, name: "部".repeat(350_000) } } })],
  ];
  // the job pool's threads start with the first document read: start them before the bombs are timed
  // (a job's time limit starts in a ready thread too), and say how long that took
  const w0 = performance.now();
  await upload("/api/audit", "warm.txt", "一、收入支出预算总体情况\n");
  console.log(`job pool started by an ordinary audit in ${(performance.now() - w0).toFixed(0)} ms (not counted below); load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  for (const [name, send] of bombs) {
    let worstHealth = 0;
    let running = true;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const probe = (async () => {
      while (running) {
        const h0 = performance.now();
        await anonymous.request("GET", "/api/health");
        worstHealth = Math.max(worstHealth, performance.now() - h0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const before = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const s = performance.now();
    const res = await send();
    const ms = performance.now() - s;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    const refusal = res.statusCode >= 400 ? ` ${String(res.json().error?.message ?? "").slice(0, 60)}…` : "";
    running = false;
    await probe;
    const verdict = res.statusCode >= 400 && ms <= 2000 && peak - before <= 200 * 1024 * 1024 && worstHealth <= 200 ? "ok" : "MISSED";
    console.log(
      `bomb ${name}: ${res.statusCode} in ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), RSS ${mb(before)} → peak ${mb(peak)} (+${mb(peak - before)}) → ${mb(process.memoryUsage().rss)}, slowest health check meanwhile ${worstHealth.toFixed(0)} ms [${verdict}; load ${loadavg()[0]!.toFixed(1)}]${refusal}`,
    );
  }
  console.log(`RSS growth over all bombs: ${mb(process.memoryUsage().rss - rss0)} (target ≤ 200 MB); every bomb refused within 2 s is the target`);

  for (const app of apps) await app.close();
  if (URL) await sql.raw(`drop schema ${schema} cascade`).execute(db);
  for (const d of dbs) await d.close();
}

await main();
