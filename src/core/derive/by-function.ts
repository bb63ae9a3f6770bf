/**
 * Tables by functional code (按支出功能分类): 2 部门收入总体情况表 (× funding sources) and the
 * table-3 layout shared by 3 部门支出总体情况表, 5 一般公共预算支出情况表, 8 政府性基金预算支出情况表 and
 * 10 国有资本经营预算支出情况表 (× basic by economic 类 and project by class).
 */
import type { CatalogIndex } from "../catalog.ts";
import { splitFunctional } from "../catalog.ts";
import type { FundingSource, LineItem, Project, ProjectClass } from "../model.ts";
import { EXTRA_SOURCES, FUNDING_SOURCE_NAMES, GENERAL_PUBLIC_BUDGET_SOURCES, HENAN_SOURCES, PROJECT_CLASSES, PROJECT_CLASS_NAMES } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import type { Cell, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { TableBuilder, code, h, money, text } from "./builder.ts";
import { FIXED_BASIC_CLASSES, economicClass, economicClassName } from "./economic.ts";
import { type BySource, type Scope, addTo, emptyBySource, totalOf } from "./scope.ts";

/** The source columns a table prints: Henan's fixed set, plus other sources where the data uses them. */
export function sourceColumns(lines: readonly { source: FundingSource; amount: Fen }[]): FundingSource[] {
  const used = new Set(lines.filter((l) => l.amount !== 0).map((l) => l.source));
  return [...HENAN_SOURCES, ...EXTRA_SOURCES.filter((s) => used.has(s))];
}

/** Header cells for the source columns: 一般公共预算 with its five sub-sources, then the others. */
export function sourceHeader(sources: FundingSource[], rows: 2): { top: HeaderCell[]; bottom: HeaderCell[] } {
  const top: HeaderCell[] = [h("一般公共预算", { cs: 6 })];
  const bottom: HeaderCell[] = [h("小计"), ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => h(FUNDING_SOURCE_NAMES[s]))];
  for (const s of sources) {
    if ((GENERAL_PUBLIC_BUDGET_SOURCES as readonly string[]).includes(s)) continue;
    top.push(h(FUNDING_SOURCE_NAMES[s], { rs: rows }));
  }
  return { top, bottom };
}

/** The cells of a by-source row: 一般公共预算 小计, its sub-sources, then the other sources. */
export function sourceCells(row: BySource, sources: FundingSource[]): Cell[] {
  const gpb = GENERAL_PUBLIC_BUDGET_SOURCES.reduce((t, s) => t + row[s], 0);
  return [fen(gpb), ...sources.map((s) => row[s])];
}

interface FunctionRowKey {
  unit: string;
  functional: string;
}

function groupByUnitAndFunction<T>(scope: Scope, lines: readonly LineItem[], make: () => T, add: (acc: T, l: LineItem) => void) {
  const units = new Map<string, { total: T; rows: Map<string, T> }>();
  const grand = make();
  for (const l of lines) {
    let u = units.get(l.unit);
    if (!u) units.set(l.unit, (u = { total: make(), rows: new Map() }));
    let r = u.rows.get(l.functional);
    if (!r) u.rows.set(l.functional, (r = make()));
    add(grand, l);
    add(u.total, l);
    add(r, l);
  }
  const ordered: { unit: string; total: T; rows: (FunctionRowKey & { acc: T })[] }[] = [];
  for (const unit of scope.units) {
    const u = units.get(unit.code);
    if (!u) continue;
    const rows = [...u.rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([functional, acc]) => ({ unit: unit.code, functional, acc }));
    ordered.push({ unit: unit.code, total: u.total, rows });
  }
  return { grand, units: ordered };
}

const FUNCTION_CODE_COLUMNS: Column[] = [code("class", 4), code("section", 3), code("item", 3), code("unitCode", 7), text("name", 24)];

function functionCodeCells(functional: string, unit: string, catalog: CatalogIndex): Cell[] {
  const p = splitFunctional(functional);
  return [p.class, p.section, p.item, unit, catalog.functionalLabel(functional)];
}

/** Table 2 — 部门收入总体情况表: functional codes × funding sources. */
export function incomeByFunction(scope: Scope, catalog: CatalogIndex, meta: { id: string; number: number; title: string }): DisclosureTable {
  const sources = sourceColumns(scope.lines);
  const { top, bottom } = sourceHeader(sources, 2);
  const columns: Column[] = [
    ...FUNCTION_CODE_COLUMNS,
    money("total"),
    money("gpb"),
    ...sources.map((s) => money(s)),
  ];
  const header: HeaderCell[][] = [
    [h("科目编码", { cs: 3 }), h("单位代码", { rs: 3 }), h("单位（科目名称）", { rs: 3 }), h("总计", { rs: 3 }), h("资金来源", { cs: 1 + sources.length })],
    [h("类", { rs: 2 }), h("款", { rs: 2 }), h("项", { rs: 2 }), ...top],
    bottom,
  ];
  const t = new TableBuilder(columns, header);
  const { grand, units } = groupByUnitAndFunction(scope, scope.lines, emptyBySource, (acc, l) => addTo(acc, l.source, l.amount));
  t.row(["", "", "", "", "合计", totalOf(grand), ...sourceCells(grand, sources)], "total");
  for (const u of units) {
    t.row(["", "", "", u.unit, scope.unitByCode.get(u.unit)?.name ?? u.unit, totalOf(u.total), ...sourceCells(u.total, sources)], "unit");
    for (const r of u.rows) {
      const cells = functionCodeCells(r.functional, "", catalog);
      t.row([...cells, totalOf(r.acc), ...sourceCells(r.acc, sources)]);
    }
  }
  return t.build({ ...meta, scope, empty: scope.lines.length === 0, note: scope.lines.length === 0 ? `本单位${scope.year}年无收入预算。` : undefined });
}

