/**
 * PDF 解压检查 — a PDF's compressed streams measured before a PDF library decodes them. A 1 MB PDF can hold a
 * content stream that inflates to gigabytes (a deflate bomb); pdf.js would decode it into one growing
 * ArrayBuffer, outside any JavaScript heap limit. So every stream is decoded here first, streamed and
 * counted, keeping nothing, and the file is refused as soon as one stream, or all together, pass a limit:
 *
 * - a stream pdf.js decodes (page content, fonts, object streams, forms, metadata) at most `maxStream`;
 * - an image (`/Subtype /Image`; the reader skips images) at most the size its width, height, colours
 *   and bits declare — a picture that inflates beyond its own pixels is a lie — and at most `maxImage`;
 * - everything together at most `maxTotal`.
 *
 * Filters counted: FlateDecode, LZWDecode, ASCIIHexDecode, ASCII85Decode and RunLengthDecode, alone or
 * chained. Image codecs end the count, and JPEG (DCTDecode) and JBIG2 images are bounded by the pixels they
 * declare instead — width × height × colours from the image's dictionary, and for a JPEG also from its
 * frame header (SOF), which is what a decoder allocates for: at most `maxImage` decoded.
 * An encrypted file's streams cannot be measured before decryption; they are counted as far as they
 * inflate (usually not at all) and the reader's time limit remains their bound.
 */
import { createInflate } from "node:zlib";
import { byteSize } from "./zip.ts";

/** 解压限制 — what a PDF's streams may inflate to. */
export interface PdfStreamLimits {
  /** inflated bytes of one non-image stream */
  maxStream: number;
  /** inflated bytes of one image stream (also bounded by its declared pixels) */
  maxImage: number;
  /** inflated bytes of all streams together */
  maxTotal: number;
}

/** Limits with a wide margin over real budget PDFs (the largest stream in the corpus inflates to a few MB). */
export const PDF_STREAM_LIMITS: PdfStreamLimits = { maxStream: 64 * 1024 * 1024, maxImage: 128 * 1024 * 1024, maxTotal: 512 * 1024 * 1024 };

export interface PdfStreamTooLarge {
  /** the object holding the stream, "12 0 obj" */
  object: string;
  /**
   * what was passed: one stream, one image (beyond its own pixels or the image limit), an image whose
   * declared pixels decode past the image limit (JPEG, JBIG2), or all together
   */
  what: "stream" | "image" | "pixels" | "total";
  /** the limit passed, bytes */
  limit: number;
  /** the pixels an image declares ("pixels"), width × height */
  pixels?: { width: number; height: number };
}

export type PdfStreamCheck = { ok: true; streams: number; inflated: number } | ({ ok: false } & PdfStreamTooLarge);

const FILTER_NAMES: Record<string, Filter> = {
  FlateDecode: "flate",
  Fl: "flate",
  LZWDecode: "lzw",
  LZW: "lzw",
  ASCIIHexDecode: "hex",
  AHx: "hex",
  ASCII85Decode: "a85",
  A85: "a85",
  RunLengthDecode: "rl",
  RL: "rl",
};

type Filter = "flate" | "lzw" | "hex" | "a85" | "rl";

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/** Every stream of the file measured against the limits, in file order; stops at the first one past a limit. */
export async function checkPdfStreams(bytes: Uint8Array, limits: PdfStreamLimits = PDF_STREAM_LIMITS): Promise<PdfStreamCheck> {
  // latin1 keeps one character per byte, so string offsets are byte offsets
  const text = latin1(bytes);
  let total = 0;
  let streams = 0;
  // one regex per call: the checks of several files may interleave at their awaits
  const STREAM = /stream\r?\n/g;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    const keyword = m.index;
    // "endstream" ends in "stream"; a stream keyword follows its dictionary's ">>"
    if (text.slice(Math.max(0, keyword - 3), keyword) === "end" || !/>>\s*$/.test(text.slice(Math.max(0, keyword - 16), keyword))) continue;
    const start = keyword + m[0].length;
    const head = objectHead(text, keyword);
    const end = text.indexOf("endstream", start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    STREAM.lastIndex = end < 0 ? text.length : end + 9;
    if (!head) continue;
    const coded = codedImage(head.dict, data, limits.maxImage);
    if (coded) return { ok: false, object: head.object, what: "pixels", limit: limits.maxImage, pixels: coded };
    const filters = filtersOf(head.dict, text);
    if (filters.length === 0) continue;
    streams++;
    const image = /\/Subtype\s*\/Image\b/.test(head.dict);
    const ownCap = image ? Math.min(limits.maxImage, declaredPixels(head.dict) ?? limits.maxImage) : limits.maxStream;
    const cap = Math.min(ownCap, limits.maxTotal - total);
    const size = await decodedLength(data, filters, cap);
    if (size > cap) {
      const what = cap < ownCap ? "total" : image ? "image" : "stream";
      return { ok: false, object: head.object, what, limit: what === "total" ? limits.maxTotal : ownCap };
    }
    total += size;
  }
  return { ok: true, streams, inflated: total };
}

