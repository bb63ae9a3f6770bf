/**
 * 文字识别 (OCR) — reads a scanned PDF page (one without a text layer) as text with positions, through a
 * plain interface so the reading code does not know which engine is behind it. The engine here is Debian's
 * `tesseract-ocr` with its simplified-Chinese data (`tesseract-ocr-chi-sim`), the page rendered by poppler's
 * `pdftoppm` (both from apt; `.ci/run` installs them). The page image's rulings are found and erased first
 * (ocr-image.ts): tesseract reads a ruled table badly, and the rulings go to the table reader as segments.
 *
 * Bounded: each page has a time limit, each document a page limit (`OCR_LIMITS`); when an engine is
 * missing the caller reports the page as scanned and not read, as before.
 */
import { execFile } from "node:child_process";
import { type GrayImage, findRulings, parsePgm, writePgm } from "./ocr-image.ts";
import { correctTitle } from "./ocr-titles.ts";
import type { Glyph, PageInk, Segment } from "./pdf-ink.ts";

/** 识别的词 — a word read by OCR, in page points (y downwards), with its line and confidence (0–100). */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** the line it belongs to: words of one line share it */
  line: number;
  /** the line's top and bottom, in points (words of a line share a baseline) */
  lineTop: number;
  lineBottom: number;
  confidence: number;
}

/** 识别的页 — what OCR read of one page: its words and the rulings found in the image, in points. */
export interface OcrPage {
  width: number;
  height: number;
  words: OcrWord[];
  horizontal: Segment[];
  vertical: Segment[];
}

/** An OCR engine: reads page `page` (1-based) of a PDF; throws when it cannot (the caller reports it). */
export interface OcrEngine {
  /** a name for messages, e.g. "tesseract 5.3.0 chi_sim" */
  readonly name: string;
  readPage(pdf: Uint8Array, page: number, timeoutMs: number): Promise<OcrPage>;
}

export interface OcrLimits {
  /** scanned pages read by OCR in one document; the rest are reported as not read */
  maxPages: number;
  /** time for one page (render + recognise) */
  pageTimeoutMs: number;
}

export const OCR_LIMITS: OcrLimits = { maxPages: 20, pageTimeoutMs: 60_000 };

/** Render resolution: tesseract reads best with characters some 30 pixels high. */
const DPI = 300;
const PT_PER_PX = 72 / DPI;

function run(cmd: string, args: readonly string[], input: Uint8Array | undefined, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      { encoding: "buffer", maxBuffer: 256 << 20, timeout: timeoutMs, killSignal: "SIGKILL", env: { ...process.env, OMP_THREAD_LIMIT: "1" } },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.on("error", () => undefined);
    if (input) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/**
 * Words from tesseract's TSV (level 5 rows), scaled from pixels to points. A word is kept with its line's
 * box, so that a line's words share one baseline even where the characters differ in height.
 */
export function parseTsv(tsv: string, ptPerPx: number): OcrWord[] {
  const lines = new Map<string, { top: number; bottom: number }>();
  const words: OcrWord[] = [];
  const lineIds = new Map<string, number>();
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12) continue;
    const [level, , block, par, line] = f;
    const key = `${block}|${par}|${line}`;
    const [left, top, width, height, conf] = f.slice(6, 11).map(Number) as [number, number, number, number, number];
    if (level === "4") lines.set(key, { top, bottom: top + height });
    const text = f.slice(11).join("\t").trim();
    if (level !== "5" || text === "") continue;
    const box = lines.get(key) ?? { top, bottom: top + height };
    if (!lineIds.has(key)) lineIds.set(key, lineIds.size);
    words.push({
      text,
      x0: left * ptPerPx,
      x1: (left + width) * ptPerPx,
      y0: top * ptPerPx,
      y1: (top + height) * ptPerPx,
      line: lineIds.get(key)!,
      lineTop: box.top * ptPerPx,
      lineBottom: box.bottom * ptPerPx,
      confidence: conf,
    });
  }
  return words;
}

const scale = (s: Segment): Segment => ({ x0: s.x0 * PT_PER_PX, y0: s.y0 * PT_PER_PX, x1: s.x1 * PT_PER_PX, y1: s.y1 * PT_PER_PX });

