/**
 * The budget file (预算数据文件): what people write in YAML or JSON. One schema for both; values may be
 * written in Chinese (行政, 基本, 财政拨款 …) or as the model's English ids. Amounts are 元 unless they say
 * 万元: 413500, "413500.00", "41.35万元" all mean the same 分.
 */
import { z } from "zod";
import type { Fen } from "../../core/money.ts";
import { MAX_AMOUNT, MAX_BUDGET_TOTAL, MoneyError, formatYuan, fromYuanNumber, parseDecimal } from "../../core/money.ts";
import type { FundingSource, Nature, ProcurementKind, ProcurementOrganisation, ProjectClass, ReasonKey, Target, UnitType } from "../../core/model.ts";
import { FUNDING_SOURCE_NAMES, NATURES, NATURE_NAMES, NATURE_SHORT_NAMES, PROCUREMENT_ORGANISATIONS, PROCUREMENT_ORGANISATION_NAMES, REASON_KEYS } from "../../core/model.ts";
import { DEFAULT_EXEMPT_BASIS } from "../../core/exempt.ts";

/**
 * 长度上限 — the most characters a text field may hold (the work a request can cause is bounded; issue 19):
 * codes, names, short notes (memo, target, method) and long texts (reasons, goals, the profile).
 */
export const TEXT_LIMITS = { code: 64, name: 200, note: 2_000, long: 20_000 } as const;

/** 条数上限 — the most entries a list may hold. */
export const LIST_LIMITS = { units: 2_000, lineItems: 500_000, projects: 20_000, indicators: 500, procurement: 100_000, texts: 1_000 } as const;

const text = (max: number) => z.string().max(max, { message: `文字过长（上限 ${max} 字）/ text too long (at most ${max} characters)` });
const name = text(TEXT_LIMITS.name);
const note = text(TEXT_LIMITS.note);
const long = text(TEXT_LIMITS.long);

/** A code: digits (or a project code) written as text; a bare YAML number is accepted and kept as digits. */
const codeText = z.union([text(TEXT_LIMITS.code), z.number().int().nonnegative()]).transform((v) => String(v).trim());

/** The values a person may write, as they would write them: the Chinese names (the English ids also work). */
function allowedNames(map: Record<string, string>): string {
  const keys = [...new Set(Object.keys(map))];
  const chinese = keys.filter((k) => /[\u4e00-\u9fff]/.test(k));
  return (chinese.length > 0 ? chinese : keys).join("、");
}

function aliases<T extends string>(map: Record<string, T>, what: string) {
  return z.string().transform((v, ctx) => {
    const hit = map[v.trim()];
    if (hit) return hit;
    ctx.addIssue({ code: "custom", message: `未知的${what} / unknown ${what}: "${v}"；可用 / allowed: ${allowedNames(map)}` });
    return z.NEVER;
  });
}

export const UNIT_TYPE_ALIASES: Record<string, UnitType> = {
  行政: "administrative",
  行政单位: "administrative",
  administrative: "administrative",
  参公: "civil-service-managed",
  参公事业单位: "civil-service-managed",
  参照公务员法管理的事业单位: "civil-service-managed",
  "civil-service-managed": "civil-service-managed",
  事业: "institution",
  事业单位: "institution",
  institution: "institution",
};

/** 支出性质 as people write it: the full name (基本支出, 单位预留机动经费 …), the short one (基本, 预留机动 …), the id. */
export const NATURE_ALIASES: Record<string, Nature> = {
  ...Object.fromEntries(NATURES.flatMap((n) => [[NATURE_SHORT_NAMES[n], n], [NATURE_NAMES[n], n], [n, n]])),
  预留: "reserve",
  预留机动: "reserve",
  预留机动经费: "reserve",
  结转下年资金: "carry-forward",
};

export const SOURCE_ALIASES: Record<string, FundingSource> = {
  ...Object.fromEntries(Object.entries(FUNDING_SOURCE_NAMES).map(([id, name]) => [name, id as FundingSource])),
  ...Object.fromEntries(Object.keys(FUNDING_SOURCE_NAMES).map((id) => [id, id as FundingSource])),
  一般公共预算财政拨款: "gpb-appropriation",
  一般公共预算: "gpb-appropriation",
  政府性基金: "government-fund",
  国有资本经营: "state-capital",
  上年结转: "carry-over",
  上年结转资金: "carry-over",
  上年结转和结余资金: "carry-over",
  财政专户管理资金: "special-account",
  "债务资金（银行贷款）": "debt",
  "债务资金(银行贷款)": "debt",
};

