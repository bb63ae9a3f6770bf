/**
 * The tables of Jiangsu's provincial department template (江苏省级部门预算公开 12 张表) that no other template
 * draws: the balance tables with 支出用途 (基本支出, 项目支出, 单位预留机动经费) and 结转下年资金, the income lines,
 * one-amount functional and economic tables, "三公"经费 with 会议费 and 培训费, and 政府采购. Which tables, their
 * titles, numbers and order are the template's (src/core/templates/jiangsu-province.ts).
 */
import { type CatalogIndex, chineseNumber } from "../catalog.ts";
import { classifyLine, isAssigned, isFiscalAppropriation, isSpentThisYear, sourceFacts } from "../classify.ts";
import {
  FUNDING_SOURCE_NAMES,
  type FundingSource,
  GENERAL_PUBLIC_BUDGET_SOURCES,
  INCOME_LINE_NAMES,
  INCOME_LINE_SOURCES,
  type LineItem,
  NATURE_NAMES,
  PROCUREMENT_KINDS,
  PROCUREMENT_KIND_CODES,
  PROCUREMENT_KIND_NAMES,
  PROCUREMENT_ORGANISATION_NAMES,
} from "../model.ts";
import { type Fen, fen } from "../money.ts";
import type { Cell, DisclosureTable } from "../table.ts";
import { TableBuilder, type TableMeta, code, h, money, text } from "./builder.ts";
import { functionalHierarchy, levelKind } from "./central9.ts";
import { economicClass, economicSection, meetingTrainingItem } from "./economic.ts";
import { sortStrings } from "./order.ts";
import type { Scope } from "./scope.ts";

type Meta = TableMeta;

/** Which lines a table counts: 财政拨款, 一般公共预算 or 政府性基金 money. */
export type JiangsuSelection = "appropriation" | "gpb" | "government-fund";

const SELECT: Record<JiangsuSelection, (source: string) => boolean> = {
  appropriation: (s) => sourceFacts(s)?.appropriation === true,
  gpb: (s) => sourceFacts(s)?.group === "gpb",
  "government-fund": (s) => s === "government-fund",
};

const sum = (xs: readonly { amount: number }[]): Fen => fen(xs.reduce((s, x) => s + x.amount, 0));

/** Income of the given sources (上年结转 is a source like any other here). */
function incomeOf(scope: Scope, sources: readonly FundingSource[]): Fen {
  return sum(scope.income.filter((i) => sources.includes(i.source)));
}

/** A source is printed where a template line always prints it, or where the scope has income or spending from it. */
function used(scope: Scope, source: FundingSource): boolean {
  return scope.income.some((i) => i.source === source && i.amount !== 0) || scope.lines.some((l) => l.source === source && l.amount !== 0);
}

/** 支出用途 of the lines: 基本支出, 项目支出, 单位预留机动经费 and 结转下年资金. */
function byUse(lines: readonly LineItem[]): { basic: Fen; project: Fen; reserve: Fen; carryForward: Fen; thisYear: Fen; total: Fen } {
  const a = { basic: 0, project: 0, reserve: 0, "carry-forward": 0 };
  for (const l of lines) a[l.nature] += l.amount;
  return {
    basic: fen(a.basic),
    project: fen(a.project),
    reserve: fen(a.reserve),
    carryForward: fen(a["carry-forward"]),
    thisYear: fen(a.basic + a.project + a.reserve),
    total: fen(a.basic + a.project + a.reserve + a["carry-forward"]),
  };
}

/**
 * 公开01 收支预算总表: income by income line (left) = 当年支出 by every 功能分类 类 of the year (middle) = by 支出用途
 * (right); then 当年收入小计 / 当年支出小计, 上年结转资金 / 结转下年资金, 收入合计 / 支出合计.
 */
