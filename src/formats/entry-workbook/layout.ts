/**
 * The entry workbook's layout (录入工作簿): sheet names, columns and key/value rows, shared by the writer and
 * the reader so the two can never disagree. Headers are the contract: the reader finds columns by header
 * text, so people may reorder columns but not rename them.
 */
import { DEFAULT_EXEMPT_BASIS } from "../../core/exempt.ts";
import type { ReasonKey } from "../../core/model.ts";
import { FUNDING_SOURCE_NAMES, NATURES, NATURE_NAMES, NATURE_SHORT_NAMES, PROJECT_CLASS_NAMES, PROCUREMENT_KIND_NAMES, PROCUREMENT_ORGANISATIONS, PROCUREMENT_ORGANISATION_NAMES, REASON_KEYS } from "../../core/model.ts";
import { columnLetter } from "../sheet-cells.ts";

export { columnLetter };

export const SHEET = {
  guide: "填写说明",
  department: "部门",
  units: "单位",
  lineItems: "支出明细",
  projects: "项目",
  indicators: "绩效指标",
  targets: "部门整体目标",
  income: "收入",
  procurement: "政府采购",
  assets: "资产",
  prior: "上年数",
  texts: "说明文字",
  codes: "科目",
} as const;

/** Sheets in workbook order. */
export const SHEET_ORDER: readonly string[] = Object.values(SHEET);

/** Sheets the reader cannot do without; the others may be deleted when a budget has nothing to put there. */
export const REQUIRED_SHEETS: readonly string[] = [SHEET.department, SHEET.units, SHEET.lineItems];

export const MONEY_FORMAT = "#,##0.00";
export const TEXT_FORMAT = "@";

/** How a cell is read and written. */
export type ValueKind =
  /** free text */
  | "text"
  /** a code: text, or a whole number typed without the text format */
  | "code"
  /** 元 as a number, or text such as "41.35万元" */
  | "amount"
  /** a whole number of people, vehicles, pieces */
  | "count"
  /** a fiscal year */
  | "year"
  /** a date written as text (2020-12-31, 2021-02); a date typed into a date cell is read as yyyy-mm-dd */
  | "date"
  /** one of a list (aliases accepted by the budget-file schema) */
  | "enum"
  /** 是 / 否 */
  | "bool"
  /** an indicator's target value as written (≥95%, 25个, 明显) */
  | "target";

export interface ColumnDef {
  /** the field this column fills */
  key: string;
  header: string;
  kind: ValueKind;
  /** Excel character units */
  width: number;
  /** the header cell's note: what to write */
  note: string;
  /** the header must be present (the field is required in every row) */
  required?: boolean;
  /** a list validation written inline */
  list?: readonly string[];
  /** a list validation over a column of the 科目 sheet */
  codeList?: "functional" | "economic";
  /** wrap long text */
  wrap?: boolean;
}

export interface TableSheetDef {
  name: string;
  columns: readonly ColumnDef[];
}

export const UNIT_TYPE_LIST = ["行政", "参公", "事业"] as const;

/** 不予公开 — the two columns that mark a unit or a project as withheld from the public documents (core/exempt.ts). */
const EXEMPT_COLUMNS = (what: "单位" | "项目"): ColumnDef[] => [
  { key: "exempt", header: "不予公开", kind: "bool", width: 10, list: BOOL_LIST, note: `是：本${what}涉密等，不在公开文件中列示（表格和说明都不含，文件中加一条说明；内部查看和审核仍包含）；否或留空：公开。` },
  { key: "exemptBasis", header: "不予公开理由", kind: "text", width: 16, note: `不予公开的理由，印在公开文件的说明里，如 ${DEFAULT_EXEMPT_BASIS}。“不予公开”填“是”时可不填（按“${DEFAULT_EXEMPT_BASIS}”）；填“否”时不能填。` },
];
export const NATURE_LIST: readonly string[] = NATURES.map((n) => NATURE_SHORT_NAMES[n]);
export const SOURCE_LIST: readonly string[] = Object.values(FUNDING_SOURCE_NAMES);
export const PROJECT_CLASS_LIST: readonly string[] = Object.values(PROJECT_CLASS_NAMES);
export const PROCUREMENT_LIST: readonly string[] = Object.values(PROCUREMENT_KIND_NAMES);
export const PROCUREMENT_ORGANISATION_LIST: readonly string[] = PROCUREMENT_ORGANISATIONS.map((o) => PROCUREMENT_ORGANISATION_NAMES[o]);
export const BOOL_LIST = ["是", "否"] as const;
export const TARGET_ROW_KINDS = { goal: "年度总体目标", task: "年度主要任务" } as const;
/** 归属 of the department's own indicators and targets; a unit's are "单位:<代码>". */
export const OWNER_DEPARTMENT = "部门";
export const UNIT_OWNER_PREFIX = "单位:";

