/**
 * 执行页面的计算 — the pure pieces of the execution page: the stored record (分) back to the 元 the API
 * takes, the 双监控 series (cumulative spending progress against time progress by month), where an
 * import finding points, and an indicator's actual value as text.
 */
import { type ActualValue, FINAL_SPENDING_USE_NAMES, type FinalAccountsRecord, type IndicatorActual, type LineRef, NON_FISCAL_INCOME_NAMES } from "../../core/execution/model.ts";
import { balanceKindName } from "../../core/final-accounts/ledger.ts";
import type { Finding } from "../../core/rules/finding.ts";
import type { ExecutionRecord } from "../api/execution.ts";
import { type Percent, formatYuan, percentFromHundredths, percentOf } from "./format.ts";
import { timeProgressOfMonths } from "../../core/execution/progress.ts";
import type { Fen } from "../../core/money.ts";

/** 分 → "1234.56" 元, exact (the core's formatYuan). */
export function yuanText(fen: number): string {
  return formatYuan(fen as Fen);
}

/** An empty record for a budget year: the data run to the year's end. */
export function emptyRecord(year: number): ExecutionRecord {
  return { year, asOf: `${year}-12-31`, adjustments: [], actuals: [] };
}

/** The record as the PUT endpoint takes it: every amount in 元 as a decimal string, no `year` (the budget's). */
export function recordBody(r: ExecutionRecord): Record<string, unknown> {
  const { year: _year, ...rest } = r;
  const body: Record<string, unknown> = { ...rest, adjustments: r.adjustments.map((a) => ({ ...a, amount: yuanText(a.amount) })) };
  if (r.procurementExecuted !== undefined) body.procurementExecuted = yuanText(r.procurementExecuted);
  if (r.prior) {
    const p: Record<string, unknown> = { ...r.prior };
    for (const k of ["carryOver", "personnel", "publicFunds", "threePublic"] as const) if (r.prior[k] !== undefined) p[k] = yuanText(r.prior[k]);
    body.prior = p;
  }
  const fa = r.finalAccounts;
  if (fa) {
    // 决算补充数据 round-trips too: its amounts back to 元 (kinds and sources as stored, which the PUT takes)
    const items = <T extends { amount: number }>(xs: readonly T[]) => xs.map((x) => ({ ...x, amount: yuanText(x.amount as Fen) }));
    const prior: Record<string, unknown> = { ...fa.prior };
    for (const k of ["total", "appropriationTotal", "gpbExpenditure", "threePublic", "operatingCost"] as const) if (fa.prior?.[k] !== undefined) prior[k] = yuanText(fa.prior[k] as Fen);
    body.finalAccounts = {
      ...fa,
      opening: items(fa.opening),
      closing: items(fa.closing),
      income: items(fa.income),
      ...(fa.otherSpending ? { otherSpending: items(fa.otherSpending) } : {}),
      nonFiscalBalanceUsed: items(fa.nonFiscalBalanceUsed),
      surplusDistribution: items(fa.surplusDistribution),
      ...(fa.prior ? { prior } : {}),
    };
  }
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

/** 时间进度 at the end of month m (1–12), as the core measures it. */
export function monthTimePercent(m: number): Percent {
  return percentFromHundredths(timeProgressOfMonths(m));
}

export interface ProgressPoint {
  month: number;
  /** executed in the month, 分 */
  spent: number;
  /** 累计支出进度, null after the date the data run to */
  spending: Percent | null;
  /** 时间进度 */
  time: Percent;
}

/** 双监控 by month: cumulative spending against the adjusted budget, and time progress; months after `asOf` have no spending. */
export function progressSeries(monthly: readonly number[], cumulative: readonly number[], adjusted: number, asOf: string, year: number): ProgressPoint[] {
  const y = Number(asOf.slice(0, 4));
  const lastMonth = y < year ? 0 : y > year ? 12 : Number(asOf.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const c = cumulative[i] ?? 0;
    return {
      month,
      spent: monthly[i] ?? 0,
      spending: month > lastMonth || adjusted === 0 ? null : percentOf(c as Fen, adjusted as Fen),
      time: monthTimePercent(month),
    };
  });
}

