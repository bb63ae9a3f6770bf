/**
 * 部门决算表 — the nine tables of a department's final accounts (the form 上海市普陀区 publishes, from the
 * Ministry of Finance's 部门决算 公开 tables), drawn from the 决算账 (src/core/final-accounts/ledger.ts):
 * 决算数 is what was paid, 预算数 the 全年预算. Which classes, which "三公" item, which part of basic
 * expenditure a line is: the classification facts of src/core (classify.ts, economic.ts, the catalog).
 */
import type { CatalogIndex } from "../catalog.ts";
import { chineseNumber } from "../catalog.ts";
import { classifyLine, functionalClassOf } from "../classify.ts";
import { type BalanceKind, FINAL_SPENDING_USES, FINAL_SPENDING_USE_NAMES, type FinalSpendingUse } from "../execution/model.ts";
import { type FinalAccounts, type FinalLine, balanceKindName, balanceKindOf, spendingTotal } from "../final-accounts/ledger.ts";
import type { LineItem } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import type { Cell, DisclosureTable, HeaderCell } from "../table.ts";
import { TableBuilder, type TableMeta, code, h, money, text } from "./builder.ts";
import { functionalRows } from "./central9.ts";
import { economicClass, isPersonnel } from "./economic.ts";
import type { Scope } from "./scope.ts";

type Meta = TableMeta;
type AppropriationKind = Exclude<BalanceKind, "non-fiscal">;
const APPROPRIATION_KINDS: readonly AppropriationKind[] = ["gpb", "government-fund", "state-capital"];

/** A 决算 line as the budget's line item it was paid on, with its 决算数 as amount (for classifyLine). */
export function executedItem(l: FinalLine): LineItem {
  return { unit: l.unit, functional: l.functional, economic: l.economic, nature: l.nature, project: l.project, source: l.source, amount: l.executed, memo: undefined };
}

const total = (xs: readonly { amount: Fen }[]): Fen => fen(xs.reduce((s, x) => s + x.amount, 0));
const executedOf = (ls: readonly FinalLine[]): Fen => fen(ls.reduce((s, l) => s + l.executed, 0));

/** The income lines of 收入支出决算总表 and 收入决算表, in print order: label, and how to sum it. */
const INCOME_LINES: readonly { label: string; column: string; amount: (a: FinalAccounts) => Fen }[] = [
  ...APPROPRIATION_KINDS.map((k) => ({ label: `${balanceKindName(k)}收入`, column: "", amount: (a: FinalAccounts) => total(a.appropriationIncome.filter((x) => x.kind === k)) })),
  ...(
    [
      ["superior-subsidy", "上级补助收入"],
      ["business-income", "事业收入"],
      ["operating-income", "经营收入"],
      ["subordinate-remittance", "附属单位上缴收入"],
      ["other", "其他收入"],
    ] as const
  ).map(([source, label]) => ({ label, column: source as string, amount: (a: FinalAccounts) => total(a.income.filter((x) => x.source === source)) })),
];

/** The 类 the right side of a balance table lists: every 类 of the year's catalog and any other the lines use. */
function classRows(catalog: CatalogIndex, lines: readonly { functional: string }[]): string[] {
  const classes = new Set(catalog.functionalClassCodes());
  for (const l of lines) classes.add(functionalClassOf(l.functional));
  return [...classes].sort();
}

/** 本年收入合计 of the accounts: 财政拨款收入 and the other income. */
function incomeTotal(a: FinalAccounts): Fen {
  return fen(total(a.appropriationIncome) + total(a.income));
}

