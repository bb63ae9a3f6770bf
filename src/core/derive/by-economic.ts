/**
 * Tables by economic classification: 6 支出预算分类汇总表（按经济分类）, 7 "三公"经费支出情况表,
 * 9 机关运行经费, 11 一般公共预算基本支出预算表 (department code × government code).
 */
import { type CatalogIndex, perCatalog } from "../catalog.ts";
import { type Fen, fen } from "../money.ts";
import { NATURE_NAMES } from "../model.ts";
import type { Cell, DisclosureTable, RowKind } from "../table.ts";
import { type Layout, LayoutCache, TableBuilder, code, h, money, moneyCell, sharedLayout, text, type TableMeta } from "./builder.ts";
import { classifyLine } from "../classify.ts";
import type { ThreePublicItem } from "./economic.ts";
import { type FigureSums, type Ledger, MAPPING_SLOTS, type NatureAmounts, SELECTION_INDEX } from "./ledger.ts";
import { keysByCode, sortByCode, sortCodes } from "./order.ts";
import type { Scope } from "./scope.ts";

type Meta = TableMeta;

/** Table 6's layouts: 合计, 基本支出, 项目支出, then a column for each of Jiangsu's other uses the scope has. */
const ECONOMIC_LAYOUTS = new LayoutCache<string>();

function economicLayout(others: readonly OtherUse[]): Layout {
  return sharedLayout(
    [code("class", 5), code("section", 6), text("name", 24), money("total"), money("basic"), money("project"), ...others.map((u) => money(u))],
    [
      [h("科目编码", { cs: 2 }), h("科目名称", { rs: 2 }), h("合计", { rs: 2 }), h("基本支出", { rs: 2 }), h("项目支出", { rs: 2 }), ...others.map((u) => h(NATURE_NAMES[u], { rs: 2 }))],
      [h("类"), h("款")],
    ],
  );
}

/** Jiangsu's uses beside 基本支出 and 项目支出 (model.ts `Nature`). */
type OtherUse = "reserve" | "carry-forward";

/** A row of table 6: code cells and name, then 合计 and each use's amount. */
function economicRow(cls: string, section: string, name: string, a: NatureAmounts, others: readonly OtherUse[]): Cell[] {
  let total = a.basic + a.project;
  const row: Cell[] = [cls, section, name, null, moneyCell(a.basic), moneyCell(a.project)];
  for (const u of others) {
    const amount = u === "reserve" ? a.reserve : a.carryForward;
    total += amount;
    row.push(moneyCell(amount));
  }
  row[3] = moneyCell(total);
  return row;
}

/** Table 6 — every line by economic 类 and 款, basic against project (and Jiangsu's other uses where present). */
export function expenditureByEconomic(scope: Scope, catalog: CatalogIndex, ledger: Ledger, meta: Meta): DisclosureTable {
  const all = SELECTION_INDEX.all;
  const others: OtherUse[] = [];
  if (ledger.selectionReserveUsed[all]) others.push("reserve");
  if (ledger.selectionCarryForwardUsed[all]) others.push("carry-forward");
  const key = others.join(",");
  const layout = ECONOMIC_LAYOUTS.get(key) ?? ECONOMIC_LAYOUTS.keep(key, economicLayout(others));
  const t = new TableBuilder(layout.columns, layout.header);
  const empty = ledger.lineCount === 0;
  if (!empty) {
    const acc = ledger.expenditure[all]!;
    t.finalRow(economicRow("", "", "合计", acc, others), "total");
    for (const c of keysByCode(ledger.economic)) {
      const g = ledger.economic.get(c)!;
      t.finalRow(economicRow(c, "", catalog.departmentEconomicName(c), g, others), "subtotal");
      for (const s of keysByCode(g.sections)) {
        t.finalRow(economicRow(c, s.slice(3), catalog.departmentEconomicName(s), g.sections.get(s)!, others));
      }
    }
  }
  return t.build(meta, scope, empty);
}

/** The "三公" amounts of a scope: 一般公共预算财政拨款, basic and project. */
export function threePublicAmounts(scope: Scope): Record<ThreePublicItem, Fen> {
  const r: Record<ThreePublicItem, number> = { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 };
  for (const l of scope.lines) {
    const item = classifyLine(l, scope.unitByCode.get(l.unit)).threePublic;
    if (item) r[item] += l.amount;
  }
  return { abroad: fen(r.abroad), reception: fen(r.reception), vehiclePurchase: fen(r.vehiclePurchase), vehicleOperation: fen(r.vehicleOperation) };
}

