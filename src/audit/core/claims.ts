/**
 * 说明中的数字 — every amount, share, change, rate and count the narrative states, with what it is about
 * (subjects.ts), the sentence it is in and where. The standard phrasings are read: "收入4117.91万元",
 * "占4.5%", "与上年相比增加X万元，增长Y%", "比2020年减少2万，下降20%", "持平" / "无变化" / "相同",
 * "没有使用…安排的支出". A number whose subject cannot be told is kept with no subject (reported as
 * unclassified), never guessed.
 */
import type { NarrativeSection, Paragraph, SourcePlace } from "./document.ts";
import { type PrintedAmount, type PrintedPercent, parseAmount, parsePercent } from "./numbers.ts";
import { type Subject, TOPIC_SUBJECT, type Topic, firstSubject, isNarrativeTopic, paragraphTopic, subjectBefore, topicOf } from "./claims/subjects.ts";

export type ClaimKind =
  /** 金额 — "4117.91万元" */
  | "amount"
  /** 占比 — "占4.5%" */
  | "share"
  /** 增减额 — "增加1599.88万元" (direction +1) / "减少2万" (−1) */
  | "change"
  /** 增减率 — "增长63.79%" / "下降20%" */
  | "rate"
  /** 持平 — "持平", "无变化", "相同" */
  | "flat"
  /** 没有 — "没有使用…拨款安排的支出" */
  | "none"
  /** 数量 — "0辆", "1项", "124社区" */
  | "count"
  /** a number with none of the above around it */
  | "number";

/** 说明数字 — one number of the narrative and what it says. */
export interface Claim {
  kind: ClaimKind;
  /** what it is about; undefined when that cannot be told (unclassified) */
  subject?: Subject;
  /** the number as printed with its unit: "4117.91万元", "63.79%" */
  text: string;
  amount?: PrintedAmount;
  percent?: PrintedPercent;
  count?: number;
  /** +1 增加/增长, −1 减少/下降 */
  direction?: 1 | -1;
  /** for shares: the whole when the text names it ("占项目支出的100%" → 项目支出) */
  whole?: string;
  /** for counts: the noun counted ("社区", "行政村") */
  noun?: string;
  /** for 专项转移支付 items: the project name */
  name?: string;
  /** the amount is written "2万" without 元 */
  shortUnit?: boolean;
  /** a share or rate printed without its % sign */
  noPercentSign?: boolean;
  /** a bare number standing alone as a sentence ("2518.03") */
  stray?: boolean;
  /** claims about one subject in a row share a statement number: amount, change and rate agree within it */
  statement: number;
  topic?: Topic;
  /** the heading of its section */
  section: string;
  /** the sentence, as printed (spaces between figures and words removed) */
  sentence: string;
  place: SourcePlace;
  /** the paragraph it is in (a PDF's places name only the page: paragraphs are told apart by this) */
  paragraph: Paragraph;
}

/** Spaces between Chinese text and figures ("2021 年收入 4117.91 万元") removed. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, " ").replace(/(?<=[\u3000-\u9fff\uff00-\uffef%])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef%])/g, "").trim();
}

/** Characters looked back for a subject word, and numbers read per sentence (bounds for hostile input). */
const LOOKBACK = 160;
const MAX_TOKENS = 400;
const TOKEN = /(\d+(?:,\d{3})*(?:\.\d+)?)(亿元|万元|万|元|%|％|台[（(]套[）)]|个|项|辆|台|套|人|户|家|次|所)?/g;
const SKIP_AFTER = /^(年|月|日|号|季度|以上|以下|以内|及以上|及以下|倍)/;
const UP = /(增加|增长|上升|提高|多)了?$/;
const DOWN = /(减少|下降|降低|压减|节约|少)了?$/;
const SHARE = /占(比)?(([\u4e00-\u9fff（）()“”]{1,20})的)?(比重|比例)?(为)?$/;
// "基本持平" follows a small stated change ("减少0.02万元，基本持平"): it is not a claim of no change
// "口径与上年不一致", "按与上年统计口径一致相比" speak of the basis of comparison, not of an unchanged amount
const FLAT = /(?<!基本)持平|无变化|没有变化|相同|不变|(?<!不|口径)一致(?!相比)/g;
const REASON = /(主要)?原因(是|为|：|:)|主要是因为?|^\s*(主要)?(是)?由于/;
/** A change stated on another basis than the tables' ("按与上年统计口径一致相比"): its base is not theirs. */
const OTHER_BASIS = /口径/;
const NONE = /(没有使用|未使用|不安排|没有安排|未安排|本(?:单位|部门)(?:\d{4}年)?无)([^，。；]{0,40}?)(安排的)?(支出|经费)/g;

