/**
 * API benchmark: `npm run bench:api [-- --seconds 3 --rounds 3 --autocannon]`.
 *
 * Measured on loopback in one run, each server in its own child process (so the load generator and the
 * server do not share an event loop). GETs use wrk when it is installed (`apt-get install -y wrk`): a C
 * load generator, where autocannon's own response parsing tops out near 50 MB/s here and so measured
 * itself on any large body; without wrk (or with --autocannon) autocannon does. The table names the tool.
 *  1. a bare Fastify hello-world (the ceiling on this machine), and the same bare server sending bodies as
 *     large as the compressed and the uncompressed document (what moving those bytes alone costs);
 *  2. reading a published document (GET /api/public/publications/:id/files/department/json: the route's
 *     lookup, encoding choice and headers; no database once the snapshot is cached) from the Yusuan server
 *     on PGlite with the 2021 sample published: as a browser asks (Accept-Encoding: gzip, deflate, br) —
 *     the headline —, by a client that accepts no compression, and as a browser's revalidation
 *     (If-None-Match with the ETag it was given → 304). Each is checked to get that answer before the load;
 *  3. saving a line item (PUT /api/budgets/:id/line-items/:n) into the 2022 draft, with autocannon, one
 *     connection, each request based on the version the previous one returned (a save is a versioned,
 *     audited transaction of the whole budget).
 * On a shared machine other work comes and goes, so the GETs run in interleaved rounds and each figure is
 * the median; the server's CPU time per request is printed too, as it moves less with other load than req/s.
 * Prints requests/s and p99 latency of each, the ratio read/bare hello-world (target ≥ 0.5) and beside it
 * read/bare-same-bytes, which separates our overhead from the cost of moving the document's bytes.
 * The Yusuan server runs with LOG_LEVEL=warn: per-request info logs are an operator's choice, not the API's cost.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { type IncomingMessage, get as httpGet } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { startServer } from "../src/server/start.ts";
import { benchArgs, positiveInt } from "./args.ts";

const TARGET_RATIO = 0.5;
const args = benchArgs({ strings: ["seconds", "rounds", "serve"], flags: ["autocannon"] });
const seconds = positiveInt(args, "seconds", 3);
/** Other work on a shared machine comes and goes: each GET runs this many times, interleaved, and the median counts. */
const rounds = positiveInt(args, "rounds", 3);