export function jiangsuSummary(scope: Scope, catalog: CatalogIndex, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("incomeItem", 20), money("incomeAmount"), text("classItem", 26), money("classAmount"), text("useItem", 20), money("useAmount")],
    [
      [h("收入", { cs: 2 }), h("支出", { cs: 4 })],
      [h("项目名称", { rs: 2 }), h("金额", { rs: 2 }), h("功能分类", { cs: 2 }), h("支出用途", { cs: 2 })],
      [h("功能科目名称"), h("金额"), h("项目名称"), h("金额")],
    ],
  );
  const appropriationSources = INCOME_LINE_SOURCES.appropriation;
  const left: [string, Fen][] = [
    [`一、${INCOME_LINE_NAMES.appropriation}`, incomeOf(scope, appropriationSources)],
    ["1.一般公共预算", incomeOf(scope, GENERAL_PUBLIC_BUDGET_SOURCES)],
    ["2.政府性基金预算", incomeOf(scope, ["government-fund"])],
  ];
  if (used(scope, "state-capital")) left.push(["3.国有资本经营预算", incomeOf(scope, ["state-capital"])]);
  left.push([`二、${INCOME_LINE_NAMES["special-account"]}`, incomeOf(scope, INCOME_LINE_SOURCES["special-account"])]);
  left.push([`三、${INCOME_LINE_NAMES["other-funds"]}`, incomeOf(scope, INCOME_LINE_SOURCES["other-funds"])]);

  const thisYear = new Map<string, number>();
  for (const l of scope.lines) if (isSpentThisYear(l.nature)) thisYear.set(l.functional.slice(0, 3), (thisYear.get(l.functional.slice(0, 3)) ?? 0) + l.amount);
  const classes = [...catalog.functionalClassCodes()];
  for (const c of thisYear.keys()) if (!classes.includes(c)) classes.push(c); // an unknown 类 still prints (a finding elsewhere)
  sortStrings(classes);
  const middle: [string, Fen][] = classes.map((c, i) => [`${chineseNumber(i + 1)}、${catalog.functionalLabel(c)}`, fen(thisYear.get(c) ?? 0)]);

  const uses = byUse(scope.lines);
  const right: [string, Fen][] = [
    [`一、${NATURE_NAMES.basic}`, uses.basic],
    [`二、${NATURE_NAMES.project}`, uses.project],
    [`三、${NATURE_NAMES.reserve}`, uses.reserve],
  ];
  const n = Math.max(left.length, middle.length, right.length);
  for (let i = 0; i < n; i++) {
    const label = left[i]?.[0] ?? "";
    // the parts of 财政拨款 ("1.一般公共预算") are indented under it
    t.row([label, left[i]?.[1] ?? null, middle[i]?.[0] ?? "", middle[i]?.[1] ?? null, right[i]?.[0] ?? "", right[i]?.[1] ?? null], "detail", /^\d\./.test(label) ? [{ indent: 1 }] : undefined);
  }
  const income = fen(scope.income.reduce((s, i) => s + i.amount, 0));
  const carryOver = incomeOf(scope, INCOME_LINE_SOURCES["carry-over"]);
  t.row(["当年收入小计", fen(income - carryOver), "", null, "当年支出小计", uses.thisYear], "subtotal");
  t.row([INCOME_LINE_NAMES["carry-over"], carryOver, "", null, NATURE_NAMES["carry-forward"], uses.carryForward]);
  t.row(["收入合计", income, "", null, "支出合计", uses.total], "total");
  return t.build(meta, scope);
}

/** The sources 公开02 prints under a group, always or where used. */
interface IncomeItem {
  name: string;
  source: FundingSource;
  always: boolean;
}

/** 公开02's groups: each a row of its own and the sources under it (the model keeps 财政专户 as one source, so no split). */
const INCOME_GROUPS: readonly { name: string; items: readonly IncomeItem[]; always: boolean }[] = [
  {
    name: "一般公共预算资金",
    always: true,
    items: [
      { name: "公共财政拨款(补助)资金", source: "gpb-appropriation", always: true },
      { name: FUNDING_SOURCE_NAMES["gpb-special-revenue"], source: "gpb-special-revenue", always: true },
      { name: FUNDING_SOURCE_NAMES["gpb-admin-fees"], source: "gpb-admin-fees", always: false },
      { name: FUNDING_SOURCE_NAMES["gpb-state-assets"], source: "gpb-state-assets", always: false },
      { name: FUNDING_SOURCE_NAMES["gpb-housing-fund"], source: "gpb-housing-fund", always: false },
    ],
  },
  { name: "政府性基金", always: true, items: [{ name: "", source: "government-fund", always: true }] },
  { name: "国有资本经营预算资金", always: false, items: [{ name: "", source: "state-capital", always: false }] },
  { name: INCOME_LINE_NAMES["special-account"], always: true, items: [{ name: "", source: "special-account", always: true }] },
  {
    name: INCOME_LINE_NAMES["other-funds"],
    always: true,
    items: [
      { name: FUNDING_SOURCE_NAMES["business-income"], source: "business-income", always: true },
      { name: "经营收入", source: "operating-income", always: true },
      { name: FUNDING_SOURCE_NAMES.other, source: "other", always: true },
      { name: "债务资金(银行贷款)", source: "debt", always: true },
      { name: FUNDING_SOURCE_NAMES["superior-subsidy"], source: "superior-subsidy", always: false },
      { name: FUNDING_SOURCE_NAMES["subordinate-remittance"], source: "subordinate-remittance", always: false },
      { name: FUNDING_SOURCE_NAMES["advance-transfer"], source: "advance-transfer", always: false },
    ],
  },
  { name: "上年结转和结余资金", always: true, items: [{ name: "", source: "carry-over", always: true }] },
];

