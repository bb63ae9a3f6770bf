/**
 * Where a PDF puts its glyphs and its rules, read with pdfjs (text items with their positions; the stroked
 * paths of the operator list with the transformation matrix tracked through save/restore), for tests of
 * the printed look: how close a table rule comes to a glyph, how many lines of text a page holds.
 *
 * A glyph's box is the ideographic em box of its text run: from 0.12 em below the baseline to 0.88 em above
 * it (where Noto Serif/Sans SC draw every CJK character; digits and Latin letters stay inside it). The
 * box is larger than the ink, so a gap measured to it is never larger than the gap a reader sees.
 */
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type Matrix, apply, compose } from "../../src/audit/importers/pdf-ink.ts";

/** A run of text on the page, in PDF points (y upwards). */
export interface Glyphs {
  text: string;
  x1: number;
  x2: number;
  /** bottom and top of the em box */
  y1: number;
  y2: number;
  baseline: number;
  size: number;
}

/** A stroked straight segment, horizontal or vertical, with its stroke width. */
export interface Rule {
  horizontal: boolean;
  /** y of a horizontal rule, x of a vertical one */
  at: number;
  from: number;
  to: number;
  width: number;
}

export interface PageGeometry {
  /** 1-based */
  page: number;
  glyphs: Glyphs[];
  rules: Rule[];
}

function segments(ops: number[], coords: number[], ctm: Matrix): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let k = 0;
  let start: [number, number] | null = null;
  let cur: [number, number] | null = null;
  for (const op of ops) {
    if (op === OPS.moveTo) {
      cur = apply(ctm, coords[k]!, coords[k + 1]!);
      start = cur;
      k += 2;
    } else if (op === OPS.lineTo) {
      const p = apply(ctm, coords[k]!, coords[k + 1]!);
      if (cur) out.push([cur[0], cur[1], p[0], p[1]]);
      cur = p;
      k += 2;
    } else if (op === OPS.rectangle) {
      const [x, y, w, h] = coords.slice(k, k + 4) as [number, number, number, number];
      const c = [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)];
      for (let i = 0; i < 4; i++) out.push([c[i]![0], c[i]![1], c[(i + 1) % 4]![0], c[(i + 1) % 4]![1]]);
      k += 4;
    } else if (op === OPS.closePath) {
      if (cur && start) out.push([cur[0], cur[1], start[0], start[1]]);
      cur = start;
    } else if (op === OPS.curveTo) {
      cur = apply(ctm, coords[k + 4]!, coords[k + 5]!);
      k += 6;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      cur = apply(ctm, coords[k + 2]!, coords[k + 3]!);
      k += 4;
    }
  }
  return out;
}

export async function readGeometry(pdf: Uint8Array): Promise<PageGeometry[]> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
  const pages: PageGeometry[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const glyphs: Glyphs[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a, , , d, e, f] = item.transform as Matrix;
        const size = Math.abs(d) || Math.abs(a);
        glyphs.push({ text: item.str, x1: e, x2: e + item.width, y1: f - 0.12 * size, y2: f + 0.88 * size, baseline: f, size });
      }
      const list = await page.getOperatorList();
      const rules: Rule[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      let lineWidth = 1;
      const stack: [Matrix, number][] = [];
      let pending: [number, number, number, number][] = [];
      list.fnArray.forEach((fn, i) => {
        const args = list.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push([ctm, lineWidth]);
        else if (fn === OPS.restore) [ctm, lineWidth] = stack.pop() ?? [ctm, lineWidth];
        else if (fn === OPS.transform) ctm = compose(ctm, args as Matrix);
        else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
        else if (fn === OPS.constructPath) pending = segments(args[0] as number[], args[1] as number[], ctm);
        else if (fn === OPS.stroke || fn === OPS.closeStroke) {
          const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
          for (const [x1, y1, x2, y2] of pending) {
            if (Math.abs(y1 - y2) < 0.01) rules.push({ horizontal: true, at: y1, from: Math.min(x1, x2), to: Math.max(x1, x2), width: lineWidth * scale });
            else if (Math.abs(x1 - x2) < 0.01) rules.push({ horizontal: false, at: x1, from: Math.min(y1, y2), to: Math.max(y1, y2), width: lineWidth * scale });
          }
          pending = [];
        } else if (fn === OPS.fill || fn === OPS.eoFill || fn === OPS.endPath) pending = [];
      });
      pages.push({ page: p, glyphs, rules });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/** Punctuation whose ink sits in the half of its em box towards the text it belongs to. */
const OPENING = /^[（“‘《【〔「]/u;
const CLOSING = /[）”’》】〕」，。、；：！？]$/u;

/**
 * The horizontal extent of a run's ink: Typst sets a full-width bracket at the start of a line, and a
 * comma or closing bracket at its end, half a character into the margin (its ink stays in the line).
 */
function inkX(t: Glyphs): [number, number] {
  return [t.x1 + (OPENING.test(t.text) ? 0.5 * t.size : 0), t.x2 - (CLOSING.test(t.text) ? 0.5 * t.size : 0)];
}

/** The closest any rule's edge comes to a glyph box it runs along (0 when it crosses the box). */
export interface Gap {
  page: number;
  text: string;
  gap: number;
}

/** Each glyph run's smallest gap to a rule beside, above or below it (runs with no rule near are left out). */
export function ruleGaps(g: PageGeometry, within = 6): Gap[] {
  const out: Gap[] = [];
  for (const t of g.glyphs) {
    let best = Number.POSITIVE_INFINITY;
    for (const r of g.rules) {
      const half = r.width / 2;
      if (r.horizontal) {
        if (r.to <= t.x1 || r.from >= t.x2) continue;
        const d = r.at > t.y2 ? r.at - t.y2 : r.at < t.y1 ? t.y1 - r.at : 0;
        best = Math.min(best, Math.max(0, d - half));
      } else {
        if (r.to <= t.y1 || r.from >= t.y2) continue;
        const [x1, x2] = inkX(t);
        const d = r.at > x2 ? r.at - x2 : r.at < x1 ? x1 - r.at : 0;
        best = Math.min(best, Math.max(0, d - half));
      }
    }
    if (best <= within) out.push({ page: g.page, text: t.text, gap: best });
  }
  return out;
}

/** Lines of text on a page: glyph runs grouped by baseline (within 1 pt); the page number "— n —" is not a line. */
export function textLines(g: PageGeometry): string[] {
  const byLine = new Map<number, Glyphs[]>();
  const sorted = [...g.glyphs].sort((a, b) => b.baseline - a.baseline || a.x1 - b.x1);
  let key = Number.NaN;
  for (const t of sorted) {
    if (!(Math.abs(t.baseline - key) <= 1)) key = t.baseline;
    const line = byLine.get(key) ?? [];
    line.push(t);
    byLine.set(key, line);
  }
  return [...byLine.values()].map((l) => l.map((t) => t.text).join("")).filter((s) => !/^\s*—\s*\d+\s*—\s*$/.test(s));
}
