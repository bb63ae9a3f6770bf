/**
 * 断行合并 — joining the pieces of a paragraph that the source broke mid-sentence ("…机关运行经费支" /
 * "出预算8万元…"), as PDF-to-text conversion does at page and line ends. Shared by every importer.
 */
import type { Paragraph, SourcePlace } from "./document.ts";

/** Where a sentence may end: after these, a new line starts a new paragraph. */
const ENDS_SENTENCE = /[。！？；：!?;:」』”’）)\]】]$/;
/** A line that starts a list item or a numbered heading begins a new paragraph. */
const STARTS_ITEM = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．]|[①-⑳]|第[一二三四五六七八九十]+部分)/;
/** Below this length a line without punctuation is a line of its own (a name in a list, a date). */
const MIN_BROKEN_LENGTH = 25;

/** Is `next` the continuation of `prev`, broken mid-sentence? */
export function continues(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (p === "" || n === "") return false;
  if (ENDS_SENTENCE.test(p) || STARTS_ITEM.test(n)) return false;
  const long = p.length >= MIN_BROKEN_LENGTH || /[，、]/.test(p);
  return long && /^[\u3400-\u9fff\d（(“"《]/.test(n);
}

/** Joins consecutive pieces that continue one another; each paragraph keeps the lines it came from. */
export function joinBrokenLines(pieces: readonly { text: string; place: SourcePlace }[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const piece of pieces) {
    const text = piece.text.trim();
    if (text === "") continue;
    const last = out[out.length - 1];
    if (last && continues(last.text, text)) {
      last.text = `${last.text.trimEnd()}${text}`;
      if (piece.place.line !== undefined) (last.lines ??= []).push(piece.place.line);
      continue;
    }
    out.push({ text, place: piece.place, ...(piece.place.line !== undefined ? { lines: [piece.place.line] } : {}) });
  }
  return out;
}
