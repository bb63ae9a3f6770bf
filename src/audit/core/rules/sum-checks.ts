/**
 * 表内勾稽 — every sum a printed table implies: each row's 合计 against its parts (row), detail rows against
 * their subtotal and total (column), income against expenditure (balance). Rules evaluate them.
 */
import type { AmountCell, BalanceLine, BalanceTable, ColumnKey, EconomicTable, FunctionalTable, Interpretation, TableInfo } from "../semantic.ts";
import { GENERAL_PUBLIC_BUDGET_SOURCES, NATURE_NAMES } from "../../../core/model.ts";
import { pushTo } from "../collect.ts";
import { normaliseHeading } from "../header.ts";
import { readAmount } from "../interpret/columns.ts";

export interface SumCheck {
  info: TableInfo;
  kind: "row" | "column" | "balance";
  total: AmountCell;
  parts: AmountCell[];
  /** what is summed, Chinese / English */
  what: string;
}

/** 一般公共预算's sub-sources (财政拨款, 行政事业性收费, …): the core's list, whose keys the columns carry. */
const GPB_SUBS: readonly string[] = GENERAL_PUBLIC_BUDGET_SOURCES;
const isSource = (k: string) => !["total", "this-year", "carry-forward", "gpb", "basic", "project", "personnel", "public", "amount"].includes(k) && !k.includes(":");

/**
 * Jiangsu's uses beside 基本支出 and 项目支出 (model.ts `Nature`), as a column heading or a table-1 line names
 * them: "单位预留机动经费" (or "三、单位预留机动经费"), "结转下年资金". Where a document prints them, its 合计
 * includes them.
 */
function otherUseOf(text: string): "reserve" | "carry-forward" | "final-use" | undefined {
  const n = normaliseHeading(text).replace(/^[一二三四五六七八九十]+、/, "");
  if (n === NATURE_NAMES.reserve || n === "预留机动经费") return "reserve";
  if (n.startsWith("结转下年")) return "carry-forward";
  // a 决算's 支出决算表 prints the unit's other spending beside 基本支出 and 项目支出, inside 本年支出合计
  if (FINAL_OTHER_USES.includes(n)) return "final-use";
  return undefined;
}

/** 上缴上级支出, 经营支出, 对附属单位补助支出 — spending in a 决算 that is neither 基本支出 nor 项目支出. */
const FINAL_OTHER_USES: readonly string[] = ["上缴上级支出", "经营支出", "对附属单位补助支出"];

/** The column of a table that prints 结转下年资金 (by its last heading), if any. */
export function carryForwardColumn(info: TableInfo): number | undefined {
  const i = info.columns.findIndex((path) => {
    const last = path[path.length - 1];
    return last !== undefined && otherUseOf(last) === "carry-forward";
  });
  return i < 0 ? undefined : i;
}

/** The columns of a table that print a reserve or a carry-forward (by their last heading). */
function otherUseColumns(info: TableInfo): number[] {
  const out: number[] = [];
  info.columns.forEach((path, i) => {
    const last = path[path.length - 1];
    if (last !== undefined && otherUseOf(last)) out.push(i);
  });
  return out;
}

/** What a row's 合计 adds up, naming the other uses its table prints. */
function otherUsesText(info: TableInfo): string {
  const final = info.columns.some((path) => otherUseOf(path[path.length - 1] ?? "") === "final-use");
  return final
    ? "本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出 / total = basic + project + paid to the superior + operating + grants to subsidiaries"
    : "合计 = 基本支出 + 项目支出 + 单位预留机动经费/结转下年资金 / total = basic + project + reserve/carried forward";
}

/** A row's amounts in the reserve and carry-forward columns (those the interpretation keys no column for). */
function otherUseAmounts(info: TableInfo, row: number, columns: readonly number[]): AmountCell[] {
  const problems: never[] = []; // a word in these cells is reported, if at all, by the reading layer
  const out: AmountCell[] = [];
  for (const c of columns) {
    const a = readAmount(info, row, c, problems);
    if (a) out.push(a);
  }
  return out;
}

/**
 * Checks within one set of amounts (a row): 合计 = its parts. `otherUses` are the row's 单位预留机动经费 and 结转下年资金
 * cells, part of 合计 beside 基本支出 and 项目支出 where the table prints them.
 */
