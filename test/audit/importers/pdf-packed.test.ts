/** The packed form a page's ink crosses threads in (pdf-packed.ts) gives back the same ink. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PageInk } from "../../../src/audit/importers/pdf-ink.ts";
import { packInk, unpackInk } from "../../../src/audit/importers/pdf-packed.ts";

const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const segment = fc.record({ x0: num, y0: num, x1: num, y1: num });
const ink: fc.Arbitrary<PageInk> = fc.record({
  width: num,
  height: num,
  drawn: fc.boolean(),
  glyphs: fc.array(fc.record({ ch: fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }), x0: num, x1: num, y: num, size: num, font: fc.constantFrom("g_d0_f1", "g_d0_f2", ""), bold: fc.boolean(), space: fc.boolean() }), { maxLength: 60 }),
  horizontal: fc.array(segment, { maxLength: 20 }),
  vertical: fc.array(segment, { maxLength: 20 }),
});

describe("packed page ink", () => {
  it("property: unpack(pack(ink)) equals ink", () => {
    fc.assert(
      fc.property(ink, (i) => {
        expect(unpackInk(structuredClone(packInk(i)))).toEqual(i);
      }),
    );
  });
});
