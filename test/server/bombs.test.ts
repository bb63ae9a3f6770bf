/**
 * Issue 19, the import bombs over HTTP: a lying-zip XLSX sent to every XLSX upload route, a payments
 * export of 5 million rows, an export of headers only — each refused with a clear message (Chinese
 * first), quickly, and nothing saved; and account errors that keep other regions' usernames to them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteBackend } from "../store/databases.ts";
import { lyingZipXlsx, manyRowsPaymentsCsv, pdfDeflateBomb } from "../support/bombs.ts";
import { PASSWORD, type World, buildWorld, currentVersion } from "./world.ts";

const HEADER = "支付日期,单位代码,功能科目,经济科目,项目编码,金额\n";

describe("import bombs over HTTP", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend);
  }, 120_000);
  afterAll(async () => w?.close());

  const paymentCount = async () => (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/execution`)).json().payments.count as number;
  const catalogCount = async () => Number((await w.db.db.selectFrom("official_catalogs").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("refuses an XLSX whose zip directory lies (1.1 MB → 1.1 GB) on every XLSX route within 2 s, nothing saved", async () => {
    const { preparer, admin } = w.clients;
    const bomb = lyingZipXlsx();
    const version = await currentVersion(w);
    const [payments, catalogs] = [await paymentCount(), await catalogCount()];
    const rss = process.memoryUsage().rss;
    for (const [who, url, name, fields] of [
      [preparer, `/api/budgets/${w.budget}/import?version=${version}`, "预算.xlsx", undefined],
      [preparer, `/api/budgets/${w.budget}/execution/payments`, "支付.xlsx", undefined],
      [admin, "/api/catalogs/2021", "功能分类.xlsx", { kind: "functional" }],
    ] as const) {
      const t = performance.now();
      const res = await who.upload(url, name, bomb, fields);
      const ms = performance.now() - t;
      expect([url, res.statusCode]).toEqual([url, 422]);
      expect(JSON.stringify(res.json().error)).toMatch(/压缩数据异常（可能是压缩炸弹）.* \/ .*abnormal compressed data/);
      expect(ms, `${url} took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    expect([await currentVersion(w), await paymentCount(), await catalogCount()]).toEqual([version, payments, catalogs]);
  }, 60_000);

  it("refuses a PDF deflate bomb (1.1 MB → 1.1 GB) on /api/audit with 413 within 2 s, RSS +≤ 200 MB, nothing logged", async () => {
    const audits = async () => Number((await w.db.db.selectFrom("audit_log").select((e) => e.fn.countAll<number>().as("n")).where("action", "=", "audit.document").executeTakeFirstOrThrow()).n);
    const bomb = pdfDeflateBomb();
    // a first, ordinary document starts the job worker, so the bomb's time is the reading alone
    expect((await w.clients.preparer.upload("/api/audit", "说明.txt", "一、收入支出预算总体情况\n")).statusCode).toBe(200);
    const before = await audits();
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    const res = await w.clients.preparer.upload("/api/audit", "炸弹.pdf", bomb);
    const ms = performance.now() - t;
    expect([res.statusCode, res.json().error.code]).toEqual([413, "too-large"]);
    expect(res.json().error.message).toBe(
      "文件“炸弹.pdf”的数据流（4 0 obj）解压后超过 64 MB（可能是压缩炸弹），拒绝读取 / \"炸弹.pdf\": a stream (4 0 obj) inflates to more than 64 MB (a deflate bomb?) and the file was not read",
    );
    expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    expect(await audits()).toBe(before);
  }, 120_000);

  it("refuses the lying-zip XLSX and DOCX on /api/audit with 413 and the words of the other XLSX routes, nothing logged", async () => {
    const audits = async () => Number((await w.db.db.selectFrom("audit_log").select((e) => e.fn.countAll<number>().as("n")).where("action", "=", "audit.document").executeTakeFirstOrThrow()).n);
    const bomb = lyingZipXlsx();
    expect((await w.clients.preparer.upload("/api/audit", "说明.txt", "一、收入支出预算总体情况\n")).statusCode).toBe(200);
    const before = await audits();
    for (const name of ["公开.xlsx", "公开.docx"]) {
      const t = performance.now();
      const res = await w.clients.preparer.upload("/api/audit", name, bomb);
      const ms = performance.now() - t;
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, 413, "too-large"]);
      const detail = "part xl/worksheets/sheet1.xml does not inflate to the size the zip declares (a zip bomb?)";
      expect(res.json().error.message).toBe(`文件“${name}”的压缩数据异常（可能是压缩炸弹），拒绝读取（${detail}） / "${name}" holds abnormal compressed data (a zip bomb?) and was not read (${detail})`);
      expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
    }
    expect(await audits()).toBe(before);
  }, 120_000);

  it("refuses a payments export of 5,000,000 rows by its row cap", async () => {
    const before = await paymentCount();
    const res = await w.clients.preparer.upload(`/api/budgets/${w.budget}/execution/payments`, "支付.csv", manyRowsPaymentsCsv(5_000_000, true));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.findings[0].message).toMatch(/^支付记录超过 1,000,000 行，未导入.* \/ more than 1,000,000 payment rows: nothing imported/);
    expect(await paymentCount()).toBe(before);
  }, 60_000);

  it("refuses an export of headers only unless the user says it replaces everything", async () => {
    const { preparer } = w.clients;
    const url = `/api/budgets/${w.budget}/execution/payments`;
    expect((await preparer.upload(url, "支付.csv", `${HEADER}2021-01-25,313001,2080208,30101,,100.00\n2021-02-25,313001,2080208,30101,,50.00\n`)).statusCode).toBe(200);
    expect(await paymentCount()).toBe(2);
    for (const [name, query] of [["支付.csv", ""], ["支付.csv", "?replaceAll=false"]] as const) {
      const empty = await preparer.upload(url + query, name, HEADER);
      expect([empty.statusCode, empty.json().error.code, empty.json().error.details]).toEqual([409, "conflict", { emptyImport: true }]);
      expect(empty.json().error.message).toMatch(/^文件“支付\.csv”只有表头、没有支付记录：导入它会清空本预算的全部支付明细，未导入/);
      expect(await paymentCount()).toBe(2);
    }
    const confirmed = await preparer.upload(`${url}?replaceAll=true`, "支付.csv", HEADER);
    expect([confirmed.statusCode, confirmed.json().imported]).toEqual([200, 0]);
    expect(await paymentCount()).toBe(0);
  }, 60_000);

  it("does not tell a region administrator that a username is held in another region", async () => {
    const { admin } = w.clients;
    const user = (username: string) => ({ username, displayName: "新用户", password: PASSWORD, role: "admin" });
    const other = await admin.request("POST", "/api/users", user("other-admin"));
    expect([other.statusCode, other.json().error]).toEqual([409, { code: "conflict", message: "用户名不可用，请换一个 / this username is not available; choose another", details: null }]);
    expect(other.body).not.toContain("other-admin");
    expect(other.body).not.toMatch(/已存在|taken/);
    const own = await admin.request("POST", "/api/users", user("approver"));
    expect([own.statusCode, own.json().error.message]).toEqual([409, "用户名已存在 / username already taken: approver"]);
  });
});
