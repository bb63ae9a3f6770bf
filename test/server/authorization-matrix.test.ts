/**
 * 权限矩阵 — every endpoint × every role × own / other tenant, with the exact status each must answer.
 * "own" users belong to the budget's tenancy (department 313, its unit, the division that reviews it, its
 * region's admin); "other" users to department 314, another division, or another region.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_MAPPING } from "../../src/core/desk.ts";
import { backfillFacts } from "../../src/server/facts-backfill.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { BACKENDS } from "../store/databases.ts";
import { ACTORS, type ActorName, SAMPLE_TEXT, type World, buildWorld, currentVersion } from "./world.ts";

type Expect = Record<ActorName, number>;

const others = (s: number) => ({ otherPreparer: s, otherApprover: s, otherReviewer: s, otherAdmin: s });
/** read: everyone in the tenancy; invisible (404) elsewhere */
const READ: Expect = { anonymous: 401, preparer: 200, approver: 200, reviewer: 200, admin: 200, ...others(404) };
/** change the budget's content: the department's preparers and approvers */
const EDIT = (ok: number): Expect => ({ anonymous: 401, preparer: ok, approver: ok, reviewer: 403, admin: 403, ...others(404) });
const ANY_USER: Expect = { anonymous: 401, preparer: 200, approver: 200, reviewer: 200, admin: 200, ...others(200) };
const PUBLIC: Expect = { anonymous: 200, preparer: 200, approver: 200, reviewer: 200, admin: 200, ...others(200) };
/** region administration: each admin in their own region; everyone else 403 */
/** the bureau desk: finance reviewers and administrators, in their own reach */
const DESK: Expect = { anonymous: 401, preparer: 403, approver: 403, reviewer: 200, admin: 200, otherPreparer: 403, otherApprover: 403, otherReviewer: 200, otherAdmin: 200 };
const ADMIN = (own: number, other: number): Expect => ({ anonymous: 401, preparer: 403, approver: 403, reviewer: 403, admin: own, otherPreparer: 403, otherApprover: 403, otherReviewer: 403, otherAdmin: other });

interface Row {
  name: string;
  expect: Expect;
  run: (w: World, actor: ActorName, i: number) => Promise<{ statusCode: number; body: string }>;
}

const req = (method: string, url: (w: World, i: number) => string, body?: (w: World, i: number) => Promise<unknown> | unknown): Row["run"] => async (w, actor, i) =>
  w.clients[actor].request(method, url(w, i), body ? await body(w, i) : undefined);

const v = async (w: World) => ({ version: await currentVersion(w) });
const item = { unit: "313001", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: "100.00", memo: "矩阵" };
const catalogCsv = "科目编码,科目名称\n2080208,基层政权建设和社区治理\n";

/** Endpoints whose access is not a matter of role and tenant, each with where it is tested instead. */
const NOT_IN_MATRIX: Record<string, string> = {
  "POST /api/auth/login": "open to all by nature; rate limit and wrong passwords in api.test.ts",
  "POST /api/auth/logout": "ends the caller's own session; api.test.ts",
  "POST /api/auth/password": "changes the caller's own password; api.test.ts",
};

