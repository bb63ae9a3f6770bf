/**
 * The two balance tables: 1 部门收支总体情况表 (income by source = expenditure by nature across sources)
 * and 4 财政拨款收支总体情况表 (appropriation income = expenditure by every 功能分类 类).
 */
import { type CatalogIndex, chineseNumber, perCatalog } from "../catalog.ts";
import { FUNDING_SOURCES, FUNDING_SOURCE_NAMES, GENERAL_PUBLIC_BUDGET_SOURCES, NATURE_NAMES, PROJECT_CLASSES, PROJECT_CLASS_NAMES } from "../model.ts";
import type { Fen } from "../money.ts";
import type { Cell, CellStyle, DisclosureTable } from "../table.ts";
import { type Layout, LayoutCache, TableBuilder, amountOrNull, h, money, moneyCell, sharedLayout, text, type TableMeta } from "./builder.ts";
import { fillSources, sourceHeader, sourceMoneyColumns, sourceSetKey } from "./by-function.ts";
import { economicClassName } from "./economic.ts";
import { type Ledger, SELECTION_INDEX } from "./ledger.ts";
import { sortStrings } from "./order.ts";
import type { Scope } from "./scope.ts";
import { APPROPRIATION_INDEXES, type BySource, CARRY_OVER, GOVERNMENT_FUND, GPB_INDEXES, IS_GPB, SOURCE_NAME_AT, STATE_CAPITAL, emptyBySource, sourceColumnIndexes, totalAt, totalOf } from "./sources.ts";

type Meta = TableMeta;

/** Every source but 部门财政性资金结转: 本年收入. */
const THIS_YEAR_INDEXES: readonly number[] = FUNDING_SOURCES.map((_, i) => i).filter((i) => i !== CARRY_OVER);

/** Table 1's layouts, by `sourceSetKey` of their source columns. */
const SUMMARY_LAYOUTS = new LayoutCache<number>();

function summaryLayout(sources: readonly number[]): Layout {
  const { top, bottom } = sourceHeader(sources, 2);
  return sharedLayout(
    [text("incomeItem", 22), money("incomeAmount"), text("expenseItem", 22), money("total"), money("gpb"), ...sourceMoneyColumns(sources)],
    [
      [h("收 入", { cs: 2 }), h("支 出", { cs: 3 + sources.length })],
      [h("项 目", { rs: 2 }), h("金 额", { rs: 2 }), h("项 目", { rs: 2 }), h("合 计", { rs: 2 }), ...top],
      bottom,
    ],
  );
}

/** A row of table 1: an income item and its amount, and (when given) an expenditure item with its amounts by source. */
function summaryRow(width: number, sources: readonly number[], item: string, amount: number, expense: string | undefined, row: BySource | undefined): Cell[] {
  const cells = new Array<Cell>(width);
  cells[0] = item;
  cells[1] = amountOrNull(amount as Fen);
  if (expense === undefined || !row) {
    for (let c = 2; c < width; c++) cells[c] = null;
    return cells;
  }
  cells[2] = expense;
  return fillSources(cells, row, sources, 3);
}

/** Table 1's items of project expenditure, one per PROJECT_CLASSES entry: "1、一般性项目" … */
const PROJECT_CLASS_ITEMS: readonly string[] = PROJECT_CLASSES.map((c, i) => `${i + 1}、${PROJECT_CLASS_NAMES[c]}`);

/** Table 1's cell styles for a row of two sides: the income item (columns 0–1) and the expenditure item (the rest). */
function sideStyles(width: number, l: [string, number, boolean, number] | undefined, r: [string, BySource, boolean, number] | undefined): (CellStyle | undefined)[] {
  const styles = new Array<CellStyle | undefined>(width).fill(undefined);
  const style = (side: { 2: boolean; 3: number } | undefined, col: number): CellStyle | undefined => {
    if (!side || (!side[2] && side[3] === 0)) return undefined;
    return col === 0 || col === 2 ? { bold: side[2], indent: side[3] } : { bold: side[2] };
  };
  for (let c = 0; c < width; c++) styles[c] = style(c < 2 ? l : r, c);
  return styles;
}