const PAYMENT_FIELDS: Record<string, [string, string]> = {
  date: ["支付日期", "date"],
  unit: ["单位代码", "unit"],
  functional: ["功能科目", "functional code"],
  economic: ["经济科目", "economic code"],
  project: ["项目编码", "project"],
  amount: ["金额", "amount"],
};

/** Where an import finding points: file, line or sheet!cell, and the field — "payments.csv · 第 3 行 · 支付日期". */
export function findingPlace(f: Finding, lang: "zh-CN" | "en" = "zh-CN"): string {
  const l = f.location;
  const parts: string[] = [];
  if ("file" in l && l.file) parts.push(l.file.slice(l.file.lastIndexOf("/") + 1));
  if (l.kind === "data") {
    if (l.sheet) parts.push(`${l.sheet}!${l.cell ?? ""}`);
    else if (l.line !== undefined) parts.push(lang === "en" ? `line ${l.line}` : `第 ${l.line} 行`);
    const m = /\.(\w+)$/.exec(l.path);
    const field = m ? PAYMENT_FIELDS[m[1]!] : undefined;
    if (field) parts.push(lang === "en" ? field[1] : field[0]);
    else if (!l.sheet && l.line === undefined && l.path) parts.push(l.path);
  } else if ("page" in l && l.page) parts.push(`p. ${l.page}`);
  return parts.join(" · ");
}

/** An actual value as people read it: "98.5", "2021-11-30", "达成：…", "不适用：…", "" when none. */
export function actualValueText(v: ActualValue | undefined): string {
  if (!v) return "";
  switch (v.kind) {
    case "numeric":
      return v.value;
    case "date":
      return v.date ?? "";
    case "qualitative":
      return `${v.achieved}：${v.text}`;
    case "not-applicable":
      return `不适用：${v.reason}`;
  }
}

/** The key an indicator's actual is recorded under (its project, level2 when a name repeats, level3). */
export function actualKey(a: Pick<IndicatorActual, "project" | "level2" | "level3">): string {
  return `${a.project ?? ""}|${a.level2 ?? ""}|${a.level3}`;
}

/** Puts an actual into the list, replacing the one recorded for the same indicator. */
export function upsertActual(list: readonly IndicatorActual[], a: IndicatorActual): IndicatorActual[] {
  const k = actualKey(a);
  const i = list.findIndex((x) => actualKey(x) === k || (x.project === a.project && x.level3 === a.level3 && (x.level2 === undefined || a.level2 === undefined)));
  if (i < 0) return [...list, a];
  const out = [...list];
  out[i] = a;
  return out;
}

/** A budget line as one short text: "313001 2080208 30101 313001-8". */
export function lineText(r: LineRef | undefined): string {
  if (!r) return "";
  return [r.unit, r.functional, r.economic, r.project].filter(Boolean).join(" ");
}

/** Parses "313001 2080208 30101 [project]" back into a line; undefined when it is not four or three codes. */
export function parseLine(text: string): LineRef | undefined {
  const p = text.trim().split(/\s+/).filter(Boolean);
  if (p.length < 3 || p.length > 4) return undefined;
  const r: LineRef = { unit: p[0]!, functional: p[1]!, economic: p[2]! };
  if (p[3]) r.project = p[3];
  return r;
}

/** An indicator target as written in the budget file: "≥95%", "2021-11-30 前完成", text. */
export function targetText(t: unknown): string {
  if (t === undefined || t === null) return "";
  if (typeof t === "string" || typeof t === "number") return String(t);
  const o = t as { comparator?: string; value?: unknown; unit?: string; deadline?: string; text?: string };
  if (o.deadline) return o.text ?? o.deadline;
  if (o.comparator !== undefined) return `${o.comparator}${String(o.value ?? "")}${o.unit ?? ""}`;
  return "";
}

