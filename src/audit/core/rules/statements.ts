/**
 * 说明自身的表述 — what a sentence of the narrative says about its own figures, read as a reviewer reads
 * it: a completion rate stated against 年初预算 must be computed on 年初预算 (a 决算 prints 年初预算, 全年预算
 * and 支出决算 side by side, and the rate against the wrong base is a common slip); a 项's "主要用于" must
 * describe that 项 and not another's (a description copied from the item above).
 */
import { formatPercent, percentOf } from "../../../core/ratio.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { documentSections } from "../document.ts";
import { amountInterval, type Interval, intersects, parseAmount, percentInterval, percentOfIntervals, parsePercent, type PrintedAmount, wan } from "../numbers.ts";
import { isFinalAccounts } from "../figures.ts";
import type { AmountCell, FunctionalTable } from "../semantic.ts";
import { normaliseName } from "../../../core/catalog.ts";

const BASIS = "财预〔2016〕143号《地方预决算公开操作规程》；部门决算编报说明";

/** 万元 text as printed ("307.82", "３０７．８２"), with the precision it is printed to; undefined when it is not a plain amount. */
function wanAmount(text: string): PrintedAmount | undefined {
  return parseAmount(text, "万元");
}

const AMOUNT = String.raw`([\d,，.．]+)\s*万元`;
const INITIAL = new RegExp(String.raw`年初预算(?:数)?为?\s*${AMOUNT}`);
const FULL_YEAR = new RegExp(String.raw`(?:全年预算|调整后预算)(?:数)?为?\s*${AMOUNT}`);
const ACTUAL = new RegExp(String.raw`(?:支出)?决算(?:数)?为?\s*${AMOUNT}`);
const RATE = /完成(年初预算|全年预算|调整后预算)(?:数)?的\s*([\d.．]+\s*[%％])/;

/**
 * The exact percentage part / whole as an interval, each amount standing for anything that rounds or
 * truncates to it at the precision printed (0.01 万元 is 10,000 分 wide); undefined when the whole may be zero.
 */
function rateInterval(part: PrintedAmount, whole: PrintedAmount): Interval | undefined {
  // amounts spent and budgeted are not negative: a printed 0.00 stands for [0, 0.005] 万元
  const nonNegative = (i: Interval): Interval => ({ lo: Math.max(0, i.lo), hi: i.hi });
  return percentOfIntervals(nonNegative(amountInterval(part, "round-or-truncate")), nonNegative(amountInterval(whole, "round-or-truncate")));
}

export const narrativeCompletionBase: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.completion-base",
    title: "完成率的基数与所称不符",
    description:
      "决算说明称“完成年初预算的 x%”时，x 应为 支出决算 / 年初预算；称“完成全年预算的 x%”时为 支出决算 / 全年预算。年初预算为零时对年初预算的完成率不适用。各数按印刷位数舍入或截尾。 / A rate stated as completing 年初预算 is 决算 / 年初预算, one stated against 全年预算 is 决算 / 全年预算; against a zero 年初预算 there is no rate. Each figure stands for anything that rounds or truncates to it.",
    basis: BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const s of documentSections(ctx.document))
      for (const p of s.paragraphs)
        for (const sentence of p.text.split(/(?<=。)/)) {
          const rate = RATE.exec(sentence);
          const actual = ACTUAL.exec(sentence);
          if (!rate || !actual) continue;
          const printed = parsePercent(rate[2]!.replace(/\s/g, ""));
          const spentAmount = wanAmount(actual[1]!);
          if (!printed || spentAmount === undefined) continue;
          const spent = spentAmount.fen;
          const initial = INITIAL.exec(sentence);
          const full = FULL_YEAR.exec(sentence);
          const named = rate[1] === "年初预算" ? initial : full;
          const other = rate[1] === "年初预算" ? full : initial;
          const baseAmount = named ? wanAmount(named[1]!) : undefined;
          if (baseAmount === undefined) continue;
          const base = baseAmount.fen;
          const otherAmount = other ? wanAmount(other[1]!) : undefined;
          const otherBase = otherAmount?.fen;
          const interval = rateInterval(spentAmount, baseAmount);
          if (interval && intersects(percentInterval(printed), interval)) continue;
          const fitsOther = otherBase !== undefined && otherBase > 0 && intersects(percentInterval(printed), rateInterval(spentAmount, otherAmount!) ?? { lo: 1, hi: 0 });
          const should = base > 0 ? formatPercent(percentOf(spent, base)) : "不适用";
          const otherName = rate[1] === "年初预算" ? "全年预算" : "年初预算";
          const { file, ...where } = p.place;
          out.push(
            emit({
              message:
                `说明称完成${rate[1]}的${rate[2]}，但${rate[1]}为${named![1]}万元，${base > 0 ? `${actual[1]}/${named![1]} = ${should}` : "对零基数无完成率"}` +
                (fitsOther ? `；${rate[2]}是对${otherName}（${other![1]}万元）的完成率` : "") +
                ` / the rate is stated against ${rate[1]} (${named![1]}万元) but ${fitsOther ? `is the rate against ${otherName}` : `should be ${should}`}`,
              location: { kind: "text", section: s.heading, quote: sentence.trim(), file, ...where },
              expected: should,
              actual: rate[2]!,
            }),
          );
        }
    return out;
  },
);

