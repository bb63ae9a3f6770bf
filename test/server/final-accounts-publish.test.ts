/**
 * 决算公开 over HTTP on a real database: a budget's final accounts (部门决算) are published by the budget's own
 * publisher once the budget is published and its execution record is present and without errors; the files
 * (every scope and format) are stored with their sha256 and served as stored; the portal finds the 决算
 * beside the budget; each refusal names why (Chinese first) and changes nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { backfillFacts } from "../../src/server/facts-backfill.ts";
import { lockExecutionRecord } from "../../src/store/repos/execution.ts";
import { BACKENDS } from "../store/databases.ts";
import { type Client, type World, buildWorld } from "./world.ts";

const DIR = "examples/luolong-shequ-2021/execution-2021";
const record = parse(readFileSync(`${DIR}/execution.yaml`, "utf8")) as Record<string, unknown> & { finalAccounts: Record<string, unknown> };

describe.each(BACKENDS)("publishing final accounts on $name", (backend) => {
  let w: World;
  let budgetPublication: number;
  const publish = (c: Client, body: object) => c.request("POST", `/api/budgets/${w.budget}/final-accounts/publications`, body);
  const finalPublications = async () => (await w.db.db.selectFrom("publications").select(["id", "number"]).where("kind", "=", "final-accounts").orderBy("id").execute()).map((p) => p.number);
  const move = (c: Client, action: string, extra: object = {}) => c.request("POST", `/api/budgets/${w.budget}/transitions`, { action, ...extra });

  beforeAll(async () => {
    w = await buildWorld(backend);
  }, 120_000);
  afterAll(async () => w?.close());

  it("is refused while the budget is not published (409), to a preparer before that (403)", async () => {
    const res = await publish(w.clients.approver, { date: "2022-05-20" });
    expect([res.statusCode, res.json().error.code]).toEqual([409, "wrong-state"]);
    expect(res.json().error.message).toMatch(/^预算处于“草稿”状态：须先公开部门预算，才能公开其决算 \/ /);
    expect((await publish(w.clients.preparer, { date: "2022-05-20" })).statusCode).toBe(403);
    expect(await finalPublications()).toEqual([]);
  });

  it("publishes the budget through the workflow, then refuses the 决算 without an execution record (422 naming it)", { timeout: 120_000 }, async () => {
    const { preparer, approver, reviewer } = w.clients;
    const check = (await preparer.request("GET", `/api/budgets/${w.budget}/check`)).json();
    for (const f of check.findings.filter((x: { severity: string }) => x.severity === "warning")) {
      await preparer.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: `已核实：${f.rule}` });
    }
    for (const [c, a, extra] of [[preparer, "submit", {}], [approver, "approve-department", {}], [reviewer, "approve-finance", {}], [reviewer, "record-approval", { date: "2021-02-05" }], [approver, "publish", { date: "2021-02-19" }]] as const) {
      const res = await move(c, a, extra);
      expect(res.statusCode, `${a}: ${res.body}`).toBe(200);
      if (a === "publish") budgetPublication = res.json().publication.id;
    }
    const status = (await approver.request("GET", `/api/budgets/${w.budget}/final-accounts`)).json();
    expect(status).toMatchObject({ canPublish: false, refusal: null, publications: [] });
    expect(status.problems.map((p: { path: string }) => p.path)).toEqual(["execution"]);
    const res = await publish(approver, { date: "2022-05-20" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^决算数据有 1 个问题，未公开 \/ /);
    expect(res.json().error.details).toEqual([{ path: "execution", message: expect.stringMatching(/^没有执行记录：/) }]);
    expect(await finalPublications()).toEqual([]);
  });

  it("refuses a preparer (403), the reviewer (403), another tenant (404), a bad date (422)", { timeout: 60_000 }, async () => {
    const { preparer, approver } = w.clients;
    expect((await preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record)).statusCode).toBe(200);
    expect((await preparer.upload(`/api/budgets/${w.budget}/execution/payments`, "payments.csv", readFileSync(`${DIR}/payments.csv`, "utf8"))).statusCode).toBe(200);
    const byRole = async (c: Client) => {
      const res = await publish(c, { date: "2022-05-20" });
      return [res.statusCode, res.json().error.message.split(" / ")[0]];
    };
    expect(await byRole(preparer)).toEqual([403, "只有本预算的部门审核可以公开决算"]);
    expect(await byRole(w.clients.reviewer)).toEqual([403, "只有本预算的部门审核可以公开决算"]);
    expect((await byRole(w.clients.admin))[0]).toBe(403);
    expect((await byRole(w.clients.otherReviewer))[0]).toBe(404);
    expect((await byRole(w.clients.otherApprover))[0]).toBe(404);
    expect((await byRole(w.clients.anonymous))[0]).toBe(401);
    const noDate = await publish(approver, {});
    expect([noDate.statusCode, noDate.json().error.message]).toEqual([422, expect.stringMatching(/^公开决算须填写日期/)]);
    const inYear = await publish(approver, { date: "2021-12-31" });
    expect([inYear.statusCode, inYear.json().error.message]).toEqual([422, expect.stringMatching(/^决算公开日期 2021-12-31 应在预算年度结束（2021-12-31）之后 \/ /)]);
    const asPreparer = (await preparer.request("GET", `/api/budgets/${w.budget}/final-accounts`)).json();
    expect(asPreparer).toMatchObject({ canPublish: false, problems: [] });
    expect(asPreparer.refusal).toMatch(/^只有本预算的部门审核可以公开决算/);
    expect(await finalPublications()).toEqual([]);
  });

  it("refuses a record with errors, naming the field (422), and publishes nothing", { timeout: 60_000 }, async () => {
    const { preparer, approver } = w.clients;
    const unbalanced = { ...record, finalAccounts: { ...record.finalAccounts, nonFiscalBalanceUsed: [{ unit: "313001", amount: 100000 }] } };
    expect((await preparer.request("PUT", `/api/budgets/${w.budget}/execution`, unbalanced)).statusCode).toBe(200);
    const res = await publish(approver, { date: "2022-05-20" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: "finalAccounts.closing", message: expect.stringMatching(/^单位 313001 的非财政拨款不平衡：收入 0\.85 \+ 使用非财政拨款结余 10\.00 /) }]);
    // an adjustment without its target line is an error of the execution rules
    const broken = { ...record, adjustments: [{ id: "T-1", kind: "追加", date: "2021-05-01", amount: 1000, reason: "测试", approval: { document: "洛龙财预〔2021〕1号", date: "2021-05-02", by: "洛龙区财政局" } }] };
    expect((await preparer.request("PUT", `/api/budgets/${w.budget}/execution`, broken)).statusCode).toBe(200);
    const res2 = await publish(approver, { date: "2022-05-20" });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().error.details).toContainEqual({ path: "execution.adjustments[0].to", message: expect.stringMatching(/^执行：追加 T-1 缺少调入行 \/ /) });
    expect(await finalPublications()).toEqual([]);
    expect((await preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record)).statusCode).toBe(200);
  });

  it("publishes the 决算: files of every scope stored with their sha256, served as stored, beside the budget on the portal", { timeout: 180_000 }, async () => {
    const { approver, anonymous, admin } = w.clients;
    expect((await approver.request("GET", `/api/budgets/${w.budget}/final-accounts`)).json()).toMatchObject({ canPublish: true, refusal: null, problems: [] });
    const res = await publish(approver, { date: "2022-05-20" });
    expect(res.statusCode, res.body).toBe(201);
    const { publication, files } = res.json();
    expect(publication.number).toBe(1);
    const meta = (await anonymous.request("GET", `/api/public/publications/${publication.id}`)).json().publication;
    expect(meta).toMatchObject({ kind: "final-accounts", number: 1, year: 2021, published_on: "2022-05-20", title: "洛龙区社区治理和服务创新办公室2021年度部门决算" });
    expect(meta.files.map((f: { scope: string; format: string }) => `${f.scope}/${f.format}`).sort()).toEqual(["313001/html", "313001/json", "department/html", "department/json"]);
    expect(files).toBe(meta.files.length);
    for (const f of meta.files as { scope: string; format: string; sha256: string }[]) {
      const got = await anonymous.request("GET", `/api/public/publications/${publication.id}/files/${f.scope}/${f.format}`);
      expect(got.statusCode).toBe(200);
      const sha = createHash("sha256").update(got.rawPayload).digest("hex");
      expect([got.headers["x-content-sha256"], sha]).toEqual([f.sha256, f.sha256]);
    }
    const doc = JSON.parse((await anonymous.request("GET", `/api/public/publications/${publication.id}/files/department/json`)).body);
    expect(doc.title).toBe("洛龙区社区治理和服务创新办公室2021年度部门决算");
    expect(doc.tables.map((t: { title: string }) => t.title)).toContain("收入支出决算总表");

    // the portal: the region's list shows both kinds; each page finds the other document of the year
    const list = (await anonymous.request("GET", "/api/public/regions/410311/publications")).json().publications;
    expect(list.map((p: { kind: string; number: number }) => [p.kind, p.number])).toEqual([["budget", 1], ["final-accounts", 1]]);
    for (const id of [budgetPublication, publication.id]) {
      const docs = (await anonymous.request("GET", `/api/public/publications/${id}/documents`)).json().documents;
      expect(docs.map((d: { id: number; kind: string }) => [d.id, d.kind])).toEqual([[budgetPublication, "budget"], [publication.id, "final-accounts"]]);
    }
    // the open data are budget figures: the 决算 has none, and no facts were written for it
    const open = await anonymous.request("GET", `/api/public/open-data/publications/${publication.id}/facts.csv`);
    expect([open.statusCode, open.json().error.message]).toEqual([404, expect.stringMatching(/^部门决算没有开放数据/)]);
    expect(await backfillFacts(w.db.db)).toBe(0);
    expect(await w.db.db.selectFrom("publication_totals").select("publication_id").where("publication_id", "=", publication.id).execute()).toEqual([]);
    const log = (await admin.request("GET", "/api/audit-log?limit=500")).json().entries;
    expect(log.find((e: { action: string }) => e.action === "final-accounts.publish")).toMatchObject({ target: `budget:${w.budget}` });
  });

  it("publishes a correction only with a change note, numbered apart from the budget's", { timeout: 180_000 }, async () => {
    const { approver } = w.clients;
    const bare = await publish(approver, { date: "2022-06-01" });
    expect([bare.statusCode, bare.json().error.message]).toEqual([422, expect.stringMatching(/^更正后再次公开决算须填写更正说明/)]);
    const fixed = await publish(approver, { date: "2022-06-01", changeNote: "更正收入决算表的单位名称" });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.json().publication.number).toBe(2);
    expect(await finalPublications()).toEqual([1, 2]);
    const status = (await approver.request("GET", `/api/budgets/${w.budget}/final-accounts`)).json();
    expect(status.publications.map((p: { number: number; change_note: string | null }) => [p.number, p.change_note])).toEqual([[2, "更正收入决算表的单位名称"], [1, null]]);
    const docs = (await w.clients.anonymous.request("GET", `/api/public/publications/${budgetPublication}/documents`)).json().documents;
    expect(docs.map((d: { kind: string; number: number }) => [d.kind, d.number])).toEqual([["budget", 1], ["final-accounts", 2]]);
  });

  it("refuses (409) when the record changes between the check and the insert, and publishes nothing", { timeout: 180_000 }, async () => {
    const { approver, preparer } = w.clients;
    const jobs = w.app.ctx.jobs;
    const before = await finalPublications();
    // another save lands while the files are rendered (after the check, before the publishing transaction)
    let saved = false;
    const changed = { ...record, reasons: { ...(record.reasons as object), "carry-over-change": "智慧社区建设项目设备年底未完成验收（更正）。" } };
    w.app.ctx.jobs = {
      ...jobs,
      run: async (kind, input) => {
        if (!saved) {
          saved = true;
          expect((await preparer.request("PUT", `/api/budgets/${w.budget}/execution`, changed)).statusCode).toBe(200);
        }
        return jobs.run(kind, input);
      },
    };
    try {
      const res = await publish(approver, { date: "2022-06-02", changeNote: "再次公开" });
      expect([res.statusCode, res.json().error.code]).toEqual([409, "conflict"]);
      expect(res.json().error.message).toMatch(/^执行记录或支付明细刚被他人修改，未公开/);
    } finally {
      w.app.ctx.jobs = jobs;
    }
    expect(saved).toBe(true);
    expect(await finalPublications()).toEqual(before);
    // unchanged between check and insert, it publishes
    const again = await publish(approver, { date: "2022-06-02", changeNote: "再次公开" });
    expect(again.statusCode, again.body).toBe(201);
    expect(await finalPublications()).toEqual([...before, again.json().publication.number]);
  });

  // on PostgreSQL this waits on the row lock (without FOR UPDATE the save goes through); PGlite has one
  // connection, so any open transaction makes the save wait there
  it("a save of the record waits while a publishing transaction holds its row lock", { timeout: 60_000 }, async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => (taken = r));
    const publishing = w.db.db.transaction().execute(async (trx) => {
      expect(await lockExecutionRecord(trx, w.budget)).toBeDefined();
      taken();
      await held;
    });
    await lockTaken;
    let saved = false;
    const save = w.clients.preparer.request("PUT", `/api/budgets/${w.budget}/execution`, record).then((r) => {
      saved = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(saved).toBe(false);
    release();
    await publishing;
    expect((await save).statusCode).toBe(200);
  });
});