/** 一 收入支出决算总表: income by kind = expenditure by every 类 (the budget lines' and the other uses'), with the balances and 总计 on both sides. */
export function finalSummary(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("incomeItem", 30), money("incomeAmount"), text("expenseItem", 32), money("expenseAmount")],
    [
      [h("收入", { cs: 2 }), h("支出", { cs: 2 })],
      [h("项目"), h("决算数"), h("项目"), h("决算数")],
    ],
  );
  const left: [string, Fen][] = INCOME_LINES.map((x, i) => [`${chineseNumber(i + 1)}、${x.label}`, x.amount(a)]);
  const inClass = (c: string) => (x: { functional: string }) => functionalClassOf(x.functional) === c;
  const right: [string, Fen][] = classRows(catalog, [...a.lines, ...a.otherSpending]).map((c, i) => [
    `${chineseNumber(i + 1)}、${catalog.functionalName(c)}`,
    spendingTotal({ lines: a.lines.filter(inClass(c)), otherSpending: a.otherSpending.filter(inClass(c)) }),
  ]);
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) t.row([left[i]?.[0] ?? "", left[i]?.[1] ?? null, right[i]?.[0] ?? "", right[i]?.[1] ?? null]);
  const income = incomeTotal(a);
  const spent = spendingTotal(a);
  const opening = total(a.opening);
  const closing = total(a.closing);
  const used = total(a.nonFiscalBalanceUsed);
  const distributed = total(a.surplusDistribution);
  t.row(["本年收入合计", income, "本年支出合计", spent], "subtotal");
  t.row(["使用非财政拨款结余", used, "结余分配", distributed]);
  t.row(["年初结转和结余", opening, "年末结转和结余", closing]);
  t.row(["总计", fen(income + used + opening), "总计", fen(spent + distributed + closing)], "total");
  return t.build(meta, scope, income === 0 && spent === 0 && opening === 0 && closing === 0);
}

const FUNCTION_COLUMNS = [code("code", 9), text("name", 26)];
const functionHeader = (rs: number): HeaderCell[] => [h("功能分类科目编码", { rs }), h("科目名称", { rs })];

/** 二 收入决算表: functional 类/款/项 × 本年收入合计, 财政拨款收入 and each other income. */
export function finalIncome(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, meta: Meta): DisclosureTable {
  const others = INCOME_LINES.filter((x) => x.column !== "");
  const t = new TableBuilder(
    [...FUNCTION_COLUMNS, money("total"), money("appropriation"), ...others.map((x) => money(x.column))],
    [[...functionHeader(1), h("本年收入合计"), h("财政拨款收入"), ...others.map((x) => h(x.label))]],
  );
  type Item = { functional: string; column: string; amount: Fen };
  const items: Item[] = [...a.appropriationIncome.map((x) => ({ functional: x.functional, column: "appropriation", amount: x.amount })), ...a.income.map((x) => ({ functional: x.functional, column: x.source as string, amount: x.amount }))];
  type Acc = Map<string, number>;
  const add = (m: Acc, x: Item) => m.set(x.column, (m.get(x.column) ?? 0) + x.amount);
  const cells = (m: Acc): Cell[] => {
    let sum = 0;
    for (const v of m.values()) sum += v;
    return [fen(sum), fen(m.get("appropriation") ?? 0), ...others.map((x) => fen(m.get(x.column) ?? 0))];
  };
  const grand: Acc = new Map();
  for (const x of items) add(grand, x);
  const empty = items.every((x) => x.amount === 0);
  if (!empty) {
    t.row(["", "合计", ...cells(grand)], "total");
    functionalRows(t, catalog, items, () => new Map() as Acc, add, cells);
  }
  return t.build(meta, scope, empty);
}

type NatureAcc = { basic: number; project: number };
const addNature = (acc: NatureAcc, l: FinalLine) => {
  if (l.nature === "basic") acc.basic += l.executed;
  else acc.project += l.executed;
};
const natureCells = (acc: NatureAcc): Cell[] => [fen(acc.basic + acc.project), fen(acc.basic), fen(acc.project)];

/**
 * 三 支出决算表: functional 类/款/项 × 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出.
 * The budget lines give 基本支出 and 项目支出 (every use other than 基本支出, Jiangsu's 单位预留机动经费 …, was spent
 * on the line's purpose: 项目支出); the record's otherSpending the last three.
 */
