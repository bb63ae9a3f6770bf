/** The facts of a budget and the roll-up rule, on generated budgets (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetFacts, budgetTotals, childLevel, rollUpIncome } from "../../src/core/facts.ts";
import { fen, sum } from "../../src/core/money.ts";
import { arbBudget } from "../support/generate.ts";

describe("facts", () => {
  it("one fact per line item; their sum is the total whatever the order of the lines", () => {
    fc.assert(
      fc.property(arbBudget.chain((b) => fc.tuple(fc.constant(b), fc.shuffledSubarray(b.lineItems, { minLength: b.lineItems.length, maxLength: b.lineItems.length }))), ([b, shuffled]) => {
        const facts = budgetFacts(b);
        expect(facts).toHaveLength(b.lineItems.length);
        const t = budgetTotals(b);
        expect(sum(facts.map((f) => f.amount))).toBe(t.total);
        expect(sum(facts.filter((f) => f.nature === "project").map((f) => f.amount))).toBe(t.project);
        expect(budgetTotals({ ...b, lineItems: shuffled })).toEqual(t);
      }),
      { numRuns: 50 },
    );
  });

  it("leaves internal transfers out of a roll-up's income and keeps the spending they fund", () => {
    fc.assert(
      fc.property(arbBudget, (b) => {
        const withTransfer = {
          ...b,
          income: [
            { unit: "x", source: "gpb-appropriation" as const, amount: fen(1_000_00) },
            { unit: "x", source: "superior-subsidy" as const, amount: fen(300_00) },
            { unit: "x", source: "subordinate-remittance" as const, amount: fen(20_00) },
          ],
        };
        const t = budgetTotals(withTransfer);
        expect([t.income, t.transfers, rollUpIncome(t)]).toEqual([1_320_00, 320_00, 1_000_00]);
        expect(t.total).toBe(budgetTotals(b).total);
      }),
      { numRuns: 10 },
    );
  });

  it("knows the levels: 省 → 市 → 县/区, nothing under a county", () => {
    expect([childLevel("province"), childLevel("city"), childLevel("county")]).toEqual(["city", "county", undefined]);
  });
});
