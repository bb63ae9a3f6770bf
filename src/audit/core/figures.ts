/**
 * 表中数据 — the figures a narrative states, read from the tables (the primary table first, the next one
 * when it is missing): totals, basic and project, 一般公共预算, each 类, 人员经费/公用经费, "三公" items,
 * 机关运行经费, projects. Each figure keeps the interval of exact values it stands for and where it is.
 */
import type { Location } from "../../core/rules/finding.ts";
import { cellLocation } from "./interpret/where.ts";
import { type Interval, amountInterval, sumIntervals } from "./numbers.ts";
import type { AmountCell, BalanceTable, FunctionalRow, FunctionalTable, Interpretation, TableInfo, ThreePublicKey } from "./semantic.ts";
import { pushTo } from "./collect.ts";

/** 表中数 — a figure from the tables: the printed value (or sum of printed values) and its interval. */
export interface Fact {
  /** 分 as printed (a sum of printed cells for a computed figure) */
  value: number;
  interval: Interval;
  /** "表1 部门收支总体情况表 · 支出合计" */
  source: string;
  location: Location;
}

export function cellFact(t: Interpretation, cell: AmountCell, what: string): Fact {
  const info = t.tables[cell.table]!;
  return { value: cell.value.fen, interval: amountInterval(cell.value), source: `${info.label} · ${what}`, location: cellLocation(info, cell.row, cell.col) };
}

export function sumFact(t: Interpretation, cells: readonly AmountCell[], what: string, fallback: TableInfo): Fact {
  const first = cells[0];
  return {
    value: cells.reduce((s, c) => s + c.value.fen, 0),
    interval: sumIntervals(cells.map((c) => amountInterval(c.value))),
    source: `${first ? t.tables[first.table]!.label : fallback.label} · ${what}`,
    location: first ? cellLocation(t.tables[first.table]!, first.row, first.col) : cellLocation(fallback),
  };
}

/** A table printed empty ("本单位无…") states a zero. */
export function zeroFact(info: TableInfo, what: string): Fact {
  return { value: 0, interval: { lo: 0, hi: 0 }, source: `${info.label} · ${what}（空表）`, location: cellLocation(info) };
}

export interface DocumentFigures {
  expenditure?: Fact;
  income?: Fact;
  basic?: Fact;
  project?: Fact;
  gpb?: Fact;
  gpbBasic?: Fact;
  personnel?: Fact;
  public?: Fact;
  appropriation?: Fact;
  governmentFund?: Fact;
  stateCapital?: Fact;
  /** 一般公共预算 by 类 code */
  gpbByClass: Map<string, Fact>;
  /** 政府性基金 / 国有资本经营 by 类 code */
  fundByClass: Map<string, Fact>;
  capitalByClass: Map<string, Fact>;
  threePublic: Map<ThreePublicKey, Fact>;
  operatingCost?: Fact;
}

/** 决算 — the tables are a 部门决算's (收入支出决算总表 …), not a budget's. */
export function isFinalAccounts(t: Interpretation): boolean {
  return t.tables.some((i) => i.kind?.startsWith("final-"));
}

const line = (b: BalanceTable | undefined, side: "income" | "expenditure", key: string) => b?.[side].find((l) => l.key === key);
const totalRow = (f: FunctionalTable | undefined) => f?.rows.find((r) => r.kind === "total");
const has = (f: FunctionalTable | undefined) => f !== undefined && f.rows.some((r) => r.kind !== "other");

export function computeFigures(t: Interpretation): DocumentFigures {
  const fig: DocumentFigures = { gpbByClass: new Map(), fundByClass: new Map(), capitalByClass: new Map(), threePublic: new Map() };
  const set = <K extends keyof DocumentFigures>(k: K, v: DocumentFigures[K] | undefined) => {
    if (v !== undefined && fig[k] === undefined) fig[k] = v;
  };
  const fromLine = (b: BalanceTable | undefined, side: "income" | "expenditure", key: string, col: string, what: string) => {
    const c = line(b, side, key)?.amounts.get(col);
    return c ? cellFact(t, c, what) : undefined;
  };
  const fromRow = (f: FunctionalTable | undefined, col: string, what: string) => {
    const c = totalRow(f)?.amounts.get(col);
    return c ? cellFact(t, c, what) : undefined;
  };
  const s = t.summary;
  // a 决算 states 收入支出总计 (with 结转和结余) beside 本年收入合计 and 本年支出合计, which differ; the narrative's
  // subjects do not tell them apart, so its totals are not bound to a table figure (not compared)
  if (!isFinalAccounts(t)) {
    set("expenditure", fromLine(s, "expenditure", "total", "total", "支出合计"));
    set("expenditure", fromRow(t.expenditure, "total", "合计"));
    set("income", fromLine(s, "income", "total", "amount", "收入合计"));
  }
  set("basic", fromLine(s, "expenditure", "basic", "total", "基本支出"));
  set("basic", fromRow(t.expenditure, "basic", "基本支出"));
  set("project", fromLine(s, "expenditure", "project", "total", "项目支出"));
  set("project", fromRow(t.expenditure, "project", "项目支出"));
  set("gpb", fromRow(t.gpbExpenditure, "total", "合计"));
  set("gpb", fromLine(s, "expenditure", "total", "gpb", "支出合计 · 一般公共预算"));
  set("gpbBasic", fromRow(t.gpbExpenditure, "basic", "基本支出"));
  set("gpbBasic", fromLine(s, "expenditure", "basic", "gpb", "基本支出 · 一般公共预算"));
  set("appropriation", fromLine(t.appropriation, "expenditure", "total", "total", "支出合计"));
  personnelAndPublic(t, fig);
  for (const [key, table, side] of [
    ["governmentFund", t.governmentFund, "government-fund"],
    ["stateCapital", t.stateCapital, "state-capital"],
  ] as const) {
    if (table && !has(table) && table.info.raw.notes.length > 0) set(key, zeroFact(table.info, "合计"));
    set(key, fromRow(table, "total", "合计"));
    set(key, fromLine(t.appropriation, "expenditure", "total", side, `支出合计 · ${side === "government-fund" ? "政府性基金预算" : "国有资本经营预算"}`));
  }
  byClass(t, t.gpbExpenditure, fig.gpbByClass, "gpb");
  byClass(t, t.governmentFund, fig.fundByClass, "government-fund");
  byClass(t, t.stateCapital, fig.capitalByClass, "state-capital");
  for (const [k, c] of t.threePublic?.current ?? []) fig.threePublic.set(k, cellFact(t, c, k));
  const op = t.operatingCost;
  if (op) {
    const total = op.rows.find((r) => r.kind === "total")?.amounts.get("total");
    if (total) fig.operatingCost = cellFact(t, total, "合计");
    else if (!op.rows.some((r) => r.kind === "detail")) fig.operatingCost = zeroFact(op.info, "合计");
  }
  return fig;
}

