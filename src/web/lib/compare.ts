/**
 * 与上年比较 — this year's figures (the core's, from the content) beside the prior-year figures the budget
 * carries, for the reviewer's side-by-side view. A change against a zero or missing base is "不适用".
 */
import type { CatalogIndex } from "../../core/catalog.ts";
import { computeFigures } from "../../core/derive/figures.ts";
import { departmentScope } from "../../core/derive/scope.ts";
import { fileToBudget } from "../../formats/budget-file/convert.ts";
import { budgetFileSchema } from "../../formats/budget-file/schema.ts";
import type { Content } from "../api/types.ts";
import { changeText } from "./format.ts";

export interface CompareRow {
  key: string;
  label: string;
  /** 分; undefined when the budget gives no prior figure */
  prior?: number;
  current: number;
  /** nested rows (by 类) are indented */
  level?: number;
}

export function compareWithPrior(content: Content, catalog: CatalogIndex, lang: "zh-CN" | "en"): { rows: CompareRow[]; priorYear?: number; basis?: string } | undefined {
  const parsed = budgetFileSchema.safeParse(content);
  if (!parsed.success) return undefined;
  const budget = fileToBudget(parsed.data);
  const f = computeFigures(departmentScope(budget));
  const p = budget.prior;
  const en = lang === "en";
  const tp = (x: { abroad: number; reception: number; vehiclePurchase: number; vehicleOperation: number } | undefined) => (x ? x.abroad + x.reception + x.vehiclePurchase + x.vehicleOperation : undefined);
  const rows: CompareRow[] = [
    { key: "total", label: en ? "Total expenditure" : "支出合计", prior: p?.total, current: f.total },
    { key: "basic", label: en ? "Basic expenditure" : "基本支出", prior: p?.basic, current: f.basic, level: 1 },
    { key: "project", label: en ? "Project expenditure" : "项目支出", prior: p?.project, current: f.project, level: 1 },
    { key: "appropriation", label: en ? "Appropriations" : "财政拨款支出", prior: p?.appropriation, current: f.appropriation },
    { key: "gpb", label: en ? "General public budget" : "一般公共预算支出", prior: p?.generalPublicBudget, current: f.generalPublicBudget },
  ];
  const classes = new Set([...f.gpbByClass.keys(), ...Object.keys(p?.byClass ?? {})]);
  for (const c of [...classes].sort()) {
    rows.push({ key: `class-${c}`, label: `${c} ${catalog.functionalClassStem(c)}`, prior: p?.byClass?.[c], current: f.gpbByClass.get(c) ?? 0, level: 1 });
  }
  rows.push(
    { key: "personnel", label: en ? "Personnel costs" : "人员经费", prior: p?.personnel, current: f.personnel },
    { key: "public", label: en ? "Public costs" : "公用经费", prior: p?.publicFunds, current: f.publicFunds },
    { key: "three", label: en ? "“Three public” costs" : "“三公”经费", prior: tp(p?.threePublic), current: f.threePublicTotal },
    { key: "operating", label: en ? "Operating costs" : "机关运行经费", prior: p?.operatingCost, current: f.operatingCost },
    { key: "procurement", label: en ? "Government procurement" : "政府采购", prior: p?.procurement, current: f.procurementTotal },
  );
  return { rows, priorYear: p?.year, basis: p?.basis ?? "上年年初预算" };
}

/**
 * (current − prior) / prior as "12.34%", or undefined when the base is zero or missing: the core's
 * `changeRate` on the two amounts in 分 (a float quotient printed 1600万 → 630万 as −60.62%, the narrative
 * −60.63%).
 */
export function changeRate(prior: number | undefined, current: number): string | undefined {
  return changeText(prior, current);
}
