/**
 * 政府采购 in the budget editor (Chromium): the preparer adds a purchase on the 政府采购 tab, finds its 经济科目
 * by the pinyin initials of its name (bgf → 30201 办公费) as in the grid's code cells, picks 部门集中采购 from the
 * three 采购组织形式, and the draft saves the row in the budget file's form; a code not in the year's catalog is
 * flagged beside the field; changing the form and deleting the row save too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const DEPARTMENT = "洛龙区社区治理和服务创新办公室";
const POLL = { timeout: 20_000, interval: 100 };

interface Row {
  unit: string;
  kind: string;
  amount: string | number;
  economic?: string;
  organisation?: string;
  item?: string;
}

describe.skipIf(!HAS_CHROMIUM)("政府采购 in the budget editor (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => e?.close(), 60_000);

  it("adds a purchase with its 经济科目 and 采购组织形式, saves it, then changes and removes it", async () => {
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-preparer", "demo-preparer-2021");
    await page.getByRole("row", { name: /2022/ }).getByRole("link", { name: `313 ${DEPARTMENT}` }).click();
    await page.waitForURL(/\/budgets\/\d+/);
    const budgetId = Number(/\/budgets\/(\d+)/.exec(page.url())![1]);
    const procurement = async () => ((await (await page.request.get(`${e.base}/api/budgets/${budgetId}`)).json()) as { content: { procurement?: Row[] } }).content.procurement ?? [];
    expect(await procurement()).toEqual([]);

    await page.getByRole("tab", { name: "政府采购" }).click();
    await page.getByRole("button", { name: "新增采购" }).click();
    const row = page.locator("#procurement-0");
    await row.getByRole("combobox", { name: "采购类别 1" }).click();
    await page.locator(".ant-select-dropdown:visible").getByText("服务", { exact: true }).click();
    await row.getByLabel("金额 1").fill("12000");
    await row.getByLabel("采购品目 1").fill("社区服务设施维护");

    // 经济科目: the catalog's codes, found by the initials of 办公费
    const economic = row.getByRole("combobox", { name: "经济分类科目" });
    await economic.fill("bgf");
    await page.locator(".ant-select-dropdown:visible").getByText("30201 办公费").click();
    await expect.poll(() => economic.inputValue(), POLL).toBe("30201");
    await expect.poll(() => row.textContent(), POLL).toContain("办公费");

    await row.getByRole("combobox", { name: "采购组织形式 1" }).click();
    const forms = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    // polled: the 经济科目 list may still be closing (its options visible) as this one opens
    await expect.poll(() => forms.allTextContents(), POLL).toEqual(["政府集中采购", "部门集中采购", "分散自行组织"]);
    await forms.getByText("部门集中采购", { exact: true }).click();

    await expect.poll(() => page.getByTestId("save-state").textContent(), POLL).toContain("已保存");
    await expect
      .poll(async () => (await procurement()).map((r) => ({ ...r, amount: Number(r.amount) })), POLL)
      .toEqual([{ unit: "313001", kind: "services", amount: 12000, item: "社区服务设施维护", economic: "30201", organisation: "department-central" }]);
    await e.shot(page, "editor-procurement");

    // a code the year's catalog does not have is flagged beside the field (the row still saves what was typed)
    await economic.fill("30600");
    await expect.poll(() => row.textContent(), POLL).toContain("本年度目录中没有此科目");
    await economic.fill("30201");

    // another form, then the row removed
    await row.getByRole("combobox", { name: "采购组织形式 1" }).click();
    await page.locator(".ant-select-dropdown:visible").getByText("政府集中采购", { exact: true }).click();
    await expect.poll(async () => (await procurement())[0]?.organisation, POLL).toBe("government-central");
    await row.getByRole("button", { name: "删除 政府采购 1" }).click();
    await expect.poll(async () => (await procurement()).length, POLL).toBe(0);
    expect(e.errors).toEqual([]);
  }, 180_000);
});
