import { describe, expect, it } from "vitest";
import { priorMissing, reasonMissing } from "../../src/core/rules/narrative.ts";
import { expectFinding, minimalBudget, one, run, yuan } from "./fixture.ts";

describe("narrative.reason-missing", () => {
  it("passes when nothing changes against last year", () => {
    expect(run(reasonMissing, minimalBudget())).toEqual([]);
  });
  it("warns about a changed total without a reason, and passes once the reason is written", () => {
    const b = minimalBudget();
    b.prior!.total = yuan(900000);
    const f = one(run(reasonMissing, b));
    expectFinding(f, { rule: "narrative.reason-missing", severity: "warning", path: "reasons.total" });
    expect(f.message).toContain("90.00万元 → 94.00万元");
    b.reasons.total = "   ";
    expect(run(reasonMissing, b)).toHaveLength(1);
    b.reasons.total = "新增信息系统运维项目";
    expect(run(reasonMissing, b)).toEqual([]);
  });
  it("asks a reason only for a change that prints and is at least 1% of last year or 1 万元 (core/change.ts)", () => {
    const b = minimalBudget();
    b.prior!.total = yuan(939950.01); // prints 94.00 like 940000.00: the narrative says 持平
    expect(run(reasonMissing, b)).toEqual([]);
    b.prior!.total = yuan(939949.99); // prints 93.99: 0.01 万元, 0.005% — the narrative says 基本持平
    expect(run(reasonMissing, b)).toEqual([]);
    b.prior!.total = yuan(930600); // 0.94 万元 but 1.01% of last year
    expectFinding(one(run(reasonMissing, b)), { rule: "narrative.reason-missing", severity: "warning", path: "reasons.total" });
    b.prior!.total = yuan(930000); // 1 万元
    expectFinding(one(run(reasonMissing, b)), { rule: "narrative.reason-missing", severity: "warning", path: "reasons.total" });
  });
  it("maps each comparison to its section's reason", () => {
    const b = minimalBudget();
    b.prior!.basic = yuan(700000); // → expenditure
    b.prior!.appropriation = yuan(1); // → appropriation
    b.prior!.byClass = { "201": yuan(800000), "208": yuan(80000) }; // → generalPublicBudget (by 类)
    b.prior!.publicFunds = yuan(1); // → economic
    b.prior!.threePublic!.reception = yuan(30000); // → threePublic
    b.prior!.governmentFund = yuan(100000); // → governmentFund
    b.prior!.stateCapital = yuan(100000); // → stateCapital
    b.prior!.operatingCost = yuan(80000); // → operatingCost
    b.prior!.procurement = yuan(100000); // → procurement
    const paths = run(reasonMissing, b).map((f) => (f.location.kind === "data" ? f.location.path : ""));
    expect(paths).toEqual([
      "reasons.appropriation",
      "reasons.economic",
      "reasons.expenditure",
      "reasons.generalPublicBudget",
      "reasons.governmentFund",
      "reasons.operatingCost",
      "reasons.procurement",
      "reasons.stateCapital",
      "reasons.threePublic",
    ]);
  });
  it("makes no 机关运行经费 comparison for an all-事业 department", () => {
    const b = minimalBudget();
    b.units[0]!.type = "institution";
    b.prior!.operatingCost = yuan(80000);
    expect(run(reasonMissing, b)).toEqual([]);
  });
  it("checks a unit with its own prior-year figures against its own reasons", () => {
    const b = minimalBudget();
    b.units.push({ code: "101002", name: "测试中心", type: "institution", staffing: {}, prior: { year: 2020, total: yuan(100) } });
    expectFinding(one(run(reasonMissing, b)), { rule: "narrative.reason-missing", severity: "warning", path: "units[1].reasons.total" });
    b.units[1]!.reasons = { total: "新设单位" };
    expect(run(reasonMissing, b)).toEqual([]);
  });
});

describe("prior.missing", () => {
  it("passes when prior-year figures are given", () => {
    expect(run(priorMissing, minimalBudget())).toEqual([]);
  });
  it("notes a budget without prior-year figures", () => {
    const b = minimalBudget();
    delete b.prior;
    expectFinding(one(run(priorMissing, b)), { rule: "prior.missing", severity: "info", path: "prior" });
  });
});
