/**
 * 说明对象 — what a number in the narrative is about: the subject words of the standard phrasings
 * (收入总计, 基本支出, "X（类）支出", 人员经费, each "三公" item, 机关运行经费, 政府采购货物 …) and the
 * topic of each narrative section (一 收入支出预算总体情况 … 十 其他重要事项, and its parts).
 */
import { FINAL_SPENDING_USE_NAMES } from "../../../core/execution/model.ts";
import { FUNDING_SOURCE_NAMES, type FundingSource } from "../../../core/model.ts";
import { sourceOf } from "../interpret/columns.ts";

/**
 * 说明对象: expenditure 支出总计/合计, income 收入总计/合计, income:<source>, basic, gpb-basic, project,
 * appropriation 财政拨款, gpb 一般公共预算, government-fund, state-capital, class:<名称> a 功能分类 类,
 * personnel, public, three-public, abroad, reception, vehicle, vehicle-purchase, vehicle-operation,
 * operating-cost, procurement[-goods|-works|-services], vehicles[:<kind>], general-equipment,
 * special-equipment, special-transfers (count), transfer:<项目名称>, projects, performance-funds.
 */
export type Subject = string;

/** Whether a subject takes amounts (money) or counts (辆, 台（套）, 项, 个). */
type Takes = "money" | "count";

interface SubjectPattern {
  re: RegExp;
  subject: (m: RegExpExecArray) => Subject | undefined;
  takes: Takes;
}

const fixed = (subject: Subject) => () => subject;
const money = (re: RegExp, subject: Subject | ((m: RegExpExecArray) => Subject | undefined)): SubjectPattern => ({ re, subject: typeof subject === "string" ? fixed(subject) : subject, takes: "money" });
const count = (re: RegExp, subject: Subject | ((m: RegExpExecArray) => Subject | undefined)): SubjectPattern => ({ re, subject: typeof subject === "string" ? fixed(subject) : subject, takes: "count" });

const PROCUREMENT: Record<string, string> = { 货物: "goods", 工程: "works", 服务: "services" };

/**
 * How the narrative names income by source (收入预算总体情况): each source's name from the core with
 * 收入 ("行政事业性收费收入", "事业收入" as it is), and the other wordings narratives use.
 */
const INCOME_PHRASES: Record<string, string> = {
  ...Object.fromEntries((Object.entries(FUNDING_SOURCE_NAMES) as [FundingSource, string][]).map(([key, name]) => [name.endsWith("收入") ? name : `${name}收入`, key])),
  一般公共预算财政拨款收入: "gpb-appropriation",
  财政专户管理资金收入: "special-account",
  部门财政性资金结转: "carry-over",
  上年结转: "carry-over",
};
const INCOME_SOURCES = new RegExp(`(${Object.keys(INCOME_PHRASES).sort((a, b) => b.length - a.length).join("|")})`, "g");

