/**
 * 决算公开, end to end — the seeded sample's 2021 (published, with its year of execution and its finalAccounts
 * record) in a browser: the preparer sees the 部门决算 tab but no publish step; the department approver
 * previews the 决算, publishes it through a dated confirmation, and the public portal lists it beside the
 * budget, kind by kind, with the year's two documents on each page. Screens at 1366×768. No console errors.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const POLL = { timeout: 60_000, interval: 200 };

describe.skipIf(!HAS_CHROMIUM)("final accounts published from the web app (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 180_000);
  afterAll(async () => e?.close(), 60_000);

  const budget2021 = async (page: Page) => {
    const list = (await (await page.request.get(`${e.base}/api/budgets?year=2021`)).json()) as { budgets: { id: number; departmentCode: string; state: string }[] };
    return list.budgets.find((b) => b.departmentCode === "313")!;
  };

  it("publishes the 2021 决算 and shows it on the portal beside the budget", { timeout: 300_000 }, async () => {
    // the preparer reads the tab, and is told who publishes
    const { page: prep } = await e.newPage();
    await signIn(prep, e.base, "demo-preparer", "demo-preparer-2021");
    const b = await budget2021(prep);
    expect(b.state).toBe("published");
    await prep.goto(`${e.base}/budgets/${b.id}/execution?tab=final-accounts`);
    await expect.poll(() => prep.getByText("决算数据完整，可以公开。").count(), POLL).toBe(1);
    await expect.poll(() => prep.getByText(/^只有本预算的部门审核可以公开决算$/).count(), POLL).toBe(1);
    expect(await prep.getByRole("button", { name: "公开决算" }).count()).toBe(0);
    // the record's 决算补充数据, read-only: each section with the tables' words and exact 元
    const recordTable = prep.getByTestId("final-accounts-record");
    await expect.poll(() => recordTable.locator("tbody tr").count(), POLL).toBe(5);
    const cells = await recordTable.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(cells).toEqual([
      ["年初结转和结余", "313001", "2080208", "一般公共预算财政拨款", "400000.00"],
      ["非财政拨款收入", "313001", "2080208", "其他收入", "8500.00"],
      ["年末结转和结余", "313001", "2060799", "一般公共预算财政拨款", "528000.00"],
      ["313001", "2080208", "一般公共预算财政拨款", "80000.00"],
      ["313001", "2080208", "非财政拨款", "8500.00"],
    ]);
    expect(await recordTable.locator("input, button").count()).toBe(0);

    // the department approver previews and publishes
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-approver", "demo-approver-2021");
    await page.goto(`${e.base}/budgets/${b.id}/execution?tab=final-accounts`);
    await expect.poll(() => page.getByTestId("final-accounts-preview").getByText("收入支出决算总表").count(), POLL).toBeGreaterThan(0);
    await e.shot(page, "final-accounts-tab");
    await page.getByRole("button", { name: "公开决算" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText(/公开后不能撤回/).count(), POLL).toBe(1);
    expect(await dialog.getByRole("button", { name: "公开决算" }).isDisabled()).toBe(true);
    await dialog.getByLabel("公开日期").fill("2022-05-20");
    await expect.poll(() => dialog.getByText("将以 2022-05-20 为决算公开日期发布（应晚于 2021 年底）。").count(), POLL).toBe(1);
    await dialog.getByRole("button", { name: "公开决算" }).click();
    await expect.poll(() => page.getByText("决算已公开：第 1 版").count(), POLL).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: "在公开门户查看" }).count(), POLL).toBe(1);

    // the public portal, without signing in: both kinds listed; the 决算's page lists the year's two documents
    const { page: pub } = await e.newPage();
    await pub.goto(e.base);
    const finalRow = pub.getByRole("row", { name: /部门决算/ });
    await expect.poll(() => finalRow.count(), POLL).toBe(1);
    await expect.poll(() => pub.getByRole("row", { name: /部门预算/ }).count(), POLL).toBeGreaterThan(0);
    await e.shot(pub, "portal-home-final-accounts");
    await finalRow.getByRole("link", { name: "查看" }).click();
    await pub.waitForURL(/\/p\/\d+$/);
    await expect.poll(() => pub.getByRole("heading", { name: /2021 年度部门决算/ }).count(), POLL).toBe(1);
    const docs = pub.getByTestId("year-documents");
    await expect.poll(() => docs.getByText("部门预算", { exact: true }).count(), POLL).toBe(1);
    expect(await docs.getByText("部门决算", { exact: true }).count()).toBe(1);
    await expect.poll(() => pub.locator("table.disclosure-table").count(), POLL).toBeGreaterThan(5);
    await e.shot(pub, "portal-final-accounts");
    // a 决算 file downloads as stored, with its hash
    const href = await pub.getByRole("link", { name: /下载 PDF/ }).first().getAttribute("href");
    const pdf = await pub.request.get(`${e.base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(Buffer.from(await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // the budget's page links to its 决算
    await docs.getByRole("link", { name: "查看" }).click();
    await expect.poll(() => pub.getByRole("heading", { name: /2021 年度部门预算/ }).count(), POLL).toBe(1);
    await expect.poll(() => pub.getByTestId("year-documents").getByText("部门决算", { exact: true }).count(), POLL).toBe(1);
    await e.shot(pub, "portal-budget-with-final-accounts");
    expect(e.errors).toEqual([]);
  });
});
