/** 行窗口 — the rows a long grid renders for a scroll position, and the scroll position that shows a row. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowSlots, rowWindow, scrollTopShowing } from "../../src/web/lib/row-window.ts";

const H = 31;

describe("row window", () => {
  it("renders the rows under the viewport plus the overscan, with the rest as padding", () => {
    expect(rowWindow({ scrollTop: 0, viewport: 600, rowHeight: H, count: 5000, overscan: 10 })).toEqual({ first: 0, last: 30, padTop: 0, padBottom: 4970 * H });
    expect(rowWindow({ scrollTop: 100 * H + 5, viewport: 600, rowHeight: H, count: 5000, overscan: 10 })).toEqual({ first: 90, last: 130, padTop: 90 * H, padBottom: 4870 * H });
    expect(rowWindow({ scrollTop: 4990 * H, viewport: 600, rowHeight: H, count: 5000, overscan: 10 })).toEqual({ first: 4980, last: 5000, padTop: 4980 * H, padBottom: 0 });
    expect(rowWindow({ scrollTop: 0, viewport: 600, rowHeight: H, count: 0, overscan: 10 })).toEqual({ first: 0, last: 0, padTop: 0, padBottom: 0 });
  });

  it("scrolls as little as it must to show a row", () => {
    expect(scrollTopShowing(5, H, 0, 600)).toBe(0);
    expect(scrollTopShowing(4999, H, 0, 600)).toBe(5000 * H - 600);
    expect(scrollTopShowing(10, H, 100 * H, 600)).toBe(10 * H);
    expect(scrollTopShowing(3, H, 0, 20)).toBe(3 * H); // a viewport lower than a row shows its top
  });

  const setting = (minRows = 0) => fc.record({
    count: fc.integer({ min: minRows, max: 20_000 }),
    rowHeight: fc.integer({ min: 1, max: 60 }),
    viewport: fc.integer({ min: 0, max: 2000 }),
    overscan: fc.integer({ min: 0, max: 30 }),
  });

  it("keeps the scroll height: padding and rendered rows add up to every row", () => {
    fc.assert(
      fc.property(setting(), fc.double({ min: -50, max: 2_000_000, noNaN: true }), ({ count, rowHeight, viewport, overscan }, scrollTop) => {
        const w = rowWindow({ scrollTop, viewport, rowHeight, count, overscan });
        expect(0 <= w.first && w.first <= w.last && w.last <= count).toBe(true);
        expect(w.padTop + (w.last - w.first) * rowHeight + w.padBottom).toBe(count * rowHeight);
      }),
    );
  });

  it("renders every row for some scroll position: the one that scrolls to it", () => {
    fc.assert(
      fc.property(
        setting(1).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.count - 1 }))),
        ([{ count, rowHeight, viewport, overscan }, row]) => {
          const scrollTop = Math.min(row * rowHeight, Math.max(0, count * rowHeight - viewport));
          const w = rowWindow({ scrollTop, viewport, rowHeight, count, overscan });
          expect(row >= w.first && row < w.last).toBe(true);
        },
      ),
    );
  });

  it("shows the focused row after scrolling to it, whatever the scroll position before", () => {
    fc.assert(
      fc.property(
        setting(1).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.count - 1 }), fc.integer({ min: 0, max: s.count * s.rowHeight }))),
        ([{ count, rowHeight, viewport, overscan }, row, before]) => {
          const scrollTop = scrollTopShowing(row, rowHeight, before, viewport);
          const w = rowWindow({ scrollTop, viewport, rowHeight, count, overscan });
          expect(row >= w.first && row < w.last).toBe(true);
          // whole in the viewport when the viewport can hold a row
          if (viewport >= rowHeight) {
            expect(row * rowHeight).toBeGreaterThanOrEqual(scrollTop);
            expect((row + 1) * rowHeight).toBeLessThanOrEqual(scrollTop + viewport);
          }
        },
      ),
    );
  });

  it("keeps the focused and edited rows in the document when they are outside the window", () => {
    expect(rowSlots(10, 13, 100, [2, 11, 50])).toEqual([{ skip: 2, from: 0 }, { row: 2 }, { skip: 7, from: 3 }, { row: 10 }, { row: 11 }, { row: 12 }, { skip: 37, from: 13 }, { row: 50 }, { skip: 49, from: 51 }]);
    expect(rowSlots(0, 3, 3)).toEqual([{ row: 0 }, { row: 1 }, { row: 2 }]);
    expect(rowSlots(0, 0, 0, [0])).toEqual([]);
  });

  it("covers every row once, in order, with the window and the pinned rows rendered", () => {
    fc.assert(
      fc.property(setting(), fc.nat(2_000_000), fc.array(fc.integer({ min: -5, max: 20_005 }), { maxLength: 3 }), ({ count, rowHeight, viewport, overscan }, scrollTop, pinned) => {
        const w = rowWindow({ scrollTop, viewport, rowHeight, count, overscan });
        const slots = rowSlots(w.first, w.last, count, pinned);
        let next = 0;
        for (const s of slots) {
          if ("row" in s) expect(s.row).toBe(next++);
          else {
            expect(s.from).toBe(next);
            expect(s.skip).toBeGreaterThan(0);
            next += s.skip;
          }
        }
        expect(next).toBe(count);
        const rendered = new Set(slots.flatMap((s) => ("row" in s ? [s.row] : [])));
        for (let r = w.first; r < w.last; r++) expect(rendered.has(r)).toBe(true);
        for (const p of pinned) if (p >= 0 && p < count) expect(rendered.has(p)).toBe(true);
      }),
    );
  });
});