function rowParts(info: TableInfo, a: ReadonlyMap<ColumnKey, AmountCell>, label: string, out: SumCheck[], otherUses: readonly AmountCell[] = []): void {
  const get = (k: string) => a.get(k);
  const push = (total: string, parts: string[], what: string) => {
    const t = get(total);
    const p = parts.map(get).filter((c): c is AmountCell => !!c);
    if (t && p.length > 0 && (p.length === parts.length || parts.length > 2)) out.push({ info, kind: "row", total: t, parts: p, what: `${label}：${what}` });
  };
  const keys = [...a.keys()];
  if (a.has("basic") && a.has("project") && a.has("total")) {
    if (otherUses.length === 0) push("total", ["basic", "project"], "合计 = 基本支出 + 项目支出 / total = basic + project");
    else out.push({ info, kind: "row", total: get("total")!, parts: [get("basic")!, get("project")!, ...otherUses], what: `${label}：${otherUsesText(info)}` });
  }
  const basicParts = keys.filter((k) => k.startsWith("basic:"));
  if (basicParts.length > 0) push("basic", basicParts, "基本支出 = 各经济分类之和 / basic = its economic classes");
  if (a.has("personnel") && a.has("public")) push(a.has("basic") ? "basic" : "total", ["personnel", "public"], "人员经费 + 公用经费 / personnel + public");
  const projectParts = keys.filter((k) => k.startsWith("project:"));
  if (projectParts.length > 0) push("project", projectParts, "项目支出 = 各类项目之和 / project = its classes");
  const subs = keys.filter((k) => GPB_SUBS.includes(k));
  if (a.has("gpb") && subs.length > 0) push("gpb", subs, "一般公共预算 = 各来源之和 / 一般公共预算 = its sources");
  const others = keys.filter((k) => isSource(k) && !GPB_SUBS.includes(k));
  if (a.has("total") && (a.has("gpb") || subs.length > 0) && !a.has("basic")) push("total", [a.has("gpb") ? "gpb" : subs[0]!, ...(a.has("gpb") ? [] : subs.slice(1)), ...others], "合计 = 各资金来源之和 / total = its funding sources");
}

function columns(info: TableInfo, total: ReadonlyMap<ColumnKey, AmountCell>, parts: readonly ReadonlyMap<ColumnKey, AmountCell>[], what: string, out: SumCheck[]): void {
  for (const [k, t] of total) {
    const p = parts.map((m) => m.get(k)).filter((c): c is AmountCell => !!c);
    if (p.length > 0) out.push({ info, kind: "column", total: t, parts: p, what });
  }
}

function functional(f: FunctionalTable, out: SumCheck[]): void {
  const rows = f.rows;
  const otherColumns = otherUseColumns(f.info);
  for (const r of rows) rowParts(f.info, r.amounts, r.code ?? r.name, out, otherUseAmounts(f.info, r.row, otherColumns));
  const total = rows.find((r) => r.kind === "total");
  const codes = rows.filter((r) => r.kind === "code" && r.code);
  const top = codes.filter((r) => r.code!.length === 3);
  const leaves = top.length > 0 ? top : codes.filter((r) => r.code!.length === 7);
  if (total) columns(f.info, total.amounts, leaves.map((r) => r.amounts), "合计 = 各科目之和 / the total = its codes", out);
  const units = rows.filter((r) => r.kind === "unit");
  if (total && units.length > 0) columns(f.info, total.amounts, units.map((r) => r.amounts), "合计 = 各单位之和 / the total = its units", out);
  // each unit row against the code rows printed under it (one pass)
  const leafLength = top.length > 0 ? 3 : 7;
  let unit: (typeof rows)[number] | undefined;
  let own: (typeof rows)[number][] = [];
  const closeUnit = () => {
    if (unit) columns(f.info, unit.amounts, own.map((r) => r.amounts), `单位 ${unit.unitCode} = 其各科目之和 / unit ${unit.unitCode} = its codes`, out);
  };
  for (const r of rows) {
    if (r.kind === "unit") {
      closeUnit();
      unit = r;
      own = [];
    } else if (unit && r.kind === "code" && r.code?.length === leafLength) own.push(r);
  }
  closeUnit();
  // each 类/款 row against its sub-codes (grouped by parent code)
  const children = new Map<string, (typeof rows)[number][]>();
  for (const r of codes) if (r.code!.length > 3) pushTo(children, `${r.unitCode ?? ""}|${r.code!.slice(0, r.code!.length - 2)}`, r);
  for (const parent of codes.filter((r) => r.code!.length < 7)) {
    const kids = children.get(`${parent.unitCode ?? ""}|${parent.code}`) ?? [];
    columns(f.info, parent.amounts, kids.map((r) => r.amounts), `${parent.code} = 其下级科目之和 / ${parent.code} = its sub-codes`, out);
  }
}

