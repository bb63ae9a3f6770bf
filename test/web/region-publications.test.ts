/** The portal asks for every page of a region's publications (the server answers 1,000 at most a page). */
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../src/web/api/endpoints.ts";

const region = { code: "410311", name: "洛龙区" };
const meta = (id: number) => ({ id, budget_id: id, number: 1, year: 2021, department_code: String(100 + id), department_name: `部门${id}`, title: `部门${id}2021年部门预算`, published_on: "2021-03-01" });

function serve(total: number) {
  const asked: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    asked.push(url);
    const q = new URL(url, "http://x").searchParams;
    const page = Number(q.get("page")), pageSize = Number(q.get("pageSize"));
    const ids = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * pageSize, page * pageSize);
    return new Response(JSON.stringify({ region, publications: ids.map(meta), page, pageSize, count: total }), { status: 200, headers: { "content-type": "application/json" } });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe("allRegionPublications", () => {
  it("reads one page when the region has fewer than a page", async () => {
    const asked = serve(3);
    const r = await api.allRegionPublications("410311", 2021);
    expect(r.publications.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("year=2021");
  });

  it("reads every page of a large region, each once", async () => {
    const asked = serve(2500);
    const r = await api.allRegionPublications("410311");
    expect(r.publications).toHaveLength(2500);
    expect(new Set(r.publications.map((p) => p.id)).size).toBe(2500);
    expect(asked.map((u) => new URL(u, "http://x").searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });
});
