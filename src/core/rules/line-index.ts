/**
 * 明细索引 — each line item's unit and codes as small numbers, from one pass over the lines, for the rule
 * families that read them (codes, mapping, units). Each of them used to look every line's unit or code up
 * in a map of its own; a map look-up of a code string is the most frequent single cost of checking a
 * budget of a few hundred lines. Shared per context, like every `shared` result: pure, and not changed by
 * its readers.
 */
import type { RuleContext } from "./finding.ts";
import { shared } from "./helpers.ts";

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

export interface LineIndex {
  /** per line: the position of its unit in `budget.units` (the first unit of that code), -1 when it names none */
  unit: Int32Array;
  /** per line: the number of its economic code in `economic` */
  economicId: Int32Array;
  economic: CodeList;
  /** per line: the number of its functional code in `functional` */
  functionalId: Int32Array;
  functional: CodeList;
}

/** The context's line index, made once. */
export function lineIndex(ctx: RuleContext): LineIndex {
  return shared(ctx, buildLineIndex);
}

function buildLineIndex(ctx: RuleContext): LineIndex {
  const lines = ctx.budget.lineItems;
  const n = lines.length;
  const unit = new Int32Array(n);
  const economicId = new Int32Array(n);
  const functionalId = new Int32Array(n);
  const economic = codeList();
  const functional = codeList();
  // lines of one unit usually come together: the last unit looked up is kept at hand
  let lastCode: string | undefined;
  let lastUnit = -1;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (l.unit !== lastCode) {
      lastCode = l.unit;
      lastUnit = ctx.unitIndex.get(l.unit) ?? -1;
    }
    unit[i] = lastUnit;
    economicId[i] = idOf(economic, l.economic, i);
    functionalId[i] = idOf(functional, l.functional, i);
  }
  return { unit, economicId, economic, functionalId, functional };
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