/** tesseract (chi_sim) over pdftoppm's rendering, the page's rulings erased first. */
export const tesseractEngine: OcrEngine = {
  name: "tesseract chi_sim",
  async readPage(pdf, page, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    const pgm = await run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(DPI), "-gray", "-singlefile", "-"], pdf, left());
    const image: GrayImage | undefined = parsePgm(pgm);
    if (!image) throw new Error("pdftoppm did not return an image");
    const rulings = findRulings(image);
    const words = hasInk(rulings.erased) ? parseTsv((await run("tesseract", ["stdin", "stdout", "-l", "chi_sim", "--psm", "6", "tsv"], writePgm(rulings.erased), left())).toString("utf8"), PT_PER_PX) : [];
    return {
      width: image.width * PT_PER_PX,
      height: image.height * PT_PER_PX,
      words,
      horizontal: rulings.horizontal.map(scale),
      vertical: rulings.vertical.map(scale),
    };
  },
};

/** Ink left once the rulings are erased (more than one pixel in 5,000): a page of only boxes or a tint has none to read. */
function hasInk(image: GrayImage): boolean {
  let dark = 0;
  for (const v of image.pixels) if (v < 160) dark++;
  return dark * 5_000 > image.pixels.length;
}

let available: Promise<OcrEngine | undefined> | undefined;

/**
 * The OCR engine when this machine has it (tesseract with chi_sim data, and pdftoppm), else undefined.
 * Checked once a process. `YUSUAN_OCR=off` turns OCR off (scanned pages are then reported as not read).
 */
export function ocrEngine(): Promise<OcrEngine | undefined> {
  if (process.env.YUSUAN_OCR === "off") return Promise.resolve(undefined);
  available ??= (async () => {
    try {
      const langs = (await run("tesseract", ["--list-langs"], undefined, 10_000)).toString("utf8");
      if (!/^chi_sim$/m.test(langs)) return undefined;
      await run("pdftoppm", ["-v"], undefined, 10_000);
      return tesseractEngine;
    } catch {
      return undefined;
    }
  })();
  return available;
}

/** The font name glyphs read by OCR carry: the mark that their figures were read by OCR. */
export const OCR_FONT = "ocr";

/**
 * What OCR read of a page as the page's ink, the shape a text layer gives (pdf-ink.ts): each word's
 * characters spread evenly over its box, on its line's baseline, sized by its line's height; the rulings
 * found in the image as segments. Glyphs carry the font `OCR_FONT`. A line that is a garbled table title
 * is read as the title (ocr-titles.ts).
 */
export function ocrInk(page: OcrPage): PageInk {
  const glyphs: Glyph[] = [];
  const words = correctTitles(page.words);
  words.forEach((w, i) => {
    // tesseract's box of a word of several Chinese characters may reach over the next word: it ends there
    const next = words[i + 1];
    const x1 = next && next.line === w.line && next.x0 > w.x0 && next.x0 < w.x1 ? next.x0 : w.x1;
    const chars = [...w.text];
    const step = (x1 - w.x0) / chars.length;
    const size = Math.max(1, w.lineBottom - w.lineTop);
    chars.forEach((ch, k) => {
      glyphs.push({ ch, x0: w.x0 + k * step, x1: w.x0 + (k + 1) * step, y: w.lineBottom, size, font: OCR_FONT, bold: false, space: false });
    });
  });
  return { width: page.width, height: page.height, glyphs, horizontal: page.horizontal, vertical: page.vertical, drawn: true };
}

/** A line whose text is close to a registry table title becomes one word holding that title. */
function correctTitles(words: readonly OcrWord[]): OcrWord[] {
  const out: OcrWord[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && words[j]!.line === words[i]!.line) j++;
    const line = words.slice(i, j);
    const title = correctTitle(line.map((w) => w.text).join(""));
    if (title) out.push({ ...line[0]!, text: title, x1: Math.max(...line.map((w) => w.x1)) });
    else out.push(...line);
    i = j;
  }
  return out;
}
