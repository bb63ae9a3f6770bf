/**
 * The execution endpoints on a real database (PGlite, and PostgreSQL when DATABASE_URL is set): the sample
 * budget taken through its simulated 2021 over HTTP — a bad export refused whole, the good one imported,
 * the record saved, progress and the evaluation report read back.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld } from "../server/world.ts";

const DIR = "examples/luolong-shequ-2021/execution-2021";

describe.each(BACKENDS)("execution API on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  }, 180_000);
  afterAll(async () => w?.close());

  it("refuses a bad export whole, with a finding per bad value, and imports a good one", async () => {
    const bad = await w.clients.preparer.upload(`/api/budgets/${w.budget}/execution/payments`, "p.csv", "支付日期,单位代码,功能科目,经济科目,项目编码,金额\n2021-01-25,313001,2080208,30101,,1\n2021-02-30,999999,2080208,30101,,1\n");
    expect(bad.statusCode).toBe(422);
    const findings = bad.json().error.details.findings as { location: { line: number; path: string } }[];
    expect(findings.slice(0, 2).map((f) => `${f.location.line}:${f.location.path}`)).toEqual(["3:payments[1].date", "3:payments[1].unit"]);
    expect((await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/execution`)).json().payments.count).toBe(0);

    const good = await w.clients.preparer.upload(`/api/budgets/${w.budget}/execution/payments`, "payments.csv", readFileSync(`${DIR}/payments.csv`, "utf8"));
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ imported: 324, total: 4074534000 });
  });

  it("saves the record and serves progress and the evaluation (the golden text)", async () => {
    const record = parse(readFileSync(`${DIR}/execution.yaml`, "utf8")) as Record<string, unknown>;
    const put = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record);
    expect(put.statusCode).toBe(200);
    const got = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution`)).json();
    expect(got.record.adjustments[0].amount).toBe(20000000);
    expect(got.payments.byMonth[0]).toBeGreaterThan(0);
    const progress = (await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/execution/progress`)).json();
    expect(progress.progress[0]).toMatchObject({ kind: "department", executed: 4074534000, adjusted: 4137910000, time: 10000 });
    expect(progress.cumulative[11]).toBe(4074534000);
    expect(progress.findings.some((f: { rule: string }) => f.rule === "execution.target-not-met")).toBe(true);
    const txt = await w.clients.reviewer.request("GET", `/api/budgets/${w.budget}/evaluation/txt`);
    expect(txt.statusCode).toBe(200);
    expect(txt.body).toBe(readFileSync("test/golden/execution/evaluation.txt", "utf8"));
  });

  it("rejects an invalid record", async () => {
    const res = await w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, { asOf: "31/12/2021" });
    expect(res.statusCode).toBe(422);
  });
});
