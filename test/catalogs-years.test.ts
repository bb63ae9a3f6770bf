/** The built-in catalogs of 2017–2026: resolved from 2021 through each year's changes, and the mappings between years. */
import { describe, expect, it } from "vitest";
import { CatalogIndex, type CodeList, type YearCatalog } from "../src/core/catalog.ts";
import { CATALOG_PARTS, type CatalogPart } from "../src/core/catalogs/changes.ts";
import { BASE_YEAR, BUILT_IN_YEARS, YEAR_DEFINITIONS, builtInCatalog, resolveCatalogs } from "../src/core/catalogs/index.ts";
import { yearMapping } from "../src/core/catalogs/year-mapping.ts";
import { type CatalogAnswer, catalogAnswer } from "../src/contract/admin.ts";
import { catalogFor } from "../src/formats/catalog-choice.ts";
import { catalogIndexOf } from "../src/web/lib/check.ts";

const catalog = (year: number): YearCatalog => builtInCatalog(year)!;
const index = (year: number): CatalogIndex => new CatalogIndex(catalog(year));
const entry = (year: number, part: CatalogPart, code: string) => catalog(year)[part].entries.find((e) => e.code === code);
const nameOf = (year: number, part: CatalogPart, code: string) => entry(year, part, code)?.name;

function hierarchyErrors(list: CodeList): string[] {
  const codes = new Set<string>();
  const errors: string[] = [];
  for (const e of list.entries) {
    if (codes.has(e.code)) errors.push(`duplicate ${e.code}`);
    codes.add(e.code);
    if (!e.name.trim()) errors.push(`no name for ${e.code}`);
  }
  for (const code of codes) {
    if (code.length === 5 && !codes.has(code.slice(0, 3))) errors.push(`类 of ${code}`);
    if (code.length === 7 && !codes.has(code.slice(0, 5))) errors.push(`款 of ${code}`);
  }
  return errors;
}

describe("every built-in year", () => {
  it("resolves the same whether asked for one year or all at once", () => {
    const all = resolveCatalogs();
    expect([...all.keys()].sort()).toEqual(BUILT_IN_YEARS);
    for (const year of BUILT_IN_YEARS) expect(all.get(year), String(year)).toEqual(catalog(year));
  });
  for (const year of BUILT_IN_YEARS) {
    it(`${year}: codes unique, every 款 under its 类 and every 项 under its 款, sources stated`, () => {
      const c = catalog(year);
      expect(c.year).toBe(year);
      expect(c.origin).toBe("built-in");
      for (const part of CATALOG_PARTS) {
        expect(hierarchyErrors(c[part]), `${year} ${part}`).toEqual([]);
        // 2021 keeps its own files' sources; the others name the edition they follow
        if (year === BASE_YEAR) expect(c[part].source.trim()).not.toBe("");
        else expect(c[part].source).toContain(YEAR_DEFINITIONS.get(year)!.edition);
      }
      expect(c.provenance?.edition).toBe(YEAR_DEFINITIONS.get(year)!.edition);
    });
  }
});

describe("each year's change list holds between the resolved years", () => {
  for (const year of BUILT_IN_YEARS.slice(1)) {
    it(`${year - 1} → ${year}`, () => {
      const errors: string[] = [];
      for (const part of CATALOG_PARTS) {
        if (catalog(year - 1)[part].absent) continue;
        const before = (code: string) => nameOf(year - 1, part, code);
        const after = (code: string) => nameOf(year, part, code);
        for (const c of YEAR_DEFINITIONS.get(year)!.changes[part] ?? []) {
          const ok =
            c.kind === "added" ? before(c.code) === undefined && after(c.code) === c.name
            : c.kind === "renamed" ? before(c.code) === c.from && after(c.code) === c.to
            : c.kind === "removed" ? before(c.code) === c.name && after(c.code) === undefined && (!c.successor || after(c.successor) !== undefined)
            : // the old code may be reused (Henan's local 30104 年度目标考核奖), never for the moved item
              before(c.from) === c.fromName && after(c.from) !== c.fromName && after(c.to) === c.name;
          if (!ok) errors.push(`${part} ${JSON.stringify(c)}`);
        }
      }
      expect(errors).toEqual([]);
    });
  }
});

