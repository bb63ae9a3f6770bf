/**
 * Acceptance: `yusuan audit` on the seed (a real published budget) reports every inconsistency, each
 * kept in test/audit/golden/seed-findings.txt with a one-line justification after "#". When the findings
 * change on purpose, run `npm run golden:update`: justifications of
 * unchanged lines are kept, new lines get "# TODO" and the test fails until a person writes one.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readGolden, updatingGolden } from "../support/golden.ts";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { importText } from "../../src/audit/importers/text.ts";
import type { Finding } from "../../src/core/rules/finding.ts";
import { SEED, catalog2021, seedText } from "./support.ts";

const GOLDEN = "test/audit/golden/seed-findings.txt";

/** One finding as a golden line: severity, rule, line and place, the Chinese message. */
export function goldenLine(f: Finding): string {
  const l = f.location;
  const where = l.kind === "table" ? `L${l.line ?? "?"} ${l.table}${l.row !== undefined ? ` 第${l.row + 1}行` : ""}` : l.kind === "text" ? `L${l.line ?? "?"} ${l.section}` : l.path;
  return [f.severity, f.rule, where, f.message.split(" / ")[0]].join("\t");
}

const doc = assembleDocument(SEED, [importText(SEED, seedText())]);
const findings = auditDocument(doc, () => catalog2021).findings;
const lines = findings.map(goldenLine);

describe("the seed (000_2c1185df0258d2c4.txt)", () => {
  it("reports exactly the findings of the golden file, each justified", () => {
    const old = existsSync(GOLDEN) ? readFileSync(GOLDEN, "utf8").split("\n").filter((x) => x.trim() !== "" && !x.startsWith("//")) : [];
    const why = new Map(old.map((x) => [x.slice(0, x.lastIndexOf("\t#")), x.slice(x.lastIndexOf("\t#") + 2).trim()]));
    if (updatingGolden()) {
      const header = "// severity\trule\twhere\tmessage\t# why it is right (one line each; generated lines keep their justification)";
      writeFileSync(GOLDEN, `${[header, ...lines.map((l) => `${l}\t# ${why.get(l) ?? "TODO"}`)].join("\n")}\n`);
    }
    const golden = readGolden(GOLDEN).split("\n").filter((x) => x.trim() !== "" && !x.startsWith("//"));
    expect(lines).toEqual(golden.map((x) => x.slice(0, x.lastIndexOf("\t#"))));
    const unjustified = golden.filter((x) => /\t#\s*(TODO)?\s*$/.test(x));
    expect(unjustified).toEqual([]);
  });

  it("finds what domain.md §6 names, and the others, at error level", () => {
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.actual ?? ""}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        "narrative.amount 8万元", // 机关运行经费 8 vs table 9's 5.30
        "cross.general-public-budget 174.41", // table 11's 人员经费 vs 170.57
        "narrative.change 63.79%",
        "narrative.share 4.5%",
        "narrative.amount 4096.06万元",
        "mapping.personnel-public 人员经费",
        "mapping.government-code 50202",
        "mapping.government-code 50501",
        "duplicate.row 30201",
        "operating-cost.basic-public 5.30",
        "project.code 313001",
        "complete.tables ",
      ]),
    );
  });

  it("raises no false alarm on what is right: table 2 by code, 城乡社区事务, the balances, table 13's total", () => {
    const rules = findings.map((f) => f.rule);
    for (const r of ["sum.row-parts", "sum.column", "sum.balance", "cross.totals", "cross.appropriation", "code.class-list", "code.functional", "project.total", "narrative.parts"]) expect(rules).not.toContain(r);
  });
});
