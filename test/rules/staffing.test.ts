import { describe, expect, it } from "vitest";
import { assetsMissing } from "../../src/core/rules/completeness.ts";
import { retireesMissing, staffMissing } from "../../src/core/rules/staffing.ts";
import { expectFinding, minimalBudget, one, run } from "./fixture.ts";

describe("staffing.actual-missing", () => {
  it("passes when staff numbers are given, or no indicator is per person", () => {
    expect(run(staffMissing, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    b.units[0]!.staffing = {};
    b.targets!.indicators = b.targets!.indicators.filter((i) => !i.level3.includes("人均"));
    expect(run(staffMissing, b)).toEqual([]);
  });
  it("warns for a unit without 实有人数 under a department 人均 indicator", () => {
    const b = minimalBudget();
    delete b.units[0]!.staffing.actual;
    const f = one(run(staffMissing, b));
    expectFinding(f, { rule: "staffing.actual-missing", severity: "warning", path: "units[0].staffing.actual" });
    expect(f.message).toContain("部门整体绩效指标第2项");
    expect(f.message).not.toContain("targets.indicators");
  });
  it("ties a project's 人均 indicator to the project's unit only", () => {
    const b = minimalBudget();
    b.targets!.indicators = [];
    b.units.push({ code: "101002", name: "测试中心", type: "institution", staffing: {} });
    b.units[0]!.staffing = {};
    b.projects[0]!.unit = "101002";
    b.projects[0]!.indicators.push({ level1: "产出指标", level2: "数量指标", level3: "人均培训学时", target: { kind: "numeric", comparator: "≥", value: "40", unit: "学时" } });
    expectFinding(one(run(staffMissing, b)), { rule: "staffing.actual-missing", severity: "warning", path: "units[1].staffing.actual" });
  });
});

describe("staffing.retired-missing", () => {
  it("passes when the number of retirees is given", () => {
    expect(run(retireesMissing, minimalBudget())).toEqual([]);
  });
  it("warns for a unit without 离退休人数 under a 离退休 indicator", () => {
    const b = minimalBudget();
    delete b.units[0]!.staffing.retired;
    const f = one(run(retireesMissing, b));
    expectFinding(f, { rule: "staffing.retired-missing", severity: "warning", path: "units[0].staffing.retired" });
    expect(f.message).toContain("离退休人员经费变动率");
  });
});

describe("assets.missing", () => {
  it("passes when assets are given (a single unit shares the department's)", () => {
    expect(run(assetsMissing, minimalBudget())).toEqual([]);
  });
  it("warns when the department gives no assets", () => {
    const b = minimalBudget();
    delete b.assets;
    expectFinding(one(run(assetsMissing, b)), { rule: "assets.missing", severity: "warning", path: "assets" });
  });
  it("warns for each unit of a multi-unit department without its own", () => {
    const b = minimalBudget();
    b.units.push({ code: "101002", name: "测试中心", type: "institution", staffing: {}, assets: b.assets! });
    const f = one(run(assetsMissing, b));
    expectFinding(f, { rule: "assets.missing", severity: "warning", path: "units[0].assets" });
  });
});
