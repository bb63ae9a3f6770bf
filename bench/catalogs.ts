/**
 * npm run bench:catalogs — what resolving the built-in catalogs (2017–2026 from 2021 through each year's
 * changes, src/core/catalogs/resolve.ts) costs at first use, beside building the look-up index of one year
 * (`new CatalogIndex`, which every check does) in the same run. Median of `--runs` rounds (50 by default).
 */
import { CatalogIndex } from "../src/core/catalog.ts";
import { catalog2021 } from "../src/core/catalogs/2021/index.ts";
import { BUILT_IN_YEARS, resolveCatalogs } from "../src/core/catalogs/index.ts";
import { benchArgs, positiveInt } from "./args.ts";

const args = benchArgs({ strings: ["runs"], flags: [] });
const runs = positiveInt(args, "runs", 50);

function median(f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

for (let i = 0; i < 5; i++) resolveCatalogs(); // warm up
const resolve = median(() => resolveCatalogs());
const oneIndex = median(() => new CatalogIndex(catalog2021));
console.log(`resolve ${BUILT_IN_YEARS.length} years (${BUILT_IN_YEARS[0]}–${BUILT_IN_YEARS.at(-1)}): ${resolve.toFixed(2)} ms (median of ${runs})`);
console.log(`baseline: new CatalogIndex(2021): ${oneIndex.toFixed(2)} ms — ratio ${(resolve / oneIndex).toFixed(1)}×`);
