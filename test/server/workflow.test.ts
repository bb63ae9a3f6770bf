/** The pure workflow: states, who moves each step, the submission gate and the publication deadline. */
import { describe, expect, it } from "vitest";
import type { Fen } from "../../src/core/money.ts";
import type { LineItem } from "../../src/core/model.ts";
import type { Finding } from "../../src/core/rules/finding.ts";
import {
  type Actor,
  type BudgetState,
  type Tenancy,
  type WorkflowAction,
  availableActions,
  can,
  compareWithControlFigures,
  explanationKey,
  submissionFindings,
  totalsByNatureAndSource,
  transition,
} from "../../src/core/workflow.ts";

const t: Tenancy = { regionId: 1, departmentId: 10, divisionId: 100 };
const preparer: Actor = { userId: 1, role: "preparer", regionId: 1, departmentId: 10, unitId: 1000 };
const approver: Actor = { userId: 2, role: "department-approver", regionId: 1, departmentId: 10 };
const reviewer: Actor = { userId: 3, role: "finance-reviewer", regionId: 1, divisionId: 100 };
const admin: Actor = { userId: 4, role: "admin", regionId: 1 };
const otherReviewer: Actor = { ...reviewer, userId: 5, divisionId: 101 };
const otherApprover: Actor = { ...approver, userId: 6, departmentId: 11 };

const step = (state: BudgetState, actor: Actor, action: WorkflowAction, extra: object = {}) => transition(state, actor, t, { action, ...extra });

