/**
 * Writes docs/rules.md, the rule list generated from the rules themselves (src/core/rules).
 * Run: npx tsx scripts/gen-rule-docs.ts   (add --check to fail when docs/rules.md is out of date)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderRuleList } from "../src/core/rules/docs.ts";
import { ALL_RULES } from "../src/core/rules/index.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "docs", "rules.md");
const text = renderRuleList(ALL_RULES);

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    console.error("docs/rules.md is out of date: run npx tsx scripts/gen-rule-docs.ts");
    process.exitCode = 1;
  }
} else {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, "utf8");
  console.log(`wrote ${target} (${ALL_RULES.length} rules)`);
}