/** Words that tell the 项 of social insurance and housing apart: each 项's purpose names its own. */
const PURPOSE_FAMILIES: readonly RegExp[] = [/公积金/, /医疗/, /养老/, /抚恤/, /提租|购房补贴/, /失业/, /工伤|生育/];
const ITEM = /([^（）()\s、，。：]{2,20})（项）/;
const PURPOSE = /^主要用于[:：]?\s*([^。]+)/;

export const narrativeItemPurpose: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.item-purpose",
    title: "科目用途说明与科目不符",
    description:
      "对每个（项）的“主要用于”说明应说的是这一项：住房公积金（项）的用途不会是医疗保险，事业单位医疗（项）不会是住房公积金。用途中出现另一项的专有词而不见本项的词，多为从上一项复制而未改。 / A 项's \"主要用于\" describes that 项: a purpose naming another 项's own word (医疗, 养老, 公积金 …) and not this 项's is usually copied from the item above.",
    basis: BASIS,
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const s of documentSections(ctx.document)) {
      let item: string | undefined;
      for (const p of s.paragraphs) {
        const text = p.text.trim();
        const named = ITEM.exec(text);
        if (named) item = named[1];
        const rest = named ? text.slice(named.index + named[0].length).replace(/^[。.，,\s]+/, "") : text;
        const purpose = PURPOSE.exec(rest);
        if (!purpose || !item) continue;
        const own = PURPOSE_FAMILIES.filter((f) => f.test(item!));
        const said = PURPOSE_FAMILIES.filter((f) => f.test(purpose[1]!));
        if (own.length === 0 || said.length === 0 || said.some((f) => own.includes(f))) continue;
        const { file, ...where } = p.place;
        out.push(
          emit({
            message: `${item}（项）的用途写作“${purpose[1]}”，说的是另一项 / the purpose given for ${item} describes another item`,
            location: { kind: "text", section: s.heading, quote: purpose[0], file, ...where },
            expected: `${item}的用途`,
            actual: purpose[1]!,
          }),
        );
      }
    }
    return out;
  },
);

/** "X（类）Y（款）Z（项）" — the path a 决算 paragraph names. */
const ITEM_PATH = /([^（）()\s、，。：\d]{2,30})（类）([^（）()\s、，。：]{2,30})（款）([^（）()\s、，。：]{2,40})（项）/;
const GPB_SPENDING = /^一般公共预算财政拨款支出/;

/**
 * The 一般公共预算 table's row a paragraph speaks of: its 合计 row, or the 项 row whose 类, 款 and 项 names are
 * those the paragraph prints (undefined when the path names no single row: the subject cannot be told).
 */
function gpbRowOf(t: FunctionalTable, text: string): { cell: AmountCell; what: string } | undefined {
  const path = ITEM_PATH.exec(text);
  if (!path) {
    const total = GPB_SPENDING.test(text) ? t.rows.find((r) => r.kind === "total")?.amounts.get("total") : undefined;
    return total ? { cell: total, what: "一般公共预算财政拨款支出合计" } : undefined;
  }
  const [, cls, section, item] = path.map((x) => normaliseName(x ?? "").replace(/^\d+[、.．]/, ""));
  const named = (length: number, name: string, prefix = "") => t.rows.filter((r) => r.kind === "code" && r.code?.length === length && r.code.startsWith(prefix) && normaliseName(r.name) === name);
  const c = named(3, cls!);
  const k = c.length === 1 ? named(5, section!, c[0]!.code) : [];
  const x = k.length === 1 ? named(7, item!, k[0]!.code) : [];
  const cell = x.length === 1 ? x[0]!.amounts.get("total") : undefined;
  return cell ? { cell, what: `${x[0]!.code} ${x[0]!.name}` } : undefined;
}

export const narrativeFinalAmount: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.final-amount",
    title: "说明所称支出决算数与决算表不符",
    description:
      "决算说明对一般公共预算财政拨款支出（合计及按“X（类）Y（款）Z（项）”逐项）所称“支出决算为 B 万元”，B 应为一般公共预算财政拨款支出决算表中该行的合计；说明按印刷位数舍入或截尾，表按舍入。说明所指的行不能唯一确定时不比较。 / The 决算 a 决算 narrative states for 一般公共预算 spending (in total and for each 类/款/项 path) is that row's 合计 in the 一般公共预算财政拨款支出决算表; no comparison when the row cannot be told.",
    basis: BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const table = ctx.tables.gpbExpenditure;
    if (!table || !isFinalAccounts(ctx.tables)) return [];
    const out: Finding[] = [];
    for (const s of documentSections(ctx.document))
      for (const p of s.paragraphs)
        for (const sentence of p.text.split(/(?<=。)/)) {
          const actual = ACTUAL.exec(sentence);
          const stated = actual ? wanAmount(actual[1]!) : undefined;
          const row = stated ? gpbRowOf(table, p.text.trim()) : undefined;
          if (!stated || !row) continue;
          if (intersects(amountInterval(stated, "round-or-truncate"), amountInterval(row.cell.value))) continue;
          const printed = wan(row.cell.value.fen);
          const { file, ...where } = p.place;
          out.push(
            emit({
              message: `说明称${row.what}的支出决算为${actual![1]}万元，${table.info.label}为 ${printed} 万元 / the narrative states ${actual![1]}万元 spent on ${row.what}; the table prints ${printed}`,
              location: { kind: "text", section: s.heading, quote: sentence.trim(), file, ...where },
              expected: printed,
              actual: actual![1]!,
            }),
          );
        }
    return out;
  },
);

export const STATEMENT_RULES: readonly DocumentRule[] = [narrativeCompletionBase, narrativeItemPurpose, narrativeFinalAmount];
