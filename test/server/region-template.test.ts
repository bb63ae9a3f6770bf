/** 公开模板 per region: the administrator sets it; rendering and publishing use it (default Henan's). */
import { afterEach, describe, expect, it } from "vitest";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld } from "./world.ts";

describe.each(BACKENDS)("the region's disclosure template on $name", (backend) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it("is henan13 until the administrator sets another; renders follow it; only registry ids, only admins", async () => {
    w = await buildWorld(backend);
    const { admin, reviewer, preparer } = w.clients;
    const titles = async (query = "") => (await reviewer.request("GET", `/api/budgets/${w!.budget}/render/json${query}`)).json().tables.map((t: { title: string; unit: string }) => `${t.title} ${t.unit}`);
    expect((await admin.request("GET", "/api/region/template")).json()).toMatchObject({ template: "henan13" });
    expect((await titles())[0]).toBe("2021年部门收支总体情况表 万元");

    const set = await admin.request("PUT", "/api/region/template", { template: "shanghai-district-2025" });
    expect(set.json()).toEqual({ template: "shanghai-district-2025", name: "上海市区级部门预算公开 9 张表（2025）" });
    const shanghai = await titles();
    expect(shanghai).toHaveLength(9);
    expect(shanghai[0]).toBe("2021年部门财务收支预算总表 元");
    expect(shanghai[8]).toBe("2021年部门“三公”经费和机关运行经费预算表 万元");
    // a request may still ask for another template
    expect((await titles("?template=central9"))[0]).toBe("2021年部门收支总表 万元");

    const bad = await admin.request("PUT", "/api/region/template", { template: "jiangsu99" });
    expect(bad.statusCode).toBe(400);
    expect((await preparer.request("PUT", "/api/region/template", { template: "central9" })).statusCode).toBe(403);
    expect((await admin.request("GET", "/api/region/template")).json()).toMatchObject({ template: "shanghai-district-2025" });
  });
});
