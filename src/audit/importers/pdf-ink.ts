/**
 * PDF 页面笔迹 — what a page draws, read from pdfjs's operator list in one pass: every glyph with its
 * position (the text layer) and every straight horizontal or vertical line (table rulings), in page
 * coordinates with y growing downwards. One pass over the operator list costs about what pdfjs's own
 * text extraction does, and unlike it keeps real space glyphs apart from mere gaps (so "2021 年" set with
 * CJK–Latin spacing reads "2021年", while a printed "收 入" keeps its space).
 */

/** One glyph: its text, advance box on the baseline, size and font. */
export interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  /** baseline, y downwards */
  y: number;
  size: number;
  font: string;
  bold: boolean;
  /** a space glyph (drawn as a glyph, not a gap) */
  space: boolean;
}

/** An axis-aligned ruling: horizontal when y0 = y1 (x0 < x1), vertical when x0 = x1 (y0 < y1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageInk {
  width: number;
  height: number;
  glyphs: Glyph[];
  horizontal: Segment[];
  vertical: Segment[];
  /**
   * something other than text and rulings was drawn (an image, or more than a few shapes that are not
   * rulings): a page without text is then scanned, not blank
   */
  drawn: boolean;
}

/** The operator codes used here (pdfjs `OPS`, stable across 4.x). */
export const OP = {
  setLineWidth: 2,
  setGState: 9,
  save: 10,
  restore: 11,
  transform: 12,
  moveTo: 13,
  lineTo: 14,
  curveTo: 15,
  curveTo2: 16,
  curveTo3: 17,
  closePath: 18,
  rectangle: 19,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintSolidColorImageMask: 90,
  constructPath: 91,
} as const;

export type Matrix = [number, number, number, number, number, number];

/** What pdfjs's main thread knows of a font (FontFaceObject); every field may be missing. */
export interface FontInfo {
  fontMatrix?: number[];
  vertical?: boolean;
  bold?: boolean;
  black?: boolean;
  name?: string;
  isType3Font?: boolean;
}

interface PdfGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
  vmetric?: number[];
}

interface TextState {
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  font: string;
  fontSize: number;
  fontDirection: number;
  fontMatrix: number[];
  bold: boolean;
  vertical: boolean;
}

