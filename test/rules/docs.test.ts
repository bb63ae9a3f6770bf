import { readFile, readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderRuleList } from "../../src/core/rules/docs.ts";
import { ALL_RULES } from "../../src/core/rules/index.ts";

describe("rule documentation", () => {
  it("lists every rule with its severity, description and basis", () => {
    const md = renderRuleList(ALL_RULES);
    for (const r of ALL_RULES) {
      expect(md).toContain(`### ${r.id}\n`);
      expect(md).toContain(r.description);
      if (r.basis) expect(md).toContain(r.basis);
    }
    expect(md).toContain("《中华人民共和国预算法》第十二条");
  });

  it("docs/rules.md is up to date (npx tsx scripts/gen-rule-docs.ts)", async () => {
    expect(await readFile("docs/rules.md", "utf8")).toBe(renderRuleList(ALL_RULES));
  });

  it("every rule has its own failing and passing tests in test/rules", async () => {
    const dir = "test/rules";
    const files = (await readdir(dir)).filter((f) => f.endsWith(".test.ts") && f !== "docs.test.ts" && f !== "sample.test.ts");
    const text = (await Promise.all(files.map((f) => readFile(`${dir}/${f}`, "utf8")))).join("\n");
    const untested = ALL_RULES.filter((r) => !text.includes(`rule: "${r.id}"`) && !text.includes(`describe("${r.id}"`));
    expect(untested.map((r) => r.id)).toEqual([]);
    for (const r of ALL_RULES) expect(text, r.id).toContain(`rule: "${r.id}"`);
  });
});
