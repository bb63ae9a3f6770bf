/**
 * Each year's built-in catalog against the codes and names real documents of that year print (the corpus in
 * ../shared/corpus, extracted by scripts/corpus-codes.ts into test/fixtures/corpus-codes so CI needs no
 * pdftotext). Where pdftotext is installed and the corpus sits beside the checkout, the fixtures are also
 * checked to be what the script extracts today.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogIndex, type YearCatalog, normaliseName } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type CorpusCode, type CorpusCodeKind, corpusCodes } from "../scripts/corpus-codes.ts";

const FIXTURES = join(import.meta.dirname, "fixtures/corpus-codes");
/** the corpus beside the checkout (as CI has it), or where YUSUAN_CORPUS says */
const CORPUS = process.env.YUSUAN_CORPUS ?? join(import.meta.dirname, "../../shared/corpus");

interface CorpusDocument {
  file: string;
  year: number;
  codes: CorpusCode[];
}

function readFixtures(): CorpusDocument[] {
  const index = readFileSync(join(FIXTURES, "INDEX.tsv"), "utf8").trim().split("\n").slice(1);
  return index.map((row) => {
    const [file, year] = row.split("\t") as [string, string];
    const lines = readFileSync(join(FIXTURES, file), "utf8").trim().split("\n").slice(1);
    const codes = lines.map((l) => {
      const [code, name, kind, page] = l.split("\t") as [string, string, CorpusCodeKind, string];
      return { code, name, kind, page: Number(page) };
    });
    return { file, year: Number(year), codes };
  });
}

/** What is wrong with a printed (code, name) against the year's catalog, or undefined. */
export function disagreement(catalog: CatalogIndex, c: CorpusCode): string | undefined {
  const entry =
    c.kind === "functional" ? catalog.functionalEntry(c.code) : c.kind === "department-economic" ? catalog.departmentEconomicEntry(c.code) : catalog.governmentEconomicEntry(c.code);
  if (!entry) return `${c.code} ${c.name}: not in the ${catalog.year} ${c.kind} catalog`;
  const matches =
    c.kind === "functional" ? catalog.functionalNameMatches(c.code, c.name)
    : c.kind === "department-economic" ? catalog.departmentEconomicNameMatches(c.code, c.name)
    : normaliseName(entry.name) === normaliseName(c.name);
  if (!matches) return `${c.code} printed "${c.name}", the ${catalog.year} catalog says "${entry.name}"`;
  if (!catalog.isConfirmed(c.code, c.kind)) return `${c.code} ${c.name}: printed in ${catalog.year} but not confirmed for it`;
  return undefined;
}

const documents = readFixtures();

describe("the corpus fixtures", () => {
  it("cover the documents with tables of codes, for 2017, 2018, 2024 and 2025", () => {
    const withCodes = documents.filter((d) => d.codes.length > 0);
    expect(withCodes.length).toBeGreaterThanOrEqual(15);
    expect(new Set(withCodes.map((d) => d.year))).toEqual(new Set([2017, 2018, 2024, 2025]));
    // the renumbered 部门 codes of the 2018 reform, as printed
    const printed = (year: number, code: string) => documents.filter((d) => d.year === year).flatMap((d) => d.codes.filter((c) => c.code === code).map((c) => c.name));
    expect(printed(2017, "30311")).toContain("住房公积金");
    expect(printed(2017, "30104")).toContain("其他社会保障缴费");
    expect(printed(2018, "30113")).toContain("住房公积金");
    expect(printed(2018, "30112")).toContain("其他社会保障缴费");
  });

  it.runIf(existsSync(CORPUS) && hasPdftotext())("are what scripts/corpus-codes.ts extracts from the corpus today", () => {
    for (const d of documents) {
      const text = execFileSync("pdftotext", ["-layout", join(CORPUS, d.file.replace(/\.tsv$/, ".pdf")), "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      expect(corpusCodes(text), d.file).toEqual(d.codes);
    }
  });
});

describe("reading codes from pdftotext -layout text", () => {
  const names = (text: string) => corpusCodes(text).map((c) => `${c.code} ${c.name}`);
  it("reads joined, split and glued codes, and leaves prose numbers alone", () => {
    expect(names("2010101        行政运行       4,545.94\n201   03   99   其他支出   1.00\n30207邮电费\n编制 339 名，减少 100 万元")).toEqual(["2010101 行政运行", "2010399 其他支出", "30207 邮电费"]);
  });
  it("puts back a name wrapped around its code's line (centred) or below it (top-aligned)", () => {
    const centred = ["            行政事业单位", " 20805                 10.82", "            养老支出", "            机关事业单位", " 2080505    基本养老保险      6.18", "            缴费支出"].join("\n");
    expect(names(centred)).toEqual(["20805 行政事业单位养老支出", "2080505 机关事业单位基本养老保险缴费支出"]);
    const below = ["201   03   99   其他政府办公厅（室）及相关机构事   20,120,000.00", "                务支出", "208             社会保障和就业支出           4,213,779.28"].join("\n");
    expect(names(below)).toEqual(["2010399 其他政府办公厅（室）及相关机构事务支出", "208 社会保障和就业支出"]);
  });
});

describe("each year's catalog agrees with the codes its documents print", () => {
  for (const d of documents.filter((doc) => doc.codes.length > 0)) {
    it(`${d.year}: ${d.file} (${d.codes.length} codes)`, () => {
      const catalog = new CatalogIndex(builtInCatalog(d.year)!);
      const wrong = d.codes.map((c) => disagreement(catalog, c)).filter((w) => w !== undefined);
      expect(wrong).toEqual([]);
    });
  }
});

describe("the check fails when the catalog is wrong", () => {
  const year2018 = builtInCatalog(2018)!;
  const withName = (catalog: YearCatalog, code: string, name: string): CatalogIndex =>
    new CatalogIndex({ ...catalog, departmentEconomic: { ...catalog.departmentEconomic, entries: catalog.departmentEconomic.entries.map((e) => (e.code === code ? { ...e, name } : e)) } });
  const printed = { code: "30113", name: "住房公积金", kind: "department-economic", page: 12 } as const;

  it("passes the entry as shipped", () => {
    expect(disagreement(new CatalogIndex(year2018), printed)).toBeUndefined();
  });
  it("names a mutated name", () => {
    expect(disagreement(withName(year2018, "30113", "住房补贴"), printed)).toBe('30113 printed "住房公积金", the 2018 catalog says "住房补贴"');
  });
  it("names a missing code, and the 2017 code in 2018", () => {
    expect(disagreement(new CatalogIndex(year2018), { ...printed, code: "30311" })).toContain("not in the 2018");
    expect(disagreement(new CatalogIndex(builtInCatalog(2017)!), printed)).toContain("not in the 2017");
  });
  it("names a printed code the year carries over unconfirmed", () => {
    const carried = new CatalogIndex({ ...year2018, departmentEconomic: { ...year2018.departmentEconomic, entries: year2018.departmentEconomic.entries.map((e) => (e.code === "30113" ? { ...e, confirmed: false as const } : e)) } });
    expect(disagreement(carried, printed)).toContain("not confirmed");
  });
});

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
