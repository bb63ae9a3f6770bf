/**
 * 机关运行经费 — for 行政 and 参公 units, the basic expenditure on goods and services (302) and capital
 * (310) from 一般公共预算财政拨款: table 9 must equal that part of table 1 (商品和服务支出 and 资本性支出,
 * 财政拨款 column). With units of mixed or unknown type it can only be at most that.
 */
import { economicCodeFacts } from "../../../core/derive/economic.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { type Fact, sumFact } from "../figures.ts";
import type { AmountCell } from "../semantic.ts";
import { ROUNDING_NOTE, agree, wan } from "./helpers.ts";

/**
 * Basic 302 + 310 from 财政拨款: table 1's rows in its 财政拨款 column, else the 302/310 rows of the 一般公共预算
 * 基本支出 table — which counts every 一般公共预算 source and every unit a table without unit rows hides, so
 * 机关运行经费 can only be at most that (`bound`).
 */
function basicPublic(ctx: DocumentContext): (Fact & { bound?: true }) | undefined {
  const t = ctx.tables;
  const s = t.summary;
  const cells = (s?.expenditure ?? []).filter((l) => l.key === "basic:302" || l.key === "basic:310").map((l) => l.amounts.get("gpb-appropriation")).filter((c): c is AmountCell => !!c);
  if (s && cells.length > 0) return sumFact(t, cells, "基本支出中商品和服务支出、资本性支出（财政拨款）", s.info);
  const b = t.gpbBasic;
  const rows = (b?.rows ?? []).filter((r) => r.kind === "detail" && r.code && economicCodeFacts(r.code).operatingClass).map((r) => r.amounts.get("total")).filter((c): c is AmountCell => !!c);
  return b && rows.length > 0 ? { ...sumFact(t, rows, "302、310 科目合计", b.info), bound: true } : undefined;
}

export const operatingCostBasicPublic: DocumentRule = defineRule<DocumentContext>(
  {
    id: "operating-cost.basic-public",
    title: "机关运行经费与基本支出中的公用经费不符",
    description: "机关运行经费是行政单位（含参公事业单位）一般公共预算财政拨款基本支出中的商品和服务支出（302）和资本性支出（310）。单位推定为行政/参公时，表9 合计应等于表1 相应数；推定为事业单位时表9 应为空；类型不定时，或只能与一般公共预算基本支出表的 302、310 科目相比（该表含一般公共预算各项来源，江苏等），不应超过该数；河南以外的模板中机关运行经费可含项目经费，超过时为提示。容差同表间勾稽。 / 机关运行经费 is the basic 302 + 310 spending from 财政拨款 of 行政/参公 units: table 9 equals it for such units, is empty for 事业 units, and is at most it when the type is unknown or only the 一般公共预算基本支出 table (every 一般公共预算 source, as Jiangsu prints it) gives the 302 + 310 rows; outside Henan's template it may include project money, so more is a note.",
    basis: "《中华人民共和国预算法》第十四条；财预〔2016〕143号",
    severity: "error",
    severityNote: "在舍入范围内为提示。 / Info within rounding.",
  },
  (ctx, emit) => {
    const op = ctx.figures.operatingCost;
    if (!op) return [];
    const families = ctx.unitType.families;
    const expected: Fact | undefined = families.length === 1 && families[0] === "institution" ? { ...op, value: 0, interval: { lo: 0, hi: 0 }, source: "事业单位（无机关运行经费）" } : basicPublic(ctx);
    if (!expected) return [];
    const out: Finding[] = [];
    // Henan's table 9 is the basic 公用经费 alone; elsewhere 机关运行经费 may also hold the project money spent
    // on running the organs (Jiangsu 2017: "将涉及机关运行的项目经费支出纳入了本表"), so a table 9 above the
    // basic 302 + 310 is a note there, not an error: what else it holds cannot be told from the tables
    const mayHoldProjects = ctx.document.meta.template !== "henan13" && families[0] !== "institution";
    const widerNote = "；本模板的机关运行经费可含项目支出中用于机关运行的经费，记为提示";
    if (families.length === 2 || ("bound" in expected && expected.bound)) {
      if (op.interval.lo > expected.interval.hi)
        out.push(
          emit({
            message: `机关运行经费 ${wan(op.value)} 万元（${op.source}）超过基本支出中的商品和服务、资本性支出 ${wan(expected.value)} 万元（${expected.source}）${mayHoldProjects ? widerNote : ""} / 机关运行经费 exceeds the basic 302 + 310 spending it is part of`,
            location: op.location,
            expected: `≤${wan(expected.value)}`,
            actual: wan(op.value),
            ...(mayHoldProjects ? { severity: "info" as const } : {}),
          }),
        );
      return out;
    }
    const a = agree(op, expected);
    const wider = a === "different" && op.interval.lo > expected.interval.hi && mayHoldProjects;
    const listed = new Set((ctx.tables.operatingCost?.rows ?? []).map((r) => r.code));
    const left = [...new Set((ctx.tables.gpbBasic?.rows ?? []).filter((r) => r.kind === "detail" && r.code && economicCodeFacts(r.code).operatingClass && !listed.has(r.code)).map((r) => `${r.code} ${r.name}`))];
    const note = left.length > 0 && families[0] !== "institution" ? `；表11 中的 ${left.join("、")} 未列入表9` : "";
    if (a !== "equal")
      out.push(
        emit({
          message: `机关运行经费 ${wan(op.value)} 万元（${op.source}），而${families[0] === "institution" ? "单位推定为事业单位，不应有机关运行经费" : `行政单位基本支出中的商品和服务、资本性支出为 ${wan(expected.value)} 万元（${expected.source}）`}${note}${a === "rounding" ? `；${ROUNDING_NOTE}` : ""}${wider ? widerNote : ""} / 机关运行经费 is ${wan(op.value)}万元; the basic 302 + 310 spending of the 行政 unit is ${wan(expected.value)}万元`,
          location: op.location,
          expected: wan(expected.value),
          actual: wan(op.value),
          ...(a === "rounding" || wider ? { severity: "info" as const } : {}),
        }),
      );
    return out;
  },
);

export const OPERATING_COST_RULES: readonly DocumentRule[] = [operatingCostBasicPublic];
