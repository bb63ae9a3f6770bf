/**
 * The combined path gives exactly what the two separate calls give: for any generated budget (also one
 * with the faults the rules look for), `deriveAndCheck` returns the disclosure `deriveDisclosure` returns
 * and the findings `checkBudget` returns, and `deriveAllAndCheck` the disclosures of `deriveAll` with the
 * same findings. Derive hands its scope and figures to the rules; nothing may differ for it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { computeFigures, unitFigures } from "../src/core/derive/figures.ts";
import { buildLedger } from "../src/core/derive/ledger.ts";
import { departmentScope, unitScope, unitScopeLookup, unitScopes } from "../src/core/derive/scope.ts";
import { deriveAll, deriveAllAndCheck, deriveAndCheck, deriveDisclosure } from "../src/core/disclosure.ts";
import { fen } from "../src/core/money.ts";
import { checkBudget } from "../src/core/rules/index.ts";
import { arbBudget } from "./support/generate.ts";
import { withFaults } from "./support/faults.ts";

const builtIn = new CatalogIndex(builtInCatalog(2021)!);
const official = new CatalogIndex({ ...builtInCatalog(2021)!, origin: "official" });
const RUNS = { numRuns: Number(process.env.YUSUAN_PROPERTY_RUNS ?? 100) };

const cases = fc
  .tuple(arbBudget, fc.integer(), fc.integer({ min: 0, max: 6 }), fc.boolean())
  .map(([b, seed, faults, officialCatalog]) => ({ budget: withFaults(b, seed, faults), catalog: officialCatalog ? official : builtIn }));

/** The result of a call, or what it threw (a budget the tables cannot be drawn for throws in both paths). */
function outcome<T>(f: () => T): { value: T } | { thrown: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

describe("derive and check in one call", () => {
  it("deriveAndCheck gives deriveDisclosure's disclosure and checkBudget's findings", () => {
    fc.assert(
      fc.property(cases, ({ budget, catalog }) => {
        const findings = checkBudget(budget, catalog);
        const disclosure = outcome(() => deriveDisclosure(budget, catalog));
        const combined = outcome(() => deriveAndCheck(budget, catalog));
        if ("thrown" in disclosure) {
          expect(combined).toEqual(disclosure);
          return;
        }
        expect(combined).toEqual({ value: { disclosure: disclosure.value, findings } });
      }),
      RUNS,
    );
  });

  it("for a unit's disclosure too", () => {
    fc.assert(
      fc.property(cases, fc.nat(), ({ budget, catalog }, k) => {
        const ref = { kind: "unit" as const, code: budget.units[k % budget.units.length]!.code };
        const findings = checkBudget(budget, catalog);
        const disclosure = outcome(() => deriveDisclosure(budget, catalog, ref));
        const combined = outcome(() => deriveAndCheck(budget, catalog, { ref }));
        if ("thrown" in disclosure) expect(combined).toEqual(disclosure);
        else expect(combined).toEqual({ value: { disclosure: disclosure.value, findings } });
      }),
      RUNS,
    );
  });

  it("deriveAllAndCheck gives deriveAll's disclosures and checkBudget's findings, in either layout", () => {
    fc.assert(
      fc.property(cases, fc.constantFrom("henan13" as const, "central9" as const), ({ budget, catalog }, layout) => {
        const findings = checkBudget(budget, catalog);
        const all = outcome(() => deriveAll(budget, catalog, layout));
        const combined = outcome(() => deriveAllAndCheck(budget, catalog, { layout }));
        if ("thrown" in all) expect(combined).toEqual(all);
        else expect(combined).toEqual({ value: { disclosures: all.value, findings } });
      }),
      RUNS,
    );
  });

  it("checks what the budget holds at each call: a change in place between two calls is seen", () => {
    fc.assert(
      fc.property(cases, ({ budget, catalog }) => {
        const first = outcome(() => deriveAndCheck(budget, catalog));
        if ("thrown" in first || budget.lineItems.length === 0) return;
        budget.lineItems[0]!.amount = fen(-1);
        budget.lineItems[0]!.unit = "999999";
        const again = outcome(() => deriveAndCheck(budget, catalog));
        const findings = checkBudget(budget, catalog);
        if ("thrown" in again) expect(again).toEqual(outcome(() => deriveDisclosure(budget, catalog)));
        else expect(again.value.findings).toEqual(findings);
        expect(findings.some((f) => f.rule === "amount.negative")).toBe(true);
      }),
      RUNS,
    );
  });

  it("units' figures read from the department's ledger are those of each unit's own scope", () => {
    fc.assert(
      fc.property(cases, ({ budget }) => {
        const ledger = outcome(() => buildLedger(departmentScope(budget)));
        if (!("value" in ledger)) return;
        // every unit code, a repeated one and one that is no unit's
        for (const code of [...budget.units.map((u) => u.code), budget.units[0]!.code]) {
          expect(outcome(() => unitFigures(budget, code, ledger.value)), code).toEqual(outcome(() => computeFigures(unitScope(budget, code))));
        }
        expect(unitFigures(budget, "no such unit", ledger.value)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("the department's ledger gives the units' figures of a budget without faults", () => {
    fc.assert(
      fc.property(arbBudget, (budget) => {
        const ledger = buildLedger(departmentScope(budget));
        for (const { code } of budget.units) expect(unitFigures(budget, code, ledger)).toEqual(computeFigures(unitScope(budget, code)));
      }),
      RUNS,
    );
  });

  it("a unit's scope is the same from a look-up as made alone, and the figures the same from a ledger made for them", () => {
    fc.assert(
      fc.property(cases, ({ budget }) => {
        const lookup = unitScopeLookup(budget);
        const scopes = [departmentScope(budget), ...unitScopes(budget)];
        for (const u of budget.units) expect(lookup(u.code)).toEqual(unitScope(budget, u.code));
        expect(lookup("no such unit")).toBeUndefined();
        for (const scope of scopes) {
          const fromSums = outcome(() => computeFigures(scope));
          expect(fromSums).toEqual(outcome(() => computeFigures(scope, buildLedger(scope))));
        }
      }),
      RUNS,
    );
  });
});