interface State {
  ctm: Matrix;
  text: TextState;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `outer` after `inner` (pdfjs `Util.transform(outer, inner)`): points go through `inner` first. */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const m = outer;
  const n = inner;
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const BOLD_NAME = /bold|black|heavy|semibold|demi|hei|黑/i;
/** A transform scaling by this much (pt per unit) places an image: text and paths are set at scale ~1. */
const IMAGE_SCALE = 20;

/** A shape covering this share of the page's width and height is its background. */
const BACKGROUND_COVER = 0.9;

/** A ruling is at most this thick (pt) when drawn as a filled rectangle. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter strokes are not rulings (tick marks, underline dots). */
const MIN_RULE_LENGTH = 3;

export interface InkLimits {
  /** glyphs kept per page; the rest are ignored */
  maxGlyphs: number;
  /** rulings kept per page */
  maxSegments: number;
}

export const INK_LIMITS: InkLimits = { maxGlyphs: 200_000, maxSegments: 50_000 };

/**
 * Reads a page's operator list. `view` maps PDF user space to the page as shown (pdfjs viewport
 * transform at scale 1: rotation applied, y downwards); `fontOf` gives the font object of a loaded name.
 */
export function readInk(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  view: Matrix,
  size: { width: number; height: number },
  fontOf: (name: string) => FontInfo | undefined,
  limits: InkLimits = INK_LIMITS,
): PageInk {
  const ink: PageInk = { width: size.width, height: size.height, glyphs: [], horizontal: [], vertical: [], drawn: false };
  const newText = (): TextState => ({
    tm: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    font: "",
    fontSize: 0,
    fontDirection: 1,
    fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    bold: false,
    vertical: false,
  });
  let st: State = { ctm: view, text: newText() };
  const stack: State[] = [];
  const fonts = new Map<string, FontInfo | undefined>();
  const fontInfo = (name: string) => {
    if (!fonts.has(name)) fonts.set(name, fontOf(name));
    return fonts.get(name);
  };
  /** path points of the path being built, in page coordinates, as polylines */
  let path: [number, number][][] = [];
  let rects: [number, number, number, number][] = [];

  const setFont = (name: string, size: number) => {
    const t = st.text;
    const f = fontInfo(name);
    t.font = name;
    t.fontDirection = size < 0 ? -1 : 1;
    t.fontSize = Math.abs(size);
    t.fontMatrix = f?.fontMatrix && f.fontMatrix[0] ? f.fontMatrix : [0.001, 0, 0, 0.001, 0, 0];
    t.bold = !!(f?.bold || f?.black || (f?.name && BOLD_NAME.test(f.name)));
    t.vertical = !!f?.vertical;
  };

  const showText = (glyphs: readonly (PdfGlyph | number | null)[]) => {
    const t = st.text;
    if (t.fontSize === 0) return;
    const m = compose(st.ctm, t.tm);
    const hScale = t.hScale * t.fontDirection;
    const advanceScale = t.fontSize * t.fontMatrix[0]!;
    // size of 1 text-space unit vertically, in page units
    const scaleY = Math.hypot(m[2], m[3]);
    const size = t.fontSize * scaleY;
    let x = 0;
    const [a, b, c, d, e, f] = m;
    const ty = t.y + t.rise;
    const glyphSize = size > 0 ? size : t.fontSize;
    for (const g of glyphs) {
      if (g === null || g === undefined) continue;
      if (typeof g === "number") {
        x += (t.vertical ? 1 : -1) * ((g * t.fontSize) / 1000);
        continue;
      }
      const width = (g.width ?? 0) * advanceScale;
      const spacing = (g.isSpace ? t.wordSpacing : 0) + t.charSpacing;
      if (!t.vertical) {
        if (ink.glyphs.length < limits.maxGlyphs && g.unicode) {
          const tx0 = t.x + x * hScale;
          const tx1 = t.x + (x + width) * hScale;
          const ax = a * tx0 + c * ty + e;
          const bx = a * tx1 + c * ty + e;
          const u = g.unicode;
          ink.glyphs.push({
            ch: u,
            x0: ax < bx ? ax : bx,
            x1: ax < bx ? bx : ax,
            y: b * tx0 + d * ty + f,
            size: glyphSize,
            font: t.font,
            bold: t.bold,
            // a space by what it prints (pdfjs's isSpace means "byte 32", which word spacing applies to, whatever its glyph)
            space: u.length === 1 ? u.charCodeAt(0) <= 32 || u === "\u3000" || u === "\u00a0" : u.trim() === "",
          });
        }
        x += width + spacing * t.fontDirection;
      } else {
        const [ax, ay] = apply(m, t.x, t.y - x);
        if (ink.glyphs.length < limits.maxGlyphs && g.unicode) {
          const w = t.fontSize * scaleY;
          ink.glyphs.push({ ch: g.unicode, x0: ax - w / 2, x1: ax + w / 2, y: ay, size: w, font: t.font, bold: t.bold, space: g.unicode.trim() === "" });
        }
        x += -(g.vmetric?.[0] ?? -(g.width ?? 1000)) * advanceScale - spacing * t.fontDirection;
      }
    }
    if (t.vertical) t.y -= x;
    else t.x += x * hScale;
  };

  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    const dx = Math.abs(bx - ax);
    const dy = Math.abs(by - ay);
    if (dy < 0.5 && dx >= MIN_RULE_LENGTH) {
      if (ink.horizontal.length < limits.maxSegments) ink.horizontal.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
    } else if (dx < 0.5 && dy >= MIN_RULE_LENGTH) {
      if (ink.vertical.length < limits.maxSegments) ink.vertical.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  };

  const isBackground = () => {
    const xs = [...path.flatMap((l) => l.map((q) => q[0])), ...rects.flatMap((r) => [r[0], r[2]])];
    const ys = [...path.flatMap((l) => l.map((q) => q[1])), ...rects.flatMap((r) => [r[1], r[3]])];
    if (xs.length === 0) return true;
    return Math.max(...xs) - Math.min(...xs) >= BACKGROUND_COVER * ink.width && Math.max(...ys) - Math.min(...ys) >= BACKGROUND_COVER * ink.height;
  };
  const paint = (stroke: boolean, fill: boolean) => {
    const rulings = ink.horizontal.length + ink.vertical.length;
    if (stroke) {
      for (const line of path) for (let i = 1; i < line.length; i++) addSegment(line[i - 1]![0], line[i - 1]![1], line[i]![0], line[i]![1]);
      for (const [x0, y0, x1, y1] of rects) {
        addSegment(x0, y0, x1, y0);
        addSegment(x0, y1, x1, y1);
        addSegment(x0, y0, x0, y1);
        addSegment(x1, y0, x1, y1);
      }
    } else if (fill) {
      // thin filled rectangles are rulings (Word and Excel draw borders so)
      for (const [x0, y0, x1, y1] of rects) {
        const w = x1 - x0;
        const h = y1 - y0;
        if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) addSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) addSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      }
    }
    // a path that is no ruling draws something (text drawn as outlines, a chart), unless it is the page's
    // background; rulings and a background alone leave a page blank
    if (ink.horizontal.length + ink.vertical.length === rulings && !isBackground()) ink.drawn = true;
    path = [];
    rects = [];
  };

  const constructPath = (ops: readonly number[], coords: readonly number[]) => {
    let j = 0;
    let current: [number, number][] | undefined;
    const m = st.ctm;
    const axisAligned = (Math.abs(m[1]) < 1e-9 && Math.abs(m[2]) < 1e-9) || (Math.abs(m[0]) < 1e-9 && Math.abs(m[3]) < 1e-9);
    for (const op of ops) {
      switch (op) {
        case OP.rectangle: {
          const x = coords[j++]!;
          const y = coords[j++]!;
          const w = coords[j++]!;
          const h = coords[j++]!;
          const [ax, ay] = apply(m, x, y);
          const [bx, by] = apply(m, x + w, y + h);
          if (axisAligned) rects.push([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]);
          current = undefined;
          break;
        }
        case OP.moveTo: {
          current = [apply(m, coords[j]!, coords[j + 1]!)];
          path.push(current);
          j += 2;
          break;
        }
        case OP.lineTo: {
          const p = apply(m, coords[j]!, coords[j + 1]!);
          j += 2;
          if (!current) {
            current = [p];
            path.push(current);
          } else current.push(p);
          break;
        }
        case OP.curveTo:
          j += 6;
          current = undefined;
          break;
        case OP.curveTo2:
        case OP.curveTo3:
          j += 4;
          current = undefined;
          break;
        case OP.closePath:
          if (current && current.length > 1) current.push(current[0]!);
          break;
        default:
          break;
      }
    }
    // a closed axis-aligned four-point path is a rectangle (for thin filled rulings)
    for (const line of path) {
      if (line.length === 5 || line.length === 4) {
        const xs = line.map((p) => p[0]);
        const ys = line.map((p) => p[1]);
        const distinctX = new Set(xs.map((v) => Math.round(v * 10))).size;
        const distinctY = new Set(ys.map((v) => Math.round(v * 10))).size;
        if (distinctX <= 2 && distinctY <= 2) rects.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
      }
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OP.save:
        stack.push({ ctm: st.ctm, text: { ...st.text } });
        break;
      case OP.restore: {
        const s = stack.pop();
        if (s) st = s;
        break;
      }
      case OP.transform: {
        const m = (args as number[]).map((v) => Number(v) || 0) as Matrix;
        st.ctm = compose(st.ctm, m);
        // images are not decoded here (maxImageSize 0), so their paint never reaches the list: an image is
        // known by the matrix placing it, which scales the unit square to its printed size
        if (Math.max(Math.abs(m[0]), Math.abs(m[1]), Math.abs(m[2]), Math.abs(m[3])) >= IMAGE_SCALE) ink.drawn = true;
        break;
      }
      case OP.paintFormXObjectBegin: {
        stack.push({ ctm: st.ctm, text: { ...st.text } });
        const matrix = args?.[0] as Matrix | null;
        if (Array.isArray(matrix) && matrix.length === 6) st.ctm = compose(st.ctm, matrix);
        break;
      }
      case OP.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) st = s;
        break;
      }
      case OP.beginText:
        st.text.tm = IDENTITY;
        st.text.x = st.text.lineX = 0;
        st.text.y = st.text.lineY = 0;
        break;
      case OP.setCharSpacing:
        st.text.charSpacing = Number(args?.[0]) || 0;
        break;
      case OP.setWordSpacing:
        st.text.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OP.setHScale:
        st.text.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OP.setLeading:
        st.text.leading = -(Number(args?.[0]) || 0);
        break;
      case OP.setFont:
        setFont(String(args?.[0] ?? ""), Number(args?.[1]) || 0);
        break;
      case OP.setGState:
        for (const entry of (args?.[0] as unknown[][] | undefined) ?? []) {
          if (Array.isArray(entry) && entry[0] === "Font" && Array.isArray(entry[1])) setFont(String(entry[1][0]), Number(entry[1][1]) || 0);
        }
        break;
      case OP.setTextRise:
        st.text.rise = Number(args?.[0]) || 0;
        break;
      case OP.moveText:
        st.text.x = st.text.lineX += Number(args?.[0]) || 0;
        st.text.y = st.text.lineY += Number(args?.[1]) || 0;
        break;
      case OP.setLeadingMoveText: {
        const y = Number(args?.[1]) || 0;
        st.text.leading = y;
        st.text.x = st.text.lineX += Number(args?.[0]) || 0;
        st.text.y = st.text.lineY += y;
        break;
      }
      case OP.setTextMatrix:
        st.text.tm = (args as number[]).slice(0, 6).map((v) => Number(v) || 0) as Matrix;
        st.text.x = st.text.lineX = 0;
        st.text.y = st.text.lineY = 0;
        break;
      case OP.nextLine:
        st.text.x = st.text.lineX;
        st.text.y = st.text.lineY += st.text.leading;
        break;
      case OP.showText:
        if (Array.isArray(args?.[0])) showText(args[0] as (PdfGlyph | number)[]);
        break;
      case OP.constructPath:
        if (Array.isArray(args?.[0]) && Array.isArray(args[1])) constructPath(args[0] as number[], args[1] as number[]);
        break;
      case OP.stroke:
      case OP.closeStroke:
        paint(true, false);
        break;
      case OP.fill:
      case OP.eoFill:
        paint(false, true);
        break;
      case OP.fillStroke:
      case OP.eoFillStroke:
      case OP.closeFillStroke:
      case OP.closeEOFillStroke:
        paint(true, true);
        break;
      case OP.endPath:
        path = [];
        rects = [];
        break;
      case OP.paintImageXObject:
      case OP.paintInlineImageXObject:
      case OP.paintImageMaskXObject:
      case OP.paintSolidColorImageMask:
        ink.drawn = true;
        break;
      default:
        break;
    }
  }
  return ink;
}
