/** The standard phrasings of a budget narrative, each built from exact amounts. */
import { type Fen, amountText, toWanYuanCents, wanYuanText } from "../money.ts";
import { absPercent, changeRate, formatPercent, percentOf } from "../ratio.ts";

/** "4117.91万元" */
export function wan(amount: Fen): string {
  return wanYuanText(amount);
}

/** "占4.44%" (or "占比不适用" when the whole is zero). */
export function share(part: Fen, whole: Fen): string {
  const p = percentOf(part, whole);
  return p.kind === "na" ? "占比不适用" : `占${formatPercent(p)}`;
}

/**
 * "与2020年相比增加1599.88万元，增长63.54%" / "…减少…，下降…" / "…持平". Undefined when last year's
 * figure is not given: then the narrative makes no comparison. A zero base reads 增长率不适用.
 * Amounts that print alike (same 0.01 万元) read 持平, so the words never contradict the printed numbers.
 * A change too small for its rate to print (under 0.005%) reads "减少0.02万元，基本持平", never
 * "下降0.00%".
 */
export function change(current: Fen, previous: Fen | undefined, previousYear: number, subject = ""): string | undefined {
  if (previous === undefined) return undefined;
  const lead = `与${previousYear}年相比${subject}`;
  const diff = (current - previous) as Fen;
  if (toWanYuanCents(current) === toWanYuanCents(previous)) return `${lead}持平`;
  const up = diff > 0;
  const abs = Math.abs(diff) as Fen;
  const rate = changeRate(current, previous);
  // figures that print differently by less than 0.005 万元 state their change in 元, never as 0.00万元
  const amount = `${up ? "增加" : "减少"}${amountText(abs)}`;
  if (rate.kind === "pct" && rate.hundredths === 0) return `${lead}${amount}，基本持平`;
  const pct = rate.kind === "na" ? "增长率不适用（上年为0）" : `${up ? "增长" : "下降"}${formatPercent(absPercent(rate))}`;
  return `${lead}${amount}，${pct}`;
}

/** The characters a written reason may already end with. */
const ENDS_SENTENCE = "。！？.";

/** A reason as written, ending in a full stop. */
export function reasonSentence(reason: string | undefined, lead = "主要原因："): string {
  if (!reason || !reason.trim()) return "";
  const r = reason.trim();
  return `${lead}${r}${ENDS_SENTENCE.includes(r[r.length - 1]!) ? "" : "。"}`;
}

/**
 * Joins clauses with the Chinese enumeration comma (as `items.join("、")`). The lists are short and
 * `join` costs more to set up than the few additions it makes; an item that is not a string (odd data)
 * goes to `join`, which prints null and undefined as nothing.
 */
export function list(items: readonly string[]): string {
  if (items.length === 0) return "";
  let out = items[0]!;
  if (typeof out !== "string") return items.join("、");
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    if (typeof item !== "string") return items.join("、");
    out += "、" + item;
  }
  return out;
}

/** "2020-12-31" → "2020年12月31日" */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
