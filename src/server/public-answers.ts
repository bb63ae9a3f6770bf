/**
 * 公开汇总缓存 — the portal's figures (a region's overview, a publication's key figures, the regions list)
 * change only when a publication writes its facts or an official catalog is loaded. Each answer is kept
 * here as the bytes sent, with its ETag, under the request's URL, together with the stamp of what it was
 * made from (`publicStamp`: the facts written and the catalogs loaded, read from the database). A request
 * reads the stamp (one small query, shared by the requests arriving meanwhile) and, when it has not moved,
 * sends the kept bytes: one database round trip instead of the ten an overview asks, so the same on every
 * server behind a load balancer, with nothing to invalidate by hand. A moved stamp empties the cache.
 * Bounded by entry count, the least recently used out first.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** An answer as sent: its JSON text and its ETag. */
export interface Answer {
  text: string;
  etag: string;
}

/** The ETag of a JSON text: a strong tag from its sha256. */
export function etagOf(text: string): string {
  return `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

export class PublicAnswers {
  private readonly entries: LRUCache<string, Answer>;
  private stamp: string | undefined;
  private reading: Promise<string> | undefined;

  constructor(
    private readonly readStamp: () => Promise<string>,
    maxEntries = 2_000,
  ) {
    this.entries = new LRUCache<string, Answer>({ max: maxEntries });
  }

  /** The answer kept for `key` if the stamp has not moved since; otherwise `make()`'s, kept for next time. */
  async get(key: string, make: () => Promise<string>): Promise<Answer> {
    const stamp = await this.currentStamp();
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
    const kept = this.entries.get(key);
    if (kept) return kept;
    const text = await make();
    const answer = { text, etag: etagOf(text) };
    // made from the stamp read before it: kept only if no publication came in between
    if (this.stamp === stamp) this.entries.set(key, answer);
    return answer;
  }

  /** The database's stamp; requests that arrive while it is being read share the one query. */
  private currentStamp(): Promise<string> {
    this.reading ??= this.readStamp().finally(() => (this.reading = undefined));
    return this.reading;
  }
}
