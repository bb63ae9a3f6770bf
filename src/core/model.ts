/**
 * The budget model (部门预算): one source of truth from which every table and narrative number is derived.
 * All amounts are integer 分 (see money.ts). Domain background: ../shared/domain.md.
 */
import type { Fen } from "./money.ts";

/** 单位类型 — unit type. 参公 units follow 行政 rules (mapping, 机关运行经费). */
export type UnitType =
  /** 行政单位 */
  | "administrative"
  /** 参照公务员法管理的事业单位 (参公) */
  | "civil-service-managed"
  /** 事业单位 */
  | "institution";

export const UNIT_TYPE_NAMES: Record<UnitType, string> = {
  administrative: "行政单位",
  "civil-service-managed": "参公事业单位",
  institution: "事业单位",
};

/** True for 行政 and 参公 units: they count 机关运行经费 and map to 501/502/503. */
export function isAdministrativeLike(type: UnitType): boolean {
  return type === "administrative" || type === "civil-service-managed";
}

/** 人员编制 — staffing. Missing numbers stay undefined: "not given" is not zero. */
export interface Staffing {
  /** 编制数 */
  authorized?: number;
  /** 实有人数 (在职) */
  actual?: number;
  /** 离退休人数 */
  retired?: number;
}

/**
 * 机关本级 — the department's own office among its units: the unit that bears the department's name, or is
 * numbered as its first unit (<部门编码>001, as Henan numbers them: 313 → 313001).
 */
export function isOwnOffice(unit: Pick<Unit, "code" | "name">, department: { code: string; name: string }): boolean {
  return unit.name === department.name || unit.code === `${department.code}001`;
}

/** 预算单位 — a budget unit of the department. */
export interface Unit {
  /** 单位代码, e.g. "313001" */
  code: string;
  /** 单位名称 */
  name: string;
  type: UnitType;
  staffing: Staffing;
  /** the unit's own prior-year figures, for its own disclosure */
  prior?: PriorYear;
  /** the unit's own reasons, for its own disclosure */
  reasons?: Partial<Record<ReasonKey, string>>;
  /** the unit's own overall targets (table 12 of its disclosure) */
  targets?: DepartmentTargets;
  /** the unit's own assets */
  assets?: Assets;
  /** 不予公开 — the unit is withheld from the public documents (涉密); kept in every internal view and check */
  exempt?: Exemption;
}

/**
 * 不予公开 — content exempt from publication (涉密: 预算法第十四条 exempts state secrets). Public documents leave
 * it out with the template's note (src/core/exempt.ts); internal views, the rules and the reviewer keep it.
 */
export interface Exemption {
  /** the ground, as the note states it: 涉密 unless said otherwise */
  basis: string;
}

/**
 * 资金来源 — funding source. The first block is Henan's layout (一般公共预算 split into five sub-sources);
 * the last four are the sources other provinces print, which appear as columns only when used.
 */
export type FundingSource =
  /** 一般公共预算 — 财政拨款 */
  | "gpb-appropriation"
  /** 一般公共预算 — 行政事业性收费 */
  | "gpb-admin-fees"
  /** 一般公共预算 — 专项收入 */
  | "gpb-special-revenue"
  /** 一般公共预算 — 国有资产资源有偿使用收入 */
  | "gpb-state-assets"
  /** 一般公共预算 — 政府住房基金收入 */
  | "gpb-housing-fund"
  /** 政府性基金预算 */
  | "government-fund"
  /** 国有资本经营预算 */
  | "state-capital"
  /** 财政专户 */
  | "special-account"
  /** 上级提前告知转移支付 */
  | "advance-transfer"
  /** 部门财政性资金结转 */
  | "carry-over"
  /** 其他收入 */
  | "other"
  /** 事业收入 */
  | "business-income"
  /** 事业单位经营收入 */
  | "operating-income"
  /** 上级补助收入 */
  | "superior-subsidy"
  /** 附属单位上缴收入 */
  | "subordinate-remittance"
  /** 债务资金（银行贷款） — borrowed money (Jiangsu prints it under 其他资金) */
  | "debt";

export const GENERAL_PUBLIC_BUDGET_SOURCES = [
  "gpb-appropriation",
  "gpb-admin-fees",
  "gpb-special-revenue",
  "gpb-state-assets",
  "gpb-housing-fund",
] as const satisfies readonly FundingSource[];

