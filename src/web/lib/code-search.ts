/**
 * 科目检索 — find a classification code by its digits, its name, or the pinyin initials of its name
 * (jczqjs → 基层政权建设和社区治理). The initials are computed once per code list.
 */
import { pinyin } from "pinyin-pro";

export interface CodeEntry {
  code: string;
  name: string;
  aliases?: readonly string[];
  label?: string;
}

export interface IndexedCode extends CodeEntry {
  /** lower-case initials of the name (and of each alias), e.g. "jczqjshsqzl" */
  initials: string[];
  /** the name, label and aliases, for substring search */
  names: string[];
}

export function initialsOf(text: string): string {
  return pinyin(text, { pattern: "first", toneType: "none", type: "array" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const cache = new WeakMap<readonly CodeEntry[], IndexedCode[]>();

/** Indexes a code list once (the same array object is indexed only the first time). */
export function indexCodes(entries: readonly CodeEntry[]): IndexedCode[] {
  let hit = cache.get(entries);
  if (!hit) {
    hit = entries.map((e) => {
      const names = [e.name, e.label, ...(e.aliases ?? [])].filter((x): x is string => !!x);
      return { ...e, names, initials: [...new Set(names.map(initialsOf))] };
    });
    cache.set(entries, hit);
  }
  return hit;
}

/**
 * Matches ranked: code prefix, then initials prefix, then name prefix, then name substring, then initials
 * substring; shorter (higher-level) codes first within a rank. A query like "2080208 基层…" (code and
 * name pasted together) searches by its code.
 */
export function searchCodes(index: readonly IndexedCode[], query: string, limit = 50, accept: (e: IndexedCode) => boolean = () => true): IndexedCode[] {
  const q0 = query.trim().toLowerCase();
  if (!q0) return index.filter(accept).slice(0, limit);
  const lead = /^(\d+)(?:\s|$)/.exec(q0);
  const q = lead ? lead[1]! : q0;
  const scored: { e: IndexedCode; score: number }[] = [];
  for (const e of index) {
    if (!accept(e)) continue;
    let score = -1;
    if (e.code.startsWith(q)) score = 0;
    else if (e.initials.some((i) => i.startsWith(q))) score = 1;
    else if (e.names.some((n) => n.startsWith(q))) score = 2;
    else if (e.names.some((n) => n.includes(q))) score = 3;
    else if (q.length >= 2 && e.initials.some((i) => i.includes(q))) score = 4;
    if (score >= 0) scored.push({ e, score });
  }
  scored.sort((a, b) => a.score - b.score || a.e.code.length - b.e.code.length || (a.e.code < b.e.code ? -1 : a.e.code > b.e.code ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.e);
}