/** Basic (by economic 类) and project (by class) amounts of one row of the table-3 layout. */
interface ExpenditureAcc {
  total: number;
  basic: number;
  basicByClass: Map<string, number>;
  project: number;
  projectByClass: Map<ProjectClass, number>;
}

function emptyExpenditure(): ExpenditureAcc {
  return { total: 0, basic: 0, basicByClass: new Map(), project: 0, projectByClass: new Map() };
}

function addExpenditure(acc: ExpenditureAcc, l: LineItem, projects: Map<string, Project>): void {
  acc.total += l.amount;
  if (l.nature === "basic") {
    acc.basic += l.amount;
    const c = economicClass(l.economic);
    acc.basicByClass.set(c, (acc.basicByClass.get(c) ?? 0) + l.amount);
  } else {
    acc.project += l.amount;
    const pc = (l.project ? projects.get(l.project)?.class : undefined) ?? "general";
    acc.projectByClass.set(pc, (acc.projectByClass.get(pc) ?? 0) + l.amount);
  }
}

/** The basic-expenditure economic 类 columns: 301, 303, 302 always, others where the data has amounts. */
export function basicClassColumns(lines: readonly LineItem[]): string[] {
  const extra = new Set<string>();
  for (const l of lines) {
    const c = economicClass(l.economic);
    if (l.nature === "basic" && l.amount !== 0 && !(FIXED_BASIC_CLASSES as readonly string[]).includes(c)) extra.add(c);
  }
  return [...FIXED_BASIC_CLASSES, ...[...extra].sort()];
}

/**
 * The table-3 layout restricted to the lines `include` accepts: 3 (all money), 5 (一般公共预算),
 * 8 (政府性基金), 10 (国有资本经营). An empty selection prints its 本单位无… note.
 */
export function expenditureByFunction(
  scope: Scope,
  catalog: CatalogIndex,
  include: (l: LineItem) => boolean,
  meta: { id: string; number: number; title: string; emptyNote: string },
): DisclosureTable {
  const lines = scope.lines.filter(include);
  const projects = new Map(scope.projects.map((p) => [p.code, p]));
  const classes = basicClassColumns(lines);
  const columns: Column[] = [
    ...FUNCTION_CODE_COLUMNS,
    money("total"),
    money("basic"),
    ...classes.map((c) => money(`basic-${c}`)),
    money("project"),
    ...PROJECT_CLASSES.map((c) => money(`project-${c}`)),
  ];
  const header: HeaderCell[][] = [
    [h("科目编码", { cs: 3 }), h("单位代码", { rs: 2 }), h("单位（科目名称）", { rs: 2 }), h("合计", { rs: 2 }), h("基本支出", { cs: 1 + classes.length }), h("项目支出", { cs: 1 + PROJECT_CLASSES.length })],
    [h("类"), h("款"), h("项"), h("小计"), ...classes.map((c) => h(economicClassName(c))), h("小计"), ...PROJECT_CLASSES.map((c) => h(PROJECT_CLASS_NAMES[c]))],
  ];
  const cellsOf = (a: ExpenditureAcc): Cell[] => [
    fen(a.total),
    fen(a.basic),
    ...classes.map((c) => fen(a.basicByClass.get(c) ?? 0)),
    fen(a.project),
    ...PROJECT_CLASSES.map((c) => fen(a.projectByClass.get(c) ?? 0)),
  ];
  const t = new TableBuilder(columns, header);
  const { grand, units } = groupByUnitAndFunction(scope, lines, emptyExpenditure, (acc, l) => addExpenditure(acc, l, projects));
  const empty = lines.every((l) => l.amount === 0);
  if (!empty) {
    t.row(["", "", "", "", "合计", ...cellsOf(grand)], "total");
    for (const u of units) {
      t.row(["", "", "", u.unit, scope.unitByCode.get(u.unit)?.name ?? u.unit, ...cellsOf(u.total)], "unit");
      for (const r of u.rows) t.row([...functionCodeCells(r.functional, r.unit, catalog), ...cellsOf(r.acc)]);
    }
  }
  return t.build({ ...meta, scope, empty, note: empty ? meta.emptyNote : undefined });
}
