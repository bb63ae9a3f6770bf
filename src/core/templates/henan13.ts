/**
 * 河南 13 张表 — the layout of Henan's department budgets (the seed, 洛阳市洛龙区 2021; domain.md §4):
 * 13 tables in 万元, unit rows and 类/款/项 code columns, two 绩效目标 tables.
 */
import type { NarrativeSection, TemplateDefinition, TemplateTable } from "./types.ts";
import { STANDARD_EXEMPT_NOTE } from "../exempt.ts";

const WAN = { unit: "万元", precision: 2 } as const;

/** A Henan table: the department's title, its unit variant (部门 → 单位), and its note when empty (本单位{year}年 + `empty`). */
function table(n: number, t: Omit<TemplateTable, "id" | "number" | "unit" | "precision" | "title" | "emptyNote"> & { title: string; empty: string }): TemplateTable {
  const { title, empty, ...rest } = t;
  return {
    id: `t${String(n).padStart(2, "0")}`,
    number: n,
    title: { department: `{year}年${title}`, unit: `{year}年${title.replace(/^部门(?!（单位）)/, "单位")}` },
    emptyNote: { department: `本单位{year}年${empty}。`, unit: `本单位{year}年${empty}。` },
    ...WAN,
    ...rest,
  };
}

const SOURCES = ["一般公共预算（财政拨款、行政事业性收费、专项收入、国有资产资源有偿使用收入、政府住房基金收入）", "政府性基金预算", "国有资本经营预算", "财政专户", "上级提前告知转移支付", "部门财政性资金结转", "其他收入"];

