/**
 * 表格语义 — what interpretation makes of the printed tables: rows found by code or label, columns found by
 * their headings, every amount read exactly with its printed precision and its place. Rules read this,
 * never the raw strings. A table's shape that cannot be read leaves fields undefined (rules then skip),
 * never a guess.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { MoneyUnit, RawTable } from "./document.ts";
import type { PrintedAmount } from "./numbers.ts";
import type { TableKind } from "./titles.ts";

/** One printed table with what is known about it. */
export interface TableInfo {
  /** position among the document's tables */
  index: number;
  raw: RawTable;
  kind?: TableKind;
  /** its number in the document's template (1 … 13 or 1 … 9) */
  number?: number;
  /** "表3 部门支出总体情况表" — how findings name it */
  label: string;
  /** the money unit the table states, or 万元 assumed */
  unit: MoneyUnit;
  unitStated: boolean;
  /** heading path of each column (header.ts `columnPaths`) */
  columns: string[][];
  /** printed rows in order: header rows, then body rows */
  rows: string[][];
  /** number of header rows in `rows` */
  headerCount: number;
}

/** An amount read from a table cell, with where it is (row and column indexes into `TableInfo.rows`). */
export interface AmountCell {
  value: PrintedAmount;
  table: number;
  row: number;
  col: number;
}

/**
 * 列 — what a money column holds. Expenditure: total, basic (基本支出), basic:301 … (by economic 类),
 * personnel (人员经费), public (公用经费), project (项目支出), project:general|special|personnel. Income:
 * gpb (一般公共预算小计) and the funding sources of model.ts (gpb-appropriation 财政拨款, government-fund …).
 */
export type ColumnKey = string;

/** 按功能分类的表 — tables 2, 3, 5, 8, 10 (and central 2, 3, 5, 8, 9): rows by 类/款/项 code. */
export interface FunctionalRow {
  /** row index into `TableInfo.rows` */
  row: number;
  kind: "total" | "unit" | "code" | "other";
  /** normalised functional code: 3 (类), 5 (款) or 7 (项) digits */
  code?: string;
  /** the code as printed, e.g. "201 29 6" */
  codeText: string;
  /** false when 款 or 项 lost their leading zero ("201 29 6") */
  padded: boolean;
  unitCode?: string;
  name: string;
  amounts: Map<ColumnKey, AmountCell>;
}

export interface FunctionalTable {
  info: TableInfo;
  /** column index of each money column */
  columns: Map<ColumnKey, number>;
  rows: FunctionalRow[];
}

/** 收支总表的一行 — one side of a row of table 1 or 4 (income left, expenditure right). */
export interface BalanceLine {
  row: number;
  /** label as printed, numbering removed ("基本支出", "一般公共服务", "财政拨款") */
  label: string;
  /** what it is: gpb, gpb-appropriation …, this-year, carry-over, total (income); basic, basic:301 …, project, project:general …, class:201 …, total, this-year (expenditure) */
  key?: string;
  /** the Chinese numeral printed before a 类 label (一 … 三十四), as a number */
  numeral?: number;
  amounts: Map<ColumnKey, AmountCell>;
}

export interface BalanceTable {
  info: TableInfo;
  income: BalanceLine[];
  expenditure: BalanceLine[];
}

/** 按经济分类的表 — table 6 (类/款 × basic/project), 9 (机关运行经费), 11 (部门 × 政府经济分类), central 6. */
export interface EconomicRow {
  row: number;
  kind: "total" | "subtotal" | "class" | "detail" | "other";
  /** department economic code: 3, 5 or 7 digits */
  code?: string;
  name: string;
  /** government economic code (table 11) */
  govCode?: string;
  govName?: string;
  amounts: Map<ColumnKey, AmountCell>;
}

export interface EconomicTable {
  info: TableInfo;
  columns: Map<ColumnKey, number>;
  rows: EconomicRow[];
}

/** 政府采购支出预算表 (Jiangsu's table 12): each row's 经济科目 and 采购组织形式 as printed (blank when not). */
export interface ProcurementTable {
  info: TableInfo;
  economicColumn?: number;
  rows: { row: number; economic: string; organisation: string }[];
}

/** "三公"经费 items. */
export type ThreePublicKey = "total" | "abroad" | "reception" | "vehicle" | "vehiclePurchase" | "vehicleOperation";

export interface ThreePublicTable {
  info: TableInfo;
  /** this year's amounts by item */
  current: Map<ThreePublicKey, AmountCell>;
  /** last year's, when the table prints them (central layout) */
  prior: Map<ThreePublicKey, AmountCell>;
  /** a 决算's 预算数 columns (its 决算数 are `current`) */
  budget?: Map<ThreePublicKey, AmountCell>;
}

/** 绩效指标 — an indicator as printed in table 12 or 13. */
export interface PrintedIndicator {
  row: number;
  /** column of the 三级指标 name */
  col: number;
  level1: string;
  level2: string;
  level3: string;
  /** 指标值 as printed ("" when none) */
  value: string;
  /** the column of the value */
  valueCol: number;
  /** a value-like text printed in the next column instead ("≥98%" under 指标解释) */
  shifted?: string;
  /** 指标说明 (formulas) */
  method?: string;
}

export interface DepartmentTargetsTable {
  info: TableInfo;
  goals: { row: number; text: string; empty: boolean }[];
  tasks: { row: number; name: string; total?: AmountCell; fiscal?: AmountCell }[];
  indicators: PrintedIndicator[];
  /** rows left as "....." or similar template placeholders */
  placeholders: { row: number; col: number; text: string }[];
}

/** An entry of table 13: the department, a unit, or a project with its funds and indicators. */
export interface ProjectEntry {
  row: number;
  kind: "department" | "unit" | "project";
  code: string;
  name: string;
  total?: AmountCell;
  fiscal?: AmountCell;
  other?: AmountCell;
  indicators: PrintedIndicator[];
}

export interface ProjectTargetsTable {
  info: TableInfo;
  entries: ProjectEntry[];
}

/** 解读结果 — every table interpreted, by kind (the first of each kind; a repeat is a finding). */
export interface Interpretation {
  tables: TableInfo[];
  summary?: BalanceTable;
  appropriation?: BalanceTable;
  income?: FunctionalTable;
  expenditure?: FunctionalTable;
  gpbExpenditure?: FunctionalTable;
  governmentFund?: FunctionalTable;
  stateCapital?: FunctionalTable;
  economic?: EconomicTable;
  operatingCost?: EconomicTable;
  gpbBasic?: EconomicTable;
  threePublic?: ThreePublicTable;
  procurement?: ProcurementTable;
  departmentTargets?: DepartmentTargetsTable;
  projectTargets?: ProjectTargetsTable;
  /** unit codes printed in tables 2, 3 and 5 (单位代码), with the names printed beside them */
  units: Map<string, string>;
  /** what interpretation could not read (a word in a money column, a table printed twice) */
  problems: Finding[];
}
