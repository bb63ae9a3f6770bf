/**
 * PDF 有框线表格 — tables drawn with ruling lines, rebuilt from the lines: connected rulings make a table;
 * the distinct x of its vertical rulings are the column boundaries and the distinct y of its horizontal
 * ones the row boundaries; a missing ruling between two grid cells merges them (rowspan/colspan). Each
 * glyph goes to the cell its centre falls in; a cell's lines are joined. Merged cells are written once, at
 * their top-left grid position, with blanks where the merge covers, as the document model wants.
 */
import type { Glyph, Segment } from "./pdf-ink.ts";
import { groupLines, joinLines, runText } from "./pdf-text.ts";

/** A ruled table found on a page. */
export interface GridTable {
  /** bounding box, page coordinates (y downwards) */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** column boundaries (left to right) and row boundaries (top to bottom) */
  xs: number[];
  ys: number[];
  /** rows of cell texts; "" where empty or covered by a merge */
  rows: string[][];
  /** per grid row: which positions are covered by a merge from above (continuations across pages) */
  coveredFromAbove: boolean[][];
  /** per grid row and column: the top-left grid row of the merged cell covering it */
  anchorRow: number[][];
}

/** Rulings closer than this (pt) are one line; a gap this small between collinear pieces is closed. */
const TOL = 1.5;
/** Merged rulings per direction beyond which a page is not searched for ruled tables. */
const MAX_RULES = 4_000;

interface Rule {
  /** the fixed coordinate (y of a horizontal, x of a vertical) */
  at: number;
  from: number;
  to: number;
}

/** Collinear pieces (same `at` within TOL) that touch or overlap, merged. */
function mergeRules(rules: Rule[]): Rule[] {
  rules.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  let group: Rule[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const at = group.reduce((s, r) => s + r.at, 0) / group.length;
    group.sort((a, b) => a.from - b.from);
    let cur: Rule = { at, from: group[0]!.from, to: group[0]!.to };
    for (const r of group.slice(1)) {
      if (r.from <= cur.to + TOL) cur.to = Math.max(cur.to, r.to);
      else {
        out.push(cur);
        cur = { at, from: r.from, to: r.to };
      }
    }
    out.push(cur);
    group = [];
  };
  for (const r of rules) {
    if (group.length > 0 && r.at - group[0]!.at > TOL) flush();
    group.push(r);
  }
  flush();
  return out;
}