/** The stream's object ("12 0 obj") and its dictionary's text: from the last "obj" before the keyword. */
function objectHead(text: string, keyword: number): { object: string; dict: string } | undefined {
  const at = text.lastIndexOf("obj", keyword);
  if (at < 0 || keyword - at > 1_000_000) return undefined;
  const m = /(\d+)\s+(\d+)\s+$/.exec(text.slice(Math.max(0, at - 24), at));
  if (!m) return undefined;
  return { object: `${m[1]} ${m[2]} obj`, dict: text.slice(at + 3, keyword) };
}

/** The stream's filters in order; an indirect /Filter is looked up in the file. Unknown filters end the list. */
function filtersOf(dict: string, text: string): Filter[] {
  const m = /\/Filter\s*(\/[^\s/[\]<>()]+|\[[^\]]*\]|(\d+)\s+(\d+)\s+R)/.exec(dict);
  if (!m) return [];
  let value = m[1]!;
  if (m[2] !== undefined) {
    const target = new RegExp(`(?:^|[^\\d])${m[2]}\\s+${m[3]}\\s+obj\\s*(\\/[^\\s/[\\]<>()]+|\\[[^\\]]*\\])`).exec(text);
    if (!target) return [];
    value = target[1]!;
  }
  const names = value.match(/\/[^\s/[\]<>()]+/g) ?? [];
  const filters: Filter[] = [];
  for (const n of names) {
    const f = FILTER_NAMES[n.slice(1)];
    if (!f) break;
    filters.push(f);
  }
  return filters;
}

const int = (dict: string, key: string, fallback: number): number => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\b(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : fallback;
};

/**
 * An image's decoded bytes as its dictionary declares them (rows of packed samples, plus a predictor byte a
 * row); undefined when its size is not written in the dictionary itself.
 */
function declaredPixels(dict: string): number | undefined {
  const width = int(dict, "Width", 0) || int(dict, "W", 0);
  const height = int(dict, "Height", 0) || int(dict, "H", 0);
  const mask = /\/ImageMask\s+true/.test(dict);
  const bits = mask ? 1 : int(dict, "BitsPerComponent", 8);
  // an unnamed or indexed colour space may hold up to 4 colours (CMYK); /DeviceGray 1, /DeviceRGB 3
  const colours = mask || /\/ColorSpace\s*\/DeviceGray\b/.test(dict) ? 1 : /\/ColorSpace\s*\/DeviceRGB\b/.test(dict) ? 3 : 4;
  if (width === 0 || height === 0) return undefined;
  return (Math.ceil((width * colours * Math.min(bits, 16)) / 8) + 1) * height;
}

/** The image codecs a decoder allocates pixels for: JPEG and JBIG2 (names in full and abbreviated). */
const PIXEL_CODECS = /\/Filter\s*(?:\[[^\]]*)?\/(DCTDecode|DCT|JBIG2Decode)\b/;

/**
 * A JPEG or JBIG2 image whose declared pixels decode past `maxImage`: its width and height, else undefined.
 * The dictionary's /Width, /Height and colour space, and for a JPEG that is the stream's first filter, the
 * size and components its frame header (SOF) declares — a decoder allocates for the header, whatever the
 * dictionary says.
 */
