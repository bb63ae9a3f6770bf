/**
 * Property: a generated budget written into the entry workbook reads back exactly, with some of its units and
 * projects marked 不予公开 (涉密 or another stated reason) — the mark and its reason survive workbook → budget →
 * workbook, and the public document drawn from the read-back budget withholds the same content.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { withheldOf } from "../src/core/exempt.ts";
import type { Budget } from "../src/core/model.ts";
import { parseEntryWorkbook, writeEntryWorkbook } from "../src/formats/entry-workbook/index.ts";
import { generateBudget } from "./support/generate.ts";

const catalog = builtInCatalog(2021)!;
const BASES = ["涉密", "涉及国家秘密", "工作秘密"] as const;

/** Marks each unit but the first, and each project, exempt or not, by the drawn flags. */
function withExemptions(b: Budget, flags: readonly number[]): Budget {
  const mark = (i: number) => {
    const f = flags[i % flags.length]!;
    return f < BASES.length ? { exempt: { basis: BASES[f]! } } : {};
  };
  return {
    ...b,
    units: b.units.map((u, i) => (i === 0 ? u : { ...u, ...mark(i) })),
    projects: b.projects.map((p, i) => ({ ...p, ...mark(i + 7) })),
  };
}

describe("entry workbook round trip with 不予公开 marks", () => {
  it("workbook → budget → workbook keeps every mark and its reason", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }), fc.boolean(), async (seed, flags, jiangsu) => {
        const budget = withExemptions(generateBudget(seed, { units: [1, 3], lineItems: [5, 30], projects: [0, 4] }, { jiangsu }), flags);
        const bytes = await writeEntryWorkbook(budget, catalog);
        const back = await parseEntryWorkbook(bytes, "budget.xlsx");
        expect(back).toEqual(budget);
        expect(withheldOf(back)).toEqual(withheldOf(budget));
        // and once more: the workbook written from what was read reads to the same budget
        expect(await parseEntryWorkbook(await writeEntryWorkbook(back, catalog), "again.xlsx")).toEqual(budget);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
