/**
 * Issue 19, over HTTP: uploads over the limit refused on the bytes received (413, nothing read or
 * saved), authentication before validation, a preparer's content bounded to their unit on POST as on
 * PUT, department-level fields kept by the department's roles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { pgliteBackend } from "../store/databases.ts";
import { type Client, SAMPLE_TEXT, type World, buildWorld, clientFor, currentVersion, login } from "./world.ts";

describe("hardening over HTTP", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend);
  }, 180_000);
  afterAll(async () => w?.close());

  describe("uploads: the limit is checked on the bytes received", () => {
    const sampleBytes = Buffer.byteLength(SAMPLE_TEXT);
    const limit = sampleBytes + 1000;
    let small: Awaited<ReturnType<typeof buildApp>>;
    let preparer: Client;
    let admin: Client;
    beforeAll(async () => {
      small = await buildApp(w.db, { maxUploadBytes: limit, loginRateLimit: 10_000 });
      preparer = await login(small, "preparer", "preparer");
      admin = await login(small, "admin", "admin");
    });
    afterAll(async () => small?.close());

    /** the sample, padded with a YAML comment to `size` bytes: any cut leaves a readable file */
    const padded = (size: number) => `${SAMPLE_TEXT}\n#${"x".repeat(size - sampleBytes - 3)}\n`;

    it("imports a file of exactly the limit, and refuses one byte more whole (413, nothing saved)", async () => {
      expect(Buffer.byteLength(padded(limit))).toBe(limit);
      const before = await currentVersion(w);
      const over = await preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", padded(limit + 1));
      expect([over.statusCode, over.json().error.code]).toEqual([413, "too-large"]);
      expect(over.json().error.message).toMatch(/^文件超过上传上限.* \/ the file is over the upload limit/);
      expect(await currentVersion(w)).toBe(before);
      const exact = await preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", padded(limit));
      expect(exact.statusCode).toBe(200);
      expect(await currentVersion(w)).toBe(before + 1);
    });

    it("answers 413 on every upload route, for a file one byte over and for a body declared too large", async () => {
      const payments = await w.db.db.selectFrom("execution_payments").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const catalogs = await w.db.db.selectFrom("official_catalogs").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const routes: [Client, string, string][] = [
        [preparer, `/api/budgets/${w.budget}/import?version=${await currentVersion(w)}`, "budget.yaml"],
        [preparer, `/api/budgets/${w.budget}/execution/payments`, "payments.csv"],
        [admin, "/api/catalogs/2021", "catalog.csv"],
        [preparer, "/api/audit", "doc.txt"],
      ];
      for (const [who, url, name] of routes) {
        const oneOver = await who.upload(url, name, Buffer.alloc(limit + 1, 0x41));
        expect([url, oneOver.statusCode, oneOver.json().error.code]).toEqual([url, 413, "too-large"]);
        const huge = await who.upload(url, name, Buffer.alloc(limit + 100_000, 0x41));
        expect([url, huge.statusCode]).toEqual([url, 413]);
      }
      expect(await w.db.db.selectFrom("execution_payments").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(payments);
      expect(await w.db.db.selectFrom("official_catalogs").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(catalogs);
    });
  });

  describe("authentication before validation", () => {
    it("answers an anonymous request to a protected route 401, before its body is parsed or validated", async () => {
      const anonymous = clientFor(w.app, "anonymous");
      for (const [method, url, body] of [
        ["PUT", `/api/budgets/${w.budget}`, { version: "not a number" }],
        ["POST", "/api/budgets", { departmentId: 2 ** 40 }],
        ["PUT", `/api/budgets/${w.budget}/explanations`, {}],
        ["GET", "/api/budgets/99999999999", undefined],
        ["POST", "/api/users", "{not json"],
      ] as const) {
        const res = await anonymous.request(method, url, body, typeof body === "string" ? { "content-type": "application/json" } : {});
        expect([url, res.statusCode, res.json().error.code]).toEqual([url, 401, "unauthenticated"]);
        expect(res.json().error.details).toBeNull();
      }
      const bigBody = await w.app.inject({ method: "PUT", url: `/api/budgets/${w.budget}`, headers: { "content-type": "application/json" }, payload: `{"x":"${"a".repeat(5_000_000)}"}` });
      expect(bigBody.statusCode).toBe(401);
      const upload = await anonymous.upload(`/api/budgets/${w.budget}/import?version=x`, "budget.yaml", "x");
      expect(upload.statusCode).toBe(401);
      // anonymous routes stay open
      expect((await anonymous.request("GET", "/api/health")).statusCode).toBe(200);
      expect((await anonymous.request("GET", "/api/public/regions")).statusCode).toBe(200);
      expect((await anonymous.request("POST", "/api/auth/login", { username: "" })).statusCode).toBe(400);
    });
  });

  describe("a preparer's content is their unit's", () => {
    const foreignLine = { unit: "313002", functional: "2080208", economic: "30201", nature: "基本", source: "财政拨款", amount: "100.00", memo: "他单位" };

    it("refuses a new budget holding another unit's lines (POST as well as PUT)", async () => {
      const { preparer, approver } = w.clients;
      const skeleton = { year: 2040, department: { code: "313", name: "洛龙区社区治理和服务创新办公室", region: "洛阳市洛龙区" }, units: [{ code: "313001", name: "机关", type: "administrative" }], lineItems: [foreignLine], projects: [], procurement: [], reasons: {}, profile: { duties: [], organisation: "" } };
      const refused = await preparer.request("POST", "/api/budgets", { departmentId: w.dept313, year: 2040, content: { ...skeleton, units: [...skeleton.units, { code: "313002", name: "他单位", type: "institution" }] } });
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, "forbidden"]);
      expect(refused.json().error.message).toContain("line items of unit 313002");
      const budgets = (await approver.request("GET", "/api/budgets?year=2040")).json().budgets;
      expect(budgets).toEqual([]);
    });

    it("keeps department-level fields (部门名称, 部门整体绩效目标) to the department's roles", async () => {
      const { preparer, approver } = w.clients;
      const content = (await preparer.request("GET", `/api/budgets/${w.budget}`)).json().content;
      const renamed = await preparer.request("PUT", `/api/budgets/${w.budget}`, { version: await currentVersion(w), content: { ...content, department: { ...content.department, name: "被改的名称" } } });
      expect([renamed.statusCode, renamed.json().error.code]).toEqual([403, "forbidden"]);
      expect(renamed.json().error.message).toContain("department-level field `department`");
      const targets = await preparer.request("PUT", `/api/budgets/${w.budget}/targets`, { version: await currentVersion(w), targets: {} });
      expect(targets.statusCode).toBe(403);
      const byApprover = await approver.request("PUT", `/api/budgets/${w.budget}`, { version: await currentVersion(w), content: { ...content, department: { ...content.department, shortName: "社创办" } } });
      expect(byApprover.statusCode).toBe(200);
      // the preparer's own unit's part stays theirs
      const own = await preparer.request("POST", `/api/budgets/${w.budget}/line-items`, { version: await currentVersion(w), item: { ...foreignLine, unit: "313001", memo: "本单位" } });
      expect(own.statusCode).toBe(201);
    });
  });
});

