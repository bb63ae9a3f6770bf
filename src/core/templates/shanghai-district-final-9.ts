/**
 * 上海区级部门决算 9 张表 — the final accounts (部门决算) Shanghai's districts publish, read from 上海市普陀区's
 * blank 部门决算模板 and a real 2024 部门决算 (中共上海市普陀区委社会工作部) in the corpus: 9 tables, all in
 * 万元, titled without the year and numbered 一、… in the contents; an empty fund table keeps its layout and
 * says "本部门本年度没有…，故本表无数据。". Its narrative (第三部分 部门决算情况说明) has one section per table,
 * then 十、预算绩效管理情况 and 十一、其他重要事项说明 (机关运行经费, 政府采购, 国有资产).
 *
 * The table set is the Ministry of Finance's 部门决算 公开 form, which districts have printed since before
 * 2021; the corpus confirms it for 2024 only, so no year bound is set.
 */
import type { NarrativeSection, TemplateDefinition, TemplateTable } from "./types.ts";

type Spec = Omit<TemplateTable, "id" | "number" | "precision" | "title" | "emptyNote" | "unit"> & {
  title: string;
  /** what the 本部门本年度没有… note says is absent */
  absent: string;
};

function table(n: number, s: Spec): TemplateTable {
  const { title, absent, ...rest } = s;
  return {
    id: `fa${n}`,
    number: n,
    title: { department: title, unit: title },
    emptyNote: { department: `本部门本年度没有${absent}，故本表无数据。`, unit: `本单位本年度没有${absent}，故本表无数据。` },
    unit: "万元",
    precision: 2,
    ...rest,
  };
}

const FUNCTIONAL = ["功能分类科目编码", "科目名称"];
const FUND_COLUMNS = [...FUNCTIONAL, "年初结转和结余", "本年收入", "本年支出 合计 / 基本支出 / 项目支出", "年末结转和结余"];

const TABLES: readonly TemplateTable[] = [
  table(1, { title: "收入支出决算总表", kind: "final-summary", shape: "final.summary", columns: ["收入 项目", "决算数", "支出 项目（功能分类类）", "决算数"], rows: "balance", required: true, absent: "收入和支出" }),
  table(2, { title: "收入决算表", kind: "final-income", shape: "final.income", columns: [...FUNCTIONAL, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], rows: "functional", required: true, absent: "收入" }),
  table(3, { title: "支出决算表", kind: "final-expenditure", shape: "final.expenditure", columns: [...FUNCTIONAL, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], rows: "functional", required: true, absent: "支出" }),
  table(4, { title: "财政拨款收入支出决算总表", kind: "final-appropriation", shape: "final.appropriation", columns: ["收入 项目", "决算数", "支出 项目（功能分类类）", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"], rows: "balance", required: true, absent: "财政拨款收入和支出" }),
  table(5, { title: "一般公共预算财政拨款支出决算表", kind: "final-gpb-expenditure", shape: "final.gpb-expenditure", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, absent: "一般公共预算财政拨款支出" }),
  table(6, { title: "一般公共预算财政拨款基本支出决算表", kind: "final-gpb-basic", shape: "final.gpb-basic", columns: ["经济分类科目编码", "科目名称", "决算数（人员经费）", "经济分类科目编码", "科目名称", "决算数（公用经费）"], rows: "economic", required: true, absent: "一般公共预算财政拨款基本支出" }),
  table(7, { title: "财政拨款“三公”经费支出决算表", kind: "final-three-public", shape: "final.three-public", columns: ["合计", "因公出国（境）费", "公务用车购置及运行维护费（小计、购置费、运行维护费）", "公务接待费", "each 预算数 / 决算数"], rows: "items", required: true, absent: "财政拨款“三公”经费支出" }),
  table(8, { title: "政府性基金预算财政拨款收入支出决算表", kind: "final-government-fund", shape: "final.government-fund", columns: FUND_COLUMNS, rows: "functional", required: true, absent: "政府性基金预算财政拨款收入和支出" }),
  table(9, { title: "国有资本经营预算财政拨款收入支出决算表", kind: "final-state-capital", shape: "final.state-capital", columns: FUND_COLUMNS, rows: "functional", required: true, absent: "国有资本经营预算财政拨款收入和支出" }),
];

/** 第三部分 部门决算情况说明, as the Putuo 决算 prints it. */
const NARRATIVE: readonly NarrativeSection[] = [
  { heading: "一、收入支出决算总体情况说明", states: ["收入支出总计", "与上年度相比增减及原因"], topics: ["total"], headingWords: ["收入支出决算总体情况"], required: true },
  { heading: "二、收入决算情况说明", states: ["本年收入合计", "各项收入及占比"], topics: ["income"], headingWords: ["收入决算情况"], required: true },
  { heading: "三、支出决算情况说明", states: ["本年支出合计", "基本支出、项目支出及占比"], topics: ["expenditure"], headingWords: ["支出决算情况"], required: true },
  { heading: "四、财政拨款收入支出决算总体情况说明", states: ["财政拨款收入支出总计", "与上年度相比增减及原因"], topics: ["appropriation"], headingWords: ["财政拨款收入支出决算"], required: true },
  { heading: "五、一般公共预算财政拨款支出决算情况说明", states: ["总体情况与上年度比较", "结构（按类）及占比", "具体情况：各项的全年预算、决算数、完成率及差异原因"], topics: ["gpb"], headingWords: ["一般公共预算财政拨款支出决算"], required: true },
  { heading: "六、一般公共预算财政拨款基本支出决算情况说明", states: ["人员经费、公用经费及主要构成"], topics: ["economic"], headingWords: ["基本支出决算"], required: true },
  { heading: "七、财政拨款“三公”经费支出决算情况说明", states: ["“三公”经费各项的预算数、决算数及差异原因"], topics: ["three-public"], headingWords: ["三公"], required: true },
  { heading: "八、政府性基金预算财政拨款收入支出决算情况说明", states: ["收入、支出及结转结余，或没有"], topics: ["government-fund"], headingWords: ["政府性基金"], required: true },
  { heading: "九、国有资本经营预算财政拨款收入支出决算情况说明", states: ["收入、支出及结转结余，或没有"], topics: ["state-capital"], headingWords: ["国有资本经营"], required: true },
  { heading: "十、预算绩效管理情况", states: ["绩效目标、绩效自评的项目个数、金额及结果"], topics: ["performance"], headingWords: ["预算绩效管理"], required: true },
  { heading: "十一、其他重要事项的情况说明", states: ["机关运行经费支出及与上年度比较", "政府采购支出", "国有资产占有使用情况"], topics: ["operating-cost"], headingWords: ["其他重要事项"], required: true },
];

export const SHANGHAI_DISTRICT_FINAL_9: TemplateDefinition = {
  id: "shanghai-district-final-9",
  name: "上海市区级部门决算公开 9 张表",
  nameEn: "Shanghai district department final accounts, 9 tables",
  shortName: "上海区级决算9张表",
  appliesTo: { level: "district", region: "上海市各区", years: {}, document: "final-accounts" },
  contentsNumbering: "chinese",
  unitNameLabel: { department: "编制部门", unit: "编制单位" },
  narrativeUnit: "万元",
  tables: TABLES,
  narrative: NARRATIVE,
};
