/**
 * The order tables print codes in. Codes sort as `localeCompare` sorts them; for codes of ASCII digits
 * only (every classification and unit code), that order is the plain character order, which is far
 * cheaper to compute, so those take a fast path and anything else goes to `localeCompare`.
 */

/** True when `s` is ASCII digits only (the empty string included). */
function isDigits(s: string): boolean {
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

/** Map entries in code order (as `[...m.entries()].sort(([a], [b]) => a.localeCompare(b))`). */
export function entriesByCode<V>(m: ReadonlyMap<string, V>): [string, V][] {
  return [...m.entries()].sort((x, y) => compareCodes(x[0], y[0]));
}