/** The "三公" amounts of a scope or unit from its ledger's sums (as `threePublicAmounts` sums them). */
export function threePublicOf(sums: Pick<FigureSums, "threePublic">): Record<ThreePublicItem, Fen> {
  const r = sums.threePublic;
  return { abroad: fen(r.abroad), reception: fen(r.reception), vehiclePurchase: fen(r.vehiclePurchase), vehicleOperation: fen(r.vehicleOperation) };
}

/** Table 7's layouts, by year (its header names the year). */
const THREE_PUBLIC_LAYOUTS = new LayoutCache<number>();

function threePublicLayout(year: number): Layout {
  return sharedLayout([text("item", 30), money("amount", 20)], [[h("项 目"), h(`${year}年“三公”经费预算数`)]]);
}

/** Table 7 — 一般公共预算"三公"经费支出情况表. */
export function threePublicTable(scope: Scope, ledger: Ledger, meta: Meta): DisclosureTable {
  const a = threePublicOf(ledger.sums);
  const total = fen(a.abroad + a.reception + a.vehiclePurchase + a.vehicleOperation);
  const layout = THREE_PUBLIC_LAYOUTS.get(scope.year) ?? THREE_PUBLIC_LAYOUTS.keep(scope.year, threePublicLayout(scope.year));
  const t = new TableBuilder(layout.columns, layout.header);
  t.row(["共计", total], "total");
  t.row(["1、因公出国（境）费用", a.abroad]);
  t.row(["2、公务接待费", a.reception]);
  t.row(["3、公务用车购置及运行费", fen(a.vehiclePurchase + a.vehicleOperation)], "subtotal");
  // the two parts of 3 are indented under it, （2） under （1）
  t.row(["其中：（1）公务用车运行维护费", a.vehicleOperation], "detail", [{ indent: 1 }]);
  t.row(["（2）公务用车购置费", a.vehiclePurchase], "detail", [{ indent: 4 }]);
  return t.build(meta, scope, total === 0);
}

/** Table 9's layout: always the same. */
const OPERATING_COST_LAYOUT = sharedLayout([code("code", 10), text("name", 30), money("amount", 18)], [[h("科目编码"), h("科目名称"), h("机关运行经费支出")]]);

/** Table 9 — 机关运行经费 (行政 and 参公 units; basic 302 and 310 from 一般公共预算财政拨款). */
export function operatingCostTable(scope: Scope, catalog: CatalogIndex, ledger: Ledger, meta: Meta): DisclosureTable {
  const total = fen(ledger.sums.operatingTotal);
  const t = new TableBuilder(OPERATING_COST_LAYOUT.columns, OPERATING_COST_LAYOUT.header);
  const empty = total === 0;
  if (!empty) {
    t.finalRow(["", "合计", total], "total");
    const codes: string[] = [];
    ledger.codes.forEach((c, code) => {
      if (c.operatingCost !== undefined) codes.push(code);
    });
    for (const c of sortCodes(codes)) t.finalRow([c, catalog.departmentEconomicName(c), moneyCell(ledger.codes.get(c)!.operatingCost!)]);
  }
  return t.build(meta, scope, empty);
}

function deptOf(e: { dept: string }): string {
  return e.dept;
}

function govOf(g: { gov: string }): string {
  return g.gov;
}


/**
 * What table 11 prints of a department economic code: its name, and its government code in each MAPPING_SLOTS
 * slot ("" for none) with that code's name.
 */
interface MappedCode {
  name: string;
  gov: string[];
  govName: string[];
}

/** The name table 11 prints for a government code ("" is no code: 未对应). */
function governmentName(catalog: CatalogIndex, gov: string): string {
  return gov ? catalog.governmentEconomicName(gov) : "（未对应）";
}

/**
 * Table 11's look-ups of the catalog's own department codes, made once per catalog (the catalog does not
 * change): a code's name and government codes cost one look-up instead of up to seven.
 */
const mappedCodes = perCatalog<MappedCode>();

