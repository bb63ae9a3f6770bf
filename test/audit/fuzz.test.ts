/**
 * Robustness: the text importer and the whole audit on hostile input — random bytes, random text made of
 * the characters budgets use, the seed truncated or mangled, huge lines, a row of 10^5 cells. Each gives
 * clear findings within bounded time, never a crash, and no rule ever fails (`internal`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { importText } from "../../src/audit/importers/text.ts";
import { SEVERITIES, type Finding } from "../../src/core/rules/finding.ts";
import { catalog2021, seedText } from "./support.ts";

const seed = seedText();

/** Audits input as one text file; checks every finding is well formed and no rule crashed. */
function auditOf(input: string | Uint8Array): { findings: Finding[]; ms: number } {
  const t0 = performance.now();
  const doc = assembleDocument("fuzz.txt", [importText("fuzz.txt", input)]);
  const findings = auditDocument(doc, () => catalog2021).findings;
  const ms = performance.now() - t0;
  for (const f of findings) {
    expect(SEVERITIES).toContain(f.severity);
    expect(typeof f.message).toBe("string");
    expect(f.location.kind).toMatch(/^(table|text|data)$/);
  }
  expect(findings.filter((f) => f.rule === "internal")).toEqual([]);
  return { findings, ms };
}

const alphabet = fc.constantFrom(..."\t\n\n\n 0123456789.,%-#*：:（）()一二三四五六七八九十、。；合计总小基本项目支出收入万元占增长加减少下降持平类款项单位名称表情况说明年月".split(""));

describe("fuzz: the text importer and the audit", () => {
  it("random bytes: never a crash; binary is refused with a clear finding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        const { ms } = auditOf(bytes);
        expect(ms).toBeLessThan(2000);
      }),
      { numRuns: 150 },
    );
    expect(auditOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])).findings.map((f) => f.rule)).toEqual(["read.not-text"]);
  });

  it("random text from the budget alphabet: never a crash, bounded time", () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 3000 }), (text) => {
        expect(auditOf(text).ms).toBeLessThan(2000);
      }),
      { numRuns: 150 },
    );
  });

  it("the seed truncated anywhere, or with lines dropped, duplicated and shuffled: never a crash", () => {
    const lines = seed.split("\n");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seed.length }), fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom("drop", "dup", "swap", "tab", "digits")), { maxLength: 25 }), (cut, edits) => {
        expect(auditOf(seed.slice(0, cut)).ms).toBeLessThan(3000);
        const ls = [...lines];
        for (const [i, op] of edits) {
          if (op === "drop") ls.splice(i % ls.length, 1);
          else if (op === "dup") ls.splice(i % ls.length, 0, ls[i % ls.length] ?? "");
          else if (op === "swap") [ls[i % ls.length], ls[(i * 7) % ls.length]] = [ls[(i * 7) % ls.length] ?? "", ls[i % ls.length] ?? ""];
          else if (op === "tab") ls[i % ls.length] = (ls[i % ls.length] ?? "").replace(/\t/g, "\t\t");
          else ls[i % ls.length] = (ls[i % ls.length] ?? "").replace(/\d/g, "9");
        }
        expect(auditOf(ls.join("\n")).ms).toBeLessThan(3000);
      }),
      { numRuns: 60 },
    );
  });

  it("the seed truncated at a byte boundary inside a character is still read (GB18030 fallback or replacement)", () => {
    const bytes = new TextEncoder().encode(seed);
    let cut = 10_000;
    while ((bytes[cut]! & 0xc0) !== 0x80) cut++; // inside a multi-byte character
    const { findings } = auditOf(bytes.subarray(0, cut));
    expect(findings.filter((f) => f.rule.startsWith("read.")).map((f) => f.rule)).toEqual(["read.encoding"]);
    expect(findings.some((f) => f.rule === "narrative.change")).toBe(true); // still read as UTF-8: the 63.79% is found
  });

  it("a huge line: cut at the limit with a finding, in bounded time", () => {
    const { findings, ms } = auditOf(`标题\n${"收入4117.91万元，占4.5%，".repeat(60_000)}\n`);
    expect(findings.map((f) => f.rule)).toContain("read.line-truncated");
    expect(ms).toBeLessThan(10_000);
  });

  it("a line of pathological characters (long runs of #, *, spaces, digits) stays linear", () => {
    for (const s of [`# ${" ".repeat(150_000)}x`, `${"#".repeat(150_000)}x`, `${"**".repeat(70_000)}x\ty`, `单位名称：${" ".repeat(150_000)}`, "1".repeat(150_000), `占${"一".repeat(150_000)}`]) {
      expect(auditOf(s).ms, s.slice(0, 12)).toBeLessThan(5000);
    }
  });

  it("a row of 10^5 tab cells: cut to the cell limit with a finding, in bounded time", () => {
    const row = Array.from({ length: 100_000 }, (_, i) => String(i % 1000)).join("\t");
    const { findings, ms } = auditOf(`## 2021年部门支出总体情况表\n\n单位：万元\n\n科目编码\t合计\n${row}\n`);
    expect(findings.map((f) => f.rule)).toContain("read.row-truncated");
    expect(ms).toBeLessThan(10_000);
  });

  it("many tables and many rows: linear enough", () => {
    const table = (n: number) => `## 2021年部门支出总体情况表\n\n单位：万元\n\n科目编码\t\t\t单位代码\t单位（科目名称）\t合计\t基本支出\t项目支出\n类\t款\t项\n\t\t\t\t合计\t${n}.00\t${n}.00\t\n${Array.from({ length: n }, () => `201\t01\t01\t\t行政运行\t1.00\t1.00\t`).join("\n")}\n`;
    const { ms, findings } = auditOf(table(20_000));
    expect(findings.some((f) => f.rule === "duplicate.code-rows")).toBe(true);
    expect(ms).toBeLessThan(15_000);
  });
});
