/**
 * A page's ink packed for the hop from the reading thread to the main thread (pdf-worker.ts → pdf-thread.ts):
 * numbers in typed arrays whose buffers are transferred (moved, not copied), the glyphs' characters in one string
 * and their fonts as indexes into the page's list of font names. Cloning the same ink as objects, field by field,
 * cost the audit of a PDF a few per cent of its time. `unpackInk(packInk(ink))` equals `ink`.
 */
import type { Glyph, PageInk, Segment } from "./pdf-ink.ts";

export interface PackedInk {
  width: number;
  height: number;
  drawn: boolean;
  /** x0, x1, y, size of each glyph */
  numbers: Float64Array;
  /** bit 0: bold, bit 1: space */
  flags: Uint8Array;
  /** each glyph's characters, one after the other; `lengths` says how many UTF-16 units each has */
  text: string;
  lengths: Uint16Array;
  fonts: string[];
  fontIndex: Uint32Array;
  /** x0, y0, x1, y1 of each horizontal, then each vertical segment */
  segments: Float64Array;
  horizontal: number;
}

export function packInk(ink: PageInk): PackedInk {
  const n = ink.glyphs.length;
  const numbers = new Float64Array(n * 4);
  const flags = new Uint8Array(n);
  const lengths = new Uint16Array(n);
  const fontIndex = new Uint32Array(n);
  const fonts: string[] = [];
  const fontAt = new Map<string, number>();
  let text = "";
  ink.glyphs.forEach((g, i) => {
    numbers.set([g.x0, g.x1, g.y, g.size], i * 4);
    flags[i] = (g.bold ? 1 : 0) | (g.space ? 2 : 0);
    text += g.ch;
    lengths[i] = g.ch.length;
    let f = fontAt.get(g.font);
    if (f === undefined) fontAt.set(g.font, (f = fonts.push(g.font) - 1));
    fontIndex[i] = f;
  });
  const all = [...ink.horizontal, ...ink.vertical];
  const segments = new Float64Array(all.length * 4);
  all.forEach((s, i) => segments.set([s.x0, s.y0, s.x1, s.y1], i * 4));
  return { width: ink.width, height: ink.height, drawn: ink.drawn, numbers, flags, text, lengths, fonts, fontIndex, segments, horizontal: ink.horizontal.length };
}

/** The buffers a packed ink can hand over instead of copying. */
export function packedBuffers(p: PackedInk): ArrayBuffer[] {
  return [p.numbers.buffer, p.flags.buffer, p.lengths.buffer, p.fontIndex.buffer, p.segments.buffer] as ArrayBuffer[];
}

export function unpackInk(p: PackedInk): PageInk {
  const glyphs: Glyph[] = [];
  let at = 0;
  for (let i = 0; i < p.flags.length; i++) {
    const ch = p.text.slice(at, at + p.lengths[i]!);
    at += p.lengths[i]!;
    const k = i * 4;
    glyphs.push({ ch, x0: p.numbers[k]!, x1: p.numbers[k + 1]!, y: p.numbers[k + 2]!, size: p.numbers[k + 3]!, font: p.fonts[p.fontIndex[i]!]!, bold: (p.flags[i]! & 1) !== 0, space: (p.flags[i]! & 2) !== 0 });
  }
  const segments: Segment[] = [];
  for (let k = 0; k < p.segments.length; k += 4) segments.push({ x0: p.segments[k]!, y0: p.segments[k + 1]!, x1: p.segments[k + 2]!, y1: p.segments[k + 3]! });
  return { width: p.width, height: p.height, glyphs, horizontal: segments.slice(0, p.horizontal), vertical: segments.slice(p.horizontal), drawn: p.drawn };
}