function balance(b: BalanceTable, out: SumCheck[]): void {
  const exp = (k: string) => b.expenditure.find((l) => l.key === k);
  const inc = (k: string) => b.income.find((l) => l.key === k)?.amounts.get("amount");
  for (const l of b.expenditure) rowParts(b.info, l.amounts, l.label, out);
  const group = (parent: string, prefix: string, what: string) => {
    const p = exp(parent);
    const kids = b.expenditure.filter((l) => l.key?.startsWith(prefix));
    if (p && kids.length > 0) columns(b.info, p.amounts, kids.map((l) => l.amounts), what, out);
  };
  group("basic", "basic:", "基本支出 = 各经济分类之和 / basic = its economic classes");
  group("project", "project:", "项目支出 = 各类项目之和 / project = its classes");
  const total = exp("total");
  const thisYear = exp("this-year");
  // 单位预留机动经费 is printed as the third use ("三、单位预留机动经费"), which a 类 numeral would misread as 类 203
  const reserve = b.expenditure.filter((l) => otherUseOf(l.label) === "reserve");
  const isReserve = (l: BalanceLine) => reserve.includes(l);
  const classes = b.expenditure.filter((l) => l.key?.startsWith("class:") && !isReserve(l)).map((l) => l.amounts);
  if (exp("basic") && exp("project") && total) {
    // 支出合计 counts each use once: with 本年支出 printed, 结转下年 is added to it (below); without, it is a use here
    const fwd = thisYear ? undefined : exp("carry-forward");
    const uses = [exp("basic")!, exp("project")!, ...reserve, ...(fwd ? [fwd] : [])];
    const what = uses.length > 2 ? "支出合计 = 基本支出 + 项目支出 + 单位预留机动经费/结转下年资金 / total = basic + project + reserve/carried forward" : "支出合计 = 基本支出 + 项目支出 / total = basic + project";
    columns(b.info, total.amounts, uses.map((l) => l.amounts), what, out);
  }
  if (classes.length > 0 && (thisYear ?? total)) columns(b.info, (thisYear ?? total)!.amounts, classes, "支出合计 = 各类之和 / total = its 类", out);
  if (thisYear && total) {
    const fwd = exp("carry-forward");
    columns(b.info, total.amounts, [thisYear.amounts, ...(fwd ? [fwd.amounts] : [])], "支出总计 = 本年支出 + 结转下年 / total = this year + carried forward", out);
  }
  // income
  const items = (pred: (k: string) => boolean) => b.income.filter((l) => l.key && pred(l.key)).map((l) => l.amounts.get("amount")).filter((c): c is AmountCell => !!c);
  const gpb = inc("gpb");
  const subs = items((k) => GPB_SUBS.includes(k));
  if (gpb && subs.length > 0) out.push({ info: b.info, kind: "column", total: gpb, parts: subs, what: "收入：一般公共预算 = 各来源之和 / income: 一般公共预算 = its sources" });
  const sources = items((k) => isSource(k) && !GPB_SUBS.includes(k) && k !== "carry-over");
  const thisYearIncome = inc("this-year");
  const incomeTotal = inc("total");
  const top = [...(gpb ? [gpb] : subs), ...sources];
  if (top.length > 0 && (thisYearIncome ?? incomeTotal)) {
    const carry = inc("carry-over");
    if (thisYearIncome) out.push({ info: b.info, kind: "column", total: thisYearIncome, parts: top, what: "本年收入 = 各项收入之和 / this year's income = its items" });
    if (incomeTotal) out.push({ info: b.info, kind: "column", total: incomeTotal, parts: thisYearIncome ? [thisYearIncome, ...(carry ? [carry] : [])] : [...top, ...(carry ? [carry] : [])], what: "收入合计 = 本年收入 + 结转 / income total = this year + carried over" });
  }
  const expTotal = total?.amounts.get("total");
  if (incomeTotal && expTotal) out.push({ info: b.info, kind: "balance", total: incomeTotal, parts: [expTotal], what: "收入合计 = 支出合计 / income = expenditure" });
}

