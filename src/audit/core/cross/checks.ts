/**
 * 跨文件核对 — what must agree between documents of one department (department.ts tells full and short
 * names apart): this year's budget states last year's figures ("比上年增加 X 万元") — they must be what
 * last year's published budget printed (the comparison base is 上年年初预算, 财预〔2016〕143号); a 决算
 * states its 年初预算 — it must be what that year's published budget printed. Each finding names both
 * documents and both places. Documents are grouped by department, year and kind (预算/决算); a department
 * whose narrative and tables are separate files is looked up in all of them. A department's rows by unit
 * are checked against its units' own documents (units.ts). Pure.
 */
import type { Finding, Location } from "../../../core/rules/finding.ts";
import type { AuditResult } from "../audit.ts";
import type { Claim } from "../claims.ts";
import { coverLines } from "../identity.ts";
import { type Interval, amountInterval, intersects, minus } from "../numbers.ts";
import { claimLocation, wanText } from "../rules/helpers.ts";
import { factFor, subjectName } from "../rules/resolve.ts";
import { sameDepartment } from "./department.ts";
import { unitChecks } from "./units.ts";

/** 预算 or 决算 */
export type DocumentKind = "budget" | "final";

/** A document as the cross checks see it. */
export interface CrossDocument {
  name: string;
  department?: string;
  year?: number;
  kind: DocumentKind;
  result: AuditResult;
}

export const CROSS_RULES = {
  "cross.prior-year": {
    title: "上年数与上年公开的预算不一致",
    description:
      "本年预算说明所称上年数（本年数减增减额）应等于同一部门上年公开预算中的相应数（比较口径为上年年初预算）；两者按印刷位数的区间不相交即为错误。 / Last year's figure a budget states (this year's less the stated change) equals the figure the same department's published budget of last year printed (the base is 上年年初预算); an error when the intervals the printed figures stand for do not meet.",
    severity: "error",
  },
  "cross.unit-total": {
    title: "部门文件中的单位数与该单位的公开文件不一致",
    description:
      "部门公开文件按单位列示的合计（按单位编码对应）应等于该单位自己公开文件的收入合计。 / A unit's row in its department's document (matched by the unit code both print) equals the total of the unit's own document.",
    severity: "error",
  },
  "cross.unit-sum": {
    title: "部门合计不等于所属单位公开文件之和",
    description:
      "给出部门所有所属单位的公开文件时，部门的收入合计应等于各单位文件合计之和。 / When every unit's document is given, the department's total equals the sum of the units' totals.",
    severity: "error",
  },
  "cross.final-initial-budget": {
    title: "决算所称年初预算与公开的预算不一致",
    description:
      "决算说明所称年初预算数应等于同一部门同一年度公开预算中的相应数。 / The 年初预算 a 决算 states equals the figure the same department's published budget of that year printed.",
    severity: "error",
  },
} as const;

export type CrossRuleId = keyof typeof CROSS_RULES;

/** 决算 when its tables' titles or its cover say so; else 预算. */
export function documentKind(result: AuditResult): DocumentKind {
  const doc = result.document;
  const titles = doc.files.flatMap((f) => f.tables.map((t) => t.title));
  return [...titles, ...coverLines(doc.files)].some((t) => /决算/.test(t)) ? "final" : "budget";
}

export function crossDocument(name: string, result: AuditResult): CrossDocument {
  const { department, year } = result.document.meta;
  return { name, ...(department ? { department } : {}), ...(year !== undefined ? { year } : {}), kind: documentKind(result), result };
}

/** A figure another document printed: its value, interval, and a description of where. */
interface Printed {
  value: number;
  interval: Interval;
  where: string;
}

function placeText(doc: CrossDocument, loc: Location | undefined): string {
  const page = loc && loc.kind !== "data" && loc.page !== undefined ? ` 第${loc.page}页` : "";
  const line = loc && loc.kind !== "data" && loc.line !== undefined ? ` 第${loc.line}行` : "";
  return `《${doc.name}》${page}${line}`;
}

