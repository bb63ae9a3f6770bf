/**
 * 无障碍 — every main page, in Chromium, checked with axe-core (WCAG 2 A and AA rules): every control
 * labelled, names on links, buttons and images, valid ARIA, landmarks, contrast. Public pages as a visitor;
 * the work pages as the demo users, on the seeded sample (2021 published, 2022 draft).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, HAS_CHROMIUM, signIn, startE2E } from "./support.ts";

/** axe's source, evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script> */
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** long: the test shares two cores with the rest of `npm test` */
const POLL = { timeout: 45_000, interval: 100 };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return r.violations;
  });
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")}${process.env.AXE_DETAIL ? ` ${n.failureSummary}` : ""}`));
}

describe.skipIf(!HAS_CHROMIUM)("accessibility of the main pages (axe-core in Chromium)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => e?.close(), 60_000);

  /** opens a page, waits for what shows it has loaded, and returns the violations found */
  const check = async (page: Page, path: string, ready: (p: Page) => Promise<unknown>) => {
    await page.goto(`${e.base}${path}`);
    await expect.poll(async () => Boolean(await ready(page)), POLL).toBe(true);
    await expect.poll(() => page.locator(".ant-spin-spinning, .ant-skeleton").count(), POLL).toBe(0);
    return { path, violations: await violations(page) };
  };

  it("public pages: portal, a publication, the region overview, data download, sign-in", async () => {
    const { page } = await e.newPage();
    const results = [
      await check(page, "/", (p) => p.getByRole("link", { name: "洛龙区社区治理和服务创新办公室" }).count()),
      await check(page, "/p/1", (p) => p.getByText("4,117.91").count()),
      await check(page, "/overview", (p) => p.locator("canvas").count()),
      await check(page, "/data", (p) => p.getByRole("link", { name: "Fiscal Data Package" }).count()),
      await check(page, "/login", (p) => p.getByLabel("用户名").count()),
    ];
    expect(results.filter((r) => r.violations.length > 0)).toEqual([]);
  }, 180_000);

  it("work pages: the preparer's budgets, editor and execution pages, the reviewer's queue and review, the audit page", async () => {
    const { page: prep } = await e.newPage();
    await signIn(prep, e.base, "demo-preparer", "demo-preparer-2021");
    const { page: rev } = await e.newPage();
    await signIn(rev, e.base, "demo-approver", "demo-approver-2021");
    const results = [
      await check(prep, "/work", (p) => p.getByRole("row", { name: /2022/ }).count()),
      await check(prep, "/budgets/2", (p) => p.locator("[role=grid] tbody tr").count()),
      await check(prep, "/budgets/1/execution", (p) => p.locator("canvas").count()),
      await check(prep, "/budgets/1/execution?tab=entry", (p) => p.getByRole("tab", { selected: true }).count()),
      await check(prep, "/budgets/1/execution?tab=evaluation", (p) => p.getByTestId("evaluation-report").count()),
      await check(prep, "/audit", (p) => p.locator("input[type=file]").count()),
      await check(rev, "/review", (p) => p.getByTestId("queue").count()),
      await check(rev, "/review/1", (p) => p.getByTestId("budget-state").count()),
    ];
    expect(results.filter((r) => r.violations.length > 0)).toEqual([]);
    expect(e.errors).toEqual([]);
  }, 240_000);

  it("the bureau desk (财政局工作台) as the region administrator", async () => {
    const { page } = await e.newPage();
    await signIn(page, e.base, "demo-admin", "demo-admin-2021");
    const result = await check(page, "/desk?year=2022", (p) => p.getByTestId("desk-table").getByRole("row", { name: /313/ }).count());
    expect(result.violations).toEqual([]);
  }, 120_000);
});
