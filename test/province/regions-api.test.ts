/**
 * A province's administrator manages the regions under it: lists them, adds a city's county, creates a
 * department there, and reads the budgets of every county below; a county's administrator stays in the
 * county, and another region's administrator sees nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { addRegion } from "../../src/store/repos/regions.ts";
import { createUser } from "../../src/store/repos/users.ts";
import { pgliteBackend } from "../store/databases.ts";
import { type Client, PASSWORD, type World, buildWorld, login } from "../server/world.ts";

describe("region hierarchy and administrators' reach", () => {
  let w: World;
  let province: Client;
  let provinceId: number;
  let city: number;
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend);
    const d = w.db.db;
    provinceId = await addRegion(d, { code: "410000", name: "河南省" });
    city = await addRegion(d, { code: "410300", name: "洛阳市", parentId: provinceId });
    // the world's 洛龙区 becomes a county of 洛阳市
    await d.updateTable("regions").set({ parent_id: city, level: "county" }).where("id", "=", w.regionA).execute();
    await createUser(d, { username: "province-admin", displayName: "省管理员", passwordHash: await hashPassword(PASSWORD), role: "admin", regionId: provinceId });
    province = await login(w.app, "admin", "province-admin");
  }, 180_000);
  afterAll(async () => w?.close());

  it("lists the province's regions, not the region outside it", async () => {
    const regions = (await province.request("GET", "/api/regions")).json().regions;
    expect(regions.map((r: { code: string; level: string }) => [r.code, r.level])).toEqual([["410000", "province"], ["410300", "city"], ["410311", "county"]]);
    const county = (await w.clients.admin.request("GET", "/api/regions")).json().regions;
    expect(county.map((r: { code: string }) => r.code)).toEqual(["410311"]);
  });

  it("adds a county under its city and a department there; refuses a region outside its reach", async () => {
    const made = await province.request("POST", "/api/regions", { code: "410305", name: "涧西区", parentId: city });
    expect(made.statusCode).toBe(201);
    const level = await w.db.db.selectFrom("regions").select("level").where("id", "=", made.json().id).executeTakeFirstOrThrow();
    expect(level.level).toBe("county");
    const dept = await province.request("POST", "/api/departments", { code: "601", name: "涧西区教育局", regionId: made.json().id });
    expect(dept.statusCode).toBe(201);
    expect((await province.request("POST", "/api/regions", { code: "410399", name: "外区", parentId: w.regionB })).statusCode).toBe(403);
    expect((await w.clients.admin.request("POST", "/api/departments", { code: "602", name: "越权局", regionId: city })).statusCode).toBe(403);
    expect((await province.request("POST", "/api/regions", { code: "410305", name: "重复", parentId: city })).statusCode).toBe(409);
  });

  it("reads a county's budget from the province; another region's administrator does not", async () => {
    expect((await province.request("GET", `/api/budgets/${w.budget}`)).statusCode).toBe(200);
    expect((await w.clients.otherAdmin.request("GET", `/api/budgets/${w.budget}`)).statusCode).toBe(404);
  });
});