/** Henan's source columns, in print order. */
export const HENAN_SOURCES = [
  ...GENERAL_PUBLIC_BUDGET_SOURCES,
  "government-fund",
  "state-capital",
  "special-account",
  "advance-transfer",
  "carry-over",
  "other",
] as const satisfies readonly FundingSource[];

/** Sources outside Henan's layout: a column appears only where the data has amounts for it. */
export const EXTRA_SOURCES = [
  "business-income",
  "operating-income",
  "superior-subsidy",
  "subordinate-remittance",
  "debt",
] as const satisfies readonly FundingSource[];

export const FUNDING_SOURCES: readonly FundingSource[] = [...HENAN_SOURCES, ...EXTRA_SOURCES];

export const FUNDING_SOURCE_NAMES: Record<FundingSource, string> = {
  "gpb-appropriation": "财政拨款",
  "gpb-admin-fees": "行政事业性收费",
  "gpb-special-revenue": "专项收入",
  "gpb-state-assets": "国有资产资源有偿使用收入",
  "gpb-housing-fund": "政府住房基金收入",
  "government-fund": "政府性基金预算",
  "state-capital": "国有资本经营预算",
  "special-account": "财政专户",
  "advance-transfer": "上级提前告知转移支付",
  "carry-over": "部门财政性资金结转",
  other: "其他收入",
  "business-income": "事业收入",
  "operating-income": "事业单位经营收入",
  "superior-subsidy": "上级补助收入",
  "subordinate-remittance": "附属单位上缴收入",
  debt: "债务资金",
};


/**
 * 支出性质 (支出用途) — what a line's money is for. Every province has 基本支出 and 项目支出; Jiangsu's provincial
 * departments print two more uses beside them (苏财预 tables 公开01/03/04):
 * - 单位预留机动经费 (reserve): money a unit keeps at the start of the year for the unforeseen (增人、增资);
 *   it is spent during the year, so it counts in 支出合计 but in neither 基本支出 nor 项目支出;
 * - 结转下年资金 (carry-forward): this year's money kept for next year; 支出合计 = 当年支出小计 + 结转下年资金.
 * A budget without them prints exactly as before: their rows and columns appear only where they have amounts.
 */
export type Nature =
  /** 基本支出 */
  | "basic"
  /** 项目支出 */
  | "project"
  /** 单位预留机动经费 */
  | "reserve"
  /** 结转下年资金 */
  | "carry-forward";

/** Every nature, in the order tables print them (Jiangsu's 支出预算总表: 基本, 项目, 预留机动, 结转下年). */
export const NATURES: readonly Nature[] = ["basic", "project", "reserve", "carry-forward"];

export const NATURE_NAMES: Record<Nature, string> = {
  basic: "基本支出",
  project: "项目支出",
  reserve: "单位预留机动经费",
  "carry-forward": "结转下年资金",
};

/** The short names people write in a budget file, a workbook or the editor (基本, 项目, 预留, 结转下年). */
export const NATURE_SHORT_NAMES: Record<Nature, string> = {
  basic: "基本",
  project: "项目",
  reserve: "预留机动",
  "carry-forward": "结转下年",
};

/**
 * 收入项目 — the income lines Jiangsu's 收支预算总表 and 收入预算总表 print, each gathering funding sources:
 * 财政拨款 (一般公共预算 and 政府性基金预算), 财政专户管理资金, 其他资金 (事业收入, 经营收入, 其他收入, 债务资金 …)
 * and 上年结转资金. Every source is in exactly one line (a test holds it).
 */
export type IncomeLine = "appropriation" | "special-account" | "other-funds" | "carry-over";

export const INCOME_LINE_NAMES: Record<IncomeLine, string> = {
  appropriation: "财政拨款",
  "special-account": "财政专户管理资金",
  "other-funds": "其他资金",
  "carry-over": "上年结转资金",
};

export const INCOME_LINE_SOURCES: Record<IncomeLine, readonly FundingSource[]> = {
  appropriation: [...GENERAL_PUBLIC_BUDGET_SOURCES, "government-fund", "state-capital"],
  "special-account": ["special-account"],
  "other-funds": ["business-income", "operating-income", "other", "debt", "superior-subsidy", "subordinate-remittance", "advance-transfer"],
  "carry-over": ["carry-over"],
};

