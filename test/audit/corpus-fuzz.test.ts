/**
 * Robustness on real documents (issue 17): variants of the corpus PDFs — bytes overwritten at random,
 * runs deleted, the file cut short — are imported and audited with no crash, no hang and no rule failing
 * (`internal`). A deterministic generator makes each variant reproducible from its number. CI runs a few
 * (YUSUAN_FUZZ_N, default 12, from YUSUAN_FUZZ_FROM, default 0); `YUSUAN_FUZZ_N=1000` is the full run.
 * Runs where the corpus is present. pdfjs reads in a thread the importer's deadline terminates (pdf-thread.ts):
 * variant 600 kept it in a damaged font's cmap for minutes before.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { IMPORT_LIMITS, importBytes } from "../../src/audit/importers/dispatch.ts";

const CORPUS = process.env.YUSUAN_CORPUS ?? join(import.meta.dirname, "../../../shared/corpus");
const N = Number(process.env.YUSUAN_FUZZ_N ?? 12);
/** the first variant: a long run can be resumed or split (YUSUAN_FUZZ_FROM=600 YUSUAN_FUZZ_N=400) */
const FROM = Number(process.env.YUSUAN_FUZZ_FROM ?? 0);
const present = existsSync(join(CORPUS, "INDEX.tsv"));
/** A variant taking longer than the importer's deadline and 30 s for the audit has hung. */
const BOUND_MS = IMPORT_LIMITS.timeoutMs + 30_000;

/** mulberry32: a small seeded generator, so variant k is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Variant k of a file: overwritten bytes, a deleted run, or the file cut, by k's own generator. */
function variant(bytes: Uint8Array, k: number): Uint8Array {
  const r = random(k + 1);
  const out = new Uint8Array(bytes);
  const kind = k % 3;
  if (kind === 0) {
    for (let i = 0, n = 1 + Math.floor(r() * 64); i < n; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
    return out;
  }
  if (kind === 1) {
    const at = Math.floor(r() * out.length);
    const len = Math.floor(r() * 4096);
    return new Uint8Array([...out.subarray(0, at), ...out.subarray(Math.min(out.length, at + len))]);
  }
  return out.subarray(0, Math.floor(r() * out.length));
}

describe.skipIf(!present)("fuzzed corpus PDFs", () => {
  const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith(".pdf")).sort() : [];
  it(`${N} variants from ${FROM}: no crash, no hang, no rule failing`, async () => {
    // Every variant runs even after one fails, so a long run reports all its failures at once.
    const failures: string[] = [];
    for (let k = FROM; k < FROM + N; k++) {
      const file = files[k % files.length]!;
      const bytes = variant(new Uint8Array(readFileSync(join(CORPUS, file))), k);
      const t0 = performance.now();
      try {
        const imported = await importBytes(file, bytes);
        const doc = assembleDocument(file, [imported]);
        const { findings } = auditDocument(doc, () => undefined);
        const internal = findings.filter((f) => f.rule === "internal");
        if (internal.length > 0) failures.push(`${file} variant ${k}: internal ${JSON.stringify(internal)}`);
      } catch (error) {
        failures.push(`${file} variant ${k}: threw ${(error as Error).message}`);
      }
      const ms = performance.now() - t0;
      // the importer stops at its own deadline (a read.timeout problem): past that and the audit's share, it hung
      if (ms >= BOUND_MS) failures.push(`${file} variant ${k}: ${Math.round(ms)} ms`);
      if (process.env.YUSUAN_FUZZ_LOG) console.log(`variant ${k} ${file} ${Math.round(ms)} ms`);
    }
    expect(failures).toEqual([]);
  }, 60_000 + N * 20_000);
});
