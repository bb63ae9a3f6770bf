/**
 * 扫描页图像 — a page image as rendered by `pdftoppm -gray` (binary PGM, P5): parsed, its rulings (long
 * straight dark runs: a table's lines) found and erased, so that OCR reads only the characters and the
 * table reader (pdf-grid.ts) gets the rulings as segments, as it does from a PDF's vector drawing.
 */
import type { Segment } from "./pdf-ink.ts";

/** A greyscale image, one byte a pixel (0 black … 255 white), rows top to bottom. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Below this grey level a pixel is ink. */
const DARK = 160;

/** Reads a binary PGM (P5, maxval ≤ 255); undefined when the bytes are not one. */
export function parsePgm(bytes: Uint8Array): GrayImage | undefined {
  let pos = 0;
  const token = (): string => {
    // whitespace and comments between header tokens
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] !== 0x23) break;
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    let s = "";
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]!))) s += String.fromCharCode(bytes[pos++]!);
    return s;
  };
  if (token() !== "P5") return undefined;
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  pos++; // the single whitespace byte after maxval
  if (!(width > 0 && height > 0 && max > 0 && max < 256) || bytes.length - pos < width * height) return undefined;
  return { width, height, pixels: bytes.subarray(pos, pos + width * height) };
}

/** The image as a binary PGM. */
export function writePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/** Rulings of a page image, in pixels, and the image with them erased (white). */
export interface Rulings {
  horizontal: Segment[];
  vertical: Segment[];
  erased: GrayImage;
}

/**
 * Horizontal and vertical rulings: dark runs at least `minFraction` of the page's smaller side long
 * (characters are far shorter). Adjacent pixel rows of one thick line become one segment at their middle.
 */
export function findRulings(image: GrayImage, minFraction = 0.04): Rulings {
  const { width, height, pixels } = image;
  const minRun = Math.max(20, Math.round(Math.min(width, height) * minFraction));
  const erased = new Uint8Array(pixels);
  const dark = (x: number, y: number) => pixels[y * width + x]! < DARK;
  const rawH: Segment[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      if (x < width && dark(x, y)) {
        if (start < 0) start = x;
      } else if (start >= 0) {
        if (x - start >= minRun) {
          rawH.push({ x0: start, y0: y, x1: x - 1, y1: y });
        }
        start = -1;
      }
    }
  }
  const rawV: Segment[] = [];
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      if (y < height && dark(x, y)) {
        if (start < 0) start = y;
      } else if (start >= 0) {
        if (y - start >= minRun) {
          rawV.push({ x0: x, y0: start, x1: x, y1: y - 1 });
        }
        start = -1;
      }
    }
  }
  const horizontal = mergeThick(rawH, "h");
  const vertical = mergeThick(rawV, "v");
  // a ruling's blurred edges (scanner, JPEG) would read as "|" or quotes: erase a band around it
  const margin = 2;
  const clear = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) erased[y * width + x] = 255;
  };
  for (const s of horizontal)
    for (let y = Math.floor(s.y0 - s.thickness / 2 - margin); y <= Math.ceil(s.y0 + s.thickness / 2 + margin); y++) for (let x = s.x0; x <= s.x1; x++) clear(x, y);
  for (const s of vertical)
    for (let x = Math.floor(s.x0 - s.thickness / 2 - margin); x <= Math.ceil(s.x0 + s.thickness / 2 + margin); x++) for (let y = s.y0; y <= s.y1; y++) clear(x, y);
  const plain = (s: Segment & { thickness: number }): Segment => ({ x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1 });
  return { horizontal: horizontal.map(plain), vertical: vertical.map(plain), erased: { width, height, pixels: erased } };
}

/** Runs on neighbouring pixel rows (or columns) that overlap are one ruling, placed at their middle. */
function mergeThick(runs: readonly Segment[], dir: "h" | "v"): (Segment & { thickness: number })[] {
  const across = (s: Segment) => (dir === "h" ? s.y0 : s.x0);
  const from = (s: Segment) => (dir === "h" ? s.x0 : s.y0);
  const to = (s: Segment) => (dir === "h" ? s.x1 : s.y1);
  const groups: { first: number; last: number; from: number; to: number }[] = [];
  const sorted = [...runs].sort((a, b) => across(a) - across(b) || from(a) - from(b));
  for (const s of sorted) {
    const g = groups.find((k) => across(s) - k.last <= 1 && from(s) <= k.to && to(s) >= k.from);
    if (g) {
      g.last = across(s);
      g.from = Math.min(g.from, from(s));
      g.to = Math.max(g.to, to(s));
    } else groups.push({ first: across(s), last: across(s), from: from(s), to: to(s) });
  }
  return groups.map((g) => {
    const mid = (g.first + g.last) / 2;
    const thickness = g.last - g.first + 1;
    return dir === "h" ? { x0: g.from, y0: mid, x1: g.to, y1: mid, thickness } : { x0: mid, y0: g.from, x1: mid, y1: g.to, thickness };
  });
}
