/**
 * 江苏省级部门预算 12 张表 — the tables Jiangsu's provincial departments publish (read from the 2017 and 2018
 * documents in the corpus: 省委办公厅, 省人大常委会办公厅, 省政协办公厅, 省法院, 省检察院), all in 万元.
 * From 2018 each table prints its 表号 above the title (公开01表 … 公开12表) and the order below; 2017 printed no
 * 表号 and put 政府性基金支出预算表 seventh and the "三公" table eleventh (`editions`). A document may print its
 * tables in another order than its own contents page (省委办公厅 2018): the audit reads titles, not positions.
 * Expenditure has a third use beside 基本支出 and 项目支出, 单位预留机动经费, and a 结转下年资金 line; income is
 * printed by income line (财政拨款, 财政专户管理资金, 其他资金, 上年结转资金: `INCOME_LINES` in model.ts).
 */
import type { NarrativeSection, TemplateDefinition, TemplateTable } from "./types.ts";
import { STANDARD_EXEMPT_NOTE } from "../exempt.ts";

type Spec = Omit<TemplateTable, "id" | "number" | "precision" | "title" | "emptyNote" | "unit" | "printedNumber"> & {
  /** the title without the year */
  title: string;
  /** what the 本部门无… note says is absent */
  absent: string;
};

function table(n: number, s: Spec): TemplateTable {
  const { title, absent, ...rest } = s;
  const nn = String(n).padStart(2, "0");
  return {
    id: `js${nn}`,
    number: n,
    printedNumber: `公开${nn}表`,
    title: { department: `{year}年${title}`, unit: `{year}年${title}` },
    emptyNote: { department: `本部门{year}年无${absent}，此表为空。`, unit: `本单位{year}年无${absent}，此表为空。` },
    unit: "万元",
    precision: 2,
    ...rest,
  };
}

const FUNCTIONAL = ["功能科目代码", "功能科目名称", "金额"];
const ECONOMIC = ["科目编码", "科目名称", "金额"];

