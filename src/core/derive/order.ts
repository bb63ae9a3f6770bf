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
  return items.sort();
}

/** The distinct strings of `items`, in code-unit order. */
export function sortedUnique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}

/** Sorts codes in place in `compareCodes` order (codes of digits only, the usual case, in character order). */
export function sortCodes(codes: string[]): string[] {
  return codes.every(isDigits) ? codes.sort() : codes.sort(compareCodes);
}

/** Sorts items in place, stably, by the code `codeOf` gives, in `compareCodes` order. */
export function sortByCode<T>(items: T[], codeOf: (item: T) => string): T[] {
  if (items.every((x) => isDigits(codeOf(x)))) return items.sort((a, b) => compareText(codeOf(a), codeOf(b)));
  return items.sort((a, b) => compareCodes(codeOf(a), codeOf(b)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys of a map in code order (as `[...m.keys()].sort((a, b) => a.localeCompare(b))`). */
export function keysByCode(m: ReadonlyMap<string, unknown>): string[] {
  return sortCodes([...m.keys()]);
}
