import { describe, it, expect } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import type { CodeList } from "../src/core/catalog.ts";
import type { UnitType } from "../src/core/model.ts";
import { catalog2021 } from "../src/core/catalogs/2021/index.ts";
import { BUILT_IN_YEARS, builtInCatalog } from "../src/core/catalogs/index.ts";

const index = new CatalogIndex(catalog2021);

/** The 类 table 4 of the seed prints, with the names it prints. */
const TABLE4_CLASSES: readonly (readonly [string, string])[] = [
  ["201", "一般公共服务"],
  ["202", "外交"],
  ["203", "国防"],
  ["204", "公共安全"],
  ["205", "教育"],
  ["206", "科学技术"],
  ["207", "文化旅游体育与传媒"],
  ["208", "社会保障和就业"],
  ["209", "社会保险基金支出"],
  ["210", "卫生健康"],
  ["211", "节能环保"],
  ["212", "城乡社区事务"],
  ["213", "农林水事务"],
  ["214", "交通运输"],
  ["215", "资源勘探信息等"],
  ["216", "商业服务业等"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算"],
  ["224", "灾害防治及应急管理"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["233", "债务发行费用支出"],
  ["234", "抗疫特别国债安排的支出"],
];

const UNIT_TYPES: readonly UnitType[] = ["administrative", "civil-service-managed", "institution"];

function checkHierarchy(list: CodeList, lengths: readonly number[]): void {
  const codes = new Set<string>();
  for (const e of list.entries) {
    expect(e.code, `code ${e.code}`).toMatch(/^\d+$/);
    expect(lengths, `length of ${e.code}`).toContain(e.code.length);
    expect(e.name.trim(), `name of ${e.code}`).not.toBe("");
    expect(codes.has(e.code), `duplicate ${e.code}`).toBe(false);
    codes.add(e.code);
  }
  for (const code of codes) {
    if (code.length === 5) expect(codes.has(code.slice(0, 3)), `类 of ${code}`).toBe(true);
    if (code.length === 7) expect(codes.has(code.slice(0, 5)), `款 of ${code}`).toBe(true);
  }
  expect(list.source.trim()).not.toBe("");
}

describe("2021 functional catalog", () => {
  it("has every 类 of table 4 with the label the Henan tables print", () => {
    const classes = index.functionalClasses().map((e) => e.code);
    expect(classes).toEqual(TABLE4_CLASSES.map(([code]) => code));
    for (const [code, printed] of TABLE4_CLASSES) {
      expect(index.functionalLabel(code), code).toBe(printed);
      expect(index.functionalNameMatches(code, printed), code).toBe(true);
    }
  });

  it("uses the official names ending in 支出 for 类 (except 预备费)", () => {
    for (const e of index.functionalClasses()) {
      if (e.code === "227") expect(e.name).toBe("预备费");
      else expect(e.name.endsWith("支出"), e.code).toBe(true);
    }
    expect(index.functionalName("201")).toBe("一般公共服务支出");
    expect(index.functionalName("212")).toBe("城乡社区支出");
    expect(index.functionalName("215")).toBe("资源勘探工业信息等支出");
  });

  it("has unique non-empty codes, every 款 under a 类 and every 项 under a 款", () => {
    checkHierarchy(catalog2021.functional, [3, 5, 7]);
  });

  it("has the codes of the seed with their names", () => {
    const seed: Record<string, string> = {
      "2012906": "工会事务",
      "2060799": "其他科学技术普及支出",
      "2080208": "基层政权建设和社区治理",
      "2080505": "机关事业单位基本养老保险缴费支出",
      "2101101": "行政单位医疗",
      "2210201": "住房公积金",
    };
    for (const [code, name] of Object.entries(seed)) expect(index.functionalName(code), code).toBe(name);
    expect(index.functionalName("20802")).toBe("民政管理事务");
    expect(index.functionalName("20805")).toBe("行政事业单位养老支出");
  });

  it("accepts short and variant names", () => {
    expect(index.functionalNameMatches("2120000".slice(0, 3), "城乡社区事务")).toBe(true);
    expect(index.functionalNameMatches("212", "城乡社区支出")).toBe(true);
    expect(index.functionalNameMatches("212", "城乡社区")).toBe(true);
    expect(index.functionalNameMatches("215", "资源勘探信息等")).toBe(true);
    expect(index.functionalNameMatches("215", "资源勘探工业信息等支出")).toBe(true);
    expect(index.functionalNameMatches("213", "农林水支出")).toBe(true);
    expect(index.functionalNameMatches("201", "一般公共服务支出")).toBe(true);
    expect(index.functionalNameMatches("20103", "政府办公厅(室)及相关机构事务")).toBe(true);
    expect(index.functionalNameMatches("201", "外交")).toBe(false);
    expect(index.functionalClassStem("212")).toBe("城乡社区事务");
  });
});

describe("2021 economic catalogs", () => {
  it("department list: unique codes in the 10 national 类, 款 under 类, local sub-items under 款", () => {
    checkHierarchy(catalog2021.departmentEconomic, [3, 5, 7]);
    const classes = catalog2021.departmentEconomic.entries.filter((e) => e.code.length === 3).map((e) => e.code);
    expect(classes).toEqual(["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"]);
    expect(index.departmentEconomicName("30239")).toBe("其他交通费用");
    expect(index.departmentEconomicName("3010201")).toBe("工作性津贴");
    expect(index.departmentEconomicName("30104")).toBe("年度目标考核奖");
  });

  it("government list: unique codes 501–514 and 599, 款 under 类", () => {
    checkHierarchy(catalog2021.governmentEconomic, [3, 5]);
    const classes = catalog2021.governmentEconomic.entries.filter((e) => e.code.length === 3).map((e) => e.code);
    expect(classes).toEqual(["501", "502", "503", "504", "505", "506", "507", "508", "509", "510", "511", "512", "513", "514", "599"]);
  });
});

describe("2021 department → government mapping", () => {
  const departmentCodes = catalog2021.departmentEconomic.entries.map((e) => e.code).filter((c) => c.length >= 5);

  it("maps every department 款 and sub-item to an existing government 款 for every unit type", () => {
    for (const type of UNIT_TYPES) {
      for (const code of departmentCodes) {
        const target = index.governmentCodeFor(code, type);
        expect(target, `${code} (${type})`).toBeDefined();
        expect(target!.length, `${code} → ${target}`).toBe(5);
        expect(index.governmentEconomicEntry(target!), `${code} → ${target} (${type})`).toBeDefined();
      }
    }
  });

  it("every row's target exists and every row's department code or prefix exists", () => {
    for (const row of catalog2021.mapping.rows) {
      expect(index.governmentEconomicEntry(row.government), JSON.stringify(row)).toBeDefined();
      expect(index.departmentEconomicEntry(row.department), JSON.stringify(row)).toBeDefined();
    }
  });

  it("follows domain.md §3", () => {
    expect(index.governmentCodeFor("30107", "administrative")).toBe("50101");
    expect(index.governmentCodeFor("30107", "institution")).toBe("50501");
    expect(index.governmentCodeFor("30239", "administrative")).toBe("50201");
    expect(index.governmentCodeFor("30239", "institution")).toBe("50502");
    for (const type of UNIT_TYPES) expect(index.governmentCodeFor("30302", type)).toMatch(/^509\d\d$/);
    const admin: Record<string, string> = {
      "30101": "50101", "30102": "50101", "30103": "50101",
      "30108": "50102", "30109": "50102", "30110": "50102", "30111": "50102", "30112": "50102",
      "30113": "50103", "30106": "50199", "30114": "50199", "30199": "50199",
      "30201": "50201", "30228": "50201", "30229": "50201", "30240": "50201",
      "30215": "50202", "30216": "50203", "30217": "50206", "30212": "50207", "30231": "50208",
      "30213": "50209", "30227": "50205", "30218": "50204", "30299": "50299",
      "31001": "50301", "31002": "50306", "31013": "50303",
    };
    for (const [dept, gov] of Object.entries(admin)) {
      expect(index.governmentCodeFor(dept, "administrative"), dept).toBe(gov);
      expect(index.governmentCodeFor(dept, "civil-service-managed"), `${dept} 参公`).toBe(gov);
    }
    for (const code of departmentCodes.filter((c) => c.startsWith("301"))) expect(index.governmentCodeFor(code, "institution")).toBe("50501");
    for (const code of departmentCodes.filter((c) => c.startsWith("302"))) expect(index.governmentCodeFor(code, "institution")).toBe("50502");
    for (const code of departmentCodes.filter((c) => c.startsWith("310"))) expect(index.governmentCodeFor(code, "institution")).toBe("50601");
    for (const type of UNIT_TYPES) {
      for (const code of departmentCodes.filter((c) => c.startsWith("303"))) expect(index.governmentCodeFor(code, type)).toMatch(/^509/);
      for (const code of departmentCodes.filter((c) => c.startsWith("307"))) expect(index.governmentCodeFor(code, type)).toMatch(/^511/);
      for (const code of departmentCodes.filter((c) => c.startsWith("399"))) expect(index.governmentCodeFor(code, type)).toMatch(/^599/);
    }
    for (const code of departmentCodes.filter((c) => c.startsWith("310"))) {
      expect(index.governmentCodeFor(code, "administrative"), code).toMatch(/^503/);
    }
  });

  it("answers the same when asked again (answers are kept), a code without a mapping included", () => {
    const fresh = new CatalogIndex(catalog2021);
    const codes = [...departmentCodes, "3010701", "39999", "1", "", "35001x"];
    for (const type of UNIT_TYPES) {
      const first = codes.map((c) => fresh.governmentCodeFor(c, type));
      expect(codes.map((c) => fresh.governmentCodeFor(c, type))).toEqual(first);
      expect(first.filter((g) => g === undefined).length).toBeGreaterThan(0);
    }
  });

  it("maps the Henan local codes like their national parents", () => {
    expect(index.governmentCodeFor("30104", "administrative")).toBe("50101");
    expect(index.governmentCodeFor("30104", "institution")).toBe("50501");
    expect(index.governmentCodeFor("3010701", "administrative")).toBe("50101");
    expect(index.governmentCodeFor("3010701", "institution")).toBe("50501");
    expect(index.governmentCodeFor("3011203", "administrative")).toBe("50102");
  });
});

describe("built-in catalogs", () => {
  it("ships 2017–2026 with 2021 as written; other years are undefined", () => {
    expect(BUILT_IN_YEARS).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    // as written, but for the codes its files call doubtful (unconfirmed)
    const confirmedAsWritten = builtInCatalog(2021)!.functional.entries.map(({ confirmed: _doubtful, ...e }) => e);
    expect(confirmedAsWritten).toEqual(catalog2021.functional.entries);
    expect(builtInCatalog(2021)).toBe(builtInCatalog(2021)); // resolved once
    expect(builtInCatalog(2021)?.origin).toBe("built-in");
    expect(builtInCatalog(1999)).toBeUndefined();
    expect(builtInCatalog(2027)).toBeUndefined();
  });
});