describe("the known changes", () => {
  it("2019 renames four 类 and adds 224 灾害防治及应急管理支出, with 地震事务 moved there", () => {
    const renames = { "207": ["文化体育与传媒支出", "文化旅游体育与传媒支出"], "210": ["医疗卫生与计划生育支出", "卫生健康支出"], "215": ["资源勘探信息等支出", "资源勘探工业信息等支出"], "220": ["国土海洋气象等支出", "自然资源海洋气象等支出"] };
    for (const [code, [old, now]] of Object.entries(renames)) {
      expect(nameOf(2018, "functional", code)).toBe(old);
      expect(nameOf(2019, "functional", code)).toBe(now);
    }
    expect(nameOf(2018, "functional", "224")).toBeUndefined();
    expect(nameOf(2019, "functional", "224")).toBe("灾害防治及应急管理支出");
    expect(nameOf(2018, "functional", "22004")).toBe("地震事务");
    expect(nameOf(2019, "functional", "22405")).toBe("地震事务");
    expect(index(2018).functionalClasses().map((e) => e.code)).not.toContain("224");
    // table 4 prints the 类 short, as in 2021 (文化旅游体育与传媒)
    expect(index(2018).functionalLabel("207")).toBe("文化体育与传媒");
    expect(index(2018).functionalLabel("210")).toBe("医疗卫生与计划生育");
  });
  it("2018 renumbers the 部门 codes of 财预〔2017〕98号: 30311 → 30113 住房公积金, 30104 → 30112 其他社会保障缴费", () => {
    expect(nameOf(2017, "departmentEconomic", "30311")).toBe("住房公积金");
    expect(nameOf(2017, "departmentEconomic", "30104")).toBe("其他社会保障缴费");
    expect(nameOf(2017, "departmentEconomic", "30113")).toBeUndefined();
    expect(nameOf(2018, "departmentEconomic", "30113")).toBe("住房公积金");
    expect(nameOf(2018, "departmentEconomic", "30112")).toBe("其他社会保障缴费");
    expect(nameOf(2017, "departmentEconomic", "310")).toBe("其他资本性支出");
    expect(nameOf(2018, "departmentEconomic", "310")).toBe("资本性支出");
  });
  it("2017 has no 政府预算支出经济分类, and says so", () => {
    const c = catalog(2017);
    expect(c.governmentEconomic.entries).toEqual([]);
    expect(c.governmentEconomic.absent).toContain("财预〔2017〕98号");
    expect(c.mapping.rows).toEqual([]);
    expect(catalog(2018).governmentEconomic.entries.length).toBeGreaterThan(50);
    expect(catalog(2018).mapping.rows.length).toBeGreaterThan(50);
  });
  it("2024 adds 20139 社会工作事务 (printed by the Putuo 2024 决算)", () => {
    expect(nameOf(2023, "functional", "20139")).toBeUndefined();
    expect(nameOf(2024, "functional", "20139")).toBe("社会工作事务");
    expect(index(2024).isConfirmed("2013901")).toBe(true);
    expect(index(2024).isConfirmed("2013902")).toBe(false); // the usual 一般行政管理事务, not printed
  });
});

describe("confirmation", () => {
  it("2021 is confirmed as written, but for what its files call doubtful; a 项 it lacks is not known not to exist, a 款 it lacks is", () => {
    const c = index(2021);
    expect(c.isConfirmed("30311", "department-economic")).toBe(false);
    expect(c.isConfirmed("2010305")).toBe(false);
    expect(index(2024).isConfirmed("30311", "department-economic")).toBe(true); // printed by the Putuo 2024 决算
    expect(c.isConfirmed("2010101")).toBe(true);
    expect(c.isConfirmed("2010198")).toBe(false);
    expect(c.isConfirmed("20198")).toBe(true);
    expect(c.isConfirmed("30113", "department-economic")).toBe(true);
  });
  it("a carried-over year confirms only what a change or a document confirms", () => {
    const c = index(2026);
    expect(c.functionalEntry("2010101")?.confirmed).toBe(false);
    expect(c.isConfirmed("2010101")).toBe(false);
    expect(index(2025).isConfirmed("2010301")).toBe(true); // printed by the Putuo 2025 budgets
    expect(index(2025).isConfirmed("2010101")).toBe(false);
    expect(index(2019).isConfirmed("224")).toBe(true); // the 2019 类 list is stated
    expect(index(2019).isConfirmed("22406")).toBe(false); // recalled, unconfirmed
  });
  it("an official catalog confirms everything", () => {
    const official = new CatalogIndex({ ...catalog(2026), origin: "official" });
    expect(official.isConfirmed("2010101")).toBe(true);
    expect(official.isConfirmed("2010198")).toBe(true);
  });
});

