/**
 * 压缩包检查 — the one bounded reader every XLSX and DOCX goes through before a library unpacks it (the
 * budget entry workbook, payment exports, catalog files, documents to audit). A small file must not
 * unpack into gigabytes, so, in this order:
 *
 * 1. the central directory's declared sizes: too many entries, one part or all parts together larger than
 *    the limits, or a part that inflates too many times its compressed size → refused, nothing inflated;
 * 2. the local headers: every entry's bytes follow the previous one's, with the same name and method, and
 *    nothing hides between them (a streaming reader walks the local headers, not the directory);
 * 3. every part inflated once, streamed and counted, stopped at one byte past its declared size — the
 *    directory may lie, and a part that inflates beyond what it declares is refused as soon as it does.
 *    The inflation runs on zlib's thread pool in small chunks and keeps nothing, so a bomb neither
 *    stalls the event loop nor grows memory.
 *
 * XML parts that declare entities (a "billion laughs" XML bomb) are refused too.
 */
import { constants, createInflateRaw, inflateRawSync } from "node:zlib";

/** 解压限制 — what a zip may declare and inflate to. */
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
  /** general-purpose flags (bit 3: sizes in a data descriptor after the data) */
  flags: number;
  compressed: number;
  size: number;
  /** offset of the local header */
  offset: number;
}

export type ZipProblemReason = "damaged" | "unsafe" | "too-large";

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; reason: ZipProblemReason; detail: string };

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const MB = 1024 * 1024;

/** A byte count as people read it: "1.2 GB", "300 MB", "512 KB". */
export function byteSize(n: number): string {
  if (n >= 1024 * MB) return `${(n / (1024 * MB)).toFixed(1)} GB`;
  if (n >= MB) return `${Math.round(n / MB)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/** The central directory's entries, or why the file is not a readable (or acceptable) zip. */
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
    const flags = view.getUint16(p + 8, true);
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
    if (uncompressed > limits.maxEntry) return { ok: false, reason: "too-large", detail: `${name} inflates to ${byteSize(uncompressed)} (limit ${byteSize(limits.maxEntry)})` };
    if (uncompressed > 1_000_000 && uncompressed / Math.max(1, compressed) > limits.maxRatio) {
      return { ok: false, reason: "unsafe", detail: `${name} inflates ${Math.round(uncompressed / Math.max(1, compressed))}-fold (a zip bomb?)` };
    }
    total += uncompressed;
    if (total > limits.maxTotal) return { ok: false, reason: "too-large", detail: `the parts inflate to more than ${byteSize(limits.maxTotal)}` };
    entries.push({ name, method, flags, compressed, size: uncompressed, offset });
    p += 46 + nameLength + extra + comment;
  }
  const chain = localChainProblem(bytes, entries, start);
  if (chain) return { ok: false, reason: "unsafe", detail: chain };
  return { ok: true, entries };
}

/** Where an entry's compressed data starts (after its local header), or undefined when no local header is there. */
function dataStart(view: DataView, e: ZipEntry): number | undefined {
  if (e.offset + 30 > view.byteLength || view.getUint32(e.offset, true) !== LOC) return undefined;
  return e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
}

/**
 * The local headers agree with the directory and leave no gap: a streaming reader (which walks local
 * headers from the start) then meets exactly the entries the directory lists and this module checks.
 */
function localChainProblem(bytes: Uint8Array, entries: readonly ZipEntry[], directoryStart: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (e.offset !== expected) return `bytes outside the listed entries before ${e.name}`;
    const start = dataStart(view, e);
    if (start === undefined) return `no local header for ${e.name}`;
    const nameLength = view.getUint16(e.offset + 26, true);
    if (decoder.decode(bytes.subarray(e.offset + 30, e.offset + 30 + nameLength)) !== e.name) return `the local header of ${e.name} names another part`;
    if (view.getUint16(e.offset + 8, true) !== e.method) return `the local header of ${e.name} gives another method`;
    const localFlags = view.getUint16(e.offset + 6, true);
    if ((localFlags & 8) === 0 && view.getUint32(e.offset + 18, true) !== e.compressed) return `the local header of ${e.name} gives another size`;
    let end = start + e.compressed;
    if (end > directoryStart) return `${e.name} runs into the central directory`;
    if (localFlags & 8) {
      // a data descriptor: optional signature, CRC, compressed and uncompressed sizes
      const signed = end + 4 <= bytes.length && view.getUint32(end, true) === DESCRIPTOR;
      end += signed ? 16 : 12;
    }
    expected = end;
  }
  if (expected !== directoryStart) return "bytes outside the listed entries before the central directory";
  return undefined;
}

/** The first bytes of an entry, inflated (at most about `max` bytes); undefined when unreadable. */
export function entryHead(bytes: Uint8Array, e: ZipEntry, max = 4096): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = dataStart(view, e);
  if (data === undefined) return undefined;
  const raw = bytes.subarray(data, Math.min(bytes.length, data + Math.min(e.compressed, max)));
  if (e.method === 0) return raw.subarray(0, max);
  if (e.method !== 8) return undefined;
  try {
    return inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max * 4 });
  } catch {
    return undefined;
  }
}

/**
 * Inflates one entry, counting the bytes and keeping none; false as soon as it passes its declared size,
 * or when it ends short of it or does not inflate.
 */
function inflatesAsDeclared(bytes: Uint8Array, e: ZipEntry): Promise<boolean> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = dataStart(view, e);
  if (start === undefined) return Promise.resolve(false);
  if (e.method === 0) return Promise.resolve(e.compressed === e.size);
  if (e.method !== 8) return Promise.resolve(false);
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let seen = 0;
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(ok);
    };
    inflate.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > e.size) finish(false);
    });
    inflate.on("end", () => finish(seen === e.size));
    inflate.on("error", () => finish(false));
    inflate.end(bytes.subarray(start, start + e.compressed));
  });
}

/** The first part that does not inflate to exactly its declared size, or undefined. */
export async function verifyEntries(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<string | undefined> {
  for (const e of entries) {
    if (e.size === 0 && e.compressed <= 2) continue;
    if (!(await inflatesAsDeclared(bytes, e))) return e.name;
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

/**
 * Everything above, in order: the directory's declared sizes against the limits, the local headers,
 * entity declarations, then every part inflated and counted. `ok` means a library may unpack the file.
 */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipCheck> {
  const zip = readZipDirectory(bytes, limits);
  if (!zip.ok) return zip;
  const bomb = findXmlBomb(bytes, zip.entries);
  if (bomb) return { ok: false, reason: "unsafe", detail: `part ${bomb} declares XML entities` };
  const liar = await verifyEntries(bytes, zip.entries);
  if (liar) return { ok: false, reason: "unsafe", detail: `part ${liar} does not inflate to the size the zip declares (a zip bomb?)` };
  return zip;
}

/** A refusal as the user reads it, Chinese first: "解压后过大…" etc. */
export function zipProblemText(check: Extract<ZipCheck, { ok: false }>, file: string): string {
  switch (check.reason) {
    case "too-large":
      return `文件“${file}”解压后过大，拒绝读取（${check.detail}） / "${file}" unpacks too large and was not read (${check.detail})`;
    case "unsafe":
      return `文件“${file}”的压缩数据异常（可能是压缩炸弹），拒绝读取（${check.detail}） / "${file}" holds abnormal compressed data (a zip bomb?) and was not read (${check.detail})`;
    default:
      return `文件“${file}”不是完整的 zip 压缩包，可能已损坏（${check.detail}） / "${file}" is not a complete zip archive; it may be damaged (${check.detail})`;
  }
}