/** Subject words; where two end at the same place the longer wins ("一般公共预算基本支出" over "基本支出"). */
const PATTERNS: readonly SubjectPattern[] = [
  money(/“?三公”?经费/g, "three-public"),
  money(/因公出国[（(]境[）)](费用?)?/g, "abroad"),
  money(/公务接待(费)?/g, "reception"),
  money(/公务用车购置(费)?(及|和)运行(维护)?费|公务用车费/g, "vehicle"),
  money(/公务用车购置(费)?/g, "vehicle-purchase"),
  money(/公务用车运行(维护)?费/g, "vehicle-operation"),
  money(/机关运行经费/g, "operating-cost"),
  money(/政府采购(货物|工程|服务)/g, (m) => `procurement-${PROCUREMENT[m[1]!]}`),
  money(/政府采购/g, "procurement"),
  money(/人员经费/g, "personnel"),
  money(/公用经费/g, "public"),
  money(/一般公共预算(财政)?(拨款)?基本支出/g, "gpb-basic"),
  // 财政拨款 basic spending (Jiangsu: 一般公共预算 and 政府性基金 together) is no table's line: not compared
  money(/财政拨款基本支出/g, "appropriation-basic"),
  money(/基本支出/g, "basic"),
  money(/项目支出/g, "project"),
  // Jiangsu's uses beside 基本支出 and 项目支出 (model.ts Nature): their amounts and shares are their own, not the
  // project expenditure named before them in the sentence
  money(/(单位)?预留机动经费/g, "reserve"),
  money(/结转下年(资金)?/g, "carry-forward"),
  // a 决算's uses beside them (上缴上级支出, 经营支出, 对附属单位补助支出): likewise their own
  ...Object.entries(FINAL_SPENDING_USE_NAMES).map(([use, name]) => money(new RegExp(`(?<!资本)${name}`, "g"), `final-use:${use}`)),
  money(/项目资金/g, "performance-funds"),
  money(/财政拨款收[、]?支(总计|总预算)?|财政拨款(收入)?(支出)?/g, "appropriation"),
  money(/一般公共预算/g, "gpb"),
  money(/政府性基金/g, "government-fund"),
  money(/国有资本经营/g, "state-capital"),
  // a 类 followed by its 款 (and 项) names that 款 or 项, not the 类: its amount is not the 类's
  money(/([\u4e00-\u9fff]{2,16}?)[（(]类[）)](?![^，。；]{0,30}?[（(]款[）)])/g, (m) => `class:${m[1]!.replace(/^.*[：:，、；]/, "")}`),
  money(/[\u4e00-\u9fff]{2,16}?[（(]类[）)][^，。；]{0,30}?[（(]款[）)](?:[^，。；]{0,30}?[（(]项[）)])?/g, (m) => `item:${m[0].replace(/\s/g, "")}`),
  // a 款 or 项 opening its paragraph under its 类's heading ("检察（款）：2018年预算支出合计16,444.36万元"): the
  // 支出合计 that follows is the item's, not the document's
  money(/[\u4e00-\u9fff]{1,16}?[（(][款项][）)][：:\s]*(?:\d{4}年)?(?:预算)?(?:支出)?(?:合计|总计)?/g, (m) => `item:${m[0].replace(/[：:\s].*$|\d{4}年.*$|预算.*$|支出(合计|总计)?$/, "")}`),
  // items Yusuan has no table figure for: their amounts are not the fund's they are paid from
  money(/会议费|培训费/g, (m) => `item:${m[0]}`),
  money(/收[、]?支总计|收支总预算|支出(总计|合计|总额)/g, "expenditure"),
  money(INCOME_SOURCES, (m) => {
    const s = INCOME_PHRASES[m[1]!] ?? sourceOf(m[1]!);
    return s ? `income:${s}` : undefined;
  }),
  // "一般公共预算收入预算…", "其他资金收入预算总计15万元": the source's income, not the total (收入合计)
  money(/(一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|财政专户管理资金|其他资金)收入/g, (m) => `income:${sourceOf(m[1]!) ?? "other"}`),
  money(/收入(总计|合计)?/g, "income"),
  count(/车辆/g, "vehicles"),
  count(/(一般公务用车|一般执法执勤用车|执法执勤用车|特种专业技术用车|其他用车)/g, (m) => `vehicles:${m[1]}`),
  // Shanghai lists every kind ("部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆…"): each is a kind, not a total
  count(/[\u4e00-\u9fff]{2,10}用车/g, (m) => `vehicles:${m[0]}`),
  // "单价100万元（含）以上设备（不含车辆）0台（套）" counts equipment, not vehicles
  count(/设备[（(]不含车辆[）)]/g, "equipment"),
  count(/通用设备/g, "general-equipment"),
  count(/专用设备/g, "special-equipment"),
  count(/专项转移支付项目/g, "special-transfers"),
  count(/项目编制了?绩效目标/g, "projects-with-targets"),
  count(/预算项目/g, "projects"),
];

