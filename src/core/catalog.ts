/**
 * 政府收支分类科目 — classification catalogs, as versioned data per fiscal year. The data lives in
 * ./catalogs/<year>/; this file holds the types and the look-ups. An administrator can load a year's
 * official catalog (src/formats/catalog-file.ts), which extends or replaces the built-in one.
 */
import type { UnitType } from "./model.ts";

/** One code of a classification. */
export interface CatalogEntry {
  code: string;
  /** official name (for 功能分类 类, with 支出: 一般公共服务支出) */
  name: string;
  /** other names accepted for this code (short or local variants tables print) */
  aliases?: readonly string[];
  /** the name the Henan tables print, when it differs from the official one (城乡社区事务) */
  label?: string;
  /**
   * for a local 款 (a province's own 5-digit economic code): the national 款 it is reported under where a
   * table prints national 款 only (the central layout's 一般公共预算基本支出表) — catalog data, as the local
   * catalog states it (河南 30104 年度目标考核奖 → 30103 奖金)
   */
  national?: string;
  /**
   * false when the entry is carried over from a neighbouring year's catalog (or from a change whose year
   * is uncertain) and no source confirms it for this year; absent means confirmed
   */
  confirmed?: false;
}

/** A code list with where it comes from. */
export interface CodeList {
  /** the source of the data (document, issuing body, date), and which parts are confirmed */
  source: string;
  entries: readonly CatalogEntry[];
  /**
   * Levels whose list is stated for this year ("class" 类, "section" 款, "item" 项): a code missing at such
   * a level is known not to exist; at another level, the list is partial or carried over from a
   * neighbouring year. Absent: every level.
   */
  confirmedLevels?: readonly CodeLevel[];
  /** the year has no such classification (2017: no 政府预算支出经济分类), with why */
  absent?: string;
}

/** 类 (3 digits), 款 (5) or 项 (7; for economic codes, a local sub-item). */
export type CodeLevel = "class" | "section" | "item";

/** The level of a code by its length. */
export function codeLevel(code: string): CodeLevel {
  return code.length <= 3 ? "class" : code.length <= 5 ? "section" : "item";
}

/** Which unit types a mapping row applies to; 参公 units use the `administrative` rows. */
export type MappingScope = "administrative" | "institution" | "all";

/** One row of the department → government economic classification mapping (部门经济分类 → 政府经济分类). */
export interface MappingRow {
  /** a department economic code or prefix: 类 (3), 款 (5) or local sub-item (7) */
  department: string;
  scope: MappingScope;
  /** the government economic 款 (5 digits) */
  government: string;
}

export interface MappingTable {
  source: string;
  rows: readonly MappingRow[];
}

/** Where a year's catalog comes from: shipped with Yusuan, or loaded from the finance bureau's file. */
export type CatalogOrigin = "built-in" | "official";

/** All classifications for one fiscal year. */
export interface YearCatalog {
  year: number;
  origin: CatalogOrigin;
  /** for a built-in year defined by its changes: the edition it follows and the year it is derived from */
  provenance?: { edition: string; derivedFrom?: number };
  /** 支出功能分类: 类 (3 digits), 款 (5), 项 (7) */
  functional: CodeList;
  /** 部门预算支出经济分类: 类 (3), 款 (5); local sub-items (7) where a province adds them */
  departmentEconomic: CodeList;
  /** 政府预算支出经济分类: 类 (3), 款 (5) */
  governmentEconomic: CodeList;
  mapping: MappingTable;
}

/** How many department codes' government codes a catalog keeps per unit type (codes come from input: bounded). */
const GOVERNMENT_MEMO_SIZE = 4096;

/** Fast look-ups over a YearCatalog, built once per catalog. */
export class CatalogIndex {
  readonly year: number;
  readonly origin: CatalogOrigin;
  private readonly functional: Map<string, CatalogEntry>;
  private readonly departmentEconomic: Map<string, CatalogEntry>;
  private readonly governmentEconomic: Map<string, CatalogEntry>;
  private readonly mappingAdministrative: Map<string, string>;
  private readonly mappingInstitution: Map<string, string>;
  /** `governmentCodeFor`'s answers by department code, per unit-type table (null: none) */
  readonly #governmentForAdministrative = new Map<string, string | null>();
  readonly #governmentForInstitution = new Map<string, string | null>();
  /** functionalClassCodes(), computed on first use */
  private classCodes: readonly string[] | undefined;