/** Table 1 — 部门收支总体情况表. */
export function budgetSummary(scope: Scope, ledger: Ledger, meta: Meta): DisclosureTable {
  const sources = sourceColumnIndexes(ledger.spendUsed.map((used, i) => used || ledger.incomeUsed[i]!));
  const key = sourceSetKey(sources);
  const layout = SUMMARY_LAYOUTS.get(key) ?? SUMMARY_LAYOUTS.keep(key, summaryLayout(sources));

  // Income (left): by source from the budget's income.
  const income = ledger.income;
  // Each item: label, amount, whether it is a group's own line (bold), its level below that group.
  const left: [string, number, boolean, number][] = [["一般公共预算", totalAt(income, GPB_INDEXES), true, 0]];
  for (const s of GPB_INDEXES) left.push([SOURCE_NAME_AT[s]!, income[s]!, false, 1]);
  for (const s of sources) {
    if (IS_GPB[s] || s === CARRY_OVER) continue;
    left.push([SOURCE_NAME_AT[s]!, income[s]!, false, 0]);
  }
  left.push(["本年收入小计", totalAt(income, THIS_YEAR_INDEXES), true, 0]);
  left.push(["加：部门财政性资金结转", income[CARRY_OVER]!, false, 0]);

  // Expenditure (right): basic by economic 类, project by class, each across sources.
  const right: [string, BySource, boolean, number][] = [["一、基本支出", ledger.basic, true, 0]];
  const others: string[] = [];
  ledger.economicClasses.forEach((c, i) => {
    if (ledger.basicClassSeen[i] && c !== "301" && c !== "302" && c !== "303") others.push(c);
  });
  const basicClasses = ["301", "302", "303", ...sortStrings(others)];
  basicClasses.forEach((c, i) => {
    const k = ledger.economicClasses.indexOf(c);
    right.push([`${i + 1}、${economicClassName(c)}`, k >= 0 && ledger.basicClassSeen[k] ? ledger.basicByClass[k]! : emptyBySource(), false, 1]);
  });
  right.push(["二、项目支出", ledger.project, true, 0]);
  for (let i = 0; i < PROJECT_CLASS_ITEMS.length; i++) right.push([PROJECT_CLASS_ITEMS[i]!, ledger.projectByClass[i]!, false, 1]);
  // Jiangsu's other uses, only where the budget has them: 支出合计 (ledger.spend) counts each once.
  const all = SELECTION_INDEX.all;
  if (ledger.selectionReserveUsed[all]) right.push([`三、${NATURE_NAMES.reserve}`, ledger.reserve, true, 0]);
  if (ledger.selectionCarryForwardUsed[all]) right.push([NATURE_NAMES["carry-forward"], ledger.carryForward, true, 0]);

  const width = layout.columns.length;
  /** A fresh final row: an income item and amount, then an expenditure item with its 合计 and amounts by source (or empty cells). */
  const t = new TableBuilder(layout.columns, layout.header);
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const r = right[i];
    const cells = summaryRow(width, sources, l?.[0] ?? "", l?.[1] ?? 0, r?.[0], r?.[1]);
    // A row is a subtotal when every side it has is one; otherwise each side keeps its own emphasis, so
    // 二、项目支出 prints bold beside an ordinary income item and that item does not.
    const kind = (l === undefined || l[2]) && (r === undefined || r[2]) ? "subtotal" : "detail";
    t.finalRow(cells, kind, kind === "subtotal" ? undefined : sideStyles(width, l, r));
  }
  t.finalRow(summaryRow(width, sources, "收入合计", totalOf(income), "支出合计", ledger.spend), "total");
  return t.build(meta, scope);
}

/** Table 4's layout: always the same. */
const APPROPRIATION_LAYOUT = sharedLayout(
  [
    text("incomeGroup", 12),
    text("incomeItem", 20),
    money("incomeAmount"),
    text("expenseItem", 24),
    money("total"),
    money("gpb"),
    ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => money(s)),
    money("government-fund"),
    money("state-capital"),
  ],
  [
    [h("收 入", { cs: 3 }), h("支 出", { cs: 10 })],
    [h("项 目", { cs: 2, rs: 2 }), h("金 额", { rs: 2 }), h("项 目", { rs: 2 }), h("合 计", { rs: 2 }), h("一般公共预算", { cs: 6 }), h("政府性基金预算", { rs: 2 }), h("国有资本经营预算", { rs: 2 })],
    [h("小计"), ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => h(FUNDING_SOURCE_NAMES[s]))],
  ],
);

