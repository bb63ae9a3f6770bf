/**
 * 收支总表 — tables 1 and 4 (central 1 and 4): income on the left, expenditure on the right, side by side.
 * Each row is read from its content, not only its position: the expenditure label is the first label that
 * looks like one ("一、基本支出", "1、工资福利支出", "八、社会保障和就业", "支出合计"), and the amounts after
 * it map to the header columns after the header's expenditure 项目 column. Real documents print header
 * and rows misaligned (the seed's table 4), and this reads them either way.
 */
import { INCOME_LINE_NAMES } from "../../../core/model.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { normaliseHeading } from "../header.ts";
import { parseAmount } from "../numbers.ts";
import type { BalanceLine, BalanceTable, ColumnKey, TableInfo } from "../semantic.ts";
import { columnKey, economicClassOf, projectClassOf, readAmount, sourceOf } from "./columns.ts";

const NUMERAL = "一二三四五六七八九十";

/** 一 … 九十九 → 1 … 99. */
export function chineseToNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return undefined;
  const d = (c: string | undefined) => (c ? NUMERAL.indexOf(c) + 1 : 0);
  const i = s.indexOf("十");
  if (i < 0) return s.length === 1 ? d(s) : undefined;
  const tens = i === 0 ? 1 : d(s[0]);
  return tens * 10 + d(s[i + 1]);
}

const EXPENSE_LABEL = /^([一二三四五六七八九十]+、(?!.*(拨款|收入))|\d+、|(其中[:：])?[（(](\d|[一二三四五六七八九十]+)[）)](?!.*(拨款|收入)))|支出(合计|总计)|^(本年|当年)支出|^结转下年/;

/** A line's own words, its numbering ("一、", "（一）", "(1)", "1、") removed. */
const unnumbered = (s: string) => s.replace(/^(?:[一二三四五六七八九十]+、|[（(](?:\d+|[一二三四五六七八九十]+)[）)]|\d+、)/, "");

const clean = (s: string) => normaliseHeading(s).replace(/[:：]$/, "");

/**
 * An income line's key. The Ministry's table 4 prints two blocks, 一、本年收入 and 二、上年结转, each with the
 * kinds of 财政拨款 as （一）（二）（三）: an item under 上年结转 is keyed `carry-over:<source>`, so it is not read
 * as this year's income.
 */