function mappedCode(known: Map<string, MappedCode>, catalog: CatalogIndex, code: string): MappedCode {
  const hit = known.get(code);
  if (hit) return hit;
  const gov = MAPPING_SLOTS.map((t) => (t && catalog.governmentCodeFor(code, t)) ?? "");
  const mapped = { name: catalog.departmentEconomicName(code), gov, govName: gov.map((g) => governmentName(catalog, g)) };
  if (catalog.departmentEconomicEntry(code)) known.set(code, mapped); // codes outside the catalog are not kept
  return mapped;
}

/** Table 11's layout: always the same. */
const BASIC_LAYOUT = sharedLayout(
  [code("deptCode", 9), text("deptName", 22), code("govCode", 7), text("govName", 18), money("total"), money("personnel"), money("public")],
  [
    [h("部门经济分类", { cs: 2 }), h("政府经济分类", { cs: 2 }), h("本年一般公共预算基本支出", { cs: 3 })],
    [h("科目编码"), h("科目名称"), h("科目编码"), h("科目名称"), h("总计"), h("人员经费"), h("公用经费")],
  ],
);

/** A row of table 11: codes and names, then 合计, 人员经费 and 公用经费. */
function basicRow(t: TableBuilder, first: string, second: string, gov: string, govName: string, personnel: number, publicFunds: number, kind?: RowKind): void {
  t.finalRow([first, second, gov, govName, moneyCell(personnel + publicFunds), moneyCell(personnel), moneyCell(publicFunds)], kind);
}

/** Table 11 — 一般公共预算基本支出预算表: department code × government code, 人员经费 / 公用经费. */
export function basicByEconomicTable(scope: Scope, catalog: CatalogIndex, ledger: Ledger, meta: Meta): DisclosureTable {
  const t = new TableBuilder(BASIC_LAYOUT.columns, BASIC_LAYOUT.header);
  // Each department code's amount under each government code it maps to (a code maps through at most
  // three slots, and slots mapping to the same government code add up); a code is 人员经费 or 公用经费 whole.
  type Entry = { dept: string; name: string; personnel: boolean; amount: number };
  type Group = { gov: string; govName: string; entries: Entry[] };
  const groups = new Map<string, Group>(); // government code → its department codes
  const groupList: Group[] = []; // the same groups, in first-seen order
  const grand = { personnel: 0, public: 0 };
  // one code's government codes so far and their entries (n of them; at most one per slot), reused
  // from code to code rather than a list of pairs made for each
  const mineGov: string[] = ["", "", ""];
  const mineEntry: Entry[] = [];
  const known = mappedCodes(catalog);
  ledger.codes.forEach((c, economic) => {
    const byMapping = c.basicGpb;
    if (!byMapping) return;
    const mapped = mappedCode(known, catalog, economic);
    let n = 0;
    for (let m = 0; m < byMapping.length; m++) {
      const amount = byMapping[m];
      if (amount === undefined) continue;
      const gov = mapped.gov[m]!;
      let j = 0;
      while (j < n && mineGov[j] !== gov) j++;
      let entry: Entry;
      if (j < n) entry = mineEntry[j]!;
      else {
        entry = { dept: economic, name: mapped.name, personnel: c.facts.personnel, amount: 0 };
        mineGov[n] = gov;
        mineEntry[n++] = entry;
        const group = groups.get(gov);
        if (group) group.entries.push(entry);
        else {
          const made = { gov, govName: mapped.govName[m]!, entries: [entry] };
          groups.set(gov, made);
          groupList.push(made);
        }
      }
      entry.amount += amount;
      if (c.facts.personnel) grand.personnel += amount;
      else grand.public += amount;
    }
  });
  const empty = grand.personnel === 0 && grand.public === 0;
  if (!empty) {
    basicRow(t, "总计", "", "", "", grand.personnel, grand.public, "total");
    for (const { gov, govName, entries } of sortByCode(groupList, govOf)) {
      const list = sortByCode(entries, deptOf);
      let personnel = 0;
      let publicFunds = 0;
      for (const e of list) {
        if (e.personnel) personnel += e.amount;
        else publicFunds += e.amount;
      }
      basicRow(t, "小计", "", gov, govName, personnel, publicFunds, "subtotal");
      for (const e of list) basicRow(t, e.dept, e.name, gov, govName, e.personnel ? e.amount : 0, e.personnel ? 0 : e.amount);
    }
  }
  return t.build(meta, scope, empty);
}
