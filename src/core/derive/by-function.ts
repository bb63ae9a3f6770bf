/**
 * Tables by functional code (按支出功能分类): 2 部门收入总体情况表 (× funding sources) and the
 * table-3 layout shared by 3 部门支出总体情况表, 5 一般公共预算支出情况表, 8 政府性基金预算支出情况表 and
 * 10 国有资本经营预算支出情况表 (× basic by economic 类 and project by class). Rows come from the
 * scope's ledger, grouped by unit and functional code.
 */
import { type CatalogIndex, perCatalog } from "../catalog.ts";
import { FUNDING_SOURCES, FUNDING_SOURCE_NAMES, GENERAL_PUBLIC_BUDGET_SOURCES, NATURE_NAMES, PROJECT_CLASSES, PROJECT_CLASS_NAMES } from "../model.ts";
import type { Fen } from "../money.ts";
import type { Cell, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { type Layout, LayoutCache, TableBuilder, amountOrNull, code, h, money, moneyCell, sharedLayout, text, type TableMeta } from "./builder.ts";
import { FIXED_BASIC_CLASSES, economicClassName } from "./economic.ts";
import { type ExpenditureAcc, type FunctionalRow, type Ledger, type PrintedCode, SELECTION_INDEX, type Selection } from "./ledger.ts";
import { isDigits, sortStrings } from "./order.ts";
import type { Scope } from "./scope.ts";
import { type BySource, GPB_INDEXES, IS_GPB, SOURCE_COUNT, sourceColumnIndexes, totalOf } from "./sources.ts";

type Meta = TableMeta;

/** Header cells for the source columns (positions): 一般公共预算 with its five sub-sources, then the others. */
export function sourceHeader(sources: readonly number[], rows: 2): { top: HeaderCell[]; bottom: HeaderCell[] } {
  const top: HeaderCell[] = [h("一般公共预算", { cs: 6 })];
  const bottom: HeaderCell[] = [h("小计"), ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => h(FUNDING_SOURCE_NAMES[s]))];
  for (const s of sources) {
    if (IS_GPB[s]) continue;
    top.push(h(FUNDING_SOURCE_NAMES[FUNDING_SOURCES[s]!], { rs: rows }));
  }
  return { top, bottom };
}

/** Money columns keyed by the sources at `sources` (positions). */
export function sourceMoneyColumns(sources: readonly number[]): Column[] {
  return sources.map((s) => money(FUNDING_SOURCES[s]!));
}

const FUNCTION_CODE_COLUMNS: Column[] = [code("class", 4), code("section", 3), code("item", 3), code("unitCode", 7), text("name", 24)];

/**
 * The parts of the catalog's own functional codes, worked out once per catalog (the catalog does not
 * change). A table fetches its catalog's map once (`partsOf`), not once per row.
 */
const partsOf = perCatalog<PrintedCode>();

function functionalParts(known: Map<string, PrintedCode>, catalog: CatalogIndex, functional: string): PrintedCode {
  const hit = known.get(functional);
  if (hit) return hit;
  const parts = { class: functional.slice(0, 3), section: functional.slice(3, 5), item: functional.slice(5, 7), label: catalog.functionalLabel(functional) };
  if (catalog.functionalEntry(functional)) known.set(functional, parts); // codes outside the catalog are not kept
  return parts;
}

/** A fresh row of `width` cells, the first five being 类, 款, 项, unit code and name. */
function codeRow(width: number, cls: string, section: string, item: string, unit: string, name: string): Cell[] {
  const cells = new Array<Cell>(width);
  cells[0] = cls;
  cells[1] = section;
  cells[2] = item;
  cells[3] = unit;
  cells[4] = name;
  return cells;
}

/**
 * A fresh row of `width` cells starting with a ledger row's code cells (and `unit`'s code, or ""); `known` is
 * `partsOf(catalog)`. The cells are kept with the ledger row, for the other tables that print it.
 */
function functionalRow(width: number, row: FunctionalRow, unit: string, catalog: CatalogIndex, known: Map<string, PrintedCode>): Cell[] {
  let p = row.printed;
  if (!p || row.printedBy !== catalog) {
    row.printed = p = functionalParts(known, catalog, row.functional);
    row.printedBy = catalog;
  }
  return codeRow(width, p.class, p.section, p.item, unit, p.label);
}

/**
 * Writes 总计, 一般公共预算 小计 and the sources at `sources` from cell `first` on (a final row; the columns
 * `sourceMoneyColumns` makes). Tables 1, 2 and 3.
 */
