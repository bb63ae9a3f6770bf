/**
 * The order tables print codes in. Codes sort as `localeCompare` sorts them; for codes of ASCII digits
 * only (every classification and unit code), that order is the plain character order, which is far
 * cheaper to compute, so those take a fast path and anything else goes to `localeCompare`.
 */

/** True when `s` is ASCII digits only (the empty string included). */
export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Compares two codes exactly as `a.localeCompare(b)` orders them (same sign). */
export function compareCodes(a: string, b: string): number {
  if (isDigits(a) && isDigits(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Code-unit order: how `Array.prototype.sort()` without a comparator orders strings. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lists longer than this go to `Array.prototype.sort`; shorter ones are insertion-sorted. */
const SHORT_LIST = 64;

/**
 * Sorts `items` in place, stably, by `compare` — the same order `items.sort(compare)` gives (both sorts
 * are stable). The short lists tables sort are insertion-sorted, which avoids the fixed allocations
 * `Array.prototype.sort` makes on every call.
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT_LIST) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, x) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

/** The longest digit string `digitKeys` gives a number for. */
const MAX_KEY_DIGITS = 14;

/** 10^k for k = 0 … MAX_KEY_DIGITS. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: MAX_KEY_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * The strings as numbers in their code-unit order when every one is ASCII digits, at most 14 of them (as
 * numbers they compare far more cheaply); otherwise undefined. A string's number is its digits padded with
 * zeros to 14 places, times 16, plus its length: a prefix ("301") comes before what it begins ("30101"), and
 * two strings equal but for trailing zeros are told apart by their lengths. Below 2^53, so exact.
 */
function digitKeys(items: readonly string[]): number[] | undefined {
  const keys: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const s = items[i]!;
    const length = s.length;
    if (length > MAX_KEY_DIGITS) return undefined;
    let v = 0;
    for (let j = 0; j < length; j++) {
      const c = s.charCodeAt(j) - 48;
      if (c < 0 || c > 9) return undefined;
      v = v * 10 + c;
    }
    keys.push(v * POWERS_OF_TEN[MAX_KEY_DIGITS - length]! * 16 + length);
  }
  return keys;
}

/** Insertion-sorts `items` by `keys` (numbers, one per item, moved with it); stable. */
function sortByKeys<T>(items: T[], keys: number[]): T[] {
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    const kx = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > kx) {
      items[j + 1] = items[j]!;
      keys[j + 1] = keys[j]!;
      j--;
    }
    items[j + 1] = x;
    keys[j + 1] = kx;
  }
  return items;
}

/**
 * Sorts strings in place in code-unit order (as `sortInPlace(items, compareCodeUnits)`). Short lists are
 * insertion-sorted with the comparison written inline: `sortInPlace` calls a comparator that differs
 * from caller to caller, a call the engine cannot inline, and the code lists of a table are sorted often.
 * Codes of digits (款, 类, 项 …) are sorted by their numbers (`digitKeys`).
 */
export function sortStrings(items: string[]): string[] {
  if (items.length < 2) return items;
  if (items.length > SHORT_LIST) return items.sort(compareCodeUnits);
  const keys = digitKeys(items);
  if (keys) return sortByKeys(items, keys);
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    let j = i - 1;
    while (j >= 0 && items[j]! > x) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

/**
 * Sorts strings in place in code-unit order and drops repeats (as `sortStrings([...new Set(items)])`):
 * for lists gathered with repeats, where sorting first and comparing neighbours is cheaper than a search
 * of the list at every addition.
 */
export function sortedUnique(items: string[]): string[] {
  sortStrings(items);
  let n = 0;
  for (let i = 0; i < items.length; i++) if (n === 0 || items[i] !== items[n - 1]) items[n++] = items[i]!;
  items.length = n;
  return items;
}

/**
 * Sorts codes in place in `compareCodes` order. When every code is digits only (the usual case) that is
 * the character order, so the check is made once for the list instead of in every comparison.
 */
export function sortCodes(codes: string[]): string[] {
  for (let i = 0; i < codes.length; i++) if (!isDigits(codes[i]!)) return sortInPlace(codes, compareCodes);
  return sortStrings(codes);
}

/**
 * Sorts items in place by the code `codeOf` gives, in `compareCodes` order (as `sortCodes` does). For
 * codes of digits the short lists are insertion-sorted by the codes' numbers (`digitKeys`), read once.
 */
export function sortByCode<T>(items: T[], codeOf: (item: T) => string): T[] {
  if (items.length < 2) return items; // already in order (many lists are of one item)
  const codes: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = codeOf(items[i]!);
    if (!isDigits(c)) return sortInPlace(items, (a, b) => compareCodes(codeOf(a), codeOf(b)));
    codes.push(c);
  }
  const keys = items.length > SHORT_LIST ? undefined : digitKeys(codes);
  // (codes of more than 14 digits, rare, and long lists are compared as strings)
  return keys ? sortByKeys(items, keys) : sortInPlace(items, (a, b) => compareCodeUnits(codeOf(a), codeOf(b)));
}

/** The keys of a map in code order (as `[...m.keys()].sort((a, b) => a.localeCompare(b))`). */
export function keysByCode(m: ReadonlyMap<string, unknown>): string[] {
  const keys: string[] = [];
  m.forEach((_, k) => keys.push(k));
  return sortCodes(keys);
}

/** The strings of a set in code-unit order (as `[...set].sort()`). */
export function sortedStrings(set: ReadonlySet<string>): string[] {
  const items: string[] = [];
  set.forEach((x) => items.push(x));
  return sortStrings(items);
}