function codedImage(dict: string, data: Uint8Array, maxImage: number): { width: number; height: number } | undefined {
  const codec = PIXEL_CODECS.exec(dict)?.[1];
  if (!codec) return undefined;
  const jbig2 = codec === "JBIG2Decode";
  const width = int(dict, "Width", 0) || int(dict, "W", 0);
  const height = int(dict, "Height", 0) || int(dict, "H", 0);
  const colours = jbig2 ? 1 : /\/ColorSpace\s*\/DeviceGray\b/.test(dict) ? 1 : /\/ColorSpace\s*\/DeviceRGB\b/.test(dict) ? 3 : 4;
  const bytes = (w: number, h: number, c: number, bits: number) => Math.ceil((w * c * bits) / 8) * h;
  if (bytes(width, height, colours, jbig2 ? 1 : 8) > maxImage) return { width, height };
  const first = /\/Filter\s*(?:\[\s*)?\/(DCTDecode|DCT)\b/.test(dict);
  const frame = first ? jpegFrame(data) : undefined;
  if (frame && bytes(frame.width, frame.height, frame.components, 8) > maxImage) return { width: frame.width, height: frame.height };
  return undefined;
}

/** A JPEG's frame header (SOF0–SOF15 but DHT, JPG and DAC): its width, height and components; walked marker by marker. */
export function jpegFrame(data: Uint8Array): { width: number; height: number; components: number } | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image, or scan data before any frame
    const length = (data[at + 2]! << 8) | data[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (data[at + 5]! << 8) | data[at + 6]!, width: (data[at + 7]! << 8) | data[at + 8]!, components: data[at + 9]! };
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * The length of `data` decoded through `filters`, or `cap + 1` as soon as it passes `cap`. Only the last
 * filter's output is counted without being kept; the ones before it are kept (at most `cap` bytes).
 */
async function decodedLength(data: Uint8Array, filters: readonly Filter[], cap: number): Promise<number> {
  let input = data;
  for (let i = 0; i < filters.length; i++) {
    const last = i === filters.length - 1;
    const out = await decode(filters[i]!, input, cap, !last);
    if (out.length > cap || last) return out.length;
    input = out.bytes!;
  }
  return input.length;
}

interface Decoded {
  length: number;
  bytes?: Uint8Array;
}

function decode(filter: Filter, data: Uint8Array, cap: number, keep: boolean): Promise<Decoded> | Decoded {
  switch (filter) {
    case "flate":
      return inflateCounted(data, cap, keep);
    case "lzw":
      return lzw(data, cap, keep);
    case "rl":
      return runLength(data, cap, keep);
    case "hex":
      return kept(asciiHex(data));
    case "a85":
      return kept(ascii85(data));
  }
}

const kept = (bytes: Uint8Array): Decoded => ({ length: bytes.length, bytes });

/** zlib inflation on zlib's thread pool, in 256 KB chunks, stopped one chunk past the cap; a broken tail ends the count. */
function inflateCounted(data: Uint8Array, cap: number, keep: boolean): Promise<Decoded> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 256 * 1024 });
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(keep && length <= cap ? { length, bytes: Buffer.concat(chunks) } : { length });
    };
    inflate.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (keep) chunks.push(chunk);
      if (length > cap) finish();
    });
    inflate.on("end", finish);
    inflate.on("error", finish);
    inflate.end(data);
  });
}

