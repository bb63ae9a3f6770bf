/**
 * Built-in classification catalogs by fiscal year, 2017–2026. 2021 is written out in full (./2021/); every
 * other year is defined by its changes (./years/<year>.ts) and resolved from 2021 once, at first use. What a
 * year states and what it carries over unconfirmed is on each list (`confirmedLevels`) and entry
 * (`confirmed: false`). A year's official file (src/formats/catalog-file.ts) can be loaded on top.
 */
import type { YearCatalog } from "../catalog.ts";
import { catalog2021 } from "./2021/index.ts";
import type { YearDefinition } from "./changes.ts";
import { baseYear, resolveYear } from "./resolve.ts";
import { year2017 } from "./years/2017.ts";
import { year2018 } from "./years/2018.ts";
import { year2019 } from "./years/2019.ts";
import { year2020 } from "./years/2020.ts";
import { year2021 } from "./years/2021.ts";
import { year2022 } from "./years/2022.ts";
import { year2023 } from "./years/2023.ts";
import { year2024 } from "./years/2024.ts";
import { year2025 } from "./years/2025.ts";
import { year2026 } from "./years/2026.ts";

/** The year written out in full; the others are resolved from it. */
export const BASE_YEAR = 2021;

export const YEAR_DEFINITIONS: ReadonlyMap<number, YearDefinition> = new Map(
  [year2017, year2018, year2019, year2020, year2021, year2022, year2023, year2024, year2025, year2026].map((d) => [d.year, d]),
);

export const BUILT_IN_YEARS: readonly number[] = [...YEAR_DEFINITIONS.keys()].sort((a, b) => a - b);

/** One year's catalog from its neighbour's, towards the base year (the neighbour is resolved first). */
function resolveOne(year: number, neighbour: (year: number) => YearCatalog, definitions: ReadonlyMap<number, YearDefinition>): YearCatalog {
  const definition = definitions.get(year)!;
  if (year === BASE_YEAR) return baseYear(catalog2021, definition);
  if (year > BASE_YEAR) return resolveYear(neighbour(year - 1), definition);
  return resolveYear(neighbour(year + 1), definition, definitions.get(year + 1)!);
}

/**
 * Every year's catalog, resolved afresh from the base year outwards through the definitions (pure: the same
 * definitions give the same catalogs; bench/catalogs.ts times it).
 */
export function resolveCatalogs(definitions: ReadonlyMap<number, YearDefinition> = YEAR_DEFINITIONS): Map<number, YearCatalog> {
  const out = new Map<number, YearCatalog>();
  const get = (year: number): YearCatalog => out.get(year) ?? out.set(year, resolveOne(year, get, definitions)).get(year)!;
  for (const year of definitions.keys()) get(year);
  return out;
}

/** The years resolved so far: a year is resolved at its first request, with the years between it and 2021. */
const resolved = new Map<number, YearCatalog>();

export function builtInCatalog(year: number): YearCatalog | undefined {
  if (!YEAR_DEFINITIONS.has(year)) return undefined;
  return resolved.get(year) ?? resolved.set(year, resolveOne(year, (y) => builtInCatalog(y)!, YEAR_DEFINITIONS)).get(year)!;
}
