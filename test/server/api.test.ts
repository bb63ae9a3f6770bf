/** Accounts, CSRF, concurrency, imports, upload bounds, money through the API, error shape and docs. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { BACKENDS } from "../store/databases.ts";
import { SAMPLE_TEXT, type World, buildWorld, currentVersion, login } from "./world.ts";

describe.each(BACKENDS)("API on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  }, 180_000);
  afterAll(async () => w?.close());

  it("answers every error in one shape", async () => {
    const unknown = await w.clients.anonymous.request("GET", "/api/nothing-here");
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { error: { code: "not-found", message: expect.any(String), details: null } }]);
    const bad = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}`, { version: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "bad-request", details: { issues: expect.any(Array) } });
    const anon = await w.clients.anonymous.request("GET", `/api/budgets/${w.budget}`);
    expect([anon.statusCode, anon.json().error.code]).toEqual([401, "unauthenticated"]);
  });

  it("serves the OpenAPI document and the reference page at /api/docs", async () => {
    const doc = (await w.clients.anonymous.request("GET", "/api/docs/json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ["/api/budgets/{id}/transitions", "/api/budgets/{id}/import", "/api/public/publications/{id}/files/{scope}/{format}", "/api/auth/login"]) expect(Object.keys(doc.paths)).toContain(p);
    const page = await w.clients.anonymous.request("GET", "/api/docs/");
    expect([page.statusCode, page.headers["content-type"]]).toEqual([200, expect.stringContaining("text/html")]);
  });

  it("refuses cookie-authenticated writes without the session's CSRF token, or from another origin", async () => {
    const me = (await w.clients.preparer.request("GET", "/api/auth/me")).json();
    expect(me.csrfToken).toBe(w.clients.preparer.csrf);
    const body = { version: await currentVersion(w), reasons: { total: "x" } };
    const noToken = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/texts`, body, { "x-csrf-token": "" });
    expect([noToken.statusCode, noToken.json().error.code]).toEqual([403, "csrf"]);
    const forged = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/texts`, body, { "x-csrf-token": w.clients.approver.csrf });
    expect(forged.statusCode).toBe(403);
    const crossSite = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/texts`, body, { origin: "https://evil.example" });
    expect([crossSite.statusCode, crossSite.json().error.code]).toEqual([403, "csrf"]);
  });

  it("sets an HttpOnly SameSite=Lax session cookie, rate-limits login, logs out", async () => {
    const app = await buildApp(w.db, { loginRateLimit: 3 });
    try {
      // counted per address in the database: an address of its own, not the world's 127.0.0.1
      const res = await app.inject({ method: "POST", url: "/api/auth/login", remoteAddress: "10.0.0.3", payload: { username: "preparer", password: "test-password-123" } });
      const cookie = res.cookies.find((c) => c.name === "yusuan_session")!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.inject({ method: "POST", url: "/api/auth/login", remoteAddress: "10.0.0.3", payload: { username: "preparer", password: "wrong-password" } })).statusCode);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await app.close();
    }
    const session = await login(w.app, "preparer", "preparer");
    expect((await session.request("POST", "/api/auth/logout")).statusCode).toBe(200);
    expect((await session.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("changes a password (ending other sessions) and disables users", async () => {
    const create = await w.clients.admin.request("POST", "/api/users", { username: "temp", displayName: "临时", password: "first-password-1", role: "department-approver", departmentId: w.dept313 });
    expect(create.statusCode).toBe(201);
    const a = await login(w.app, "approver", "temp", "first-password-1");
    const b = await login(w.app, "approver", "temp", "first-password-1");
    expect((await a.request("POST", "/api/auth/password", { current: "wrong", next: "second-password-2" })).statusCode).toBe(403);
    expect((await a.request("POST", "/api/auth/password", { current: "first-password-1", next: "short" })).statusCode).toBe(422);
    expect((await a.request("POST", "/api/auth/password", { current: "first-password-1", next: "second-password-2" })).statusCode).toBe(200);
    expect((await a.request("GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await b.request("GET", "/api/auth/me")).statusCode).toBe(401);
    await expect(login(w.app, "approver", "temp", "first-password-1")).rejects.toThrow(/401/);
    const id = create.json().user.id;
    expect((await w.clients.admin.request("POST", `/api/users/${id}/disable`, { disabled: true })).statusCode).toBe(200);
    expect((await a.request("GET", "/api/auth/me")).statusCode).toBe(401);
    await expect(login(w.app, "approver", "temp", "second-password-2")).rejects.toThrow(/401/);
    expect((await w.clients.admin.request("POST", "/api/users", { username: "temp", displayName: "x", password: "another-password-3", role: "admin" })).statusCode).toBe(409);
  });

  it("lets one of two concurrent writers win; the other gets 409 describing the other change, and nothing is lost", async () => {
    const version = await currentVersion(w);
    const change = (who: "preparer" | "approver", amount: string) =>
      w.clients[who].request("PUT", `/api/budgets/${w.budget}/line-items/0`, {
        version,
        item: { unit: "313001", functional: "2012906", economic: "30228", nature: "基本", source: "财政拨款", amount, memo: who },
      });
    const [r1, r2] = await Promise.all([change("preparer", "14101.00"), change("approver", "14102.00")]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const lost = r1.statusCode === 409 ? r1 : r2;
    const winner = r1.statusCode === 200 ? "preparer" : "approver";
    const err = lost.json().error;
    expect(err.code).toBe("stale-version");
    expect(err.details).toMatchObject({ expectedVersion: version, currentVersion: version + 1 });
    expect(err.details.changes[0]).toMatchObject({ version: version + 1, savedBy: winner === "preparer" ? "填报甲" : "部门审核甲", summary: expect.stringContaining("~1") });
    expect(err.details.changes[0].diff.lineItems.changes[0].after.memo).toBe(winner);
    // The loser retries on the new version: both edits are kept (the winner's line 0, the loser's new line).
    const loser = winner === "preparer" ? "approver" : "preparer";
    const retry = await w.clients[loser].request("POST", `/api/budgets/${w.budget}/line-items`, {
      version: version + 1,
      item: { unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: "1.00", memo: loser },
    });
    expect(retry.statusCode).toBe(201);
    const items = (await w.clients.admin.request("GET", `/api/budgets/${w.budget}/line-items`)).json().lineItems;
    expect(items[0].memo).toBe(winner);
    expect(items.at(-1).memo).toBe(loser);
    const versions = (await w.clients.admin.request("GET", `/api/budgets/${w.budget}/versions`)).json().versions;
    expect(versions[0].number).toBe(version + 2);
  });

  it("imports all or nothing, answering with the findings", async () => {
    const before = await currentVersion(w);
    const broken = SAMPLE_TEXT.replace("amount: 1.41万元", "amount: 1.415万元x");
    const bad = await w.clients.preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", broken);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: "invalid-budget", details: { problems: [expect.objectContaining({ field: "lineItems[0].amount" })] } });
    expect(await currentVersion(w)).toBe(before);
    expect((await w.clients.preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.doc", "x")).statusCode).toBe(415);
    const other = SAMPLE_TEXT.replace('code: "313"\n', 'code: "999"\n');
    expect((await w.clients.preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", other)).json().error.code).toBe("invalid");
    const ok = await w.clients.preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", SAMPLE_TEXT);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: before + 1, findings: expect.arrayContaining([expect.objectContaining({ severity: "warning" })]) });
  });

  it("bounds upload sizes", async () => {
    const app = await buildApp(w.db, { maxUploadBytes: 1000, loginRateLimit: 10_000 });
    try {
      const session = await login(app, "preparer", "preparer");
      const big = await session.upload(`/api/budgets/${w.budget}/import?version=${await currentVersion(w)}`, "budget.yaml", SAMPLE_TEXT);
      expect([big.statusCode, big.json().error.code]).toEqual([413, "too-large"]);
    } finally {
      await app.close();
    }
  });

  it("audits an uploaded disclosure document: the budget's own text rendering has no error", async () => {
    const txt = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/render/txt`)).body;
    const res = await w.clients.reviewer.upload("/api/audit", "社创办2021.txt", txt);
    expect(res.statusCode).toBe(200);
    const { summary, findings } = res.json();
    expect(summary).toMatchObject({ name: "社创办2021.txt", year: 2021, unreadable: false, counts: { error: 0 } });
    expect(JSON.stringify(findings)).not.toContain("yusuan-audit-");
    expect((await w.clients.reviewer.upload("/api/audit", "x.exe", "x")).statusCode).toBe(415);
  });

  it("keeps money above 2^31 分 exact through the API (元 text in, 分 integers out)", async () => {
    const version = await currentVersion(w);
    const add = await w.clients.preparer.request("POST", `/api/budgets/${w.budget}/line-items`, {
      version,
      item: { unit: "313001", functional: "2080208", economic: "30299", nature: "基本", source: "财政拨款", amount: "30000000.01", memo: "大额" },
    });
    expect(add.statusCode).toBe(201);
    const items = (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/line-items`)).json().lineItems;
    expect(items.find((i: { memo: string }) => i.memo === "大额").amount).toBe(3_000_000_001);
    const content = (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}`)).json().content;
    expect(content.lineItems.find((i: { memo: string }) => i.memo === "大额").amount).toBe("30000000.01");
    const render = await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/render/json`);
    expect(render.statusCode).toBe(200);
    expect(render.body).toContain("3000");
  });

  it("lets a preparer change only their own unit's lines; the department's approver may change any", async () => {
    const item = { unit: "313002", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: "100.00", memo: "他单位" };
    const refused = await w.clients.preparer.request("POST", `/api/budgets/${w.budget}/line-items`, { version: await currentVersion(w), item });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, "forbidden"]);
    expect(refused.json().error.message).toContain("line items of unit 313002");
    const allowed = await w.clients.approver.request("POST", `/api/budgets/${w.budget}/line-items`, { version: await currentVersion(w), item });
    expect(allowed.statusCode).toBe(201);
    // the preparer still edits their own unit's lines beside it
    const own = await w.clients.preparer.request("POST", `/api/budgets/${w.budget}/line-items`, { version: await currentVersion(w), item: { ...item, unit: "313001", memo: "本单位" } });
    expect(own.statusCode).toBe(201);
    const removeForeign = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}`, {
      version: await currentVersion(w),
      content: { ...(await w.clients.preparer.request("GET", `/api/budgets/${w.budget}`)).json().content, lineItems: [] },
    });
    expect(removeForeign.statusCode).toBe(403);
  });
});
