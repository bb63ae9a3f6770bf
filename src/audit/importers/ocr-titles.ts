/**
 * OCR 表名校正 — a table title read by OCR is often garbled in its large bold type ("收支预算总表" read as
 * "改文蔬算总衣"), and a table whose title is not recognised gets no check. A short line read by OCR that
 * is close to a title the template registry prints or accepts (at most a third of its characters
 * different) is read as that title. Only titles of the registry are ever substituted, never guessed text.
 */
import { TEMPLATES, acceptedTitles } from "../../core/templates/index.ts";

let titles: string[] | undefined;

function knownTitles(): string[] {
  titles ??= [...new Set(TEMPLATES.flatMap((t) => t.tables.flatMap((x) => acceptedTitles(x))))].filter((s) => s.length >= 4);
  return titles;
}

/** Levenshtein distance over characters (strings here are a few dozen characters). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The registry title a line read by OCR stands for, or undefined. The line's year ("2018年") is kept in
 * front; noise characters around it (punctuation, Latin letters) are dropped before comparing.
 */
export function correctTitle(line: string): string | undefined {
  const year = /(?:19|20)\d\d年(度)?/.exec(line)?.[0] ?? "";
  const core = line.replace(/(?:19|20)\d\d年(度)?/, "").replace(/[^\u4e00-\u9fff（）()“”"]/g, "");
  if (core.length < 4 || core.length > 40) return undefined;
  let best: { title: string; d: number } | undefined;
  for (const t of knownTitles()) {
    if (Math.abs(t.length - core.length) > t.length / 3) continue;
    const d = editDistance(core, t);
    if (d <= Math.floor(t.length / 3) && (!best || d < best.d)) best = { title: t, d };
  }
  if (!best || best.d === 0) return undefined;
  return `${year}${best.title}`;
}