/** Distinct values, clustered within TOL, sorted. */
function clusterValues(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let first = 0;
  for (const v of values) {
    if (n > 0 && v - first > TOL) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    if (n === 0) first = v;
    sum += v;
    n++;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Index of the interval of sorted `edges` holding v, or -1 outside. */
function slot(edges: readonly number[], v: number): number {
  if (v < edges[0]! || v > edges[edges.length - 1]!) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function covers(rules: readonly Rule[], at: number, v: number): boolean {
  for (const r of rules) if (Math.abs(r.at - at) <= TOL && r.from - TOL <= v && v <= r.to + TOL) return true;
  return false;
}

/**
 * The ruled tables of a page and the glyphs left outside them. A framed box of one cell, or a ruled grid
 * of a single column, is not a table: its glyphs stay with the running text.
 */
export function findGridTables(glyphs: readonly Glyph[], horizontal: readonly Segment[], vertical: readonly Segment[]): { tables: GridTable[]; rest: Glyph[] } {
  const hs = mergeRules(horizontal.map((s) => ({ at: s.y0, from: s.x0, to: s.x1 })));
  const vs = mergeRules(vertical.map((s) => ({ at: s.x0, from: s.y0, to: s.y1 })));
  if (hs.length < 2 || vs.length < 2 || hs.length > MAX_RULES || vs.length > MAX_RULES) return { tables: [], rest: [...glyphs] };
  // connected rulings (a horizontal and a vertical that cross or touch)
  const uf = new UnionFind(hs.length + vs.length);
  const byAt = [...hs.keys()].sort((a, b) => hs[a]!.at - hs[b]!.at);
  for (let j = 0; j < vs.length; j++) {
    const v = vs[j]!;
    // horizontals with at in [v.from - TOL, v.to + TOL]
    let lo = 0;
    let hi = byAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hs[byAt[mid]!]!.at < v.from - TOL) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byAt.length && hs[byAt[k]!]!.at <= v.to + TOL; k++) {
      const h = hs[byAt[k]!]!;
      if (h.from - TOL <= v.at && v.at <= h.to + TOL) uf.union(byAt[k]!, hs.length + j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(uf.find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(uf.find(i), g);
  });
  vs.forEach((v, j) => {
    const root = uf.find(hs.length + j);
    const g = groups.get(root) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(root, g);
  });
  const tables: GridTable[] = [];
  const inTable = new Uint8Array(glyphs.length);
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = clusterValues(g.v.map((v) => v.at));
    const ys = clusterValues(g.h.map((h) => h.at));
    if (xs.length < 3 || ys.length < 2) continue;
    // a page that continues a table may print its first (or last) row without the ruling above (below) it:
    // the column rulings run on past the last horizontal one, and that stretch is a row of its own
    const top = Math.min(...g.v.map((v) => v.from));
    const bottom = Math.max(...g.v.map((v) => v.to));
    if (ys[0]! - top > 2 * TOL) ys.unshift(top);
    if (bottom - ys[ys.length - 1]! > 2 * TOL) ys.push(bottom);
    const table = buildGrid(xs, ys, g.h, g.v, glyphs, inTable);
    if (table) tables.push(table);
  }
  tables.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return { tables, rest: glyphs.filter((_, i) => !inTable[i]) };
}

function buildGrid(xs: number[], ys: number[], hs: Rule[], vs: Rule[], glyphs: readonly Glyph[], inTable: Uint8Array): GridTable | undefined {
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R * C > 200_000) return undefined;
  const uf = new UnionFind(R * C);
  for (let r = 0; r < R; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < C; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < C && !covers(vs, xs[c + 1]!, midY)) uf.union(r * C + c, r * C + c + 1);
      if (r + 1 < R && !covers(hs, ys[r + 1]!, midX)) uf.union(r * C + c, (r + 1) * C + c);
    }
  }
  // glyphs to cells (by their centre)
  const cellGlyphs = new Map<number, Glyph[]>();
  glyphs.forEach((gl, i) => {
    const cx = (gl.x0 + gl.x1) / 2;
    const cy = gl.y - gl.size * 0.35;
    const c = slot(xs, cx);
    const r = slot(ys, cy);
    if (c < 0 || r < 0) return;
    inTable[i] = 1;
    const root = uf.find(r * C + c);
    const list = cellGlyphs.get(root);
    if (list) list.push(gl);
    else cellGlyphs.set(root, [gl]);
  });
  const rows: string[][] = [];
  const coveredFromAbove: boolean[][] = [];
  const anchorRow: number[][] = [];
  for (let r = 0; r < R; r++) {
    const row: string[] = [];
    const covered: boolean[] = [];
    const anchors: number[] = [];
    for (let c = 0; c < C; c++) {
      const root = uf.find(r * C + c);
      const top = Math.floor(root / C);
      anchors.push(top);
      covered.push(top < r);
      const isAnchor = root === r * C + c;
      const list = isAnchor ? cellGlyphs.get(root) : undefined;
      row.push(list ? joinLines(groupLines(list).map(runText)) : "");
    }
    rows.push(row);
    coveredFromAbove.push(covered);
    anchorRow.push(anchors);
  }
  joinSplitRows(rows, coveredFromAbove, anchorRow);
  return { x0: xs[0]!, x1: xs[C]!, y0: ys[0]!, y1: ys[R]!, xs, ys, rows, coveredFromAbove, anchorRow };
}

/**
 * A stray ruling drawn across one column only (a cell's border drawn twice, a little apart) splits that
 * column's cell in two while the row's other cells run on over it: the lower part, holding only what the
 * upper row leaves blank in those columns, belongs to the row above (公开08表 of jiangsu-3b632816: 301's
 * amount under its own label).
 */
function joinSplitRows(rows: string[][], covered: boolean[][], anchors: number[][]): void {
  for (let r = rows.length - 1; r > 0; r--) {
    const row = rows[r]!;
    const above = rows[r - 1]!;
    const filled = row.map((t, c) => (t !== "" ? c : -1)).filter((c) => c >= 0);
    if (filled.length === 0 || filled.length === row.length) continue;
    const othersRunOn = row.every((t, c) => t !== "" || covered[r]![c]);
    if (!othersRunOn || !filled.every((c) => above[c] === "" && !covered[r]![c] && !covered[r - 1]![c])) continue;
    for (const c of filled) above[c] = row[c]!;
    rows.splice(r, 1);
    covered.splice(r, 1);
    anchors.splice(r, 1);
    // rows below that pointed past the removed row now point one higher
    for (const a of anchors) for (let c = 0; c < a.length; c++) if (a[c]! >= r) a[c] = a[c]! - 1;
  }
}