  constructor(readonly catalog: YearCatalog) {
    this.year = catalog.year;
    this.origin = catalog.origin;
    this.functional = byCode(catalog.functional.entries);
    this.departmentEconomic = byCode(catalog.departmentEconomic.entries);
    this.governmentEconomic = byCode(catalog.governmentEconomic.entries);
    this.mappingAdministrative = new Map();
    this.mappingInstitution = new Map();
    // "all" rows first, so scoped rows override them for the same code.
    const rows = [...catalog.mapping.rows].sort((a, b) => (a.scope === "all" ? 0 : 1) - (b.scope === "all" ? 0 : 1));
    for (const row of rows) {
      if (row.scope !== "institution") this.mappingAdministrative.set(row.department, row.government);
      if (row.scope !== "administrative") this.mappingInstitution.set(row.department, row.government);
    }
  }

  functionalEntry(code: string): CatalogEntry | undefined {
    return this.functional.get(code);
  }

  departmentEconomicEntry(code: string): CatalogEntry | undefined {
    return this.departmentEconomic.get(code);
  }

  /**
   * Is what this catalog says of `code` confirmed for its year? A listed code: unless carried over from a
   * neighbouring year unconfirmed. An unlisted one: when its level's list is stated for the year (then the
   * code is known not to exist); a 项 missing from a partial or carried-over list is not. Against an official
   * catalog, everything is confirmed. The audit reports
   * an unconfirmed 项 as info and still checks its 类 and 款.
   */
  isConfirmed(code: string, kind: "functional" | "department-economic" | "government-economic" = "functional"): boolean {
    // a loaded official file is the finance bureau's own list: what it says is confirmed
    if (this.origin === "official") return true;
    const list = kind === "functional" ? this.catalog.functional : kind === "department-economic" ? this.catalog.departmentEconomic : this.catalog.governmentEconomic;
    const map = kind === "functional" ? this.functional : kind === "department-economic" ? this.departmentEconomic : this.governmentEconomic;
    const entry = map.get(code);
    if (entry) return entry.confirmed !== false;
    return list.confirmedLevels === undefined || list.confirmedLevels.includes(codeLevel(code));
  }

  governmentEconomicEntry(code: string): CatalogEntry | undefined {
    return this.governmentEconomic.get(code);
  }

  /** 功能分类 name of a 类/款/项 code; falls back to the code itself when unknown (a finding elsewhere). */
  functionalName(code: string): string {
    return this.functional.get(code)?.name ?? code;
  }

  /** The name tables print for a functional code: the label if there is one, else the official name. */
  functionalLabel(code: string): string {
    const e = this.functional.get(code);
    return e?.label ?? e?.name ?? code;
  }

  /** 功能分类 类 name without the trailing 支出, as narratives write "一般公共服务（类）支出". */
  functionalClassStem(classCode: string): string {
    const e = this.functional.get(classCode);
    const label = e?.label ?? e?.name ?? classCode;
    return label.endsWith("支出") ? label.slice(0, -2) : label;
  }

  departmentEconomicName(code: string): string {
    return this.departmentEconomic.get(code)?.name ?? this.departmentEconomic.get(code.slice(0, 5))?.name ?? code;
  }

  /**
   * The national 经济分类 款 a department economic code is reported under: its own 款 (a local 7-digit
   * sub-item rolls up into it), or, for a local 款, the national 款 the catalog maps it to.
   */
  nationalEconomicSection(code: string): string {
    const section = code.slice(0, 5);
    return this.departmentEconomic.get(section)?.national ?? section;
  }

  governmentEconomicName(code: string): string {
    return this.governmentEconomic.get(code)?.name ?? code;
  }

