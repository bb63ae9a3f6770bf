/** 科目检索 — codes found by digits, name or pinyin initials, in the catalog of 2021. */
import { describe, expect, it } from "vitest";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { indexCodes, initialsOf, searchCodes } from "../../src/web/lib/code-search.ts";

const catalog = builtInCatalog(2021)!;
const functional = indexCodes(catalog.functional.entries);
const economic = indexCodes(catalog.departmentEconomic.entries);
const items = (e: { code: string }) => e.code.length === 7;

describe("code search", () => {
  it("makes pinyin initials of names", () => {
    expect(initialsOf("基层政权建设和社区治理")).toBe("jczqjshsqzl");
    expect(initialsOf("办公费")).toBe("bgf");
    expect(initialsOf("其他（类）支出")).toBe("qtlzc");
  });

  it("indexes a list once", () => {
    expect(indexCodes(catalog.functional.entries)).toBe(functional);
  });

  it("finds by code prefix first, shorter codes first", () => {
    const hits = searchCodes(functional, "20802", 5);
    expect(hits[0]!.code).toBe("20802");
    expect(hits.every((h) => h.code.startsWith("20802"))).toBe(true);
    expect(searchCodes(functional, "2080208", 5, items)[0]!.code).toBe("2080208");
  });

  it("finds by pinyin initials and by name", () => {
    expect(searchCodes(functional, "jczq", 5, items).map((h) => h.code)).toContain("2080208");
    expect(searchCodes(economic, "bgf", 3)[0]!.code).toBe("30201");
    expect(searchCodes(economic, "办公费", 3)[0]!.code).toBe("30201");
    expect(searchCodes(economic, "差旅", 3)[0]!.code).toBe("30211");
  });

  it("searches a pasted “code name” by its code, and lists everything for an empty query", () => {
    expect(searchCodes(economic, "30228 工会经费", 1)[0]!.code).toBe("30228");
    expect(searchCodes(economic, "", 10)).toHaveLength(10);
    expect(searchCodes(economic, "zzzzqqq", 10)).toEqual([]);
  });
});
