/**
 * 模板占位 — the words a template leaves for the writer to fill in or choose: 示例, XX / ××, 待填写, 某某,
 * "增加（减少）" and "（增加/减少）" alternatives, a numbered goal with nothing after it ("目标3:"), and rows of
 * dots ("....."). The data rule (rules/placeholders.ts) and the audit of published documents read these.
 */

const CHANGE_WORD = "(?:增加|减少|增长|下降|上升|降低)";

/** Placeholder words anywhere in a text (global: use with matchAll, or reset lastIndex). */
export const PLACEHOLDER_TEXT = new RegExp(
  [
    "示例",
    // XX, xx, ＸＸ, ×× — not letters of a Latin word (XXL, Xbox)
    "(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])",
    "待填写|待补充|请填写",
    "某某",
    // 增加（减少）, 下降(增长)
    `${CHANGE_WORD}\\s*[（(]\\s*${CHANGE_WORD}\\s*[）)]`,
    // 增加/减少, （增加/减少）
    `[（(]?${CHANGE_WORD}\\s*[/／]\\s*${CHANGE_WORD}[）)]?`,
  ].join("|"),
  "g",
);

/** A numbered goal or task with nothing after it: "目标3:", "任务二：" (one line). */
export const EMPTY_NUMBERED_ITEM = /^\s*(?:目标|任务)\s*[0-9０-９一二三四五六七八九十]+\s*[:：]\s*$/;

/** A row (or line) holding only dots: "....." or "……", the template's "more rows may follow". */
export const PLACEHOLDER_ROW = /^(?:[.．。…·]{3,}|…{2})$/;

/**
 * A quick look for what every placeholder above must contain (a superset: test/rules/placeholders.test.ts
 * holds it to that): most texts hold none of it and are passed over without the full search.
 */
const MAY_HOLD = /示|[XxＸｘ×]{2}|待[填补]|请填|某某|[加少长降升低]\s*[（(/／]|[:：]\s*(?:\n|$)|[.．。·]{3}|…/;

/** What `placeholdersIn` answers for a text without placeholders (most texts): one list, never changed. */
const NONE: readonly string[] = Object.freeze([]);

/** The placeholders in one text, each once, in order of appearance; empty when there are none. */
export function placeholdersIn(text: string): readonly string[] {
  if (!MAY_HOLD.test(text)) return NONE;
  const found: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_TEXT)) if (!found.includes(m[0])) found.push(m[0]);
  for (const line of text.split("\n")) {
    const l = line.trim();
    if ((EMPTY_NUMBERED_ITEM.test(l) || PLACEHOLDER_ROW.test(l)) && !found.includes(l)) found.push(l);
  }
  return found;
}
