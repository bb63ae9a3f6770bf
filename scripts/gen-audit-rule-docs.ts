/**
 * Writes docs/audit-rules.md, the document rule list generated from the rules themselves (src/audit/core/rules).
 * Run: npx tsx scripts/gen-audit-rule-docs.ts   (add --check to fail when docs/audit-rules.md is out of date)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderAuditRuleList } from "../src/audit/core/rules/docs.ts";
import { DOCUMENT_RULES } from "../src/audit/core/rules/index.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "docs", "audit-rules.md");
const text = renderAuditRuleList(DOCUMENT_RULES);

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    console.error("docs/audit-rules.md is out of date: run npx tsx scripts/gen-audit-rule-docs.ts");
    process.exitCode = 1;
  }
} else {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, "utf8");
  console.log(`wrote ${target} (${DOCUMENT_RULES.length} rules)`);
}