describe("workflow", () => {
  it("walks the happy path 草稿 → 已公开 with the right role at each step", () => {
    const path: [BudgetState, Actor, WorkflowAction, object, BudgetState][] = [
      ["draft", preparer, "submit", {}, "submitted"],
      ["submitted", approver, "approve-department", {}, "department-approved"],
      ["department-approved", reviewer, "approve-finance", {}, "finance-approved"],
      ["finance-approved", reviewer, "record-approval", { date: "2021-02-20" }, "approved"],
      ["approved", approver, "publish", { date: "2021-03-01", approvedOn: "2021-02-20" }, "published"],
    ];
    for (const [from, actor, action, extra, to] of path) expect(step(from, actor, action, extra)).toMatchObject({ ok: true, to });
  });

  it("lets only the reviewer of each stage return it, with a comment, to 草稿", () => {
    expect(step("submitted", approver, "return", { comment: "补充说明" })).toMatchObject({ ok: true, to: "draft" });
    expect(step("department-approved", reviewer, "return", { comment: "超控制数" })).toMatchObject({ ok: true, to: "draft" });
    expect(step("finance-approved", reviewer, "return", { comment: "x" })).toMatchObject({ ok: true, to: "draft" });
    expect(step("approved", reviewer, "return", { comment: "x" })).toMatchObject({ ok: true, to: "draft" });
    expect(step("published", approver, "return", { comment: "更正" })).toMatchObject({ ok: true, to: "draft" });
    expect(step("submitted", approver, "return", {})).toMatchObject({ ok: false, reason: "invalid" });
    expect(step("submitted", preparer, "return", { comment: "x" })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(step("draft", approver, "return", { comment: "x" })).toMatchObject({ ok: false, reason: "wrong-state" });
  });

  it("refuses the wrong role, the wrong tenant and the wrong state", () => {
    expect(step("draft", approver, "submit")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(step("draft", admin, "submit")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(step("submitted", otherApprover, "approve-department")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(step("department-approved", otherReviewer, "approve-finance")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(step("submitted", reviewer, "approve-finance")).toMatchObject({ ok: false, reason: "wrong-state" });
    expect(step("finance-approved", reviewer, "record-approval", {})).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("blocks a submission with error findings", () => {
    const err: Finding = { rule: "x", severity: "error", message: "m", location: { kind: "data", path: "lineItems[0]" } };
    expect(step("draft", preparer, "submit", { gate: [err] })).toMatchObject({ ok: false, reason: "blocked" });
  });

  it("warns when publication is more than 20 days after 批复 (预算法第十四条)", () => {
    const on = (date: string) => step("approved", approver, "publish", { date, approvedOn: "2021-02-01" });
    expect(on("2021-02-21")).toMatchObject({ ok: true, findings: [] });
    const late = on("2021-02-22");
    expect(late.ok && late.findings.map((f) => [f.rule, f.severity, f.actual])).toEqual([["workflow.publication-late", "warning", 21]]);
    expect(on("2021-01-31")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("needs an explanation for every warning, and keeps spending within the control figures", () => {
    const warning: Finding = { rule: "narrative.reason-missing", severity: "warning", message: "缺原因", location: { kind: "data", path: "reasons.total" } };
    const item = (nature: "basic" | "project", amount: number): LineItem => ({ unit: "1", functional: "2080208", economic: "30101", nature, source: "gpb-appropriation", amount: amount as Fen });
    const budget = { lineItems: [item("basic", 700), item("basic", 400), item("project", 50)] };
    const control = [{ nature: "basic" as const, source: "gpb-appropriation", amount: 1000 }];
    const gate = submissionFindings(budget, [warning], [], control);
    expect(gate.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ["workflow.warning-unexplained", "error", undefined, "narrative.reason-missing"],
      ["workflow.control-exceeded", "error", 1000, 1100],
      ["workflow.control-exceeded", "error", 0, 50],
    ]);
    // names and amounts a preparer reads, never the source's internal id
    expect(gate[1]!.message).toBe(
      "基本支出（一般公共预算财政拨款）合计 11.00元，超过控制数 10.00元，超出 1.00元 / basic expenditure from 一般公共预算财政拨款 totals 11.00元, above its control figure 10.00元 by 1.00元",
    );
    expect(gate[2]!.message).toMatch(/^项目支出（一般公共预算财政拨款）合计 0\.50元，未下达控制数 \//);
    const big = submissionFindings({ lineItems: [item("basic", 411_791_00_00)] }, [], [], [{ nature: "basic", source: "gpb-appropriation", amount: 400_000_00_00 }]);
    expect(big[0]!.message).toMatch(/^基本支出（一般公共预算财政拨款）合计 4117\.91万元，超过控制数 4000\.00万元，超出 117\.91万元 \//);
    for (const f of gate) expect(f.message).not.toContain("gpb-");
    expect(compareWithControlFigures(totalsByNatureAndSource(budget), control)).toEqual([
      { nature: "basic", source: "gpb-appropriation", name: "基本支出 · 一般公共预算财政拨款", limit: 1000, actual: 1100, excess: 100 },
      { nature: "project", source: "gpb-appropriation", name: "项目支出 · 一般公共预算财政拨款", limit: undefined, actual: 50, excess: 50 },
    ]);
    const explained = [{ ...explanationKey(warning), text: "上年无可比数据" }];
    expect(submissionFindings(budget, [warning], explained, [])).toEqual([]);
  });

  it("authorises by role and tenant: finance reviewers see only their division's departments", () => {
    expect(can(reviewer, "budget.read", t)).toBe(true);
    expect(can(otherReviewer, "budget.read", t)).toBe(false);
    expect(can(reviewer, "budget.edit", t)).toBe(false);
    expect(can(preparer, "budget.edit", t)).toBe(true);
    expect(can(otherApprover, "budget.read", t)).toBe(false);
    expect(can(admin, "budget.read", { ...t, regionId: 2 })).toBe(false);
    expect(can(reviewer, "control-figures.set", t)).toBe(true);
    expect(can(approver, "control-figures.set", t)).toBe(false);
    expect(availableActions(preparer, "draft", t)).toEqual(["submit"]);
    expect(availableActions(reviewer, "department-approved", t)).toEqual(["approve-finance", "return"]);
  });
});