/** Every claim of the narrative sections, in reading order. */
export function extractClaims(sections: readonly NarrativeSection[]): Claim[] {
  const out: Claim[] = [];
  let statement = 0;
  for (const section of sections) {
    const sectionTopic = [...section.path].reverse().map(topicOf).find((t) => t !== undefined);
    if (!isNarrativeTopic(sectionTopic)) continue;
    for (const p of section.paragraphs) {
      const text = tidy(p.text);
      const topic = paragraphTopic(text) ?? sectionTopic;
      // A sentence without a subject word speaks of the subject the previous sentence (up to 。) began
      // with ("…机关运行经费支出预算8万元，主要保障…公务用车运行维护费等支出。比2020年减少2万"); within a
      // sentence, clauses split at ； carry the last subject named.
      let carry: Subject | undefined;
      let last: Subject | undefined = "\u0000";
      for (const unit of text.match(/[^。！？!?]+[。！？!?]?/g) ?? []) {
        let inUnit: Subject | undefined;
        for (const sentence of unit.match(/[^；;]+[；;]?/g) ?? []) {
          const add = (c: Omit<Claim, "statement" | "topic" | "section" | "sentence" | "place" | "paragraph">) => {
            if (c.subject !== last || c.subject === undefined) statement++;
            last = c.subject;
            if (c.subject) inUnit = c.subject;
            out.push({ ...c, statement, ...(topic ? { topic } : {}), section: section.heading, sentence: sentence.trim(), place: p.place, paragraph: p });
          };
          readSentence(sentence, topic, () => inUnit ?? carry, add);
          inUnit = subjectBefore(sentence, "money") ?? inUnit;
        }
        // the subject a sentence begins with names its first figure: "一般公共服务支出10528.33万元，主要用于…项目支出。"
        // begins with a subject no word here names, so the next sentence carries none
        const firstFigure = unit.search(/\d/);
        carry = firstFigure >= 0 ? firstSubject(unit.slice(0, firstFigure), "money") : (firstSubject(unit, "money") ?? carry);
      }
    }
  }
  return out;
}

type Add = (c: Omit<Claim, "statement" | "topic" | "section" | "sentence" | "place" | "paragraph">) => void;

function readSentence(sentence: string, topic: Topic | undefined, carried: () => Subject | undefined, add: Add): void {
  const events: { at: number; run: () => void }[] = [];
  let prevEnd = 0;
  const listStart = /^\s*(\d+[.、．](?!\d)|[（(]\d+[）)])/.exec(sentence)?.[0].length ?? 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sentence); m && events.length < MAX_TOKENS; m = TOKEN.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = sentence.slice(end, end + 40);
    const lead = sentence.slice(Math.max(prevEnd, start - LOOKBACK), start);
    prevEnd = end;
    if (start < listStart || SKIP_AFTER.test(after) || /第$/.test(lead) || /[（(]$/.test(lead) || /^[）)]/.test(after)) continue;
    // subject words sit close to their number: looking back a bounded stretch keeps long text linear
    const before = sentence.slice(Math.max(0, start - LOOKBACK), start);
    // the figures of a reason ("主要原因是…增加基本支出844.15万元、…专项经费200万元") are parts of a change
    // whose subject the words do not tie down: kept, with no subject
    const reason = REASON.test(sentence.slice(0, start)) || OTHER_BASIS.test(sentence);
    events.push({ at: start, run: () => readToken(m![1]!, m![2] ?? "", lead, before, after, topic, reason ? () => undefined : carried, add, reason) });
  }
  for (const re of [FLAT, NONE]) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const at = m.index;
      const phrase = m[0];
      const isNone = re === NONE;
      events.push({
        at,
        run: () => {
          const subject = isNone ? (subjectBefore(phrase, "money") ?? (topic ? TOPIC_SUBJECT[topic] : undefined)) : (subjectBefore(sentence.slice(Math.max(0, at - LOOKBACK), at), "money") ?? carried() ?? (topic ? TOPIC_SUBJECT[topic] : undefined));
          add({ kind: isNone ? "none" : "flat", ...(subject ? { subject } : {}), text: phrase });
        },
      });
    }
  }
  events.sort((a, b) => a.at - b.at).forEach((e) => e.run());
}