const AMOUNT_NOTE = "单位：元，最多两位小数。可填数字（413500 或 413500.00），也可写文字“41.35万元”（按万元换算，不四舍五入）。";
const CODE_NOTE = "按文字填写；填成数字也可以，但不能有小数。";

export const UNITS_SHEET: TableSheetDef = {
  name: SHEET.units,
  columns: [
    { key: "code", header: "代码", kind: "code", width: 12, required: true, note: `单位代码，如 313001。${CODE_NOTE}支出明细、项目、政府采购中的“单位代码”填这里的代码。` },
    { key: "name", header: "名称", kind: "text", width: 36, required: true, note: "单位全称，如 洛龙区社区治理和服务创新办公室。" },
    { key: "type", header: "类型", kind: "enum", width: 10, required: true, list: UNIT_TYPE_LIST, note: "单位类型：行政（行政单位）、参公（参照公务员法管理的事业单位）、事业（事业单位）。决定经济分类对应政府经济分类的口径和机关运行经费的范围。" },
    { key: "authorized", header: "编制数", kind: "count", width: 10, note: "人员编制数（人），整数。不知道就留空：留空表示“未提供”，不是 0。" },
    { key: "actual", header: "实有人数", kind: "count", width: 10, note: "在职实有人数（人），整数；留空表示未提供。" },
    { key: "retired", header: "离退休人数", kind: "count", width: 12, note: "离退休人数（人），整数；留空表示未提供。" },
    ...EXEMPT_COLUMNS("单位"),
  ],
};

export const LINE_ITEMS_SHEET: TableSheetDef = {
  name: SHEET.lineItems,
  columns: [
    { key: "unit", header: "单位代码", kind: "code", width: 12, required: true, note: `支出所属单位的代码，须在“单位”表中。${CODE_NOTE}` },
    { key: "functional", header: "功能分类科目编码", kind: "code", width: 18, required: true, codeList: "functional", note: `支出功能分类科目的“项”级编码，7位，如 2080208。可从下拉列表选（见“科目”表）。${CODE_NOTE}` },
    { key: "economic", header: "经济分类科目编码", kind: "code", width: 18, required: true, codeList: "economic", note: `部门预算支出经济分类科目的“款”级编码（5位，如 30101）或地方细化的7位编码（如 3010201）。可从下拉列表选（见“科目”表）。${CODE_NOTE}` },
    { key: "nature", header: "支出性质", kind: "enum", width: 10, required: true, list: NATURE_LIST, note: `${NATURES.map((n) => `${NATURE_SHORT_NAMES[n]}（${NATURE_NAMES[n]}）`).join("、")}，选一。后两种是江苏等地单列的用途：单位预留机动经费是年初预留、执行中用于增人增资等的经费；结转下年资金是本年安排、结转到下年使用的资金。` },
    { key: "project", header: "项目编码", kind: "code", width: 14, note: "项目支出必填，须在“项目”表中；基本支出不填。" },
    { key: "source", header: "资金来源", kind: "enum", width: 22, required: true, list: SOURCE_LIST, note: `从下拉列表选：${SOURCE_LIST.join("、")}。一般公共预算财政拨款填“财政拨款”。` },
    { key: "amount", header: "金额（元）", kind: "amount", width: 18, required: true, note: AMOUNT_NOTE },
    { key: "memo", header: "摘要", kind: "text", width: 30, wrap: true, note: "这笔支出的用途（可不填），如 基本工资。" },
  ],
};

export const PROJECTS_SHEET: TableSheetDef = {
  name: SHEET.projects,
  columns: [
    { key: "code", header: "项目编码", kind: "code", width: 14, required: true, note: "项目编码，如 313001-1。不要与单位代码相同。支出明细和绩效指标用它引用项目。" },
    { key: "name", header: "项目名称", kind: "text", width: 30, required: true, note: "项目名称。" },
    { key: "unit", header: "单位代码", kind: "code", width: 12, required: true, note: "项目所属单位的代码，须在“单位”表中。" },
    { key: "class", header: "项目类别", kind: "enum", width: 14, required: true, list: PROJECT_CLASS_LIST, note: `从下拉列表选：${PROJECT_CLASS_LIST.join("、")}（也可写 运转类、特定目标类）。` },
    { key: "functional", header: "功能分类科目编码", kind: "code", width: 18, codeList: "functional", note: `项目的主要功能分类科目（7位“项”级编码），可不填。${CODE_NOTE}` },
    { key: "specialTransfer", header: "是否专项转移支付", kind: "bool", width: 16, list: BOOL_LIST, note: "是：部门管理的专项转移支付项目；否或留空：不是。" },
    { key: "goal", header: "项目绩效目标", kind: "text", width: 40, wrap: true, note: "项目的年度绩效目标（一段文字，可不填）。" },
    ...EXEMPT_COLUMNS("项目"),
  ],
};