/** 人员经费 = 301 + 303, 公用经费 = the other basic 类, from table 5 (or table 1's 一般公共预算 column). */
function personnelAndPublic(t: Interpretation, fig: DocumentFigures): void {
  const row = totalRow(t.gpbExpenditure);
  if (row) {
    const p = row.amounts.get("personnel");
    const q = row.amounts.get("public");
    if (p) fig.personnel = cellFact(t, p, "人员经费");
    if (q) fig.public = cellFact(t, q, "公用经费");
    const personnel = [...row.amounts].filter(([k]) => k === "basic:301" || k === "basic:303").map(([, c]) => c);
    const pub = [...row.amounts].filter(([k]) => k.startsWith("basic:") && k !== "basic:301" && k !== "basic:303").map(([, c]) => c);
    if (!fig.personnel && personnel.length > 0) fig.personnel = sumFact(t, personnel, "人员经费（工资福利支出+对个人和家庭的补助）", t.gpbExpenditure!.info);
    if (!fig.public && pub.length > 0) fig.public = sumFact(t, pub, "公用经费（商品和服务支出等）", t.gpbExpenditure!.info);
  }
  const s = t.summary;
  if (!s) return;
  const gpbOf = (pred: (k: string) => boolean) => s.expenditure.filter((l) => l.key !== undefined && pred(l.key)).map((l) => l.amounts.get("gpb")).filter((c): c is AmountCell => !!c);
  if (!fig.personnel) {
    const cells = gpbOf((k) => k === "basic:301" || k === "basic:303");
    if (cells.length > 0) fig.personnel = sumFact(t, cells, "人员经费（一般公共预算）", s.info);
  }
  if (!fig.public) {
    const cells = gpbOf((k) => k.startsWith("basic:") && k !== "basic:301" && k !== "basic:303");
    if (cells.length > 0) fig.public = sumFact(t, cells, "公用经费（一般公共预算）", s.info);
  }
}

/**
 * Amounts by 类: from table 4's 类 lines where it prints them, else the table's 类 rows (central), else the sum of
 * its 项 rows. Where table 4 prints 结转下年 apart (the Ministry's 二、结转下年) its 类 lines are this year's spending
 * only, while the narrative's 一般公共预算 section states table 5's 类 totals, 结转下年资金 included: then table 5.
 */
function byClass(t: Interpretation, table: FunctionalTable | undefined, out: Map<string, Fact>, appropriationColumn: string): void {
  const carriesForward = t.appropriation?.expenditure.some((l) => l.key === "carry-forward" && (l.amounts.get(appropriationColumn)?.value.fen ?? 0) !== 0) ?? false;
  const fromT4 = appropriationColumn === "gpb" && !(carriesForward && table) ? t.appropriation?.expenditure.filter((l) => l.key?.startsWith("class:")) : undefined;
  if (fromT4 && fromT4.length > 0) {
    for (const l of fromT4) {
      const c = l.amounts.get("gpb");
      if (c && !c.value.blank) out.set(l.key!.slice(6), cellFact(t, c, `${l.label} · 一般公共预算`));
    }
    return;
  }
  if (!table) return;
  const rows = table.rows.filter((r): r is FunctionalRow & { code: string } => r.kind === "code" && r.code !== undefined);
  const classRows = rows.filter((r) => r.code.length === 3);
  const groups = new Map<string, AmountCell[]>();
  for (const r of classRows.length > 0 ? classRows : rows.filter((x) => x.code.length === 7)) {
    const c = r.amounts.get("total");
    if (c) pushTo(groups, r.code.slice(0, 3), c);
  }
  for (const [code, cells] of groups) if (cells.some((c) => !c.value.blank)) out.set(code, sumFact(t, cells, `${code}类合计`, table.info));
}