/** The subject named first in `text` (the earliest-ending match; ties go to the longer). */
export function firstSubject(text: string, takes: Takes): Subject | undefined {
  let best: { end: number; length: number; subject: Subject } | undefined;
  for (const p of PATTERNS) {
    if (p.takes !== takes) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const subject = p.subject(m);
      const end = m.index + m[0].length;
      if (subject && (!best || end < best.end || (end === best.end && m[0].length > best.length))) best = { end, length: m[0].length, subject };
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }
  return best?.subject;
}

/** The subject named nearest before `end` in `text` (the last match wins; ties go to the longer). */
export function subjectBefore(text: string, takes: Takes): Subject | undefined {
  let best: { end: number; length: number; subject: Subject } | undefined;
  for (const p of PATTERNS) {
    if (p.takes !== takes) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const subject = p.subject(m);
      const end = m.index + m[0].length;
      if (subject && (!best || end > best.end || (end === best.end && m[0].length > best.length))) best = { end, length: m[0].length, subject };
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }
  return best?.subject;
}

/** 说明部分 — what a narrative section or paragraph is about, from its heading or its lead. */
export type Topic =
  | "contents"
  | "profile"
  | "glossary"
  | "total"
  | "income"
  | "expenditure"
  | "appropriation"
  | "gpb"
  | "economic"
  | "three-public"
  | "government-fund"
  | "state-capital"
  | "other"
  | "operating-cost"
  | "procurement"
  | "performance"
  | "assets"
  | "special-transfer";

const TOPICS: readonly [Topic, RegExp][] = [
  ["contents", /^目\s*录$/],
  ["glossary", /名词解释/],
  ["profile", /概况|主要职能|主要职责|部门职责|机构设置|预算单位构成/],
  ["operating-cost", /机关运行经费/],
  ["procurement", /政府采购/],
  ["performance", /绩效目标|预算绩效管理|绩效管理(工作)?情况/],
  ["assets", /国有资产/],
  ["special-transfer", /专项转移支付/],
  ["other", /其他重要事项/],
  // "财政拨款“三公”经费支出", "政府性基金预算财政拨款收入支出": the fund or item names the topic, not 财政拨款
  ["three-public", /三公/],
  ["government-fund", /政府性基金/],
  ["state-capital", /国有资本经营/],
  ["appropriation", /财政拨款收入支出|财政拨款收支/],
  ["economic", /基本支出|经济分类/],
  ["gpb", /一般公共预算(财政拨款)?支出/],
  ["total", /收入支出[预决]算总(体|表)|收支[预决]算总(体|表)|收支总体/],
  ["income", /收入[预决]算/],
  ["expenditure", /支出[预决]算/],
];

/** The topic a heading names, if any. */
export function topicOf(heading: string): Topic | undefined {
  const h = heading.replace(/[\s*#]/g, "");
  return TOPICS.find(([, re]) => re.test(h))?.[0];
}

/** A paragraph that opens with its own title ("（一）机关运行经费支出情况。…") has that topic. */
export function paragraphTopic(text: string): Topic | undefined {
  const m = /^[（(][一二三四五六七八九十]+[）)]([^。：:]{2,20})[。：:]/.exec(text.trim());
  return m ? topicOf(m[1]!) : undefined;
}

/** Topics whose numbers are claims about the budget (the 概况, contents and glossary are not). */
export function isNarrativeTopic(t: Topic | undefined): boolean {
  return t !== "contents" && t !== "profile" && t !== "glossary";
}

/** What a number with no subject word is about, from its topic. */
export const TOPIC_SUBJECT: Partial<Record<Topic, Subject>> = {
  "operating-cost": "operating-cost",
  procurement: "procurement",
  "three-public": "three-public",
  "government-fund": "government-fund",
  "state-capital": "state-capital",
};