describe("yearMapping", () => {
  it("maps 2017's 部门 codes to 2018's and back", () => {
    expect(yearMapping(2017, 2018).economic).toMatchObject({ "30311": "30113", "30104": "30112" });
    expect(yearMapping(2018, 2017).economic).toMatchObject({ "30113": "30311", "30112": "30104" });
  });
  it("composes consecutive years", () => {
    expect(yearMapping(2017, 2026).economic!["30311"]).toBe("30113");
    expect(yearMapping(2018, 2021).functional).toMatchObject({ "22004": "22405", "2080504": "2080501", "21506": "22401" });
    expect(yearMapping(2017, 2021).functional!["2040406"]).toBe("2040405");
    expect(yearMapping(2021, 2021)).toEqual({ functional: {}, economic: {} });
    for (const [a, b, c] of [[2017, 2019, 2021], [2018, 2020, 2026], [2021, 2019, 2017]] as const) {
      const ab = yearMapping(a, b);
      const bc = yearMapping(b, c);
      const ac = yearMapping(a, c);
      for (const kind of ["functional", "economic"] as const) {
        for (const [from, to] of Object.entries(ac[kind]!)) expect(bc[kind]![ab[kind]![from] ?? from] ?? ab[kind]![from], `${kind} ${from}`).toBe(to);
      }
    }
  });
  it("maps each year's codes to codes of the next year", () => {
    for (const year of BUILT_IN_YEARS.slice(0, -1)) {
      const m = yearMapping(year, year + 1);
      for (const [from, to] of Object.entries(m.functional!)) {
        expect(entry(year, "functional", from), `${year} ${from}`).toBeDefined();
        expect(entry(year + 1, "functional", to), `${year + 1} ${to}`).toBeDefined();
      }
      for (const [from, to] of Object.entries(m.economic!)) {
        expect(entry(year, "departmentEconomic", from), `${year} ${from}`).toBeDefined();
        expect(entry(year + 1, "departmentEconomic", to), `${year + 1} ${to}`).toBeDefined();
      }
    }
  });
  it("refuses a year without a built-in catalog", () => {
    expect(() => yearMapping(2016, 2017)).toThrow(RangeError);
  });
});

describe("choosing a year's catalog (CLI and server)", () => {
  it("uses the built-in year without a notice; outside 2017–2026, the nearest with one", async () => {
    const notices: string[] = [];
    for (const year of BUILT_IN_YEARS) expect((await catalogFor(year, {}, (m) => notices.push(m))).year).toBe(year);
    expect(notices).toEqual([]);
    const later = await catalogFor(2027, {}, (m) => notices.push(m));
    expect(later.year).toBe(2027);
    expect(later.functionalEntry("20139")?.name).toBe("社会工作事务"); // 2026's codes
    expect(notices).toEqual([expect.stringContaining("没有 2027 年的内置科目目录，暂用 2026 年目录")]);
  });
});

describe("the catalog the web app receives", () => {
  it("keeps what is confirmed through the API's schema, so the browser's check agrees with the server's", () => {
    const c = catalog(2026);
    const wire = catalogAnswer.parse(JSON.parse(JSON.stringify({ year: 2026, catalogYear: 2026, origin: c.origin, files: [], functional: c.functional, departmentEconomic: c.departmentEconomic, governmentEconomic: c.governmentEconomic, mapping: c.mapping })));
    const browser = catalogIndexOf(JSON.parse(JSON.stringify(wire)) as CatalogAnswer);
    expect(browser.isConfirmed("2010101")).toBe(false);
    expect(browser.isConfirmed("2010198")).toBe(false);
    const absent = catalogAnswer.shape.governmentEconomic.parse(catalog(2017).governmentEconomic);
    expect(absent.absent).toContain("98号");
  });
});