/** 绩效指标 to record an actual for: the department's own (整体) and each project's, from the budget content. */
export interface IndicatorRow {
  key: string;
  project?: string;
  projectName: string;
  level1: string;
  level2: string;
  level3: string;
  target: string;
}

interface ContentIndicator {
  level1?: string;
  level2?: string;
  level3?: string;
  target?: unknown;
}

export function indicatorRows(content: Record<string, unknown>, departmentWide: string): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const add = (list: unknown, project: string | undefined, projectName: string) => {
    for (const i of Array.isArray(list) ? (list as ContentIndicator[]) : []) {
      if (!i.level3) continue;
      const level2 = i.level2 ?? "";
      const row: IndicatorRow = { key: actualKey({ project, level2, level3: i.level3 }), projectName, level1: i.level1 ?? "", level2, level3: i.level3, target: targetText(i.target) };
      if (project !== undefined) row.project = project;
      rows.push(row);
    }
  };
  add((content.targets as { indicators?: unknown } | undefined)?.indicators, undefined, departmentWide);
  for (const p of Array.isArray(content.projects) ? (content.projects as { code: string; name: string; indicators?: unknown }[]) : []) add(p.indicators, p.code, p.name);
  return rows;
}

/** The actual recorded for an indicator row: by project and level3, and level2 when the record names one. */
export function actualFor(list: readonly IndicatorActual[], row: Pick<IndicatorRow, "project" | "level2" | "level3">): IndicatorActual | undefined {
  return list.find((a) => a.project === row.project && a.level3 === row.level3 && (a.level2 === undefined || a.level2 === row.level2));
}

/** The parts of the 决算补充数据 (finalAccounts), in the order the 收入支出决算总表 reads them. */
export const FINAL_RECORD_SECTIONS = ["opening", "income", "otherSpending", "nonFiscalBalanceUsed", "surplusDistribution", "closing"] as const;
export type FinalRecordSection = (typeof FINAL_RECORD_SECTIONS)[number];

/** One entry of the 决算补充数据 as the execution page shows it (read-only). */
export interface FinalRecordRow {
  key: string;
  section: FinalRecordSection;
  unit: string;
  /** 功能分类科目 (项); none for 使用非财政拨款结余 and 结余分配, which are kept per unit */
  functional: string;
  /** the 决算 tables' word: the kind of 结转和结余, the income, the use */
  item: string;
  /** 分 */
  amount: number;
}

/**
 * The record's finalAccounts as rows (年初 / 年末结转和结余, 非财政拨款收入, 上缴上级 / 经营 / 对附属单位补助支出,
 * 使用非财政拨款结余, 结余分配), each named with the core's words, so a preparer sees what the 决算 will state.
 */
export function finalRecordRows(fa: FinalAccountsRecord): FinalRecordRow[] {
  const rows: FinalRecordRow[] = [];
  const add = (section: FinalRecordSection, i: number, unit: string, functional: string, item: string, amount: number) => rows.push({ key: `${section}.${i}`, section, unit, functional, item, amount });
  fa.opening.forEach((b, i) => add("opening", i, b.unit, b.functional, balanceKindName(b.kind), b.amount));
  fa.income.forEach((x, i) => add("income", i, x.unit, x.functional, NON_FISCAL_INCOME_NAMES[x.source], x.amount));
  (fa.otherSpending ?? []).forEach((x, i) => add("otherSpending", i, x.unit, x.functional, FINAL_SPENDING_USE_NAMES[x.use], x.amount));
  fa.nonFiscalBalanceUsed.forEach((x, i) => add("nonFiscalBalanceUsed", i, x.unit, "", "", x.amount));
  fa.surplusDistribution.forEach((x, i) => add("surplusDistribution", i, x.unit, "", "", x.amount));
  fa.closing.forEach((b, i) => add("closing", i, b.unit, b.functional, balanceKindName(b.kind), b.amount));
  return rows;
}
