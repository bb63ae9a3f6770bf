/**
 * Tables by functional code (按支出功能分类): 2 部门收入总体情况表 (× funding sources) and the
 * table-3 layout shared by 3 部门支出总体情况表, 5 一般公共预算支出情况表, 8 政府性基金预算支出情况表 and
 * 10 国有资本经营预算支出情况表 (× basic by economic 类 and project by class). Rows come from the
 * scope's ledger, grouped by unit and functional code.
 */
import type { CatalogIndex } from "../catalog.ts";
import { FUNDING_SOURCES, FUNDING_SOURCE_NAMES, GENERAL_PUBLIC_BUDGET_SOURCES, PROJECT_CLASSES, PROJECT_CLASS_NAMES } from "../model.ts";
import { fen } from "../money.ts";
import type { Cell, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { TableBuilder, code, h, money, text } from "./builder.ts";
import { FIXED_BASIC_CLASSES, economicClassName } from "./economic.ts";
import { type ExpenditureAcc, type FunctionalRow, type Ledger, SELECTION_INDEX, type Selection } from "./ledger.ts";
import { compareCodeUnits, sortInPlace } from "./order.ts";
import type { Scope } from "./scope.ts";
import { type BySource, GPB_INDEXES, IS_GPB, sourceColumnIndexes, totalOf } from "./sources.ts";

type Meta = { id: string; number: number; title: string };

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

/** Appends the cells of a by-source row to `cells`: 一般公共预算 小计, its sub-sources, then the sources at `sources`. */
export function pushSourceCells(cells: Cell[], row: BySource, sources: readonly number[]): Cell[] {
  let gpb = 0;
  for (const i of GPB_INDEXES) gpb += row[i]!;
  cells.push(fen(gpb));
  for (const s of sources) cells.push(row[s] as Cell);
  return cells;
}

const FUNCTION_CODE_COLUMNS: Column[] = [code("class", 4), code("section", 3), code("item", 3), code("unitCode", 7), text("name", 24)];

/** 类, 款, 项, unit code and name of a functional row: the first five cells of a row. */
function functionCodeCells(functional: string, unit: string, catalog: CatalogIndex): Cell[] {
  return [functional.slice(0, 3), functional.slice(3, 5), functional.slice(5, 7), unit, catalog.functionalLabel(functional)];
}

/** Table 2 — 部门收入总体情况表: functional codes × funding sources. */
export function incomeByFunction(scope: Scope, catalog: CatalogIndex, ledger: Ledger, meta: Meta): DisclosureTable {
  const sources = sourceColumnIndexes(ledger.spendUsed);
  const { top, bottom } = sourceHeader(sources, 2);
  const columns: Column[] = [...FUNCTION_CODE_COLUMNS, money("total"), money("gpb"), ...sourceMoneyColumns(sources)];
  const header: HeaderCell[][] = [
    [h("科目编码", { cs: 3 }), h("单位代码", { rs: 3 }), h("单位（科目名称）", { rs: 3 }), h("总计", { rs: 3 }), h("资金来源", { cs: 1 + sources.length })],
    [h("类", { rs: 2 }), h("款", { rs: 2 }), h("项", { rs: 2 }), ...top],
    bottom,
  ];
  const t = new TableBuilder(columns, header);
  const grand = ledger.spend;
  t.row(pushSourceCells(["", "", "", "", "合计", totalOf(grand)], grand, sources), "total");
  for (const unit of scope.units) {
    const u = ledger.units.get(unit.code);
    if (!u) continue;
    t.row(pushSourceCells(["", "", "", unit.code, scope.unitByCode.get(unit.code)?.name ?? unit.code, totalOf(u.bySource)], u.bySource, sources), "unit");
    for (const r of u.rows) {
      const cells = functionCodeCells(r.functional, "", catalog);
      cells.push(totalOf(r.bySource));
      t.row(pushSourceCells(cells, r.bySource, sources));
    }
  }
  const empty = ledger.lineCount === 0;
  return t.build({ ...meta, scope, empty, note: empty ? `本单位${scope.year}年无收入预算。` : undefined });
}

/**
 * The basic-expenditure economic 类 columns of a selection: 301, 303, 302 always, others where the
 * selection has basic amounts, in code order; each with its position in `ledger.economicClasses` (-1 if none).
 */
function basicClassColumns(ledger: Ledger, selection: number): { code: string; index: number }[] {
  const used = ledger.selectionClassUsed[selection]!;
  const extra: string[] = [];
  ledger.economicClasses.forEach((c, i) => {
    if (used[i] && !(FIXED_BASIC_CLASSES as readonly string[]).includes(c)) extra.push(c);
  });
  return [...FIXED_BASIC_CLASSES, ...sortInPlace(extra, compareCodeUnits)].map((c) => ({ code: c, index: ledger.economicClasses.indexOf(c) }));
}

/**
 * The table-3 layout over one selection of lines: 3 (all money), 5 (一般公共预算), 8 (政府性基金),
 * 10 (国有资本经营). An empty selection prints its 本单位无… note.
 */
export function expenditureByFunction(
  scope: Scope,
  catalog: CatalogIndex,
  ledger: Ledger,
  selection: Selection,
  meta: Meta & { emptyNote: string },
): DisclosureTable {
  const sel = SELECTION_INDEX[selection];
  const classes = basicClassColumns(ledger, sel);
  const columns: Column[] = [
    ...FUNCTION_CODE_COLUMNS,
    money("total"),
    money("basic"),
    ...classes.map((c) => money(`basic-${c.code}`)),
    money("project"),
    ...PROJECT_CLASSES.map((c) => money(`project-${c}`)),
  ];
  const header: HeaderCell[][] = [
    [h("科目编码", { cs: 3 }), h("单位代码", { rs: 2 }), h("单位（科目名称）", { rs: 2 }), h("合计", { rs: 2 }), h("基本支出", { cs: 1 + classes.length }), h("项目支出", { cs: 1 + PROJECT_CLASSES.length })],
    [h("类"), h("款"), h("项"), h("小计"), ...classes.map((c) => h(economicClassName(c.code))), h("小计"), ...PROJECT_CLASSES.map((c) => h(PROJECT_CLASS_NAMES[c]))],
  ];
  const pushCells = (cells: Cell[], a: ExpenditureAcc): Cell[] => {
    cells.push(fen(a.total), fen(a.basic));
    for (const c of classes) cells.push(fen(c.index < 0 ? 0 : a.basicByClass[c.index]!));
    cells.push(fen(a.project));
    for (const v of a.projectByClass) cells.push(fen(v));
    return cells;
  };
  const t = new TableBuilder(columns, header);
  const empty = !ledger.selectionNonZero[sel];
  if (!empty) {
    t.row(pushCells(["", "", "", "", "合计"], ledger.expenditure[sel]!), "total");
    for (const unit of scope.units) {
      const u = ledger.units.get(unit.code);
      const total = u?.expenditure[sel];
      if (!u || !total) continue;
      t.row(pushCells(["", "", "", unit.code, scope.unitByCode.get(unit.code)?.name ?? unit.code], total), "unit");
      for (const r of u.rows) rowOf(t, r, sel, unit.code, catalog, pushCells);
    }
  }
  return t.build({ ...meta, scope, empty, note: empty ? meta.emptyNote : undefined });
}

function rowOf(t: TableBuilder, r: FunctionalRow, sel: number, unit: string, catalog: CatalogIndex, pushCells: (cells: Cell[], a: ExpenditureAcc) => Cell[]): void {
  const acc = r.expenditure[sel];
  if (acc) t.row(pushCells(functionCodeCells(r.functional, unit, catalog), acc));
}
