/**
 * The ledger's figures against the reference (test/support/reference-figures.ts, a filter and a sum per
 * figure): for generated budgets, also with the faults the rules look for, the figures of the department and
 * of every unit — from each scope's own ledger, from the department's ledger (a unit's view of it) and as the
 * rules' context gives them — are the reference's; where the reference cannot state them (it throws), neither
 * can the ledger.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { computeFigures, unitFigures } from "../src/core/derive/figures.ts";
import { buildLedger } from "../src/core/derive/ledger.ts";
import { departmentScope, unitScope } from "../src/core/derive/scope.ts";
import { deriveAndCheck } from "../src/core/disclosure.ts";
import { createRuleContext } from "../src/core/rules/index.ts";
import { withFaults } from "./support/faults.ts";
import { arbBudget, arbBudgetOfSize, arbJiangsuBudget } from "./support/generate.ts";
import { referenceFigures } from "./support/reference-figures.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);
const RUNS = { numRuns: Number(process.env.YUSUAN_PROPERTY_RUNS ?? 100) };

/** Henan-style budgets and Jiangsu-style ones (单位预留机动经费, 结转下年资金, 债务资金), with some faults. */
const withSomeFaults = fc.tuple(fc.oneof(arbBudget, arbJiangsuBudget), fc.integer(), fc.integer({ min: 0, max: 6 })).map(([b, seed, faults]) => withFaults(b, seed, faults));

/** The value of a call, or that it threw (which error first is the implementation's business). */
function outcome<T>(f: () => T): { value: T } | { threw: true } {
  try {
    return { value: f() };
  } catch {
    return { threw: true };
  }
}

describe("the ledger's figures are the reference's", () => {
  it("the department's, from its ledger and as deriveAndCheck hands them to the rules", () => {
    fc.assert(
      fc.property(withSomeFaults, (budget) => {
        const expected = outcome(() => referenceFigures(budget, { kind: "department" }));
        expect(outcome(() => computeFigures(departmentScope(budget)))).toEqual(expected);
        const derived = outcome(() => deriveAndCheck(budget, catalog).disclosure.figures);
        if ("value" in derived) expect(derived).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("every unit's, from its own scope's ledger and as its view of the department's ledger", () => {
    fc.assert(
      fc.property(withSomeFaults, (budget) => {
        const department = outcome(() => buildLedger(departmentScope(budget)));
        if (!("value" in department)) return;
        for (const { code } of budget.units) {
          const expected = outcome(() => referenceFigures(budget, { kind: "unit", code }));
          expect(outcome(() => computeFigures(unitScope(budget, code))), code).toEqual(expected);
          expect(outcome(() => unitFigures(budget, code, department.value)), code).toEqual(expected);
        }
        expect(unitFigures(budget, "no such unit", department.value)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("the units' figures the rules read, a code asked twice and a code of no unit included", () => {
    fc.assert(
      fc.property(withSomeFaults, (budget) => {
        const codes = [...budget.units.map((u) => u.code), budget.units[0]!.code, "no such unit"];
        const ctx = createRuleContext(budget, catalog);
        const given = outcome(() => ctx.unitFigures(codes));
        const expected = outcome(() => new Map(budget.units.map((u) => [u.code, referenceFigures(budget, { kind: "unit", code: u.code })])));
        if ("value" in given && "value" in expected) expect(given).toEqual(expected);
        else expect("threw" in given).toBe("threw" in expected);
      }),
      RUNS,
    );
  });

  it("of larger budgets, without faults", () => {
    fc.assert(
      fc.property(arbBudgetOfSize({ units: [2, 8], lineItems: [100, 400], projects: [5, 30] }), (budget) => {
        const ledger = buildLedger(departmentScope(budget));
        expect(computeFigures(departmentScope(budget), ledger)).toEqual(referenceFigures(budget, { kind: "department" }));
        for (const { code } of budget.units) expect(unitFigures(budget, code, ledger)).toEqual(referenceFigures(budget, { kind: "unit", code }));
      }),
      { numRuns: Math.max(10, Math.floor(RUNS.numRuns / 5)) },
    );
  });
});
