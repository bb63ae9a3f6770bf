/**
 * The tables of the central 9-table layout (中央部门预算公开 9 张表), which Shanghai's districts follow
 * too, derived from the same scope as Henan's 13 tables. Functional rows are hierarchical (类 → 款 → 项,
 * each level a subtotal of the next). Which tables a template has is its definition (src/core/templates).
 */
import type { CatalogIndex } from "../catalog.ts";
import { chineseNumber } from "../catalog.ts";
import type { FundingSource, LineItem, Nature } from "../model.ts";
import { isSpentThisYear, sourceFacts } from "../classify.ts";
import { FUNDING_SOURCE_NAMES, GENERAL_PUBLIC_BUDGET_SOURCES, NATURES, NATURE_NAMES } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import type { Cell, CellStyle, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { TableBuilder, code, h, money, text, type TableMeta } from "./builder.ts";
import { threePublicAmounts } from "./by-economic.ts";
import { economicClass, isPersonnel } from "./economic.ts";

/** 一般公共预算 money (classify.ts). */
const isGeneralPublicBudget = (source: string): boolean => sourceFacts(source)?.group === "gpb";
import type { Scope } from "./scope.ts";

type Meta = TableMeta;

/** Income columns of the central layout: a source group and the Henan sources it gathers. */
interface IncomeColumn {
  key: string;
  name: string;
  sources: readonly FundingSource[];
  /** always printed, or only where the data has amounts */
  always: boolean;
}

const INCOME_COLUMNS: readonly IncomeColumn[] = [
  { key: "gpb", name: "一般公共预算拨款收入", sources: GENERAL_PUBLIC_BUDGET_SOURCES, always: true },
  { key: "government-fund", name: "政府性基金预算拨款收入", sources: ["government-fund"], always: true },
  { key: "state-capital", name: "国有资本经营预算拨款收入", sources: ["state-capital"], always: true },
  { key: "special-account", name: "财政专户管理资金收入", sources: ["special-account"], always: false },
  { key: "advance-transfer", name: FUNDING_SOURCE_NAMES["advance-transfer"], sources: ["advance-transfer"], always: false },
  { key: "business-income", name: "事业收入", sources: ["business-income"], always: true },
  { key: "operating-income", name: "事业单位经营收入", sources: ["operating-income"], always: true },
  { key: "superior-subsidy", name: "上级补助收入", sources: ["superior-subsidy"], always: false },
  { key: "subordinate-remittance", name: "附属单位上缴收入", sources: ["subordinate-remittance"], always: false },
  { key: "other", name: "其他收入", sources: ["other"], always: true },
  { key: "debt", name: FUNDING_SOURCE_NAMES.debt, sources: ["debt"], always: false },
];

function incomeColumns(amounts: readonly { source: FundingSource; amount: Fen }[]): IncomeColumn[] {
  const used = new Set(amounts.filter((a) => a.amount !== 0).map((a) => a.source));
  return INCOME_COLUMNS.filter((c) => c.always || c.sources.some((s) => used.has(s)));
}

/** Hierarchical functional rows: 类, 款, 项, in code order, each with its accumulated value. */
export function functionalHierarchy<T, L extends { functional: string } = LineItem>(lines: readonly L[], make: () => T, add: (acc: T, l: L) => void): { code: string; acc: T }[] {
  const m = new Map<string, T>();
  for (const l of lines) {
    for (const c of [l.functional.slice(0, 3), l.functional.slice(0, 5), l.functional]) {
      let a = m.get(c);
      if (!a) m.set(c, (a = make()));
      add(a, l);
    }
  }
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, acc]) => ({ code: c, acc }));
}

/** The 类, 款 and 项 rows of a functional table, in code order: each code, its catalog name, its cells. */
export function functionalRows<T, L extends { functional: string }>(
  t: TableBuilder,
  catalog: CatalogIndex,
  lines: readonly L[],
  make: () => T,
  add: (acc: T, l: L) => void,
  cells: (acc: T) => Cell[],
): void {
  for (const r of functionalHierarchy(lines, make, add)) t.row([r.code, catalog.functionalName(r.code), ...cells(r.acc)], levelKind(r.code));
}

