/**
 * 对象到表中数 — the table figure a narrative subject names: 支出合计 → table 1, "X（类）" → table 4's 类
 * row (names compared with the year's catalog and its aliases), 机关运行经费 → table 9, a 专项转移支付
 * project → its row in table 13, and the whole a share is of.
 */
import { normaliseName } from "../../../core/catalog.ts";
import { THREE_PUBLIC_ITEM_NAMES } from "../../../core/derive/economic.ts";
import { FINAL_SPENDING_USE_NAMES, type FinalSpendingUse } from "../../../core/execution/model.ts";
import { NATURE_NAMES } from "../../../core/model.ts";
import type { Claim } from "../claims.ts";
import { subjectBefore } from "../claims/subjects.ts";
import type { DocumentContext } from "../context.ts";
import { type Fact, cellFact, sumFact } from "../figures.ts";
import type { AmountCell, ProjectEntry, ThreePublicKey } from "../semantic.ts";

/** Chinese names of subjects, for messages. */
export function subjectName(subject: string): string {
  const fixed: Record<string, string> = {
    expenditure: "支出合计",
    income: "收入合计",
    basic: NATURE_NAMES.basic,
    project: NATURE_NAMES.project,
    reserve: NATURE_NAMES.reserve,
    "carry-forward": NATURE_NAMES["carry-forward"],
    gpb: "一般公共预算",
    "gpb-basic": "一般公共预算基本支出",
    personnel: "人员经费",
    public: "公用经费",
    appropriation: "财政拨款",
    "government-fund": "政府性基金预算",
    "state-capital": "国有资本经营预算",
    "three-public": "“三公”经费",
    abroad: THREE_PUBLIC_ITEM_NAMES.abroad,
    reception: THREE_PUBLIC_ITEM_NAMES.reception,
    vehicle: "公务用车购置及运行费",
    "vehicle-purchase": THREE_PUBLIC_ITEM_NAMES.vehiclePurchase,
    "vehicle-operation": THREE_PUBLIC_ITEM_NAMES.vehicleOperation,
    "operating-cost": "机关运行经费",
    "performance-funds": "编制绩效目标的项目资金",
    procurement: "政府采购",
  };
  if (fixed[subject]) return fixed[subject]!;
  if (subject.startsWith("class:")) return `${subject.slice(6)}（类）支出`;
  if (subject.startsWith("final-use:")) return FINAL_SPENDING_USE_NAMES[subject.slice(10) as FinalSpendingUse] ?? subject;
  if (subject.startsWith("transfer:")) return `专项转移支付项目“${subject.slice(9)}”`;
  return subject;
}

/** The 类 code a printed name stands for: the year's catalog (aliases accepted), else table 4's labels. */
export function classCode(ctx: DocumentContext, name: string): string | undefined {
  const n = normaliseName(name);
  const catalog = ctx.catalog;
  if (catalog) {
    for (const e of catalog.functionalClasses()) {
      const stem = catalog.functionalClassStem(e.code);
      if (catalog.functionalNameMatches(e.code, n) || n.endsWith(normaliseName(stem)) || (n.length >= 2 && normaliseName(stem).endsWith(n))) return e.code;
    }
  }
  const line = ctx.tables.appropriation?.expenditure.find((l) => l.key?.startsWith("class:") && (normaliseName(l.label) === n || n.endsWith(normaliseName(l.label))));
  return line?.key?.slice(6);
}

const THREE_PUBLIC: Record<string, ThreePublicKey> = {
  "three-public": "total",
  abroad: "abroad",
  reception: "reception",
  vehicle: "vehicle",
  "vehicle-purchase": "vehiclePurchase",
  "vehicle-operation": "vehicleOperation",
};

/** Projects of table 13 (entries that are projects). */
export function projects(ctx: DocumentContext): ProjectEntry[] {
  return ctx.tables.projectTargets?.entries.filter((e) => e.kind === "project") ?? [];
}