export const INDICATORS_SHEET: TableSheetDef = {
  name: SHEET.indicators,
  columns: [
    { key: "owner", header: "归属", kind: "text", width: 14, required: true, note: "这条指标属于谁：项目的指标填项目编码（如 313001-1）；部门整体绩效指标填“部门”；某个单位自己的整体指标填“单位:单位代码”（如 单位:313001）。" },
    { key: "level1", header: "一级指标", kind: "text", width: 12, required: true, note: "项目：产出指标、成本指标、效益指标、满意度指标；部门整体：履职效能、管理效率、运行成本、服务满意、可持续性。" },
    { key: "level2", header: "二级指标", kind: "text", width: 18, note: "如 数量指标、质量指标、时效指标、社会效益指标、服务对象满意度指标。" },
    { key: "level3", header: "三级指标", kind: "text", width: 34, required: true, wrap: true, note: "具体指标名称，如 社区数量。" },
    { key: "target", header: "指标值", kind: "target", width: 22, wrap: true, note: "照原样写：≥95%、25个、100%、2021年3月底前、明显。不要留占位文字；没有指标值会被检查出来。" },
    { key: "explanation", header: "指标解释", kind: "text", width: 30, wrap: true, note: "指标的含义（可不填）。" },
    { key: "method", header: "指标说明", kind: "text", width: 36, wrap: true, note: "计算公式或评价方法（可不填）。" },
  ],
};

export const TARGETS_SHEET: TableSheetDef = {
  name: SHEET.targets,
  columns: [
    { key: "owner", header: "归属", kind: "text", width: 14, note: "“部门”（留空也按部门）；某个单位自己的整体目标填“单位:单位代码”。" },
    { key: "kind", header: "类型", kind: "enum", width: 14, required: true, list: Object.values(TARGET_ROW_KINDS), note: "年度总体目标：每条目标一行，目标写在“主要内容”列；年度主要任务：每个任务一行，填任务名称、主要内容、资金范围、备注。" },
    { key: "name", header: "任务名称", kind: "text", width: 16, note: "年度主要任务的名称，如 基本支出、项目支出。总体目标行不填。" },
    { key: "content", header: "主要内容", kind: "text", width: 60, wrap: true, note: "总体目标的内容，或主要任务的内容。" },
    { key: "funds", header: "资金范围", kind: "text", width: 22, note: "任务的资金从哪里来：基本支出、项目支出，或项目编码（多个用顿号“、”分隔，如 313001-1、313001-2）。金额由支出明细算出，不用填。" },
    { key: "note", header: "备注", kind: "text", width: 20, wrap: true, note: "可不填。" },
  ],
};

export const INCOME_SHEET: TableSheetDef = {
  name: SHEET.income,
  columns: [
    { key: "unit", header: "单位代码", kind: "code", width: 12, required: true, note: "收入所属单位的代码。" },
    { key: "source", header: "资金来源", kind: "enum", width: 22, required: true, list: SOURCE_LIST, note: `从下拉列表选：${SOURCE_LIST.join("、")}。` },
    { key: "amount", header: "金额（元）", kind: "amount", width: 18, required: true, note: AMOUNT_NOTE },
  ],
};