export function fillSources(cells: Cell[], row: BySource, sources: readonly number[], first = 5): Cell[] {
  cells[first] = amountOrNull(totalOf(row));
  let gpb = 0;
  for (let i = 0; i < GPB_INDEXES.length; i++) gpb += row[GPB_INDEXES[i]!]!;
  cells[first + 1] = moneyCell(gpb);
  for (let i = 0; i < sources.length; i++) cells[first + 2 + i] = amountOrNull(row[sources[i]!] as Fen);
  return cells;
}

/**
 * A key naming a set of source columns (positions, fewer than 31): one bit per position. The columns
 * `sourceColumnIndexes` gives are in an order fixed by the set, so the key names the columns too.
 */
export function sourceSetKey(sources: readonly number[]): number {
  let key = 0;
  for (let i = 0; i < sources.length; i++) key |= 1 << sources[i]!;
  return key;
}
if (SOURCE_COUNT > 30) throw new Error("sourceSetKey needs one bit per funding source");

/** Table 2's layouts, by `sourceSetKey` of their source columns. */
const INCOME_LAYOUTS = new LayoutCache<number>();

function incomeLayout(sources: readonly number[]): Layout {
  const { top, bottom } = sourceHeader(sources, 2);
  return sharedLayout(
    [...FUNCTION_CODE_COLUMNS, money("total"), money("gpb"), ...sourceMoneyColumns(sources)],
    [
      [h("科目编码", { cs: 3 }), h("单位代码", { rs: 3 }), h("单位（科目名称）", { rs: 3 }), h("总计", { rs: 3 }), h("资金来源", { cs: 1 + sources.length })],
      [h("类", { rs: 2 }), h("款", { rs: 2 }), h("项", { rs: 2 }), ...top],
      bottom,
    ],
  );
}

/** Table 2 — 部门收入总体情况表: functional codes × funding sources. */
export function incomeByFunction(scope: Scope, catalog: CatalogIndex, ledger: Ledger, meta: Meta): DisclosureTable {
  const sources = sourceColumnIndexes(ledger.spendUsed);
  const key = sourceSetKey(sources);
  const layout = INCOME_LAYOUTS.get(key) ?? INCOME_LAYOUTS.keep(key, incomeLayout(sources));
  const width = layout.columns.length;
  const t = new TableBuilder(layout.columns, layout.header);
  t.finalRow(fillSources(codeRow(width, "", "", "", "", "合计"), ledger.spend, sources), "total");
  const known = partsOf(catalog);
  for (const unit of scope.units) {
    const u = ledger.units.get(unit.code);
    if (!u) continue;
    t.finalRow(fillSources(codeRow(width, "", "", "", unit.code, scope.unitByCode.get(unit.code)?.name ?? unit.code), u.bySource, sources), "unit");
    for (let i = 0; i < u.rows.length; i++) {
      const r = u.rows[i]!;
      t.finalRow(fillSources(functionalRow(width, r, "", catalog, known), r.bySource, sources));
    }
  }
  const empty = ledger.lineCount === 0;
  return t.build(meta, scope, empty);
}

/**
 * The basic-expenditure economic 类 columns of a selection: 301, 303, 302 always (FIXED_BASIC_CLASSES),
 * then the others where the selection has basic amounts, in code order; this gives those others.
 */
function extraClassColumns(ledger: Ledger, selection: number): string[] {
  const used = ledger.selectionClassUsed[selection]!;
  const classes = ledger.economicClasses;
  const extra: string[] = [];
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i]!;
    if (used[i] && !(FIXED_BASIC_CLASSES as readonly string[]).includes(c)) extra.push(c);
  }
  return sortStrings(extra);
}

/**
 * Table 3's layouts (shared by 5, 8 and 10), by their extra 类 columns (`extraClassColumns`) joined with
 * commas. Only 类 of digits are kept, so the key names one list; odd codes get a layout of their own.
 */
const EXPENDITURE_LAYOUTS = new LayoutCache<string>();

function expenditureLayoutOf(extra: readonly string[], others: readonly OtherUse[]): Layout {
  const key = (extra.length === 0 ? "" : extra.join(",")) + (others.length === 0 ? "" : `|${others.join(",")}`);
  for (const c of extra) if (!isDigits(c)) return expenditureLayout([...FIXED_BASIC_CLASSES, ...extra], others);
  return EXPENDITURE_LAYOUTS.get(key) ?? EXPENDITURE_LAYOUTS.keep(key, expenditureLayout([...FIXED_BASIC_CLASSES, ...extra], others));
}

