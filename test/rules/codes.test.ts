import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import {
  catalogYear,
  economicFormat,
  economicParentUnknown,
  economicUnknown,
  functionalFormat,
  functionalParentUnknown,
  functionalUnknown,
  isEconomicCode,
  isFunctionalCode,
} from "../../src/core/rules/codes.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { baseCatalog, builtIn, expectFinding, minimalBudget, official, one, run } from "./fixture.ts";

describe("code formats", () => {
  it("read codes as the documented patterns do: /^\\d{7}$/ (functional) and /^(?:\\d{5}|\\d{7})$/ (economic)", () => {
    const piece = fc.constantFrom("0", "1", "9", "2", "a", " ", "\n", "０", "١", "-", "/", ":");
    const code = fc.oneof(fc.array(piece, { maxLength: 9 }).map((p) => p.join("")), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(code, (c) => isFunctionalCode(c) === /^\d{7}$/.test(c) && isEconomicCode(c) === /^(?:\d{5}|\d{7})$/.test(c)),
      { numRuns: 3000 },
    );
    for (const c of ["2010101", "30201", "3020101"]) expect(isEconomicCode(c) || isFunctionalCode(c), c).toBe(true);
    expect(isFunctionalCode("201010")).toBe(false);
    expect(isEconomicCode("302011")).toBe(false);
  });
});

describe("code.functional-format", () => {
  it("passes 7-digit codes", () => {
    expect(run(functionalFormat, minimalBudget())).toEqual([]);
  });
  it("flags a line code that is not 7 digits and a project's functional code", () => {
    const b = minimalBudget();
    b.lineItems[2]!.functional = "20101";
    b.projects[0]!.functional = "2010-102";
    const [a, c] = run(functionalFormat, b);
    expectFinding(a!, { rule: "code.functional-format", severity: "error", path: "lineItems[2].functional", actual: "20101" });
    expectFinding(c!, { rule: "code.functional-format", severity: "error", path: "projects[0].functional", actual: "2010-102" });
  });
});

describe("code.economic-format", () => {
  it("passes 5-digit 款 and 7-digit sub-items", () => {
    const b = minimalBudget();
    b.lineItems[0]!.economic = "3010201";
    expect(run(economicFormat, b)).toEqual([]);
  });
  it("flags a 3- or 6-digit economic code", () => {
    const b = minimalBudget();
    b.lineItems[3]!.economic = "302";
    b.lineItems[4]!.economic = "302270";
    const f = run(economicFormat, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "code.economic-format", severity: "error", path: "lineItems[3].economic", actual: "302" });
    expectFinding(f[1]!, { rule: "code.economic-format", severity: "error", path: "lineItems[4].economic", actual: "302270" });
  });
});

describe("code.functional-unknown", () => {
  it("passes codes of the catalog", () => {
    expect(run(functionalUnknown, minimalBudget())).toEqual([]);
    expect(run(functionalUnknown, minimalBudget(), official)).toEqual([]);
  });
  it("warns against a built-in catalog whose 项 list is confirmed, once per code with its first place", () => {
    const b = minimalBudget();
    // 2010198 does not exist (20101 人大事务 exists)
    b.lineItems[2]!.functional = "2010198";
    b.lineItems[3]!.functional = "2010198";
    const base = baseCatalog();
    const confirmed = new CatalogIndex({ ...base, functional: { ...base.functional, confirmedLevels: ["class", "section", "item"] } });
    const f = one(run(functionalUnknown, b, confirmed));
    expectFinding(f, { rule: "code.functional-unknown", severity: "warning", path: "lineItems[2].functional", actual: "2010198" });
    expect(f.message).toContain("共 2 处");
  });
  it("is info where the year's 项 list is not confirmed (2021 lists common 项; 2026 carries 2025's over)", () => {
    const b = minimalBudget();
    b.lineItems[2]!.functional = "2010198";
    const f = one(run(functionalUnknown, b));
    expectFinding(f, { rule: "code.functional-unknown", severity: "info", path: "lineItems[2].functional", actual: "2010198" });
    expect(f.message).toContain("未经确认");
    const y2026 = new CatalogIndex(builtInCatalog(2026)!);
    expect(y2026.isConfirmed("2010198")).toBe(false);
    expect(one(run(functionalUnknown, { ...b, year: 2026 }, y2026)).severity).toBe("info");
    // 类 and 款 are still checked in full
    b.lineItems[2]!.functional = "2019801";
    expect(one(run(functionalParentUnknown, { ...b, year: 2026 }, y2026)).expected).toBe("20198");
  });
  it("is an error against an official catalog, and covers a project's own functional code", () => {
    const b = minimalBudget();
    b.projects[0]!.functional = "2010198";
    expectFinding(one(run(functionalUnknown, b, official)), {
      rule: "code.functional-unknown",
      severity: "error",
      path: "projects[0].functional",
      actual: "2010198",
    });
  });
});

