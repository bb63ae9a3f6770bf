/**
 * 表间勾稽 — one quantity printed in several tables must agree: the totals of tables 1, 2 and 3; table 4
 * against tables 5, 8 and 10; table 5 (一般公共预算 only) against table 1's 一般公共预算 column and table 11
 * (like with like: 人员经费 = 301 + 303, 公用经费 = 302 + 310 …); table 6 against table 1; tables 2 and 3 by
 * code. A difference within the printed figures' rounding is an info note.
 */
import type { Emit, Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { type Fact, cellFact, isFinalAccounts, sumFact, zeroFact } from "../figures.ts";
import type { AmountCell, BalanceTable, FunctionalTable, Interpretation } from "../semantic.ts";
import { ROUNDING_NOTE, agree, wan } from "./helpers.ts";
import { pushTo } from "../collect.ts";
import { normaliseName } from "../../../core/catalog.ts";
import { readAmount } from "../interpret/columns.ts";
import { carryForwardColumn } from "./sum-checks.ts";
import { amountInterval } from "../numbers.ts";

const TOLERANCE = "容差：两表印刷数所代表的区间（各 ±0.005 万元）相交即为一致，印刷数不同则记提示。 / Tolerance: figures agree when the intervals they stand for (±0.005 万元 each) meet; different printed digits within that are an info note.";
const SEVERITY_NOTE = "差额在舍入范围内为提示，超出为错误。 / Info within rounding, error beyond it.";

/** Compares `actual` (where the finding points) with `expected` (the table it should agree with). */
export function compareFacts(emit: Emit, actual: Fact | undefined, expected: Fact | undefined, what: string): Finding[] {
  if (!actual || !expected) return [];
  const a = agree(actual, expected);
  if (a === "equal") return [];
  const [zh, en = zh] = what.split(" / ");
  return [
    emit({
      message: `${zh}：${actual.source} 为 ${wan(actual.value)}，${expected.source} 为 ${wan(expected.value)}${a === "rounding" ? `；${ROUNDING_NOTE}` : ""} / ${en}: ${wan(actual.value)} in one table, ${wan(expected.value)} in the other`,
      location: actual.location,
      expected: wan(expected.value),
      actual: wan(actual.value),
      ...(a === "rounding" ? { severity: "info" as const } : {}),
    }),
  ];
}

const totalCell = (f: FunctionalTable | undefined, key: string) => f?.rows.find((r) => r.kind === "total")?.amounts.get(key);
const lineCell = (b: BalanceTable | undefined, side: "income" | "expenditure", key: string, col: string) => b?.[side].find((l) => l.key === key)?.amounts.get(col);

function fact(t: Interpretation, c: AmountCell | undefined, what: string): Fact | undefined {
  return c ? cellFact(t, c, what) : undefined;
}

/** A functional table's amounts by code (rows of one code added up), for one column. */
function byCode(t: Interpretation, f: FunctionalTable | undefined, key: string): Map<string, Fact> {
  const cells = new Map<string, AmountCell[]>();
  for (const r of f?.rows ?? []) {
    const c = r.amounts.get(key);
    if (r.kind === "code" && r.code && c) pushTo(cells, r.code, c);
  }
  return new Map([...cells].map(([code, cs]) => [code, sumFact(t, cs, `${code}`, f!.info)]));
}

/**
 * 结转下年 — where a balance table (the Ministry's tables 1 and 4) prints 结转下年 as a line of its own, its 类 lines
 * are this year's spending only, while the functional table beside it (3 or 5) prints a 结转下年资金 column inside
 * each row's 合计. The figure to compare is then that 合计 less the row's 结转下年资金 (both printed, so the
 * interval is the difference of theirs).
 */
function withoutCarryForward(t: Interpretation, f: FunctionalTable | undefined, balance: BalanceTable | undefined, totals: Map<string, Fact>): Map<string, Fact> {
  const col = f ? carryForwardColumn(f.info) : undefined;
  if (!f || col === undefined || !balance?.expenditure.some((l) => l.key === "carry-forward")) return totals;
  const out = new Map(totals);
  for (const r of f.rows) {
    const total = r.kind === "code" && r.code ? totals.get(r.code) : undefined;
    const cf = total ? readAmount(f.info, r.row, col, []) : undefined;
    if (!total || !cf || cf.value.fen === 0) continue;
    const less = amountInterval(cf.value);
    out.set(r.code!, { ...total, value: total.value - cf.value.fen, interval: { lo: total.interval.lo - less.hi, hi: total.interval.hi - less.lo }, source: `${total.source}（不含结转下年资金）` });
  }
  return out;
}

export const crossTotals: DocumentRule = defineRule<DocumentContext>(
  {
    id: "cross.totals",
    title: "收支总表、收入总表、支出总表不一致",
    description: `表1 的支出合计、基本支出、项目支出及各经济分类、各类项目、各资金来源，应与表2、表3 的合计行一致；表2 与表3 同一科目的金额应一致（表2 的同一科目多行合并计算）。 / Table 1's totals, basic and project, economic classes, project classes and sources agree with the total rows of tables 2 and 3; tables 2 and 3 agree code by code (table 2's rows of one code added up). ${TOLERANCE}`,
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => {
    const t = ctx.tables;
    const out: Finding[] = [];
    const s = t.summary;
    const t1 = (key: string, col = "total") => fact(t, lineCell(s, "expenditure", key, col), key);
    out.push(...compareFacts(emit, fact(t, totalCell(t.expenditure, "total"), "合计"), t1("total"), "支出合计 / total expenditure"));
    const final = isFinalAccounts(t);
    if (final) {
      // a 决算's income and spending differ by the 结转和结余: each table agrees with its own side of table 1
      out.push(...compareFacts(emit, fact(t, totalCell(t.income, "total"), "本年收入合计"), fact(t, lineCell(s, "income", "this-year", "amount"), "本年收入合计"), "本年收入合计 / this year's income"));
      out.push(...compareFacts(emit, fact(t, totalCell(t.expenditure, "total"), "本年支出合计"), t1("this-year"), "本年支出合计 / this year's expenditure"));
    } else out.push(...compareFacts(emit, fact(t, totalCell(t.income, "total"), "合计"), t1("total") ?? fact(t, totalCell(t.expenditure, "total"), "合计"), "收入合计 / total income"));
    for (const key of ["basic", "project", "basic:301", "basic:302", "basic:303", "basic:310", "project:general", "project:special", "project:personnel"]) {
      out.push(...compareFacts(emit, fact(t, totalCell(t.expenditure, key), key), t1(key), `${key} 合计 / ${key} total`));
    }
    const totalLine = s?.expenditure.find((l) => l.key === "total");
    for (const [key, c] of totalLine?.amounts ?? []) {
      if (key === "total") continue;
      out.push(...compareFacts(emit, fact(t, totalCell(t.income, key), key), cellFact(t, c, `支出合计 · ${key}`), `资金来源 ${key} / source ${key}`));
    }
    const income = byCode(t, t.income, "total");
    const spend = byCode(t, t.expenditure, "total");
    // a budget spends each code's income; a 决算's income and spending of a code differ by its 结转和结余
    if (!final) for (const [code, f] of income) out.push(...compareFacts(emit, f, spend.get(code), `科目 ${code} / code ${code}`));
    if (s) {
      const classes = s.expenditure.filter((l) => l.key?.startsWith("class:"));
      const thisYear = withoutCarryForward(t, t.expenditure, s, spend);
      for (const l of classes) {
        const code = classCodeByName(t.expenditure, l.label) ?? l.key!.slice(6);
        out.push(...compareFacts(emit, fact(t, l.amounts.get("total"), l.label), thisYear.get(code), `${l.label} / class ${code}`));
      }
    }
    return out;
  },
);

export const crossAppropriation: DocumentRule = defineRule<DocumentContext>(
  {
    id: "cross.appropriation",
    title: "财政拨款收支总表与表5、表8、表10 不一致",
    description: `表4 的一般公共预算、政府性基金预算、国有资本经营预算支出，合计及按类，应分别等于表5、表8、表10（表5 + 表8 + 表10 = 财政拨款支出）；表4 的收入合计应等于表1 中这三项收入之和。 / Table 4's 一般公共预算, 政府性基金 and 国有资本经营 spending, in total and by 类, equal tables 5, 8 and 10; its income equals those three incomes in table 1. ${TOLERANCE}`,
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => {
    const t = ctx.tables;
    const a = t.appropriation;
    if (!a) return [];
    const out: Finding[] = [];
    const pairs = [
      ["gpb", t.gpbExpenditure, "一般公共预算"],
      ["government-fund", t.governmentFund, "政府性基金预算"],
      ["state-capital", t.stateCapital, "国有资本经营预算"],
    ] as const;
    // a 决算's 总计 adds the 年末结转和结余 to 本年支出合计, which is what tables 5, 8 and 9 spend
    const spent = isFinalAccounts(t) ? { key: "this-year", label: "本年支出合计" } : { key: "total", label: "支出合计" };
    for (const [col, table, name] of pairs) {
      const other = table && !table.rows.some((r) => r.kind !== "other") ? zeroFact(table.info, "合计") : fact(t, totalCell(table, "total"), "合计");
      out.push(...compareFacts(emit, fact(t, lineCell(a, "expenditure", spent.key, col), `${spent.label} · ${name}`), other, `${name}支出 / ${name} spending`));
      const classes = withoutCarryForward(t, table, a, byClassOf(t, table));
      for (const l of a.expenditure.filter((x) => x.key?.startsWith("class:"))) {
        const c = l.amounts.get(col);
        if (!c || (c.value.blank && !classes.has(l.key!.slice(6)))) continue;
        out.push(...compareFacts(emit, cellFact(t, c, `${l.label} · ${name}`), classes.get(l.key!.slice(6)) ?? (table ? zeroFact(table.info, l.label) : undefined), `${l.label}（${name}） / class ${l.key!.slice(6)}`));
      }
    }
    const s = t.summary;
    const incomeParts = ["gpb", "government-fund", "state-capital"].map((k) => s?.income.find((l) => l.key === k)?.amounts.get("amount")).filter((c): c is AmountCell => !!c);
    const t4Income = a.income.find((l) => l.key === "total")?.amounts.get("amount");
    if (s && incomeParts.length > 0) out.push(...compareFacts(emit, fact(t, t4Income, "收入合计"), sumFact(t, incomeParts, "一般公共预算 + 政府性基金 + 国有资本经营收入", s.info), "财政拨款收入 / appropriation income"));
    return out;
  },
);

/**
 * The 类 a table-1 line names, from table 3's 类 row of the same name: table 1 may number its 类 in
 * sequence ("四、科学技术支出", Shanghai), so its numeral is the code only when no name says otherwise.
 */
function classCodeByName(f: FunctionalTable | undefined, label: string): string | undefined {
  const bare = (x: string) => normaliseName(x).replace(/支出$/, "");
  return f?.rows.find((r) => r.kind === "code" && r.code?.length === 3 && bare(r.name) === bare(label))?.code;
}

/** A functional table's amounts by 类 (from its 类 rows, or its 项 rows added up). */
function byClassOf(t: Interpretation, f: FunctionalTable | undefined): Map<string, Fact> {
  const rows = (f?.rows ?? []).filter((r) => r.kind === "code" && r.code);
  const top = rows.filter((r) => r.code!.length === 3);
  const use = top.length > 0 ? top : rows.filter((r) => r.code!.length === 7);
  const cells = new Map<string, AmountCell[]>();
  for (const r of use) {
    const c = r.amounts.get("total");
    if (c) pushTo(cells, r.code!.slice(0, 3), c);
  }
  return new Map([...cells].map(([k, cs]) => [k, sumFact(t, cs, `${k}类`, f!.info)]));
}

export const crossGeneralPublicBudget: DocumentRule = defineRule<DocumentContext>(
  {
    id: "cross.general-public-budget",
    title: "一般公共预算口径不一致",
    description: `表5 只含一般公共预算：其合计、基本支出、项目支出及各经济分类应等于表1 一般公共预算栏；表11（一般公共预算基本支出）的合计应等于表5 的基本支出，人员经费应等于表5 的工资福利支出 + 对个人和家庭的补助（301+303），公用经费应等于其余基本支出（302+310 等）。 / Table 5 holds only 一般公共预算 money: its totals equal table 1's 一般公共预算 column; table 11's total equals table 5's basic expenditure, its 人员经费 301+303 and its 公用经费 302+310 and the rest. ${TOLERANCE}`,
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => {
    const t = ctx.tables;
    const out: Finding[] = [];
    const s = t.summary;
    for (const key of ["total", "basic", "project", "basic:301", "basic:302", "basic:303", "basic:310"]) {
      out.push(...compareFacts(emit, fact(t, totalCell(t.gpbExpenditure, key), key), fact(t, lineCell(s, "expenditure", key, "gpb"), `${key} · 一般公共预算`), `一般公共预算 ${key} / 一般公共预算 ${key}`));
    }
    const b = t.gpbBasic;
    const total = b?.rows.find((r) => r.kind === "total");
    if (b && total) {
      const f = ctx.figures;
      out.push(...compareFacts(emit, fact(t, total.amounts.get("total"), "总计"), f.gpbBasic, "一般公共预算基本支出 / 一般公共预算 basic expenditure"));
      out.push(...compareFacts(emit, fact(t, total.amounts.get("personnel"), "人员经费"), f.personnel, "人员经费（301+303） / personnel (301+303)"));
      out.push(...compareFacts(emit, fact(t, total.amounts.get("public"), "公用经费"), f.public, "公用经费（302+310 等） / public funds (302, 310 …)"));
    }
    return out;
  },
);

export const crossEconomic: DocumentRule = defineRule<DocumentContext>(
  {
    id: "cross.economic",
    title: "按经济分类汇总表与收支总表不一致",
    description: `表6（按经济分类）的合计、项目支出和各类的基本支出应等于表1 的支出合计、项目支出和各经济分类。 / Table 6's total, project expenditure and each class's basic expenditure equal table 1's. ${TOLERANCE}`,
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => {
    const t = ctx.tables;
    const e = t.economic;
    const s = t.summary;
    if (!e || !s) return [];
    const out: Finding[] = [];
    const total = e.rows.find((r) => r.kind === "total");
    const t1 = (key: string) => fact(t, lineCell(s, "expenditure", key, "total"), key);
    out.push(...compareFacts(emit, fact(t, total?.amounts.get("total"), "合计"), t1("total"), "支出合计 / total"));
    out.push(...compareFacts(emit, fact(t, total?.amounts.get("project"), "项目支出"), t1("project"), "项目支出 / project"));
    out.push(...compareFacts(emit, fact(t, total?.amounts.get("basic"), "基本支出"), t1("basic"), "基本支出 / basic"));
    for (const r of e.rows.filter((x) => x.kind === "class")) {
      const other = t1(`basic:${r.code}`);
      const c = r.amounts.get("basic");
      if (c && (other || !c.value.blank)) out.push(...compareFacts(emit, fact(t, c, `${r.code} 基本支出`), other, `${r.code} ${r.name} 基本支出 / ${r.code} basic`));
    }
    return out;
  },
);

export const CROSS_RULES: readonly DocumentRule[] = [crossTotals, crossAppropriation, crossGeneralPublicBudget, crossEconomic];