export const INCOME_LINES: readonly IncomeLine[] = ["appropriation", "special-account", "other-funds", "carry-over"];

/** The income line a funding source is printed under. */
export function incomeLineOf(source: FundingSource): IncomeLine {
  for (const line of INCOME_LINES) if (INCOME_LINE_SOURCES[line].includes(source)) return line;
  return "other-funds";
}

/**
 * A funding source as a person names it on its own, outside a table's column group: 一般公共预算's
 * sub-sources carry the group's name (一般公共预算财政拨款); the others are their name. An unknown id is
 * returned as it is.
 */
export function fundingSourceFullName(source: string): string {
  const name = FUNDING_SOURCE_NAMES[source as FundingSource];
  if (!name) return source;
  return (GENERAL_PUBLIC_BUDGET_SOURCES as readonly string[]).includes(source) ? `一般公共预算${name}` : name;
}

/** 收入 — income by unit and source. */
export interface Income {
  unit: string;
  source: FundingSource;
  amount: Fen;
}

/** 支出明细 — one expenditure line item: unit × functional × economic × nature × project × source. */
export interface LineItem {
  unit: string;
  /** 支出功能分类科目 (7 digits: 类3 款2 项2) */
  functional: string;
  /** 部门预算支出经济分类科目 (款 5 digits, or a local 7-digit sub-item) */
  economic: string;
  nature: Nature;
  /** 项目编码 — required for project expenditure, absent for basic */
  project?: string;
  source: FundingSource;
  amount: Fen;
  /** 摘要 — what the line is for (free text) */
  memo?: string;
}

/**
 * A line item with every field present (an absent project or memo `undefined`), always in this order.
 * Deriving and checking read every line many times; V8 reads the fields of objects of one shape fastest,
 * and a read that sees more than four shapes (lines with or without a project or memo, written in
 * different orders) is several times slower. Every way into the model (`fileToBudget`) makes its lines
 * with this.
 */
export function lineItem(l: LineItem): LineItem {
  return {
    unit: l.unit,
    functional: l.functional,
    economic: l.economic,
    nature: l.nature,
    project: l.project,
    source: l.source,
    amount: l.amount,
    memo: l.memo,
  };
}

/**
 * A unit with every field present (an absent prior, reasons, targets or assets `undefined`), always in this
 * order, its prior-year figures made by `priorYear` (see `lineItem`: units are read by many rules and tables).
 */
export function unit(u: Unit): Unit {
  return {
    code: u.code,
    name: u.name,
    type: u.type,
    staffing: u.staffing,
    prior: u.prior === undefined ? undefined : priorYear(u.prior),
    reasons: u.reasons,
    targets: u.targets,
    assets: u.assets,
    exempt: u.exempt,
  };
}

/** Prior-year figures with every field present (an absent one `undefined`), always in this order (see `lineItem`). */
export function priorYear(p: PriorYear): PriorYear {
  return {
    year: p.year,
    basis: p.basis,
    total: p.total,
    basic: p.basic,
    project: p.project,
    appropriation: p.appropriation,
    generalPublicBudget: p.generalPublicBudget,
    governmentFund: p.governmentFund,
    stateCapital: p.stateCapital,
    byClass: p.byClass,
    personnel: p.personnel,
    publicFunds: p.publicFunds,
    threePublic: p.threePublic,
    operatingCost: p.operatingCost,
    procurement: p.procurement,
  };
}

/** 项目类别 — project class, as the Henan tables print it. */
export type ProjectClass =
  /** 一般性项目 (运转类) */
  | "general"
  /** 专项资金 (特定目标类) */
  | "special"
  /** 人员类项目 */
  | "personnel";

export const PROJECT_CLASSES: readonly ProjectClass[] = ["general", "special", "personnel"];

export const PROJECT_CLASS_NAMES: Record<ProjectClass, string> = {
  general: "一般性项目",
  special: "专项资金",
  personnel: "人员类项目",
};

/** 比较符 — the comparator of a numeric target. */
export type Comparator = "≥" | "≤" | "=" | ">" | "<";

