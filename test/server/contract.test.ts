/**
 * API 契约 — every JSON answer of the real server against src/contract, both ways:
 *  - what a handler hands over and the contract lacks is reported: the serialiser (zod) would silently
 *    strip it, so here it is wrapped to compare the handler's object with what it kept;
 *  - what the contract requires and a handler leaves out fails the serialiser (500);
 *  - each body, read back with its schema and written again, must come out the same (no unknown keys,
 *    every timestamp ISO text), so a route that bypasses the serialiser is held to the contract too.
 * Every JSON route of the OpenAPI document must have a response schema and be exercised here.
 */
import { readFileSync } from "node:fs";
import type { LightMyRequestResponse } from "fastify";
import type * as ZodProvider from "fastify-type-provider-zod";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as contract from "../../src/contract/index.ts";
import { BACKENDS } from "../store/databases.ts";
import { type Client, type World, buildWorld, currentVersion, login, SAMPLE_TEXT, sampleBudget } from "./world.ts";

const seen = vi.hoisted(() => {
  /** Where `kept` (the serialised answer) differs from `sent` (the handler's object as JSON): paths. */
  function differences(sent: unknown, kept: unknown, path = "$"): string[] {
    if (Array.isArray(sent) && Array.isArray(kept)) {
      if (sent.length !== kept.length) return [`${path}: ${sent.length} items sent, ${kept.length} kept`];
      return sent.flatMap((s, i) => differences(s, kept[i], `${path}[${i}]`));
    }
    if (sent && kept && typeof sent === "object" && typeof kept === "object") {
      const s = sent as Record<string, unknown>;
      const k = kept as Record<string, unknown>;
      const keys = new Set([...Object.keys(s), ...Object.keys(k)]);
      return [...keys].flatMap((key) =>
        !(key in k) ? [`${path}.${key}: sent, not in the contract`] : !(key in s) ? [`${path}.${key}: not sent, added by the contract`] : differences(s[key], k[key], `${path}.${key}`),
      );
    }
    return Object.is(sent, kept) ? [] : [`${path}: ${JSON.stringify(sent)} sent, ${JSON.stringify(kept)} kept`];
  }
  return { differences, problems: [] as string[], exercised: new Set<string>() };
});

vi.mock("fastify-type-provider-zod", async (importOriginal) => {
  const real = await importOriginal<typeof ZodProvider>();
  const checking: typeof real.serializerCompiler = (route) => {
    const serialise = real.serializerCompiler(route);
    const name = `${route.method} ${route.url}`;
    const success = /^2/.test(String(route.httpStatus));
    return (data) => {
      let text: string;
      try {
        text = serialise(data);
      } catch (e) {
        seen.problems.push(`${name} ${route.httpStatus}: ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? "")}`);
        throw e;
      }
      if (success) seen.exercised.add(name);
      for (const d of seen.differences(JSON.parse(JSON.stringify(data)), JSON.parse(text))) seen.problems.push(`${name} ${route.httpStatus}: ${d}`);
      return text;
    };
  };
  return { ...real, serializerCompiler: checking };
});

/** The body, read with the schema (ISO text → Date) and written again (Date → ISO text), is unchanged. */
function expectExactly(schema: z.ZodType, body: unknown): void {
  const read = schema.safeParse(body);
  expect(read.error?.issues ?? [], "the body parses with its contract schema").toEqual([]);
  expect(JSON.parse(JSON.stringify(z.encode(schema, read.data)))).toStrictEqual(body);
}

describe("expectExactly and the serialiser check", () => {
  it("fail on a key the contract lacks, a key it requires, and a timestamp that is not text", () => {
    const s = z.object({ a: z.number(), at: contract.timestamp });
    expect(() => expectExactly(s, { a: 1, at: "2021-01-01T00:00:00.000Z" })).not.toThrow();
    expect(() => expectExactly(s, { a: 1, b: 2, at: "2021-01-01T00:00:00.000Z" })).toThrow();
    expect(() => expectExactly(s, { at: "2021-01-01T00:00:00.000Z" })).toThrow();
    expect(() => expectExactly(s, { a: 1, at: 5 })).toThrow();
    expect(seen.differences({ a: 1, b: [{ c: 2, d: 3 }] }, { a: 1, b: [{ c: 2 }] })).toEqual(["$.b[0].d: sent, not in the contract"]);
  });

  it("reports what a route's handler sends beyond its schema (the server would drop it)", async () => {
    const { serializerCompiler } = await import("fastify-type-provider-zod");
    const app = Fastify();
    app.setSerializerCompiler(serializerCompiler);
    app.get("/x", { schema: { response: { 200: z.object({ kept: z.number() }) } } }, async () => ({ kept: 1, dropped: 2 }));
    const res = await app.inject({ method: "GET", url: "/x" });
    await app.close();
    expect(res.json()).toEqual({ kept: 1 });
    expect(seen.problems.splice(0)).toEqual(["GET /x 200: $.dropped: sent, not in the contract"]);
    seen.exercised.delete("GET /x");
  });
});

