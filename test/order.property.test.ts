/** The order tables print codes in (derive/order.ts): `compareCodes` and the sorts built on it give the order of `localeCompare`. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keysByCode, sortByCode, sortCodes, sortStrings, sortedUnique } from "../src/core/derive/order.ts";

/** Codes as budgets have them (digits, mostly of one length), and odd ones (other lengths, letters, full-width digits). */
const digitCode = (length: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: length, maxLength: length }).map((d) => d.join(""));
const code = fc.oneof(
  { weight: 6, arbitrary: digitCode(5) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 16 }).chain(digitCode) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom("３０１", "30a01", "", "产出指标", "301", "30101", "3010101", "9999999999999999", "3010", "30100", "0", "00", "99999999999999") },
);
/** Lists of codes of one length (the numeric path), of any codes, short and past the insertion-sort limit. */
const lists = fc.oneof(
  fc.array(digitCode(5), { maxLength: 80 }),
  fc.array(digitCode(7), { maxLength: 12 }),
  fc.array(fc.constantFrom("30101", "30102", "30201", "20101", "30199"), { maxLength: 40 }), // codes that repeat
  fc.array(code, { maxLength: 80 }),
);

describe("code order", () => {
  it("sortStrings is the code-unit order of Array.prototype.sort()", () => {
    fc.assert(
      fc.property(lists, (xs) => {
        expect(sortStrings(xs.slice())).toEqual(xs.slice().sort());
      }),
      { numRuns: 1500 },
    );
  });
  it("sortedUnique is the sorted list of the distinct strings", () => {
    fc.assert(
      fc.property(lists, (xs) => {
        expect(sortedUnique(xs.slice())).toEqual([...new Set(xs)].sort());
      }),
      { numRuns: 1500 },
    );
  });
  it("sortCodes and keysByCode are the order of localeCompare", () => {
    fc.assert(
      fc.property(lists, (xs) => {
        const expected = xs.slice().sort((a, b) => a.localeCompare(b));
        expect(sortCodes(xs.slice())).toEqual(expected);
        expect(keysByCode(new Map(xs.map((x) => [x, 0])))).toEqual([...new Set(expected)]);
      }),
      { numRuns: 1500 },
    );
  });
  it("sortByCode sorts items stably by their codes, as localeCompare orders the codes", () => {
    fc.assert(
      fc.property(lists, (xs) => {
        const items = xs.map((c, i) => ({ c, i }));
        const expected = items.slice().sort((a, b) => a.c.localeCompare(b.c) || a.i - b.i);
        expect(sortByCode(items.slice(), (x) => x.c)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});