export function finalExpenditure(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [...FUNCTION_COLUMNS, money("total"), money("basic"), money("project"), ...FINAL_SPENDING_USES.map((u) => money(SPENDING_COLUMN[u]))],
    [[...functionHeader(1), h("本年支出合计"), h("基本支出"), h("项目支出"), ...FINAL_SPENDING_USES.map((u) => h(FINAL_SPENDING_USE_NAMES[u]))]],
  );
  type Part = "basic" | "project" | FinalSpendingUse;
  type Item = { functional: string; part: Part; amount: number };
  const items: Item[] = [
    ...a.lines.map((l): Item => ({ functional: l.functional, part: l.nature === "basic" ? "basic" : "project", amount: l.executed })),
    ...a.otherSpending.map((x): Item => ({ functional: x.functional, part: x.use, amount: x.amount })),
  ].filter((x) => x.amount !== 0);
  type Acc = Record<Part, number>;
  const zero = (): Acc => ({ basic: 0, project: 0, "to-superior": 0, operating: 0, "to-subordinate": 0 });
  const add = (acc: Acc, x: Item) => {
    acc[x.part] += x.amount;
  };
  const parts: readonly Part[] = ["basic", "project", ...FINAL_SPENDING_USES];
  const cells = (acc: Acc): Cell[] => [fen(parts.reduce((s, p) => s + acc[p], 0)), ...parts.map((p) => fen(acc[p]))];
  const grand = zero();
  for (const x of items) add(grand, x);
  const empty = items.length === 0;
  if (!empty) {
    t.row(["", "合计", ...cells(grand)], "total");
    functionalRows(t, catalog, items, zero, add, cells);
  }
  return t.build(meta, scope, empty);
}

/** The column keys of 支出决算表's other uses. */
const SPENDING_COLUMN: Readonly<Record<FinalSpendingUse, string>> = { "to-superior": "toSuperior", operating: "operating", "to-subordinate": "toSubordinate" };

/** 四 财政拨款收入支出决算总表: 财政拨款 income by kind = expenditure by every 类 × kind, with the balances. */
export function finalAppropriation(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("incomeItem", 28), money("incomeAmount"), text("expenseItem", 30), money("total"), ...APPROPRIATION_KINDS.map((k) => money(k))],
    [
      [h("收入", { cs: 2 }), h("支出", { cs: 5 })],
      [h("项目"), h("决算数"), h("项目"), h("合计"), ...APPROPRIATION_KINDS.map((k) => h(balanceKindName(k)))],
    ],
  );
  const lines = a.lines.filter((l) => balanceKindOf(l.source) !== "non-fiscal");
  const byKind = (xs: readonly { kind: BalanceKind; amount: Fen }[], k: AppropriationKind) => total(xs.filter((x) => x.kind === k));
  const spentCells = (ls: readonly FinalLine[]): Cell[] => [executedOf(ls), ...APPROPRIATION_KINDS.map((k) => executedOf(ls.filter((l) => balanceKindOf(l.source) === k)))];
  const kindCells = (xs: readonly { kind: BalanceKind; amount: Fen }[]): Cell[] => [fen(APPROPRIATION_KINDS.reduce((s, k) => s + byKind(xs, k), 0)), ...APPROPRIATION_KINDS.map((k) => byKind(xs, k))];
  const left: [string, Fen][] = APPROPRIATION_KINDS.map((k, i) => [`${chineseNumber(i + 1)}、${balanceKindName(k)}`, byKind(a.appropriationIncome, k)]);
  const classes = classRows(catalog, lines);
  const n = Math.max(left.length, classes.length);
  for (let i = 0; i < n; i++) {
    const c = classes[i];
    const right: Cell[] = c ? [`${chineseNumber(i + 1)}、${catalog.functionalName(c)}`, ...spentCells(lines.filter((l) => functionalClassOf(l.functional) === c))] : ["", null, null, null, null];
    t.row([left[i]?.[0] ?? "", left[i]?.[1] ?? null, ...right]);
  }
  const income = total(a.appropriationIncome);
  t.row(["本年收入合计", income, "本年支出合计", ...spentCells(lines)], "subtotal");
  const opening = a.opening.filter((b) => b.kind !== "non-fiscal");
  const closing = a.closing.filter((b) => b.kind !== "non-fiscal");
  t.row(["年初财政拨款结转和结余", total(opening), "年末财政拨款结转和结余", ...kindCells(closing)], "subtotal");
  APPROPRIATION_KINDS.forEach((k, i) => {
    const label = `${chineseNumber(i + 1)}、${balanceKindName(k)}`;
    const closed = byKind(closing, k);
    t.row([label, byKind(opening, k), label, closed, ...APPROPRIATION_KINDS.map((x) => (x === k ? closed : null))]);
  });
  const spent = spentCells(lines);
  const closed = kindCells(closing);
  t.row(["总计", fen(income + total(opening)), "总计", ...spent.map((s, i) => fen((s as number) + (closed[i] as number)))], "total");
  return t.build(meta, scope, income === 0 && total(opening) === 0 && executedOf(lines) === 0);
}

