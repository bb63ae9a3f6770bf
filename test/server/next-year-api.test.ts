/**
 * POST /api/budgets/:id/next-year on a real database: the department starts 2022 from the sample's 2021
 * and its imported execution (project carry-over becomes 结转 lines, 2021 figures go into `prior`); a
 * reviewer may not, another department does not see the budget, and a second start answers 409 naming
 * the budget that exists.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld } from "./world.ts";

const DIR = "examples/luolong-shequ-2021/execution-2021";

describe.each(BACKENDS)("next year's budget over the API on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
    const record = parse(readFileSync(`${DIR}/execution.yaml`, "utf8")) as Record<string, unknown>;
    expect((await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record)).statusCode).toBe(200);
    expect((await w.clients.preparer.upload(`/api/budgets/${w.budget}/execution/payments`, "payments.csv", readFileSync(`${DIR}/payments.csv`, "utf8"))).statusCode).toBe(200);
  }, 180_000);
  afterAll(async () => w?.close());

  it("is refused to a finance reviewer and hidden from another department", async () => {
    expect((await w.clients.reviewer.request("POST", `/api/budgets/${w.budget}/next-year`, {})).statusCode).toBe(403);
    expect((await w.clients.otherPreparer.request("POST", `/api/budgets/${w.budget}/next-year`, {})).statusCode).toBe(404);
    expect((await w.clients.anonymous.request("POST", `/api/budgets/${w.budget}/next-year`, {})).statusCode).toBe(401);
  });

  it("creates the 2022 draft with last year's figures and the carry-over, once", async () => {
    const res = await w.clients.approver.request("POST", `/api/budgets/${w.budget}/next-year`, { drop: [] });
    expect(res.statusCode).toBe(201);
    const { budget, mapped } = res.json() as { budget: { id: number; year: number; state: string }; mapped: string[] };
    expect(budget).toMatchObject({ year: 2022, state: "draft" });
    expect(mapped).toEqual([]);
    const got = (await w.clients.preparer.request("GET", `/api/budgets/${budget.id}`)).json() as { content: { year: number; prior: { year: number }; lineItems: { source: string; memo?: string }[] } };
    expect(got.content.year).toBe(2022);
    expect(got.content.prior.year).toBe(2021);
    const carried = got.content.lineItems.filter((l) => l.memo === "2021年结转");
    expect(carried.length).toBeGreaterThan(0);

    const again = await w.clients.preparer.request("POST", `/api/budgets/${w.budget}/next-year`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.budgetId).toBe(budget.id);
  });
});