function economic(e: EconomicTable, out: SumCheck[]): void {
  const rows = e.rows;
  const otherColumns = otherUseColumns(e.info);
  for (const r of rows) rowParts(e.info, r.amounts, r.code ?? r.name, out, otherUseAmounts(e.info, r.row, otherColumns));
  const total = rows.find((r) => r.kind === "total");
  const subtotals = rows.filter((r) => r.kind === "subtotal");
  const classes = rows.filter((r) => r.kind === "class");
  const details = rows.filter((r) => r.kind === "detail");
  const parts = subtotals.length > 0 ? subtotals : classes.length > 0 ? classes : details;
  if (total) columns(e.info, total.amounts, parts.map((r) => r.amounts), "合计 = 各行之和 / the total = its rows", out);
  // each 小计 against the detail rows printed under it (one pass)
  let sub: (typeof rows)[number] | undefined;
  let mine: (typeof rows)[number][] = [];
  const close = () => {
    if (sub) columns(e.info, sub.amounts, mine.map((r) => r.amounts), `小计 ${sub.govCode ?? ""} = 其明细之和 / subtotal ${sub.govCode ?? ""} = its rows`, out);
  };
  for (const r of rows) {
    if (r.kind === "detail") mine.push(r);
    else {
      close();
      sub = r.kind === "subtotal" ? r : undefined;
      mine = [];
    }
  }
  close();
  const byClass = new Map<string, (typeof rows)[number][]>();
  for (const d of details) if (d.code) pushTo(byClass, d.code.slice(0, 3), d);
  const sections = new Set(details.map((d) => d.code).filter((c): c is string => c?.length === 5));
  for (const c of classes) columns(e.info, c.amounts, (byClass.get(c.code!) ?? []).filter((d) => d.code!.length === 5 || !sections.has(d.code!.slice(0, 5))).map((d) => d.amounts), `${c.code} = 其各款之和 / ${c.code} = its 款`, out);
}

export function sumChecks(t: Interpretation): SumCheck[] {
  const out: SumCheck[] = [];
  for (const f of [t.income, t.expenditure, t.gpbExpenditure, t.governmentFund, t.stateCapital]) if (f) functional(f, out);
  for (const b of [t.summary, t.appropriation]) if (b) balance(b, out);
  for (const e of [t.economic, t.operatingCost, t.gpbBasic]) if (e) economic(e, out);
  const tp = t.threePublic;
  // a 决算's table sums its 预算数 as its 决算数
  for (const items of tp ? [tp.current, ...(tp.budget ? [tp.budget] : [])] : []) {
    const get = (k: "total" | "abroad" | "reception" | "vehicle" | "vehiclePurchase" | "vehicleOperation") => items.get(k);
    const push = (total: AmountCell | undefined, parts: (AmountCell | undefined)[], what: string) => {
      const p = parts.filter((c): c is AmountCell => !!c);
      if (total && p.length > 0) out.push({ info: tp!.info, kind: "column", total, parts: p, what });
    };
    push(get("total"), [get("abroad"), get("reception"), get("vehicle") ?? get("vehiclePurchase"), get("vehicle") ? undefined : get("vehicleOperation")], "“三公”合计 = 各项之和 / the \"三公\" total = its items");
    push(get("vehicle"), [get("vehiclePurchase"), get("vehicleOperation")], "公务用车购置及运行费 = 购置费 + 运行维护费 / vehicles = purchase + operation");
  }
  const pt = t.projectTargets;
  if (pt) {
    const entries = pt.entries;
    for (const e of entries) {
      const parts = [e.fiscal, e.other].filter((c): c is AmountCell => !!c);
      if (e.total && parts.length === 2) out.push({ info: pt.info, kind: "row", total: e.total, parts, what: `${e.code} ${e.name}：资金总额 = 财政性资金 + 其他资金 / total = fiscal + other` });
    }
    const dept = entries.find((e) => e.kind === "department");
    const units = entries.filter((e) => e.kind === "unit");
    const unitTotals = units.map((u) => u.total).filter((c): c is AmountCell => !!c);
    if (dept?.total && unitTotals.length > 0) out.push({ info: pt.info, kind: "column", total: dept.total, parts: unitTotals, what: "部门 = 各单位之和 / the department = its units" });
    let unit: (typeof entries)[number] | undefined;
    let projects: AmountCell[] = [];
    const close = () => {
      if (unit?.total && projects.length > 0) out.push({ info: pt.info, kind: "column", total: unit.total, parts: projects, what: `单位 ${unit.code} = 其项目之和 / unit ${unit.code} = its projects` });
    };
    for (const e of entries) {
      if (e.kind === "project") {
        if (e.total) projects.push(e.total);
        continue;
      }
      close();
      unit = e.kind === "unit" ? e : undefined;
      projects = [];
    }
    close();
  }
  return out;
}
