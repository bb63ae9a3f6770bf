/**
 * Two servers on one PostgreSQL database (issue 19): the login limit counts in the database (exact
 * across both), a catalog loaded on one is in force on the other at once, and two servers starting at once
 * on an empty database both come up (migrations and the demo seed under advisory locks). Two apps with
 * their own connection pools stand for two processes: they share nothing but the database.
 */
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { seedDemo } from "../../src/server/seed.ts";
import { type OpenDatabase, openDatabase } from "../../src/store/database.ts";
import { PG_URL, postgresBackend } from "../store/databases.ts";
import { type World, buildWorld, login } from "./world.ts";

describe.skipIf(!postgresBackend)("two servers on one PostgreSQL database", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened.reverse()) await o.close();
  });

  async function secondServer(w: World, options: Parameters<typeof buildApp>[1] = {}) {
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(w.db.db)).rows[0]!.s;
    const db = await openDatabase({ url: PG_URL!, schema, poolSize: 4 });
    const app = await buildApp(db, { publishFormats: ["json"], ...options });
    opened.push(db, app);
    return app;
  }

  it("holds the login limit exactly across both (10 a minute per address in all)", { timeout: 120_000 }, async () => {
    const w = await buildWorld(postgresBackend!);
    opened.push(w);
    const a = await buildApp(w.db, { publishFormats: ["json"], loginRateLimit: 10 });
    opened.push(a);
    const b = await secondServer(w, { loginRateLimit: 10 });
    const statuses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).inject({ method: "POST", url: "/api/auth/login", remoteAddress: "10.9.8.7", payload: { username: "preparer", password: "wrong-password" } })),
    );
    const counts = statuses.reduce<Record<number, number>>((m, r) => ({ ...m, [r.statusCode]: (m[r.statusCode] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 401: 10, 429: 14 });
    const refused = statuses.find((r) => r.statusCode === 429)!.json().error;
    expect(refused.code).toBe("rate-limited");
    expect(refused.message).toMatch(/^登录尝试过多.* \/ too many sign-in attempts/);
    // another address is counted on its own
    expect((await b.inject({ method: "POST", url: "/api/auth/login", remoteAddress: "10.9.8.8", payload: { username: "preparer", password: "wrong-password" } })).statusCode).toBe(401);
  });

  it("puts a catalog loaded on one server in force on the other at once", { timeout: 120_000 }, async () => {
    const w = await buildWorld(postgresBackend!);
    opened.push(w);
    const b = await secondServer(w, { loginRateLimit: 10_000 });
    const adminOnB = await login(b, "admin", "admin");
    const codes = async () => ((await adminOnB.request("GET", "/api/catalogs/2022")).json().functional.entries as { code: string; name: string }[]).find((f) => f.code === "2080208")?.name;
    expect(await codes()).not.toBe("测试名称");
    // warm B's cache, then load on A
    const loaded = await w.clients.admin.upload("/api/catalogs/2022", "functional.csv", "科目编码,科目名称\n2080208,测试名称\n", { kind: "functional" });
    expect(loaded.statusCode).toBe(201);
    expect(await codes()).toBe("测试名称");
  });

  it("brings two servers starting at once on an empty database both up", { timeout: 180_000 }, async () => {
    const schema = `t_twostart_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const start = async (): Promise<OpenDatabase> => {
      const db = await openDatabase({ url: PG_URL!, schema, poolSize: 3 });
      opened.push(db);
      await seedDemo(db.db, ["json"]);
      return db;
    };
    const [one] = await Promise.all([start(), start()]);
    const regions = await one!.db.selectFrom("regions").select("code").execute();
    expect(regions).toEqual([{ code: "410311" }]);
    expect((await one!.db.selectFrom("users").select("username").execute()).length).toBe(4);
    await sql.raw(`drop schema ${schema} cascade`).execute(one!.db);
  });
});
