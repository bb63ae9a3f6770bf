/**
 * 崩溃安全 — the server process is killed (SIGKILL) in the middle of a large import; after a restart the
 * budget is exactly as before (version, versions, line items) and the next import works. Runs the real
 * `yusuan serve` as a child process, on PGlite and on PostgreSQL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PG_URL } from "../store/databases.ts";
import { SAMPLE_TEXT, sampleBudget } from "./world.ts";
import { budgetToFile } from "../../src/formats/budget-file/convert.ts";

const LINE_ITEMS = 30_000;
/** the seed's draft: budget 2, the 2022 budget started from the published 2021 sample */
const DRAFT = 2;
const DRAFT_YEAR = 2022;
const draftText = SAMPLE_TEXT.replace(/^year: 2021$/m, `year: ${DRAFT_YEAR}`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  /** resolves when a log line matching `re` appears */
  waitFor(re: RegExp): Promise<void>;
  exited: Promise<void>;
}

async function startServer(env: Record<string, string>, args: string[]): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/yusuan.mjs", "serve", "--port", String(port), ...args], { env: { ...process.env, ...env, LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    log += d.toString();
    for (const w of [...waiters]) {
      if (!w.re.test(log)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: Server = {
    child,
    url: `http://127.0.0.1:${port}`,
    exited,
    waitFor: (re) =>
      new Promise<void>((resolve, reject) => {
        if (re.test(log)) return resolve();
        waiters.push({ re, resolve });
        void exited.then(() => reject(new Error(`server exited before ${re}:\n${log.slice(-3000)}`)));
      }),
  };
  await server.waitFor(/Yusuan API on/);
  return server;
}

/** The department's approver: a whole budget file (department-level fields too) is the department's to import. */
async function session(url: string): Promise<{ headers: Record<string, string> }> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "demo-approver", password: "demo-approver-2021" }) });
  expect(res.status).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { headers: { cookie, "x-csrf-token": csrf } };
}

async function state(url: string) {
  const s = await session(url);
  const budget = (await (await fetch(`${url}/api/budgets/${DRAFT}`, { headers: s.headers })).json()) as { version: number };
  const items = (await (await fetch(`${url}/api/budgets/${DRAFT}/line-items`, { headers: s.headers })).json()) as { lineItems: unknown[] };
  const versions = (await (await fetch(`${url}/api/budgets/${DRAFT}/versions`, { headers: s.headers })).json()) as { versions: { number: number }[] };
  return { s, version: budget.version, lineItems: items.lineItems.length, versions: versions.versions.map((v) => v.number) };
}

function importFile(url: string, s: { headers: Record<string, string> }, version: number, text: string, fileName = "budget.json") {
  const form = new FormData();
  form.append("file", new Blob([text]), fileName);
  return fetch(`${url}/api/budgets/${DRAFT}/import?version=${version}`, { method: "POST", headers: s.headers, body: form });
}

/** The sample with its line items repeated until there are LINE_ITEMS of them. */
function largeBudgetJson(): string {
  const b = budgetToFile({ ...sampleBudget(), year: DRAFT_YEAR }) as { lineItems: Record<string, unknown>[] };
  const base = b.lineItems.filter((l) => !l.project);
  b.lineItems = Array.from({ length: LINE_ITEMS }, (_, i) => ({ ...base[i % base.length]!, amount: "1.00", memo: `批量${i}` }));
  return JSON.stringify(b);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function crashAndRecover(env: Record<string, string>, args: string[], holdWrites?: () => Promise<() => Promise<void>>) {
  let server = await startServer(env, args);
  cleanups.push(() => void server.child.kill("SIGKILL"));
  const before = await state(server.url);
  expect(before.lineItems).toBeGreaterThan(0);

  const release = holdWrites ? await holdWrites() : undefined;
  // Logged inside the save's transaction, once the new version row is written and before the line items go in.
  const writing = server.waitFor(/save: writing line items/);
  const pending = importFile(server.url, before.s, before.version, largeBudgetJson()).then(
    (r) => ({ status: r.status }),
    (e: unknown) => ({ error: e }),
  );
  await writing;
  await new Promise((r) => setTimeout(r, 50));
  server.child.kill("SIGKILL");
  await server.exited;
  await release?.();
  const outcome = await pending;
  expect(outcome, "the import must not have answered: it was killed mid-write").toHaveProperty("error");

  server = await startServer(env, args);
  const after = await state(server.url);
  expect({ version: after.version, lineItems: after.lineItems, versions: after.versions }).toEqual({ version: before.version, lineItems: before.lineItems, versions: before.versions });
  const again = await importFile(server.url, after.s, after.version, draftText, "budget.yaml");
  expect(again.status).toBe(200);
  expect(((await again.json()) as { version: number }).version).toBe(before.version + 1);
  server.child.kill("SIGTERM");
  await server.exited;
}

describe("crash safety", () => {
  it("PGlite: SIGKILL in the middle of an import leaves the previous state intact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-crash-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await crashAndRecover({ DATABASE_URL: "" }, ["--data-dir", dir]);
  }, 120_000);

  it.skipIf(!PG_URL)("PostgreSQL: SIGKILL in the middle of an import leaves the previous state intact", async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const name = `crash_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    });
    const url = PG_URL!.replace(/\/[^/]*$/, `/${name}`);
    // Hold a lock that the import's DELETE of line items waits on, so the kill lands inside its transaction.
    const hold = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query("begin");
      await c.query("lock table line_items in share mode");
      return async () => {
        await c.query("rollback");
        await c.end();
      };
    };
    await crashAndRecover({ DATABASE_URL: url }, [], hold);
  }, 120_000);
});
