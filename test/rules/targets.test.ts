import { describe, expect, it } from "vitest";
import type { Target } from "../../src/core/model.ts";
import fc from "fast-check";
import { formatTarget, isBlankText, parseTarget } from "../../src/core/targets.ts";
import {
  indicatorPlaceholder,
  indicatorWithoutValue,
  isPlaceholderTarget,
  overallTargetsMissing,
  projectTargetLevels,
  projectWithoutTargets,
} from "../../src/core/rules/targets.ts";
import { expectFinding, minimalBudget, one, run } from "./fixture.ts";

describe("target.project-missing", () => {
  it("passes a project with indicators", () => {
    expect(run(projectWithoutTargets, minimalBudget())).toEqual([]);
  });
  it("flags a project without indicators", () => {
    const b = minimalBudget();
    b.projects[0]!.indicators = [];
    expectFinding(one(run(projectWithoutTargets, b)), { rule: "target.project-missing", severity: "error", path: "projects[0].indicators", actual: 0 });
  });
});

describe("target.project-levels", () => {
  it("passes 产出/效益/满意度, written with or without 指标", () => {
    const b = minimalBudget();
    b.projects[0]!.indicators = b.projects[0]!.indicators.map((i) => ({ ...i, level1: i.level1.replace(/指标$/, "") }));
    expect(run(projectTargetLevels, b)).toEqual([]);
  });
  it("warns when a 一级 level is missing, and leaves a project with no indicators to target.project-missing", () => {
    const b = minimalBudget();
    b.projects[0]!.indicators = b.projects[0]!.indicators.filter((i) => i.level1 !== "满意度指标");
    expectFinding(one(run(projectTargetLevels, b)), {
      rule: "target.project-levels",
      severity: "warning",
      path: "projects[0].indicators",
      expected: "产出指标、效益指标、满意度指标",
      actual: "产出指标、效益指标",
    });
    b.projects[0]!.indicators = [];
    expect(run(projectTargetLevels, b)).toEqual([]);
  });
});

describe("target.value-missing", () => {
  it("passes indicators that all have values", () => {
    expect(run(indicatorWithoutValue, minimalBudget())).toEqual([]);
  });
  it("flags project, department and unit indicators without a value (absent or blank)", () => {
    const b = minimalBudget();
    delete b.projects[0]!.indicators[2]!.target;
    b.targets!.indicators[0]!.target = { kind: "qualitative", text: "  " };
    b.units[0]!.targets = { goals: [], tasks: [], indicators: [{ level1: "履职效能", level2: "x", level3: "y" }] };
    const f = run(indicatorWithoutValue, b);
    expect(f).toHaveLength(3);
    expectFinding(f[0]!, { rule: "target.value-missing", severity: "error", path: "projects[0].indicators[2].target" });
    expectFinding(f[1]!, { rule: "target.value-missing", severity: "error", path: "targets.indicators[0].target" });
    expectFinding(f[2]!, { rule: "target.value-missing", severity: "error", path: "units[0].targets.indicators[0].target" });
  });
});

describe("isBlankText", () => {
  it("is s.trim() === \"\" for every text (its look at the first character changes nothing)", () => {
    // every character trim() removes, characters just outside those ranges, controls it keeps, and content
    const piece = fc.constantFrom(" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u0000", "\u001f", "\u0085", "\u180e", "a", "9", "指", "。", "!");
    const text = fc.oneof(fc.array(piece, { maxLength: 5 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 5 }));
    fc.assert(fc.property(text, (s) => isBlankText(s) === (s.trim() === "")), { numRuns: 3000 });
  });
});

describe("target.value-placeholder", () => {
  const t = (s: string): Target => parseTarget(s, 2021);
  it("recognises template filler and leaves real values alone", () => {
    for (const s of ["XX", "xx", "≥XX%", "完成XX个", "……", "....", "待定", "-", "？"]) expect(isPlaceholderTarget(t(s)), s).toBe(true);
    for (const s of ["≥95%", "25个", "明显", "2021年3月底前", "及时落实,按季到位", "23.7173万户", "100%"]) expect(isPlaceholderTarget(t(s)), s).toBe(false);
  });
  it("decides every value as the two patterns read its whole text (the quick look at its parts changes nothing)", () => {
    // the patterns the rule documents, applied to the printed value as it was before the quick look
    const byPatterns = (target: Target) => {
      const text = formatTarget(target).trim();
      return text !== "" && (/[xXｘＸ]{2,}|…|\.{3,}|。{3,}|待定|待填|待补充|待确定/.test(text) || /^[\s\p{P}\p{S}]+$/u.test(text));
    };
    const piece = fc.constantFrom("...", "xx", "。。。", "待定", "x", "X", "ｘ", "Ｘ", "…", ".", "。", "待", "定", "填", "9", "a", "%", "个", "年", " ", "-", "？", "≥", "(", "ａ", "١");
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(""));
    const target: fc.Arbitrary<Target> = fc.oneof(
      fc.record({ kind: fc.constant("numeric" as const), comparator: fc.constantFrom("≥" as const, "≤" as const, "=" as const, ">" as const, "<" as const), value: text, unit: text }),
      fc.record({ kind: fc.constant("qualitative" as const), text }),
      fc.record({ kind: fc.constant("deadline" as const), date: fc.constant("2021-06-30"), text }),
    );
    fc.assert(fc.property(target, (tg) => isPlaceholderTarget(tg) === byPatterns(tg)), { numRuns: 2000 });
  });
  it("passes real values", () => {
    expect(run(indicatorPlaceholder, minimalBudget())).toEqual([]);
  });
  it("flags a placeholder value", () => {
    const b = minimalBudget();
    b.projects[0]!.indicators[0]!.target = t("XX");
    b.targets!.indicators[1]!.target = t("待定");
    const f = run(indicatorPlaceholder, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "target.value-placeholder", severity: "error", path: "projects[0].indicators[0].target", actual: "XX" });
    expectFinding(f[1]!, { rule: "target.value-placeholder", severity: "error", path: "targets.indicators[1].target", actual: "待定" });
  });
});

describe("target.overall-missing", () => {
  it("passes a department with overall targets (a single unit shares them)", () => {
    expect(run(overallTargetsMissing, minimalBudget())).toEqual([]);
  });
  it("warns when the department has none, or no indicators", () => {
    const b = minimalBudget();
    delete b.targets;
    expectFinding(one(run(overallTargetsMissing, b)), { rule: "target.overall-missing", severity: "warning", path: "targets" });
    const c = minimalBudget();
    c.targets!.indicators = [];
    expectFinding(one(run(overallTargetsMissing, c)), { rule: "target.overall-missing", severity: "warning", path: "targets.indicators", actual: 0 });
  });
  it("warns for each unit of a multi-unit department without its own", () => {
    const b = minimalBudget();
    b.units.push({ code: "101002", name: "测试中心", type: "institution", staffing: {}, targets: minimalBudget().targets! });
    b.units.push({ code: "101003", name: "测试站", type: "institution", staffing: {} });
    const f = run(overallTargetsMissing, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "target.overall-missing", severity: "warning", path: "units[0].targets" });
    expectFinding(f[1]!, { rule: "target.overall-missing", severity: "warning", path: "units[2].targets" });
  });
});
