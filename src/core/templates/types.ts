/**
 * 公开模板 — a disclosure template as data: where and when it applies, its tables (number, printed
 * number, accepted titles, columns, rows, unit, required or not), its narrative outline. Rendering draws a
 * budget into a template; the audit reads a document back with the same definition (detection,
 * completeness, each table's equalities). Adding a region is adding one of these and its test.
 */
import type { PrintUnit } from "../money.ts";

/**
 * 表的种类 — what a table is, whatever the template calls it. The audit's reading of a table (which
 * equalities hold) follows its kind:
 * summary 收支总表, income 收入总表, expenditure 支出总表, appropriation 财政拨款收支总表,
 * gpb-expenditure 一般公共预算支出, economic 支出预算分类汇总表（按经济分类）, three-public "三公"经费,
 * government-fund 政府性基金, operating-cost 机关运行经费, state-capital 国有资本经营, gpb-basic 一般公共预算
 * 基本支出, department-targets 整体绩效目标, project-targets 项目绩效目标; Jiangsu's appropriation-expenditure
 * 财政拨款支出预算表, appropriation-basic 财政拨款基本支出预算表, procurement 政府采购支出预算表.
 */
export type TableKind =
  | "summary"
  | "income"
  | "expenditure"
  | "appropriation"
  | "gpb-expenditure"
  | "economic"
  | "three-public"
  | "government-fund"
  | "operating-cost"
  | "state-capital"
  | "gpb-basic"
  | "department-targets"
  | "project-targets"
  | "appropriation-expenditure"
  | "appropriation-basic"
  | "procurement"
  /** 部门决算: 收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表,
   * 一般公共预算财政拨款基本支出决算表, 财政拨款"三公"经费支出决算表, 政府性基金 / 国有资本经营预算财政拨款收入支出决算表 */
  | "final-summary"
  | "final-income"
  | "final-expenditure"
  | "final-appropriation"
  | "final-gpb-expenditure"
  | "final-gpb-basic"
  | "final-three-public"
  | "final-government-fund"
  | "final-state-capital";

/**
 * 表式 — how a table is drawn from a budget: one derivation in src/core/derive/shapes.ts. Several
 * templates share one shape (Shanghai's table 5 is the central 9's table 3 over 一般公共预算 money).
 */
export type TableShape =
  /** 河南 1 部门收支总体情况表: income by source = expenditure by nature across sources */
  | "henan.summary"
  /** 河南 2 部门收入总体情况表: unit and functional rows × funding sources */
  | "henan.income"
  /** 河南 3/5/8/10: unit and functional rows × basic by economic 类, project by class, over a selection */
  | "henan.expenditure.all"
  | "henan.expenditure.gpb"
  | "henan.expenditure.government-fund"
  | "henan.expenditure.state-capital"
  /** 河南 4 财政拨款收支总体情况表: every 类 of the year listed */
  | "henan.appropriation"
  /** 河南 6 支出预算分类汇总表（按经济分类） */
  | "henan.economic"
  /** 河南 7 "三公"经费 as an item list */
  | "henan.three-public"
  /** 河南 9 机关运行经费 by economic code */
  | "henan.operating-cost"
  /** 河南 11 一般公共预算基本支出 (department code × government code) */
  | "henan.gpb-basic"
  /** 河南 12, 13 绩效目标表 */
  | "henan.department-targets"
  | "henan.project-targets"
  /** 中央 1 收支总表: income by source group = expenditure by 功能分类 类 */
  | "central.summary"
  /** 中央 2 收入总表: functional 类/款/项 × source groups */
  | "central.income"
  /** 中央 3/8/9 and 上海 5/6/7: functional 类/款/项 × 合计 / 基本支出 / 项目支出 over a selection */
  | "central.by-nature.all"
  | "central.by-nature.gpb"
  | "central.by-nature.government-fund"
  | "central.by-nature.state-capital"
  /** 中央 4 财政拨款收支总表 */
  | "central.appropriation"
  /** 中央 4 as the Ministry prints it: 本年收入 + 上年结转 = 本年支出 by 类 + 结转下年 */
  | "central.appropriation.carry"
  /** 中央 5 一般公共预算支出表: 基本支出 split into 人员经费 / 公用经费 */
  | "central.gpb-expenditure"
  /** 中央 6 一般公共预算基本支出表: economic 类/款 × 人员经费 / 公用经费 */
  | "central.gpb-basic"
  /** 中央 7 "三公"经费: one row per year */
  | "central.three-public"
  /** 上海 9 "三公"经费和机关运行经费预算表: one row, the "三公" items and 机关运行经费 */
  | "shanghai.three-public-operating-cost"
  /** 江苏 1 收支预算总表: income lines = expenditure by 功能分类 类 = expenditure by 支出用途 */
  | "jiangsu.summary"
  /** 江苏 2 收入预算总表: the income lines and the sources under each */
  | "jiangsu.income"
  /** 江苏 3 支出预算总表: one row, 合计 / 基本 / 项目 / 单位预留机动经费 / 结转下年资金 */
  | "jiangsu.expenditure"
  /** 江苏 4 财政拨款收支预算总表: 一般公共预算, 政府性基金预算 = expenditure by 支出用途 */
  | "jiangsu.appropriation"
  /** 江苏 5/7/10: functional 类/款/项 × one amount, over 财政拨款, 一般公共预算 or 政府性基金 money */
  | "jiangsu.by-function.appropriation"
  | "jiangsu.by-function.gpb"
  | "jiangsu.by-function.government-fund"
  /** 江苏 6/8: basic expenditure by economic 类/款 × one amount, over 财政拨款 or 一般公共预算 money */
  | "jiangsu.basic-by-economic.appropriation"
  | "jiangsu.basic-by-economic.gpb"
  /** 江苏 9 "三公"经费、会议费、培训费: one row */
  | "jiangsu.three-public-meetings-training"
  /** 江苏 12 政府采购支出预算表: by 采购品目大类, project and item */
  | "jiangsu.procurement"
  /** 决算 1–9 (src/core/derive/final-accounts.ts), drawn from the 决算账 of a budget and its execution */
  | "final.summary"
  | "final.income"
  | "final.expenditure"
  | "final.appropriation"
  | "final.gpb-expenditure"
  | "final.gpb-basic"
  | "final.three-public"
  | "final.government-fund"
  | "final.state-capital";

