/**
 * The ledger's maps of codes keep the order the tables rely on: economic codes as their first lines come;
 * projects' codes before the codes only lines name, a repeated project code sharing one entry.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../src/core/derive/ledger.ts";
import { departmentScope } from "../src/core/derive/scope.ts";
import { arbBudgetOfSize } from "./support/generate.ts";

describe("the ledger's maps", () => {
  it("list the economic codes in the order their first lines come, each with its own entry", () => {
    fc.assert(
      fc.property(arbBudgetOfSize(), (budget) => {
        const scope = departmentScope(budget);
        const expected = [...new Set(scope.lines.map((l) => l.economic))];
        const ledger = buildLedger(scope);
        expect([...ledger.codes.keys()]).toEqual(expected);
        ledger.codes.forEach((entry, code) => expect(entry.facts.section).toBe(code.slice(0, 5)));
      }),
      { numRuns: 150 },
    );
  });

  it("list the projects' codes (a repeated one once), then the codes only lines name, and share a repeated code's entry", () => {
    fc.assert(
      fc.property(arbBudgetOfSize(), fc.nat(), (budget, pick) => {
        // a code only lines name, and (where there are two projects) a repeated project code
        const projectLines = budget.lineItems.filter((l) => l.nature === "project");
        if (projectLines.length > 0) projectLines[pick % projectLines.length]!.project = "ONLY-LINES-01";
        if (budget.projects.length > 1) budget.projects[1]!.code = budget.projects[0]!.code;
        const scope = departmentScope(budget);
        const ledger = buildLedger(scope);
        const projectCodes = [...new Set(scope.projects.map((p) => p.code))];
        const lineOnly = [...new Set(scope.lines.flatMap((l) => (l.project && !projectCodes.includes(l.project) ? [l.project] : [])))];
        expect([...ledger.projects.keys()]).toEqual([...projectCodes, ...lineOnly]);
        scope.projects.forEach((p, i) => expect(ledger.projectEntries[i]).toBe(ledger.projects.get(p.code)));
        for (const code of lineOnly) expect(ledger.projects.get(code)!.named).toBe(scope.lines.filter((l) => l.project === code).reduce((t, l) => t + l.amount, 0));
      }),
      { numRuns: 150 },
    );
  });
});