async function serveChild(mode: string): Promise<void> {
  // The server's CPU time (user + system, µs) on request: per request, it hardly moves with other load.
  process.on("message", () => process.send?.(process.cpuUsage()));
  if (mode === "hello") {
    const app = Fastify({ logger: false });
    app.get("/", async () => ({ hello: "world" }));
    const bodies = new Map<number, Buffer>();
    app.get<{ Params: { n: string } }>("/bytes/:n", async (req, reply) => {
      const n = Math.min(Number(req.params.n) || 1, 1 << 24);
      if (!bodies.has(n)) bodies.set(n, randomBytes(n));
      return reply.header("content-type", "application/octet-stream").send(bodies.get(n));
    });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    process.stdout.write(`READY ${address}\n`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-bench-"));
    const { address, stop } = await startServer({ dataDir: dir, port: 0, logLevel: "warn", publishFormats: ["json", "html"] });
    process.stdout.write(`READY ${address}\n`);
    process.once("SIGTERM", () => void stop().finally(() => (rmSync(dir, { recursive: true, force: true }), process.exit(0))));
  }
}

interface Server {
  child: ChildProcess;
  url: string;
}

function spawnServer(mode: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--serve", mode], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
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

/** The server process's CPU time so far, µs. */
function cpuOf(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once("message", (u) => resolve((u as NodeJS.CpuUsage).user + (u as NodeJS.CpuUsage).system));
    server.child.send("cpu");
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

/**
 * The seeded 2021 budget's publication (taking it through the workflow to 已公开 when the seed left it a
 * draft) and a 2022 draft to save into (the seed's, or a new one).
 */
async function prepare(url: string): Promise<{ publicationPath: string; draftId: number; lines: number; preparer: Session }> {
  const preparer = await login(url, "demo-preparer", "demo-preparer-2021");
  const approver = await login(url, "demo-approver", "demo-approver-2021");
  const reviewer = await login(url, "demo-reviewer", "demo-reviewer-2021");
  const { budgets } = (await call(url, preparer, "GET", "/api/budgets")) as { budgets: { id: number; year: number; state: string; departmentId: number }[] };
  const sample = budgets.find((b) => b.year === 2021)!;
  let { publications } = (await call(url, preparer, "GET", `/api/budgets/${sample.id}/publications`)) as { publications: { id: number }[] };
  if (publications.length === 0) {
    const check = (await call(url, preparer, "GET", `/api/budgets/${sample.id}/check`)) as { findings: { severity: string; rule: string; locationKey: string }[] };
    for (const f of check.findings.filter((x) => x.severity === "warning")) await call(url, preparer, "PUT", `/api/budgets/${sample.id}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: "基准测试说明" });
    const move = (s: Session, action: string, date?: string) => call(url, s, "POST", `/api/budgets/${sample.id}/transitions`, { action, date });
    await move(preparer, "submit");
    await move(approver, "approve-department");
    await move(reviewer, "approve-finance");
    await move(reviewer, "record-approval", "2021-02-10");
    publications = [((await move(approver, "publish", "2021-02-20")) as { publication: { id: number } }).publication];
  }
  let draftId = budgets.find((b) => b.year === 2022 && b.state === "draft")?.id;
  draftId ??= ((await call(url, preparer, "POST", "/api/budgets", { departmentId: sample.departmentId, year: 2022 })) as { budget: { id: number } }).budget.id;
  const v = (await call(url, preparer, "GET", `/api/budgets/${draftId}`)) as { version: number };
  await call(url, preparer, "POST", `/api/budgets/${draftId}/line-items`, { version: v.version, item: line(0) });
  const { lineItems } = (await call(url, preparer, "GET", `/api/budgets/${draftId}/line-items`)) as { lineItems: unknown[] };
  return { publicationPath: `/api/public/publications/${publications[0]!.id}/files/department/json`, draftId, lines: lineItems.length, preparer };
}

const line = (i: number) => ({ unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: `${1000 + (i % 1000)}.00`, memo: "办公费" });

interface Result {
  name: string;
  tool: string;
  rps: number;
  /** ms */
  p99: number;
  /** the server's CPU time (user + system) per request, µs */
  cpu: number;
  errors: number;
  /** answers other than the one expected (2xx, or 304 for a revalidation) */
  unexpected: number;
}

/** wrk when installed (a C load generator: it parses responses far faster than autocannon), else autocannon. */
const tool: "wrk" | "autocannon" = args.autocannon === true || spawnSync("wrk", ["--version"]).error ? "autocannon" : "wrk";

/** Runs a load against a server and adds the server's CPU time per request. */
async function measure(server: Server, load: () => Promise<Omit<Result, "cpu"> & { requests: number }>): Promise<Result> {
  const before = await cpuOf(server);
  const { requests, ...r } = await load();
  return { ...r, cpu: ((await cpuOf(server)) - before) / Math.max(requests, 1) };
}

/** A GET of one path with fixed headers, the load generator on one thread and 10 connections. */
function get(name: string, server: Server, path: string, headers: Record<string, string> = {}, duration = seconds): Promise<Result> {
  return measure(server, () => load(name, `${server.url}${path}`, headers, duration));
}

async function load(name: string, url: string, headers: Record<string, string>, duration: number): Promise<Omit<Result, "cpu"> & { requests: number }> {
  if (tool === "autocannon") {
    const r = await autocannon({ url, duration, connections: 10, headers });
    return { name, tool, rps: r.requests.average, requests: r.requests.total, p99: r.latency.p99, errors: r.errors, unexpected: r.non2xx - (headers["if-none-match"] ? r["3xx"] : 0) };
  }
  const args = ["-t1", "-c10", `-d${duration}s`, "--latency", ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]), url];
  const out = await new Promise<string>((resolve, reject) => execFile("wrk", args, (err, stdout) => (err ? reject(err) : resolve(stdout))));
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    name,
    tool,
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    p99: p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2] as "us"] : NaN,
    errors: socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0,
    unexpected: num(/Non-2xx or 3xx responses:\s+(\d+)/),
  };
}

/** Each figure's median over the rounds (errors and unexpected answers: all of them). */
function median(rs: Result[]): Result {
  const mid = (f: (r: Result) => number) => rs.map(f).sort((a, b) => a - b)[Math.floor(rs.length / 2)]!;
  const sum = (f: (r: Result) => number) => rs.reduce((s, r) => s + f(r), 0);
  return { name: rs[0]!.name, tool: rs[0]!.tool, rps: mid((r) => r.rps), p99: mid((r) => r.p99), cpu: mid((r) => r.cpu), errors: sum((r) => r.errors), unexpected: sum((r) => r.unexpected) };
}

/** What a client is sent: status, body size and headers (checked before the load, so each row measures what it says). */
async function probe(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; etag: string; encoding: string }> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => httpGet(url, { headers }, resolve).once("error", reject));
  let bytes = 0;
  for await (const chunk of res) bytes += (chunk as Buffer).length;
  return { status: res.statusCode ?? 0, bytes, etag: String(res.headers.etag ?? ""), encoding: String(res.headers["content-encoding"] ?? "identity") };
}

async function main(): Promise<void> {
  const yusuan = await spawnServer("yusuan");
  let hello: Server | undefined;
  try {
    const { publicationPath, draftId, lines, preparer } = await prepare(yusuan.url);
    const doc = `${yusuan.url}${publicationPath}`;
    // A browser's request headers; it asks for compressed content, and revalidates with the ETag it was given.
    const browser = { "accept-encoding": "gzip, deflate, br" };
    const compressed = await probe(doc, browser);
    const plain = await probe(doc, {});
    const revalidate = { ...browser, "if-none-match": compressed.etag };
    const notModified = await probe(doc, revalidate);
    if (compressed.status !== 200 || plain.status !== 200 || notModified.status !== 304) throw new Error(`unexpected answers: ${compressed.status} ${plain.status} ${notModified.status}`);
    hello = await spawnServer("hello");
    await get("warm-up", yusuan, publicationPath, browser, 1);
    await get("warm-up", hello, "/", {}, 1);

    const gets = [
      () => get("bare Fastify hello-world", hello!, "/"),
      () => get(`bare Fastify, ${compressed.bytes} B body`, hello!, `/bytes/${compressed.bytes}`),
      () => get(`bare Fastify, ${plain.bytes} B body`, hello!, `/bytes/${plain.bytes}`),
      () => get(`read, browser (${compressed.encoding})`, yusuan, publicationPath, browser),
      () => get("read, no Accept-Encoding", yusuan, publicationPath),
      () => get("read, If-None-Match → 304", yusuan, publicationPath, revalidate),
    ];
    const runs: Result[][] = gets.map(() => []);
    for (let round = 0; round < rounds; round++) for (const [k, g] of gets.entries()) runs[k]!.push(await g());
    const [bare, bareCompressed, barePlain, read, readPlain, read304] = runs.map(median) as [Result, Result, Result, Result, Result, Result];
    let version = ((await call(yusuan.url, preparer, "GET", `/api/budgets/${draftId}`)) as { version: number }).version;
    let i = 0;
    // A save is a versioned, audited transaction: one connection, each request on the version the last returned.
    const save = await measure(yusuan, async () => {
      const s = await autocannon({
      url: yusuan.url,
      duration: seconds * rounds,
      connections: 1,
      requests: [
        {
          method: "PUT",
          path: `/api/budgets/${draftId}/line-items/${lines - 1}`,
          headers: preparer.headers,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ version, item: line(++i) }) }),
          onResponse: (status, body) => {
            if (status === 200) version = (JSON.parse(body) as { version: number }).version;
          },
        },
      ],
    });
      return { name: `save a line item (of ${lines})`, tool: "autocannon", rps: s.requests.average, requests: s.requests.total, p99: s.latency.p99, errors: s.errors, unexpected: s.non2xx };
    });

    const rows = [bare, bareCompressed, barePlain, read, readPlain, read304, save];
    console.log(`\nYusuan API benchmark — GETs: median of ${rounds} interleaved rounds of ${seconds} s, 10 connections; save: ${seconds * rounds} s, 1 connection; loopback, servers in child processes, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log("measurement".padEnd(34), "tool".padEnd(10), "req/s".padStart(9), "p99 ms".padStart(8), "server CPU µs/req".padStart(18), "errors".padStart(7), "unexpected".padStart(10));
    for (const r of rows) console.log(r.name.padEnd(34), r.tool.padEnd(10), r.rps.toFixed(0).padStart(9), r.p99.toFixed(2).padStart(8), r.cpu.toFixed(1).padStart(18), String(r.errors).padStart(7), String(r.unexpected).padStart(10));
    console.log(`(the published disclosure.json: ${plain.bytes} bytes, ${compressed.bytes} bytes as ${compressed.encoding}; ETag ${compressed.etag})`);
    const ratio = (a: Result, b: Result) => (a.rps / b.rps).toFixed(2);
    const headline = read.rps / bare.rps;
    console.log(`\nratio read (browser)/bare hello-world = ${headline.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${headline >= TARGET_RATIO ? "OK" : "BELOW TARGET"}`);
    console.log(`ratio read (browser)/bare ${compressed.bytes} B body = ${ratio(read, bareCompressed)} (our overhead beyond moving the bytes)`);
    console.log(`ratio read (no Accept-Encoding)/bare hello-world = ${ratio(readPlain, bare)}; /bare ${plain.bytes} B body = ${ratio(readPlain, barePlain)}`);
    console.log(`ratio read (If-None-Match → 304)/bare hello-world = ${ratio(read304, bare)}`);
    const cpu = (a: Result, b: Result) => (b.cpu / a.cpu).toFixed(2);
    console.log(`server CPU per request, bare/read (the same ratios by work done, steadier under other load): hello-world/browser ${cpu(read, bare)}, same body ${cpu(read, bareCompressed)}; hello-world/no Accept-Encoding ${cpu(readPlain, bare)}, same body ${cpu(readPlain, barePlain)}; hello-world/304 ${cpu(read304, bare)}`);
    if (rows.some((r) => r.unexpected || r.errors)) console.log("warning: some requests failed or did not get the expected answer");
  } finally {
    hello?.child.kill("SIGTERM");
    yusuan.child.kill("SIGTERM");
  }
}

if (typeof args.serve === "string") await serveChild(args.serve);
else await main();
