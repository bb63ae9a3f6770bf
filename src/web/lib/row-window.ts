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
