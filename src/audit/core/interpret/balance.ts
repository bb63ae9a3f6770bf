/**
 * 收支总表 — tables 1 and 4 (central 1 and 4): income on the left, expenditure on the right, side by side.
 * Each row is read from its content, not only its position: the expenditure label is the first label that
 * looks like one ("一、基本支出", "1、工资福利支出", "八、社会保障和就业", "支出合计"), and the amounts after
 * it map to the header columns after the header's expenditure 项目 column. Real documents print header
 * and rows misaligned (the seed's table 4), and this reads them either way.
 */
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

const EXPENSE_LABEL = /^([一二三四五六七八九十]+、(?!.*(拨款|收入))|\d+、|(其中[:：])?[（(]\d[）)])|支出(合计|总计)|^(本年|当年)支出|^结转下年/;

const clean = (s: string) => normaliseHeading(s).replace(/[:：]$/, "");

function incomeKey(label: string): string | undefined {
  const n = clean(label).replace(/^加[:：]?/, "");
  if (/^收入(合计|总计)$/.test(n)) return "total";
  if (/^(本年|当年)收入(小计|合计)$/.test(n)) return "this-year";
  if (n === "小计") return "gpb";
  return sourceOf(n);
}

function expenseLine(label: string, parent: string | undefined): Omit<BalanceLine, "row" | "amounts"> {
  const n = clean(label);
  if (/^支出(合计|总计)$/.test(n)) return { label: n, key: "total" };
  if (/^(本年|当年)支出(合计|小计)$/.test(n)) return { label: n, key: "this-year" };
  if (/^结转下年/.test(n)) return { label: n, key: "carry-forward" };
  const cn = /^([一二三四五六七八九十]+)、(.*)$/.exec(n);
  if (cn) {
    const rest = cn[2]!;
    if (rest === "基本支出") return { label: rest, key: "basic" };
    if (rest === "项目支出") return { label: rest, key: "project" };
    const numeral = chineseToNumber(cn[1]!);
    return { label: rest, ...(numeral ? { numeral, key: `class:${200 + numeral}` } : {}) };
  }
  const sub = /^(?:其中[:：])?(?:\d+、|[（(]\d[）)])(.*)$/.exec(n);
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
      const key = incomeKey(label[0]);
      income.push({ row: r, label: clean(label[0]), ...(key ? { key } : {}), amounts: new Map(amount ? [["amount", amount]] : []) });
    }
    if (e < 0) continue;
    // each expenditure label of the row with the cells up to the next one (one label unless side by side)
    const starts = sideBySide ? cells.map((c, i) => (i >= e && isLabel(c, i) ? i : -1)).filter((i) => i >= 0) : [e];
    starts.forEach((start, n) => {
      const end = starts[n + 1] ?? cells.length;
      const line = expenseLine(cells[start]!, parent);
      if (line.key === "basic" || line.key === "project") parent = line.key;
      else if (line.numeral !== undefined || line.key === "total") parent = undefined;
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
