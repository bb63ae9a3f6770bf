/**
 * 不予公开 in the budget editor (Chromium): the preparer marks a project as not for publication with its reason;
 * the draft saves it in the budget file's form, the public preview leaves the project out and prints the note
 * with the reason, and `check` shows the reviewer what is withheld; unmarking removes the key. A unit's switch
 * sits on the 部门概况 tab.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const DEPARTMENT = "洛龙区社区治理和服务创新办公室";
const POLL = { timeout: 20_000, interval: 100 };

describe.skipIf(!HAS_CHROMIUM)("不予公开 in the budget editor (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => e?.close(), 60_000);

  it("marks a project 不予公开 with its reason, saves it, and the public preview withholds it", async () => {
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-preparer", "demo-preparer-2021");
    await page.getByRole("row", { name: /2022/ }).getByRole("link", { name: `313 ${DEPARTMENT}` }).click();
    await page.waitForURL(/\/budgets\/\d+/);
    const budgetId = Number(/\/budgets\/(\d+)/.exec(page.url())![1]);
    const content = async () => ((await (await page.request.get(`${e.base}/api/budgets/${budgetId}`)).json()) as { content: { projects: { code: string; name: string; exempt?: unknown }[]; units: { exempt?: unknown }[] } }).content;

    await page.getByRole("tab", { name: "项目与绩效目标" }).click();
    const card = page.locator("#project-0");
    const name = (await content()).projects[0]!.name;
    const mark = card.getByRole("checkbox", { name: /不予公开/ });
    expect(await mark.isChecked()).toBe(false);
    // no reason field until the mark is set
    expect(await card.getByLabel("不予公开理由").count()).toBe(0);
    await mark.check();
    const reason = card.getByLabel("不予公开理由");
    await expect.poll(() => reason.inputValue(), POLL).toBe("涉密");
    await reason.fill("涉及国家秘密");
    await expect.poll(() => page.getByTestId("save-state").textContent(), POLL).toContain("已保存");
    await expect.poll(async () => (await content()).projects[0]!.exempt, POLL).toEqual({ basis: "涉及国家秘密" });
    await card.scrollIntoViewIfNeeded();
    await e.shot(page, "editor-exempt-project");

    // the public preview (the draft render): the note with the reason, the project nowhere
    const json = JSON.stringify(await (await page.request.get(`${e.base}/api/budgets/${budgetId}/render/json?scope=department&draft=1`)).json());
    expect(json).toContain("1个项目因涉及国家秘密，按照有关保密规定不予公开");
    expect(json).not.toContain(name);
    // the reviewer sees what is withheld
    const check = JSON.stringify(await (await page.request.get(`${e.base}/api/budgets/${budgetId}/check`)).json());
    expect(check).toContain("exempt.withheld");

    // an empty reason is the default 涉密 (stored as the server reads `exempt: true`); unmarking removes the key
    await reason.fill("");
    await expect.poll(async () => (await content()).projects[0]!.exempt, POLL).toEqual({ basis: "涉密" });
    await mark.uncheck();
    await expect.poll(async () => "exempt" in (await content()).projects[0]!, POLL).toBe(false);

    // a unit's switch, on the 部门概况 tab
    await page.getByRole("tab", { name: "部门概况" }).click();
    const unitMark = page.locator("#unit-0").getByRole("checkbox", { name: /不予公开/ });
    await unitMark.check();
    await expect.poll(async () => (await content()).units[0]!.exempt, POLL).toEqual({ basis: "涉密" });
    await page.locator("#unit-0").scrollIntoViewIfNeeded();
    await e.shot(page, "editor-exempt-unit");
    await unitMark.uncheck();
    await expect.poll(async () => "exempt" in (await content()).units[0]!, POLL).toBe(false);
    expect(e.errors).toEqual([]);
  }, 180_000);
});