const FUNCTION_COLUMNS: Column[] = [code("code", 9), text("name", 26)];
const functionHeader = (rs: number): HeaderCell[] => [h("功能分类科目编码", { rs }), h("科目名称", { rs })];

export function levelKind(c: string): "subtotal" | "detail" {
  return c.length < 7 ? "subtotal" : "detail";
}

/** 1 部门收支总表: income by source (left) = expenditure by 功能分类 类 (right). */
export function summary(scope: Scope, catalog: CatalogIndex, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("incomeItem", 26), money("incomeAmount"), text("expenseItem", 30), money("expenseAmount")],
    [
      [h("收 入", { cs: 2 }), h("支 出", { cs: 2 })],
      [h("项 目"), h("预算数"), h("项 目"), h("预算数")],
    ],
  );
  const cols = incomeColumns(scope.income);
  const incomeOf = (sources: readonly FundingSource[]) => fen(scope.income.filter((i) => sources.includes(i.source) && i.source !== "carry-over").reduce((s, i) => s + i.amount, 0));
  const left: [string, Fen][] = cols.map((c, i) => [`${chineseNumber(i + 1)}、${c.name}`, incomeOf(c.sources)]);
  const byClass = new Map<string, number>();
  // 本年支出 by 类; money carried to next year (Jiangsu's 结转下年资金) is its own row below
  let carryForward = 0;
  for (const l of scope.lines) {
    if (isSpentThisYear(l.nature)) byClass.set(l.functional.slice(0, 3), (byClass.get(l.functional.slice(0, 3)) ?? 0) + l.amount);
    else carryForward += l.amount;
  }
  const right: [string, Fen][] = [...byClass.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, v], i) => [`${chineseNumber(i + 1)}、${catalog.functionalName(c)}`, fen(v)]);
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) t.row([left[i]?.[0] ?? "", left[i]?.[1] ?? null, right[i]?.[0] ?? "", right[i]?.[1] ?? null]);
  const thisYear = fen(scope.income.filter((i) => i.source !== "carry-over").reduce((s, i) => s + i.amount, 0));
  const carry = fen(scope.income.filter((i) => i.source === "carry-over").reduce((s, i) => s + i.amount, 0));
  const spend = fen(scope.lines.reduce((s, l) => s + l.amount, 0));
  t.row(["本年收入合计", thisYear, "本年支出合计", fen(spend - carryForward)], "subtotal");
  t.row(["上年结转", carry, "结转下年", carryForward === 0 ? null : fen(carryForward)]);
  t.row(["收 入 总 计", fen(thisYear + carry), "支 出 总 计", spend], "total");
  return t.build(meta, scope);
}

/** 2 部门收入总表: functional rows × income columns (上年结转 first). */
export function income(scope: Scope, catalog: CatalogIndex, meta: Meta): DisclosureTable {
  const cols = incomeColumns(scope.lines);
  const columns: Column[] = [...FUNCTION_COLUMNS, money("total"), money("carry-over"), ...cols.map((c) => money(c.key))];
  const header: HeaderCell[][] = [[...functionHeader(1), h("合计"), h("上年结转"), ...cols.map((c) => h(c.name))]];
  const t = new TableBuilder(columns, header);
  type Acc = Map<FundingSource, number>;
  const cellsOf = (a: Acc): Cell[] => {
    const get = (ss: readonly FundingSource[]) => fen(ss.reduce((s, x) => s + (a.get(x) ?? 0), 0));
    let total = 0;
    for (const v of a.values()) total += v;
    return [fen(total), get(["carry-over"]), ...cols.map((c) => get(c.sources))];
  };
  const add = (a: Acc, l: LineItem) => a.set(l.source, (a.get(l.source) ?? 0) + l.amount);
  const grand: Acc = new Map();
  for (const l of scope.lines) add(grand, l);
  const empty = scope.lines.length === 0;
  if (!empty) {
    t.row(["", "合计", ...cellsOf(grand)], "total");
    functionalRows(t, catalog, scope.lines, () => new Map() as Acc, add, cellsOf);
  }
  return t.build(meta, scope, empty);
}

