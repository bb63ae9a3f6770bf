/**
 * Round trip in every format (issue 18 item 8): what Yusuan renders — PDF, XLSX, HTML, text and JSON — read
 * back by the audit's importers and audited gives no error or warning that the data rules do not give too, for Henan's 13 tables and the central
 * 9, department and a unit, as a property over generated budgets (sizes from empty to realistic), and for
 * the 2022 budget the server seeds (next year from the sample, whose PDF once failed). The per-importer
 * tests (importers/*.test.ts) compare the cells; this one is about findings. Half the generated budgets have
 * Jiangsu's uses of money (单位预留机动经费, 结转下年资金): central 9 prints 结转下年 apart in tables 1 and 4 and
 * as a column inside tables 3 and 5, and the audit reads them so.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { importBytes } from "../../src/audit/importers/dispatch.ts";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../../src/core/disclosure.ts";
import { nextYearBudget } from "../../src/core/execution/next-year.ts";
import type { Budget } from "../../src/core/model.ts";
import { readExecutionDir } from "../../src/formats/execution/execution-file.ts";
import { RENDERERS } from "../../src/formats/renderers.ts";
import { SMALL_SIZE, generateBudget } from "../support/generate.ts";
import { clean } from "./importers/support.ts";
import { beyondData, sampleBudget } from "./support.ts";

const LAYOUTS = ["henan13", "central9"] as const;
const FORMATS = ["pdf", "xlsx", "html", "txt", "json"] as const;

const catalogs = new Map<number, CatalogIndex | undefined>();
function catalogFor(year: number): CatalogIndex | undefined {
  if (!catalogs.has(year)) {
    const c = builtInCatalog(year);
    catalogs.set(year, c ? new CatalogIndex(c) : undefined);
  }
  return catalogs.get(year);
}

/** The findings above info of a disclosure rendered in `format` and audited, each with where it came from. */
async function findingsOf(d: Disclosure, b: Budget, format: (typeof FORMATS)[number]): Promise<string[]> {
  const renderer = RENDERERS[format]!;
  const out = await renderer.render(d);
  const name = renderer.file;
  const bytes = typeof out === "string" ? new Uint8Array(Buffer.from(out)) : out;
  const file = await importBytes(name, bytes);
  const problems = file.problems.filter((p) => p.severity !== "info").map((p) => `${p.rule}: ${p.message}`);
  const findings = beyondData(auditDocument(assembleDocument(name, [file]), catalogFor).findings, b).map((f) => `${f.rule}: ${f.message}`);
  return [...problems, ...findings].map((f) => `${d.layout} ${d.scope.kind} ${d.scope.code} ${format}: ${f}`);
}

/** Every layout, the department and its first unit, in every format. */
async function roundTrip(b: Budget): Promise<string[]> {
  const catalog = catalogFor(b.year)!;
  const out: string[] = [];
  for (const layout of LAYOUTS) for (const d of deriveAll(b, catalog, layout).slice(0, 2)) for (const f of FORMATS) out.push(...(await findingsOf(d, b, f)));
  return out;
}

describe("round trip in every format", () => {
  it("the 2022 budget the server seeds (next year from the sample)", { timeout: 300_000 }, async () => {
    const sample = await sampleBudget();
    const dir = "examples/luolong-shequ-2021/execution-2021";
    const execution = await readExecutionDir(dir, { units: new Set(sample.units.map((u) => u.code)), projects: new Set(sample.projects.map((p) => p.code)) });
    const next = clean(nextYearBudget(sample, { execution }).budget);
    expect(next.year).toBe(2022);
    expect(await roundTrip(next)).toEqual([]);
  });

  it("generated budgets (property): no error or warning in any format", { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), fc.boolean(), async (seed, small, jiangsu) => {
        const b = clean(generateBudget(seed, small ? SMALL_SIZE : {}, { jiangsu }));
        expect(await roundTrip(b)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });
});