export const PROJECT_CLASS_ALIASES: Record<string, ProjectClass> = {
  一般性项目: "general",
  运转类: "general",
  运转类项目: "general",
  general: "general",
  专项资金: "special",
  特定目标类: "special",
  特定目标类项目: "special",
  special: "special",
  人员类项目: "personnel",
  人员类: "personnel",
  personnel: "personnel",
};

export const PROCUREMENT_ALIASES: Record<string, ProcurementKind> = { 货物: "goods", goods: "goods", 工程: "works", works: "works", 服务: "services", services: "services" };

/** 采购组织形式: the printed names, the ids, and the law's 分散采购 / 集中采购 wording. */
export const PROCUREMENT_ORGANISATION_ALIASES: Record<string, ProcurementOrganisation> = {
  ...Object.fromEntries(PROCUREMENT_ORGANISATIONS.flatMap((o) => [[PROCUREMENT_ORGANISATION_NAMES[o], o], [o, o]])),
  分散采购: "decentralised",
  政府集中: "government-central",
  部门集中: "department-central",
};

/** An amount in 元, or in 万元 when the text says so. */
export const amount = z.union([z.number(), z.string()]).transform((v, ctx): Fen => {
  try {
    if (typeof v === "number") return fromYuanNumber(v);
    const s = v.trim();
    if (s.endsWith("万元")) return parseDecimal(s.slice(0, -2), "万元");
    if (s.endsWith("万")) return parseDecimal(s.slice(0, -1), "万元");
    return parseDecimal(s.endsWith("元") ? s.slice(0, -1) : s, "元");
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof MoneyError ? e.message : `不是金额 / not an amount: ${String(v)}` });
    return z.NEVER;
  }
}).refine((f) => Math.abs(f) <= MAX_AMOUNT, { message: `金额超过上限 ${formatYuan(MAX_AMOUNT)} 元 / amount above the limit of ${formatYuan(MAX_AMOUNT)} 元` });

/** Refuses a list whose absolute amounts add up past MAX_BUDGET_TOTAL (each total derived from it stays exact). */
const boundedTotal = <T extends { amount: Fen }>(what: string) => (list: readonly T[], ctx: z.RefinementCtx) => {
  let total = 0;
  for (const x of list) total += Math.abs(x.amount);
  if (total > MAX_BUDGET_TOTAL) ctx.addIssue({ code: "custom", message: `${what}金额合计超过上限 ${formatYuan(MAX_BUDGET_TOTAL)} 元 / the ${what} amounts add up past the limit of ${formatYuan(MAX_BUDGET_TOTAL)} 元` });
};

const count = z.number().int().nonnegative();

const staffing = z.strictObject({ authorized: count.optional(), actual: count.optional(), retired: count.optional() });

/** A target: text as people write it ("≥95%", "2021年3月底前", "明显") or a structured object. */
export const targetInput = z.union([
  note.min(1),
  z.number().transform((n) => String(n)),
  z.strictObject({ comparator: z.enum(["≥", "≤", "=", ">", "<"]), value: z.union([name, z.number()]).transform(String), unit: name.default("") }),
  z.strictObject({ deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), text: note.optional() }),
]);
export type TargetInput = z.infer<typeof targetInput>;

const indicator = z.strictObject({
  level1: name.min(1),
  level2: name.default(""),
  level3: name.min(1),
  target: targetInput.optional(),
  explanation: long.optional(),
  method: note.optional(),
});

const threePublic = z.strictObject({ abroad: amount, reception: amount, vehiclePurchase: amount, vehicleOperation: amount });

const reasons = z.partialRecord(z.enum(REASON_KEYS as [ReasonKey, ...ReasonKey[]]), long);

const prior = z.strictObject({
  year: z.number().int(),
  basis: note.optional(),
  total: amount.optional(),
  basic: amount.optional(),
  project: amount.optional(),
  appropriation: amount.optional(),
  generalPublicBudget: amount.optional(),
  governmentFund: amount.optional(),
  stateCapital: amount.optional(),
  byClass: z.record(z.string().regex(/^\d{3}$/), amount).optional(),
  personnel: amount.optional(),
  publicFunds: amount.optional(),
  threePublic: threePublic.optional(),
  operatingCost: amount.optional(),
  procurement: amount.optional(),
});

