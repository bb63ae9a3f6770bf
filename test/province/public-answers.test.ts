/**
 * 公开汇总缓存 — the portal's figures are kept as sent while nothing they are made from changes, and are made
 * again once a publication writes its facts or a region is added: on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetFacts, budgetTotals } from "../../src/core/facts.ts";
import type { Budget } from "../../src/core/model.ts";
import { fen } from "../../src/core/money.ts";
import { PublicAnswers } from "../../src/server/public-answers.ts";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { publicStamp, writeFacts } from "../../src/store/repos/facts.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { addRegion } from "../../src/store/repos/regions.ts";
import { createDepartment } from "../../src/store/repos/tenancy.ts";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld, sampleBudget } from "../server/world.ts";

describe("the answer cache (unit)", () => {
  it("makes an answer once per stamp, shares one stamp read among requests at once, and empties on a new stamp", async () => {
    let stamp = "a";
    let reads = 0;
    const cache = new PublicAnswers(async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 5));
      return stamp;
    }, 2);
    let made = 0;
    const make = async () => `{"n":${++made}}`;
    const [x, y] = await Promise.all([cache.get("/x", make), cache.get("/x", make)]);
    expect(reads).toBe(1);
    expect(made).toBe(2); // both missed, at the same time
    expect((await cache.get("/x", make)).text).toBe(y.text);
    expect(made).toBe(2);
    expect(x.etag).toMatch(/^"[\w-]{27}"$/);
    stamp = "b";
    expect((await cache.get("/x", make)).text).toBe('{"n":3}');
    // at most two entries: the oldest goes
    await cache.get("/y", make);
    await cache.get("/z", make);
    expect((await cache.get("/x", make)).text).toBe('{"n":6}');
  });
});

describe.each(BACKENDS)("portal figures kept until they change ($name)", (backend) => {
  let w: World;
  let city: number;
  const get = (url: string) => w.clients.anonymous.request("GET", url);
  async function publish(code: string, times: number) {
    const db = w.db.db;
    const sample = sampleBudget();
    const departmentId = await createDepartment(db, w.regionA, code, `部门${code}`);
    const budget: Budget = { ...sample, lineItems: sample.lineItems.map((l) => ({ ...l, amount: fen(l.amount * times) })) };
    const budgetId = await createBudget(db, departmentId, 2021);
    await db.transaction().execute(async (trx) => {
      const p = await insertPublication(trx, { budgetId, budgetVersion: 1, publishedOn: "2021-03-01", publishedBy: null, changeNote: null, regionId: w.regionA, year: 2021, departmentCode: code, departmentName: `部门${code}`, title: `部门${code}`, files: [] });
      await writeFacts(trx, { publicationId: p.id, budgetId, regionId: w.regionA, departmentId, year: 2021 }, budgetFacts(budget), budgetTotals(budget), budget.prior);
    });
    return budgetTotals(budget).total;
  }
  beforeAll(async () => {
    w = await buildWorld(backend);
    const province = await addRegion(w.db.db, { code: "410000", name: "河南省" });
    city = await addRegion(w.db.db, { code: "410300", name: "洛阳市", parentId: province });
    // the world's 洛龙区 becomes a county of 洛阳市, before any request
    await w.db.db.updateTable("regions").set({ parent_id: city, level: "county" }).where("id", "=", w.regionA).execute();
  }, 120_000);
  afterAll(async () => w?.close());

  it("answers the same bytes while nothing changes, and the new figures after a publication and a new region", async () => {
    const first = await publish("701", 1);
    const a = await get("/api/public/regions/410300/overview?year=2021");
    expect(a.json()).toMatchObject({ total: first, departmentCount: 1, children: [{ code: "410311", total: first }] });
    const stamp = await publicStamp(w.db.db);
    const again = await get("/api/public/regions/410300/overview?year=2021");
    expect([again.body, again.headers.etag]).toEqual([a.body, a.headers.etag]);
    expect((await get("/api/public/regions/410300/overview?year=2021")).statusCode).toBe(200);
    expect(await publicStamp(w.db.db)).toBe(stamp);

    const second = await publish("702", 3);
    expect(await publicStamp(w.db.db)).not.toBe(stamp);
    const b = await get("/api/public/regions/410300/overview?year=2021");
    expect(b.json()).toMatchObject({ total: first + second, departmentCount: 2 });
    expect(b.headers.etag).not.toBe(a.headers.etag);
    expect((await get("/api/public/regions")).json().regions.find((r: { code: string }) => r.code === "410311").publications).toBe(2);

    await addRegion(w.db.db, { code: "410399", name: "新区", parentId: city });
    const c = (await get("/api/public/regions/410300/overview?year=2021")).json();
    expect(c.children).toEqual([expect.objectContaining({ code: "410311", total: first + second }), expect.objectContaining({ code: "410399", total: 0, departmentCount: 0 })]);
    // a 304 for the ETag the client holds
    const etag = (await get("/api/public/regions/410311/overview?year=2021")).headers.etag as string;
    expect((await w.clients.anonymous.request("GET", "/api/public/regions/410311/overview?year=2021", undefined, { "if-none-match": etag })).statusCode).toBe(304);
  }, 120_000);
});
