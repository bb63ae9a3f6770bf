/**
 * 模板识别 on real documents (the corpus in ../shared/corpus, or where YUSUAN_CORPUS says): Shanghai's
 * 2025 district budgets are detected as their template, a department's and a unit's own alike; documents
 * of a template Yusuan does not ship (Jiangsu's 12 tables, Shanghai's 决算) are "unknown", never Henan's.
 * Skipped, with a message, where the corpus is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { COMPLETENESS_RULES } from "../../src/audit/core/rules/completeness.ts";
import { formatUnits } from "../../src/audit/core/rules/format.ts";
import { importFile } from "../../src/audit/importers/dispatch.ts";

const CORPUS = process.env.YUSUAN_CORPUS ?? join(import.meta.dirname, "../../../shared/corpus");
const present = existsSync(join(CORPUS, "INDEX.tsv"));

/** The corpus's files with their region and kind (INDEX.tsv: file, region, kind, name, where). */
function corpusFiles(): { file: string; region: string; kind: string }[] {
  return readFileSync(join(CORPUS, "INDEX.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split("\t"))
    .map(([file, region, kind]) => ({ file: file!, region: region!, kind: kind! }));
}

/** What each corpus document is expected to be detected as. */
function expected(d: { file: string; region: string; kind: string }): string {
  if (d.region.startsWith("上海") && d.kind === "预算") return "shanghai-district-2025";
  return "unknown";
}

describe.skipIf(!present)("template detection on the corpus", () => {
  for (const d of present ? corpusFiles() : []) {
    it(`${d.file} (${d.region} ${d.kind}) → ${expected(d)}`, { timeout: 60_000 }, async () => {
      const file = await importFile(join(CORPUS, d.file));
      const doc = assembleDocument(d.file, [file]);
      expect(doc.meta.template).toBe(expected(d));
      if (doc.meta.template === "unknown") return;
      // a real document of the template is complete by the template's own measure, in its units
      const findings = auditDocument(doc, () => undefined, [...COMPLETENESS_RULES, formatUnits]).findings.filter((f) => f.rule.startsWith("complete.") || f.rule === "format.units");
      expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  }
});

if (!present) {
  describe("template detection on the corpus", () => {
    it.skip(`corpus absent at ${CORPUS}: set YUSUAN_CORPUS to run these tests`, () => {});
  });
}