/** 五 一般公共预算财政拨款支出决算表: functional 类/款/项 × 合计 / 基本支出 / 项目支出, 合计 last (as printed). */
export function finalGpbExpenditure(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, meta: Meta): DisclosureTable {
  const t = new TableBuilder([...FUNCTION_COLUMNS, money("total"), money("basic"), money("project")], [[...functionHeader(1), h("合计"), h("基本支出"), h("项目支出")]]);
  const lines = a.lines.filter((l) => balanceKindOf(l.source) === "gpb" && l.executed !== 0);
  const zero = (): NatureAcc => ({ basic: 0, project: 0 });
  const grand = zero();
  for (const l of lines) addNature(grand, l);
  const empty = lines.length === 0;
  if (!empty) {
    functionalRows(t, catalog, lines, zero, addNature, natureCells);
    t.row(["", "合计", ...natureCells(grand)], "total");
  }
  return t.build(meta, scope, empty);
}

/**
 * 六 一般公共预算财政拨款基本支出决算表: 人员经费 (left) and 公用经费 (right) by economic 类 and national 款,
 * side by side, each closed by its 合计.
 */
export function finalGpbBasic(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [code("personnelCode", 8), text("personnelName", 22), money("personnel"), code("publicCode", 8), text("publicName", 22), money("public")],
    [
      [h("人员经费", { cs: 3 }), h("公用经费", { cs: 3 })],
      [h("经济分类科目编码"), h("科目名称"), h("决算数"), h("经济分类科目编码"), h("科目名称"), h("决算数")],
    ],
  );
  const sides = { personnel: new Map<string, number>(), public: new Map<string, number>() };
  const totals = { personnel: 0, public: 0 };
  for (const l of a.lines) {
    if (l.nature !== "basic" || balanceKindOf(l.source) !== "gpb" || l.executed === 0) continue;
    const side = isPersonnel(l.economic) ? "personnel" : "public";
    totals[side] += l.executed;
    // national 款 only: a local 款 folds into the national one its catalog names
    for (const c of [economicClass(l.economic), catalog.nationalEconomicSection(l.economic)]) sides[side].set(c, (sides[side].get(c) ?? 0) + l.executed);
  }
  const rows = (m: Map<string, number>): [string, string, Fen][] => [...m.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([c, v]) => [c, catalog.departmentEconomicName(c), fen(v)]);
  const left = rows(sides.personnel);
  const right = rows(sides.public);
  const empty = totals.personnel === 0 && totals.public === 0;
  if (!empty) {
    const n = Math.max(left.length, right.length);
    for (let i = 0; i < n; i++) {
      const l = left[i];
      const r = right[i];
      t.row([l?.[0] ?? "", l?.[1] ?? "", l?.[2] ?? null, r?.[0] ?? "", r?.[1] ?? "", r?.[2] ?? null]);
    }
    t.row(["", "人员经费合计", fen(totals.personnel), "", "公用经费合计", fen(totals.public)], "total");
  }
  return t.build(meta, scope, empty);
}

/** The "三公" items of the 决算 lines: 预算数 (全年预算) and 决算数, as the core classifies them. */
export function finalThreePublic(scope: Scope, a: FinalAccounts): Record<"abroad" | "reception" | "vehiclePurchase" | "vehicleOperation", { budget: Fen; final: Fen }> {
  const r = { abroad: { budget: 0, final: 0 }, reception: { budget: 0, final: 0 }, vehiclePurchase: { budget: 0, final: 0 }, vehicleOperation: { budget: 0, final: 0 } };
  for (const l of a.lines) {
    const item = classifyLine(executedItem(l), scope.unitByCode.get(l.unit)).threePublic;
    if (!item) continue;
    r[item].budget += l.adjusted;
    r[item].final += l.executed;
  }
  const f = (x: { budget: number; final: number }) => ({ budget: fen(x.budget), final: fen(x.final) });
  return { abroad: f(r.abroad), reception: f(r.reception), vehiclePurchase: f(r.vehiclePurchase), vehicleOperation: f(r.vehicleOperation) };
}