describe("malformed input is 4xx with its place, never 500", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend);
  }, 180_000);
  afterAll(async () => w?.close());

  it("refuses JSON nested too deep, NUL, lone surrogates, invalid UTF-8 and ids ≥ 2^31", async () => {
    const { preparer, anonymous } = w.clients;
    const before = await currentVersion(w);
    const deep = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, JSON.parse(`{"version":${before},"profile":${"[".repeat(100)}${"]".repeat(100)}}`));
    expect([deep.statusCode, deep.json().error.code]).toEqual([400, "bad-request"]);
    const veryDeep = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, `{"version":${before},"profile":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`, { "content-type": "application/json" });
    expect([veryDeep.statusCode, veryDeep.json().error.message]).toEqual([400, expect.stringMatching(/^JSON 嵌套过深.*\/ JSON nested too deep/)]);
    const nul = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, `{"version":${before},"reasons":{"total":"a\\u0000b"}}`, { "content-type": "application/json" });
    expect([nul.statusCode, nul.json().error.details]).toEqual([400, { path: "$.reasons.total" }]);
    const lone = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, `{"version":${before},"reasons":{"total":"a\\ud800b"}}`, { "content-type": "application/json" });
    expect(lone.statusCode).toBe(400);
    const utf8 = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, Buffer.concat([Buffer.from(`{"version":${before},"reasons":{"total":"`), Buffer.from([0xe4, 0xb8]), Buffer.from(`"}}`)]), { "content-type": "application/json" });
    expect([utf8.statusCode, utf8.json().error.details]).toEqual([400, { byteOffset: Buffer.byteLength(`{"version":${before},"reasons":{"total":"`) }]);
    for (const url of [`/api/budgets/2147483648`, `/api/budgets/99999999999999999999`, `/api/budgets/${w.budget}/versions/2147483648`]) {
      expect([url, (await preparer.request("GET", url)).statusCode]).toEqual([url, 400]);
    }
    expect((await anonymous.request("GET", "/api/public/publications/2147483648")).statusCode).toBe(400);
    // the published-file route checks its params by hand (hot path): the same bound (bench:hardening found it)
    expect((await anonymous.request("GET", "/api/public/publications/2147483648/files/department/json")).statusCode).toBe(400);
    expect(await currentVersion(w)).toBe(before);
  });

  it("refuses overlong text, absurd amounts, a YAML billion laughs, NUL in a file and bad file names", async () => {
    const { preparer, admin } = w.clients;
    const before = await currentVersion(w);
    const content = (await preparer.request("GET", `/api/budgets/${w.budget}`)).json().content;
    const long = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, { version: before, reasons: { ...content.reasons, total: "字".repeat(300_000) } });
    expect([long.statusCode, long.json().error.details.problems[0].field]).toEqual([422, "reasons.total"]);
    const huge = { ...content.lineItems[0], unit: "313001", amount: "90071992547409.91" };
    const absurd = await preparer.request("PUT", `/api/budgets/${w.budget}`, { version: before, content: { ...content, lineItems: [...content.lineItems, huge, huge] } });
    expect([absurd.statusCode, absurd.json().error.details.problems[0].message]).toEqual([422, expect.stringContaining("金额超过上限")]);
    const manyBig = Array.from({ length: 12 }, () => ({ ...huge, amount: "999999999999.00" }));
    const total = await preparer.request("PUT", `/api/budgets/${w.budget}`, { version: before, content: { ...content, lineItems: [...content.lineItems, ...manyBig] } });
    expect([total.statusCode, total.json().error.details.problems[0].message]).toEqual([422, expect.stringContaining("合计超过上限")]);
    const laughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`;
    const bomb = await preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", laughs);
    expect([bomb.statusCode, bomb.json().error.code]).toEqual([422, "invalid-budget"]);
    const nulFile = await preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", SAMPLE_TEXT.replace("memo:", 'memo: "\\0" #'));
    expect(nulFile.statusCode).toBeGreaterThanOrEqual(400);
    expect(nulFile.statusCode).toBeLessThan(500);
    const badUtf8 = await preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "budget.yaml", Buffer.concat([Buffer.from(SAMPLE_TEXT.slice(0, 20)), Buffer.from([0xff]), Buffer.from(SAMPLE_TEXT.slice(20))]));
    expect([badUtf8.statusCode, badUtf8.json().error.details.byteOffset]).toEqual([422, Buffer.byteLength(SAMPLE_TEXT.slice(0, 20))]);
    for (const name of [".", "..", "a\u0000b.csv"]) {
      const res = await admin.upload("/api/catalogs/2021", name, "科目编码,科目名称\n2080208,基层政权建设和社区治理\n", { kind: "functional" });
      // busboy already drops "." and ".." (the file is then unnamed, and no catalog format); NUL is ours to refuse
      expect([JSON.stringify(name), res.statusCode, res.body]).toEqual([JSON.stringify(name), 422, expect.stringMatching(/文件名无效|格式无法识别/)]);
    }
    expect(await currentVersion(w)).toBe(before);
    expect((await preparer.request("GET", "/api/health")).statusCode).toBe(200);
  });
});
