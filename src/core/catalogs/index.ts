/**
 * Built-in classification catalogs by fiscal year. Only 2021 ships for now: later years' changes could
 * not be sourced reliably. A year without a built-in catalog can be loaded from the finance bureau's
 * official file (src/formats/catalog-file.ts) on top of the nearest built-in one.
 */
import type { YearCatalog } from "../catalog.ts";
import { catalog2021 } from "./2021/index.ts";

const BUILT_IN: ReadonlyMap<number, YearCatalog> = new Map([[2021, catalog2021]]);

export const BUILT_IN_YEARS: readonly number[] = [...BUILT_IN.keys()].sort((a, b) => a - b);

export function builtInCatalog(year: number): YearCatalog | undefined {
  return BUILT_IN.get(year);
}
