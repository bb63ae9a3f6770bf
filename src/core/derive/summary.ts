/**
 * The two balance tables: 1 部门收支总体情况表 (income by source = expenditure by nature across sources)
 * and 4 财政拨款收支总体情况表 (appropriation income = expenditure by every 功能分类 类).
 */
import type { CatalogIndex } from "../catalog.ts";
import { chineseNumber } from "../catalog.ts";
import type { FundingSource, LineItem, Project, ProjectClass } from "../model.ts";
import { FUNDING_SOURCE_NAMES, GENERAL_PUBLIC_BUDGET_SOURCES, PROJECT_CLASSES, PROJECT_CLASS_NAMES, isAppropriation } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import type { Cell, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { TableBuilder, h, money, text } from "./builder.ts";
import { sourceCells, sourceColumns, sourceHeader } from "./by-function.ts";
import { economicClass, economicClassName } from "./economic.ts";
import { type BySource, type Scope, addTo, emptyBySource, totalOf } from "./scope.ts";

/** Table 1 — 部门收支总体情况表. */
export function budgetSummary(scope: Scope, meta: { id: string; number: number; title: string }): DisclosureTable {
  const sources = sourceColumns([...scope.lines, ...scope.income]);
  const { top, bottom } = sourceHeader(sources, 2);
  const columns: Column[] = [text("incomeItem", 22), money("incomeAmount"), text("expenseItem", 22), money("total"), money("gpb"), ...sources.map((s) => money(s))];
  const header: HeaderCell[][] = [
    [h("收 入", { cs: 2 }), h("支 出", { cs: 3 + sources.length })],
    [h("项 目", { rs: 2 }), h("金 额", { rs: 2 }), h("项 目", { rs: 2 }), h("合 计", { rs: 2 }), ...top],
    bottom,
  ];

  // Income (left): by source from the budget's income.
  const income = emptyBySource();
  for (const i of scope.income) addTo(income, i.source, i.amount);
  const gpbIncome = fen(GENERAL_PUBLIC_BUDGET_SOURCES.reduce((t, s) => t + income[s], 0));
  const left: [string, Cell, boolean][] = [["一般公共预算", gpbIncome, true]];
  for (const s of GENERAL_PUBLIC_BUDGET_SOURCES) left.push([FUNDING_SOURCE_NAMES[s], income[s], false]);
  for (const s of sources) {
    if ((GENERAL_PUBLIC_BUDGET_SOURCES as readonly string[]).includes(s) || s === "carry-over") continue;
    left.push([FUNDING_SOURCE_NAMES[s], income[s], false]);
  }
  const thisYear = totalOf(income, (s) => s !== "carry-over");
  left.push(["本年收入小计", thisYear, true]);
  left.push(["加：部门财政性资金结转", income["carry-over"], false]);

  // Expenditure (right): basic by economic 类, project by class, each across sources.
  const projects = new Map(scope.projects.map((p) => [p.code, p]));
  const basic = emptyBySource();
  const project = emptyBySource();
  const basicByClass = new Map<string, BySource>();
  const projectByClass = new Map<ProjectClass, BySource>();
  for (const l of scope.lines) {
    if (l.nature === "basic") {
      addTo(basic, l.source, l.amount);
      addTo(getOr(basicByClass, economicClass(l.economic)), l.source, l.amount);
    } else {
      addTo(project, l.source, l.amount);
      addTo(getOr(projectByClass, projectClassOf(l, projects)), l.source, l.amount);
    }
  }
  const basicClasses = ["301", "302", "303", ...[...basicByClass.keys()].filter((c) => !["301", "302", "303"].includes(c)).sort()];
  const right: [string, BySource | null, boolean][] = [["一、基本支出", basic, true]];
  basicClasses.forEach((c, i) => right.push([`${i + 1}、${economicClassName(c)}`, basicByClass.get(c) ?? emptyBySource(), false]));
  right.push(["二、项目支出", project, true]);
  PROJECT_CLASSES.forEach((c, i) => right.push([`${i + 1}、${PROJECT_CLASS_NAMES[c]}`, projectByClass.get(c) ?? emptyBySource(), false]));

  const t = new TableBuilder(columns, header);
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const r = right[i];
    const rightCells: Cell[] = r ? [r[0], ...(r[1] ? [totalOf(r[1]), ...sourceCells(r[1], sources)] : [])] : [];
    t.row([l?.[0] ?? "", l?.[1] ?? null, ...padTo(rightCells, 3 + sources.length)], (l?.[2] ?? false) || (r?.[2] ?? false) ? "subtotal" : "detail");
  }
  const spend = emptyBySource();
  for (const l of scope.lines) addTo(spend, l.source, l.amount);
  t.row(["收入合计", totalOf(income), "支出合计", totalOf(spend), ...sourceCells(spend, sources)], "total");
  return t.build({ ...meta, scope });
}

