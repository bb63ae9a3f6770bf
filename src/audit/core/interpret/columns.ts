/**
 * 列识别 — money columns found by their heading path (basic/project parts, funding sources), and amounts
 * read from cells with a finding for a cell that is not a number.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { FUNDING_SOURCE_NAMES, type FundingSource } from "../../../core/model.ts";
import { ECONOMIC_CLASS_NAMES } from "../../../core/derive/economic.ts";
import { normaliseHeading } from "../header.ts";
import { parseAmount } from "../numbers.ts";
import type { AmountCell, ColumnKey, TableInfo } from "../semantic.ts";
import { cellLocation } from "./where.ts";

/**
 * How a printed economic 类 name is compared: "的" and a trailing "支出" are often left out (工资福利,
 * 对个人和家庭补助), unless what is left is too short to name a class (其他 is not 399 其他支出).
 */
function economicNameKey(name: string): string {
  const n = normaliseHeading(name).replace(/的/g, "");
  const stem = n.replace(/支出$/, "");
  return stem.length > 2 ? stem : n;
}

/** Economic 类 by printed name, from the core's names (the names the expenditure tables print). */
const ECONOMIC_CLASSES: ReadonlyMap<string, string> = new Map(Object.entries(ECONOMIC_CLASS_NAMES).map(([code, name]) => [economicNameKey(name), code]));

/** The economic 类 a basic-expenditure column or a table 1 row names, e.g. "工资福利支出" → 301. */
export function economicClassOf(name: string): string | undefined {
  return ECONOMIC_CLASSES.get(economicNameKey(name));
}

const PROJECT_CLASSES: readonly [string, RegExp][] = [
  ["general", /^一般性项目|运转类项目/],
  ["special", /^专项资金|特定目标类项目/],
  ["personnel", /^人员类项目/],
];

export function projectClassOf(name: string): string | undefined {
  const n = normaliseHeading(name);
  return PROJECT_CLASSES.find(([, re]) => re.test(n))?.[0];
}

/** Funding-source names as printed (Henan sub-columns, central 拨款收入 wording) → source key. */
export function sourceOf(name: string): FundingSource | "gpb" | undefined {
  const n = normaliseHeading(name).replace(/^[一二三四五六七八九十]+、/, "").replace(/^加[:：]/, "");
  if (/^一般公共预算(财政)?(拨款)?(收入)?$/.test(n)) return "gpb";
  if (/^上年结转|结转$/.test(n)) return "carry-over";
  if (/^财政专户/.test(n)) return "special-account";
  // Jiangsu's 收支预算总表 prints "三、其他资金" for every source outside the budgets
  if (/^其他资金(收入)?$/.test(n)) return "other";
  // a 决算's 收入决算表 and 收入支出决算总表 print 事业单位经营收入 as 经营收入
  if (n === "经营收入") return "operating-income";
  for (const [key, label] of Object.entries(FUNDING_SOURCE_NAMES) as [FundingSource, string][]) {
    if (n === label || n === `${label}拨款收入` || n === `${label}拨款` || n === `${label}收入` || n === `${label}财政拨款` || n === `${label}财政拨款收入`) return key;
  }
  return undefined;
}

/**
 * The key of a money column from its heading path, or undefined for code, name and unknown columns.
 * `under` is the path with the table's side headings (收入/支出) removed.
 */
export function columnKey(path: readonly string[]): ColumnKey | undefined {
  const p = path.filter((x) => !/^(收入|支出|本年支出小计|资金来源|绩效目标)$/.test(x));
  const last = p[p.length - 1];
  if (!last) return undefined;
  const inBasic = p.includes("基本支出");
  const inProject = p.includes("项目支出");
  const inGpb = p.includes("一般公共预算") && p.length > 1;
  // a 决算 prints 决算数, 本年收入合计 and 本年支出合计 where a budget prints 预算数 and 合计
  if (/^(合计|总计|预算数|决算数|金额|小计|本年收入合计|本年支出合计)$/.test(last) && !inBasic && !inProject && !inGpb) return "total";
  if (inBasic) {
    if (last === "基本支出" || last === "小计") return "basic";
    if (last === "人员经费") return "personnel";
    if (last === "公用经费") return "public";
    const c = economicClassOf(last);
    return c ? `basic:${c}` : undefined;
  }
  if (inProject) {
    if (last === "项目支出" || last === "小计") return "project";
    const c = projectClassOf(last);
    return c ? `project:${c}` : undefined;
  }
  if (last === "人员经费") return "personnel";
  if (last === "公用经费") return "public";
  if (inGpb && last === "小计") return "gpb";
  const s = sourceOf(last);
  return s;
}

/** At most this many not-a-number findings per document. */
const MAX_NOT_A_NUMBER = 50;
const NOT_A_NUMBER = new WeakMap<Finding[], number>();

/** Reads the money cell at (row, col) of a table; a word where a number belongs is a finding. */
export function readAmount(info: TableInfo, row: number, col: number, problems: Finding[]): AmountCell | undefined {
  const text = info.rows[row]?.[col];
  if (text === undefined) return undefined;
  const value = parseAmount(text, info.unit, 2);
  if (!value) {
    // a table of words in money columns is reported for its first cells, not cell by cell
    const seen = (NOT_A_NUMBER.get(problems) ?? 0) + 1;
    NOT_A_NUMBER.set(problems, seen);
    if (seen > MAX_NOT_A_NUMBER) return undefined;
    problems.push({
      rule: "interpret.not-a-number",
      severity: "warning",
      message: `${info.label} 金额栏中“${text.slice(0, 40)}”不是数字，按空白处理${seen === MAX_NOT_A_NUMBER ? "（此后同类问题不再逐一列出）" : ""} / "${text.slice(0, 40)}" in a money column of ${info.label} is not a number; read as blank`,
      location: cellLocation(info, row, col),
      actual: text.slice(0, 40),
    });
    return undefined;
  }
  return { value, table: info.index, row, col };
}

/** Reads every money column of a row into a map. */
export function readAmounts(info: TableInfo, row: number, columns: ReadonlyMap<ColumnKey, number>, problems: Finding[]): Map<ColumnKey, AmountCell> {
  const m = new Map<ColumnKey, AmountCell>();
  for (const [key, col] of columns) {
    const a = readAmount(info, row, col, problems);
    if (a) m.set(key, a);
  }
  return m;
}

/** Column indexes by key (the first column of each key). */
export function keyedColumns(info: TableInfo): Map<ColumnKey, number> {
  const m = new Map<ColumnKey, number>();
  info.columns.forEach((path, i) => {
    const k = columnKey(path);
    if (k && !m.has(k)) m.set(k, i);
  });
  return m;
}

/** The first column whose last heading matches. */
export function findColumn(info: TableInfo, re: RegExp, from = 0): number | undefined {
  for (let i = from; i < info.columns.length; i++) {
    const last = info.columns[i]![info.columns[i]!.length - 1];
    if (last !== undefined && re.test(last)) return i;
  }
  return undefined;
}
