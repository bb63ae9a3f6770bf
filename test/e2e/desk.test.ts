/**
 * 财政局工作台, end to end — the region administrator of the seeded server opens the desk in Chromium: the
 * sample department's 2022 draft and its 2021 publication, sorting by a column (the server sorts), then a
 * batch import of line items where one department is imported and another refused with its line, and a
 * file that fits no mapping refused whole. No console errors but that refusal's 422.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const POLL = { timeout: 30_000, interval: 100 };

describe.skipIf(!HAS_CHROMIUM)("bureau desk end to end (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => e?.close(), 60_000);

  it("lists the year's departments, sorts on the server, and imports line items per department", async () => {
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-admin", "demo-admin-2021");
    await page.getByRole("link", { name: "财政局工作台" }).click();
    await page.waitForURL("**/desk");
    await expect.poll(() => page.getByRole("heading", { name: "财政局工作台" }).count(), POLL).toBe(1);

    // the latest year first: 2022, the sample's draft, control figures equal to its total (seed)
    const table = page.getByTestId("desk-table");
    const row = table.getByRole("row", { name: /313/ });
    await expect.poll(() => row.textContent(), POLL).toContain("草稿");
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells[3]).toMatch(/^\d[\d,]*\.\d{2}$/);
    expect(cells[3]).toBe(cells[4]);
    expect(cells[5]).toBe("0.00");
    await expect.poll(() => page.getByTestId("desk-reminders").textContent(), POLL).toContain("没有逾期事项");

    // sorting asks the server: a click on 预算合计 sends sort=total
    const sorted = page.waitForResponse((r) => r.url().includes("/api/desk?") && r.url().includes("sort=total"));
    await table.getByRole("columnheader", { name: /预算合计/ }).click();
    expect((await sorted).status()).toBe(200);

    // 2021: published 14 days after 批复, not late
    await page.getByLabel("预算年度").click();
    await page.locator(".ant-select-item-option", { hasText: "2021" }).click();
    await page.waitForURL("**/desk?year=2021");
    await expect.poll(() => table.getByRole("row", { name: /313/ }).textContent(), POLL).toContain("已公开");
    await expect.poll(() => table.getByRole("row", { name: /313/ }).textContent(), POLL).toContain("2021-02-05 → 2021-02-19");

    // back to 2022: import the bureau system's export through the default mapping
    await page.goto(`${e.base}/desk?year=2022`);
    const input = page.locator("input[type=file]");
    const header = "部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,项目编码,金额,摘要";
    await input.setInputFiles({ name: "一体化导出.csv", mimeType: "text/csv", buffer: Buffer.from([header, "313,313001,2080208,30101,基本支出,财政拨款,,413500.00,基本工资", "999,999001,2080208,30101,基本支出,财政拨款,,1,x"].join("\n")) });
    const result = page.getByTestId("desk-import-result");
    await expect.poll(() => result.textContent(), POLL).toContain("一体化导出.csv：导入 1 个部门，拒绝 1 个部门");
    await expect.poll(() => result.getByRole("row", { name: /999/ }).textContent(), POLL).toContain("一体化导出.csv · 3");
    // the desk shows the department's new total (41.35 万元)
    await expect.poll(async () => (await table.getByRole("row", { name: /313/ }).getByRole("cell").allTextContents())[4], POLL).toBe("41.35");

    // a file whose columns the mapping does not name is refused whole
    await input.setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("部门,金额\n313,1\n") });
    await expect.poll(() => page.getByRole("alert").textContent(), POLL).toContain("文件 wrong.csv 无法导入");
    // the browser logs the refused upload's 422 and nothing else
    expect(e.errors.filter((m) => !m.includes("status of 422"))).toEqual([]);
    expect(e.errors).toHaveLength(1);
  }, 180_000);
});
