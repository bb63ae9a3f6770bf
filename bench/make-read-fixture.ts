/**
 * Writes bench/fixtures/budget-400.yaml, the reading benchmark's input (run once; the file is committed):
 * a generated department of three units written the way the sample is — one line item, indicator or
 * procurement row per line in flow style, the rest in block style — about 400 lines in all.
 * `tsx bench/make-read-fixture.ts [seed] [line items]`
 */
import { writeFileSync } from "node:fs";
import { Document, isMap, isSeq, visit } from "yaml";
import { REASON_KEYS } from "../src/core/model.ts";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { generateBudget } from "../test/support/generate.ts";

const seed = Number(process.argv[2] ?? 7);
const lineItems = Number(process.argv[3] ?? 130);
const budget = generateBudget(seed, { units: [3, 3], lineItems: [lineItems, lineItems], projects: [10, 10] });
const file = budgetToFile(budget) as Record<string, unknown> & { projects: Record<string, unknown>[]; units: Record<string, unknown>[] };
// What a department that passes check writes besides its figures: three levels of indicators with their
// values, the assets, and a reason for each change against last year.
for (const p of file.projects) {
  p.indicators = [
    { level1: "产出指标", level2: "数量指标", level3: "完成项目数量", target: "≥1项" },
    { level1: "产出指标", level2: "时效指标", level3: "完成时限", target: "2021年12月底前" },
    { level1: "效益指标", level2: "社会效益指标", level3: "服务水平", target: "明显提升" },
    { level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", target: "≥95%" },
  ];
}
const assets = { asOf: "2020-12-31", vehicles: { 一般公务用车: 2 }, generalEquipmentOver500k: 0, specialEquipmentOver1m: 0 };
file.assets = assets;
const reasons = Object.fromEntries(REASON_KEYS.map((k) => [k, "按照年度工作任务和过紧日子要求据实编列。"]));
file.reasons = reasons;
for (const u of file.units) {
  u.assets = assets;
  if (u.prior) u.reasons = reasons;
}
// as people keep them: by unit, basic before project, then by code
const order = (l: Record<string, unknown>) => [l.unit, l.nature === "basic" ? 0 : 1, l.project ?? "", l.functional, l.economic].join("|");
file.lineItems = (file.lineItems as Record<string, unknown>[]).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
const doc = new Document(file, { aliasDuplicateObjects: false });
const ROWS = new Set(["lineItems", "indicators", "procurement", "income"]);
visit(doc, {
  Pair(_, pair) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? "");
    if (ROWS.has(key) && isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    if (key === "staffing" && isMap(pair.value)) pair.value.flow = true;
  },
});
const header = `# 读取基准 — the reading benchmark's budget: generated (tsx bench/make-read-fixture.ts ${seed} ${lineItems}), about 400 lines.\n`;
const text = header + doc.toString({ lineWidth: 0, flowCollectionPadding: true });
writeFileSync(new URL("fixtures/budget-400.yaml", import.meta.url), text);
console.log(`${text.split("\n").length - 1} lines`);
