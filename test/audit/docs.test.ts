/** docs/audit-rules.md is generated from the rules, and every document rule has its failing and passing test. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { READING_PROBLEMS } from "../../src/audit/core/reading.ts";
import { renderAuditRuleList } from "../../src/audit/core/rules/docs.ts";
import { DOCUMENT_RULES } from "../../src/audit/core/rules/index.ts";

describe("audit rule documentation", () => {
  const md = renderAuditRuleList(DOCUMENT_RULES);

  it("lists every rule and reading problem with its severity and description", () => {
    for (const r of DOCUMENT_RULES) {
      expect(md).toContain(`### ${r.id}\n`);
      expect(md).toContain(r.description);
    }
    for (const id of Object.keys(READING_PROBLEMS)) expect(md).toContain(`\`${id}\``);
    expect(new Set(DOCUMENT_RULES.map((r) => r.id)).size).toBe(DOCUMENT_RULES.length);
  });

  it("docs/audit-rules.md is up to date (npx tsx scripts/gen-audit-rule-docs.ts)", () => {
    expect(readFileSync("docs/audit-rules.md", "utf8")).toBe(md);
  });

  it("every rule is exercised by test/audit/rules.test.ts", () => {
    const text = readFileSync("test/audit/rules.test.ts", "utf8");
    expect(DOCUMENT_RULES.map((r) => r.id).filter((id) => !text.includes(`"${id}"`))).toEqual([]);
  });
});
