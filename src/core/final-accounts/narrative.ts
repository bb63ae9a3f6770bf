/**
 * 部门决算情况说明 — the narrative of a 决算: each section of the template's outline with every amount,
 * share and change computed from the 决算账 (决算数 against 年初预算 and 全年预算, last year's 决算 where the
 * record has it) and the 绩效自评 of the year's execution; reasons as people wrote them. Amounts and
 * percentages are printed by the one formatter (narrative/phrases.ts over money.ts and ratio.ts).
 */
import type { CatalogIndex } from "../catalog.ts";
import { chineseNumber } from "../catalog.ts";
import { classifyLine, functionalClassOf } from "../classify.ts";
import { executedItem, finalThreePublic } from "../derive/final-accounts.ts";
import { isPersonnel } from "../derive/economic.ts";
import type { Scope } from "../derive/scope.ts";
import type { ProjectEvaluation } from "../execution/evaluation.ts";
import { type Fen, fen, formatHundredths } from "../money.ts";
import type { Narrative, NarrativeSection } from "../narrative/narrative.ts";
import { change, list, reasonSentence, share, wan } from "../narrative/phrases.ts";
import { formatPercent, percentOf } from "../ratio.ts";
import type { TemplateDefinition } from "../templates/types.ts";
import { FINAL_SPENDING_USES, FINAL_SPENDING_USE_NAMES, type FinalSpendingUse, NON_FISCAL_INCOME_NAMES } from "../execution/model.ts";
import { type FinalAccounts, type FinalLine, balanceKindOf, spendingTotal } from "./ledger.ts";

/**
 * 名词解释 of a 决算 (as the Putuo 决算 prints them, and the Ministry of Finance's words for 上缴上级支出 and
 * 对附属单位补助支出, explained only where the accounts have them: `onlyWith`).
 */
export const FINAL_GLOSSARY: readonly { term: string; text: string; onlyWith?: FinalSpendingUse }[] = [
  { term: "财政拨款收入", text: "指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。" },
  { term: "事业收入", text: "指事业单位开展专业业务活动及其辅助活动取得的收入。" },
  { term: "经营收入", text: "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。" },
  { term: "其他收入", text: "指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。" },
  { term: "年初结转和结余", text: "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。" },
  { term: "年末结转和结余", text: "指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。" },
  { term: "基本支出", text: "指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。" },
  { term: "项目支出", text: "指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。" },
  { term: "经营支出", text: "指事业单位在专业活动及辅助活动之外开展非独立核算经营活动发生的支出。" },
  { term: "上缴上级支出", text: "指实行收入上缴办法的事业单位按照规定的定额或者比例上缴上级单位的支出。", onlyWith: "to-superior" },
  { term: "对附属单位补助支出", text: "指事业单位用财政拨款收入之外的收入对附属单位补助发生的支出。", onlyWith: "to-subordinate" },
  { term: "“三公”经费", text: "指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。" },
  { term: "机关运行经费", text: "指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。" },
];

/** What the narrative reads beside the accounts. */
export interface FinalNarrativeInput {
  scope: Scope;
  catalog: CatalogIndex;
  accounts: FinalAccounts;
  template: TemplateDefinition;
  /** 第一部分 概况, as the budget's narrative writes it */
  profile: NarrativeSection[];
  /** the year's project self-evaluations (绩效自评) of the scope's projects */
  evaluations: readonly ProjectEvaluation[];
  /** 政府采购实际金额, when the execution records it */
  procurement?: Fen;
}

const sumExecuted = (ls: readonly FinalLine[]): Fen => fen(ls.reduce((s, l) => s + l.executed, 0));
const sumAdjusted = (ls: readonly FinalLine[]): Fen => fen(ls.reduce((s, l) => s + l.adjusted, 0));
const sumOriginal = (ls: readonly FinalLine[]): Fen => fen(ls.reduce((s, l) => s + l.original, 0));
const sumAmounts = (xs: readonly { amount: Fen }[]): Fen => fen(xs.reduce((s, x) => s + x.amount, 0));

