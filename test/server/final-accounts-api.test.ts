/**
 * GET /api/budgets/:id/final-accounts/:format on a real database: the sample's execution record (with its
 * finalAccounts) saved over the API and its payments imported, the 2021 决算 is rendered; the record comes
 * back with its finalAccounts; a record without them is refused (422 naming the field); anonymous and other
 * departments are refused before anything is read.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld } from "./world.ts";

const DIR = "examples/luolong-shequ-2021/execution-2021";

describe.each(BACKENDS)("final accounts over the API on $name", (backend) => {
  let w: World;
  const record = parse(readFileSync(`${DIR}/execution.yaml`, "utf8")) as Record<string, unknown>;
  beforeAll(async () => {
    w = await buildWorld(backend);
    expect((await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record)).statusCode).toBe(200);
    expect((await w.clients.preparer.upload(`/api/budgets/${w.budget}/execution/payments`, "payments.csv", readFileSync(`${DIR}/payments.csv`, "utf8"))).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => w?.close());

  it("renders the 决算 of the department and of its unit; the record keeps its finalAccounts", { timeout: 120_000 }, async () => {
    const got = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution`)).json() as { record: { finalAccounts?: { closing: { kind: string }[] } } };
    expect(got.record.finalAccounts?.closing.map((c) => c.kind)).toEqual(["gpb", "gpb", "non-fiscal"]);
    const res = await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/final-accounts/txt`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("## 收入支出决算总表");
    expect(res.body).toContain("总计\t4136.18\t总计\t4136.18");
    const unit = await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/final-accounts/txt?scope=313001`);
    expect(unit.statusCode).toBe(200);
    expect(unit.body).toContain("2021年度单位决算");
  });

  it("is refused to anonymous and hidden from another department", async () => {
    expect((await w.clients.anonymous.request("GET", `/api/budgets/${w.budget}/final-accounts/txt`)).statusCode).toBe(401);
    expect((await w.clients.otherPreparer.request("GET", `/api/budgets/${w.budget}/final-accounts/txt`)).statusCode).toBe(404);
  });

  it("a record saved before 使用非财政拨款结余 / 结余分配 were kept per unit: 0 reads as none, another amount is refused naming the field", { timeout: 120_000 }, async () => {
    const saved = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution`)).json() as { record: { finalAccounts: Record<string, unknown> } };
    const legacy = (used: number) => ({ ...saved.record, finalAccounts: { ...saved.record.finalAccounts, nonFiscalBalanceUsed: used, surplusDistribution: 0 } });
    const store = async (content: unknown) => {
      await w.db.db.updateTable("execution_records").set({ content: JSON.stringify(content) }).where("budget_id", "=", w.budget).execute();
    };
    try {
      await store(legacy(0));
      const got = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution`)).json() as { record: { finalAccounts: { nonFiscalBalanceUsed: unknown; surplusDistribution: unknown } } };
      expect([got.record.finalAccounts.nonFiscalBalanceUsed, got.record.finalAccounts.surplusDistribution]).toEqual([[], []]);
      expect((await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/final-accounts/txt`)).statusCode).toBe(200);
      await store(legacy(850000));
      const res = await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/final-accounts/txt`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toContainEqual({ path: "finalAccounts.nonFiscalBalanceUsed[0].unit", message: "应填单位代码 / a unit code is required" });
      // the API takes a single 0 as none, and refuses another single amount naming the field
      expect((await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, { ...record, finalAccounts: { ...(record.finalAccounts as object), surplusDistribution: 0 } })).statusCode).toBe(200);
      const bad = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, { ...record, finalAccounts: { ...(record.finalAccounts as object), surplusDistribution: "85.00" } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.details).toEqual([{ path: "finalAccounts.surplusDistribution", message: expect.stringMatching(/^结余分配应按单位填写/) }]);
    } finally {
      expect((await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record)).statusCode).toBe(200);
    }
  });

  it("经营收入 or 经营支出 of the 行政单位 313001: the save is refused (422) naming each entry, the record unchanged", { timeout: 60_000 }, async () => {
    const before = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution`)).json();
    const fa = record.finalAccounts as { income: object[] };
    const operating = {
      ...record,
      finalAccounts: {
        ...fa,
        income: [...fa.income, { unit: "313001", functional: "2080208", source: "经营收入", amount: 1200 }],
        otherSpending: [{ unit: "313001", functional: "2080208", use: "经营支出", amount: 1200 }],
      },
    };
    const res = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, operating);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^执行记录无效 \/ /);
    expect(res.json().error.details).toEqual([
      { path: `finalAccounts.income[${fa.income.length}].source`, message: expect.stringMatching(/^单位 313001 是行政单位，不应有经营收入：只有事业单位记录经营收入 \/ /) },
      { path: "finalAccounts.otherSpending[0].use", message: expect.stringMatching(/^单位 313001 是行政单位，不应有经营支出：只有事业单位记录经营支出 \/ /) },
    ]);
    expect((await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution`)).json()).toEqual(before);
  });

  it("a record without finalAccounts: 422 naming the field", { timeout: 60_000 }, async () => {
    const { finalAccounts: _, ...bare } = record;
    expect((await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, bare)).statusCode).toBe(200);
    const res = await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/final-accounts/pdf`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: "finalAccounts", message: expect.stringMatching(/^执行数据中没有决算补充数据（finalAccounts） \/ /) }]);
  });
});
