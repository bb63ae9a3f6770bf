/**
 * Yusuan's disclosure.json: tables equal the derived ones as the text format prints them, the narrative
 * equal, no finding above info; JSON that is not a disclosure, or not JSON, is reported.
 */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../../src/audit/core/assemble.ts";
import { auditDocument } from "../../../src/audit/core/audit.ts";
import { importBytes } from "../../../src/audit/importers/dispatch.ts";
import { renderJson } from "../../../src/formats/json.ts";
import { generateBudget } from "../../support/generate.ts";
import { beyondData, catalog2021, disclosures, printedRows, sampleBudget } from "../support.ts";
import { clean, expectNarrativeAsDerived, expectTablesAsDerived } from "./support.ts";

const catalogFor = (y: number) => (y === 2021 ? catalog2021 : undefined);
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe("Yusuan's disclosure.json", async () => {
  const budget = await sampleBudget();
  const generated = [41, 42].map((s) => clean(generateBudget(s)));
  for (const layout of ["henan13", "central9"] as const) {
    for (const [d, b] of [budget, ...generated].flatMap((b) => (b === budget ? disclosures(b, layout) : disclosures(b, layout).slice(0, 2)).map((d) => [d, b] as const))) {
      it(`${layout} ${d.scope.name}: tables and narrative as derived, no finding above info`, async () => {
        const file = await importBytes("disclosure.json", bytes(renderJson(d)));
        expect(file.problems).toEqual([]);
        expectTablesAsDerived(file, d, printedRows);
        expectNarrativeAsDerived(file, d);
        const findings = auditDocument(assembleDocument("disclosure.json", [file]), catalogFor).findings;
        expect(beyondData(findings, b).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      });
    }
  }

  it("reports JSON that is no disclosure, and broken JSON", async () => {
    expect((await importBytes("a.json", bytes('{"a": 1}'))).problems.map((p) => p.rule)).toEqual(["read.unsupported-format"]);
    expect((await importBytes("b.json", bytes('{"format": "yusuan-disclosure/1", "tables": ['))).problems.map((p) => p.rule)).toEqual(["read.damaged"]);
  });
});