describe("code.functional-parent-unknown", () => {
  it("passes codes whose 类 and 款 exist", () => {
    expect(run(functionalParentUnknown, minimalBudget())).toEqual([]);
  });
  it("is an error when the 类 does not exist, even against the built-in catalog", () => {
    const b = minimalBudget();
    b.lineItems[0]!.functional = "2180101"; // there is no 类 218
    expectFinding(one(run(functionalParentUnknown, b)), {
      rule: "code.functional-parent-unknown",
      severity: "error",
      path: "lineItems[0].functional",
      expected: "218",
      actual: "2180101",
    });
  });
  it("is a warning (built-in) or an error (official) when only the 款 does not exist", () => {
    const b = minimalBudget();
    b.lineItems[0]!.functional = "2019801"; // 类 201 exists, 款 20198 does not
    const w = one(run(functionalParentUnknown, b));
    expectFinding(w, { rule: "code.functional-parent-unknown", severity: "warning", path: "lineItems[0].functional", expected: "20198", actual: "2019801" });
    expect(one(run(functionalParentUnknown, b, official)).severity).toBe("error");
    // the unknown-项 rule stays quiet: one problem, one finding
    expect(run(functionalUnknown, b)).toEqual([]);
  });
});

describe("code.economic-unknown", () => {
  it("passes national 款 and the Henan local sub-items", () => {
    const b = minimalBudget();
    b.lineItems[0]!.economic = "3010201";
    expect(run(economicUnknown, b)).toEqual([]);
  });
  it("warns about an unknown 款 under a known 类 (built-in), errs against an official catalog", () => {
    const b = minimalBudget();
    b.lineItems[2]!.economic = "30288";
    expectFinding(one(run(economicUnknown, b)), { rule: "code.economic-unknown", severity: "warning", path: "lineItems[2].economic", actual: "30288" });
    expectFinding(one(run(economicUnknown, b, official)), { rule: "code.economic-unknown", severity: "error", path: "lineItems[2].economic", actual: "30288" });
  });
  it("flags an unknown 7-digit sub-item of a known 款", () => {
    const b = minimalBudget();
    b.lineItems[0]!.economic = "3010199";
    expectFinding(one(run(economicUnknown, b)), { rule: "code.economic-unknown", severity: "warning", path: "lineItems[0].economic", actual: "3010199" });
  });
});

describe("code.economic-parent-unknown", () => {
  it("passes codes whose 类 exists", () => {
    expect(run(economicParentUnknown, minimalBudget())).toEqual([]);
  });
  it("is an error when the 类 does not exist", () => {
    const b = minimalBudget();
    b.lineItems[2]!.economic = "30501";
    expectFinding(one(run(economicParentUnknown, b)), {
      rule: "code.economic-parent-unknown",
      severity: "error",
      path: "lineItems[2].economic",
      expected: "305",
      actual: "30501",
    });
  });
  it("flags a 7-digit sub-item whose 款 does not exist (warning against the built-in catalog)", () => {
    const b = minimalBudget();
    b.lineItems[2]!.economic = "3028801";
    expectFinding(one(run(economicParentUnknown, b)), {
      rule: "code.economic-parent-unknown",
      severity: "warning",
      path: "lineItems[2].economic",
      expected: "30288",
      actual: "3028801",
    });
  });
});

describe("code.catalog-year", () => {
  it("passes when the catalog is the budget's year", () => {
    expect(run(catalogYear, minimalBudget())).toEqual([]);
  });
  it("warns when checking against another year's catalog", () => {
    const b = minimalBudget();
    b.year = 2022;
    expectFinding(one(run(catalogYear, b)), { rule: "code.catalog-year", severity: "warning", path: "year", expected: 2022, actual: 2021 });
    // and the same catalog data labelled 2022 is quiet
    expect(run(catalogYear, b, new CatalogIndex({ ...baseCatalog(), year: 2022 }))).toEqual([]);
    expect(builtIn.year).toBe(2021);
  });
});