/** LZW as PDF writes it (EarlyChange 1): each code's output length follows from its table entry's, so nothing need be kept to count. */
function lzw(data: Uint8Array, cap: number, keep: boolean): Decoded {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const lengths = new Int32Array(4096);
  for (let c = 0; c < 256; c++) {
    suffix[c] = c;
    lengths[c] = 1;
    prefix[c] = -1;
  }
  const out: number[] = [];
  let next = 258;
  let width = 9;
  let previous = -1;
  let buffer = 0;
  let bits = 0;
  let length = 0;
  const firstByte = (code: number): number => {
    let c = code;
    while (prefix[c]! >= 0) c = prefix[c]!;
    return suffix[c]!;
  };
  const emit = (code: number): void => {
    if (!keep) return;
    const s: number[] = [];
    for (let c = code; c >= 0; c = prefix[c]!) s.push(suffix[c]!);
    for (let i = s.length - 1; i >= 0; i--) out.push(s[i]!);
  };
  for (let i = 0; i < data.length; i++) {
    buffer = (buffer << 8) | data[i]!;
    bits += 8;
    while (bits >= width) {
      bits -= width;
      const code = (buffer >>> bits) & ((1 << width) - 1);
      buffer &= (1 << bits) - 1;
      if (code === 256) {
        next = 258;
        width = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return { length, ...(keep ? { bytes: Uint8Array.from(out) } : {}) };
      // the first code after a clear is a byte; a code past the table repeats the previous string and its first byte (as pdf.js reads it)
      if (previous < 0 && code >= 258) return { length };
      let effective = code;
      if (previous >= 0 && next < 4096) {
        const repeat = code >= next;
        prefix[next] = previous;
        suffix[next] = firstByte(repeat ? previous : code);
        lengths[next] = lengths[previous]! + 1;
        if (repeat) effective = next;
        next++;
      }
      length += lengths[effective]!;
      if (length > cap) return { length };
      emit(effective);
      previous = effective;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
  }
  return { length, ...(keep ? { bytes: Uint8Array.from(out) } : {}) };
}

function runLength(data: Uint8Array, cap: number, keep: boolean): Decoded {
  const out: number[] = [];
  let length = 0;
  let i = 0;
  while (i < data.length) {
    const n = data[i]!;
    if (n === 128) break;
    if (n < 128) {
      const run = data.subarray(i + 1, i + 2 + n);
      length += run.length;
      if (keep && length <= cap) out.push(...run);
      i += 2 + n;
    } else {
      length += 257 - n;
      if (keep && length <= cap) for (let k = 0; k < 257 - n; k++) out.push(data[i + 1] ?? 0);
      i += 2;
    }
    if (length > cap) return { length };
  }
  return { length, ...(keep ? { bytes: Uint8Array.from(out) } : {}) };
}

function asciiHex(data: Uint8Array): Uint8Array {
  const digits = latin1(data).split(">")[0]!.replace(/[^0-9a-fA-F]/g, "");
  return Buffer.from(digits.length % 2 ? `${digits}0` : digits, "hex");
}

function ascii85(data: Uint8Array): Uint8Array {
  const text = latin1(data).split("~>")[0]!.replace(/\s/g, "");
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number): void => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    out.push(...bytes.slice(0, n));
    group = [];
  };
  for (const ch of text) {
    if (ch === "z" && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const d = ch.charCodeAt(0) - 33;
    if (d < 0 || d > 84) break;
    group.push(d);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Uint8Array.from(out);
}

/** The refusal as the user reads it, Chinese first. */
export function pdfStreamProblemText(check: PdfStreamTooLarge, file: string): string {
  const mb = byteSize;
  switch (check.what) {
    case "image":
      return `文件“${file}”的图像（${check.object}）解压后超过其声明的像素大小或 ${mb(check.limit)}（可能是压缩炸弹），拒绝读取 / "${file}": an image (${check.object}) inflates beyond its declared pixels or ${mb(check.limit)} (a deflate bomb?) and the file was not read`;
    case "pixels": {
      const { width, height } = check.pixels!;
      return `文件“${file}”的图像（${check.object}）声明 ${width} × ${height} 像素，解码后超过 ${mb(check.limit)}（可能是图像炸弹），拒绝读取 / "${file}": an image (${check.object}) declares ${width} × ${height} pixels, more than ${mb(check.limit)} decoded (an image bomb?), and the file was not read`;
    }
    case "total":
      return `文件“${file}”的压缩数据解压后合计超过 ${mb(check.limit)}（可能是压缩炸弹），拒绝读取 / "${file}": its compressed data inflates to more than ${mb(check.limit)} in all (a deflate bomb?) and the file was not read`;
    default:
      return `文件“${file}”的数据流（${check.object}）解压后超过 ${mb(check.limit)}（可能是压缩炸弹），拒绝读取 / "${file}": a stream (${check.object}) inflates to more than ${mb(check.limit)} (a deflate bomb?) and the file was not read`;
  }
}