/** In the 2018 order, which the 公开NN表 numbers follow. */
const TABLES: readonly TemplateTable[] = [
  table(1, { title: "收支预算总表", alsoTitled: ["部门收支预算总表"], kind: "summary", shape: "jiangsu.summary", columns: ["收入 项目名称", "金额", "支出 功能分类 功能科目名称", "金额", "支出 支出用途 项目名称", "金额"], rows: "balance", required: true, absent: "收支预算" }),
  table(2, { title: "收入预算总表", alsoTitled: ["部门收入预算总表"], kind: "income", shape: "jiangsu.income", columns: ["项目名称", "金额"], rows: "items", required: true, absent: "收入预算" }),
  table(3, { title: "支出预算总表", alsoTitled: ["部门支出预算总表"], kind: "expenditure", shape: "jiangsu.expenditure", columns: ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"], rows: "items", required: true, absent: "支出预算" }),
  table(4, { title: "财政拨款收支预算总表", kind: "appropriation", shape: "jiangsu.appropriation", columns: ["收入 项目名称", "金额", "支出 支出用途 项目名称", "金额"], rows: "balance", required: true, absent: "财政拨款收支预算" }),
  table(5, { title: "财政拨款支出预算表", alsoTitled: ["财政拨款支出预算表（功能科目）"], kind: "appropriation-expenditure", shape: "jiangsu.by-function.appropriation", columns: FUNCTIONAL, rows: "functional", required: true, absent: "财政拨款支出预算" }),
  table(6, { title: "财政拨款基本支出预算表", alsoTitled: ["财政拨款基本支出预算表（经济科目）"], kind: "appropriation-basic", shape: "jiangsu.basic-by-economic.appropriation", columns: ECONOMIC, rows: "economic", required: true, absent: "财政拨款基本支出预算" }),
  table(7, { title: "一般公共预算支出预算表", alsoTitled: ["一般公共预算支出预算表（功能科目）"], kind: "gpb-expenditure", shape: "jiangsu.by-function.gpb", columns: FUNCTIONAL, rows: "functional", required: true, absent: "一般公共预算支出预算" }),
  table(8, { title: "一般公共预算基本支出预算表", alsoTitled: ["一般公共预算基本支出预算表（经济科目）"], kind: "gpb-basic", shape: "jiangsu.basic-by-economic.gpb", columns: ECONOMIC, rows: "economic", required: true, absent: "一般公共预算基本支出预算" }),
  table(9, {
    title: "一般公共预算“三公”经费、会议费、培训费支出预算表",
    alsoTitled: ["“三公”经费、会议费、培训费支出预算表"],
    kind: "three-public",
    shape: "jiangsu.three-public-meetings-training",
    columns: ["合计", "“三公”经费 小计", "因公出国（境）费", "公务用车购置及运行维护费（小计、公务用车购置费、公务用车运行维护费）", "公务接待费", "会议费", "培训费"],
    rows: "items",
    required: true,
    absent: "一般公共预算“三公”经费、会议费、培训费支出预算",
  }),
  table(10, {
    title: "政府性基金支出预算表",
    alsoTitled: ["财政拨款政府性基金支出预算表", "政府性基金财政拨款支出预算表", "政府性基金预算财政拨款支出预算表"],
    kind: "government-fund",
    shape: "jiangsu.by-function.government-fund",
    columns: FUNCTIONAL,
    rows: "functional",
    required: true,
    absent: "政府性基金预算收支",
  }),
  table(11, { title: "一般公共预算机关运行经费支出预算表", kind: "operating-cost", shape: "henan.operating-cost", columns: ["科目编码", "科目名称", "机关运行经费支出"], rows: "economic", required: true, absent: "一般公共预算机关运行经费支出预算" }),
  table(12, { title: "政府采购支出预算表", alsoTitled: ["政府采购预算表"], kind: "procurement", shape: "jiangsu.procurement", columns: ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"], rows: "items", required: true, absent: "政府采购预算" }),
];

/**
 * 第三部分 情况说明 as the Jiangsu documents write it: one section per table ("一、收支预算总体情况说明" …; 2017
 * wrote "收支预算总表情况说明"), then 十三、其他重要事项说明 (国有资产占用, 绩效目标), which not every document has.
 */
const NARRATIVE: readonly NarrativeSection[] = [
  { heading: "一、收支预算总体情况说明", states: ["收入、支出总计", "比上年增减及原因"], topics: ["total"], headingWords: ["收支预算总"], required: true },
  { heading: "二、收入预算情况说明", states: ["各项收入及占比"], topics: ["income"], headingWords: ["收入预算"], required: true },
  { heading: "三、支出预算情况说明", states: ["基本支出、项目支出、单位预留机动经费及占比"], topics: ["expenditure"], headingWords: ["支出预算情况", "支出预算总表"], required: true },
  { heading: "四、财政拨款收支预算总体情况说明", states: ["财政拨款收支总额", "比上年增减及原因"], topics: ["appropriation"], headingWords: ["财政拨款收支"], required: true },
  { heading: "五、财政拨款支出预算情况说明", states: ["财政拨款支出按功能科目"], topics: [], headingWords: ["财政拨款支出预算"], required: true },
  { heading: "六、财政拨款基本支出预算情况说明", states: ["人员经费、公用经费"], topics: [], headingWords: ["财政拨款基本支出"], required: true },
  { heading: "七、一般公共预算支出预算情况说明", states: ["一般公共预算支出", "按功能科目的金额、增减及原因"], topics: ["gpb"], headingWords: ["一般公共预算支出", "一般公共预算当年拨款"], required: true },
  { heading: "八、一般公共预算基本支出预算情况说明", states: ["人员经费、公用经费及其构成"], topics: ["economic"], headingWords: ["一般公共预算基本支出"], required: true },
  { heading: "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明", states: ["各项“三公”经费、会议费、培训费", "比上年增减及原因"], topics: ["three-public"], headingWords: ["三公"], required: true },
  { heading: "十、政府性基金预算支出预算情况说明", states: ["金额，无则说明"], topics: ["government-fund"], headingWords: ["政府性基金"], required: true },
  { heading: "十一、一般公共预算机关运行经费支出预算情况说明", states: ["机关运行经费", "比上年增减及原因"], topics: ["operating-cost"], headingWords: ["机关运行经费"], required: true },
  { heading: "十二、政府采购支出预算情况说明", states: ["政府采购货物、工程、服务预算"], topics: ["procurement"], headingWords: ["政府采购"], required: true },
  { heading: "十三、其他重要事项说明", states: ["国有资产占用（车辆、单价50万元以上设备）", "预算绩效目标设置"], topics: ["assets", "performance"], headingWords: ["其他重要事项"], required: false },
];

export const JIANGSU_PROVINCE: TemplateDefinition = {
  id: "jiangsu-province",
  name: "江苏省省级部门预算公开 12 张表",
  nameEn: "Jiangsu provincial department budget, 12 tables",
  shortName: "江苏省级12张表",
  appliesTo: { level: "province", region: "江苏省（省级部门）", years: { from: 2017 }, document: "budget" },
  contentsNumbering: "chinese",
  unitNameLabel: { department: "部门", unit: "单位名称" },
  narrativeUnit: "万元",
  // no document of this template prescribes a wording for withheld (涉密) content: the standard one
  exemptNote: STANDARD_EXEMPT_NOTE,
  tables: TABLES,
  narrative: NARRATIVE,
  editions: [{ to: 2017, order: ["js01", "js02", "js03", "js04", "js05", "js06", "js10", "js07", "js08", "js11", "js09", "js12"], printedNumbers: false }],
};