export const PROCUREMENT_SHEET: TableSheetDef = {
  name: SHEET.procurement,
  columns: [
    { key: "unit", header: "单位代码", kind: "code", width: 12, required: true, note: "采购单位的代码。" },
    { key: "kind", header: "采购类别", kind: "enum", width: 10, required: true, list: PROCUREMENT_LIST, note: "货物、工程或服务。" },
    { key: "amount", header: "金额（元）", kind: "amount", width: 18, required: true, note: AMOUNT_NOTE },
    { key: "project", header: "项目编码", kind: "code", width: 14, note: "用项目资金采购时填项目编码，可不填。" },
    { key: "item", header: "采购品目", kind: "text", width: 30, wrap: true, note: "采购什么（可不填），如 台式计算机。" },
    { key: "economic", header: "经济科目", kind: "code", width: 14, codeList: "economic", note: `支付这笔采购的部门预算支出经济分类科目（5位款级或7位子目，可不填），如 31002。江苏的政府采购支出预算表按名称印出。${CODE_NOTE}` },
    { key: "organisation", header: "采购组织形式", kind: "enum", width: 14, list: PROCUREMENT_ORGANISATION_LIST, note: `从下拉列表选（可不填）：${PROCUREMENT_ORGANISATION_LIST.join("、")}（也可写 分散采购）。` },
  ],
};

export const TABLE_SHEETS: readonly TableSheetDef[] = [UNITS_SHEET, LINE_ITEMS_SHEET, PROJECTS_SHEET, INDICATORS_SHEET, TARGETS_SHEET, INCOME_SHEET, PROCUREMENT_SHEET];

// ——— key/value sheets ———

/** A key/value row: the label in the first column, values in the 部门 (and 单位:<代码>) columns. */
export interface KvRowDef {
  /** internal id: "year", "threePublic.abroad", "byClass:201", "vehicle:一般公务用车", "reason:total" */
  id: string;
  label: string;
  kind: ValueKind;
  note: string;
  /** the label may repeat, one row per item (主要职能) */
  repeat?: boolean;
  /** only the department has it (no 单位 columns) */
  departmentOnly?: boolean;
}

export interface KvSheetDef {
  name: string;
  /** header of the department's value column */
  valueHeader: string;
  /** 单位:<代码> columns are allowed for units' own figures */
  unitColumns: boolean;
  rows: readonly KvRowDef[];
  /** rows whose label follows a pattern (a vehicle kind, a 类 code) */
  dynamic?: { prefix: string; kind: ValueKind; idPrefix: string; note: string };
}

export const KV_LABEL_HEADER = "栏目";
export const KV_NOTE_HEADER = "填写说明";

export const DEPARTMENT_SHEET: KvSheetDef = {
  name: SHEET.department,
  valueHeader: "内容",
  unitColumns: false,
  rows: [
    { id: "year", label: "预算年度", kind: "year", note: "如 2021。" },
    { id: "code", label: "部门编码", kind: "code", note: "如 313。" },
    { id: "name", label: "部门名称", kind: "text", note: "部门全称，如 洛龙区社区治理和服务创新办公室。" },
    { id: "shortName", label: "简称", kind: "text", note: "标题中用的简称（可不填），如 社区治理和服务创新办公室。" },
    { id: "region", label: "区划", kind: "text", note: "行政区划（可不填），如 洛阳市洛龙区。" },
    { id: "date", label: "编制日期", kind: "date", note: "封面上的编制日期（可不填），写成文字，如 2021-02。" },
    { id: "provenance", label: "来源说明", kind: "text", note: "印在封面上的文件来源说明（一般不填），如示例数据据已公开文件重建的说明。" },
  ],
};

export const VEHICLE_PREFIX = "车辆：";
export const STANDARD_VEHICLES = ["一般公务用车", "一般执法执勤用车", "特种专业技术用车", "其他用车"] as const;

export const ASSETS_SHEET: KvSheetDef = {
  name: SHEET.assets,
  valueHeader: OWNER_DEPARTMENT,
  unitColumns: true,
  rows: [
    { id: "asOf", label: "截至日期", kind: "date", note: "资产数的截至日期，一般是上年末，写成文字，如 2020-12-31。填了资产数就必须填。" },
    ...STANDARD_VEHICLES.map((v): KvRowDef => ({ id: `vehicle:${v}`, label: `${VEHICLE_PREFIX}${v}`, kind: "count", note: "车辆数（辆），整数；没有就填 0。" })),
    { id: "generalEquipmentOver500k", label: "单价50万元以上通用设备（台、套）", kind: "count", note: "整数，留空按 0。" },
    { id: "specialEquipmentOver1m", label: "单位价值100万元以上专用设备（台、套）", kind: "count", note: "整数，留空按 0。" },
  ],
  dynamic: { prefix: VEHICLE_PREFIX, kind: "count", idPrefix: "vehicle:", note: "其他车辆种类：栏目写“车辆：种类名称”。" },
};

export const CLASS_PREFIX = "一般公共预算支出：";

const PRIOR_AMOUNT_NOTE = "元（也可写“2518.03万元”）；不填就不作比较。";

