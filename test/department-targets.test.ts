/**
 * Table 12 (部门整体绩效目标表) prints every indicator the data has, the 可持续性 block included, each with its
 * 指标解释 and 指标说明 (issue 18 item 6). The sample leaves 可持续性 out (the published form has only the
 * template's placeholders there, ASSUMPTIONS.md row 14), so this budget adds the block as the seed's form
 * words it, with values, and every format must print it and read back without a finding above info.
 */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../src/audit/core/assemble.ts";
import { auditDocument } from "../src/audit/core/audit.ts";
import { interpret } from "../src/audit/core/interpret.ts";
import { importBytes } from "../src/audit/importers/dispatch.ts";
import { deriveAll } from "../src/core/disclosure.ts";
import type { Budget, Indicator } from "../src/core/model.ts";
import { createRuleContext } from "../src/core/rules/engine.ts";
import { runRules } from "../src/core/rules/index.ts";
import { RENDERERS } from "../src/formats/renderers.ts";
import { beyondData, catalog2021, sampleBudget } from "./audit/support.ts";

/** The seed's 可持续性 block (its rows 506–513), with values where the form left them blank. */
const SUSTAINABILITY: Indicator[] = [
  { level1: "可持续性", level2: "体制机制改革情况", level3: "社区治理体制改革", target: { kind: "qualitative", text: "按计划完成" }, explanation: "反映本部门体制机制改革对部门可持续发展的支撑情况", method: "分项具体列示本部门体制机制改革情况。" },
  { level1: "可持续性", level2: "创新能力", level3: "智慧社区建设创新", target: { kind: "qualitative", text: "明显" }, explanation: "反映本部门创新事项对部门可持续发展的支撑情况", method: "分项具体列示本部门创新事项情况。" },
  { level1: "可持续性", level2: "人才支撑", level3: "培训计划执行率", target: { kind: "numeric", comparator: "≥", value: "90", unit: "%" }, explanation: "反映人才培养、教育培训和人才比重情况。", method: "培训计划执行率=实际完成培训人次/计划培训人次×100%。" },
];

async function budgetWithSustainability(): Promise<Budget> {
  const b = await sampleBudget();
  b.targets!.indicators.push(...SUSTAINABILITY);
  return b;
}

describe("table 12: the 可持续性 block", async () => {
  const budget = await budgetWithSustainability();
  const department = deriveAll(budget, catalog2021, "henan13")[0]!;
  const t12 = department.tables.find((t) => t.id === "t12")!;

  it("the data is sound: the rules find no error in it", () => {
    const findings = runRules(createRuleContext(budget, catalog2021)).filter((f) => f.severity === "error");
    expect(findings.map((f) => f.rule)).toEqual([]);
  });

  it("prints each indicator with its target, 指标解释 and 指标说明, 一级 merged over the block", () => {
    const rows = t12.rows.map((r) => r.cells);
    const at = rows.findIndex((c) => c[0] === "可持续性");
    expect(at).toBeGreaterThan(0);
    SUSTAINABILITY.forEach((ind, i) => {
      const cells = rows[at + i]!;
      expect(cells.slice(1, 6)).toEqual([ind.level2, ind.level3, i === 2 ? "≥90%" : (ind.target as { text: string }).text, ind.explanation, ind.method]);
    });
    expect(t12.merges).toContainEqual({ row: at, col: 0, rowSpan: 3, colSpan: 1 });
    // and every other indicator is still there
    const printed = new Set(rows.map((c) => c[2]));
    for (const ind of budget.targets!.indicators) expect(printed.has(ind.level3), ind.level3).toBe(true);
  });

  for (const format of ["txt", "json", "html", "xlsx", "pdf"] as const) {
    it(`${format}: printed, read back and audited clean`, { timeout: 120_000 }, async () => {
      const r = RENDERERS[format]!;
      const out = await r.render(department);
      const file = await importBytes(r.file, typeof out === "string" ? new Uint8Array(Buffer.from(out)) : out);
      const doc = assembleDocument(r.file, [file]);
      const read = interpret(doc).departmentTargets;
      expect(read, format).toBeDefined();
      const text = JSON.stringify(file.tables.find((x) => x.title === t12.title));
      for (const ind of SUSTAINABILITY) {
        expect(text).toContain(ind.level3);
        expect(text).toContain(ind.method!);
      }
      const findings = beyondData(auditDocument(doc, () => catalog2021).findings, budget);
      expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  }
});
