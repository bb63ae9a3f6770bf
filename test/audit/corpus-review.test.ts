/**
 * The audit held to what a careful reviewer finds in the real documents of ../shared/corpus (issue 17):
 * test/fixtures/corpus-review.tsv names each document's year and department as printed on its cover and
 * titles; corpus-review-findings.tsv lists each error or warning a reviewer confirms (with why it is true),
 * which must be found, and the rules reviewed as false alarms on a document, which must stay silent. A
 * document marked `all` is reviewed whole: nothing at error or warning level beyond its list. Runs where
 * the corpus is present (beside the checkout, or where YUSUAN_CORPUS says).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { importDocument } from "../../src/audit/importers/index.ts";
import type { Finding } from "../../src/core/rules/finding.ts";

const CORPUS = process.env.YUSUAN_CORPUS ?? join(import.meta.dirname, "../../../shared/corpus");
const FIXTURES = join(import.meta.dirname, "../fixtures");

const rows = (file: string) =>
  readFileSync(join(FIXTURES, file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split("\t"));

const documents = rows("corpus-review.tsv").map(([file, year, department, template, reviewed]) => ({ file: file!, year: Number(year), department: department!, template: template!, reviewed: reviewed! }));
const expected = rows("corpus-review-findings.tsv").map(([kind, file, rule, severity, count, quote]) => ({ kind: kind!, file: file!, rule: rule!, severity: severity!, count: Number(count || 0), quote: quote ?? "" }));
const present = existsSync(join(CORPUS, "INDEX.tsv"));

async function audit(file: string) {
  const path = join(CORPUS, file);
  const doc = await importDocument(file, [path]);
  // codes are not what this test is about: no catalog, as for a year Yusuan ships none of
  const { findings } = auditDocument(doc, () => undefined);
  return { meta: doc.meta, findings: findings.filter((f) => f.severity === "error" || f.severity === "warning") };
}

const quoteOf = (f: Finding) => ("quote" in f.location ? (f.location.quote ?? "") : "") + f.message + (f.actual ?? "");

describe.skipIf(!present)("the audit on the corpus, as a reviewer reads it", () => {
  for (const d of documents) {
    it(`${d.file}: year, department, listed findings, no reviewed false alarm`, async () => {
      const { meta, findings } = await audit(d.file);
      expect(meta.year).toBe(d.year);
      expect(meta.department).toBe(d.department);
      const mine = expected.filter((e) => e.file === d.file || (e.kind === "absent" && (e.file === "*" || e.file.split(" ").includes(d.file))));
      for (const e of mine.filter((x) => x.kind === "found")) {
        const hits = findings.filter((f) => f.rule === e.rule && f.severity === e.severity && quoteOf(f).includes(e.quote));
        expect(hits.length, `${e.rule} “${e.quote}”`).toBe(e.count);
      }
      for (const e of mine.filter((x) => x.kind === "absent")) expect(findings.filter((f) => f.rule === e.rule).map((f) => f.message)).toEqual([]);
      if (d.reviewed === "all") {
        const listed = mine.filter((x) => x.kind === "found").reduce((n, e) => n + e.count, 0);
        expect(findings.map((f) => `${f.rule}: ${f.message}`)).toHaveLength(listed);
      }
    }, 60_000);
  }

  // The template a reviewer sees the document follow (issue 16: detection from the titles and table set).
  it("every corpus document is detected as the template it follows", async () => {
    for (const d of documents) expect((await audit(d.file)).meta.template, d.file).toBe(d.template);
  }, 600_000);
});