/** What the tables of one department's documents of a year print for a subject. */
function printedIn(docs: readonly CrossDocument[], subject: string): Printed | undefined {
  for (const d of docs) {
    const f = factFor(d.result.context, subject);
    if (f) return { value: f.value, interval: f.interval, where: `${placeText(d, f.location)} ${f.source}` };
  }
  return undefined;
}

/** The text of the sentence just before the claim's number. */
function before(c: Claim, chars = 12): string {
  const i = c.sentence.indexOf(c.text);
  return i < 0 ? "" : c.sentence.slice(Math.max(0, i - chars), i);
}

/**
 * The subject's name printed in the clause just before the figure: a cross check compares only figures
 * whose subject the sentence itself names ("支出预算总计 10,150.48 万元"), never one inferred from context.
 */
const NAMED: Record<string, RegExp> = {
  // the whole budget's, not one source's ("其他资金收入预算总计")
  expenditure: /(?:^|[^\u4e00-\u9fff]|年度?|部门|单位|收入、|收、)支出(预算)?(总计|合计)$/,
  income: /(?:^|[^\u4e00-\u9fff]|年度?|部门|单位)收入(预算)?(总计|合计)$/,
  basic: /基本支出$/,
  project: /项目支出$/,
  appropriation: /财政拨款(收入|支出|收支)?(总计|合计)?$/,
  "three-public": /三公”?经费(支出)?$/,
  abroad: /出国（境）费(用)?(支出)?$/,
  reception: /公务接待费(支出)?$/,
  "vehicle-purchase": /公务用车购置费?(支出)?$/,
  "vehicle-operation": /公务用车运行(维护)?费(支出)?$/,
  "operating-cost": /机关运行经费(支出)?$/,
};

function namesSubject(c: Claim): boolean {
  const clause = (before(c, 24).split(/[，。；：,;:]/).pop() ?? "").replace(/(预算|年初|数|为|是|安排|共计|\s)+$/g, "");
  if (c.subject?.startsWith("class:")) return /[（(]类[）)](支出)?$/.test(clause);
  const re = c.subject ? NAMED[c.subject] : undefined;
  return re !== undefined && re.test(clause);
}

/** A base other than 上年年初预算 named in the sentence: the stated change is then not against last year's budget. */
const OTHER_BASE = /执行数|调整(后)?预算|决算|全年预算|预计/;

/** Same paragraph: same section and starting place. */
const sameParagraph = (a: Claim, b: Claim) => a.section === b.section && a.place.file === b.place.file && a.place.page === b.place.page && a.place.line === b.place.line;

/**
 * Last year's figures a budget states: an amount less the change stated for the same subject after it in
 * its paragraph ("基本支出182.88万元……与2021年相比，基本支出增加10万元"), or equal when 持平 — where the
 * comparison is with last year (上年, or the year before by number) and no other base is named.
 */
export function statedPrior(doc: CrossDocument): { claim: Claim; change?: Claim; prior: Interval; value: number }[] {
  const out: { claim: Claim; change?: Claim; prior: Interval; value: number }[] = [];
  const claims = doc.result.context.claims;
  const lastYear = new RegExp(`上年|上一年|${(doc.year ?? 0) - 1}年`);
  claims.forEach((c, i) => {
    if (c.kind !== "amount" || !c.subject || !c.amount || OTHER_BASE.test(c.sentence) || /上年/.test(before(c)) || !namesSubject(c)) return;
    let next: Claim | undefined;
    for (let j = i + 1; j < claims.length && sameParagraph(claims[j]!, c); j++) {
      const x = claims[j]!;
      if (x.subject !== c.subject) continue;
      if (x.kind === "amount") break;
      if ((x.kind === "change" && x.amount && x.direction) || x.kind === "flat") {
        next = x;
        break;
      }
    }
    if (!next) return;
    // the words comparing: between the amount and the change
    const between = next.sentence === c.sentence ? c.sentence.slice(c.sentence.indexOf(c.text) + c.text.length, c.sentence.lastIndexOf(next.text)) : next.sentence.slice(0, next.sentence.indexOf(next.text));
    if (!lastYear.test(between) || OTHER_BASE.test(next.sentence)) return;
    const amount = amountInterval(c.amount, "round-or-truncate");
    if (next.kind === "change") {
      const delta = amountInterval(next.amount!, "round-or-truncate");
      const signed = next.direction! > 0 ? delta : { lo: -delta.hi, hi: -delta.lo };
      out.push({ claim: c, change: next, prior: minus(amount, signed), value: c.amount.fen - next.direction! * next.amount!.fen });
    } else out.push({ claim: c, prior: amount, value: c.amount.fen });
  });
  return out;
}

