/**
 * API benchmark: `npm run bench:api [-- --seconds 5]`.
 *
 * Three measurements with autocannon on loopback, in one run, each against a server in its own child
 * process (so the load generator and the server do not share an event loop):
 *  1. a bare Fastify hello-world (the ceiling on this machine), and the same bare server sending a body
 *     as large as the compressed document (what the payload alone costs here);
 *  2. reading a published document (GET /api/public/publications/:id/files/department/json) from the
 *     Yusuan server on PGlite, seeded with the 2021 sample and taken through the workflow to 已公开;
 *  3. saving a line item (PUT /api/budgets/:id/line-items/0), one connection, each request based on the
 *     version the previous one returned (a save is a versioned, audited transaction).
 * Prints requests/s and p99 latency of each and the ratio read/bare hello-world (target ≥ 0.5), and beside
 * it read/bare-same-bytes, which separates our overhead from the cost of moving the document's bytes.
 * The Yusuan server runs with LOG_LEVEL=warn: per-request info logs are an operator's choice, not the API's cost.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { startServer } from "../src/server/start.ts";

const TARGET_RATIO = 0.5;
const seconds = Number(process.argv[process.argv.indexOf("--seconds") + 1]) || 5;

async function serveChild(mode: string): Promise<void> {
  if (mode === "hello") {
    const app = Fastify({ logger: false });
    app.get("/", async () => ({ hello: "world" }));
    const body = randomBytes(Number(process.argv[process.argv.indexOf("--bytes") + 1]) || 1);
    app.get("/bytes", async (_req, reply) => reply.header("content-type", "application/octet-stream").send(body));
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    process.stdout.write(`READY ${address}\n`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-bench-"));
    const { address, stop } = await startServer({ dataDir: dir, port: 0, logLevel: "warn", publishFormats: ["json", "html"] });
    process.stdout.write(`READY ${address}\n`);
    process.once("SIGTERM", () => void stop().finally(() => (rmSync(dir, { recursive: true, force: true }), process.exit(0))));
  }
}

function spawnServer(mode: string, extra: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--serve", mode, ...extra], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once("exit", (code) => reject(new Error(`${mode} server exited (${code})`)));
  });
}

interface Session {
  headers: Record<string, string>;
}

async function login(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-csrf-token": csrfToken, "content-type": "application/json" } };
}

async function call(url: string, s: Session, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, { method, headers: s.headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Takes the seeded 2021 budget to 已公开 and opens a 2022 draft to save into. */
async function prepare(url: string): Promise<{ publicationPath: string; draftId: number; preparer: Session }> {
  const preparer = await login(url, "demo-preparer", "demo-preparer-2021");
  const approver = await login(url, "demo-approver", "demo-approver-2021");
  const reviewer = await login(url, "demo-reviewer", "demo-reviewer-2021");
  const check = (await call(url, preparer, "GET", "/api/budgets/1/check")) as { findings: { severity: string; rule: string; locationKey: string }[] };
  for (const f of check.findings.filter((x) => x.severity === "warning")) await call(url, preparer, "PUT", "/api/budgets/1/explanations", { rule: f.rule, locationKey: f.locationKey, text: "基准测试说明" });
  const move = (s: Session, action: string, date?: string) => call(url, s, "POST", "/api/budgets/1/transitions", { action, date });
  await move(preparer, "submit");
  await move(approver, "approve-department");
  await move(reviewer, "approve-finance");
  await move(reviewer, "record-approval", "2021-02-10");
  const published = (await move(approver, "publish", "2021-02-20")) as { publication: { id: number } };
  const departments = (await call(url, preparer, "GET", "/api/departments")) as { departments: { departmentId: number }[] };
  const created = (await call(url, preparer, "POST", "/api/budgets", { departmentId: departments.departments[0]!.departmentId, year: 2022 })) as { budget: { id: number } };
  const draftId = created.budget.id;
  const v = (await call(url, preparer, "GET", `/api/budgets/${draftId}`)) as { version: number };
  await call(url, preparer, "POST", `/api/budgets/${draftId}/line-items`, { version: v.version, item: line(0) });
  return { publicationPath: `/api/public/publications/${published.publication.id}/files/department/json`, draftId, preparer };
}

const line = (i: number) => ({ unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: `${1000 + (i % 1000)}.00`, memo: "办公费" });

interface Result {
  name: string;
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(name: string, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ duration: seconds, ...opts });
  return { name, rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function main(): Promise<void> {
  const yusuan = await spawnServer("yusuan");
  let hello: { child: ChildProcess; url: string } | undefined;
  try {
    const { publicationPath, draftId, preparer } = await prepare(yusuan.url);
    // warm-up: JIT and the snapshot cache
    await autocannon({ url: `${yusuan.url}${publicationPath}`, duration: 1, connections: 10, headers: { "accept-encoding": "br, gzip" } });
    const sizes = await Promise.all(["identity", "br"].map(async (e) => (await fetch(`${yusuan.url}${publicationPath}`, { headers: { "accept-encoding": e } })).headers.get("content-length")));
    hello = await spawnServer("hello", ["--bytes", sizes[1] ?? "1"]);
    await autocannon({ url: `${hello.url}/`, duration: 1, connections: 10 });

    const bare = await run("bare Fastify hello-world", { url: `${hello.url}/`, connections: 10 });
    const bareBytes = await run(`bare Fastify, ${sizes[1]} B body`, { url: `${hello.url}/bytes`, connections: 10 });
    // A browser asks for compressed content; the snapshot's brotli variant was made once, when cached.
    const read = await run("read a published document", { url: `${yusuan.url}${publicationPath}`, connections: 10, headers: { "accept-encoding": "br, gzip" } });
    let version = ((await call(yusuan.url, preparer, "GET", `/api/budgets/${draftId}`)) as { version: number }).version;
    let i = 0;
    const save = await run("save a line item", {
      url: yusuan.url,
      connections: 1,
      requests: [
        {
          method: "PUT",
          path: `/api/budgets/${draftId}/line-items/0`,
          headers: preparer.headers,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ version, item: line(++i) }) }),
          onResponse: (status, body) => {
            if (status === 200) version = (JSON.parse(body) as { version: number }).version;
          },
        },
      ],
    });

    const rows = [bare, bareBytes, read, save];
    console.log(`\nYusuan API benchmark — autocannon, ${seconds} s each, loopback, Node ${process.version}`);
    console.log("measurement".padEnd(30), "req/s".padStart(10), "p99 ms".padStart(8), "errors".padStart(7), "non-2xx".padStart(8));
    for (const r of rows) console.log(r.name.padEnd(30), r.rps.toFixed(0).padStart(10), String(r.p99).padStart(8), String(r.errors).padStart(7), String(r.non2xx).padStart(8));
    console.log(`(the published disclosure.json: ${sizes[0]} bytes, ${sizes[1]} bytes as brotli)`);
    const ratio = read.rps / bare.rps;
    console.log(`\nratio read/bare hello-world = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? "OK" : "BELOW TARGET"}`);
    console.log(`ratio read/bare same-size body = ${(read.rps / bareBytes.rps).toFixed(2)} (our overhead beyond moving the bytes)`);
    if (read.non2xx || save.non2xx) console.log("warning: some requests did not answer 2xx");
  } finally {
    hello?.child.kill("SIGTERM");
    yusuan.child.kill("SIGTERM");
  }
}

const serveAt = process.argv.indexOf("--serve");
if (serveAt >= 0) await serveChild(process.argv[serveAt + 1] ?? "");
else await main();
