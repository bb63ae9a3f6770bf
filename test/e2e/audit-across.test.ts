/**
 * 文件审核 — 跨文件核对 in a browser: on a fresh start (the 2021 sample published), a department's 2022 budget
 * whose stated change against 2021 the 2021 publication contradicts is uploaded on the audit page; the page
 * lists the finding under 跨文件核对 with the publication it was checked against, linked to its public page.
 * The 2022 budget as rendered is uploaded too: that one's section says nothing disagrees.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { deriveAll } from "../../src/core/disclosure.ts";
import { nextYearBudget } from "../../src/core/execution/next-year.ts";
import { renderText } from "../../src/formats/text.ts";
import { sampleBudget } from "../server/world.ts";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

const POLL = { timeout: 30_000, interval: 100 };
const text2022 = renderText(deriveAll(nextYearBudget(sampleBudget()).budget, new CatalogIndex(builtInCatalog(2022)!), "henan13")[0]!);
const edited2022 = text2022.replace("与2021年相比，基本支出持平", "与2021年相比，基本支出增加10.00万元");

describe.skipIf(!HAS_CHROMIUM)("the audit page's 跨文件核对 (Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 180_000);
  afterAll(async () => e?.close(), 60_000);

  it("lists a finding against the published 2021 budget, naming and linking the publication", async () => {
    expect(edited2022).not.toBe(text2022);
    const dir = await mkdtemp(join(tmpdir(), "yusuan-across-"));
    await writeFile(join(dir, "社创办2022改.txt"), edited2022);
    await writeFile(join(dir, "社创办2022.txt"), text2022);
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-preparer", "demo-preparer-2021");
    await page.goto(`${e.base}/audit`);
    await page.locator("input[type=file]").setInputFiles(join(dir, "社创办2022改.txt"));
    const card = page.locator(".ant-card", { hasText: "社创办2022改.txt" }).last();
    await expect.poll(() => page.locator(".ant-card-loading").count(), POLL).toBe(0);
    const across = card.locator("section.audit-across");
    await expect.poll(() => across.getByRole("heading").innerText(), POLL).toBe("跨文件核对：与已公开文件 (1)");
    const row = across.locator("tbody tr.ant-table-row");
    expect(await row.count()).toBe(1);
    // the whole Chinese message, the publication named in it
    expect(await row.locator("td").nth(1).innerText()).toMatch(/^《社创办2022改\.txt》.*而2021年公开的预算《.*2021年度部门预算（已公开）》.*为 182\.88万元$/);
    expect(await row.locator("td").nth(3).innerText()).toBe("182.88万元");
    expect(await row.locator("td").nth(4).innerText()).toBe("172.88万元");
    // the publication checked against: named, and linked to its page on the portal
    const link = row.locator("td").nth(2).getByRole("link");
    expect(await link.innerText()).toMatch(/2021.*（2021年，第1版）$/);
    expect(await link.getAttribute("href")).toMatch(/^\/p\/\d+$/);
    await across.scrollIntoViewIfNeeded();
    await e.shot(page, "audit-across");

    // the budget as rendered: the section is there and says nothing disagrees
    await page.locator("input[type=file]").setInputFiles(join(dir, "社创办2022.txt"));
    const agreed = page.locator(".ant-card", { hasText: "社创办2022.txt" }).filter({ hasNotText: "社创办2022改.txt" }).last();
    await expect.poll(() => agreed.locator("section.audit-across").getByRole("heading").innerText(), POLL).toBe("跨文件核对：与已公开文件 (0)");
    expect(await agreed.locator("section.audit-across").innerText()).toContain("未发现与本地区已公开文件不一致之处");

    await link.click();
    await page.waitForURL(/\/p\/\d+$/);
    expect(e.errors).toEqual([]);
  }, 240_000);
});
