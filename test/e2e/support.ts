/**
 * End-to-end support: a server on a fresh PGlite directory (a random port) serving the built web app,
 * and Debian's Chromium driven by playwright-core. `npx playwright install` cannot download browsers
 * here: .ci/run installs the `chromium` package; without /usr/bin/chromium the tests are skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { startServer } from "../../src/server/start.ts";

export const CHROMIUM = process.env.YUSUAN_CHROMIUM ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`);
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Builds dist/web unless it is up to date (scripts/build-web.mjs keeps a hash of its sources). */
export function buildWebApp(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-web.mjs"), "--if-stale", "--quiet"], { stdio: "inherit" });
}

export interface E2E {
  base: string;
  browser: Browser;
  /** console errors and page errors seen on any page */
  errors: string[];
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  /** a screenshot of the page as `name`.png (see `screenshotDir`) */
  shot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  buildWebApp();
  const dir = await mkdtemp(join(tmpdir(), "yusuan-e2e-"));
  const server = await startServer({ dataDir: join(dir, "data"), port: 0, host: "127.0.0.1", logLevel: "warn" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const shots = screenshotDir(await mkdtemp(join(tmpdir(), "yusuan-shots-")));
  return {
    base: server.address,
    browser,
    errors,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      return { context, page };
    },
    shot: async (page, name) => void (await page.screenshot({ path: join(shots, `${name}.png`) })),
    close: async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.locator("form").getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** Screenshots go to docs/screenshots with UPDATE_SCREENSHOTS=1, else to a temporary directory. */
function screenshotDir(fallback: string): string {
  return process.env.UPDATE_SCREENSHOTS ? join(ROOT, "docs/screenshots") : fallback;
}
