/**
 * Round trip: what Yusuan renders, imported and audited, gives no finding above info that the data rules do
 * not give too (beyondData: the sample's one data warning is found again in its document), and the imported
 * tables equal the derived ones (every printed row, every amount to the 分 as printed) — for the 2021
 * sample and, as a fast-check property, for generated budgets in every template of the registry,
 * department and units; and the audit detects the template each was rendered in.
 *
 * Generated budgets are valid but not always clean: an indicator may have no target (a data finding
 * `yusuan check` reports too) and "三公" may rise against last year (a warning, 只减不增). The property is
 * about rendering, so `clean` fills the targets and lets "三公" fall; the rules that would fire on them are
 * tested in rules.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { interpret } from "../../src/audit/core/interpret.ts";
import { allAmounts } from "../../src/audit/core/interpret.ts";
import { importText } from "../../src/audit/importers/text.ts";
import type { Disclosure } from "../../src/core/disclosure.ts";
import type { Budget, ThreePublic } from "../../src/core/model.ts";
import { type Fen, formatIn, toWanYuanCents } from "../../src/core/money.ts";
import { TEMPLATE_IDS } from "../../src/core/templates/index.ts";
import { renderText } from "../../src/formats/text.ts";
import { SMALL_SIZE, generateBudget } from "../support/generate.ts";
import { beyondData, catalog2021, disclosures, printedRows, sampleBudget } from "./support.ts";

const THREE_PUBLIC: Record<string, keyof ThreePublic> = { "30212": "abroad", "30217": "reception", "31013": "vehiclePurchase", "30913": "vehiclePurchase", "30231": "vehicleOperation" };

/** Fills missing indicator targets and sets last year's "三公" above this year's. */
export function clean(b: Budget): Budget {
  for (const p of b.projects) for (const i of p.indicators) i.target ??= { kind: "qualitative", text: "明显" };
  const current = (unit?: string) => {
    const t: ThreePublic = { abroad: 0 as Fen, reception: 0 as Fen, vehiclePurchase: 0 as Fen, vehicleOperation: 0 as Fen };
    for (const l of b.lineItems) {
      const k = THREE_PUBLIC[l.economic.slice(0, 5)];
      if (k && l.source === "gpb-appropriation" && (!unit || l.unit === unit)) t[k] = (t[k] + l.amount) as Fen;
    }
    return t;
  };
  const above = (t: ThreePublic): ThreePublic => ({ abroad: (t.abroad + 1_000_000) as Fen, reception: (t.reception + 1_000_000) as Fen, vehiclePurchase: (t.vehiclePurchase + 1_000_000) as Fen, vehicleOperation: (t.vehicleOperation + 1_000_000) as Fen });
  if (b.prior?.threePublic) b.prior.threePublic = above(current());
  for (const u of b.units) if (u.prior?.threePublic) u.prior.threePublic = above(current(u.code));
  return b;
}

/** Audits Yusuan's txt of a disclosure; checks the tables came back exactly; returns the findings above info. */
function roundTrip(d: Disclosure, b: Budget): string[] {
  const doc = assembleDocument("out.txt", [importText("out.txt", renderText(d))]);
  expect(doc.meta.template, `${d.layout} ${d.scope.kind} ${d.scope.code}`).toBe(d.layout);
  const t = interpret(doc);
  expect(t.tables.map((x) => x.raw.title)).toEqual(d.tables.map((x) => x.title));
  t.tables.forEach((info, i) => {
    const derived = d.tables[i]!;
    expect(info.rows, derived.title).toEqual(printedRows(derived));
    // every money cell of the derived table is read back to the printed value, exactly
    const printed = new Map<string, string>();
    derived.rows.forEach((r, ri) =>
      r.cells.forEach((c, ci) => {
        if (typeof c === "number") printed.set(`${ri + derived.header.length}|${ci}`, formatIn(derived.unit, c as Fen, false));
      }),
    );
    for (const a of allAmounts(t).filter((x) => x.table === i && !x.value.blank)) {
      const want = printed.get(`${a.row}|${a.col}`);
      if (want === undefined) continue;
      // what the printed digits stand for, in 分 (元: exact; 万元: 0.01 万元 = 10 000 分)
      const fen = derived.unit === "元" ? Math.round(Number(want) * 100) : toWanYuanCents(Math.round(Number(want) * 1_000_000) as Fen) * 10_000;
      expect(a.value.fen, `${derived.title} ${a.row},${a.col}`).toBe(fen);
    }
  });
  return beyondData(auditDocument(doc, () => catalog2021).findings, b).map((f) => `${d.layout} ${d.scope.kind} ${d.scope.code} ${f.rule}: ${f.message}`);
}

describe("round trip: the 2021 sample", async () => {
  const budget = await sampleBudget();
  for (const layout of TEMPLATE_IDS)
    it(`${layout}: department and unit audit clean, tables equal`, () => {
      for (const d of disclosures(budget, layout)) expect(roundTrip(d, budget)).toEqual([]);
    });
});

describe("round trip: generated budgets (property)", () => {
  it("realistic sizes: no finding above info, imported tables equal the derived ones", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const b = clean(generateBudget(seed));
        for (const layout of TEMPLATE_IDS) for (const d of disclosures(b, layout)) expect(roundTrip(d, b)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  }, 300_000);

  it("small budgets, including empty ones", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const b = clean(generateBudget(seed, SMALL_SIZE));
        for (const layout of TEMPLATE_IDS) for (const d of disclosures(b, layout)) expect(roundTrip(d, b)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