const TABLES: readonly TemplateTable[] = [
  table(1, { title: "部门收支总体情况表", alsoTitled: ["收支总体情况表"], kind: "summary", shape: "henan.summary", columns: ["收入 项目", "金额", "支出 项目", "合计", ...SOURCES], rows: "balance", required: true, empty: "无收支预算" }),
  table(2, { title: "部门收入总体情况表", alsoTitled: ["收入总体情况表"], kind: "income", shape: "henan.income", columns: ["科目编码 类/款/项", "单位代码", "单位（科目名称）", "总计", ...SOURCES], rows: "unit-functional", required: true, empty: "无收入预算" }),
  table(3, { title: "部门支出总体情况表", alsoTitled: ["支出总体情况表"], kind: "expenditure", shape: "henan.expenditure.all", columns: ["科目编码 类/款/项", "单位代码", "单位（科目名称）", "合计", "基本支出（按经济分类类）", "项目支出（按项目类别）"], rows: "unit-functional", required: true, empty: "无支出预算" }),
  table(4, { title: "财政拨款收支总体情况表", kind: "appropriation", shape: "henan.appropriation", columns: ["收入 项目", "金额", "支出 项目（每一类）", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"], rows: "balance", required: true, empty: "无财政拨款收支" }),
  table(5, { title: "一般公共预算支出情况表", kind: "gpb-expenditure", shape: "henan.expenditure.gpb", columns: ["科目编码 类/款/项", "单位代码", "单位（科目名称）", "合计", "基本支出", "项目支出"], rows: "unit-functional", required: true, empty: "无一般公共预算支出" }),
  table(6, { title: "支出预算分类汇总表（按支出经济分类）", alsoTitled: ["支出预算分类汇总表（按经济分类）", "支出预算分类汇总表"], kind: "economic", shape: "henan.economic", columns: ["科目编码 类/款", "科目名称", "合计", "基本支出", "项目支出"], rows: "economic", required: true, empty: "无支出预算" }),
  table(7, { title: "一般公共预算“三公”经费支出情况表", alsoTitled: ["“三公”经费支出情况表"], kind: "three-public", shape: "henan.three-public", columns: ["项目", "“三公”经费预算数"], rows: "items", required: true, empty: "无“三公”经费预算支出" }),
  table(8, { title: "政府性基金预算支出情况表", alsoTitled: ["政府性基金支出情况表"], kind: "government-fund", shape: "henan.expenditure.government-fund", columns: ["科目编码 类/款/项", "单位代码", "单位（科目名称）", "合计", "基本支出", "项目支出"], rows: "unit-functional", required: true, empty: "无政府性基金预算支出" }),
  table(9, { title: "机关运行经费", alsoTitled: ["机关运行经费表", "机关运行经费支出表"], kind: "operating-cost", shape: "henan.operating-cost", columns: ["科目编码", "科目名称", "机关运行经费支出"], rows: "economic", required: true, empty: "无机关运行经费" }),
  table(10, { title: "国有资本经营预算支出情况表", kind: "state-capital", shape: "henan.expenditure.state-capital", columns: ["科目编码 类/款/项", "单位代码", "单位（科目名称）", "合计", "基本支出", "项目支出"], rows: "unit-functional", required: true, empty: "无国有资本经营预算支出" }),
  table(11, { title: "一般公共预算基本支出预算表", kind: "gpb-basic", shape: "henan.gpb-basic", columns: ["部门预算支出经济分类", "政府预算支出经济分类", "合计", "人员经费", "公用经费"], rows: "economic", required: true, empty: "无一般公共预算基本支出" }),
  table(12, { title: "部门（单位）整体绩效目标表", alsoTitled: ["部门整体绩效目标表", "整体绩效目标申报表"], kind: "department-targets", shape: "henan.department-targets", columns: ["部门（单位）名称", "年度主要任务", "金额", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值"], rows: "form", required: true, empty: "未设置部门整体绩效目标" }),
  table(13, { title: "部门（单位）预算项目绩效目标汇总表", alsoTitled: ["预算项目绩效目标汇总表", "项目绩效目标表"], kind: "project-targets", shape: "henan.project-targets", columns: ["项目名称", "资金（合计/财政拨款/其他）", "产出指标", "效益指标", "满意度指标"], rows: "form", required: true, empty: "无预算项目" }),
];

/** 第二部分 情况说明 as the seed and Yusuan's narrative write it (domain.md §4). */
export const BUDGET_NARRATIVE: readonly NarrativeSection[] = [
  { heading: "一、收入支出预算总体情况", states: ["收支总额", "比上年增减及原因"], topics: ["total"], required: true },
  { heading: "二、收入预算总体情况", states: ["各项收入及占比"], topics: ["income"], required: true },
  { heading: "三、支出预算总体情况", states: ["基本支出、项目支出及占比"], topics: ["expenditure"], required: true },
  { heading: "四、财政拨款收支总体情况", states: ["财政拨款收支总额", "比上年增减及原因"], topics: ["appropriation"], required: true },
  { heading: "五、一般公共预算支出情况", states: ["按类的金额及占比", "比上年增减及原因"], topics: ["gpb"], required: true },
  { heading: "六、一般公共预算基本支出情况", states: ["人员经费、公用经费及其构成"], topics: ["economic"], required: true },
  { heading: "七、一般公共预算“三公”经费支出情况", states: ["各项“三公”经费", "比上年增减及原因"], topics: ["three-public"], required: true },
  { heading: "八、政府性基金预算支出情况", states: ["金额，无则说明"], topics: ["government-fund"], required: true },
  { heading: "九、国有资本经营预算支出情况", states: ["金额，无则说明"], topics: ["state-capital"], required: true },
  { heading: "十、其他重要事项的情况说明", states: ["机关运行经费", "政府采购（货物、工程、服务）", "绩效目标设置", "国有资产占用（车辆、单价50万元以上设备）"], topics: ["operating-cost", "procurement", "performance", "assets"], required: true },
];

export const HENAN13: TemplateDefinition = {
  id: "henan13",
  name: "河南省部门预算公开 13 张表",
  nameEn: "Henan department budget, 13 tables",
  shortName: "河南13张表",
  appliesTo: { level: "province", region: "河南省", years: { from: 2019 }, document: "budget" },
  contentsNumbering: "chinese",
  unitNameLabel: { department: "单位名称", unit: "单位名称" },
  narrativeUnit: "万元",
  // no document of this template prescribes a wording for withheld (涉密) content: the standard one
  exemptNote: STANDARD_EXEMPT_NOTE,
  tables: TABLES,
  narrative: BUDGET_NARRATIVE,
};