/** 公开02 收入预算总表: 收入总计, then each group with its amount and the sources under it, indented. */
export function jiangsuIncome(scope: Scope, meta: Meta): DisclosureTable {
  const t = new TableBuilder([text("item", 30), money("amount", 16)], [[h("项目名称"), h("金额")]]);
  t.row(["收入总计", sum(scope.income)], "total");
  for (const g of INCOME_GROUPS) {
    const items = g.items.filter((i) => i.always || used(scope, i.source));
    if (!g.always && items.length === 0) continue;
    t.row([g.name, incomeOf(scope, items.map((i) => i.source))], "subtotal");
    for (const i of items) if (i.name) t.row([i.name, incomeOf(scope, [i.source])], "detail", [{ indent: 1 }]);
  }
  return t.build(meta, scope, scope.income.length === 0 && scope.lines.length === 0);
}

/** 公开03 支出预算总表: one row — 合计, 基本支出, 项目支出, 单位预留机动经费, 结转下年资金. */
export function jiangsuExpenditure(scope: Scope, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [money("total"), money("basic"), money("project"), money("reserve"), money("carry-forward")],
    [[h("合计"), h(NATURE_NAMES.basic), h(NATURE_NAMES.project), h(NATURE_NAMES.reserve), h(NATURE_NAMES["carry-forward"])]],
  );
  const u = byUse(scope.lines);
  t.row([u.total, u.basic, u.project, u.reserve, u.carryForward], "total");
  return t.build(meta, scope, u.total === 0);
}

/** 公开04 财政拨款收支预算总表: 一般公共预算 and 政府性基金预算 income (left) = 财政拨款 expenditure by 支出用途 (right). */
export function jiangsuAppropriation(scope: Scope, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("incomeItem", 22), money("incomeAmount"), text("useItem", 22), money("useAmount")],
    [
      [h("收入", { cs: 2 }), h("支出", { cs: 2 })],
      [h("项目名称", { rs: 2 }), h("金额", { rs: 2 }), h("支出用途", { cs: 2 })],
      [h("项目名称"), h("金额")],
    ],
  );
  const left: [string, Fen][] = [
    ["一、一般公共预算", incomeOf(scope, GENERAL_PUBLIC_BUDGET_SOURCES)],
    ["二、政府性基金预算", incomeOf(scope, ["government-fund"])],
  ];
  if (used(scope, "state-capital")) left.push(["三、国有资本经营预算", incomeOf(scope, ["state-capital"])]);
  const u = byUse(scope.lines.filter((l) => SELECT.appropriation(l.source)));
  const right: [string, Fen][] = [
    [`一、${NATURE_NAMES.basic}`, u.basic],
    [`二、${NATURE_NAMES.project}`, u.project],
    [`三、${NATURE_NAMES.reserve}`, u.reserve],
  ];
  if (u.carryForward !== 0) right.push([NATURE_NAMES["carry-forward"], u.carryForward]);
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) t.row([left[i]?.[0] ?? "", left[i]?.[1] ?? null, right[i]?.[0] ?? "", right[i]?.[1] ?? null]);
  t.row(["收入合计", fen(left.reduce((s, [, v]) => s + v, 0)), "支出合计", u.total], "total");
  return t.build(meta, scope);
}

/** 公开05/07/10: functional 类/款/项 rows × one amount (every use) over the selected money, 合计 first. */
export function jiangsuByFunction(scope: Scope, catalog: CatalogIndex, selection: JiangsuSelection, meta: Meta): DisclosureTable {
  const lines = scope.lines.filter((l) => SELECT[selection](l.source));
  const t = new TableBuilder([code("code", 10), text("name", 30), money("amount", 16)], [[h("功能科目代码"), h("功能科目名称"), h("金额")]]);
  const empty = lines.every((l) => l.amount === 0);
  if (!empty) {
    t.row(["", "合计", sum(lines)], "total");
    const rows = functionalHierarchy(
      lines,
      () => ({ amount: 0 }),
      (a, l) => {
        a.amount += l.amount;
      },
    );
    for (const r of rows) t.row([r.code, catalog.functionalName(r.code), fen(r.acc.amount)], levelKind(r.code));
  }
  return t.build(meta, scope, empty);
}