const task = z.strictObject({
  name: name.min(1),
  content: long.default(""),
  funds: z.union([z.enum(["basic", "project", "基本支出", "项目支出"]), z.array(codeText).max(LIST_LIMITS.projects)]),
  note: note.optional(),
});

const targets = z.strictObject({
  goals: z.array(long).max(LIST_LIMITS.texts).default([]),
  tasks: z.array(task).max(LIST_LIMITS.texts).default([]),
  indicators: z.array(indicator).max(LIST_LIMITS.indicators).default([]),
});

const assets = z.strictObject({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  vehicles: z.record(name, count).default({}),
  generalEquipmentOver500k: count.default(0),
  specialEquipmentOver1m: count.default(0),
});

/** 不予公开: `exempt: 涉密` or `exempt: { basis: 涉密 }` (true: 涉密). */
const exempt = z.union([z.literal(true).transform(() => ({ basis: DEFAULT_EXEMPT_BASIS })), name.min(1).transform((basis) => ({ basis })), z.strictObject({ basis: name.min(1) })]);

const unit = z.strictObject({
  code: codeText,
  name: name.min(1),
  type: aliases(UNIT_TYPE_ALIASES, "单位类型 unit type"),
  staffing: staffing.default({}),
  prior: prior.optional(),
  reasons: reasons.optional(),
  targets: targets.optional(),
  assets: assets.optional(),
  exempt: exempt.optional(),
});

const lineItem = z.strictObject({
  unit: codeText,
  functional: codeText,
  economic: codeText,
  nature: aliases(NATURE_ALIASES, "支出性质 nature"),
  project: codeText.optional(),
  source: aliases(SOURCE_ALIASES, "资金来源 funding source"),
  amount,
  memo: note.optional(),
});

const project = z.strictObject({
  code: codeText,
  name: name.min(1),
  unit: codeText,
  class: aliases(PROJECT_CLASS_ALIASES, "项目类别 project class"),
  functional: codeText.optional(),
  specialTransfer: z.boolean().optional(),
  goal: long.optional(),
  indicators: z.array(indicator).max(LIST_LIMITS.indicators).default([]),
  exempt: exempt.optional(),
});

export const budgetFileSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  department: z.strictObject({ code: codeText, name: name.min(1), shortName: name.optional(), region: name.optional() }),
  date: z.union([name, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  provenance: long.optional(),
  units: z.array(unit).min(1).max(LIST_LIMITS.units),
  income: z.array(z.strictObject({ unit: codeText, source: aliases(SOURCE_ALIASES, "资金来源 funding source"), amount })).max(LIST_LIMITS.lineItems).superRefine(boundedTotal("收入 / income")).optional(),
  lineItems: z.array(lineItem).max(LIST_LIMITS.lineItems).superRefine(boundedTotal("支出明细 / line item")).default([]),
  projects: z.array(project).max(LIST_LIMITS.projects).default([]),
  targets: targets.optional(),
  procurement: z
    .array(z.strictObject({
        unit: codeText,
        kind: aliases(PROCUREMENT_ALIASES, "采购类别 procurement kind"),
        amount,
        project: codeText.optional(),
        item: note.optional(),
        economic: codeText.optional(),
        organisation: aliases(PROCUREMENT_ORGANISATION_ALIASES, "采购组织形式 procurement organisation").optional(),
      }),)
    .max(LIST_LIMITS.procurement)
    .superRefine(boundedTotal("政府采购 / procurement"))
    .default([]),
  assets: assets.optional(),
  prior: prior.optional(),
  reasons: reasons.default({}),
  profile: z.strictObject({ duties: z.array(long).max(LIST_LIMITS.texts).default([]), organisation: long.default(""), unitsIncluded: z.array(name).max(LIST_LIMITS.units).optional() }),
});

export type BudgetFile = z.infer<typeof budgetFileSchema>;

/** Turns a target as written into the model's Target, reading text forms in the budget's year. */
export function toTarget(t: TargetInput | undefined, year: number, parse: (s: string, y: number) => Target): Target | undefined {
  if (t === undefined) return undefined;
  if (typeof t === "string") return parse(t, year);
  if ("deadline" in t) return { kind: "deadline", date: t.deadline, text: t.text ?? t.deadline };
  return { kind: "numeric", comparator: t.comparator, value: t.value, unit: t.unit };
}
