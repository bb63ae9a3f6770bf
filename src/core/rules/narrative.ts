/**
 * 情况说明 — every change against last year the narrative prints needs the reason a person writes; and
 * without last year's figures the narrative can make no comparison at all. The comparisons mirror
 * src/core/narrative/narrative.ts: an amount "changes" when it prints differently at 0.01 万元.
 */
import type { Fen } from "../money.ts";
import { toWanYuanCents } from "../money.ts";
import { REASON_KEYS, type ReasonKey } from "../model.ts";
import { type ComparedScope, comparedScopes } from "./compare.ts";
import { naturalCompare } from "./engine.ts";
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { isBlank, wanText } from "./helpers.ts";

const DISCLOSURE_BASIS = "《地方预决算公开操作规程》（财预〔2016〕143号）";

interface Comparison {
  key: ReasonKey;
  /** what changed, Chinese (for the message) */
  zh: string;
  en: string;
  current: Fen;
  previous: Fen;
}

const fenOf = (n: number) => n as Fen;

/** The reason keys in the order of their paths: a scope's findings come out already sorted (engine.ts `sortFindings`). */
const REASON_KEYS_BY_PATH: readonly ReasonKey[] = [...REASON_KEYS].sort(naturalCompare);

/**
 * The comparisons a scope's narrative makes, section by section (the same conditions the narrative uses),
 * that `keep` keeps: it is asked before a comparison is made, so one not kept costs no object and no label.
 */
function narrativeComparisons(s: ComparedScope, keep: (key: ReasonKey, current: Fen, previous: Fen) => boolean): Comparison[] {
  const { figures: f, prior: p } = s;
  const out: Comparison[] = [];
  const add = (key: ReasonKey, zh: string, en: string, current: Fen, previous: Fen | undefined) => {
    if (previous !== undefined && keep(key, current, previous)) out.push({ key, zh, en, current, previous });
  };
  add("total", "收支总计", "total", f.total, p.total);
  add("expenditure", "基本支出", "basic expenditure", f.basic, p.basic);
  add("expenditure", "项目支出", "project expenditure", f.project, p.project);
  const priorAppropriation =
    p.appropriation ??
    (p.generalPublicBudget !== undefined && p.governmentFund !== undefined && p.stateCapital !== undefined
      ? fenOf(p.generalPublicBudget + p.governmentFund + p.stateCapital)
      : undefined);
  add("appropriation", "财政拨款收支", "appropriation", f.appropriation, priorAppropriation);
  add("generalPublicBudget", "一般公共预算支出", "general public budget", f.generalPublicBudget, p.generalPublicBudget);
  for (const [cls, v] of f.gpbByClass) {
    const previous = p.byClass?.[cls];
    // the label is made only for a class kept
    if (v !== 0 && previous !== undefined && keep("generalPublicBudget", v, previous)) {
      out.push({ key: "generalPublicBudget", zh: `一般公共预算 ${cls} 类支出`, en: `general public budget class ${cls}`, current: v, previous });
    }
  }
  add("economic", "人员经费", "personnel", f.personnel, p.personnel);
  add("economic", "公用经费", "public funds", f.publicFunds, p.publicFunds);
  const tp = p.threePublic;
  if (tp) {
    const t = f.threePublic;
    add("threePublic", "“三公”经费合计", '"三公" total', f.threePublicTotal, fenOf(tp.abroad + tp.reception + tp.vehiclePurchase + tp.vehicleOperation));
    add("threePublic", "因公出国（境）费", "overseas travel", t.abroad, tp.abroad);
    add("threePublic", "公务用车购置及运行费", "vehicles", fenOf(t.vehiclePurchase + t.vehicleOperation), fenOf(tp.vehiclePurchase + tp.vehicleOperation));
    add("threePublic", "公务用车购置费", "vehicle purchase", t.vehiclePurchase, tp.vehiclePurchase);
    add("threePublic", "公务用车运行维护费", "vehicle operation", t.vehicleOperation, tp.vehicleOperation);
    add("threePublic", "公务接待费", "reception", t.reception, tp.reception);
  }
  add("governmentFund", "政府性基金预算支出", "government fund", f.governmentFund, p.governmentFund);
  add("stateCapital", "国有资本经营预算支出", "state capital", f.stateCapital, p.stateCapital);
  if (f.hasAdministrativeUnits) add("operatingCost", "机关运行经费", "operating cost", f.operatingCost, p.operatingCost);
  add("procurement", "政府采购预算", "procurement", f.procurementTotal, p.procurement);
  return out;
}

export const reasonMissing: Rule = defineRule(
  {
    id: "narrative.reason-missing",
    title: "情况说明中的增减变化没有说明原因",
    description:
      "情况说明将本年数与上年数比较，凡印出的金额（按万元保留两位）有增减的，须说明主要原因：收支总计、支出、财政拨款、一般公共预算、人员/公用经费、“三公”经费、政府性基金、国有资本经营、机关运行经费、政府采购各节分别说明。 / Wherever the narrative compares this year with last year and the printed amounts (万元, 2 decimals) differ, it must give the main reason, section by section: totals, expenditure, appropriation, general public budget, personnel/public funds, \"三公\", government fund, state capital, 机关运行经费, procurement.",
    basis: `${DISCLOSURE_BASIS}；《中华人民共和国预算法》第十四条`,
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const s of comparedScopes(ctx)) {
      // only the changes of sections without their reason
      const unexplained = (key: ReasonKey, current: Fen, previous: Fen) => isBlank(s.reasons[key]) && toWanYuanCents(current) !== toWanYuanCents(previous);
      const changedByKey = new Map<ReasonKey, Comparison[]>();
      for (const c of narrativeComparisons(s, unexplained)) {
        const list = changedByKey.get(c.key);
        if (list) list.push(c);
        else changedByKey.set(c.key, [c]);
      }
      // in the order of their paths (`reasons.appropriation` … `reasons.total`), the order findings are sorted in
      for (const key of REASON_KEYS_BY_PATH) {
        const changed = changedByKey.get(key);
        if (!changed) continue;
        let zh = "";
        let en = "";
        for (let i = 0; i < changed.length; i++) {
          const c = changed[i]!;
          const amounts = ` ${wanText(c.previous)} → ${wanText(c.current)}`; // formatted once for both languages
          zh += `${i > 0 ? "；" : ""}${c.zh}${amounts}`;
          en += `${i > 0 ? "; " : ""}${c.en}${amounts}`;
        }
        out.push(
          emit({
            message: `${s.label.zh}与上年相比有增减，但未说明原因（${zh}） / ${s.label.en}: changes against last year without a reason (${en})`,
            path: `${s.reasonsPath}.${key}`,
          }),
        );
      }
    }
    return out;
  },
);

export const priorMissing: Rule = defineRule(
  {
    id: "prior.missing",
    title: "未提供上年数",
    description:
      "没有上年数（上年年初预算），情况说明无法与上年比较增减及原因。 / Without last year's figures (上年年初预算) the narrative cannot compare with last year or explain changes.",
    basis: DISCLOSURE_BASIS,
    severity: "info",
  },
  (ctx, emit) =>
    ctx.budget.prior
      ? []
      : [emit({ message: "未提供上年数，情况说明不作与上年的比较 / no prior-year figures: the narrative makes no comparison with last year", path: "prior" })],
);

export const NARRATIVE_RULES: readonly Rule[] = [reasonMissing, priorMissing];