/**
 * 3, 8, 9: functional rows × 合计 / 基本支出 / 项目支出 over the selected lines, with a column for each of
 * Jiangsu's other uses (单位预留机动经费, 结转下年资金) that the selected lines have amounts for.
 */
export function byNature(scope: Scope, catalog: CatalogIndex, include: (l: LineItem) => boolean, meta: Meta): DisclosureTable {
  const lines = scope.lines.filter(include);
  const uses = NATURES.filter((n) => n === "basic" || n === "project" || lines.some((l) => l.nature === n && l.amount !== 0));
  const t = new TableBuilder([...FUNCTION_COLUMNS, money("total"), ...uses.map((n) => money(n))], [[...functionHeader(1), h("合计"), ...uses.map((n) => h(NATURE_NAMES[n]))]]);
  type Acc = Record<Nature, number>;
  const cells = (a: Acc): Cell[] => [fen(uses.reduce((s, n) => s + a[n], 0)), ...uses.map((n) => fen(a[n]))];
  const add = (a: Acc, l: LineItem) => {
    a[l.nature] += l.amount;
  };
  const zero = (): Acc => ({ basic: 0, project: 0, reserve: 0, "carry-forward": 0 });
  const grand = zero();
  for (const l of lines) add(grand, l);
  const empty = lines.every((l) => l.amount === 0);
  if (!empty) {
    t.row(["", "合计", ...cells(grand)], "total");
    functionalRows(t, catalog, lines, zero, add, cells);
  }
  return t.build(meta, scope, empty);
}

/** The three kinds of 财政拨款 table 4 sets side by side, in its column order. */
const APPROPRIATION_KINDS = [
  { key: "gpb", income: "一般公共预算拨款" },
  { key: "government-fund", income: "政府性基金预算拨款" },
  { key: "state-capital", income: "国有资本经营预算拨款" },
] as const;
type AppropriationKind = (typeof APPROPRIATION_KINDS)[number]["key"];

function appropriationKind(source: FundingSource): AppropriationKind | undefined {
  const facts = sourceFacts(source);
  if (!facts?.appropriation) return undefined;
  return facts.group === "gpb" ? "gpb" : facts.group === "government-fund" ? "government-fund" : "state-capital";
}

/**
 * 4 财政拨款收支总表. The spending side lists the 类 the budget has, numbered in sequence (一、二、三 … as the
 * Ministry's and Shanghai's tables print them, not by code). With `carry` (the Ministry's own form) both
 * sides are split: 一、本年收入 / 二、上年结转, each by kind of 财政拨款, and 一、本年支出 by 类 / 二、结转下年 —
 * money a line keeps for next year (结转下年资金) is that row's, not its 类's. The model has no 上年结转 of
 * 财政拨款 (部门财政性资金结转 is not 财政拨款), so that block prints its rows empty.
 */