/** Table 4 — 财政拨款收支总体情况表: every 类 of the year is listed, empty ones too. */
export function appropriationSummary(scope: Scope, catalog: CatalogIndex, ledger: Ledger, meta: Meta): DisclosureTable {
  const income = ledger.income;
  const left: [string, string, Cell][] = [["一般公共预算", "小计", totalAt(income, GPB_INDEXES)]];
  for (const s of GPB_INDEXES) left.push(["", SOURCE_NAME_AT[s]!, income[s] as Cell]);
  left.push(["政府性基金预算", "", income[GOVERNMENT_FUND] as Cell]);
  left.push(["国有资本经营预算", "", income[STATE_CAPITAL] as Cell]);

  const labels = classLabels(catalog);
  const classes = catalog.functionalClassCodes().slice();
  ledger.sums.functionalClasses.forEach((a, c) => {
    if (a.appropriation && !labels.has(c)) classes.push(c); // an unknown 类 still prints (a finding elsewhere)
  });
  sortStrings(classes);
  const t = new TableBuilder(APPROPRIATION_LAYOUT.columns, APPROPRIATION_LAYOUT.header);
  const n = Math.max(left.length, classes.length);
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const c = classes[i];
    const label = c ? (labels.get(c) ?? makeClassLabel(catalog, c)) : "";
    const cells = appropriationRow(label, c ? ledger.sums.functionalClasses.get(c)?.appropriation : undefined);
    cells[0] = l?.[0] ?? "";
    cells[1] = l?.[1] ?? "";
    cells[2] = amountOrNull((l?.[2] ?? 0) as Fen);
    // Only the income side's first row is a subtotal; the 类 beside it is an ordinary row, so no row is bold.
    t.finalRow(cells, "detail");
  }
  t.merge(0, 0, 1 + GENERAL_PUBLIC_BUDGET_SOURCES.length, 1);
  t.merge(1 + GENERAL_PUBLIC_BUDGET_SOURCES.length, 0, 1, 2);
  t.merge(2 + GENERAL_PUBLIC_BUDGET_SOURCES.length, 0, 1, 2);
  const total = appropriationRow("支出合计", ledger.spend);
  total[0] = "收入合计";
  total[1] = "";
  total[2] = amountOrNull(totalAt(income, APPROPRIATION_INDEXES));
  const last = t.finalRow(total, "total");
  t.merge(last, 0, 1, 2);
  return t.build(meta, scope);
}

/**
 * Table 4's labels of the catalog's own 类 ("一、一般公共服务支出"), made once per catalog; its keys are
 * also the set of the catalog's 类 (a 类 outside it gets its label made where it prints).
 */
const classLabels = perCatalog<string>((catalog, labels) => {
  for (const k of catalog.functionalClassCodes()) labels.set(k, makeClassLabel(catalog, k));
});

function makeClassLabel(catalog: CatalogIndex, c: string): string {
  return `${chineseNumber(Number(c) - 200)}、${catalog.functionalLabel(c)}`;
}

/**
 * A fresh final row of table 4 (the three income cells left for the caller): the label, then 合计, 一般公共
 * 预算小计 and its sub-sources, 政府性基金 and 国有资本经营 of `row` (all empty when there is none).
 */
function appropriationRow(label: string, row: BySource | undefined): Cell[] {
  const cells = new Array<Cell>(4 + 2 + APPROPRIATION_INDEXES.length);
  cells[3] = label;
  if (!row) {
    for (let i = 4; i < cells.length; i++) cells[i] = null;
    return cells;
  }
  cells[4] = amountOrNull(totalAt(row, APPROPRIATION_INDEXES));
  let gpb = 0;
  for (let i = 0; i < GPB_INDEXES.length; i++) gpb += row[GPB_INDEXES[i]!]!;
  cells[5] = moneyCell(gpb);
  for (let i = 0; i < APPROPRIATION_INDEXES.length; i++) cells[6 + i] = amountOrNull(row[APPROPRIATION_INDEXES[i]!] as Fen);
  return cells;
}
