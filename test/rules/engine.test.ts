import { describe, expect, it } from "vitest";
import { ALL_RULES, checkBudget, createRuleContext, runRules } from "../../src/core/rules/index.ts";
import { naturalCompare, sortFindings } from "../../src/core/rules/engine.ts";
import { defineRule, type Finding, type Rule } from "../../src/core/rules/finding.ts";
import { builtIn, minimalBudget, pathOf } from "./fixture.ts";

describe("rule engine", () => {
  it("the minimal fixture budget yields no finding at all", () => {
    expect(checkBudget(minimalBudget(), builtIn)).toEqual([]);
  });

  it("rule ids are unique and namespaced, and every rule is documented", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description).toMatch(/[\u4e00-\u9fff].* \/ [A-Z"\\]/);
      expect(["error", "warning", "info"]).toContain(r.severity);
    }
  });

  it("turns a throwing rule into an internal error finding and still runs the others", () => {
    const boom: Rule = defineRule({ id: "test.boom", title: "抛出异常", description: "测试 / test", severity: "warning" }, () => {
      throw new Error("kaboom");
    });
    const fine: Rule = defineRule({ id: "test.fine", title: "正常", description: "测试 / test", severity: "info" }, (_ctx, emit) => [
      emit({ message: "提示 / note", path: "year" }),
    ]);
    const findings = runRules(createRuleContext(minimalBudget(), builtIn), [boom, fine]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["internal", "error"],
      ["test.fine", "info"],
    ]);
    expect(findings[0]?.message).toContain("test.boom");
    expect(findings[0]?.message).toContain("kaboom");
    expect(findings[0]?.actual).toBe("test.boom");
  });

  it("sorts by severity, rule, then path with numbers compared as numbers", () => {
    const f = (rule: string, severity: Finding["severity"], path: string): Finding => ({
      rule,
      severity,
      message: "x / x",
      location: { kind: "data", path },
    });
    const sorted = sortFindings([
      f("b.rule", "info", "a"),
      f("a.rule", "warning", "lineItems[10].unit"),
      f("a.rule", "warning", "lineItems[2].unit"),
      f("z.rule", "error", "units[0].code"),
      f("a.rule", "error", "units[0].code"),
    ]);
    expect(sorted.map((x) => `${x.severity} ${x.rule} ${pathOf(x)}`)).toEqual([
      "error a.rule units[0].code",
      "error z.rule units[0].code",
      "warning a.rule lineItems[2].unit",
      "warning a.rule lineItems[10].unit",
      "info b.rule a",
    ]);
    expect(naturalCompare("p[9]", "p[10]")).toBeLessThan(0);
    expect(naturalCompare("410300210000000012345", "410300210000000012346")).toBeLessThan(0);
  });

  it("gives the same findings whatever order the rules run in", () => {
    const b = minimalBudget();
    b.lineItems[0]!.amount = -1 as never;
    b.lineItems[1]!.functional = "20805";
    b.projects[0]!.indicators = [];
    const forward = checkBudget(b, builtIn);
    const backward = checkBudget(b, builtIn, [...ALL_RULES].reverse());
    expect(backward).toEqual(forward);
    expect(forward.length).toBeGreaterThanOrEqual(3);
  });

  it("puts findings in sortFindings' order whether each rule's findings are taken as a group or all sorted together", () => {
    // a rule of mixed severities, one unsorted, one that throws, and two rules sharing an id (the shared path)
    const mixed: Rule = defineRule({ id: "test.mixed", title: "混合", description: "测试 / test", severity: "warning" }, (_ctx, emit) => [
      emit({ message: "b / b", path: "units[10].code" }),
      emit({ message: "a / a", path: "units[2].code", severity: "error" }),
      emit({ message: "c / c", path: "units[1].code" }),
    ]);
    const unsorted: Rule = defineRule({ id: "test.unsorted", title: "乱序", description: "测试 / test", severity: "info" }, (_ctx, emit) => [
      emit({ message: "y / y", path: "lineItems[3].amount" }),
      emit({ message: "x / x", path: "lineItems[3].amount" }),
      emit({ message: "z / z", path: "lineItems[1].amount" }),
    ]);
    const boom: Rule = defineRule({ id: "test.boom", title: "抛出异常", description: "测试 / test", severity: "warning" }, () => {
      throw new Error("kaboom");
    });
    const twin: Rule = defineRule({ id: "test.mixed", title: "同名", description: "测试 / test", severity: "info" }, (_ctx, emit) => [emit({ message: "d / d", path: "a" })]);
    const ctx = createRuleContext(minimalBudget(), builtIn);
    const all = (rules: Rule[]) => sortFindings(rules.flatMap((r) => r.check(ctx)));
    for (const rules of [[mixed, unsorted], [unsorted, mixed], [mixed, unsorted, twin], [boom, mixed, unsorted]]) {
      const expected = rules.includes(boom) ? sortFindings([...runRules(ctx, [boom]), ...all(rules.filter((r) => r !== boom))]) : all(rules);
      expect(runRules(ctx, rules).map((f) => `${f.severity} ${f.rule} ${pathOf(f)} ${f.message}`)).toEqual(expected.map((f) => `${f.severity} ${f.rule} ${pathOf(f)} ${f.message}`));
    }
    expect(runRules(ctx, [mixed, unsorted]).map((f) => f.message[0])).toEqual(["a", "c", "b", "z", "x", "y"]);
  });

  it("computes figures lazily and only once", () => {
    const ctx = createRuleContext(minimalBudget(), builtIn);
    expect(ctx.figures).toBe(ctx.figures);
    expect(ctx.unit("101001")?.figures).toBe(ctx.unit("101001")?.figures);
    expect(ctx.unit("nope")).toBeUndefined();
  });
});
