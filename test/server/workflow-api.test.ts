/** The review workflow over HTTP: the happy path to 已公开, returns, corrections, control figures. */
import { createHash } from "node:crypto";
import { brotliDecompressSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { BACKENDS } from "../store/databases.ts";
import { type Client, type World, buildWorld, currentVersion } from "./world.ts";

async function explainAll(w: World, who: Client): Promise<void> {
  const check = (await who.request("GET", `/api/budgets/${w.budget}/check`)).json();
  for (const f of check.findings.filter((x: { severity: string }) => x.severity === "warning")) {
    const res = await who.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: `已核实：${f.rule}` });
    expect(res.statusCode).toBe(200);
  }
}

const move = (c: Client, w: World, action: string, extra: object = {}) => c.request("POST", `/api/budgets/${w.budget}/transitions`, { action, ...extra });

describe.each(BACKENDS)("workflow over HTTP on $name", (backend) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it("goes 草稿 → 单位提交 → 部门审核通过 → 财政审核通过 → 已批复 → 已公开, publishing an immutable snapshot", async () => {
    w = await buildWorld(backend);
    const { preparer, approver, reviewer, anonymous, admin } = w.clients;
    const rendered = async () => (await reviewer.request("GET", `/api/budgets/${w!.budget}/render/json`)).json();
    expect((await rendered()).draft).toBe("草稿 未经审核");
    expect((await move(preparer, w, "submit")).json().error.code).toBe("blocked");
    await explainAll(w, preparer);
    const check = (await preparer.request("GET", `/api/budgets/${w.budget}/check`)).json();
    expect(check.canSubmit).toBe(true);
    expect(check.findings.filter((f: { severity: string }) => f.severity === "warning").every((f: { explanation?: unknown }) => f.explanation)).toBe(true);

    expect((await move(preparer, w, "submit")).json()).toMatchObject({ state: "submitted" });
    const edit = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, { version: await currentVersion(w), reasons: { total: "x" } });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, "wrong-state"]);
    expect((await move(approver, w, "approve-department")).json()).toMatchObject({ state: "department-approved" });
    expect((await move(reviewer, w, "approve-finance")).json()).toMatchObject({ state: "finance-approved" });
    expect((await move(reviewer, w, "record-approval")).statusCode).toBe(422);
    expect((await rendered()).draft).toBe("草稿 未经审核");
    expect((await move(reviewer, w, "record-approval", { date: "2021-02-01" })).json()).toMatchObject({ state: "approved" });
    expect((await rendered()).draft).toBeUndefined();
    // publishing renders every file, the units' too, in the server's job pool (a spy: the real pool still renders)
    const jobs = w.app.ctx.jobs;
    const realRun = jobs.run.bind(jobs);
    const renders: string[] = [];
    jobs.run = ((kind, input) => {
      if (kind === "render") renders.push(`${(input as { format: string }).format}`);
      return realRun(kind, input);
    }) as typeof jobs.run;
    const published = (await move(approver, w, "publish", { date: "2021-02-25" })).json();
    expect(published.state).toBe("published");
    expect(published.findings.map((f: { rule: string; actual: number }) => [f.rule, f.actual])).toEqual([["workflow.publication-late", 24]]);
    const pubId = published.publication.id as number;

    const list = (await anonymous.request("GET", "/api/public/regions/410311/publications")).json();
    expect(list.publications.map((p: { id: number; number: number; published_on: string }) => [p.id, p.number, p.published_on])).toEqual([[pubId, 1, "2021-02-25"]]);
    const meta = (await anonymous.request("GET", `/api/public/publications/${pubId}`)).json().publication;
    expect(meta.files.map((f: { scope: string; format: string }) => `${f.scope}/${f.format}`).sort()).toEqual(["313001/html", "313001/json", "department/html", "department/json"]);
    expect(renders).toHaveLength(meta.files.length);
    // a unit's file is a stored row from the publish, served as stored: no render on request
    const unitRow = await w.db.db.selectFrom("publication_files").select(["sha256", "content"]).where("publication_id", "=", pubId).where("scope", "=", "313001").where("format", "=", "html").executeTakeFirstOrThrow();
    const unitFile = await anonymous.request("GET", `/api/public/publications/${pubId}/files/313001/html`);
    expect(unitFile.statusCode).toBe(200);
    expect(unitFile.headers["x-content-sha256"]).toBe(unitRow.sha256);
    expect(Buffer.compare(unitFile.rawPayload, Buffer.from(unitRow.content))).toBe(0);
    expect(renders).toHaveLength(meta.files.length);
    jobs.run = realRun;
    const file = await anonymous.request("GET", `/api/public/publications/${pubId}/files/department/json`);
    expect(file.statusCode).toBe(200);
    const sha = createHash("sha256").update(file.rawPayload).digest("hex");
    expect(file.headers["x-content-sha256"]).toBe(sha);
    expect(meta.files.find((f: { scope: string; format: string }) => f.scope === "department" && f.format === "json").sha256).toBe(sha);
    expect(JSON.parse(file.body).title).toContain("2021");
    expect((await anonymous.request("GET", `/api/public/publications/${pubId}/files/department/json`, undefined, { "if-none-match": `"${sha}"` })).statusCode).toBe(304);
    const br = await anonymous.request("GET", `/api/public/publications/${pubId}/files/department/json`, undefined, { "accept-encoding": "gzip, br" });
    expect([br.headers["content-encoding"], br.headers.vary]).toEqual(["br", "accept-encoding"]);
    expect(brotliDecompressSync(br.rawPayload).equals(file.rawPayload)).toBe(true);

    const log = (await admin.request("GET", "/api/audit-log?limit=500")).json().entries.map((e: { action: string }) => e.action);
    for (const a of ["workflow.submit", "workflow.approve-department", "workflow.approve-finance", "workflow.record-approval", "workflow.publish", "budget.explanation"]) expect(log).toContain(a);
  });

  it("refuses to render a budget with error-level findings (422 with them) unless a marked draft is asked for", async () => {
    w = await buildWorld(backend);
    const { preparer } = w.clients;
    const { content } = (await preparer.request("GET", `/api/budgets/${w.budget}`)).json();
    content.lineItems[0].amount = "-100.00";
    expect((await preparer.request("PUT", `/api/budgets/${w.budget}`, { version: await currentVersion(w), content })).statusCode).toBe(200);
    const refused = await preparer.request("GET", `/api/budgets/${w.budget}/render/pdf`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, "blocked"]);
    expect(refused.json().error.details.findings.map((f: { rule: string }) => f.rule)).toContain("amount.negative");
    const draft = await preparer.request("GET", `/api/budgets/${w.budget}/render/txt?draft=1`);
    expect(draft.statusCode).toBe(200);
    expect(draft.body.split("\n")[0]).toBe("【草稿 未经审核】");
  });

  it("returns with a comment at each step, and publishes a correction as a new version with the old one readable", async () => {
    w = await buildWorld(backend);
    const { preparer, approver, reviewer, anonymous } = w.clients;
    await explainAll(w, preparer);
    await move(preparer, w, "submit");
    expect((await move(approver, w, "return")).statusCode).toBe(422);
    expect((await move(approver, w, "return", { comment: "请补充项目说明" })).json()).toMatchObject({ state: "draft" });
    const history = (await preparer.request("GET", `/api/budgets/${w.budget}/transitions`)).json();
    expect(history.transitions.map((t: { action: string; comment: string | null }) => [t.action, t.comment])).toEqual([["submit", null], ["return", "请补充项目说明"]]);

    for (const [c, a, extra] of [[preparer, "submit", {}], [approver, "approve-department", {}], [reviewer, "return", { comment: "超出控制数" }]] as const) {
      expect((await move(c, w, a, extra)).statusCode).toBe(200);
    }
    for (const [c, a, extra] of [[preparer, "submit", {}], [approver, "approve-department", {}], [reviewer, "approve-finance", {}], [reviewer, "record-approval", { date: "2021-02-10" }], [approver, "publish", { date: "2021-02-20" }]] as const) {
      const res = await move(c, w, a, extra);
      expect(res.statusCode, `${a}: ${res.body}`).toBe(200);
    }
    const first = (await anonymous.request("GET", "/api/public/regions/410311/publications")).json().publications[0];
    const firstFile = (await anonymous.request("GET", `/api/public/publications/${first.id}/files/department/json`)).body;

    // 更正: the department returns its published budget, corrects it and publishes again with a note.
    expect((await move(approver, w, "return", { comment: "更正概况文字" })).json().state).toBe("draft");
    const fix = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, { version: await currentVersion(w), profile: { duties: ["更正后的主要职能。"], organisation: "内设综合股。" } });
    expect(fix.statusCode).toBe(200);
    for (const [c, a, extra] of [[preparer, "submit", {}], [approver, "approve-department", {}], [reviewer, "approve-finance", {}], [reviewer, "record-approval", { date: "2021-03-01" }]] as const) {
      expect((await move(c, w, a, extra)).statusCode).toBe(200);
    }
    expect((await move(approver, w, "publish", { date: "2021-03-05" })).json().error.code).toBe("invalid");
    const second = (await move(approver, w, "publish", { date: "2021-03-05", changeNote: "更正部门概况" })).json();
    expect(second.publication.number).toBe(2);
    const list = (await anonymous.request("GET", "/api/public/regions/410311/publications")).json().publications;
    expect(list.map((p: { number: number; change_note: string | null }) => [p.number, p.change_note])).toEqual([[2, "更正部门概况"], [1, null]]);
    expect((await anonymous.request("GET", `/api/public/publications/${first.id}/files/department/json`)).body).toBe(firstFile);
    expect((await anonymous.request("GET", `/api/public/publications/${second.publication.id}/files/department/json`)).body).toContain("更正后的主要职能");
  });

  it("blocks a submission beyond the control figures (二上 within 一下)", async () => {
    w = await buildWorld(backend);
    const { preparer, reviewer } = w.clients;
    await explainAll(w, preparer);
    const set = await reviewer.request("PUT", `/api/departments/${w.dept313}/control-figures/2021`, { figures: [{ nature: "basic", source: "财政拨款", amount: "100.00万元" }, { nature: "project", source: "gpb-appropriation", amount: "5000万元" }] });
    expect(set.statusCode).toBe(200);
    const res = await move(preparer, w, "submit");
    expect(res.statusCode).toBe(422);
    const findings = res.json().error.details.findings;
    expect(findings.map((f: { rule: string; expected: number }) => [f.rule, f.expected])).toEqual([["workflow.control-exceeded", 100_000_000]]);
  });
});
