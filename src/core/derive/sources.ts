/**
 * Amounts by funding source (资金来源) as arrays indexed by each source's position in FUNDING_SOURCES:
 * one small array per table row instead of a 15-key record, and sums over fixed index lists.
 */
import type { FundingSource } from "../model.ts";
import { SOURCE_FACTS } from "../classify.ts";
import { EXTRA_SOURCES, FUNDING_SOURCES, FUNDING_SOURCE_NAMES, HENAN_SOURCES } from "../model.ts";
import { type Fen, fen } from "../money.ts";

/** Amounts by funding source: position i holds the amount of FUNDING_SOURCES[i] (a row across the source columns). */
export type BySource = number[];

export const SOURCE_COUNT = FUNDING_SOURCES.length;

const INDEX: ReadonlyMap<string, number> = new Map(FUNDING_SOURCES.map((s, i) => [s, i]));

/** The position of a source in FUNDING_SOURCES, or -1 for a string that is not a funding source. */
export function sourceIndex(source: string): number {
  return INDEX.get(source) ?? -1;
}

function indexesOf(sources: readonly FundingSource[]): number[] {
  return sources.map((s) => sourceIndex(s));
}

/** Positions of the 一般公共预算 sub-sources (classify.ts says which sources they are). */
export const GPB_INDEXES: readonly number[] = SOURCE_FACTS.filter((f) => f.group === "gpb").map((f) => f.index);
/** Positions of 财政拨款 in table 4's sense: 一般公共预算, then 政府性基金, 国有资本经营. */
export const APPROPRIATION_INDEXES: readonly number[] = SOURCE_FACTS.filter((f) => f.appropriation).map((f) => f.index);
export const GOVERNMENT_FUND = sourceIndex("government-fund");
export const STATE_CAPITAL = sourceIndex("state-capital");
export const CARRY_OVER = sourceIndex("carry-over");
export const GPB_APPROPRIATION = sourceIndex("gpb-appropriation");
const HENAN_INDEXES: readonly number[] = indexesOf(HENAN_SOURCES);
const EXTRA_INDEXES: readonly number[] = indexesOf(EXTRA_SOURCES);

/** Each source's name (FUNDING_SOURCE_NAMES) by position. */
export const SOURCE_NAME_AT: readonly string[] = FUNDING_SOURCES.map((s) => FUNDING_SOURCE_NAMES[s]);

/** For each position: is it one of the 一般公共预算 sub-sources? */
export const IS_GPB: readonly boolean[] = SOURCE_FACTS.map((f) => f.group === "gpb");

/** A fresh row of zeros, one per funding source. */
export function emptyBySource(): BySource {
  return FUNDING_SOURCES.map(() => 0);
}

/** The sum of a row over every source. */
export function totalOf(row: BySource): Fen {
  let t = 0;
  for (let i = 0; i < row.length; i++) t += row[i]!;
  return fen(t);
}

/** The sum of a row over the sources at `indexes`. */
export function totalAt(row: BySource, indexes: readonly number[]): Fen {
  let t = 0;
  for (let i = 0; i < indexes.length; i++) t += row[indexes[i]!]!;
  return fen(t);
}

/**
 * The source columns a table prints (as positions): Henan's fixed set, plus the other sources where
 * `used` says the data has non-zero amounts for them.
 */
export function sourceColumnIndexes(used: readonly boolean[]): number[] {
  const columns = HENAN_INDEXES.slice();
  for (const i of EXTRA_INDEXES) if (used[i]) columns.push(i);
  return columns;
}

/** For each position, the source's rank when source names sort with `localeCompare` (how income is listed). */
export const SOURCE_NAME_RANK: readonly number[] = (() => {
  const byName = FUNDING_SOURCES.map((s, i) => ({ s, i })).sort((a, b) => a.s.localeCompare(b.s));
  const rank: number[] = new Array<number>(SOURCE_COUNT).fill(0);
  byName.forEach(({ i }, r) => (rank[i] = r));
  return rank;
})();
