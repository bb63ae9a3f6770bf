/**
 * 行窗口 — which rows of a long grid to render: the rows under the scroll viewport plus an overscan, and
 * the empty space above and below them that keeps the scroll height as if every row were there. Rows
 * have one fixed height, so the arithmetic is exact and needs no measuring.
 */

export interface RowWindowInput {
  /** the scroll container's scrollTop (0 shows the first row at the top) */
  scrollTop: number;
  /** the height in which rows show */
  viewport: number;
  rowHeight: number;
  count: number;
  /** rows rendered beyond each edge of the viewport */
  overscan: number;
}

export interface RowWindow {
  /** the first rendered row */
  first: number;
  /** one past the last rendered row */
  last: number;
  /** the height standing in for the rows before `first` */
  padTop: number;
  /** the height standing in for the rows from `last` on */
  padBottom: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function rowWindow({ scrollTop, viewport, rowHeight, count, overscan }: RowWindowInput): RowWindow {
  const top = Math.max(0, scrollTop);
  const start = Math.floor(top / rowHeight);
  // the row at the top always counts, even in a viewport of no height
  const end = Math.max(start + 1, Math.ceil((top + Math.max(0, viewport)) / rowHeight));
  const first = clamp(start - overscan, 0, count);
  const last = clamp(end + overscan, first, count);
  return { first, last, padTop: first * rowHeight, padBottom: (count - last) * rowHeight };
}

/**
 * The scrollTop that shows row `row` whole in a viewport of `viewport` px, moving as little as possible
 * from `scrollTop` (like scrollIntoView's "nearest"); the same scrollTop when the row shows already.
 */
export function scrollTopShowing(row: number, rowHeight: number, scrollTop: number, viewport: number): number {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return viewport < rowHeight ? top : bottom - viewport;
  return scrollTop;
}

/** A row to render, or a run of `skip` rows from `from` that stands in as empty space. */
export type RowSlot = { row: number } | { skip: number; from: number };

/**
 * The rows of the window and the `pinned` ones outside it (the focused row, the row being edited, which
 * must stay in the document), in order, with the rows between them as skips. The slots cover 0..count-1
 * once each.
 */
export function rowSlots(first: number, last: number, count: number, pinned: readonly number[] = []): RowSlot[] {
  const rows = new Set<number>();
  for (let r = Math.max(0, first); r < Math.min(last, count); r++) rows.add(r);
  for (const r of pinned) if (Number.isInteger(r) && r >= 0 && r < count) rows.add(r);
  const slots: RowSlot[] = [];
  let next = 0;
  for (const r of [...rows].sort((a, b) => a - b)) {
    if (r > next) slots.push({ skip: r - next, from: next });
    slots.push({ row: r });
    next = r + 1;
  }
  if (count > next) slots.push({ skip: count - next, from: next });
  return slots;
}
