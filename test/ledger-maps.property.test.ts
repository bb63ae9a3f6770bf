/**
 * The ledger's read-only maps (CodeMap, ProjectMap) read like the maps they replaced: the same keys in the
 * same order (first seen in the lines; projects before the codes only lines name), the same entries, and
 * every method of ReadonlyMap agreeing with a Map made from them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../src/core/derive/ledger.ts";
import { firstIndex, indexLines } from "../src/core/derive/line-index.ts";
import { departmentScope } from "../src/core/derive/scope.ts";
import { arbBudgetOfSize } from "./support/generate.ts";

/** Every ReadonlyMap method of `m` gives what a Map of its entries gives. */
function expectLikeMap<V>(m: ReadonlyMap<string, V>, absent: string): void {
  const plain = new Map(m.entries());
  expect(m.size).toBe(plain.size);
  expect([...m]).toEqual([...plain]);
  expect([...m.keys()]).toEqual([...plain.keys()]);
  expect([...m.values()]).toEqual([...plain.values()]);
  const seen: [string, V][] = [];
  m.forEach((v, k, map) => {
    expect(map).toBe(m);
    seen.push([k, v]);
  });
  expect(seen).toEqual([...plain]);
  for (const [k, v] of plain) {
    expect(m.has(k)).toBe(true);
    expect(m.get(k)).toBe(v);
  }
  expect(m.has(absent)).toBe(false);
  expect(m.get(absent)).toBeUndefined();
}

describe("the ledger's maps", () => {
  it("list the economic codes in the order their first lines come, each with its own entry", () => {
    fc.assert(
      fc.property(arbBudgetOfSize(), (budget) => {
        const scope = departmentScope(budget);
        const expected = [...new Set(scope.lines.map((l) => l.economic))];
        for (const ledger of scope.lines.length === budget.lineItems.length ? [buildLedger(scope), buildLedger(scope, indexLines(budget.lineItems, firstIndex(budget.units)))] : [buildLedger(scope)]) {
          expect([...ledger.codes.keys()]).toEqual(expected);
          ledger.codes.forEach((entry, code) => {
            expect(entry.index).toBe(expected.indexOf(code));
            expect(entry.section).toBe(code.slice(0, 5));
          });
          expectLikeMap(ledger.codes, "no such code");
        }
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
        expectLikeMap(ledger.projects, "no such project");
      }),
      { numRuns: 150 },
    );
  });
});