function incomeKey(label: string, parent: string | undefined): string | undefined {
  const n = clean(label).replace(/^加[:：]?/, "");
  if (/^收入(合计|总计)$/.test(n)) return "total";
  // Jiangsu prints 当年 for 本年
  if (/^(本年|当年)收入(小计|合计)?$/.test(unnumbered(n))) return "this-year";
  if (n === "小计") return "gpb";
  // Jiangsu's numbered income lines gather sources (INCOME_LINES): "一、财政拨款" is every appropriation (not
  // Henan's un-numbered 财政拨款 under 一般公共预算), "三、其他资金" the unit's own sources; each an item of 本年收入
  const line = /^[一二三四五六七八九十]+、(.*)$/.exec(n)?.[1];
  if (line === INCOME_LINE_NAMES.appropriation) return "appropriation-line";
  if (line === INCOME_LINE_NAMES["other-funds"]) return "other-funds";
  const item = /^[（(]/.test(n);
  const key = sourceOf(item ? unnumbered(n) : n);
  return key && item && parent === "carry-over" ? `carry-over:${key}` : key;
}

function expenseLine(label: string, parent: string | undefined): Omit<BalanceLine, "row" | "amounts"> {
  const n = clean(label);
  if (/^支出(合计|总计)$/.test(n)) return { label: n, key: "total" };
  // 本年支出 and 结转下年 as lines of their own, or as the blocks 一、本年支出 / 二、结转下年 (the Ministry's table 4)
  if (/^(本年|当年)支出(合计|小计)?$/.test(unnumbered(n))) return { label: unnumbered(n), key: "this-year" };
  if (/^结转下年/.test(unnumbered(n))) return { label: unnumbered(n), key: "carry-forward" };
  const cn = /^([一二三四五六七八九十]+)、(.*)$/.exec(n);
  if (cn) {
    const rest = cn[2]!;
    if (rest === "基本支出") return { label: rest, key: "basic" };
    if (rest === "项目支出") return { label: rest, key: "project" };
    const numeral = chineseToNumber(cn[1]!);
    return { label: rest, ...(numeral ? { numeral, key: `class:${200 + numeral}` } : {}) };
  }
  const sub = /^(?:其中[:：])?(?:\d+、|[（(](?:\d|[一二三四五六七八九十]+)[）)])(.*)$/.exec(n);
  const rest = sub ? sub[1]! : n;
  if (parent === "basic") {
    const c = economicClassOf(rest);
    return { label: rest, ...(c ? { key: `basic:${c}` } : {}) };
  }
  if (parent === "project") {
    const c = projectClassOf(rest);
    return { label: rest, ...(c ? { key: `project:${c}` } : {}) };
  }
  return { label: rest };
}

/**
 * Jiangsu prints the expenditure side twice over (苏财预 公开01表): 功能分类 (功能科目名称, 金额) and 支出用途
 * (项目名称, 金额) side by side, each row holding a 类 and a use; its 当年支出小计 and 支出合计 run across both,
 * their amount under the last column. Such a table has two expenditure label columns.
 */
function expenseLabelColumns(info: TableInfo): number {
  return info.columns.filter((p) => p.includes("支出") && /(名称|^项目)$/.test(p[p.length - 1] ?? "")).length;
}

export function readBalanceTable(info: TableInfo, problems: Finding[]): BalanceTable {
  const headerLabel = info.columns.findIndex((p) => p.includes("支出") && /^项目$/.test(p[p.length - 1] ?? ""));
  const offsets = new Map<number, ColumnKey>();
  if (headerLabel >= 0) {
    for (let k = headerLabel + 1; k < info.columns.length; k++) {
      const key = columnKey(info.columns[k]!);
      if (key && ![...offsets.values()].includes(key)) offsets.set(k - headerLabel, key);
    }
  } else offsets.set(1, "total");
  const sideBySide = expenseLabelColumns(info) >= 2 && offsets.size === 1;
  const income: BalanceLine[] = [];
  const expenditure: BalanceLine[] = [];
  let parent: string | undefined;
  let incomeParent: string | undefined;
  for (let r = info.headerCount; r < info.rows.length; r++) {
    const cells = info.rows[r]!.map((c) => c.trim());
    const isNumber = (c: string) => c !== "" && parseAmount(c, info.unit) !== undefined && !parseAmount(c, info.unit)!.blank;
    const isLabel = (c: string, i: number) => i > 0 && c !== "" && !isNumber(c) && EXPENSE_LABEL.test(normaliseHeading(c));
    const e = cells.findIndex(isLabel);
    const left = e < 0 ? cells : cells.slice(0, e);
    const texts = left.map((c, i) => [c, i] as const).filter(([c]) => c !== "" && !isNumber(c));
    const amountAt = left.findIndex((c) => isNumber(c));
    const label = texts[texts.length - 1];
    if (label) {
      const amount = amountAt >= 0 ? readAmount(info, r, amountAt, problems) : undefined;
      const key = incomeKey(label[0], incomeParent);
      if (key === "this-year" || key === "carry-over" || key === "total") incomeParent = key;
      income.push({ row: r, label: clean(label[0]), ...(key ? { key } : {}), amounts: new Map(amount ? [["amount", amount]] : []) });
    }
    if (e < 0) continue;
    // each expenditure label of the row with the cells up to the next one (one label unless side by side)
    const starts = sideBySide ? cells.map((c, i) => (i >= e && isLabel(c, i) ? i : -1)).filter((i) => i >= 0) : [e];
    starts.forEach((start, n) => {
      const end = starts[n + 1] ?? cells.length;
      const line = expenseLine(cells[start]!, parent);
      if (line.key === "basic" || line.key === "project") parent = line.key;
      else if (line.numeral !== undefined || line.key === "total" || line.key === "this-year" || line.key === "carry-forward") parent = undefined;
      const amounts = new Map<ColumnKey, ReturnType<typeof readAmount> & object>();
      for (const [offset, key] of offsets) {
        if (start + offset >= end) continue;
        const a = readAmount(info, r, start + offset, problems);
        if (a) amounts.set(key, a);
      }
      // a line running across both sides (当年支出小计, 支出合计) prints its one amount under the last column
      const printed = cells.map((c, i) => (i > start && i < end && isNumber(c) ? i : -1)).filter((i) => i >= 0);
      if (sideBySide && [...amounts.values()].every((a) => a.value.blank) && printed.length === 1) {
        const a = readAmount(info, r, printed[0]!, problems);
        if (a) amounts.set(offsets.values().next().value!, a);
      }
      expenditure.push({ row: r, ...line, amounts });
    });
  }
  return { info, income, expenditure };
}