/** 年初预算 amounts a 决算 states ("年初预算为 X 万元"), with their subjects. */
function statedInitialBudget(doc: CrossDocument): Claim[] {
  return doc.result.context.claims.filter((c) => c.kind === "amount" && c.subject && c.amount && /年初预算(数)?(为|是)?$/.test(before(c)) && namesSubject(c));
}

function finding(id: CrossRuleId, message: string, location: Location, expected: string, actual: string): Finding {
  return { rule: id, severity: CROSS_RULES[id].severity, message, location, expected, actual };
}

/** Documents grouped by department (full or short name), in the order first seen. */
export function groupByDepartment(docs: readonly CrossDocument[]): CrossDocument[][] {
  const groups: CrossDocument[][] = [];
  for (const d of docs) {
    if (!d.department || d.year === undefined) continue;
    const g = groups.find((x) => x.some((y) => sameDepartment(y.department, d.department)));
    if (g) g.push(d);
    else groups.push([d]);
  }
  return groups;
}

/** Every cross-document finding among the given documents. */
export function crossAudit(docs: readonly CrossDocument[]): Finding[] {
  const out: Finding[] = unitChecks(docs);
  for (const group of groupByDepartment(docs)) {
    const of = (year: number, kind: DocumentKind) => group.filter((d) => d.year === year && d.kind === kind);
    for (const doc of group) {
      const year = doc.year!;
      if (doc.kind === "budget") {
        const last = of(year - 1, "budget");
        if (last.length === 0) continue;
        for (const s of statedPrior(doc)) {
          const printed = printedIn(last, s.claim.subject!);
          if (!printed || intersects(s.prior, printed.interval)) continue;
          const name = subjectName(s.claim.subject!);
          const how = s.change ? `${s.claim.text}，${s.change.direction! > 0 ? "增加" : "减少"}${s.change.text}` : `${s.claim.text}，持平`;
          out.push(
            finding(
              "cross.prior-year",
              `${placeText(doc, claimLocation(s.claim))}所称上年${name}为 ${wanText(s.value)}（${how}），而${year - 1}年公开的预算${printed.where}为 ${wanText(printed.value)} / last year's ${name} stated in ${doc.name} (${wanText(s.value)}) differs from ${year - 1}'s published budget (${wanText(printed.value)})`,
              claimLocation(s.claim),
              wanText(printed.value),
              wanText(s.value),
            ),
          );
        }
      } else {
        const budget = of(year, "budget");
        if (budget.length === 0) continue;
        for (const c of statedInitialBudget(doc)) {
          const printed = printedIn(budget, c.subject!);
          const stated = amountInterval(c.amount!, "round-or-truncate");
          if (!printed || intersects(stated, printed.interval)) continue;
          const name = subjectName(c.subject!);
          out.push(
            finding(
              "cross.final-initial-budget",
              `${placeText(doc, claimLocation(c))}所称${name}年初预算为 ${wanText(c.amount!.fen)}，而${year}年公开的预算${printed.where}为 ${wanText(printed.value)} / the 年初预算 of ${name} stated in the 决算 ${doc.name} (${wanText(c.amount!.fen)}) differs from ${year}'s published budget (${wanText(printed.value)})`,
              claimLocation(c),
              wanText(printed.value),
              wanText(c.amount!.fen),
            ),
          );
        }
      }
    }
  }
  return out;
}
