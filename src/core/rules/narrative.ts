/**
 * 情况说明 — every change against last year the narrative prints needs the reason a person writes; and
 * without last year's figures the narrative can make no comparison at all. The comparisons mirror
 * src/core/narrative/narrative.ts; which changes need a reason is the one setting of core/change.ts (at
 * least 1% of last year's figure or 1 万元, and printing differently at 0.01 万元).
 */
import { THREE_PUBLIC_ITEM_NAMES } from "../derive/economic.ts";
import type { Fen } from "../money.ts";
import { changeNeedsReason } from "../change.ts";
import { REASON_KEYS, type ReasonKey } from "../model.ts";
import { type ComparedScope, comparedScopes } from "./compare.ts";
import { naturalCompare, sortFindings } from "./engine.ts";
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { isBlank, wanText } from "./helpers.ts";

const DISCLOSURE_BASIS = "《地方预决算公开操作规程》（财预〔2016〕143号）";

interface Comparison {
  /** the section's reason key, by its position in REASON_KEYS_BY_PATH */
  rank: number;
  /** what changed, Chinese (for the message) */
  zh: string;
  en: string;
  current: Fen;
  previous: Fen;
}

const fenOf = (n: number) => n as Fen;

/** The reason keys in the order of their paths: a scope's findings come out already sorted (engine.ts `sortFindings`). */
const REASON_KEYS_BY_PATH: readonly ReasonKey[] = [...REASON_KEYS].sort(naturalCompare);

/** Each key's position in REASON_KEYS_BY_PATH, as the comparisons name their sections. */
const RANK = Object.fromEntries(REASON_KEYS_BY_PATH.map((k, i) => [k, i])) as Readonly<Record<ReasonKey, number>>;

/**
 * The comparisons a scope's narrative makes, section by section (the same conditions the narrative uses),
 * that changed in a section whose reason is missing (`missing`, by rank): only those are made into objects.
 */
function narrativeComparisons(s: ComparedScope, missing: readonly boolean[]): Comparison[] {
  const { figures: f, prior: p } = s;
  const out: Comparison[] = [];
  add(out, missing, RANK.total, "收支总计", "total", f.total, p.total);
  add(out, missing, RANK.expenditure, "基本支出", "basic expenditure", f.basic, p.basic);
  add(out, missing, RANK.expenditure, "项目支出", "project expenditure", f.project, p.project);
  const priorAppropriation =
    p.appropriation ??
    (p.generalPublicBudget !== undefined && p.governmentFund !== undefined && p.stateCapital !== undefined
      ? fenOf(p.generalPublicBudget + p.governmentFund + p.stateCapital)
      : undefined);
  add(out, missing, RANK.appropriation, "财政拨款收支", "appropriation", f.appropriation, priorAppropriation);
  add(out, missing, RANK.generalPublicBudget, "一般公共预算支出", "general public budget", f.generalPublicBudget, p.generalPublicBudget);
  if (missing[RANK.generalPublicBudget] && p.byClass) {
    for (const [cls, v] of f.gpbByClass) {
      const previous = p.byClass[cls];
      // the label is made only for a class kept
      if (v !== 0 && previous !== undefined && changeNeedsReason(v, previous)) {
        out.push({ rank: RANK.generalPublicBudget, zh: `一般公共预算 ${cls} 类支出`, en: `general public budget class ${cls}`, current: v, previous });
      }
    }
  }
  add(out, missing, RANK.economic, "人员经费", "personnel", f.personnel, p.personnel);
  add(out, missing, RANK.economic, "公用经费", "public funds", f.publicFunds, p.publicFunds);
  const tp = p.threePublic;
  if (tp && missing[RANK.threePublic]) {
    const t = f.threePublic;
    add(out, missing, RANK.threePublic, "“三公”经费合计", '"三公" total', f.threePublicTotal, fenOf(tp.abroad + tp.reception + tp.vehiclePurchase + tp.vehicleOperation));
    add(out, missing, RANK.threePublic, THREE_PUBLIC_ITEM_NAMES.abroad, "overseas travel", t.abroad, tp.abroad);
    add(out, missing, RANK.threePublic, "公务用车购置及运行费", "vehicles", fenOf(t.vehiclePurchase + t.vehicleOperation), fenOf(tp.vehiclePurchase + tp.vehicleOperation));
    add(out, missing, RANK.threePublic, THREE_PUBLIC_ITEM_NAMES.vehiclePurchase, "vehicle purchase", t.vehiclePurchase, tp.vehiclePurchase);
    add(out, missing, RANK.threePublic, THREE_PUBLIC_ITEM_NAMES.vehicleOperation, "vehicle operation", t.vehicleOperation, tp.vehicleOperation);
    add(out, missing, RANK.threePublic, THREE_PUBLIC_ITEM_NAMES.reception, "reception", t.reception, tp.reception);
  }
  add(out, missing, RANK.governmentFund, "政府性基金预算支出", "government fund", f.governmentFund, p.governmentFund);
  add(out, missing, RANK.stateCapital, "国有资本经营预算支出", "state capital", f.stateCapital, p.stateCapital);
  if (f.hasAdministrativeUnits) add(out, missing, RANK.operatingCost, "机关运行经费", "operating cost", f.operatingCost, p.operatingCost);
  add(out, missing, RANK.procurement, "政府采购预算", "procurement", f.procurementTotal, p.procurement);
  return out;
}

