/**
 * 输入法 — typing Chinese into the line-item grid in Chromium: on a focused 摘要 (memo) cell that is not
 * being edited, a pinyin composition (Input.imeSetComposition "jiceng", then Input.insertText "基层", as an
 * input method sends them) opens the cell's editor with 基层, and Enter puts it in the cell. Only that cell
 * of the 2022 draft changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const DEPARTMENT = "洛龙区社区治理和服务创新办公室";
const POLL = { timeout: 20_000, interval: 100 };
const MEMO = 7; // the 8th column: unit, functional, economic, nature, project, source, amount, memo

describe.skipIf(!HAS_CHROMIUM)("grid and a Chinese input method (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => e?.close(), 60_000);

  it("opens the editor with the composed text and keeps it on Enter", async () => {
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-preparer", "demo-preparer-2021");
    await page.getByRole("row", { name: /2022/ }).getByRole("link", { name: `313 ${DEPARTMENT}` }).click();
    const memo = page.locator("[role=grid] tbody tr").nth(0).locator("td").nth(MEMO);
    await expect.poll(() => page.locator("[role=grid] tbody tr").count(), POLL).toBeGreaterThan(0);

    await memo.click();
    await expect.poll(() => memo.getAttribute("class"), POLL).toContain("focus");
    // the keyboard focus is the grid's sink, which names the active cell
    const focused = await page.evaluate(() => [document.activeElement?.getAttribute("role"), document.activeElement?.getAttribute("aria-activedescendant")]);
    expect(focused).toEqual(["combobox", await memo.getAttribute("id")]);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "jiceng", selectionStart: 6, selectionEnd: 6 });
    await expect.poll(() => page.locator(".grid-sink.composing").inputValue(), POLL).toBe("jiceng");
    expect(await page.locator("[role=grid] td.editing").count()).toBe(0); // still composing
    await cdp.send("Input.insertText", { text: "基层" });

    const editor = page.locator("[role=grid] td.editing input");
    await expect.poll(() => editor.inputValue(), POLL).toBe("基层");
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => memo.textContent(), POLL).toBe("基层");
    // the focus is back in the sink, on the next row
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    expect(e.errors).toEqual([]);
  }, 60_000);
});
