/**
 * 公开文件缓存 — published files are immutable (the database refuses UPDATE and DELETE on them; a correction
 * is a new publication), so once read they are served from memory: reading a published document then
 * costs no database round trip. Each text file is also compressed once (brotli and gzip, on the thread
 * pool) when it enters the cache, like a static file server's precompressed copies: a 100 KB
 * disclosure.json goes out as ~9 KB to any client that accepts it. Every answer's headers are made here
 * too, once per file and encoding. Bounded by bytes, least recently used out first.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { PublicationFile } from "../store/repos/publications.ts";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = "br" | "gzip" | "identity";

/** One representation of a file: its bytes and the headers that describe it. */
export interface Variant {
  body: Buffer;
  /** strong, one per representation: the content's sha256, suffixed with the encoding when compressed */
  etag: string;
  /** every header of a 200 answer */
  headers: Readonly<Record<string, string>>;
  /** the headers a 304 answer repeats (RFC 9110 §15.4.5: no representation metadata) */
  notModified: Readonly<Record<string, string>>;
}

export interface CachedFile {
  file: PublicationFile;
  /** text formats; xlsx and pdf are compressed already */
  compressible: boolean;
  identity: Variant;
  br: Variant;
  gzip: Variant;
}

/** Publication URLs name one immutable snapshot, so any cache may keep the answer for a year. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

function variant(file: PublicationFile, body: Buffer, encoding: Encoding): Variant {
  const etag = `"${file.sha256}${encoding === "identity" ? "" : `-${encoding}`}"`;
  const notModified = { etag, vary: "accept-encoding", "cache-control": IMMUTABLE, "x-content-sha256": file.sha256 };
  return { body, etag, notModified, headers: { ...notModified, "content-type": file.contentType, ...(encoding === "identity" ? {} : { "content-encoding": encoding }) } };
}

/** A file with its representations; text is compressed (off the event loop) once, here. */
export async function prepareFile(file: PublicationFile): Promise<CachedFile> {
  const identity = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
  const compressible = /^(text\/|application\/json)/.test(file.contentType);
  const plain = variant(file, identity, "identity");
  if (!compressible) return { file, compressible, identity: plain, br: plain, gzip: plain };
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzipAsync(identity, { level: 9 }),
  ]);
  return { file, compressible, identity: plain, br: variant(file, br, "br"), gzip: variant(file, gz, "gzip") };
}

const sizeOf = (e: CachedFile) => e.identity.body.length + (e.compressible ? e.br.body.length + e.gzip.body.length : 0);

export class SnapshotCache {
  /** each file with when it was last read (a counter): a read only stamps it, the hot path stays cheap */
  private readonly entries = new Map<string, { entry: CachedFile; used: number }>();
  /** files being read and compressed, so simultaneous first readers share the work */
  private readonly loading = new Map<string, Promise<CachedFile | undefined>>();
  private bytes = 0;
  private clock = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedFile | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    hit.used = ++this.clock;
    return hit.entry;
  }

  /** The cached file, or `read` it (undefined: no such file), prepare it and keep it. */
  async load(key: string, read: () => Promise<PublicationFile | undefined>): Promise<CachedFile | undefined> {
    const hit = this.get(key);
    if (hit) return hit;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const file = await read();
        return file && this.set(key, await prepareFile(file));
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Keeps a prepared file and returns it; too large a file is served uncached. */
  set(key: string, entry: CachedFile): CachedFile {
    const size = sizeOf(entry);
    if (size > this.maxBytes / 4 || this.entries.has(key)) return entry;
    this.entries.set(key, { entry, used: ++this.clock });
    this.bytes += size;
    if (this.bytes > this.maxBytes) {
      // least recently read first (adding is rare: once per published file)
      for (const [k, v] of [...this.entries].sort((a, b) => a[1].used - b[1].used)) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(k);
        this.bytes -= sizeOf(v.entry);
      }
    }
    return entry;
  }
}

const acceptable = new Map<string, Encoding>();

/**
 * The encoding to send (RFC 9110 §12.5.3): the codings the client accepts with the highest q, br before
 * gzip on a tie; `*` stands for codings not named; q=0 refuses. Browsers send a handful of distinct
 * headers, so answers are remembered.
 */
export function pickEncoding(acceptEncoding: string | undefined, compressible = true): Encoding {
  if (!compressible || !acceptEncoding) return "identity";
  let best = acceptable.get(acceptEncoding);
  if (best) return best;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [coding = "", ...params] = part.split(";").map((s) => s.trim());
    const qp = params.find((p) => p.startsWith("q="));
    const value = qp ? Number(qp.slice(2)) : 1;
    if (coding) q.set(coding, Number.isFinite(value) ? value : 0);
  }
  const weight = (c: string) => q.get(c) ?? q.get("*") ?? 0;
  best = "identity";
  for (const c of ["br", "gzip"] as const) if (weight(c) > 0 && weight(c) > (best === "identity" ? 0 : weight(best))) best = c;
  if (acceptable.size < 256) acceptable.set(acceptEncoding, best);
  return best;
}

/**
 * If-None-Match against a representation's ETag (RFC 9110 §13.1.2: weak comparison, a list, or `*`):
 * true when the client's copy is the one it would be sent.
 */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || (tag.startsWith("W/") ? tag.slice(2) : tag) === etag;
  });
}
