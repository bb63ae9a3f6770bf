/**
 * 公开文件缓存 — published files are immutable, so once read they are served from memory: reading a
 * published document then costs no database round trip (the benchmark's target). Each file is also
 * compressed once (brotli and gzip) when it enters the cache, like a static file server's precompressed
 * variants: a 100 KB disclosure.json goes out as ~6 KB to any client that accepts it. Bounded by bytes,
 * least recently used out first.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { PublicationFile } from "../store/repos/publications.ts";

export interface CachedFile {
  file: PublicationFile;
  /** text formats; xlsx and pdf are compressed already */
  compressible: boolean;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export class SnapshotCache {
  private readonly entries = new Map<string, CachedFile>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedFile | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Adds a file (compressing it once) and returns the cached form; too large a file is served uncached. */
  set(key: string, file: PublicationFile): CachedFile {
    const identity = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    const compressible = /^(text\/|application\/json)/.test(file.contentType);
    const entry: CachedFile = {
      file,
      compressible,
      identity,
      br: compressible ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }) : identity,
      gzip: compressible ? gzipSync(identity, { level: 9 }) : identity,
    };
    const size = identity.length + (compressible ? entry.br.length + entry.gzip.length : 0);
    if (size > this.maxBytes / 4 || this.entries.has(key)) return entry;
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.identity.length + (v.compressible ? v.br.length + v.gzip.length : 0);
    }
    return entry;
  }
}

/** The best encoding the client accepts: br, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined, compressible = true): "br" | "gzip" | "identity" {
  if (!compressible) return "identity";
  const a = acceptEncoding ?? "";
  if (/\bbr\b/.test(a)) return "br";
  if (/\bgzip\b/.test(a)) return "gzip";
  return "identity";
}
