import { describe, expect, it } from "vitest";
import type { Execution } from "../../src/core/execution/index.ts";
import { EXECUTION_RULES, createExecutionRuleContext, runExecutionRules } from "../../src/core/rules/execution.ts";
import { ALL_RULES } from "../../src/core/rules/index.ts";
import { minimalBudget, yuan } from "../rules/fixture.ts";
import { L, minimalExecution } from "./fixture.ts";

function run(e: Execution, b = minimalBudget()) {
  return runExecutionRules(createExecutionRuleContext(b, e)).map((f) => [f.rule, f.severity, f.location.kind === "data" ? f.location.path : "", f.actual ?? ""]);
}

describe("execution rules (双监控 and year-end checks)", () => {
  it("are their own list, not in ALL_RULES", () => {
    for (const r of EXECUTION_RULES) expect(ALL_RULES.map((x) => x.id)).not.toContain(r.id);
  });
  it("end of Q3: the project under 50% and spending trailing time progress are warnings", () => {
    const e = { ...minimalExecution(), asOf: "2021-09-30" };
    expect(run(e)).toEqual([
      ["execution.behind-time", "warning", "department", "57.60%"],
      ["execution.behind-time", "warning", "units[0]", "57.60%"],
      ["execution.project-behind-q3", "warning", "projects[0]", "22.73%"],
      ["execution.adjustment-unapproved", "info", "adjustments[2].approval", ""],
    ]);
  });
  it("before the end of Q3 the project rule is silent", () => {
    const e = { ...minimalExecution(), asOf: "2021-09-29" };
    expect(run(e).filter((f) => f[0] === "execution.project-behind-q3")).toEqual([]);
  });
  it("year end: overspent and unbudgeted lines are errors; missed targets with a reason are info, without one warnings", () => {
    const e = minimalExecution();
    e.payments.push({ date: "2021-12-01", ...L.office, economic: "30202", amount: yuan(100) }, { date: "2021-12-02", ...L.reception, amount: yuan(8000) });
    e.actuals = e.actuals.filter((a) => a.level3 !== "使用人员满意度");
    e.actuals.push({ project: "101001-01", level3: "使用人员满意度", value: { kind: "numeric", value: "80" } });
    expect(run(e)).toEqual([
      ["execution.overspent", "error", "lines[101001|2010101|30202|]", "100.00"],
      ["execution.overspent", "error", "lines[101001|2010101|30217|]", "16000.00"],
      ["execution.behind-time", "warning", "department", "87.61%"],
      ["execution.behind-time", "warning", "units[0]", "87.61%"],
      ["execution.target-not-met", "warning", "projects[0].indicators[3]", "80%"],
      ["execution.adjustment-unapproved", "info", "adjustments[2].approval", ""],
      ["execution.target-not-met", "info", "projects[0].indicators[2]", "98.01%"],
    ]);
  });
  it("incomplete adjustments and a passed deadline during the year (41.98% spent at 50% time: within tolerance)", () => {
    const e = { ...minimalExecution(), asOf: "2021-06-30" };
    e.adjustments = [{ id: "X", kind: "调剂", date: "2021-01-01", amount: yuan(0), from: L.office, to: L.office, reason: "", approval: { document: "d", date: "2021-01-02" } }];
    const b = minimalBudget();
    b.projects[0]!.indicators[1]!.target = { kind: "deadline", date: "2021-03-31", text: "2021年3月底前" };
    e.actuals = [];
    expect(run(e, b)).toEqual([
      ["execution.adjustment-incomplete", "error", "adjustments[0]", ""],
      ["execution.adjustment-incomplete", "error", "adjustments[0].amount", "0.00"],
      ["execution.target-not-met", "warning", "projects[0].indicators[1]", "未完成"],
    ]);
  });
});
