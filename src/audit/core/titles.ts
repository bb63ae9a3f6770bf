/**
 * 表名识别 — which disclosure table a printed title names, in either layout (Henan's 13 tables, the
 * central 9) and with the small variants real documents print: the year or not, 部门/预算 words left out
 * ("政府性基金支出情况表"), 申报表 for 目标表, numbering and markdown around it.
 */
import type { Template } from "./document.ts";

/**
 * 表的种类 — what a table is, whatever its layout:
 * summary 部门收支总体情况表/部门收支总表, income 收入, expenditure 支出, appropriation 财政拨款收支,
 * gpb-expenditure 一般公共预算支出, economic 支出预算分类汇总表（按经济分类）, three-public "三公"经费,
 * government-fund 政府性基金, operating-cost 机关运行经费, state-capital 国有资本经营, gpb-basic 一般公共预算
 * 基本支出, department-targets 整体绩效目标, project-targets 项目绩效目标.
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
  | "project-targets";

/** The tables of each template, in print order (index + 1 is the table's number). */
export const TEMPLATE_TABLES: Record<Exclude<Template, "other">, readonly TableKind[]> = {
  henan13: [
    "summary",
    "income",
    "expenditure",
    "appropriation",
    "gpb-expenditure",
    "economic",
    "three-public",
    "government-fund",
    "operating-cost",
    "state-capital",
    "gpb-basic",
    "department-targets",
    "project-targets",
  ],
  central9: ["summary", "income", "expenditure", "appropriation", "gpb-expenditure", "gpb-basic", "three-public", "government-fund", "state-capital"],
};

/** Short Chinese names of the kinds, for messages. */
export const TABLE_KIND_NAMES: Record<TableKind, string> = {
  summary: "部门收支总体情况表",
  income: "部门收入总体情况表",
  expenditure: "部门支出总体情况表",
  appropriation: "财政拨款收支总体情况表",
  "gpb-expenditure": "一般公共预算支出情况表",
  economic: "支出预算分类汇总表（按经济分类）",
  "three-public": "一般公共预算“三公”经费支出情况表",
  "government-fund": "政府性基金预算支出情况表",
  "operating-cost": "机关运行经费",
  "state-capital": "国有资本经营预算支出情况表",
  "gpb-basic": "一般公共预算基本支出预算表",
  "department-targets": "部门（单位）整体绩效目标表",
  "project-targets": "预算项目绩效目标汇总表",
};

/** What a title says: the table kind, the layout its wording belongs to, and the year. */
export interface TitleInfo {
  kind: TableKind;
  /** henan: "…情况表", "…汇总表", "机关运行经费"; central: "…总表", "…支出表" */
  style?: "henan" | "central";
  year?: number;
}

const PATTERNS: readonly [TableKind, RegExp][] = [
  ["three-public", /三公/],
  ["department-targets", /整体绩效目标/],
  ["project-targets", /项目绩效目标/],
  ["gpb-basic", /一般公共预算基本支出/],
  ["operating-cost", /机关运行经费/],
  ["government-fund", /政府性基金/],
  ["state-capital", /国有资本经营/],
  ["appropriation", /财政拨款收支/],
  ["economic", /按(支出)?经济分类|分类汇总表/],
  ["gpb-expenditure", /一般公共预算支出/],
  ["summary", /收支总/],
  ["income", /收入总/],
  ["expenditure", /支出总/],
];

/** Markdown marks, spaces and leading numbering ("一、", "附表3", "表1：") removed. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/[#*`]/g, "")
    .replace(/\s+/g, "")
    .replace(/^(附件[:：]?)?(附?表[0-9一二三四五六七八九十]+[:：、.．-]?|[一二三四五六七八九十]+[、.．]|[0-9]{1,2}[、.．])/, "");
}

/**
 * The table a title names, or undefined when it names none. A title must end like a table's ("…表",
 * "…表（按支出经济分类）", or Henan's bare "…机关运行经费"), so narrative headings such as
 * "（一）机关运行经费支出情况" are not taken for tables.
 */
export function classifyTitle(title: string): TitleInfo | undefined {
  const t = normaliseTitle(title);
  if (t.length === 0 || t.length > 60) return undefined;
  if (!/(表|表（[^）]{1,20}）|机关运行经费)$/.test(t)) return undefined;
  const hit = PATTERNS.find(([, re]) => re.test(t));
  if (!hit) return undefined;
  const year = /((?:19|20)\d{2})年/.exec(t)?.[1];
  const style = /(总表|支出表)$/.test(t) && !/情况表$/.test(t) ? "central" : /(情况表|汇总表|目标表|申报表|预算表|机关运行经费|（[^）]*）)$/.test(t) ? "henan" : undefined;
  return { kind: hit[0], ...(style ? { style } : {}), ...(year ? { year: Number(year) } : {}) };
}

/** The number a table of this kind has in the template (1-based), or undefined when the template lacks it. */
export function tableNumber(template: Template, kind: TableKind): number | undefined {
  if (template === "other") return undefined;
  const i = TEMPLATE_TABLES[template].indexOf(kind);
  return i < 0 ? undefined : i + 1;
}