describe.each(BACKENDS)("the API's answers match src/contract on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  }, 180_000);
  afterAll(async () => w?.close());

  /** One call: its status, no contract problem, and the body exactly as the schema describes it. */
  async function answer(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, schema: z.ZodType, status = 200) {
    const r = await res;
    expect([r.statusCode, seen.problems.splice(0)], r.body.slice(0, 500)).toEqual([status, []]);
    const body: unknown = r.json();
    expectExactly(schema, body);
    return body as never;
  }
  const b = () => `/api/budgets/${w.budget}`;

  it("accounts: sign-in, the session, users", async () => {
    const { anonymous, admin, preparer } = w.clients;
    await answer(anonymous.request("GET", "/api/health"), contract.healthAnswer);
    await answer(w.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "admin", password: "test-password-123" } }), contract.loginAnswer);
    await answer(preparer.request("GET", "/api/auth/me"), contract.meAnswer);
    await answer(admin.request("GET", "/api/auth/me"), contract.meAnswer);
    await answer(admin.request("GET", "/api/users"), contract.usersAnswer);
    const created: { user: { id: number } } = await answer(
      admin.request("POST", "/api/users", { username: "contract", displayName: "契约", password: "contract-password-1", role: "department-approver", departmentId: w.dept313 }),
      contract.userAnswer,
      201,
    );
    const session = await login(w.app, "approver", "contract", "contract-password-1");
    await answer(session.request("POST", "/api/auth/password", { current: "contract-password-1", next: "contract-password-2" }), contract.ok);
    await answer(session.request("POST", "/api/auth/logout"), contract.ok);
    await answer(admin.request("POST", `/api/users/${created.user.id}/disable`, { disabled: true }), contract.userAnswer);
  });

  it("organisation, catalogs, the audit log and the audit of a document", async () => {
    const { admin, reviewer } = w.clients;
    await answer(admin.request("GET", "/api/divisions"), contract.divisionsAnswer);
    await answer(admin.request("GET", "/api/regions"), contract.regionsAnswer);
    // region A as a 市 for a moment, so a 县 can be added under it
    await w.db.db.updateTable("regions").set({ level: "city" }).where("id", "=", w.regionA).execute();
    await answer(admin.request("POST", "/api/regions", { code: "410399", name: "契约县", parentId: w.regionA }), contract.created, 201);
    await w.db.db.updateTable("regions").set({ level: "county" }).where("id", "=", w.regionA).execute();
    await answer(admin.request("GET", "/api/region/template"), contract.regionTemplateAnswer);
    await answer(admin.request("PUT", "/api/region/template", { template: "henan13" }), contract.regionTemplateAnswer);
    const division: { id: number } = await answer(admin.request("POST", "/api/divisions", { name: "契约科" }), contract.created, 201);
    const dept: { id: number } = await answer(admin.request("POST", "/api/departments", { code: "399", name: "契约局", divisionId: division.id }), contract.created, 201);
    await answer(admin.request("POST", `/api/departments/${dept.id}/units`, { code: "399001", name: "契约局机关" }), contract.created, 201);
    await answer(admin.request("PUT", `/api/departments/${dept.id}/division`, { divisionId: w.divisionA1 }), contract.ok);
    await answer(admin.upload("/api/catalogs/2021", "functional.csv", "科目编码,科目名称\n2080208,基层政权建设和社区治理\n", { kind: "functional" }), contract.catalogLoaded, 201);
    await answer(admin.request("GET", "/api/catalogs/2021"), contract.catalogAnswer);
    await answer(admin.request("GET", "/api/audit-log?limit=500"), contract.auditLogAnswer);
    await answer(admin.request("GET", "/api/desk?year=2021&today=2021-03-01"), contract.deskAnswer);
    await answer(admin.request("GET", "/api/desk/mapping"), contract.importMappingAnswer);
    await answer(admin.request("PUT", "/api/desk/mapping", { columns: { department: "部门编码", unit: "单位编码", functional: "支出功能分类科目", economic: "部门预算支出经济分类科目", nature: "支出性质", source: "资金来源", amount: "金额" }, amountUnit: "元" }), contract.importMappingAnswer);
    // a refused department: the answer's shape, and nothing saved
    await answer(admin.upload("/api/desk/import?year=2021", "desk.csv", "部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,金额\n313,313001,2080208,30101,基本,财政拨款,abc\n"), contract.deskImportAnswer);
    const txt = (await reviewer.request("GET", `${b()}/render/txt`)).body;
    await answer(reviewer.upload("/api/audit", "社创办2021.txt", txt), contract.auditAnswer);
  });

  it("budgets: lists, content, versions, edits, import, control figures", async () => {
    const { approver, reviewer } = w.clients;
    await answer(approver.request("GET", "/api/departments"), contract.departmentsAnswer);
    await answer(approver.request("GET", "/api/budgets"), contract.budgetsAnswer);
    const { content }: { content: Record<string, unknown> } = await answer(approver.request("GET", b()), contract.budgetAnswer);
    await answer(approver.request("PUT", b(), { version: await currentVersion(w), content, note: "契约" }), contract.saved);
    const item = { unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: "100.00", memo: "契约" };
    await answer(approver.request("POST", `${b()}/line-items`, { version: await currentVersion(w), item }), contract.saved, 201);
    const { lineItems }: { lineItems: unknown[] } = await answer(approver.request("GET", `${b()}/line-items`), contract.lineItemsAnswer);
    const last = lineItems.length - 1;
    await answer(approver.request("PUT", `${b()}/line-items/${last}`, { version: await currentVersion(w), item: { ...item, amount: "200.00" } }), contract.saved);
    await answer(approver.request("DELETE", `${b()}/line-items/${last}?version=${await currentVersion(w)}`), contract.saved);
    const project = (content.projects as Record<string, unknown>[])[0]!;
    await answer(approver.request("PUT", `${b()}/projects/${String(project.code)}`, { version: await currentVersion(w), project }), contract.saved);
    await answer(approver.request("PUT", `${b()}/projects/313001-99`, { version: await currentVersion(w), project: { ...project, code: "313001-99" } }), contract.saved);
    await answer(approver.request("DELETE", `${b()}/projects/313001-99?version=${await currentVersion(w)}`), contract.saved);
    await answer(approver.request("PUT", `${b()}/targets`, { version: await currentVersion(w), targets: (content.targets ?? {}) as object }), contract.saved);
    await answer(approver.request("PUT", `${b()}/texts`, { version: await currentVersion(w), reasons: { total: "契约" } }), contract.saved);
    await answer(approver.upload(`${b()}/import?version=${await currentVersion(w)}`, "budget.yaml", SAMPLE_TEXT), contract.importAnswer);
    await answer(approver.request("GET", `${b()}/versions`), contract.versionsAnswer);
    await answer(approver.request("GET", `${b()}/versions/2`), contract.versionAnswer);
    const extra = await answer(approver.request("POST", "/api/budgets", { departmentId: w.dept313, year: 2031 }), contract.budgetCreated, 201);
    expect(extra).toMatchObject({ budget: { year: 2031, state: "draft" } });
    const figures = `/api/departments/${w.dept313}/control-figures/2021`;
    const { controlFigures }: { controlFigures: { nature: string; source: string; yuan: string }[] } = await answer(approver.request("GET", figures), contract.controlFiguresAnswer);
    await answer(reviewer.request("PUT", figures, { figures: controlFigures.map((f) => ({ nature: f.nature, source: f.source, amount: f.yuan })) }), contract.controlFiguresAnswer);
  });

  it("execution: the record, payments, progress", async () => {
    const { preparer } = w.clients;
    await answer(preparer.request("GET", `${b()}/execution`), contract.executionAnswer);
    const dir = "examples/luolong-shequ-2021/execution-2021";
    const { parse } = await import("yaml");
    const record = parse(readFileSync(`${dir}/execution.yaml`, "utf8")) as Record<string, unknown>;
    await answer(preparer.request("PUT", `${b()}/execution`, record), contract.executionSaved);
    await answer(preparer.upload(`${b()}/execution/payments`, "payments.csv", readFileSync(`${dir}/payments.csv`, "utf8")), contract.paymentsImported);
    const exec: { record: unknown; payments: { count: number } } = await answer(preparer.request("GET", `${b()}/execution`), contract.executionAnswer);
    expect(exec.record).not.toBeNull();
    await answer(preparer.request("GET", `${b()}/execution/progress`), contract.progressAnswer);
  });

  it("review and workflow to a publication; the public portal", async () => {
    const { preparer, approver, reviewer, anonymous } = w.clients;
    const move = (c: Client, action: string, extra: object = {}) => c.request("POST", `${b()}/transitions`, { action, ...extra });
    const check: { findings: { severity: string; rule: string; locationKey: string }[] } = await answer(preparer.request("GET", `${b()}/check`), contract.checkAnswer);
    for (const f of check.findings.filter((x) => x.severity === "warning")) {
      await answer(preparer.request("PUT", `${b()}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: `已核实：${f.rule}` }), contract.ok);
    }
    await answer(preparer.request("GET", `${b()}/explanations`), contract.explanationsAnswer);
    const explained: { canSubmit: boolean } = await answer(preparer.request("GET", `${b()}/check`), contract.checkAnswer);
    expect(explained.canSubmit).toBe(true);
    await answer(move(preparer, "submit"), contract.moveAnswer);
    await answer(move(approver, "approve-department"), contract.moveAnswer);
    await answer(move(reviewer, "approve-finance"), contract.moveAnswer);
    await answer(move(reviewer, "record-approval", { date: "2021-02-01" }), contract.moveAnswer);
    const published: { publication: { id: number } } = await answer(move(approver, "publish", { date: "2021-02-25" }), contract.moveAnswer);
    await answer(approver.request("GET", `${b()}/transitions`), contract.transitionsAnswer);
    await answer(approver.request("GET", `${b()}/publications`), contract.publicationsAnswer);
    await answer(approver.request("POST", `${b()}/next-year`, {}), contract.nextYearAnswer, 201);
    // 决算公开 (the execution record and payments were saved above)
    await answer(approver.request("GET", `${b()}/final-accounts`), contract.finalAccountsStatusAnswer);
    const final: { publication: { id: number } } = await answer(approver.request("POST", `${b()}/final-accounts/publications`, { date: "2022-05-20" }), contract.finalAccountsPublished, 201);

    const id = published.publication.id;
    await answer(anonymous.request("GET", "/api/public/regions"), contract.publicRegionsAnswer);
    await answer(anonymous.request("GET", "/api/public/regions/410311/publications"), contract.regionPublicationsAnswer);
    const overview: { total: number; departmentCount: number } = await answer(anonymous.request("GET", "/api/public/regions/410311/overview"), contract.regionOverview);
    // publishing through the workflow wrote the figures as facts: the overview adds up the published budget
    expect([overview.departmentCount, overview.total]).toEqual([1, sampleBudget().lineItems.reduce((s, l) => s + l.amount, 0)]);
    await answer(anonymous.request("GET", `/api/public/publications/${id}`), contract.publicationAnswer);
    await answer(anonymous.request("GET", `/api/public/publications/${id}/figures`), contract.publicationFigures);
    await answer(anonymous.request("GET", `/api/public/publications/${id}/compare`), contract.publicationComparison);
    await answer(anonymous.request("GET", `/api/public/publications/${id}/documents`), contract.yearDocumentsAnswer);
    await answer(anonymous.request("GET", `/api/public/publications/${final.publication.id}`), contract.publicationAnswer);
    await answer(anonymous.request("GET", "/api/public/facts?year=2021&region=410311&functional=208&pageSize=5"), contract.factsAnswer);
  }, 120_000);

  it("answers errors in the error mapper's one shape, through the routes' 4xx schema", async () => {
    const { anonymous, preparer } = w.clients;
    await answer(anonymous.request("GET", b()), contract.errorBody, 401);
    await answer(preparer.request("PUT", b(), { version: "x" }), contract.errorBody, 400);
    await answer(preparer.request("GET", "/api/budgets/999999"), contract.errorBody, 404);
  });

  it("documents a response schema for every JSON route, and every one was checked above", async () => {
    const doc = (await w.clients.anonymous.request("GET", "/api/docs/json")).json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> };
    /** Routes that answer with a file (bytes of a rendering or a snapshot): no JSON schema. */
    const files = ["GET /api/budgets/{id}/render/{format}", "GET /api/budgets/{id}/evaluation/{format}", "GET /api/budgets/{id}/final-accounts/{format}", "GET /api/budgets/{id}/entry-workbook", "GET /api/public/publications/{id}/files/{scope}/{format}", "GET /api/public/open-data/publications/{id}/{file}", "GET /api/public/open-data/regions/{code}/{year}/{file}"];
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
    const json = routes.filter((r) => !files.includes(r.name));
    expect(json.length).toBeGreaterThan(45);
    const undocumented = json.filter(({ op }) => {
      const ok = op.responses?.["200"] ?? op.responses?.["201"];
      return !ok?.content?.["application/json"] || !op.responses?.["4XX"]?.content?.["application/json"];
    });
    expect(undocumented.map((r) => r.name)).toEqual([]);
    for (const f of files) expect(routes.map((r) => r.name)).toContain(f);
    const unchecked = json.map((r) => r.name.replace(/\{(\w+)\}/g, ":$1")).filter((n) => !seen.exercised.has(n));
    expect(unchecked).toEqual([]);
  });
});