const ROWS: Row[] = [
  { name: "GET /api/health", expect: PUBLIC, run: req("GET", () => "/api/health") },
  { name: "GET /api/auth/me", expect: ANY_USER, run: req("GET", () => "/api/auth/me") },
  { name: "GET /api/departments", expect: ANY_USER, run: req("GET", () => "/api/departments") },
  { name: "GET /api/budgets", expect: ANY_USER, run: req("GET", () => "/api/budgets") },
  {
    name: "POST /api/budgets (department 313, a new year)",
    expect: { anonymous: 401, preparer: 201, approver: 201, reviewer: 403, admin: 403, ...others(404) },
    run: req("POST", () => "/api/budgets", (w, i) => ({ departmentId: w.dept313, year: 2030 + i })),
  },
  { name: "GET /api/budgets/:id", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}`) },
  {
    name: "PUT /api/budgets/:id",
    expect: EDIT(200),
    run: req("PUT", (w) => `/api/budgets/${w.budget}`, async (w) => ({ ...(await v(w)), content: (await w.clients.admin.request("GET", `/api/budgets/${w.budget}`)).json().content })),
  },
  { name: "GET /api/budgets/:id/versions", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/versions`) },
  { name: "GET /api/budgets/:id/versions/1", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/versions/1`) },
  { name: "GET /api/budgets/:id/line-items", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/line-items`) },
  { name: "POST /api/budgets/:id/line-items", expect: EDIT(201), run: req("POST", (w) => `/api/budgets/${w.budget}/line-items`, async (w) => ({ ...(await v(w)), item })) },
  { name: "PUT /api/budgets/:id/line-items/0", expect: EDIT(200), run: req("PUT", (w) => `/api/budgets/${w.budget}/line-items/0`, async (w) => ({ ...(await v(w)), item: { ...item, amount: "14100.00", economic: "30228", functional: "2012906" } })) },
  {
    name: "DELETE /api/budgets/:id/line-items/:last",
    expect: EDIT(200),
    run: async (w, actor) => {
      const n = (await w.clients.admin.request("GET", `/api/budgets/${w.budget}/line-items`)).json().lineItems.length;
      return w.clients[actor].request("DELETE", `/api/budgets/${w.budget}/line-items/${n - 1}?version=${await currentVersion(w)}`);
    },
  },
  {
    name: "PUT /api/budgets/:id/projects/:code",
    expect: EDIT(200),
    run: req("PUT", (w, i) => `/api/budgets/${w.budget}/projects/M-${i}`, async (w) => ({ ...(await v(w)), project: { name: "矩阵项目", unit: "313001", class: "一般性项目", indicators: [] } })),
  },
  { name: "DELETE /api/budgets/:id/projects/:code", expect: EDIT(200), run: async (w, actor, i) => w.clients[actor].request("DELETE", `/api/budgets/${w.budget}/projects/M-${i}?version=${await currentVersion(w)}`) },
  {
    name: "PUT /api/budgets/:id/targets",
    expect: EDIT(200),
    run: req("PUT", (w) => `/api/budgets/${w.budget}/targets`, async (w) => ({ ...(await v(w)), targets: (await w.clients.admin.request("GET", `/api/budgets/${w.budget}`)).json().content.targets })),
  },
  { name: "PUT /api/budgets/:id/texts", expect: EDIT(200), run: req("PUT", (w) => `/api/budgets/${w.budget}/texts`, async (w) => ({ ...(await v(w)), reasons: { total: "矩阵测试的原因说明。" } })) },
  { name: "POST /api/budgets/:id/import", expect: EDIT(200), run: async (w, actor) => w.clients[actor].upload(`/api/budgets/${w.budget}/import?version=${await currentVersion(w)}`, "budget.yaml", SAMPLE_TEXT) },
  { name: "GET /api/budgets/:id/check", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/check`) },
  { name: "GET /api/budgets/:id/explanations", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/explanations`) },
  { name: "PUT /api/budgets/:id/explanations", expect: EDIT(200), run: req("PUT", (w) => `/api/budgets/${w.budget}/explanations`, () => ({ rule: "staffing.actual-missing", locationKey: "data::units[0].staffing.actual", text: "编制数据另行报送。" })) },
  { name: "GET /api/budgets/:id/transitions", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/transitions`) },
  {
    name: "POST /api/budgets/:id/transitions submit (blocked: unexplained warnings)",
    expect: { anonymous: 401, preparer: 422, approver: 403, reviewer: 403, admin: 403, ...others(404) },
    run: req("POST", (w) => `/api/budgets/${w.budget}/transitions`, () => ({ action: "submit" })),
  },
  { name: "GET /api/budgets/:id/entry-workbook?template=1", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/entry-workbook?template=1`) },
  { name: "GET /api/budgets/:id/entry-workbook", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/entry-workbook`) },
  {
    name: "POST /api/budgets/:id/next-year (the first starts 2022; later ones find it: 409)",
    expect: { anonymous: 401, preparer: 201, approver: 409, reviewer: 403, admin: 403, ...others(404) },
    run: req("POST", (w) => `/api/budgets/${w.budget}/next-year`, () => ({})),
  },
  { name: "GET /api/budgets/:id/render/json", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/render/json`) },
  { name: "GET /api/budgets/:id/render/html?scope=313001", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/render/html?scope=313001`) },
  { name: "GET /api/budgets/:id/publications", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/publications`) },
  { name: "GET /api/budgets/:id/execution", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/execution`) },
  {
    name: "PUT /api/budgets/:id/execution",
    expect: EDIT(200),
    run: req("PUT", (w) => `/api/budgets/${w.budget}/execution`, () => ({ asOf: "2021-06-30", adjustments: [], actuals: [{ project: "313001-1", level3: "社区数量", value: { kind: "numeric", value: "25" } }] })),
  },
  {
    name: "POST /api/budgets/:id/execution/payments",
    expect: EDIT(200),
    run: async (w, actor) => w.clients[actor].upload(`/api/budgets/${w.budget}/execution/payments`, "payments.csv", "支付日期,单位代码,功能科目,经济科目,项目编码,金额\n2021-01-25,313001,2080208,30101,,34458.33\n"),
  },
  { name: "GET /api/budgets/:id/execution/progress", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/execution/progress`) },
  { name: "GET /api/budgets/:id/evaluation/json", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/evaluation/json`) },
  // the record saved above has no finalAccounts: readers get 422 naming it, after authentication and authorisation
  { name: "GET /api/budgets/:id/final-accounts/json", expect: { ...READ, preparer: 422, approver: 422, reviewer: 422, admin: 422 }, run: req("GET", (w) => `/api/budgets/${w.budget}/final-accounts/json`) },
  { name: "GET /api/budgets/:id/final-accounts", expect: READ, run: req("GET", (w) => `/api/budgets/${w.budget}/final-accounts`) },
  // 公开决算: the budget's publisher only (the department approver), and not before the budget is published (409)
  {
    name: "POST /api/budgets/:id/final-accounts/publications",
    expect: { anonymous: 401, preparer: 403, approver: 409, reviewer: 403, admin: 403, ...others(404) },
    run: req("POST", (w) => `/api/budgets/${w.budget}/final-accounts/publications`, () => ({ date: "2022-05-20" })),
  },
  { name: "GET /api/departments/:id/control-figures/2021 (313)", expect: READ, run: req("GET", (w) => `/api/departments/${w.dept313}/control-figures/2021`) },
  {
    name: "PUT /api/departments/:id/control-figures/2021 (313)",
    expect: { anonymous: 401, preparer: 403, approver: 403, reviewer: 200, admin: 403, ...others(404) },
    run: req("PUT", (w) => `/api/departments/${w.dept313}/control-figures/2021`, async (w) => ({
      figures: (await w.clients.admin.request("GET", `/api/departments/${w.dept313}/control-figures/2021`)).json().controlFigures.map((f: { nature: string; source: string; yuan: string }) => ({ nature: f.nature, source: f.source, amount: f.yuan })),
    })),
  },
  { name: "GET /api/catalogs/2021", expect: ANY_USER, run: req("GET", () => "/api/catalogs/2021") },
  { name: "POST /api/catalogs/2022", expect: ADMIN(201, 201), run: async (w, actor) => w.clients[actor].upload("/api/catalogs/2022", "functional.csv", catalogCsv, { kind: "functional" }) },
  { name: "GET /api/users", expect: ADMIN(200, 200), run: req("GET", () => "/api/users") },
  {
    name: "POST /api/users (a preparer of unit 313001)",
    expect: ADMIN(201, 422),
    run: req("POST", () => "/api/users", (w, i) => ({ username: `new-${i}`, displayName: "新用户", password: "a-long-password-1", role: "preparer", unitId: w.unit313001 })),
  },
  {
    name: "POST /api/users/:id/disable (a user of region A)",
    expect: ADMIN(200, 404),
    run: async (w, actor) => {
      const target = await w.db.db.selectFrom("users").select("id").where("username", "=", "new-4").executeTakeFirstOrThrow();
      return w.clients[actor].request("POST", `/api/users/${target.id}/disable`, { disabled: true });
    },
  },
  { name: "GET /api/divisions", expect: ADMIN(200, 200), run: req("GET", () => "/api/divisions") },
  { name: "GET /api/region/template", expect: ADMIN(200, 200), run: req("GET", () => "/api/region/template") },
  { name: "PUT /api/region/template", expect: ADMIN(200, 200), run: req("PUT", () => "/api/region/template", () => ({ template: "henan13" })) },
  { name: "POST /api/divisions", expect: ADMIN(201, 201), run: req("POST", () => "/api/divisions", (_w, i) => ({ name: `科室${i}` })) },
  { name: "POST /api/departments", expect: ADMIN(201, 201), run: req("POST", () => "/api/departments", (_w, i) => ({ code: `D${i}`, name: `部门${i}` })) },
  { name: "POST /api/departments/:id/units (313)", expect: ADMIN(201, 404), run: req("POST", (w) => `/api/departments/${w.dept313}/units`, (_w, i) => ({ code: `U${i}`, name: `单位${i}` })) },
  { name: "PUT /api/departments/:id/division (313)", expect: ADMIN(200, 404), run: req("PUT", (w) => `/api/departments/${w.dept313}/division`, (w) => ({ divisionId: w.divisionA1 })) },
  { name: "GET /api/audit-log", expect: ADMIN(200, 200), run: req("GET", () => "/api/audit-log") },
  // 财政局工作台: finance reviewers and administrators, each over their own division or region (the rows differ, the status does not)
  { name: "GET /api/desk?year=2021", expect: DESK, run: req("GET", () => "/api/desk?year=2021") },
  { name: "GET /api/desk/mapping", expect: DESK, run: req("GET", () => "/api/desk/mapping") },
  { name: "PUT /api/desk/mapping", expect: DESK, run: req("PUT", () => "/api/desk/mapping", () => DEFAULT_IMPORT_MAPPING) },
  {
    name: "POST /api/desk/import?year=2021 (a refused row: nothing saved)",
    expect: DESK,
    run: async (w, actor) => w.clients[actor].upload("/api/desk/import?year=2021", "desk.csv", "部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,金额\n313,313001,2080208,30101,基本,财政拨款,abc\n"),
  },
  { name: "GET /api/regions", expect: ADMIN(200, 200), run: req("GET", () => "/api/regions") },
  // region A is a 县/区: nothing goes under it (422) for its admin; region B's admin may not reach it (403)
  { name: "POST /api/regions (under region A)", expect: ADMIN(422, 403), run: req("POST", () => "/api/regions", (w, i) => ({ code: `41031199${i}`, name: `街道${i}`, parentId: w.regionA })) },
  { name: "POST /api/audit (a document to audit)", expect: ANY_USER, run: async (w, actor) => w.clients[actor].upload("/api/audit", "doc.txt", "洛龙区某局2021年度部门预算\n") },
  { name: "GET /api/public/regions/410311/publications", expect: PUBLIC, run: req("GET", () => "/api/public/regions/410311/publications") },
  { name: "GET /api/public/publications/:id", expect: PUBLIC, run: req("GET", () => "/api/public/publications/1") },
  { name: "GET /api/public/publications/:id/files/department/json", expect: PUBLIC, run: req("GET", () => "/api/public/publications/1/files/department/json") },
  { name: "GET /api/public/publications/:id/documents", expect: PUBLIC, run: req("GET", () => "/api/public/publications/1/documents") },
  { name: "GET /api/public/regions", expect: PUBLIC, run: req("GET", () => "/api/public/regions") },
  { name: "GET /api/public/publications/:id/figures", expect: PUBLIC, run: req("GET", () => "/api/public/publications/1/figures") },
  { name: "GET /api/public/publications/:id/compare", expect: PUBLIC, run: req("GET", () => "/api/public/publications/1/compare") },
  { name: "GET /api/public/regions/410311/overview", expect: PUBLIC, run: req("GET", () => "/api/public/regions/410311/overview") },
  { name: "GET /api/public/facts", expect: PUBLIC, run: req("GET", () => "/api/public/facts?region=410311") },
  { name: "GET /api/public/open-data/publications/1/datapackage.json", expect: PUBLIC, run: req("GET", () => "/api/public/open-data/publications/1/datapackage.json") },
  { name: "GET /api/public/open-data/regions/410311/2021/facts.csv", expect: PUBLIC, run: req("GET", () => "/api/public/open-data/regions/410311/2021/facts.csv") },
];

describe.each(BACKENDS)("authorisation matrix on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
    await insertPublication(w.db.db, {
      budgetId: w.budget, budgetVersion: 1, publishedOn: "2021-03-01", publishedBy: null, changeNote: null, regionId: w.regionA, year: 2021,
      departmentCode: "313", departmentName: "社创办", title: "2021年度部门预算",
      files: [{ scope: "department", format: "json", fileName: "disclosure.json", contentType: "application/json", content: new TextEncoder().encode("{}"), sha256: "0".repeat(64) }],
    });
    await backfillFacts(w.db.db); // as publishing does: the figures as facts
  }, 180_000);
  afterAll(async () => w?.close());

  it.each(ROWS)("$name", async (row) => {
    const got: Record<string, number> = {};
    for (const [i, actor] of ACTORS.entries()) {
      const res = await row.run(w, actor, i);
      got[actor] = res.statusCode;
      if (res.statusCode >= 400) expect(JSON.parse(res.body), `${row.name} as ${actor}`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(got).toEqual(row.expect);
  });

  it("covers every endpoint of the API", () => {
    const rows = ROWS.map((r) => /^([A-Z]+) (\S+)/.exec(r.name)).filter((m) => m !== null).map((m) => [m[1]!, m[2]!.split("?")[0]!] as const);
    const paths = (w.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        const name = `${method} ${path}`;
        if (NOT_IN_MATRIX[name]) continue;
        const re = new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
        if (!rows.some(([m, p]) => m === method && re.test(p))) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });

  it("lists only what each tenant may see", async () => {
    const list = async (a: ActorName) => (await w.clients[a].request("GET", "/api/budgets")).json().budgets.map((b: { departmentCode: string }) => b.departmentCode);
    expect(new Set(await list("reviewer"))).toEqual(new Set(["313"]));
    expect(await list("otherReviewer")).toEqual([]);
    expect(await list("otherAdmin")).toEqual([]);
    const users = (await w.clients.otherAdmin.request("GET", "/api/users")).json().users.map((u: { username: string }) => u.username);
    expect(users).toEqual(["other-admin"]);
  });
});
