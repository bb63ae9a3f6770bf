import { describe, expect, it } from "vitest";
import { CatalogIndex, type MappingRow } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { mappingMissing, mappingPersonnelPublic, mappingUnitType } from "../../src/core/rules/mapping.ts";
import { baseCatalog, expectFinding, minimalBudget, one, run } from "./fixture.ts";

/** The built-in catalog with some mapping rows dropped and others appended (appended rows win). */
function catalogWith(extra: MappingRow[], drop: (r: MappingRow) => boolean = () => false): CatalogIndex {
  const c = baseCatalog();
  return new CatalogIndex({ ...c, mapping: { source: "test", rows: [...c.mapping.rows.filter((r) => !drop(r)), ...extra] } });
}

describe("mapping.missing", () => {
  it("passes with the built-in mapping, for 行政 and 事业 units alike", () => {
    expect(run(mappingMissing, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    expect(run(mappingMissing, b)).toEqual([]);
  });
  it("flags a code without a government code for the unit's type", () => {
    const cat = catalogWith([], (r) => r.scope === "administrative" && (r.department === "30201" || r.department === "302"));
    expectFinding(one(run(mappingMissing, minimalBudget(), cat)), {
      rule: "mapping.missing",
      severity: "error",
      path: "lineItems[2].economic",
      actual: "30201",
    });
  });
  it("is quiet for 2017, which has no 政府预算支出经济分类 to map to (and flags 2018, which has)", () => {
    const b = { ...minimalBudget(), year: 2017 };
    expect(run(mappingMissing, b, new CatalogIndex(builtInCatalog(2017)!))).toEqual([]);
    const without = builtInCatalog(2018)!;
    const noRows = new CatalogIndex({ ...without, mapping: { source: "test", rows: [] } });
    expect(run(mappingMissing, { ...b, year: 2018 }, noRows).length).toBeGreaterThan(0);
  });
});

describe("mapping.personnel-public", () => {
  it("passes the built-in mapping (30239 其他交通费用 → 50201, not 50202 as the seed printed, both 公用)", () => {
    const b = minimalBudget();
    b.lineItems[2]!.economic = "30239";
    expect(run(mappingPersonnelPublic, b)).toEqual([]);
  });
  it("flags a 302 code mapped to a 501 wage code", () => {
    const cat = catalogWith([{ department: "30201", scope: "administrative", government: "50101" }]);
    expectFinding(one(run(mappingPersonnelPublic, minimalBudget(), cat)), {
      rule: "mapping.personnel-public",
      severity: "error",
      path: "lineItems[2].economic",
      expected: "502/503/504/50502/506",
      actual: "50101",
    });
  });
  it("flags a 301 code mapped to 502 and, for a 事业 unit, to 50502", () => {
    const cat = catalogWith([
      { department: "30101", scope: "administrative", government: "50201" },
      { department: "30108", scope: "institution", government: "50502" },
    ]);
    expectFinding(one(run(mappingPersonnelPublic, minimalBudget(), cat)), {
      rule: "mapping.personnel-public",
      severity: "error",
      path: "lineItems[0].economic",
      expected: "501/50501/509",
      actual: "50201",
    });
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    expectFinding(one(run(mappingPersonnelPublic, b, cat)), {
      rule: "mapping.personnel-public",
      severity: "error",
      path: "lineItems[1].economic",
      actual: "50502",
    });
  });
});

describe("mapping.unit-type", () => {
  it("passes 行政 → 501–504 and 事业 → 505/506 with the built-in mapping", () => {
    expect(run(mappingUnitType, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    expect(run(mappingUnitType, b)).toEqual([]);
    b.units[0]!.type = "civil-service-managed";
    expect(run(mappingUnitType, b)).toEqual([]);
  });
  it("flags a 行政 unit's code mapped to 505", () => {
    const cat = catalogWith([{ department: "30201", scope: "administrative", government: "50502" }]);
    expectFinding(one(run(mappingUnitType, minimalBudget(), cat)), {
      rule: "mapping.unit-type",
      severity: "error",
      path: "lineItems[2].economic",
      expected: "501–504",
      actual: "50502",
    });
  });
  it("flags a 事业 unit's code mapped to 501", () => {
    const cat = catalogWith([{ department: "30101", scope: "institution", government: "50101" }]);
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    expectFinding(one(run(mappingUnitType, b, cat)), {
      rule: "mapping.unit-type",
      severity: "error",
      path: "lineItems[0].economic",
      expected: "505/506",
      actual: "50101",
    });
  });
});
