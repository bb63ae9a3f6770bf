/**
 * 绩效目标 — performance targets: printing a target and reading the forms people write
 * ("≥95%", "25个", "90%以上", "2021年3月底前", "明显").
 */
import type { Comparator, Target } from "./model.ts";

/** The target as tables print it: "=" is implied ("25个"), other comparators are written ("≥95%"). */
export function formatTarget(t: Target | undefined): string {
  if (!t) return "";
  switch (t.kind) {
    case "numeric":
      return `${t.comparator === "=" ? "" : t.comparator}${t.value}${t.unit}`;
    case "deadline":
      return t.text;
    case "qualitative":
      return t.text;
  }
}

const COMPARATORS: Record<string, Comparator> = { "≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "=": "=", ">": ">", "<": "<" };

/**
 * Reads a target written as text. Numbers may carry a comparator before them or 以上/以下 after them;
 * dates ending in 前 are deadlines in `year` unless a year is written; anything else is qualitative.
 */
export function parseTarget(input: string, year: number): Target {
  const s = input.trim();
  const deadline = parseDeadline(s, year);
  if (deadline) return deadline;
  const m = /^(≥|>=|≤|<=|=|>|<)?\s*(-?\d+(?:\.\d+)?)\s*([^\d\s].*?)?\s*(以上|以下|及以上|及以下)?$/.exec(s);
  if (m) {
    const [, cmp, value = "", unitRaw = "", suffix] = m;
    let comparator: Comparator = cmp ? (COMPARATORS[cmp] ?? "=") : "=";
    if (suffix === "以上" || suffix === "及以上") comparator = "≥";
    if (suffix === "以下" || suffix === "及以下") comparator = "≤";
    const unit = unitRaw.replace(/(及)?以[上下]$/, "");
    if (!/[，,。；;]/.test(unit) && unit.length <= 6) return { kind: "numeric", comparator, value, unit };
  }
  return { kind: "qualitative", text: s };
}

/** "2021年3月底前", "12月31日前", "2021-03-31前" → the last day meant, ISO. */
function parseDeadline(s: string, year: number): Target | undefined {
  const m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?(?:之)?前$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})(?:之)?前$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1] ?? year);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] ? Number(m[3]) : lastDay;
  if (d < 1 || d > lastDay) return undefined;
  const date = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return { kind: "deadline", date, text: s };
}

/** Standard 一级指标 of project targets, in print order (成本 since 财预〔2021〕101号). */
export const PROJECT_LEVEL1 = ["产出指标", "成本指标", "效益指标", "满意度指标"] as const;

/** "产出" and "产出指标" name the same level. */
export function normaliseLevel1(level1: string): string {
  const s = mayHaveOuterSpace(level1) ? level1.trim() : level1;
  return s.endsWith("指标") ? s : `${s}指标`;
}

/**
 * True when `s` is empty or only white space (`s.trim() === ""`). Most texts start with a character `trim()`
 * keeps, and are decided on it without the call.
 */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  const first = s.charCodeAt(0);
  if (first > 0x20 && !isUnicodeSpace(first)) return false;
  return s.trim() === "";
}

/**
 * False when `s` neither starts nor ends with a character `trim()` could remove (so `s.trim() === s`):
 * such characters are ≤ U+0020 or at U+00A0 and above; CJK text, letters and digits are neither.
 */
function mayHaveOuterSpace(s: string): boolean {
  if (s.length === 0) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first <= 0x20 || last <= 0x20 || isUnicodeSpace(first) || isUnicodeSpace(last);
}

/** The white space and line terminators above U+0020 that `trim()` removes. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
