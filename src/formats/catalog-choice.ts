/** Which catalog a budget is read with (CLI and server alike): the built-in one for its year, optionally with official files loaded. */
import { CatalogIndex, type YearCatalog } from "../core/catalog.ts";
import { BUILT_IN_YEARS, builtInCatalog } from "../core/catalogs/index.ts";
import type { CatalogKind } from "./catalog-file.ts";
import { InputError } from "./errors.ts";

export interface CatalogOptions {
  /** official catalog files as "kind=path" or plain paths (functional by default) */
  catalog?: string[];
  catalogMode?: "extend" | "replace";
}

const KINDS: Record<string, CatalogKind> = {
  functional: "functional",
  功能分类: "functional",
  "department-economic": "department-economic",
  部门经济分类: "department-economic",
  "government-economic": "government-economic",
  政府经济分类: "government-economic",
};

export async function catalogFor(year: number, opts: CatalogOptions, warn: (msg: string) => void): Promise<CatalogIndex> {
  let base: YearCatalog | undefined = builtInCatalog(year);
  if (!base) {
    const nearest = [...BUILT_IN_YEARS].sort((a, b) => Math.abs(a - year) - Math.abs(b - year))[0];
    if (nearest === undefined) throw new InputError([{ file: "catalog", message: "没有内置科目目录 / no built-in catalog" }]);
    warn(`提示：没有 ${year} 年的内置科目目录，暂用 ${nearest} 年目录；请用 --catalog 载入当年正式目录 / no built-in catalog for ${year}; using ${nearest} (load the official one with --catalog)`);
    base = { ...builtInCatalog(nearest)!, year };
  }
  const files = (opts.catalog ?? []).map((spec) => {
    const eq = spec.indexOf("=");
    const kindName = eq > 0 ? spec.slice(0, eq) : "functional";
    const kind = KINDS[kindName];
    if (!kind) throw new InputError([{ file: spec, message: `未知的目录类型 ${kindName} / unknown catalog kind (use functional, department-economic or government-economic)` }]);
    return { path: eq > 0 ? spec.slice(eq + 1) : spec, kind };
  });
  if (files.length === 0) return new CatalogIndex(base);
  // loaded only when official files are given: reading them needs ExcelJS and a CSV parser
  const { loadOfficialCatalog } = await import("./catalog-file.ts");
  return new CatalogIndex(await loadOfficialCatalog(base, files, opts.catalogMode ?? "extend"));
}
