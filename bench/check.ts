/**
 * npm run bench (second part): derive + check per department (issue 3: target ≥ 2,000 departments/s on one
 * core), and reading a 400-line Excel entry workbook. Generation is outside the timing.
 */
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveDisclosure } from "../src/core/disclosure.ts";
import { checkBudget } from "../src/core/rules/index.ts";
import { generateBudget } from "../test/support/generate.ts";
import { benchEntryWorkbook, formatEntryWorkbookBench } from "./entry-workbook.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const n = Number(args[args.indexOf("--n") + 1]) || (quick ? 300 : 2000);
const catalog = new CatalogIndex(builtInCatalog(2021)!);

function timeBatch(count: number, seed0: number): { derive: number; check: number; findings: number; lines: number } {
  let derive = 0;
  let check = 0;
  let findings = 0;
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const budget = generateBudget(seed0 + i);
    lines += budget.lineItems.length;
    const t0 = process.hrtime.bigint();
    deriveDisclosure(budget, catalog);
    const t1 = process.hrtime.bigint();
    findings += checkBudget(budget, catalog).length;
    const t2 = process.hrtime.bigint();
    derive += Number(t1 - t0) / 1e6;
    check += Number(t2 - t1) / 1e6;
  }
  return { derive, check, findings, lines };
}

timeBatch(Math.min(200, n), 1_000_000); // warm-up
const r = timeBatch(n, 1);
const both = r.derive + r.check;
const perSecond = (ms: number) => Math.round((n / ms) * 1000);
console.log(`derive + check, ${n} generated departments (${(r.lines / n).toFixed(0)} line items on average, ${(r.findings / n).toFixed(1)} findings each)`);
console.log(`  derive (department disclosure)  ${perSecond(r.derive).toLocaleString("en")} departments/s  ${(r.derive / n).toFixed(3)} ms each`);
console.log(`  check (every data rule)         ${perSecond(r.check).toLocaleString("en")} departments/s  ${(r.check / n).toFixed(3)} ms each`);
console.log(`  derive + check                  ${perSecond(both).toLocaleString("en")} departments/s  ${(both / n).toFixed(3)} ms each`);
console.log(`  target ≥ 2,000 departments/s on one core: ${perSecond(both) >= 2000 ? "met" : "NOT met"} (${(perSecond(both) / 2000).toFixed(2)}× the target)`);
console.log("");
console.log(formatEntryWorkbookBench(await benchEntryWorkbook({ lines: 400, runs: quick ? 5 : 20 })));
