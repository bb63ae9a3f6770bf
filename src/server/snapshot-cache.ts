/**
 * 公开文件缓存 — published files are immutable, so once read they are served from memory: reading a
 * published document then costs no database round trip (the benchmark's target). Bounded by bytes,
 * least recently used out first.
 */
import type { PublicationFile } from "../store/repos/publications.ts";

export class SnapshotCache {
  private readonly entries = new Map<string, PublicationFile>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): PublicationFile | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, file: PublicationFile): void {
    if (file.content.byteLength > this.maxBytes / 4) return;
    if (this.entries.has(key)) return;
    this.entries.set(key, file);
    this.bytes += file.content.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.content.byteLength;
    }
  }
}