/** 七 财政拨款"三公"经费支出决算表: one row, each item's 预算数 (全年预算) and 决算数. */
export function finalThreePublicTable(scope: Scope, a: FinalAccounts, meta: Meta): DisclosureTable {
  const pair = (name: string, span?: { rs?: number; cs?: number }) => h(name, span);
  const t = new TableBuilder(
    ["total", "abroad", "vehicle", "vehiclePurchase", "vehicleOperation", "reception"].flatMap((k) => [money(`${k}Budget`), money(`${k}Final`)]),
    [
      [pair("财政拨款“三公”经费", { cs: 12 })],
      [pair("合计", { cs: 2, rs: 2 }), pair("因公出国（境）费", { cs: 2, rs: 2 }), pair("公务用车购置及运行维护费", { cs: 6 }), pair("公务接待费", { cs: 2, rs: 2 })],
      [pair("小计", { cs: 2 }), pair("公务用车购置费", { cs: 2 }), pair("公务用车运行维护费", { cs: 2 })],
      Array.from({ length: 6 }, () => [h("预算数"), h("决算数")]).flat(),
    ],
  );
  const x = finalThreePublic(scope, a);
  const vehicle = { budget: fen(x.vehiclePurchase.budget + x.vehicleOperation.budget), final: fen(x.vehiclePurchase.final + x.vehicleOperation.final) };
  const all = { budget: fen(x.abroad.budget + vehicle.budget + x.reception.budget), final: fen(x.abroad.final + vehicle.final + x.reception.final) };
  const items = [all, x.abroad, vehicle, x.vehiclePurchase, x.vehicleOperation, x.reception];
  const empty = all.budget === 0 && all.final === 0;
  if (!empty) t.row(items.flatMap((i) => [i.budget, i.final]));
  return t.build(meta, scope, empty);
}

/**
 * 八, 九 政府性基金 / 国有资本经营预算财政拨款收入支出决算表: functional 类/款/项 × 年初结转和结余, 本年收入,
 * 本年支出 (合计 / 基本支出 / 项目支出), 年末结转和结余, for one kind of 财政拨款.
 */
export function finalFundTable(scope: Scope, catalog: CatalogIndex, a: FinalAccounts, kind: "government-fund" | "state-capital", meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [...FUNCTION_COLUMNS, money("opening"), money("income"), money("total"), money("basic"), money("project"), money("closing")],
    [
      [...functionHeader(2), h("年初结转和结余", { rs: 2 }), h("本年收入", { rs: 2 }), h("本年支出", { cs: 3 }), h("年末结转和结余", { rs: 2 })],
      [h("合计"), h("基本支出"), h("项目支出")],
    ],
  );
  type Item = { functional: string; part: "opening" | "income" | "basic" | "project" | "closing"; amount: number };
  const items: Item[] = [
    ...a.opening.filter((b) => b.kind === kind).map((b): Item => ({ functional: b.functional, part: "opening", amount: b.amount })),
    ...a.appropriationIncome.filter((x) => x.kind === kind).map((x): Item => ({ functional: x.functional, part: "income", amount: x.amount })),
    ...a.lines.filter((l) => balanceKindOf(l.source) === kind).map((l): Item => ({ functional: l.functional, part: l.nature === "basic" ? "basic" : "project", amount: l.executed })),
    ...a.closing.filter((b) => b.kind === kind).map((b): Item => ({ functional: b.functional, part: "closing", amount: b.amount })),
  ].filter((x) => x.amount !== 0);
  type Acc = Record<Item["part"], number>;
  const zero = (): Acc => ({ opening: 0, income: 0, basic: 0, project: 0, closing: 0 });
  const add = (acc: Acc, x: Item) => {
    acc[x.part] += x.amount;
  };
  const cells = (x: Acc): Cell[] => [fen(x.opening), fen(x.income), fen(x.basic + x.project), fen(x.basic), fen(x.project), fen(x.closing)];
  const grand = zero();
  for (const x of items) add(grand, x);
  const empty = items.length === 0;
  if (!empty) {
    t.row(["", "合计", ...cells(grand)], "total");
    functionalRows(t, catalog, items, zero, add, cells);
  }
  return t.build(meta, scope, empty);
}
