/**
 * The 2021 sample (examples/luolong-shequ-2021) against every rule: no error, and exactly the warnings its
 * ASSUMPTIONS.md explains (also written to __snapshots__/sample-findings.txt for review).
 */
import { describe, expect, it } from "vitest";
import { readBudget } from "../../src/formats/budget-file/read.ts";
import { checkBudget } from "../../src/core/rules/index.ts";
import { builtIn, official, pathOf } from "./fixture.ts";

const { budget } = await readBudget("examples/luolong-shequ-2021");
const findings = checkBudget(budget, builtIn);
const listing = findings.map((f) => `${f.severity}\t${f.rule}\t${pathOf(f)}\t${f.message}`).join("\n");

describe("the 2021 sample (洛龙区社创办)", () => {
  it("yields no error-level finding", () => {
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it(`yields exactly these findings: ${findings.map((f) => `${f.rule} @ ${pathOf(f)}`).join("; ")}`, async () => {
    expect(findings.map((f) => [f.severity, f.rule, pathOf(f)])).toEqual([
      ["warning", "narrative.reason-missing", "reasons.operatingCost"],
      ["warning", "staffing.actual-missing", "units[0].staffing.actual"],
      ["warning", "staffing.retired-missing", "units[0].staffing.retired"],
    ]);
    await expect(`${listing}\n`).toMatchFileSnapshot("__snapshots__/sample-findings.txt");
  });

  it("has every code in the built-in catalog, so an official catalog with the same codes finds no error either", () => {
    expect(checkBudget(budget, official).filter((f) => f.severity === "error")).toEqual([]);
  });
});
