/**
 * The corpus hash: one sha256 over everything Yusuan derives and finds for a generated corpus — for each of
 * N generated budgets (every third with the faults the rules look for, test/support/faults.ts), each
 * disclosure of `deriveAll` in both layouts as JSON and as text, and every finding of `checkBudget`
 * (against the built-in and an official catalog), or what either threw. A refactoring that must change
 * nothing is held to it: the hash before and after is the same.
 *
 *   npx tsx scripts/corpus-hash.ts [--n 1500] [--verbose]
 *
 * `--verbose` prints a hash per budget, so two runs can be compared budget by budget (diff the outputs).
 */
import { createHash } from "node:crypto";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { LAYOUTS, deriveAll } from "../src/core/disclosure.ts";
import { checkBudget } from "../src/core/rules/index.ts";
import { renderJson } from "../src/formats/json.ts";
import { renderText } from "../src/formats/text.ts";
import { withFaults } from "../test/support/faults.ts";
import { generateBudget } from "../test/support/generate.ts";

const args = process.argv.slice(2);
const nAt = args.indexOf("--n");
const n = nAt >= 0 ? Number(args[nAt + 1]) : 1500;
const verbose = args.includes("--verbose");

const builtIn = new CatalogIndex(builtInCatalog(2021)!);
const official = new CatalogIndex({ ...builtInCatalog(2021)!, origin: "official" });

function outcome(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `THREW ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

const all = createHash("sha256");
for (let i = 0; i < n; i++) {
  const seed = 1_000_003 + i;
  const budget = i % 3 === 0 ? withFaults(generateBudget(seed), seed, 1 + (i % 7)) : generateBudget(seed);
  const one = createHash("sha256");
  for (const layout of LAYOUTS) {
    one.update(outcome(() => deriveAll(budget, builtIn, layout).map((d) => renderJson(d) + renderText(d)).join("\u0000")));
  }
  for (const catalog of [builtIn, official]) one.update(outcome(() => JSON.stringify(checkBudget(budget, catalog))));
  const digest = one.digest("hex");
  if (verbose) console.log(`${i}\t${digest}`);
  all.update(digest);
}
console.log(`corpus hash of ${n} generated budgets: ${all.digest("hex")}`);