export function appropriation(scope: Scope, catalog: CatalogIndex, meta: Meta, carry = false): DisclosureTable {
  const t = new TableBuilder(
    [text("incomeItem", 24), money("incomeAmount"), text("expenseItem", 30), money("total"), money("gpb"), money("government-fund"), money("state-capital")],
    [
      [h("收 入", { cs: 2 }), h("支 出", { cs: 5 })],
      [h("项 目"), h("预算数"), h("项 目"), h("合计"), h("一般公共预算"), h("政府性基金预算"), h("国有资本经营预算")],
    ],
  );
  type Acc = Record<AppropriationKind, number>;
  const zero = (): Acc => ({ gpb: 0, "government-fund": 0, "state-capital": 0 });
  const incomeBy = zero();
  for (const i of scope.income) {
    const k = appropriationKind(i.source);
    if (k) incomeBy[k] += i.amount;
  }
  const byClass = new Map<string, Acc>();
  const thisYear = zero();
  const forward = zero();
  for (const l of scope.lines) {
    const k = appropriationKind(l.source);
    if (!k) continue;
    if (carry && !isSpentThisYear(l.nature)) {
      forward[k] += l.amount;
      continue;
    }
    const c = l.functional.slice(0, 3);
    let a = byClass.get(c);
    if (!a) byClass.set(c, (a = zero()));
    a[k] += l.amount;
    thisYear[k] += l.amount;
  }
  const sum = (a: Acc) => a.gpb + a["government-fund"] + a["state-capital"];
  const cells = (a: Acc): Cell[] => [fen(sum(a)), fen(a.gpb), fen(a["government-fund"]), fen(a["state-capital"])];
  const classes = [...byClass.entries()].sort(([a], [b]) => a.localeCompare(b));
  /** a side's lines: label, amounts, and where it stands (a block's heading, or an item under one) */
  type Side = [string, Cell[], ("heading" | "item")?][];
  let left: Side;
  let right: Side;
  if (carry) {
    left = [
      ["一、本年收入", [fen(sum(incomeBy))], "heading"],
      ...APPROPRIATION_KINDS.map((k, i): Side[number] => [`（${chineseNumber(i + 1)}）${k.income}`, [fen(incomeBy[k.key])], "item"]),
      ["二、上年结转", [null], "heading"],
      ...APPROPRIATION_KINDS.map((k, i): Side[number] => [`（${chineseNumber(i + 1)}）${k.income}`, [null], "item"]),
    ];
    right = [
      ["一、本年支出", cells(thisYear), "heading"],
      ...classes.map(([c, a], i): Side[number] => [`（${chineseNumber(i + 1)}）${catalog.functionalName(c)}`, cells(a), "item"]),
      ["二、结转下年", cells(forward), "heading"],
    ];
  } else {
    left = APPROPRIATION_KINDS.map((k, i) => [`${chineseNumber(i + 1)}、${k.income}`, [fen(incomeBy[k.key])]]);
    right = classes.map(([c, a], i) => [`${chineseNumber(i + 1)}、${catalog.functionalName(c)}`, cells(a)]);
  }
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const r = right[i];
    // each side shows its own hierarchy: a block's heading bold, the items under it indented
    const styles: (CellStyle | undefined)[] = Array.from({ length: 7 }, () => undefined);
    const place = (side: Side[number] | undefined, from: number, to: number) => {
      if (side?.[2] === "heading") for (let c = from; c <= to; c++) styles[c] = { bold: true };
      else if (side?.[2] === "item") styles[from] = { indent: 1 };
    };
    place(l, 0, 1);
    place(r, 2, 6);
    t.row([l?.[0] ?? "", ...(l ? l[1] : [null]), r?.[0] ?? "", ...(r ? r[1] : [])], "detail", styles);
  }
  const grand = zero();
  for (const k of APPROPRIATION_KINDS) grand[k.key] = thisYear[k.key] + forward[k.key];
  t.row(["收 入 总 计", fen(sum(incomeBy)), "支 出 总 计", ...cells(grand)], "total");
  return t.build(meta, scope);
}

/**
 * 5 一般公共预算支出表: functional rows × 合计 / 基本支出 (人员经费, 公用经费) / 项目支出, and a column for each of
 * Jiangsu's other uses (单位预留机动经费, 结转下年资金) the 一般公共预算 lines have: a reserve under 301 is not 人员经费.
 */
export function gpbExpenditure(scope: Scope, catalog: CatalogIndex, meta: Meta): DisclosureTable {
  const lines = scope.lines.filter((l) => isGeneralPublicBudget(l.source));
  const others = (["reserve", "carry-forward"] as const).filter((n) => lines.some((l) => l.nature === n && l.amount !== 0));
  const t = new TableBuilder(
    [...FUNCTION_COLUMNS, money("total"), money("basic"), money("personnel"), money("public"), money("project"), ...others.map((n) => money(n))],
    [
      [...functionHeader(2), h("合计", { rs: 2 }), h("基本支出", { cs: 3 }), h("项目支出", { rs: 2 }), ...others.map((n) => h(NATURE_NAMES[n], { rs: 2 }))],
      [h("小计"), h("人员经费"), h("公用经费")],
    ],
  );
  type Acc = { personnel: number; public: number; project: number; reserve: number; "carry-forward": number };
  const add = (a: Acc, l: LineItem) => {
    if (l.nature === "basic") {
      if (isPersonnel(l.economic)) a.personnel += l.amount;
      else a.public += l.amount;
    } else a[l.nature] += l.amount;
  };
  const cells = (a: Acc): Cell[] => [
    fen(a.personnel + a.public + a.project + others.reduce((s, n) => s + a[n], 0)),
    fen(a.personnel + a.public),
    fen(a.personnel),
    fen(a.public),
    fen(a.project),
    ...others.map((n) => fen(a[n])),
  ];
  const zero = (): Acc => ({ personnel: 0, public: 0, project: 0, reserve: 0, "carry-forward": 0 });
  const grand = zero();
  for (const l of lines) add(grand, l);
  const empty = lines.length === 0;
  if (!empty) {
    t.row(["", "合计", ...cells(grand)], "total");
    functionalRows(t, catalog, lines, zero, add, cells);
  }
  return t.build(meta, scope, empty);
}

