import { describe, expect, it } from "vitest";
import { operatingCostInstitutionsOnly } from "../../src/core/rules/operating-cost.ts";
import { threePublicIncrease } from "../../src/core/rules/three-public.ts";
import { UNIT, expectFinding, minimalBudget, one, run, yuan } from "./fixture.ts";

describe("three-public.increase", () => {
  it("passes when no item rises (equal or lower), and ignores non-fiscal money", () => {
    expect(run(threePublicIncrease, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    b.lineItems[3]!.amount = yuan(8000);
    b.lineItems.push({ unit: UNIT, functional: "2010101", economic: "30231", nature: "basic", source: "other", amount: yuan(5000) });
    expect(run(threePublicIncrease, b)).toEqual([]);
  });
  it("warns about the total and each item above last year's", () => {
    const b = minimalBudget();
    b.lineItems.push({ unit: UNIT, functional: "2010101", economic: "30231", nature: "basic", source: "gpb-appropriation", amount: yuan(2000) });
    const f = run(threePublicIncrease, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "three-public.increase", severity: "warning", path: "prior.threePublic", expected: "10000.00", actual: "12000.00" });
    expectFinding(f[1]!, { rule: "three-public.increase", severity: "warning", path: "prior.threePublic.vehicleOperation", expected: "0.00", actual: "2000.00" });
  });
  it("warns about one item rising even when the total falls", () => {
    const b = minimalBudget();
    b.prior!.threePublic = { abroad: yuan(0), reception: yuan(5000), vehiclePurchase: yuan(0), vehicleOperation: yuan(20000) };
    expectFinding(one(run(threePublicIncrease, b)), {
      rule: "three-public.increase",
      severity: "warning",
      path: "prior.threePublic.reception",
      expected: "5000.00",
      actual: "10000.00",
    });
  });
  it("checks a unit against its own prior-year figures", () => {
    const b = minimalBudget();
    b.units.push({
      code: "101002",
      name: "测试中心",
      type: "institution",
      staffing: {},
      prior: { year: 2020, threePublic: { abroad: yuan(0), reception: yuan(0), vehiclePurchase: yuan(0), vehicleOperation: yuan(0) } },
    });
    b.lineItems.push({ unit: "101002", functional: "2010101", economic: "30217", nature: "basic", source: "gpb-appropriation", amount: yuan(300) });
    b.prior!.threePublic!.reception = yuan(10300);
    const f = run(threePublicIncrease, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "three-public.increase", severity: "warning", path: "units[1].prior.threePublic", expected: "0.00", actual: "300.00" });
    expectFinding(f[1]!, { rule: "three-public.increase", severity: "warning", path: "units[1].prior.threePublic.reception", expected: "0.00", actual: "300.00" });
  });
});

describe("operating-cost.institutions-only", () => {
  it("passes a department with a 行政 or 参公 unit", () => {
    expect(run(operatingCostInstitutionsOnly, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    b.units[0]!.type = "civil-service-managed";
    expect(run(operatingCostInstitutionsOnly, b)).toEqual([]);
  });
  it("passes an all-事业 department whose basic 302/310 money is not 一般公共预算财政拨款", () => {
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    b.lineItems[2]!.source = "business-income";
    b.lineItems[3]!.source = "business-income";
    expect(run(operatingCostInstitutionsOnly, b)).toEqual([]);
  });
  it("notes an all-事业 department with basic 302 money from 一般公共预算财政拨款", () => {
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    expectFinding(one(run(operatingCostInstitutionsOnly, b)), {
      rule: "operating-cost.institutions-only",
      severity: "info",
      path: "lineItems[2].economic",
      actual: "60000.00",
    });
  });
});