/** 金额单位 — what a table's amounts are printed in (always with two decimals; money.ts prints them). */
export type { PrintUnit };

/** 行结构 — how a table's rows are organised, for readers of the definition and the audit. */
export type RowStructure =
  /** 收入在左、支出在右 (tables 1 and 4) */
  | "balance"
  /** 功能分类 类/款/项 rows, each level a subtotal of the next */
  | "functional"
  /** a unit row, then its functional rows (Henan) */
  | "unit-functional"
  /** 经济分类 类/款 rows */
  | "economic"
  /** one row per item or per year ("三公") */
  | "items"
  /** a form (绩效目标) */
  | "form";

/** Words that depend on who publishes: the department (部门预算) or one of its units (单位预算). */
export interface ByScope<T> {
  department: T;
  unit: T;
}

/** One table of a template. Strings may hold `{year}`, replaced by the budget year. */
export interface TemplateTable {
  /** stable id within the template: "t01", "c1", "sh1" */
  id: string;
  /** position in the contents and in print (1-based) */
  number: number;
  /** 表号 printed above the title where the template prints one ("表1", "公开01表"); absent: none */
  printedNumber?: string;
  /** 表名 as the template prints it, for a department's and for a unit's own document */
  title: ByScope<string>;
  /**
   * Other titles real documents print for this table (other years, other documents), without the year:
   * the audit accepts every one of them (and the title itself).
   */
  alsoTitled?: readonly string[];
  kind: TableKind;
  shape: TableShape;
  /** 主要栏目 — the columns the table prints, as headings (documentation and tests) */
  columns: readonly string[];
  rows: RowStructure;
  unit: PrintUnit;
  /** 小数位数 — always 2 in the templates known so far */
  precision: 2;
  /** 必须公开: a required table is printed even when empty, with its note */
  required: boolean;
  /** 空表说明 printed under the table when it has no amounts ("本部门{year}年无…，故本表为空表。") */
  emptyNote: ByScope<string>;
}

/** One section of the narrative (情况说明) and what it must state. */
export interface NarrativeSection {
  /** 标题, e.g. "六、其他相关情况说明" */
  heading: string;
  /** 应说明 — what the section states */
  states: readonly string[];
  /**
   * The topics the audit looks for in the narrative (src/audit/core/claims/subjects.ts): a required
   * section is present when every topic listed is mentioned, or when a heading holds one of `headingWords`.
   */
  topics: readonly string[];
  /** words a heading of this section holds ("预算编制说明"), whatever its numbering */
  headingWords?: readonly string[];
  /**
   * The topics of Yusuan's narrative this section prints when rendering (src/core/narrative/outline.ts), where
   * they are more than `topics` (Shanghai's 编制说明 speaks of income, expenditure, appropriations …)
   */
  gathers?: readonly string[];
  required: boolean;
}

/** 适用范围 — where and when a template applies. */
export interface TemplateScope {
  /** 层级 */
  level: "central" | "province" | "city" | "county" | "district";
  /** 地区 ("河南省", "上海市各区", "中央部门") */
  region: string;
  /** years the template is known for; absent bound: open */
  years: { from?: number; to?: number };
  /** 预算 or 决算 */
  document: "budget" | "final-accounts";
}

/** 公开模板. */
export interface TemplateDefinition {
  /** registry id: "henan13", "central9", "shanghai-district-2025" */
  id: string;
  /** Chinese name, then English */
  name: string;
  nameEn: string;
  /** 简称 for summaries and tags: 河南13张表 */
  shortName: string;
  appliesTo: TemplateScope;
  /** how the contents number the tables: 一、 (chinese) or 1. (arabic) */
  contentsNumbering: "chinese" | "arabic";
  /** the label before the publisher's name above each table ("单位名称", "编制部门" / "编制单位") */
  unitNameLabel: ByScope<string>;
  /** the unit the narrative prints amounts in */
  narrativeUnit: PrintUnit;
  tables: readonly TemplateTable[];
  narrative: readonly NarrativeSection[];
  /**
   * 不予公开说明 — the note a public document prints at the end of its 第一部分 when units or projects are withheld
   * (涉密), with {who}, {what} and {basis} filled in (core/exempt.ts `exemptNote`). Absent: `STANDARD_EXEMPT_NOTE`.
   */
  exemptNote?: string;
  /**
   * 年度版式 — how earlier years printed the same tables: up to year `to` (inclusive), the tables in the
   * order of `order` (table ids), without 表号 unless `printedNumbers`. Absent: every year prints `tables`.
   */
  editions?: readonly TemplateEdition[];
}

/** An earlier year's order and numbering of a template's tables. */
export interface TemplateEdition {
  /** the last year printed this way */
  to: number;
  /** every table id of the template, in that year's order */
  order: readonly string[];
  /** whether that year printed 表号 ("公开01表") */
  printedNumbers: boolean;
}