/** "完成全年预算数的98.69%" — a rate printed only when the base is not zero. */
function completion(executed: Fen, base: Fen, what: string): string {
  const p = percentOf(executed, base);
  return p.kind === "na" ? "" : `，完成${what}的${formatPercent(p)}`;
}

/** "决算数小于全年预算数的主要原因：…" / "决算数与全年预算数持平。" */
function difference(executed: Fen, adjusted: Fen, reason: string | undefined): string {
  if (executed === adjusted) return "决算数与全年预算数持平。";
  const word = executed < adjusted ? "小于" : "大于";
  return reason ? reasonSentence(reason, `决算数${word}全年预算数的主要原因：`) : `决算数${word}全年预算数。`;
}

/** The sections of 第三部分, in the template's order, each numbered as its heading. */
function sections(input: FinalNarrativeInput): NarrativeSection[] {
  const { scope, catalog, accounts: a, evaluations } = input;
  const name = scope.name;
  const y = a.year;
  const py = y - 1;
  const prior = a.prior;
  const lines = a.lines;
  const gpb = lines.filter((l) => balanceKindOf(l.source) === "gpb");
  const incomeTotal = fen(sumAmounts(a.appropriationIncome) + sumAmounts(a.income));
  const spent = spendingTotal(a);
  const total = fen(incomeTotal + sumAmounts(a.nonFiscalBalanceUsed) + sumAmounts(a.opening));
  const sentence = (...parts: (string | undefined)[]) => parts.filter(Boolean).join("，") + "。";
  const out: Record<string, string[]> = {};
  /** "主要原因：…" after a comparison with last year, where the record gives the reason for that topic */
  const because = (topic: string, previous: Fen | undefined) => (previous === undefined ? "" : reasonSentence(a.reasons[topic]));

  out["total"] = [sentence(`${name}${y}年度收入支出总计${wan(total)}`, change(total, prior?.total, py, "，收入支出总计")) + because("total", prior?.total)];

  const incomes: string[] = [];
  const fiscalIncome = sumAmounts(a.appropriationIncome);
  if (fiscalIncome !== 0) incomes.push(`财政拨款收入${wan(fiscalIncome)}，${share(fiscalIncome, incomeTotal)}`);
  for (const [source, word] of Object.entries(NON_FISCAL_INCOME_NAMES)) {
    const v = sumAmounts(a.income.filter((x) => x.source === source));
    if (v !== 0) incomes.push(`${word}${wan(v)}，${share(v, incomeTotal)}`);
  }
  out["income"] = [`本年收入合计${wan(incomeTotal)}${incomes.length ? `，其中：${incomes.join("；")}` : ""}。`];

  const basic = sumExecuted(lines.filter((l) => l.nature === "basic"));
  const project = fen(sumExecuted(lines) - basic);
  const uses = FINAL_SPENDING_USES.map((u) => [FINAL_SPENDING_USE_NAMES[u], sumAmounts(a.otherSpending.filter((x) => x.use === u))] as const)
    .filter(([, v]) => v !== 0)
    .map(([word, v]) => `；${word}${wan(v)}，${share(v, spent)}`);
  out["expenditure"] = [`本年支出合计${wan(spent)}，其中：基本支出${wan(basic)}，${share(basic, spent)}；项目支出${wan(project)}，${share(project, spent)}${uses.join("")}。`];

  const appropriationTotal = fen(fiscalIncome + sumAmounts(a.opening.filter((b) => b.kind !== "non-fiscal")));
  out["appropriation"] = [sentence(`${name}${y}年度财政拨款收入支出总计${wan(appropriationTotal)}`, change(appropriationTotal, prior?.appropriationTotal, py, "，财政拨款收入支出总计")) + because("appropriation", prior?.appropriationTotal)];

  const gpbSpent = sumExecuted(gpb);
  const gpbParagraphs: string[] = [];
  gpbParagraphs.push(`（一）一般公共预算财政拨款支出决算总体情况`);
  gpbParagraphs.push(sentence(`一般公共预算财政拨款支出${wan(gpbSpent)}，${share(gpbSpent, spent).replace(/^占/, "占本年支出合计的")}`, change(gpbSpent, prior?.gpbExpenditure, py, "，一般公共预算财政拨款支出")) + because("gpb", prior?.gpbExpenditure));
  gpbParagraphs.push(`（二）一般公共预算财政拨款支出决算结构情况`);
  const classes = [...new Set(gpb.map((l) => functionalClassOf(l.functional)))].sort();
  gpbParagraphs.push(`一般公共预算财政拨款支出${wan(gpbSpent)}，主要用于以下方面：${classes.map((c) => { const v = sumExecuted(gpb.filter((l) => functionalClassOf(l.functional) === c)); return `${catalog.functionalName(c)}（类）${wan(v)}，${share(v, gpbSpent)}`; }).join("；")}。`);
  gpbParagraphs.push(`（三）一般公共预算财政拨款支出决算具体情况`);
  const gpbOriginal = sumOriginal(gpb);
  const gpbAdjusted = sumAdjusted(gpb);
  gpbParagraphs.push(`一般公共预算财政拨款支出年初预算为${wan(gpbOriginal)}，全年预算为${wan(gpbAdjusted)}，支出决算为${wan(gpbSpent)}${completion(gpbSpent, gpbOriginal, "年初预算")}${completion(gpbSpent, gpbAdjusted, "全年预算")}。其中：`);
  const items = [...new Set(gpb.map((l) => l.functional))].sort();
  items.forEach((code, i) => {
    const ls = gpb.filter((l) => l.functional === code);
    const e = sumExecuted(ls);
    const o = sumOriginal(ls);
    const adj = sumAdjusted(ls);
    const path = `${catalog.functionalName(code.slice(0, 3))}（类）${catalog.functionalName(code.slice(0, 5))}（款）${catalog.functionalName(code)}（项）`;
    const use = a.uses[code] ? `主要用于：${a.uses[code]}。` : "";
    gpbParagraphs.push(`${i + 1}、${path}。${use}年初预算为${wan(o)}，全年预算为${wan(adj)}，支出决算为${wan(e)}${completion(e, adj, "全年预算数")}。${difference(e, adj, a.reasons[code])}`);
  });
  out["gpb"] = gpbParagraphs;

  const basicGpb = gpb.filter((l) => l.nature === "basic");
  const personnel = basicGpb.filter((l) => isPersonnel(l.economic));
  const publicFunds = basicGpb.filter((l) => !isPersonnel(l.economic));
  const names = (ls: readonly FinalLine[]) => [...new Set(ls.filter((l) => l.executed !== 0).map((l) => catalog.nationalEconomicSection(l.economic)))].sort().map((c) => catalog.departmentEconomicName(c));
  out["economic"] = [
    `一般公共预算财政拨款基本支出${wan(sumExecuted(basicGpb))}。其中：人员经费${wan(sumExecuted(personnel))}${personnel.length ? `，主要包括：${list(names(personnel))}` : ""}；公用经费${wan(sumExecuted(publicFunds))}${publicFunds.some((l) => l.executed !== 0) ? `，主要包括：${list(names(publicFunds))}` : ""}。`,
  ];

  const tp = finalThreePublic(scope, a);
  const tpFinal = fen(tp.abroad.final + tp.reception.final + tp.vehiclePurchase.final + tp.vehicleOperation.final);
  const tpBudget = fen(tp.abroad.budget + tp.reception.budget + tp.vehiclePurchase.budget + tp.vehicleOperation.budget);
  out["three-public"] =
    tpFinal === 0 && tpBudget === 0
      ? [`${name}${y}年度无“三公”经费财政拨款支出。`]
      : [
          sentence(`${y}年度“三公”经费财政拨款支出预算为${wan(tpBudget)}，支出决算为${wan(tpFinal)}${completion(tpFinal, tpBudget, "预算")}`, change(tpFinal, prior?.threePublic, py)) + because("three-public", prior?.threePublic),
          `其中：因公出国（境）费支出决算为${wan(tp.abroad.final)}；公务用车购置费支出决算为${wan(tp.vehiclePurchase.final)}；公务用车运行维护费支出决算为${wan(tp.vehicleOperation.final)}；公务接待费支出决算为${wan(tp.reception.final)}。`,
        ];

  for (const [kind, word] of [
    ["government-fund", "政府性基金预算"],
    ["state-capital", "国有资本经营预算"],
  ] as const) {
    const opening = sumAmounts(a.opening.filter((b) => b.kind === kind));
    const income = sumAmounts(a.appropriationIncome.filter((x) => x.kind === kind));
    const used = sumExecuted(lines.filter((l) => balanceKindOf(l.source) === kind));
    const closing = sumAmounts(a.closing.filter((b) => b.kind === kind));
    out[kind] =
      opening === 0 && income === 0 && used === 0 && closing === 0
        ? [`${name}${y}年度无${word}财政拨款收入和支出。`]
        : [`${name}${y}年度${word}财政拨款年初结转和结余${wan(opening)}，本年收入${wan(income)}，本年支出${wan(used)}，年末结转和结余${wan(closing)}。`];
  }

  const scored = evaluations.filter((e) => e.indicators.length > 0);
  const funds = fen(scored.reduce((s, e) => s + e.amounts.adjusted, 0));
  const grades = (g: string) => scored.filter((e) => e.grade === g).length;
  const average = scored.length ? Math.round(scored.reduce((s, e) => s + e.score, 0) / scored.length) : 0;
  out["performance"] = scored.length
    ? [
        `${name}${y}年度编报绩效目标的项目${scored.length}个，涉及全年预算${wan(funds)}；开展绩效自评的项目${scored.length}个，平均得分${formatHundredths(average)}分（其中，绩效评级为“优”的项目${grades("优")}个，“良”的${grades("良")}个，“中”的${grades("中")}个，“差”的${grades("差")}个）。`,
        `各项目自评得分：${scored.map((e) => `${e.name}${formatHundredths(e.score)}分（预算执行率${formatPercent(e.executionRate)}）`).join("；")}。`,
      ]
    : [`${name}${y}年度无开展绩效自评的项目。`];

  const operating = fen(lines.filter((l) => classifyLine(executedItem(l), scope.unitByCode.get(l.unit)).operatingCost).reduce((s, l) => s + l.executed, 0));
  const other = [`（一）机关运行经费支出情况`, sentence(`机关运行经费支出${wan(operating)}`, change(operating, prior?.operatingCost, py)) + because("operating-cost", prior?.operatingCost)];
  if (input.procurement !== undefined) other.push(`（二）政府采购支出情况`, `${name}${y}年度政府采购金额（以合同签订为准）为${wan(input.procurement)}。`);
  out["operating-cost"] = other;

  return input.template.narrative.map((s, i) => ({ id: `p3-fa-${String(i + 1).padStart(2, "0")}`, title: s.heading, paragraphs: out[s.topics[0] ?? ""] ?? [] }));
}

/** The narrative of a 决算: 概况, the tables' 说明, 名词解释. */
export function finalNarrative(input: FinalNarrativeInput): Narrative {
  const spent = input.accounts.otherSpending.filter((x) => x.amount !== 0);
  const glossary = FINAL_GLOSSARY.filter((g) => g.onlyWith === undefined || spent.some((x) => x.use === g.onlyWith));
  return {
    parts: [
      { id: "part1", title: `第一部分 ${input.scope.name}概况`, sections: input.profile },
      { id: "part2", title: `第三部分 ${input.scope.name}${input.accounts.year}年度部门决算情况说明`, sections: sections(input) },
      { id: "part3", title: "第四部分 名词解释", sections: [{ id: "p4-glossary", title: "名词解释", paragraphs: glossary.map((g, i) => `${chineseNumber(i + 1)}、${g.term}：${g.text}`) }] },
    ],
  };
}