/** The table figure a claim's subject names, or undefined when no table states it. */
export function factFor(ctx: DocumentContext, subject: string, topic?: string, claimed?: number): Fact | undefined {
  const f = ctx.figures;
  const t = ctx.tables;
  const direct: Record<string, Fact | undefined> = {
    expenditure: f.expenditure,
    income: f.income ?? f.expenditure,
    basic: f.basic,
    project: f.project,
    gpb: f.gpb,
    "gpb-basic": f.gpbBasic,
    personnel: f.personnel,
    public: f.public,
    appropriation: f.appropriation,
    "government-fund": f.governmentFund,
    "state-capital": f.stateCapital,
    "operating-cost": f.operatingCost,
  };
  if (subject in direct) return direct[subject];
  if (THREE_PUBLIC[subject]) return f.threePublic.get(THREE_PUBLIC[subject]!);
  if (subject.startsWith("class:")) {
    const code = classCode(ctx, subject.slice(6));
    if (!code) return undefined;
    const map = topic === "government-fund" ? f.fundByClass : topic === "state-capital" ? f.capitalByClass : f.gpbByClass;
    // a 类 the tables do not print is zero only where the tables print 类 at all (Henan's table 4 lists every
    // one); Jiangsu's 财政拨款收支预算总表 lists 基本/项目支出, so a 类 missing from it says nothing
    const printsClasses = f.gpbByClass.size + f.fundByClass.size + f.capitalByClass.size > 0;
    return map.get(code) ?? (printsClasses && (t.appropriation || t.gpbExpenditure) ? zero(ctx, code) : undefined);
  }
  if (subject.startsWith("income:")) {
    const c = t.summary?.income.find((l) => l.key === subject.slice(7))?.amounts.get("amount");
    return c ? cellFact(t, c, subject.slice(7)) : undefined;
  }
  if (subject === "performance-funds") {
    const cells = projects(ctx).filter((p) => p.indicators.length > 0).map((p) => p.total).filter((c): c is AmountCell => !!c);
    return cells.length > 0 ? sumFact(t, cells, "编制绩效目标的项目资金合计", t.projectTargets!.info) : undefined;
  }
  if (subject.startsWith("transfer:")) {
    // names may repeat across units: take the project of that name whose amount agrees, if one does
    const same = projects(ctx).filter((p) => normaliseName(p.name) === normaliseName(subject.slice(9)));
    const p = (claimed !== undefined ? same.find((x) => Math.abs((x.total?.value.fen ?? 0) - claimed) <= 10_000) : undefined) ?? projectByName(ctx, subject.slice(9));
    if (!p) return undefined;
    const info = t.projectTargets!.info;
    return p.total ? cellFact(t, p.total, `${p.code} ${p.name}`) : { value: 0, interval: { lo: -5_000, hi: 5_000 }, source: `${info.label} · ${p.code} ${p.name}（无金额）`, location: { kind: "table", table: info.label, row: p.row } };
  }
  return undefined;
}

function zero(ctx: DocumentContext, code: string): Fact | undefined {
  const info = (ctx.tables.appropriation ?? ctx.tables.gpbExpenditure)?.info;
  return info ? { value: 0, interval: { lo: 0, hi: 0 }, source: `${info.label} · ${code}类（无数）`, location: { kind: "table", table: info.label } } : undefined;
}

/** How alike two names are: the share of characters they have in common (0 … 1). */
export function nameSimilarity(a: string, b: string): number {
  const x = [...normaliseName(a).replace(/项目$/, "")];
  const pool = [...normaliseName(b).replace(/项目$/, "")];
  let common = 0;
  for (const ch of x) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return common / Math.max(x.length, normaliseName(b).replace(/项目$/, "").length, 1);
}

/** A table 13 project by its name: exactly, else the most alike name when at least 60% alike. */
export function projectByName(ctx: DocumentContext, name: string): ProjectEntry | undefined {
  const all = projects(ctx);
  const exact = all.find((p) => normaliseName(p.name) === normaliseName(name));
  if (exact) return exact;
  let best: ProjectEntry | undefined;
  let score = 0.6;
  for (const p of all) {
    const s = nameSimilarity(name, p.name);
    if (s >= score) [best, score] = [p, s];
  }
  return best;
}

/** The whole a share claim is of: the one it names ("占项目支出的"), else the usual one for its subject. */
export function wholeFor(ctx: DocumentContext, c: Claim): { subject: string; fact: Fact | undefined } | undefined {
  const named = c.whole ? subjectBefore(c.whole, "money") : undefined;
  const s = c.subject ?? "";
  const usual = named ?? (s === "basic" || s === "project" ? "expenditure" : s.startsWith("class:") ? (c.topic === "government-fund" ? "government-fund" : c.topic === "state-capital" ? "state-capital" : "gpb") : s === "personnel" || s === "public" ? "gpb-basic" : s.startsWith("income:") ? "income" : s === "performance-funds" ? "project" : undefined);
  return usual ? { subject: usual, fact: factFor(ctx, usual) } : undefined;
}
