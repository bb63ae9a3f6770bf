/**
 * 明细索引 — each line item's unit, codes and funding source as small numbers, from one pass over the lines.
 * A map look-up of a code string is the most frequent single cost of checking a budget of a few hundred
 * lines; the rule families that read lines (codes, mapping, units) read these numbers instead, each code string having been looked up once per line, here.
 */
import type { LineItem } from "../model.ts";
import { sourceIndex } from "./sources.ts";

/** The distinct codes of one field in first-seen order: each code's first line and how many lines use it. */
export interface CodeList {
  codes: string[];
  /** the first line of each code */
  first: number[];
  /** how many lines use each code */
  count: number[];
  /** each code's number */
  ids: Map<string, number>;
}

/**
 * Each per-line list is a plain array of small integers, not a typed array: a typed array of a few hundred
 * entries has its store outside the JavaScript heap, which costs an allocation and a sweep per array per
 * call — more, for a budget's few hundred lines, than the arrays are used for.
 */
export interface LineIndex {
  /** per line: the position of its unit in the budget's units (the first unit of that code), -1 when it names none */
  unit: readonly number[];
  /** per line: the number of its economic code in `economic` */
  economicId: readonly number[];
  economic: CodeList;
  /** per line: the number of its functional code in `functional` */
  functionalId: readonly number[];
  functional: CodeList;
  /** per line: the position of its source in FUNDING_SOURCES (sources.ts `sourceIndex`), -1 for an unknown one */
  source: readonly number[];
}

/**
 * The index of `lines`. `unitIndex` gives the position of each unit code in the budget's units (the first
 * unit of a code, when one repeats).
 */
export function indexLines(lines: readonly LineItem[], unitIndex: ReadonlyMap<string, number>): LineIndex {
  const n = lines.length;
  // made at their full length (filled below), so they never grow
  const unit = new Array<number>(n);
  const economicId = new Array<number>(n);
  const functionalId = new Array<number>(n);
  const source = new Array<number>(n);
  const economic = codeList();
  const functional = codeList();
  // lines of one unit usually come together, and so do lines of one source: the last of each is kept at hand
  let lastCode: string | undefined;
  let lastUnit = -1;
  let lastSource: string | undefined;
  let lastSourceIndex = -1;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (l.unit !== lastCode) {
      lastCode = l.unit;
      lastUnit = unitIndex.get(l.unit) ?? -1;
    }
    unit[i] = lastUnit;
    if (l.source !== lastSource) {
      lastSource = l.source;
      lastSourceIndex = sourceIndex(l.source);
    }
    source[i] = lastSourceIndex;
    economicId[i] = idOf(economic, l.economic, i);
    functionalId[i] = idOf(functional, l.functional, i);
  }
  return { unit, economicId, economic, functionalId, functional, source };
}

/** The position of each code's first item (units or projects: a code may repeat), as line indexes number units. */
export function firstIndex(items: readonly { code: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!.code;
    if (!m.has(c)) m.set(c, i);
  }
  return m;
}

const codeList = (): CodeList => ({ codes: [], first: [], count: [], ids: new Map() });

function idOf(list: CodeList, code: string, line: number): number {
  const id = list.ids.get(code);
  if (id !== undefined) {
    list.count[id]!++;
    return id;
  }
  list.ids.set(code, list.codes.length);
  list.codes.push(code);
  list.first.push(line);
  list.count.push(1);
  return list.codes.length - 1;
}
