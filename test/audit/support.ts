/** Shared helpers of the audit tests: the sample's disclosures and a derived table as printed text. */
import { readFileSync } from "node:fs";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { type Disclosure, type Layout, deriveAll } from "../../src/core/disclosure.ts";
import type { Budget } from "../../src/core/model.ts";
import { formatIn } from "../../src/core/money.ts";
import { type DisclosureTable, headerGrid } from "../../src/core/table.ts";
import { readBudget } from "../../src/formats/budget-file/read.ts";
import { createRuleContext } from "../../src/core/rules/engine.ts";
import { runRules } from "../../src/core/rules/index.ts";

export const SEED = "/work/shared/seed/000_2c1185df0258d2c4.txt";
export const seedText = (): string => readFileSync(SEED, "utf8");
export const catalog2021 = new CatalogIndex(builtInCatalog(2021)!);

export async function sampleBudget(): Promise<Budget> {
  return (await readBudget("examples/luolong-shequ-2021")).budget;
}

export function disclosures(budget: Budget, layout: Layout = "henan13"): Disclosure[] {
  return deriveAll(budget, catalog2021, layout);
}

/** Every printed row of a derived table (header grid, then body) as the text format writes it. */
export function printedRows(t: DisclosureTable): string[][] {
  const header = headerGrid(t.header, t.columns.length).map((r) => r.map((c) => c?.text ?? ""));
  const body = t.rows.map((r) => r.cells.map((c) => (c === null ? "" : typeof c === "number" ? formatIn(t.unit, c as never, false) : c)));
  return [...header, ...body];
}

const dataRules = new WeakMap<Budget, ReadonlySet<string>>();

/**
 * The findings above info an audit of what Yusuan rendered raises that the budget's own data rules do not:
 * render → audit finds nothing `yusuan check` does not. A warning the data has (the sample's 机关运行经费 rises
 * with no reason given, narrative.reason-missing) is found again in the document, as it should be.
 */
export function beyondData<T extends { rule: string; severity: string }>(findings: readonly T[], budget: Budget): T[] {
  let ids = dataRules.get(budget);
  if (!ids) {
    const catalog = budget.year === 2021 ? catalog2021 : new CatalogIndex(builtInCatalog(budget.year)!);
    ids = new Set(runRules(createRuleContext(budget, catalog)).filter((f) => f.severity !== "info").map((f) => f.rule));
    dataRules.set(budget, ids);
  }
  const known = ids;
  return findings.filter((f) => f.severity !== "info" && !known.has(f.rule));
}
