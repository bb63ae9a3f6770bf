/**
 * Font subsets (字体子集) for the HTML: the PDF's own fonts (Noto Serif SC / Noto Sans SC, SIL OFL 1.1, from
 * the `@expo-google-fonts/*` packages) cut down to the characters a document uses, so the standalone HTML
 * carries its fonts inside it and never shows a character as a box on a machine without a CJK font.
 *
 * HarfBuzz's subsetter (`harfbuzzjs`, its WebAssembly build, no imports) does the cutting. Each font file is
 * read and handed to HarfBuzz once; every subset after that only copies out the glyphs it needs.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The fonts the renderers use, by family and weight (the same TTF files the PDF embeds). */
export const FONT_FILES = {
  "Noto Serif SC": {
    400: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
    700: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  },
  "Noto Sans SC": {
    400: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    700: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
  },
} as const;

export type FontFamily = keyof typeof FONT_FILES;
export type FontWeight = 400 | 700;

interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

/** HB_MEMORY_MODE_READONLY: HarfBuzz reads the font where it lies in its memory. */
const READONLY = 1;
/** HB_SUBSET_FLAGS_NO_HINTING: screens and printers hint CJK outlines themselves; the hints are a third of the size. */
const NO_HINTING = 0x1;

let hb: HarfBuzz | undefined;
const faces = new Map<string, number>();
const require = createRequire(import.meta.url);

function harfBuzz(): HarfBuzz {
  if (!hb) {
    const wasm = readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    hb = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as HarfBuzz;
  }
  return hb;
}

/** The HarfBuzz face of a font file, loaded into HarfBuzz's memory once and kept. */
function face(file: string): number {
  const known = faces.get(file);
  if (known !== undefined) return known;
  const h = harfBuzz();
  const bytes = readFileSync(require.resolve(file));
  const ptr = h.malloc(bytes.byteLength);
  new Uint8Array(h.memory.buffer).set(bytes, ptr);
  const blob = h.hb_blob_create(ptr, bytes.byteLength, READONLY, 0, 0);
  const f = h.hb_face_create(blob, 0);
  h.hb_blob_destroy(blob);
  faces.set(file, f);
  return f;
}

/** A TrueType font holding only the glyphs of `text`'s characters (and what they need: .notdef, composites). */
export function subsetFont(family: FontFamily, weight: FontWeight, text: string): Uint8Array {
  const h = harfBuzz();
  const f = face(FONT_FILES[family][weight]);
  const input = h.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error("HarfBuzz could not create a subset input (out of memory)");
  try {
    h.hb_subset_input_set_flags(input, h.hb_subset_input_get_flags(input) | NO_HINTING);
    const set = h.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) h.hb_set_add(set, ch.codePointAt(0)!);
    const subset = h.hb_subset_or_fail(f, input);
    if (subset === 0) throw new Error(`HarfBuzz could not subset ${family} ${weight}`);
    const blob = h.hb_face_reference_blob(subset);
    try {
      const at = h.hb_blob_get_data(blob, 0);
      // copied out: HarfBuzz's memory is reused (and may grow, detaching any view of it) by the next call
      return new Uint8Array(h.memory.buffer, at, h.hb_blob_get_length(blob)).slice();
    } finally {
      h.hb_blob_destroy(blob);
      h.hb_face_destroy(subset);
    }
  } finally {
    h.hb_subset_input_destroy(input);
  }
}