/** Adds a comparison of a section without its reason when the change needs one (core/change.ts). */
function add(out: Comparison[], missing: readonly boolean[], rank: number, zh: string, en: string, current: Fen, previous: Fen | undefined): void {
  if (previous !== undefined && missing[rank] && changeNeedsReason(current, previous)) out.push({ rank, zh, en, current, previous });
}

export const reasonMissing: Rule = defineRule(
  {
    id: "narrative.reason-missing",
    title: "情况说明中的增减变化没有说明原因",
    description:
      "情况说明将本年数与上年数比较，凡印出的金额（按万元保留两位）有增减、且增减额达到上年数的1%或1万元的，须说明主要原因：收支总计、支出、财政拨款、一般公共预算、人员/公用经费、“三公”经费、政府性基金、国有资本经营、机关运行经费、政府采购各节分别说明。 / Wherever the narrative compares this year with last year and the printed amounts (万元, 2 decimals) differ by at least 1% of last year's figure or 1 万元, it must give the main reason, section by section: totals, expenditure, appropriation, general public budget, personnel/public funds, \"三公\", government fund, state capital, 机关运行经费, procurement.",
    basis: `${DISCLOSURE_BASIS}；《中华人民共和国预算法》第十四条`,
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const scopes = comparedScopes(ctx);
    for (const s of scopes) {
      // the sections without their reason (by rank); only their changes are reported
      const missing: boolean[] = [];
      let anyMissing = false;
      for (const key of REASON_KEYS_BY_PATH) {
        const m = isBlank(s.reasons[key]);
        missing.push(m);
        if (m) anyMissing = true;
      }
      if (!anyMissing) continue;
      const changedByRank: (Comparison[] | undefined)[] = [];
      for (const c of narrativeComparisons(s, missing)) (changedByRank[c.rank] ??= []).push(c);
      // in the order of their paths (`reasons.appropriation` … `reasons.total`), the order findings are sorted in
      for (let rank = 0; rank < changedByRank.length; rank++) {
        const changed = changedByRank[rank];
        if (!changed) continue;
        const key = REASON_KEYS_BY_PATH[rank]!;
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
    // Each scope's findings come in path order, and the scopes in theirs (the department's `reasons`, then
    // `units[i].reasons` by i), so the list is in order — except where a single unit without reasons of its
    // own prints the department's (its paths are the department's too): then the two are put in order.
    return scopes.length > 1 && scopes[0]!.prefix === "" && scopes[1]!.reasonsPath === scopes[0]!.reasonsPath ? sortFindings(out) : out;
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