/** 公开06/08: basic expenditure by economic 类/款 × one amount over the selected money, 合计 first. */
export function jiangsuBasicByEconomic(scope: Scope, catalog: CatalogIndex, selection: JiangsuSelection, meta: Meta): DisclosureTable {
  const lines = scope.lines.filter((l) => l.nature === "basic" && SELECT[selection](l.source));
  const t = new TableBuilder([code("code", 10), text("name", 30), money("amount", 16)], [[h("科目编码"), h("科目名称"), h("金额")]]);
  const byCode = new Map<string, number>();
  for (const l of lines) for (const c of [economicClass(l.economic), economicSection(l.economic)]) byCode.set(c, (byCode.get(c) ?? 0) + l.amount);
  const empty = lines.every((l) => l.amount === 0);
  if (!empty) {
    t.row(["", "合计", sum(lines)], "total");
    for (const c of sortStrings([...byCode.keys()])) t.row([c, catalog.departmentEconomicName(c), fen(byCode.get(c)!)], c.length === 3 ? "subtotal" : "detail");
  }
  return t.build(meta, scope, empty);
}

/**
 * 公开09 一般公共预算"三公"经费、会议费、培训费支出预算表: one row — 合计, "三公" 小计, 因公出国（境）费, 公务用车
 * 购置及运行维护费 (小计, 购置费, 运行维护费), 公务接待费, 会议费, 培训费. Every item counts the money "三公" counts
 * (一般公共预算财政拨款, basic and project: classify.ts).
 */
export function jiangsuThreePublicMeetingsTraining(scope: Scope, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [money("total"), money("threePublic"), money("abroad"), money("vehicle"), money("vehiclePurchase"), money("vehicleOperation"), money("reception"), money("meeting"), money("training")],
    [
      [h("合计", { rs: 3 }), h("“三公”经费", { cs: 6 }), h("会议费", { rs: 3 }), h("培训费", { rs: 3 })],
      [h("小计", { rs: 2 }), h("因公出国（境）费", { rs: 2 }), h("公务用车购置及运行维护费", { cs: 3 }), h("公务接待费", { rs: 2 })],
      [h("小计"), h("公务用车购置费"), h("公务用车运行维护费")],
    ],
  );
  const a = { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0, meeting: 0, training: 0 };
  for (const l of scope.lines) {
    const item = classifyLine(l, scope.unitByCode.get(l.unit)).threePublic;
    if (item) a[item] += l.amount;
    const mt = isFiscalAppropriation(l.source) && isAssigned(l.nature) ? meetingTrainingItem(l.economic) : undefined;
    if (mt) a[mt] += l.amount;
  }
  const vehicle = a.vehiclePurchase + a.vehicleOperation;
  const three = a.abroad + vehicle + a.reception;
  const total = three + a.meeting + a.training;
  t.row([fen(total), fen(three), fen(a.abroad), fen(vehicle), fen(a.vehiclePurchase), fen(a.vehicleOperation), fen(a.reception), fen(a.meeting), fen(a.training)], "total");
  return t.build(meta, scope, total === 0);
}

/**
 * 公开12 政府采购支出预算表: 合计, then each 采购品目大类 with amounts ("一、货物A"), and under it each project (专项名称),
 * 经济科目 (by its name in the year's catalog), item (采购物品名称) and 采购组织形式, rows of the same five added up.
 */
export function jiangsuProcurement(scope: Scope, catalog: CatalogIndex, meta: Meta): DisclosureTable {
  const t = new TableBuilder(
    [text("kind", 14), text("project", 24), text("economic", 16), text("item", 22), text("organisation", 14), money("amount", 16)],
    [[h("采购品目大类"), h("专项名称"), h("经济科目"), h("采购物品名称"), h("采购组织形式"), h("总计")]],
  );
  const projectName = new Map(scope.projects.map((p) => [p.code, p.name]));
  const total = sum(scope.procurement);
  const empty = scope.procurement.every((p) => p.amount === 0);
  if (!empty) {
    t.row(["合计", "", "", "", "", total], "total");
    PROCUREMENT_KINDS.forEach((kind, i) => {
      const mine = scope.procurement.filter((p) => p.kind === kind && p.amount !== 0);
      if (mine.length === 0) return;
      t.row([`${chineseNumber(i + 1)}、${PROCUREMENT_KIND_NAMES[kind]}${PROCUREMENT_KIND_CODES[kind]}`, "", "", "", "", sum(mine)], "subtotal");
      const rows = new Map<string, { cells: [string, string, string, string]; amount: number }>();
      for (const p of mine) {
        const project = p.project ? (projectName.get(p.project) ?? p.project) : "";
        const economic = p.economic ? catalog.departmentEconomicName(p.economic) : "";
        const organisation = p.organisation ? PROCUREMENT_ORGANISATION_NAMES[p.organisation] : "";
        const cells: [string, string, string, string] = [project, economic, p.item ?? "", organisation];
        const key = cells.join("\u0000");
        const r = rows.get(key) ?? { cells, amount: 0 };
        r.amount += p.amount;
        rows.set(key, r);
      }
      for (const r of rows.values()) t.row(["", ...r.cells, fen(r.amount)] as Cell[]);
    });
  }
  return t.build(meta, scope, empty);
}