export const THREE_PUBLIC_LABELS: Record<"abroad" | "reception" | "vehiclePurchase" | "vehicleOperation", string> = {
  abroad: "“三公”经费：因公出国（境）费",
  reception: "“三公”经费：公务接待费",
  vehiclePurchase: "“三公”经费：公务用车购置费",
  vehicleOperation: "“三公”经费：公务用车运行维护费",
};

export const PRIOR_AMOUNT_FIELDS = [
  ["total", "收支总计"],
  ["basic", "基本支出"],
  ["project", "项目支出"],
  ["appropriation", "财政拨款收支"],
  ["generalPublicBudget", "一般公共预算"],
  ["governmentFund", "政府性基金预算"],
  ["stateCapital", "国有资本经营预算"],
  ["personnel", "人员经费"],
  ["publicFunds", "公用经费"],
  ["operatingCost", "机关运行经费"],
  ["procurement", "政府采购"],
] as const;

export function priorSheet(classes: readonly { code: string; name: string }[]): KvSheetDef {
  return {
    name: SHEET.prior,
    valueHeader: OWNER_DEPARTMENT,
    unitColumns: true,
    rows: [
      { id: "year", label: "上年年度", kind: "year", note: "上年数所属年度，如 2020。填了上年数就必须填。" },
      { id: "basis", label: "比较口径", kind: "text", note: "可不填，默认“上年年初预算”。" },
      ...PRIOR_AMOUNT_FIELDS.map(([id, label]): KvRowDef => ({ id, label, kind: "amount", note: PRIOR_AMOUNT_NOTE })),
      ...Object.entries(THREE_PUBLIC_LABELS).map(([k, label]): KvRowDef => ({ id: `threePublic.${k}`, label, kind: "amount", note: "“三公”经费上年数，元；填一项就要四项都填（没有的填 0）。" })),
      ...classes.map((c): KvRowDef => ({ id: `byClass:${c.code}`, label: `${CLASS_PREFIX}${c.code} ${c.name}`.trimEnd(), kind: "amount", note: "上年一般公共预算支出中这一类的数，元；可不填。" })),
    ],
    dynamic: { prefix: CLASS_PREFIX, kind: "amount", idPrefix: "byClass:", note: "其他类：栏目写“一般公共预算支出：类编码 名称”。" },
  };
}

export const REASON_LABELS: Record<ReasonKey, string> = {
  total: "原因说明：一、收支预算总体情况",
  income: "原因说明：二、收入预算总体情况",
  expenditure: "原因说明：三、支出预算总体情况",
  appropriation: "原因说明：四、财政拨款收支总体情况",
  generalPublicBudget: "原因说明：五、一般公共预算支出情况",
  economic: "原因说明：六、一般公共预算基本支出情况",
  threePublic: "原因说明：七、“三公”经费支出情况",
  governmentFund: "原因说明：八、政府性基金预算支出情况",
  stateCapital: "原因说明：九、国有资本经营预算支出情况",
  operatingCost: "原因说明：十（一）机关运行经费",
  procurement: "原因说明：十（二）政府采购情况",
  performance: "原因说明：十（三）绩效目标设置情况",
  assets: "原因说明：十（四）国有资产占用情况",
  specialTransfer: "原因说明：十（五）专项转移支付项目情况",
};

export const TEXTS_SHEET: KvSheetDef = {
  name: SHEET.texts,
  valueHeader: OWNER_DEPARTMENT,
  unitColumns: true,
  rows: [
    ...REASON_KEYS.map((k): KvRowDef => ({ id: `reason:${k}`, label: REASON_LABELS[k], kind: "text", note: "接在这一部分数字后面的文字，一般写增减原因；可不填。" })),
    { id: "duties", label: "主要职能", kind: "text", repeat: true, departmentOnly: true, note: "部门概况：每条职能一行（栏目都写“主要职能”），按顺序排列。" },
    { id: "organisation", label: "机构设置", kind: "text", departmentOnly: true, note: "部门概况：机构设置情况（一段文字）。" },
    { id: "unitsIncluded", label: "部门预算单位构成", kind: "text", repeat: true, departmentOnly: true, note: "纳入部门预算的单位名称，每个单位一行（栏目都写“部门预算单位构成”）。" },
  ],
};

/** Labels compare without spaces, with any kind of quote, colon or bracket. */
export function normaliseLabel(s: string): string {
  return s
    .replace(/\s+/g, "")
    .replace(/[“”"'‘’]/g, "")
    .replace(/:/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

/** "支出明细!G7" */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${columnLetter(col)}${row}`;
}
