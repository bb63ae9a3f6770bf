/**
 * 上海区级部门预算 2025 — the 9 tables Shanghai's districts publish (read from 上海市普陀区's 2025
 * documents in the corpus): tables 1–8 in 元 with two decimals, table 9 and the narrative in 万元.
 * A department prints 部门 and 编制部门; a unit's own document prints 预算单位 (table 9: 单位) and 编制单位.
 * Empty tables are printed with the note "本部门2025年无…，故本表为空表。".
 */
import type { NarrativeSection, TemplateDefinition, TemplateTable } from "./types.ts";
import { STANDARD_EXEMPT_NOTE } from "../exempt.ts";

type Spec = Omit<TemplateTable, "id" | "number" | "precision" | "title" | "emptyNote" | "unit"> & {
  /** the title after 部门 / 预算单位 */
  title: string;
  /** what the 本部门无… note says is absent */
  absent: string;
  unit?: TemplateTable["unit"];
  /** the word a unit's document prints for 部门 (default 预算单位) */
  unitWord?: string;
};

function table(n: number, s: Spec): TemplateTable {
  const { title, absent, unit, unitWord, ...rest } = s;
  return {
    id: `sh${n}`,
    number: n,
    title: { department: `{year}年部门${title}`, unit: `{year}年${unitWord ?? "预算单位"}${title}` },
    emptyNote: { department: `本部门{year}年无${absent}，故本表为空表。`, unit: `本单位{year}年无${absent}，故本表为空表。` },
    unit: unit ?? "元",
    precision: 2,
    ...rest,
  };
}

const FUNCTIONAL = ["功能分类科目编码 类/款/项", "功能分类科目名称"];

const TABLES: readonly TemplateTable[] = [
  table(1, { title: "财务收支预算总表", kind: "summary", shape: "central.summary", columns: ["本年收入 项目", "预算数", "本年支出 项目（功能分类类）", "预算数"], rows: "balance", required: true, absent: "收支预算" }),
  table(2, { title: "收入预算总表", kind: "income", shape: "central.income", columns: [...FUNCTIONAL, "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"], rows: "functional", required: true, absent: "收入预算" }),
  table(3, { title: "支出预算总表", kind: "expenditure", shape: "central.by-nature.all", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, absent: "支出预算" }),
  table(4, { title: "财政拨款收支预算总表", kind: "appropriation", shape: "central.appropriation", columns: ["财政拨款收入 项目", "预算数", "财政拨款支出 项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"], rows: "balance", required: true, absent: "财政拨款收支预算" }),
  table(5, { title: "一般公共预算支出功能分类预算表", kind: "gpb-expenditure", shape: "central.by-nature.gpb", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, absent: "一般公共预算财政拨款安排的预算" }),
  table(6, { title: "政府性基金预算支出功能分类预算表", kind: "government-fund", shape: "central.by-nature.government-fund", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, absent: "政府性基金预算财政拨款安排的预算" }),
  table(7, { title: "国有资本经营预算支出功能分类预算表", kind: "state-capital", shape: "central.by-nature.state-capital", columns: [...FUNCTIONAL, "合计", "基本支出", "项目支出"], rows: "functional", required: true, absent: "国有资本经营预算财政拨款安排的预算" }),
  table(8, { title: "一般公共预算基本支出部门预算经济分类预算表", kind: "gpb-basic", shape: "central.gpb-basic", columns: ["部门预算经济分类科目编码 类/款", "经济分类科目名称", "合计", "人员经费", "公用经费"], rows: "economic", required: true, absent: "一般公共预算基本支出" }),
  table(9, {
    title: "“三公”经费和机关运行经费预算表",
    unitWord: "单位",
    kind: "three-public",
    shape: "shanghai.three-public-operating-cost",
    columns: ["“三公”经费预算数 合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费（小计、购置费、运行费）", "机关运行经费预算数"],
    rows: "items",
    unit: "万元",
    required: true,
    absent: "“三公”经费和机关运行经费预算",
  }),
];

/** 四、预算编制说明 and the sections after the tables, as the Putuo documents print them. */
const NARRATIVE: readonly NarrativeSection[] = [
  { heading: "四、部门预算编制说明", states: ["收入预算及财政拨款收入比上年增减", "支出预算及财政拨款支出比上年增减", "增减的主要原因", "财政拨款支出主要内容（按功能分类项级科目）"], topics: ["total"], headingWords: ["预算编制说明"], gathers: ["total", "income", "expenditure", "appropriation", "gpb", "economic"], required: true },
  { heading: "六、其他相关情况说明（一）“三公”经费预算情况说明", states: ["“三公”经费及各项比上年增减"], topics: ["three-public"], headingWords: ["三公"], required: true },
  { heading: "六、其他相关情况说明（二）机关运行经费预算", states: ["机关运行经费预算数"], topics: ["operating-cost"], headingWords: ["机关运行经费"], required: true },
  { heading: "六、其他相关情况说明（三）政府采购预算情况", states: ["政府采购货物、工程、服务预算", "面向中小企业预留"], topics: ["procurement"], headingWords: ["政府采购"], required: true },
  { heading: "六、其他相关情况说明（四）绩效目标设置情况", states: ["编报绩效目标的项目个数及资金"], topics: ["performance"], headingWords: ["绩效目标"], required: true },
  { heading: "六、其他相关情况说明（五）国有资产占有使用情况", states: ["车辆（按用途）", "单价100万元（含）以上设备", "本年安排购置的车辆和设备"], topics: ["assets"], headingWords: ["国有资产"], required: true },
  { heading: "七、项目经费情况说明", states: ["每个重点项目：概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标"], topics: [], headingWords: ["项目经费情况说明"], required: false },
];

export const SHANGHAI_DISTRICT_2025: TemplateDefinition = {
  id: "shanghai-district-2025",
  name: "上海市区级部门预算公开 9 张表（2025）",
  nameEn: "Shanghai district department budget, 9 tables (2025)",
  shortName: "上海区级9张表",
  appliesTo: { level: "district", region: "上海市各区", years: { from: 2025, to: 2025 }, document: "budget" },
  contentsNumbering: "arabic",
  unitNameLabel: { department: "编制部门", unit: "编制单位" },
  narrativeUnit: "万元",
  // no document of this template prescribes a wording for withheld (涉密) content: the standard one
  exemptNote: STANDARD_EXEMPT_NOTE,
  tables: TABLES,
  narrative: NARRATIVE,
};