/** 6 一般公共预算基本支出表: economic 类/款 rows (national 款 only) × 合计 / 人员经费 / 公用经费. */
export function gpbBasic(scope: Scope, catalog: CatalogIndex, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [code("code", 9), text("name", 26), money("total"), money("personnel"), money("public")],
    [
      [h("部门预算支出经济分类科目", { cs: 2 }), h("一般公共预算基本支出", { cs: 3 })],
      [h("科目编码"), h("科目名称"), h("合计"), h("人员经费"), h("公用经费")],
    ],
  );
  type Acc = { personnel: number; public: number };
  const m = new Map<string, Acc>();
  const grand: Acc = { personnel: 0, public: 0 };
  for (const l of scope.lines) {
    if (l.nature !== "basic" || !isGeneralPublicBudget(l.source)) continue;
    const k = isPersonnel(l.economic) ? "personnel" : "public";
    grand[k] += l.amount;
    // national 款 only: a local 款 folds into the national one its catalog names (30104 → 30103)
    for (const c of [economicClass(l.economic), catalog.nationalEconomicSection(l.economic)]) {
      let a = m.get(c);
      if (!a) m.set(c, (a = { personnel: 0, public: 0 }));
      a[k] += l.amount;
    }
  }
  const cells = (a: Acc): Cell[] => [fen(a.personnel + a.public), fen(a.personnel), fen(a.public)];
  const empty = grand.personnel === 0 && grand.public === 0;
  if (!empty) {
    t.row(["", "合计", ...cells(grand)], "total");
    for (const [c, a] of [...m.entries()].sort(([x], [y]) => x.localeCompare(y))) t.row([c, catalog.departmentEconomicName(c), ...cells(a)], c.length === 3 ? "subtotal" : "detail");
  }
  return t.build(meta, scope, empty);
}

/**
 * 7 一般公共预算"三公"经费支出表: this year, and last year's budget where the data has it. Each row prints its
 * figures, 0.00 included: a year whose "三公" are known to be nil says so (the narrative's 持平 then reads
 * against two printed zeros, not against blanks).
 */
export function threePublic(scope: Scope, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("year", 14), money("total"), money("abroad"), money("vehicle"), money("vehiclePurchase"), money("vehicleOperation"), money("reception")],
    [
      [h("年度", { rs: 2 }), h("合计", { rs: 2 }), h("因公出国（境）费", { rs: 2 }), h("公务用车购置及运行费", { cs: 3 }), h("公务接待费", { rs: 2 })],
      [h("小计"), h("公务用车购置费"), h("公务用车运行费")],
    ],
  );
  const row = (label: string, a: { abroad: Fen; reception: Fen; vehiclePurchase: Fen; vehicleOperation: Fen }) =>
    t.finalRow([label, fen(a.abroad + a.reception + a.vehiclePurchase + a.vehicleOperation), a.abroad, fen(a.vehiclePurchase + a.vehicleOperation), a.vehiclePurchase, a.vehicleOperation, a.reception]);
  const prior = scope.prior?.threePublic;
  if (prior) row(`${scope.prior?.year ?? scope.year - 1}年预算数`, prior);
  const now = threePublicAmounts(scope);
  row(`${scope.year}年预算数`, now);
  const total = now.abroad + now.reception + now.vehiclePurchase + now.vehicleOperation;
  return t.build(meta, scope, total === 0);
}
