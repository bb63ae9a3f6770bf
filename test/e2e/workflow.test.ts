/**
 * 端到端 — the whole path in a browser: a preparer edits a line, sees a finding, fixes it, explains the
 * warnings and submits; the department approver returns it once with a comment the preparer reads, then
 * approves the second submission; the finance reviewer approves; the reviewer records
 * 批复; the department publishes; the public portal shows the new figure and its PDF downloads. Screens
 * of the main pages are taken at 1366×768 on the way (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const DEPARTMENT = "洛龙区社区治理和服务创新办公室";
/** polls wait long: the test shares two cores with the rest of `npm test` */
const POLL = { timeout: 20_000, interval: 100 };

describe.skipIf(!HAS_CHROMIUM)("web app end to end (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => e?.close(), 60_000);

  /** a cell of the line-item grid: row from 0, column by its field */
  const COLS = ["unit", "functional", "economic", "nature", "project", "source", "amount", "memo"];
  const cell = (page: Page, row: number, key: string) => page.locator("[role=grid] tbody tr").nth(row).locator("td").nth(COLS.indexOf(key));
  const typeInto = async (page: Page, row: number, key: string, text: string) => {
    await cell(page, row, key).click();
    await page.keyboard.press("Enter");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  };
  const state = (page: Page, name: string, timeout = 20_000) => expect.poll(async () => page.getByTestId("budget-state").textContent(), { timeout }).toBe(name);

  it("shows the published 2021 sample on the portal of a fresh start", async () => {
    const { page } = await e.newPage();
    await page.goto(e.base);
    await expect.poll(() => page.getByRole("link", { name: DEPARTMENT }).count(), POLL).toBe(1);
    await page.getByRole("link", { name: DEPARTMENT }).click();
    await expect.poll(() => page.getByText("4,117.91").count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByText("2021-02-19", { exact: false }).count(), POLL).toBeGreaterThan(0);
  }, 60_000);

  it("carries the 2022 draft from draft to published, and the portal shows it", async () => {
    // --- the preparer: the 2022 draft, started from the published 2021 budget
    const { page: prep } = await e.newPage();
    await signIn(prep, e.base, "demo-preparer", "demo-preparer-2021");
    await prep.getByRole("row", { name: /2022/ }).getByRole("link", { name: `313 ${DEPARTMENT}` }).click();
    await expect.poll(() => cell(prep, 0, "economic").textContent(), POLL).toContain("30228");
    const budgetId = Number(/\/budgets\/(\d+)/.exec(prep.url())![1]);

    // an unknown economic code: an error in the findings panel, tinted in the grid
    await typeInto(prep, 0, "economic", "30230");
    const unknown = prep.locator('.findings-panel [data-rule="code.economic-unknown"]');
    await expect.poll(() => unknown.count(), POLL).toBe(1);
    await expect.poll(() => cell(prep, 0, "economic").getAttribute("class"), POLL).toMatch(/\b(bad|warn)\b/);
    await e.shot(prep, "preparer-grid-findings");
    // a click on the finding goes to the cell; the right code fixes it
    await unknown.locator("button.finding").click();
    await expect.poll(() => cell(prep, 0, "economic").getAttribute("class"), POLL).toContain("focus");
    await prep.keyboard.press("Enter");
    await prep.keyboard.press("ControlOrMeta+A");
    await prep.keyboard.type("30228");
    await prep.keyboard.press("Enter");
    await expect.poll(() => unknown.count(), POLL).toBe(0);

    // the amount typed in 万元: 1.41 → 1.21 万元 (the total falls from 4181.29 to 4181.09 万元: the 2022 draft is
    // 2021 as adjusted, with the projects' 2021 carry-over as 结转 lines)
    await typeInto(prep, 0, "amount", "1.21万");
    await expect.poll(() => cell(prep, 0, "amount").textContent(), POLL).toBe("12,100.00");
    await expect.poll(() => prep.getByTestId("save-state").textContent(), POLL).toContain("已保存");

    // every warning explained, then submitted
    const boxes = prep.locator(".findings-panel textarea");
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      // a saved explanation folds away: the first open box is always the next unexplained warning
      await boxes.first().fill(`已核实，说明 ${i + 1}：按单位实际情况编制。`);
      await prep.locator(".findings-panel").getByRole("button", { name: "保存说明" }).first().click();
      await expect.poll(() => boxes.count(), POLL).toBe(n - i - 1);
    }
    await expect.poll(() => prep.locator(".findings-panel").getByText("未说明", { exact: true }).count(), POLL).toBe(0);
    await prep.getByRole("button", { name: "提交审核" }).click();
    const dialog = prep.getByRole("dialog");
    await expect.poll(() => dialog.getByText("可以提交").count(), POLL).toBe(1);
    await dialog.getByRole("button", { name: "提交审核" }).click();
    await prep.getByRole("dialog").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => prep.getByText("单位提交").first().isVisible(), POLL).toBe(true);

    // --- the department approver: the queue, then approve
    const { page: dept } = await e.newPage();
    await signIn(dept, e.base, "demo-approver", "demo-approver-2021");
    await dept.goto(`${e.base}/review`);
    const queue = dept.getByTestId("queue");
    await expect.poll(() => queue.getByRole("link", { name: `313 ${DEPARTMENT}` }).count(), POLL).toBe(1);
    await e.shot(dept, "reviewer-queue");
    await queue.getByRole("link", { name: `313 ${DEPARTMENT}` }).click();
    await state(dept, "单位提交");
    await dept.getByRole("tab", { name: /警告及说明/ }).click();
    await expect.poll(() => dept.getByText("已核实，说明 1").count(), POLL).toBeGreaterThan(0);
    // returned once with a comment; the preparer reads it and submits again
    await dept.getByRole("button", { name: "退回" }).click();
    await dept.getByLabel("退回意见").fill("请核对工会经费的金额。");
    await dept.getByRole("dialog").getByRole("button", { name: "退回" }).click();
    await state(dept, "草稿");
    await prep.reload();
    await expect.poll(() => prep.getByText("请核对工会经费的金额。").count(), POLL).toBe(1);
    await prep.getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => prep.getByRole("dialog").getByText("可以提交").count(), POLL).toBe(1);
    await prep.getByRole("dialog").getByRole("button", { name: "提交审核" }).click();
    await prep.getByRole("dialog").getByRole("button", { name: "确定" }).click();
    await expect.poll(() => prep.getByText("单位提交").first().isVisible(), POLL).toBe(true);
    await dept.reload();
    await state(dept, "单位提交");
    await dept.getByRole("button", { name: "审核通过" }).click();
    await state(dept, "部门审核通过");

    // --- the finance reviewer: approve, then record 批复
    const { page: fin } = await e.newPage();
    await signIn(fin, e.base, "demo-reviewer", "demo-reviewer-2021");
    await fin.goto(`${e.base}/review/${budgetId}`);
    await state(fin, "部门审核通过");
    await fin.getByRole("tab", { name: "与上年比较" }).click();
    await expect.poll(() => fin.getByText("支出合计").count(), POLL).toBeGreaterThan(0);
    await e.shot(fin, "reviewer-against-last-year");
    await fin.getByRole("button", { name: "审核通过" }).click();
    await state(fin, "财政审核通过");
    // 批复 is confirmed in a dialog that says what happens, with the date typed in (no default)
    await fin.getByRole("button", { name: "批复" }).click();
    const approval = fin.getByRole("dialog");
    await expect.poll(() => approval.getByText("此后数据不能再修改").count(), POLL).toBe(1);
    expect(await approval.getByLabel("批复日期").inputValue()).toBe("");
    await approval.getByLabel("批复日期").fill("2022-02-01");
    await approval.getByRole("button", { name: "批复" }).click();
    await state(fin, "已批复");
    await fin.getByRole("tab", { name: "流程记录" }).click();
    await expect.poll(() => fin.getByText("批复").count(), POLL).toBeGreaterThan(1);

    // --- the department publishes
    await dept.reload();
    await state(dept, "已批复");
    await dept.getByRole("button", { name: "公开" }).click();
    const publication = dept.getByRole("dialog");
    await expect.poll(() => publication.getByText(/公开后不能撤回/).count(), POLL).toBe(1);
    await publication.getByLabel("公开日期").fill("2022-02-10");
    await publication.getByRole("button", { name: "公开" }).click();
    await state(dept, "已公开", 60_000); // every file of the department and its unit is rendered (PDF too)

    // --- the public portal, without signing in
    const { page: pub, context: anon } = await e.newPage();
    await pub.goto(e.base);
    await pub.getByRole("link", { name: DEPARTMENT }).first().click();
    await expect.poll(() => pub.getByText("4,181.09").count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => pub.locator("canvas").count(), POLL).toBeGreaterThan(2);
    await expect.poll(() => pub.getByRole("img", { name: /基本支出 182\.68万元，项目支出 3998\.41万元/ }).count(), POLL).toBe(1);
    await e.shot(pub, "portal-budget");
    await pub.mouse.wheel(0, 560);
    await pub.waitForTimeout(300);
    await e.shot(pub, "portal-budget-charts");
    const publicationUrl = pub.url();
    const pdfHref = await pub.getByRole("link", { name: /下载 PDF/ }).getAttribute("href");
    const pdf = await anon.request.get(`${e.base}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await pub.getByRole("tab", { name: "预算报表" }).click();
    await expect.poll(() => pub.locator("table.disclosure-table").count(), POLL).toBeGreaterThan(10);
    await pub.goto(e.base);
    await expect.poll(() => pub.getByRole("link", { name: DEPARTMENT }).count(), POLL).toBeGreaterThan(0);
    await e.shot(pub, "portal-home");
    await pub.goto(`${e.base}/overview`);
    await expect.poll(() => pub.getByText("4,181.09").count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => pub.locator("canvas").count(), POLL).toBeGreaterThan(1);
    await e.shot(pub, "region-overview");
    // drill-down: a click on the department's bar opens its published budget
    const byDepartment = pub.locator(".ant-card", { hasText: "按部门" }).locator("canvas").first();
    const box = (await byDepartment.boundingBox())!;
    await pub.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.45);
    await pub.waitForURL(/\/p\/\d+$/);
    // read on a phone
    await pub.setViewportSize({ width: 390, height: 844 });
    await pub.goto(publicationUrl);
    await expect.poll(() => pub.getByText("4,181.09").count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => pub.locator("canvas").count(), POLL).toBeGreaterThan(2);
    await e.shot(pub, "portal-phone");

    // --- the audit page: the published text file, audited
    const txt = await anon.request.get(`${e.base}${pdfHref!.replace(/\/pdf$/, "/txt")}`);
    const file = join(await mkdtemp(join(tmpdir(), "yusuan-audit-")), "社创办2021年部门预算.txt");
    await writeFile(file, Buffer.from(await txt.body()));
    await dept.goto(`${e.base}/audit`);
    await dept.locator("input[type=file]").setInputFiles(file);
    await expect.poll(() => dept.getByText("社创办2021年部门预算.txt").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => dept.locator(".ant-card-loading").count(), { timeout: 30_000 }).toBe(0);
    // the scorecard: one row per audited document, the columns `yusuan audit --scorecard` writes
    const scorecard = dept.locator(".audit-scorecard");
    await expect.poll(() => scorecard.locator("tbody tr.ant-table-row").count(), POLL).toBe(1);
    expect(await scorecard.locator("tbody tr.ant-table-row td").nth(3).innerText()).toBe("河南13张表");
    await e.shot(dept, "audit");

    expect(e.errors).toEqual([]);
  }, 240_000);
});