/** 指标值 — an indicator's target. */
export type Target =
  /** a number with its unit: ≥95%, =120 个 */
  | { kind: "numeric"; comparator: Comparator; value: string; unit: string }
  /** a deadline: 2021年3月底前 (ISO date of the last day, and the wording as written) */
  | { kind: "deadline"; date: string; text: string }
  /** a qualitative value: 明显, 及时 */
  | { kind: "qualitative"; text: string };

/** 绩效指标 — a performance indicator. */
export interface Indicator {
  /** 一级指标: 产出/效益/满意度/成本 for projects; 履职效能/管理效率/运行成本/服务满意/可持续性 for departments */
  level1: string;
  /** 二级指标 */
  level2: string;
  /** 三级指标 */
  level3: string;
  /** 指标值 — absent means not set (a finding, not a crash) */
  target?: Target;
  /** 指标解释 */
  explanation?: string;
  /** 指标说明 (formula or method) */
  method?: string;
}

/** An indicator with every field present, in one order (see `lineItem`). */
export function indicator(i: Indicator): Indicator {
  return { level1: i.level1, level2: i.level2, level3: i.level3, target: i.target, explanation: i.explanation, method: i.method };
}

/** 预算项目 — a project. Its amounts are the sum of its line items. */
export interface Project {
  /** 项目编码 */
  code: string;
  /** 项目名称 */
  name: string;
  unit: string;
  class: ProjectClass;
  /** the project's main functional code */
  functional?: string;
  /** 是否专项转移支付 — a special transfer payment the department manages */
  specialTransfer?: boolean;
  /** 项目绩效目标 (年度目标) */
  goal?: string;
  indicators: Indicator[];
  /** 不予公开 — the project is withheld from the public documents (涉密); kept in every internal view and check */
  exempt?: Exemption;
}

/** A project with every field present, in one order (see `lineItem`); its indicators as they are. */
export function project(p: Project): Project {
  return {
    code: p.code,
    name: p.name,
    unit: p.unit,
    class: p.class,
    functional: p.functional === undefined ? undefined : p.functional,
    specialTransfer: p.specialTransfer,
    goal: p.goal,
    indicators: p.indicators,
    exempt: p.exempt,
  };
}

/** 年度主要任务 — a main task of the department's overall targets; its funds are derived. */
export interface Task {
  name: string;
  content: string;
  /** which money funds it: all basic expenditure, all project expenditure, or the listed projects */
  funds: { kind: "basic" } | { kind: "project" } | { kind: "projects"; codes: string[] };
  note?: string;
}

/** 部门（单位）整体绩效目标 */
export interface DepartmentTargets {
  /** 年度总体目标 */
  goals: string[];
  tasks: Task[];
  indicators: Indicator[];
}

/** 政府采购类别 */
export type ProcurementKind = "goods" | "works" | "services";

export const PROCUREMENT_KIND_NAMES: Record<ProcurementKind, string> = {
  goods: "货物",
  works: "工程",
  services: "服务",
};

/** 品目大类代码 — each kind's letter in the 政府采购品目分类目录 (Jiangsu prints "一、货物A"). */
export const PROCUREMENT_KIND_CODES: Record<ProcurementKind, string> = { goods: "A", works: "B", services: "C" };

/** Every procurement kind, in the catalogue's order. */
export const PROCUREMENT_KINDS: readonly ProcurementKind[] = ["goods", "works", "services"];

/**
 * 采购组织形式 — how a purchase is organised (政府采购法 第七条: 集中采购 by the government's or a department's own
 * agency, else 分散采购). Names as Jiangsu's 政府采购支出预算表 prints them; 分散采购 is accepted for the last.
 */
export type ProcurementOrganisation = "government-central" | "department-central" | "decentralised";

export const PROCUREMENT_ORGANISATION_NAMES: Record<ProcurementOrganisation, string> = {
  "government-central": "政府集中采购",
  "department-central": "部门集中采购",
  decentralised: "分散自行组织",
};

/** Every organisation form, in the order the forms are listed. */
export const PROCUREMENT_ORGANISATIONS: readonly ProcurementOrganisation[] = ["government-central", "department-central", "decentralised"];

/** 政府采购预算 */
export interface Procurement {
  unit: string;
  kind: ProcurementKind;
  amount: Fen;
  project?: string;
  item?: string;
  /** 经济科目 — the department economic code the purchase is paid under (30201, 31002 …) */
  economic?: string;
  /** 采购组织形式 */
  organisation?: ProcurementOrganisation;
}

