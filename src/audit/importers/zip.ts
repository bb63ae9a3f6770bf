/**
 * ZIP 检查 — what an XLSX or DOCX file holds, read from the zip's central directory before any library
 * unpacks it: the entry names (to tell a workbook from a Word document) and whether it is safe to open —
 * not truncated, not too many entries, no part that inflates beyond the limits (a zip bomb), and no XML
 * part that declares entities (a "billion laughs" XML bomb). Only the first bytes of XML parts are
 * inflated, with bounded output.
 */
import { constants, inflateRawSync } from "node:zlib";

export interface ZipLimits {
  maxEntries: number;
  /** total uncompressed bytes of all entries */
  maxTotal: number;
  /** uncompressed bytes of one entry */
  maxEntry: number;
  /** uncompressed / compressed, for entries above 1 MB uncompressed */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotal: 1_000_000_000, maxEntry: 400_000_000, maxRatio: 250 };

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** offset of the local header */
  offset: number;
}

export type ZipCheck =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: "damaged" | "unsafe" | "too-large"; detail: string };

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** The central directory's entries, or why the file is not a readable zip. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record is in the last 65,557 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "damaged", detail: "no end of central directory (truncated or not a zip)" };
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff) return { ok: false, reason: "damaged", detail: "ZIP64 archives are not supported" };
  if (count > limits.maxEntries) return { ok: false, reason: "too-large", detail: `${count} entries (limit ${limits.maxEntries})` };
  if (start + size > bytes.length) return { ok: false, reason: "damaged", detail: "central directory beyond the end of the file (truncated)" };
  const entries: ZipEntry[] = [];
  let p = start;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CEN) return { ok: false, reason: "damaged", detail: "broken central directory" };
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.length) return { ok: false, reason: "damaged", detail: "broken central directory" };
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (offset + 30 > bytes.length || offset + compressed > bytes.length) return { ok: false, reason: "damaged", detail: `entry ${name} beyond the end of the file (truncated)` };
    if (uncompressed > limits.maxEntry) return { ok: false, reason: "too-large", detail: `${name} inflates to ${uncompressed} bytes (limit ${limits.maxEntry})` };
    if (uncompressed > 1_000_000 && uncompressed / Math.max(1, compressed) > limits.maxRatio) {
      return { ok: false, reason: "unsafe", detail: `${name} inflates ${Math.round(uncompressed / Math.max(1, compressed))}-fold (a zip bomb?)` };
    }
    total += uncompressed;
    if (total > limits.maxTotal) return { ok: false, reason: "too-large", detail: `the parts inflate to more than ${limits.maxTotal} bytes` };
    entries.push({ name, method, compressed, size: uncompressed, offset });
    p += 46 + nameLength + extra + comment;
  }
  return { ok: true, entries };
}

/** The first bytes of an entry, inflated (at most about `max` bytes); undefined when unreadable. */
export function entryHead(bytes: Uint8Array, e: ZipEntry, max = 4096): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(e.offset, true) !== LOC) return undefined;
  const data = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const raw = bytes.subarray(data, Math.min(bytes.length, data + Math.min(e.compressed, max)));
  if (e.method === 0) return raw.subarray(0, max);
  if (e.method !== 8) return undefined;
  try {
    return inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, max * 4);
  } catch {
    return undefined;
  }
}

/**
 * Inflates every entry with its output capped at the size the directory declares: a part whose data
 * inflates beyond what it declares (a lying zip bomb) or does not inflate is named.
 */
export function verifyEntries(bytes: Uint8Array, entries: readonly ZipEntry[]): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.method !== 8 || e.size === 0) continue;
    if (view.getUint32(e.offset, true) !== LOC) return e.name;
    const data = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    try {
      const out = inflateRawSync(bytes.subarray(data, data + e.compressed), { maxOutputLength: e.size + 1 });
      if (out.length !== e.size) return e.name;
    } catch {
      return e.name;
    }
  }
  return undefined;
}

/** Looks for entity declarations (<!DOCTYPE … <!ENTITY) at the start of every XML part. */
export function findXmlBomb(bytes: Uint8Array, entries: readonly ZipEntry[]): string | undefined {
  for (const e of entries) {
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    const head = entryHead(bytes, e);
    if (!head) continue;
    const text = new TextDecoder("utf-8", { fatal: false }).decode(head);
    if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return e.name;
  }
  return undefined;
}

/** "xlsx", "docx" or undefined, from the parts a zip holds. */
export function officeKind(entries: readonly ZipEntry[]): "xlsx" | "docx" | undefined {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.xml")) return "xlsx";
  if (names.has("word/document.xml")) return "docx";
  return undefined;
}