function padTo(cells: Cell[], n: number): Cell[] {
  return [...cells, ...Array.from({ length: Math.max(0, n - cells.length) }, () => null)];
}

function getOr<K>(m: Map<K, BySource>, k: K): BySource {
  let v = m.get(k);
  if (!v) m.set(k, (v = emptyBySource()));
  return v;
}

function projectClassOf(l: LineItem, projects: Map<string, Project>): ProjectClass {
  return (l.project ? projects.get(l.project)?.class : undefined) ?? "general";
}

const APPROPRIATION_SOURCES: FundingSource[] = [...GENERAL_PUBLIC_BUDGET_SOURCES, "government-fund", "state-capital"];

/** Table 4 — 财政拨款收支总体情况表: every 类 of the year is listed, empty ones too. */
export function appropriationSummary(scope: Scope, catalog: CatalogIndex, meta: { id: string; number: number; title: string }): DisclosureTable {
  const columns: Column[] = [
    text("incomeGroup", 12),
    text("incomeItem", 20),
    money("incomeAmount"),
    text("expenseItem", 24),
    money("total"),
    money("gpb"),
    ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => money(s)),
    money("government-fund"),
    money("state-capital"),
  ];
  const header: HeaderCell[][] = [
    [h("收 入", { cs: 3 }), h("支 出", { cs: 10 })],
    [h("项 目", { cs: 2, rs: 2 }), h("金 额", { rs: 2 }), h("项 目", { rs: 2 }), h("合 计", { rs: 2 }), h("一般公共预算", { cs: 6 }), h("政府性基金预算", { rs: 2 }), h("国有资本经营预算", { rs: 2 })],
    [h("小计"), ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => h(FUNDING_SOURCE_NAMES[s]))],
  ];
  const income = emptyBySource();
  for (const i of scope.income) if (isAppropriation(i.source)) addTo(income, i.source, i.amount);
  const gpbIncome = fen(GENERAL_PUBLIC_BUDGET_SOURCES.reduce((t, s) => t + income[s], 0));
  const left: [string, string, Fen][] = [
    ["一般公共预算", "小计", gpbIncome],
    ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s): [string, string, Fen] => ["", FUNDING_SOURCE_NAMES[s], income[s]]),
    ["政府性基金预算", "", income["government-fund"]],
    ["国有资本经营预算", "", income["state-capital"]],
  ];

  const byClass = new Map<string, BySource>();
  const spend = emptyBySource();
  for (const l of scope.lines) {
    if (!isAppropriation(l.source)) continue;
    addTo(getOr(byClass, l.functional.slice(0, 3)), l.source, l.amount);
    addTo(spend, l.source, l.amount);
  }
  const classes = catalog.functionalClasses().map((e) => e.code);
  for (const c of byClass.keys()) if (!classes.includes(c)) classes.push(c); // an unknown 类 still prints (a finding elsewhere)
  classes.sort();
  const cellsOf = (r: BySource): Cell[] => [
    totalOf(r, isAppropriation),
    ...sourceCells(r, APPROPRIATION_SOURCES),
  ];
  const t = new TableBuilder(columns, header);
  const n = Math.max(left.length, classes.length);
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const c = classes[i];
    const label = c ? `${chineseNumber(Number(c) - 200)}、${catalog.functionalLabel(c)}` : "";
    const r = c ? (byClass.get(c) ?? emptyBySource()) : null;
    t.row([l?.[0] ?? "", l?.[1] ?? "", l?.[2] ?? null, label, ...(r ? cellsOf(r) : [])], i === 0 ? "subtotal" : "detail");
  }
  t.merge(0, 0, 1 + GENERAL_PUBLIC_BUDGET_SOURCES.length, 1);
  t.merge(1 + GENERAL_PUBLIC_BUDGET_SOURCES.length, 0, 1, 2);
  t.merge(2 + GENERAL_PUBLIC_BUDGET_SOURCES.length, 0, 1, 2);
  const last = t.row(["收入合计", "", totalOf(income, isAppropriation), "支出合计", ...cellsOf(spend)], "total");
  t.merge(last, 0, 1, 2);
  return t.build({ ...meta, scope });
}
