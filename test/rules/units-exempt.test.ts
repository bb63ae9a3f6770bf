import { describe, expect, it } from "vitest";
import { exemptWithheld } from "../../src/core/rules/units.ts";
import { PROJECT, expectFinding, minimalBudget, run } from "./fixture.ts";

describe("exempt.withheld", () => {
  it("passes a budget with nothing exempt", () => {
    expect(run(exemptWithheld, minimalBudget())).toEqual([]);
  });
  it("shows the reviewer an exempt project and an exempt unit, with their amounts, as info", () => {
    const b = minimalBudget();
    b.projects.find((p) => p.code === PROJECT)!.exempt = { basis: "涉密" };
    const f = run(exemptWithheld, b);
    expect(f).toHaveLength(1);
    expectFinding(f[0]!, { rule: "exempt.withheld", severity: "info", path: `projects[${b.projects.findIndex((p) => p.code === PROJECT)}].exempt` });
    expect(f[0]!.message).toContain("不予公开");
    // a unit withheld takes its projects with it: one finding, for the unit
    b.units[0]!.exempt = { basis: "涉密" };
    const g = run(exemptWithheld, b);
    expect(g).toHaveLength(1);
    expectFinding(g[0]!, { rule: "exempt.withheld", severity: "info", path: "units[0].exempt" });
    expect(g[0]!.message).toMatch(/\d+\.\d{2}(万元|元)/);
  });
});