function readToken(digits: string, unit: string, lead: string, before: string, after: string, topic: Topic | undefined, carried: () => Subject | undefined, add: Add, reason = false): void {
  const text = `${digits}${unit}`;
  const pre = lead.replace(/\s/g, "");
  const direction: 1 | -1 | undefined = UP.test(pre) ? 1 : DOWN.test(pre) ? -1 : undefined;
  const share = SHARE.exec(pre);
  const money = /^(亿元|万元|万|元)$/.test(unit);
  const isPercent = unit === "%" || unit === "％";
  // the subject: the nearest subject word before the number in the sentence (leaving out "占…的"), else the one carried
  const head = share ? before.slice(0, before.length - share[0].length) : before;
  const takes = money || isPercent || (!unit && (share || direction)) ? "money" : "count";
  let subject = reason && (money || isPercent) ? undefined : (subjectBefore(head, takes) ?? carried() ?? (topic ? TOPIC_SUBJECT[topic] : undefined));
  if (money && topic === "special-transfer") {
    const name = /([^：:，,、；;]+)$/.exec(lead.replace(/^(主要是|主要包括|包括|其中)[:：]?/, ""))?.[1]?.trim();
    if (name) subject = `transfer:${name}`;
  }
  const sub = subject ? { subject } : {};
  if (money) {
    const amount = unit === "亿元" ? parseAmount(`${digits}`, "万元") : parseAmount(digits, unit === "元" ? "元" : "万元");
    if (!amount) return;
    const scaled = unit === "亿元" ? { ...amount, fen: (amount.fen * 10_000) as typeof amount.fen, decimals: Math.max(0, amount.decimals - 4) } : amount;
    add({ kind: direction ? "change" : "amount", ...sub, text, amount: scaled, ...(direction ? { direction } : {}), ...(unit === "万" ? { shortUnit: true } : {}) });
  } else if (isPercent || (!unit && (share || direction) && !/^[\u4e00-\u9fff]/.test(after))) {
    const percent = parsePercent(digits);
    if (!percent) return;
    const base = { text, percent, ...(isPercent ? {} : { noPercentSign: true }) };
    if (share) add({ kind: "share", ...sub, ...base, ...(share[3] ? { whole: share[3] } : {}) });
    else if (direction) add({ kind: "rate", ...sub, ...base, direction });
    else add({ kind: "number", ...base });
  } else if (unit) {
    const noun = /^[\u4e00-\u9fff]{1,3}/.exec(after)?.[0];
    const countSubject = subjectBefore(/^[\u4e00-\u9fff]/.test(after) ? after.split(/[，,。；;、：:]/)[0]!.slice(0, 12) : "", "count") ?? subjectBefore(head, "count");
    add({ kind: "count", ...(countSubject ? { subject: countSubject } : {}), text, count: Number(digits.replace(/,/g, "")), ...(noun ? { noun } : {}) });
  } else {
    const noun = /^[\u4e00-\u9fff]{2,3}?(?=[“"（(，、。；]|$)|^[\u4e00-\u9fff]{2}/.exec(after)?.[0];
    const alone = lead.trim() === "" && /^[。；;]?$/.test(after.trim());
    if (noun) add({ kind: "count", text, count: Number(digits.replace(/,/g, "")), noun });
    else add({ kind: "number", text, ...(alone ? { stray: true } : {}) });
  }
}
