/**
 * PDF 文字拼接 — glyphs to lines and lines to text. Chinese is set without spaces: a gap between glyphs
 * (CJK–Latin spacing, justification, an amount set apart from its unit "24,169.74    万元") is not a
 * space; only a drawn space glyph is, or a gap between two Latin words. Lines broken inside a cell or a
 * paragraph join without a space unless both sides are Latin letters.
 */
import type { Glyph } from "./pdf-ink.ts";

/** Han, CJK punctuation, fullwidth forms, kana and the curly quotes Chinese text uses. */
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u201C\u201D\u2018\u2019\u2014\u2026\u00B7]/;
/** Letters and digits of Latin script: a gap between two of them is a word space. */
const WORD = /[A-Za-z0-9\u00C0-\u024F]/;
/** Invisible characters PDFs carry (word joiner, zero-width space, soft hyphen, BOM). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Kangxi radicals, compatibility ideographs and Latin ligatures that fonts map glyphs to instead of the
 * ordinary character (⼀ for 一): normalised as pdfjs's text extraction does. */
const COMPAT = /[\u2E80-\u2FDF\uF900-\uFAFF\uFB00-\uFB4F]/g;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

export function cleanChars(s: string): string {
  // the common case, one ordinary character, without a regular expression
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    if (c < 0x00ad || (c > 0x00ad && c < 0x200b) || (c > 0x2060 && c < 0x2e80) || (c > 0x2fdf && c < 0xf900) || (c > 0xfb4f && c !== 0xfeff)) return s;
  }
  return s.replace(INVISIBLE, "").replace(COMPAT, (c) => c.normalize("NFKC"));
}

/** Gap (in em) above which two Latin glyphs are separate words. */
const WORD_GAP = 0.2;

/** Baseline of a line: glyphs whose baselines differ by less than this share a line (em). */
const SAME_LINE = 0.35;

/** Glyphs grouped into lines (top to bottom), each sorted left to right, overdrawn duplicates dropped. */
export function groupLines(glyphs: readonly Glyph[]): Glyph[][] {
  if (glyphs.length === 0) return [];
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Glyph[][] = [];
  let current: Glyph[] = [];
  let base = sorted[0]!.y;
  let size = sorted[0]!.size;
  for (const g of sorted) {
    if (current.length > 0 && g.y - base > SAME_LINE * Math.max(size, g.size)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) {
      base = g.y;
      size = g.size;
    }
    current.push(g);
  }
  if (current.length > 0) lines.push(current);
  return lines.map(dedupe);
}

/** Sorted left to right; a glyph drawn again over itself (fake bold, shadows) is kept once. */
function dedupe(line: Glyph[]): Glyph[] {
  line.sort((a, b) => a.x0 - b.x0);
  const out: Glyph[] = [];
  for (const g of line) {
    let dup = false;
    for (let i = Math.max(0, out.length - 4); i < out.length && !dup; i++) {
      const k = out[i]!;
      dup = k.ch === g.ch && Math.abs(k.x0 - g.x0) < 0.3 * g.size;
    }
    if (!dup) out.push(g);
  }
  return out;
}

/**
 * A run of glyphs (one line, left to right) as text. Space glyphs print as one space; a gap prints as a
 * space only between Latin letters or digits. Leading and trailing spaces are trimmed.
 */
export function runText(run: readonly Glyph[]): string {
  let s = "";
  let prev: Glyph | undefined;
  for (const g of run) {
    if (g.space) {
      if (s !== "" && !s.endsWith(" ")) s += " ";
      prev = g;
      continue;
    }
    const ch = cleanChars(g.ch);
    if (ch === "") continue;
    if (prev && !prev.space && s !== "" && !s.endsWith(" ")) {
      const gap = g.x0 - prev.x1;
      if (gap > WORD_GAP * g.size && WORD.test(s[s.length - 1]!) && WORD.test(ch[0]!)) s += " ";
    }
    s += ch;
    prev = g;
  }
  return s.replace(/\s+/g, " ").trim();
}

/** Runs of one line (each already `runText`) joined: a space only between Latin letters or digits. */
export function joinRuns(runs: readonly string[]): string {
  let s = "";
  for (const r of runs) {
    if (r === "") continue;
    if (s !== "" && WORD.test(s[s.length - 1]!) && WORD.test(r[0]!)) s += " ";
    s += r;
  }
  return s;
}

/** Lines of one cell or paragraph joined: no space at a break unless both sides are Latin letters. */
export function joinLines(lines: readonly string[]): string {
  let s = "";
  for (const line of lines) {
    const t = line.trim();
    if (t === "") continue;
    if (s !== "" && /[A-Za-z]$/.test(s) && /^[A-Za-z]/.test(t)) s += " ";
    s += t;
  }
  return s;
}

/** A line split where glyphs stand far apart (≥ `gapEm` em): the pieces of a row set out in columns. */
export function splitRuns(line: readonly Glyph[], gapEm: number): Glyph[][] {
  const runs: Glyph[][] = [];
  let current: Glyph[] = [];
  let lastInk: Glyph | undefined;
  for (const g of line) {
    if (lastInk && !g.space && g.x0 - lastInk.x1 >= gapEm * Math.max(g.size, lastInk.size) && current.length > 0) {
      runs.push(current);
      current = [];
    }
    current.push(g);
    if (!g.space) lastInk = g;
  }
  if (current.length > 0) runs.push(current);
  return runs.filter((r) => r.some((g) => !g.space));
}
