import { describe, expect, it } from "vitest";
import { fen } from "../../src/core/money.ts";
import { procurementEconomic } from "../../src/core/rules/procurement.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { UNIT, expectFinding, minimalBudget, run } from "./fixture.ts";

describe("procurement.economic-code", () => {
  it("passes a catalog code, a local 7-digit sub-item of a known 款, and no code", () => {
    const b = minimalBudget();
    b.procurement = [
      { unit: UNIT, kind: "goods", amount: fen(100), economic: "31002", organisation: "government-central" },
      { unit: UNIT, kind: "services", amount: fen(100), economic: "3021301" },
      { unit: UNIT, kind: "works", amount: fen(100) },
    ];
    expect(run(procurementEconomic, b)).toEqual([]);
  });
  it("flags a malformed code as an error and an unknown one against the built-in catalog as a warning", () => {
    const b = minimalBudget();
    b.procurement = [
      { unit: UNIT, kind: "goods", amount: fen(100), economic: "310" },
      { unit: UNIT, kind: "goods", amount: fen(100), economic: "31098" },
    ];
    const f = run(procurementEconomic, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "procurement.economic-code", severity: "error", path: "procurement[0].economic", actual: "310" });
    expectFinding(f[1]!, { rule: "procurement.economic-code", severity: "warning", path: "procurement[1].economic", actual: "31098" });
  });
});

describe("采购组织形式 in the budget file", () => {
  const file = (organisation: string) => `year: 2021
department: { code: "313", name: 测试部门 }
units: [{ code: "313001", name: 测试部门, type: 行政 }]
lineItems: [{ unit: "313001", functional: "2080208", economic: "31002", nature: 基本, source: 财政拨款, amount: 100 }]
procurement: [{ unit: "313001", kind: 货物, amount: 100, economic: "31002", organisation: ${organisation} }]
profile: {}
`;
  it("reads the printed names and the law's 分散采购", () => {
    expect(parseBudgetText(file("政府集中采购"), "b.yaml", "yaml").procurement[0]).toMatchObject({ economic: "31002", organisation: "government-central" });
    expect(parseBudgetText(file("分散采购"), "b.yaml", "yaml").procurement[0]!.organisation).toBe("decentralised");
  });
  it("refuses an unknown form, naming the allowed ones", () => {
    expect(() => parseBudgetText(file("自己买"), "b.yaml", "yaml")).toThrow(/采购组织形式[\s\S]*政府集中采购/);
  });
});
