/**
 * 中央 9 张表 — the Ministry of Finance's layout for central departments, followed by several provinces:
 * 9 tables in 万元, functional rows 类 → 款 → 项 with each level a subtotal of the next.
 */
import { BUDGET_NARRATIVE } from "./henan13.ts";
import type { TemplateDefinition, TemplateTable } from "./types.ts";
import { STANDARD_EXEMPT_NOTE } from "../exempt.ts";

function table(n: number, t: Omit<TemplateTable, "id" | "number" | "unit" | "precision" | "title" | "emptyNote"> & { title: string; empty: string }): TemplateTable {
  const { title, empty, ...rest } = t;
  return {
    id: `c${n}`,
    number: n,
    title: { department: `{year}年${title}`, unit: `{year}年${title.replace(/^部门/, "单位")}` },
    emptyNote: { department: `本单位{year}年${empty}。`, unit: `本单位{year}年${empty}。` },
    unit: "万元",
    precision: 2,
    ...rest,
  };
}

const FUNCTIONAL = ["功能分类科目编码", "科目名称"];

const TABLES: readonly TemplateTable[] = [
  table(1, { title: "部门收支总表", alsoTitled: ["收支总表"], kind: "summary", shape: "central.summary", columns: ["收入 项目", "预算数", "支出 项目（功能分类类）", "预算数"], rows: "balance", required: true, empty: "无收支预算" }),
  table(2, { title: "部门收入总表", alsoTitled: ["收入总表"], kind: "income", shape: "central.income", columns: [...FUNCTIONAL, "合计", "上年结转", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "事业收入", "事业单位经营收入", "其他收入"], rows: "functional", required: true, empty: "无收入预算" }),
  table(3, { title: "部门支出总表", alsoTitled: ["支出总表"], kind: "expenditure", shape: "central.by-nature.all", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, empty: "无支出预算" }),
  table(4, { title: "财政拨款收支总表", kind: "appropriation", shape: "central.appropriation.carry", columns: ["收入 项目（本年收入、上年结转）", "预算数", "支出 项目（本年支出按功能分类类、结转下年）", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"], rows: "balance", required: true, empty: "无财政拨款收支" }),
  table(5, { title: "一般公共预算支出表", kind: "gpb-expenditure", shape: "central.gpb-expenditure", columns: [...FUNCTIONAL, "合计", "基本支出 小计", "人员经费", "公用经费", "项目支出"], rows: "functional", required: true, empty: "无一般公共预算支出" }),
  table(6, { title: "一般公共预算基本支出表", kind: "gpb-basic", shape: "central.gpb-basic", columns: ["部门预算支出经济分类科目编码", "科目名称", "合计", "人员经费", "公用经费"], rows: "economic", required: true, empty: "无一般公共预算基本支出" }),
  table(7, { title: "一般公共预算“三公”经费支出表", alsoTitled: ["“三公”经费支出表"], kind: "three-public", shape: "central.three-public", columns: ["年度", "合计", "因公出国（境）费", "公务用车购置及运行费（小计、购置费、运行费）", "公务接待费"], rows: "items", required: true, empty: "无“三公”经费预算支出" }),
  table(8, { title: "政府性基金预算支出表", alsoTitled: ["政府性基金支出表"], kind: "government-fund", shape: "central.by-nature.government-fund", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, empty: "无政府性基金预算支出" }),
  table(9, { title: "国有资本经营预算支出表", kind: "state-capital", shape: "central.by-nature.state-capital", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, empty: "无国有资本经营预算支出" }),
];

export const CENTRAL9: TemplateDefinition = {
  id: "central9",
  name: "中央部门预算公开 9 张表",
  nameEn: "Central department budget, 9 tables",
  shortName: "中央9张表",
  appliesTo: { level: "central", region: "中央部门（及沿用此样式的省份）", years: { from: 2017 }, document: "budget" },
  contentsNumbering: "chinese",
  unitNameLabel: { department: "单位名称", unit: "单位名称" },
  narrativeUnit: "万元",
  // no document of this template prescribes a wording for withheld (涉密) content: the standard one
  exemptNote: STANDARD_EXEMPT_NOTE,
  tables: TABLES,
  narrative: BUDGET_NARRATIVE,
};