/** Jiangsu's uses beside 基本支出 and 项目支出: a column each after the project columns, only where used. */
type OtherUse = "reserve" | "carry-forward";

function expenditureLayout(classes: readonly string[], others: readonly OtherUse[]): Layout {
  return sharedLayout(
    [
      ...FUNCTION_CODE_COLUMNS,
      money("total"),
      money("basic"),
      ...classes.map((c) => money(`basic-${c}`)),
      money("project"),
      ...PROJECT_CLASSES.map((c) => money(`project-${c}`)),
      ...others.map((u) => money(u)),
    ],
    [
      [
        h("科目编码", { cs: 3 }),
        h("单位代码", { rs: 2 }),
        h("单位（科目名称）", { rs: 2 }),
        h("合计", { rs: 2 }),
        h("基本支出", { cs: 1 + classes.length }),
        h("项目支出", { cs: 1 + PROJECT_CLASSES.length }),
        ...others.map((u) => h(NATURE_NAMES[u], { rs: 2 })),
      ],
      [h("类"), h("款"), h("项"), h("小计"), ...classes.map((c) => h(economicClassName(c))), h("小计"), ...PROJECT_CLASSES.map((c) => h(PROJECT_CLASS_NAMES[c]))],
    ],
  );
}

/**
 * Writes 合计, 基本支出 小计 and its 类 (positions in `classIndexes`, -1 for none), 项目支出 小计 and its
 * classes from cell 5 on (a final row).
 */
function fillExpenditure(cells: Cell[], a: ExpenditureAcc, classIndexes: readonly number[], others: readonly OtherUse[]): Cell[] {
  cells[5] = moneyCell(a.total);
  cells[6] = moneyCell(a.basic);
  let j = 7;
  for (let i = 0; i < classIndexes.length; i++) {
    const k = classIndexes[i]!;
    cells[j++] = k < 0 ? null : moneyCell(a.basicByClass[k]!);
  }
  cells[j++] = moneyCell(a.project);
  for (let i = 0; i < a.projectByClass.length; i++) cells[j++] = moneyCell(a.projectByClass[i]!);
  for (const u of others) cells[j++] = moneyCell(u === "reserve" ? a.reserve : a.carryForward);
  return cells;
}

/**
 * The table-3 layout over one selection of lines: 3 (all money), 5 (一般公共预算), 8 (政府性基金),
 * 10 (国有资本经营). An empty selection prints the template's note.
 */
export function expenditureByFunction(
  scope: Scope,
  catalog: CatalogIndex,
  ledger: Ledger,
  selection: Selection,
  meta: Meta,
): DisclosureTable {
  const sel = SELECTION_INDEX[selection];
  const extra = extraClassColumns(ledger, sel);
  const others: OtherUse[] = [];
  if (ledger.selectionReserveUsed[sel]) others.push("reserve");
  if (ledger.selectionCarryForwardUsed[sel]) others.push("carry-forward");
  const layout = expenditureLayoutOf(extra, others);
  // each 类 column's position in `ledger.economicClasses` (-1 for none)
  const classIndexes: number[] = [];
  for (const c of FIXED_BASIC_CLASSES) classIndexes.push(ledger.economicClasses.indexOf(c));
  for (const c of extra) classIndexes.push(ledger.economicClasses.indexOf(c));
  const width = layout.columns.length;
  const t = new TableBuilder(layout.columns, layout.header);
  const empty = !ledger.selectionNonZero[sel];
  if (!empty) {
    t.finalRow(fillExpenditure(codeRow(width, "", "", "", "", "合计"), ledger.expenditure[sel]!, classIndexes, others), "total");
    const known = partsOf(catalog);
    for (const unit of scope.units) {
      const u = ledger.units.get(unit.code);
      const total = u?.expenditure[sel];
      if (!u || !total) continue;
      t.finalRow(fillExpenditure(codeRow(width, "", "", "", unit.code, scope.unitByCode.get(unit.code)?.name ?? unit.code), total, classIndexes, others), "unit");
      for (let i = 0; i < u.rows.length; i++) {
        const r = u.rows[i]!;
        const acc = r.expenditure[sel];
        if (acc) t.finalRow(fillExpenditure(functionalRow(width, r, unit.code, catalog, known), acc, classIndexes, others));
      }
    }
  }
  return t.build(meta, scope, empty);
}
