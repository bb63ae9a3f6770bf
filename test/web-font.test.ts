/**
 * The web app's own CJK font: the build (vite.config.ts webFont) writes fonts/NotoSansSC-web.ttf — Noto Sans
 * SC cut to GB 2312 and the app's characters — and the app's stylesheet declares it last in its font list,
 * so a machine without CJK fonts shows the app's text rather than boxes. The server serves it like any
 * file of the build.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWebApp } from "./e2e/support.ts";

const DIST = "dist/web";

describe("the web app's font", () => {
  beforeAll(() => buildWebApp(), 300_000);

  it("is built as a TrueType subset of Noto Sans SC and declared in the app's stylesheet", () => {
    const font = readFileSync(join(DIST, "fonts/NotoSansSC-web.ttf"));
    expect(font.readUInt32BE(0)).toBe(0x00010000); // a TrueType font
    // GB 2312's 6,763 characters: megabytes, far less than the whole font's 10+ MB
    expect(font.byteLength).toBeGreaterThan(1_000_000);
    expect(font.byteLength).toBeLessThan(5_000_000);
    const css = readdirSync(join(DIST, "assets")).filter((f) => f.endsWith(".css")).map((f) => readFileSync(join(DIST, "assets", f), "utf8")).join("");
    expect(css).toMatch(/@font-face\{font-family:"?Yusuan Noto Sans SC"?;[^}]*url\(\/fonts\/NotoSansSC-web\.ttf\)/);
  });
});