  /** Every 功能分类 类 of the year, in code order (table 4 lists them all). */
  functionalClasses(): CatalogEntry[] {
    return this.catalog.functional.entries.filter((e) => e.code.length === 3).sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * The codes of every 功能分类 类 of the year in code order, as `functionalClasses()` lists them; computed
   * once per catalog (table 4 lists them all in every disclosure). Callers must not modify the array.
   */
  functionalClassCodes(): readonly string[] {
    return (this.classCodes ??= this.functionalClasses().map((e) => e.code));
  }

  /** Does `name` name `code`? Official names, labels and aliases all count. */
  functionalNameMatches(code: string, name: string): boolean {
    return nameMatches(this.functional.get(code), name);
  }

  departmentEconomicNameMatches(code: string, name: string): boolean {
    return nameMatches(this.departmentEconomic.get(code), name);
  }

  /** The department economic codes `name` names (official names, labels, aliases): for a table that prints only names. */
  departmentEconomicCodesNamed(name: string): string[] {
    return [...this.departmentEconomic.values()].filter((e) => nameMatches(e, name)).map((e) => e.code);
  }

  /**
   * The government economic code for a department economic code in a unit of the given type: the most
   * specific row wins (7-digit sub-item, then 款, then 类). Undefined when the catalog has no row.
   */
  governmentCodeFor(departmentCode: string, unitType: UnitType): string | undefined {
    const institution = unitType === "institution";
    // Each check of a budget asks again for the codes it uses: the answers are kept (the catalog never
    // changes), one look-up instead of three prefixes cut and looked up; at most GOVERNMENT_MEMO_SIZE codes.
    const memo = institution ? this.#governmentForInstitution : this.#governmentForAdministrative;
    const known = memo.get(departmentCode);
    if (known !== undefined) return known === null ? undefined : known;
    const table = institution ? this.mappingInstitution : this.mappingAdministrative;
    let found: string | undefined;
    for (const len of [7, 5, 3]) {
      if (departmentCode.length < len) continue;
      found = table.get(departmentCode.slice(0, len));
      if (found) break;
    }
    if (memo.size < GOVERNMENT_MEMO_SIZE) memo.set(departmentCode, found || null);
    return found || undefined;
  }
}

/**
 * Answers worked out from a catalog, kept in one map per catalog (a catalog never changes): the map is made at
 * its first request, filled then by `fill` when given, and dropped with the catalog. Callers that work answers
 * out one code at a time keep only the catalog's own codes, so odd input cannot grow the map.
 */
export function perCatalog<T>(fill?: (catalog: CatalogIndex, map: Map<string, T>) => void): (catalog: CatalogIndex) => Map<string, T> {
  const maps = new WeakMap<CatalogIndex, Map<string, T>>();
  return (catalog) => {
    let map = maps.get(catalog);
    if (!map) {
      maps.set(catalog, (map = new Map()));
      fill?.(catalog, map);
    }
    return map;
  };
}

function byCode(entries: readonly CatalogEntry[]): Map<string, CatalogEntry> {
  return new Map(entries.map((e) => [e.code, e]));
}

/** Names compared without spaces and with full-width/half-width brackets treated alike. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）").replace(/"/g, "“");
}

function nameMatches(entry: CatalogEntry | undefined, name: string): boolean {
  if (!entry) return false;
  const n = normaliseName(name);
  const candidates = [entry.name, entry.label, ...(entry.aliases ?? [])].filter((x): x is string => !!x);
  return candidates.some((c) => {
    const cn = normaliseName(c);
    return cn === n || (cn.endsWith("支出") && cn.slice(0, -2) === n) || (n.endsWith("支出") && n.slice(0, -2) === cn);
  });
}

/** 类 / 款 / 项 parts of a 7-digit functional code. */
export function splitFunctional(code: string): { class: string; section: string; item: string } {
  return { class: code.slice(0, 3), section: code.slice(3, 5), item: code.slice(5, 7) };
}

/** Chinese numerals for table 4's 类 numbering (201 → 一 … 234 → 三十四). */
export function chineseNumber(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : digits[tens]}十${ones === 0 ? "" : digits[ones]}`;
}

/**
 * Combines an official catalog loaded by an administrator with the built-in one: `extend` keeps built-in
 * codes the official file lacks; `replace` keeps only the official file's codes. The official file wins
 * on names; built-in aliases and labels are kept for codes whose name it confirms.
 */
export function mergeCatalog(
  base: YearCatalog,
  official: Partial<Pick<YearCatalog, "functional" | "departmentEconomic" | "governmentEconomic" | "mapping">>,
  mode: "extend" | "replace",
): YearCatalog {
  const mergeList = (b: CodeList, o: CodeList | undefined): CodeList => {
    if (!o) return b;
    const baseByCode = byCode(b.entries);
    const merged = new Map<string, CatalogEntry>();
    if (mode === "extend") for (const e of b.entries) merged.set(e.code, e);
    for (const e of o.entries) {
      const prior = baseByCode.get(e.code);
      const keep = prior && normaliseName(prior.name) === normaliseName(e.name);
      // the official file confirms the code for its year, whatever the built-in one carried over
      const { confirmed: _carried, ...confirmed } = prior ?? e;
      merged.set(e.code, keep ? { ...confirmed, name: e.name } : { ...e, aliases: prior ? [prior.name, ...(prior.aliases ?? [])] : e.aliases });
    }
    const entries = [...merged.values()].sort((x, y) => x.code.localeCompare(y.code));
    return { source: mode === "extend" ? `${o.source}; extends ${b.source}` : o.source, entries };
  };
  return {
    year: base.year,
    origin: "official",
    functional: mergeList(base.functional, official.functional),
    departmentEconomic: mergeList(base.departmentEconomic, official.departmentEconomic),
    governmentEconomic: mergeList(base.governmentEconomic, official.governmentEconomic),
    mapping: official.mapping ?? base.mapping,
  };
}
