import { describe, expect, it } from "vitest";
import { fen } from "../../src/core/money.ts";
import { incomeMismatch, negativeAmount, zeroAmount } from "../../src/core/rules/amounts.ts";
import { duplicateUnit, unknownUnit } from "../../src/core/rules/units.ts";
import { UNIT, expectFinding, minimalBudget, one, run, yuan } from "./fixture.ts";

describe("amount.negative", () => {
  it("passes non-negative amounts", () => {
    expect(run(negativeAmount, minimalBudget())).toEqual([]);
  });
  it("flags negative line, income and procurement amounts", () => {
    const b = minimalBudget();
    b.lineItems[1]!.amount = yuan(-12.5);
    b.income = [{ unit: UNIT, source: "gpb-appropriation", amount: yuan(-1) }];
    b.procurement = [{ unit: UNIT, kind: "goods", amount: fen(-1) }];
    const f = run(negativeAmount, b);
    expect(f).toHaveLength(3);
    expectFinding(f[0]!, { rule: "amount.negative", severity: "error", path: "income[0].amount", expected: "≥ 0.00", actual: "-1.00" });
    expectFinding(f[1]!, { rule: "amount.negative", severity: "error", path: "lineItems[1].amount", actual: "-12.50" });
    expectFinding(f[2]!, { rule: "amount.negative", severity: "error", path: "procurement[0].amount", actual: "-0.01" });
    expect(f[1]!.message).toContain("-12.50 元");
  });
});

describe("amount.zero", () => {
  it("passes lines with amounts", () => {
    expect(run(zeroAmount, minimalBudget())).toEqual([]);
  });
  it("notes a zero line", () => {
    const b = minimalBudget();
    b.lineItems[3]!.amount = fen(0);
    expectFinding(one(run(zeroAmount, b)), { rule: "amount.zero", severity: "info", path: "lineItems[3].amount", actual: "0.00" });
  });
});

describe("amount.income-mismatch", () => {
  it("passes when income is not given (read from the lines) or equals expenditure by unit and source", () => {
    expect(run(incomeMismatch, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    // two rows of the same unit and source add up
    b.income = [
      { unit: UNIT, source: "gpb-appropriation", amount: yuan(900000) },
      { unit: UNIT, source: "gpb-appropriation", amount: yuan(40000) },
    ];
    expect(run(incomeMismatch, b)).toEqual([]);
  });
  it("flags income that differs from expenditure, with both in 元", () => {
    const b = minimalBudget();
    b.income = [{ unit: UNIT, source: "gpb-appropriation", amount: yuan(939999.99) }];
    expectFinding(one(run(incomeMismatch, b)), {
      rule: "amount.income-mismatch",
      severity: "error",
      path: "income[0].amount",
      expected: "940000.00",
      actual: "939999.99",
    });
  });
  it("flags expenditure of a source with no income, and income of a source with no expenditure", () => {
    const b = minimalBudget();
    b.income = [
      { unit: UNIT, source: "gpb-appropriation", amount: yuan(940000) },
      { unit: UNIT, source: "other", amount: yuan(5000) },
    ];
    b.lineItems.push({ unit: UNIT, functional: "2010101", economic: "30201", nature: "basic", source: "gpb-admin-fees", amount: yuan(300) });
    const f = run(incomeMismatch, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "amount.income-mismatch", severity: "error", path: "income", expected: "300.00", actual: "0.00" });
    expectFinding(f[1]!, { rule: "amount.income-mismatch", severity: "error", path: "income[1].amount", expected: "0.00", actual: "5000.00" });
  });
});

describe("unit.unknown", () => {
  it("passes when every unit code is a unit of the budget", () => {
    expect(run(unknownUnit, minimalBudget())).toEqual([]);
  });
  it("flags a line, project and procurement of an unknown unit, once per code", () => {
    const b = minimalBudget();
    b.lineItems[2]!.unit = "101009";
    b.lineItems[3]!.unit = "101009";
    b.procurement = [{ unit: "999", kind: "services", amount: yuan(10) }];
    const f = run(unknownUnit, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "unit.unknown", severity: "error", path: "lineItems[2].unit", expected: UNIT, actual: "101009" });
    expect(f[0]!.message).toContain("共 2 处");
    expectFinding(f[1]!, { rule: "unit.unknown", severity: "error", path: "procurement[0].unit", actual: "999" });
  });
});

describe("unit.duplicate", () => {
  it("passes distinct unit codes", () => {
    const b = minimalBudget();
    b.units.push({ code: "101002", name: "测试中心", type: "institution", staffing: {} });
    expect(run(duplicateUnit, b)).toEqual([]);
  });
  it("flags a repeated unit code", () => {
    const b = minimalBudget();
    b.units.push({ code: UNIT, name: "重复", type: "institution", staffing: {} });
    expectFinding(one(run(duplicateUnit, b)), { rule: "unit.duplicate", severity: "error", path: "units[1].code", actual: UNIT });
  });
});
