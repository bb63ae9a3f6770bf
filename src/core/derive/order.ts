/**
 * The order tables print codes in: the order of `localeCompare`. For codes of ASCII digits only (every
 * classification and unit code) that order is the plain character order, which `compareCodes` uses
 * instead of asking the locale (test/order.property.test.ts holds it to `localeCompare`).
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
  return isDigits(a) && isDigits(b) ? compareText(a, b) : a.localeCompare(b);
}

/** Sorts strings in place in code-unit order (as `Array.prototype.sort()` without a comparator). */
export function sortStrings(items: string[]): string[] {
  return sortInPlace(items, compareText);
}

/** The distinct strings of `items`, in code-unit order. */
export function sortedUnique(items: readonly string[]): string[] {
  return sortStrings([...new Set(items)]);
}

/** Sorts codes in place in `compareCodes` order (codes of digits only, the usual case, in character order). */
export function sortCodes(codes: string[]): string[] {
  return sortInPlace(codes, codes.every(isDigits) ? compareText : compareCodes);
}

/** Sorts items in place, stably, by the code `codeOf` gives, in `compareCodes` order. */
export function sortByCode<T>(items: T[], codeOf: (item: T) => string): T[] {
  const compare = items.every((x) => isDigits(codeOf(x))) ? compareText : compareCodes;
  return sortInPlace(items, (a, b) => compare(codeOf(a), codeOf(b)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lists up to this long are sorted by insertion (see `sortInPlace`). */
const SHORT_LIST = 32;

/**
 * Sorts `items` in place, stably, by `compare`, as `items.sort(compare)` does. A disclosure sorts dozens of
 * short lists (a unit's rows, a table's codes, a figure's 款), and `Array.prototype.sort` allocates its work
 * arrays on every call, which costs more than sorting a short list by insertion.
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

/** The keys of a map in code order (as `[...m.keys()].sort((a, b) => a.localeCompare(b))`). */
export function keysByCode(m: ReadonlyMap<string, unknown>): string[] {
  return sortCodes([...m.keys()]);
}
