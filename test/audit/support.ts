/** Shared helpers of the audit tests: the sample's disclosures and a derived table as printed text. */
import { readFileSync } from "node:fs";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { type Disclosure, type Layout, deriveAll } from "../../src/core/disclosure.ts";
import type { Budget } from "../../src/core/model.ts";
import { formatIn } from "../../src/core/money.ts";
import { type DisclosureTable, headerGrid } from "../../src/core/table.ts";
import { readBudget } from "../../src/formats/budget-file/read.ts";

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