/** A procurement row with every field present (an absent one `undefined`), in this order (see `lineItem`). */
export function procurement(p: Procurement): Procurement {
  return { unit: p.unit, kind: p.kind, amount: p.amount, project: p.project, item: p.item, economic: p.economic, organisation: p.organisation };
}

/** 国有资产占用情况 */
export interface Assets {
  /** 截至日期, e.g. "2020-12-31" (上年期末) */
  asOf: string;
  /** vehicles by kind: 一般公务用车, 一般执法执勤用车, 特种专业技术用车, 其他用车 … */
  vehicles: Record<string, number>;
  /** 单价50万元以上通用设备 (台/套) */
  generalEquipmentOver500k: number;
  /** 单位价值100万元以上专用设备 (台/套) */
  specialEquipmentOver1m: number;
}

/** "三公"经费 items. */
export interface ThreePublic {
  /** 因公出国（境）费 */
  abroad: Fen;
  /** 公务接待费 */
  reception: Fen;
  /** 公务用车购置费 */
  vehiclePurchase: Fen;
  /** 公务用车运行维护费 */
  vehicleOperation: Fen;
}

/**
 * 上年数 — prior-year figures for every number the narrative compares. The basis is 上年年初预算 unless
 * `basis` says otherwise. A missing figure means "not given": the narrative then makes no comparison.
 */
export interface PriorYear {
  year: number;
  /** 比较口径, default "上年年初预算" */
  basis?: string;
  /** 收入/支出总计 */
  total?: Fen;
  basic?: Fen;
  project?: Fen;
  /** 财政拨款收支 (一般公共预算 + 政府性基金 + 国有资本经营) */
  appropriation?: Fen;
  generalPublicBudget?: Fen;
  governmentFund?: Fen;
  stateCapital?: Fen;
  /** 一般公共预算支出 by 类 code */
  byClass?: Record<string, Fen>;
  personnel?: Fen;
  publicFunds?: Fen;
  threePublic?: ThreePublic;
  /** 机关运行经费 */
  operatingCost?: Fen;
  procurement?: Fen;
}

/** The narrative sections a person writes a reason for. */
export type ReasonKey =
  | "total"
  | "income"
  | "expenditure"
  | "appropriation"
  | "generalPublicBudget"
  | "economic"
  | "threePublic"
  | "governmentFund"
  | "stateCapital"
  | "operatingCost"
  | "procurement"
  | "performance"
  | "assets"
  | "specialTransfer";

export const REASON_KEYS: readonly ReasonKey[] = [
  "total",
  "income",
  "expenditure",
  "appropriation",
  "generalPublicBudget",
  "economic",
  "threePublic",
  "governmentFund",
  "stateCapital",
  "operatingCost",
  "procurement",
  "performance",
  "assets",
  "specialTransfer",
];

/** 部门概况 — the department profile (第一部分). */
export interface Profile {
  /** 主要职能 — one paragraph per duty */
  duties: string[];
  /** 机构设置情况 */
  organisation: string;
  /** 部门预算单位构成 — names of the units the budget includes, as printed */
  unitsIncluded?: string[];
}

/** 部门预算 — one department's budget for one fiscal year. */
export interface Budget {
  /** 预算年度 */
  year: number;
  department: {
    /** 部门编码, e.g. "313" */
    code: string;
    name: string;
    /** 简称 used in headings, e.g. 社区治理和服务创新办公室 */
    shortName?: string;
    /** 区划 */
    region?: string;
  };
  /** 编制日期 printed on the cover, e.g. "2021-02" */
  date?: string;
  /**
   * 来源说明 — what the document is, printed on its cover (first page): e.g. that a sample is rebuilt from a
   * published document with listed corrections. Absent for an ordinary budget.
   */
  provenance?: string;
  units: Unit[];
  /** explicit income; when absent, income by source is read from the line items (balanced by construction) */
  income?: Income[];
  lineItems: LineItem[];
  projects: Project[];
  targets?: DepartmentTargets;
  procurement: Procurement[];
  assets?: Assets;
  prior?: PriorYear;
  /** 原因说明 — the reasons people write, by narrative section */
  reasons: Partial<Record<ReasonKey, string>>;
  profile: Profile;
}
