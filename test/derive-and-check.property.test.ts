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
import { computeFigures } from "../src/core/derive/figures.ts";
import { buildLedger } from "../src/core/derive/ledger.ts";
import { firstIndex, indexLines } from "../src/core/derive/line-index.ts";
import { unitFigures, unitFiguresFromLedger } from "../src/core/derive/unit-figures.ts";
import { departmentScope, unitScope, unitScopeLookup, unitScopes } from "../src/core/derive/scope.ts";
import { deriveAll, deriveAllAndCheck, deriveAndCheck, deriveDisclosure } from "../src/core/disclosure.ts";
import type { Budget, FundingSource } from "../src/core/model.ts";
import { type Fen, fen } from "../src/core/money.ts";
import { ALL_RULES, checkBudget, createRuleContext, sortFindings } from "../src/core/rules/index.ts";
import { Rng, arbBudget } from "./support/generate.ts";

const builtIn = new CatalogIndex(builtInCatalog(2021)!);
const official = new CatalogIndex({ ...builtInCatalog(2021)!, origin: "official" });
const RUNS = { numRuns: Number(process.env.YUSUAN_PROPERTY_RUNS ?? 100) };

/** Faults the rules report, applied to a generated budget by a seeded choice (several per budget). */
function withFaults(b: Budget, seed: number, count: number): Budget {
  const r = new Rng(seed);
  for (let k = 0; k < count; k++) {
    const l = b.lineItems.length > 0 ? b.lineItems[r.int(0, b.lineItems.length - 1)] : undefined;
    const p = b.projects.length > 0 ? b.projects[r.int(0, b.projects.length - 1)] : undefined;
    const u = b.units[r.int(0, b.units.length - 1)]!;
    switch (r.int(0, 19)) {
      case 0:
        if (l) l.amount = fen(-l.amount - 1);
        break;
      case 1:
        if (l) {
          // a zero line counts a code in no figure's list of 款
          l.amount = fen(0);
          if (r.chance(0.5)) Object.assign(l, { nature: "basic", source: "gpb-appropriation", economic: r.pick(["30201", "30101", "30217", "31002"]) });
        }
        break;
      case 2:
        if (l) l.unit = "999999";
        break;
      case 3:
        if (b.units.length > 1) b.units[1]!.code = b.units[0]!.code;
        break;
      case 4:
        if (p && b.projects.length > 1) b.projects[0]!.code = p.code;
        break;
      case 5:
        if (l) l.functional = r.pick(["20101", "2010198", "9990101", "2019901"]);
        break;
      case 6:
        if (l) l.economic = r.pick(["3019", "35001", "3020101", "30299", "3500101", "30198"]);
        break;
      case 7:
        if (l && p) l.project = r.pick([p.code, "NOPE-1", " "]);
        break;
      case 8:
        delete b.prior;
        break;
      case 9:
        delete u.prior;
        delete u.reasons;
        break;
      case 10:
        if (p?.indicators[0]) p.indicators[0].target = r.pick([{ kind: "qualitative", text: "XX" } as const, { kind: "numeric", comparator: "≥", value: "", unit: "%" } as const]);
        break;
      case 11:
        if (p) p.indicators = p.indicators.filter((i) => i.level1 !== "效益指标");
        break;
      case 12:
        b.income = [{ unit: u.code, source: r.pick<FundingSource>(["gpb-appropriation", "other"]), amount: fen(100) }];
        break;
      case 13:
        for (const x of b.units) x.type = "institution";
        break;
      case 14:
        if (p) p.code = r.pick([u.code, b.department.code, "bad code"]);
        break;
      case 15:
        delete b.targets;
        delete u.targets;
        delete u.assets;
        break;
      case 16:
        if (l) l.source = r.pick(["government-fund", "state-capital", "other", "carry-over", "foo" as FundingSource]);
        break;
      case 17:
        b.year = 2022;
        break;
      case 18:
        // an income source outside the list: the figures cannot be stated (derive throws; rules report it)
        b.income = [...(b.income ?? []), { unit: u.code, source: "foo" as FundingSource, amount: 5 as Fen }];
        break;
      case 19:
        if (u.targets?.indicators[0]) u.targets.indicators[0].level3 = r.pick(["人均公用经费变动率", "离退休人员经费变动率"]);
        u.staffing = { authorized: 1 };
        break;
    }
  }
  return b;
}

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

describe("rules that give their findings in order (Rule.ordered)", () => {
  const ordered = ALL_RULES.filter((r) => r.ordered);
  it("are the rules reporting projects, indicators, targets, assets and zero lines", () => {
    expect(ordered.map((r) => r.id)).toEqual(expect.arrayContaining(["target.project-levels", "target.value-missing", "project.no-lines", "assets.missing"]));
  });
  it("give them in the order sortFindings puts them in, on budgets with faults and each catalog", () => {
    fc.assert(
      fc.property(cases, ({ budget, catalog }) => {
        const ctx = createRuleContext(budget, catalog);
        for (const rule of ordered) {
          // a rule that throws (on data its figures cannot be made from) gives the engine's one error instead
          const given = outcome(() => rule.check(ctx));
          if ("value" in given) expect(sortFindings(given.value), rule.id).toEqual(given.value);
        }
      }),
      RUNS,
    );
  });
});

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

  it("a line index gives the same department scope and ledger, and the same units' figures, as looking each code up", () => {
    fc.assert(
      fc.property(cases, ({ budget }) => {
        const index = indexLines(budget.lineItems, firstIndex(budget.units));
        const department = departmentScope(budget);
        expect(departmentScope(budget, index)).toEqual(department);
        // the index is of the budget's lines: it serves the department's ledger when the scope has all of them
        if (department.lines.length === budget.lineItems.length) expect(buildLedger(department, index)).toEqual(buildLedger(department));
        else expect(() => buildLedger(department, index)).toThrow();
        // every unit code, a repeated one and one that is no unit's
        const codes = [...budget.units.map((u) => u.code), budget.units[0]!.code, "no such unit"];
        const expected = outcome(() => new Map(budget.units.filter((u, i) => budget.units.findIndex((v) => v.code === u.code) === i).map((u) => [u.code, computeFigures(unitScope(budget, u.code))])));
        expect(outcome(() => unitFigures(budget, codes, index))).toEqual(expected);
        expect(outcome(() => unitFigures(budget, codes))).toEqual(expected);
        // … and read from the department's ledger, where that ledger holds every line and can tell
        if (department.lines.length === budget.lineItems.length) {
          const fromLedger = outcome(() => unitFiguresFromLedger(budget, codes, buildLedger(department, index)));
          if (!("value" in fromLedger) || fromLedger.value !== undefined) expect(fromLedger).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  it("the department's ledger gives the units' figures of a budget without faults", () => {
    fc.assert(
      fc.property(arbBudget, (budget) => {
        const department = departmentScope(budget);
        const codes = budget.units.map((u) => u.code);
        const fromLedger = unitFiguresFromLedger(budget, codes, buildLedger(department));
        expect(fromLedger).toBeDefined();
        expect(fromLedger).toEqual(unitFigures(budget, codes));
      }),
      RUNS,
    );
  });

  it("the figures are the same from the sums alone (as rules take them) as from the whole ledger (as derive does)", () => {
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
