/**
 * PGlite as a pool of one connection. PGlite is a single Postgres backend: statements of two
 * transactions must not interleave, so a connection is lent to one caller at a time (a FIFO lock).
 */
import { PGlite, types } from "@electric-sql/pglite";
import { type CopyRequest, insertStatements } from "./bulk.ts";
import type { RawConnection, RawPool } from "./driver.ts";
import { VALUE_PARSERS } from "./values.ts";

/**
 * bytea as PostgreSQL's hex text, through Buffer's native codec. PGlite's own maps every byte to a string
 * (`Array.from(bytes).map(…).join("")`): storing a publication's ~6 MB of documents took it ~2 s of this
 * thread, the thread that answers every request, and reading a file back as long.
 */
const BYTEA = {
  serialize: (bytes: unknown): string => {
    if (!(bytes instanceof Uint8Array)) throw new TypeError("bytea expects a Uint8Array");
    return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
  },
  parse: (text: string): Uint8Array => Buffer.from(text.slice(2), "hex"),
};

export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { ...VALUE_PARSERS, [types.BYTEA]: BYTEA.parse },
    serializers: { [types.BYTEA]: BYTEA.serialize },
  });
}

/** The search_path each shared instance is set to, so pools for different schemas can take turns on one. */
const currentSchema = new WeakMap<PGlite, string>();

/**
 * A pool over `pg`. With `schema`, the instance may be shared (tests: one instance per file, a schema per
 * test): the search_path is switched whenever a connection of another schema's pool had it last.
 */
export function pglitePool(pg: PGlite, closeOnEnd: boolean, schema?: string): RawPool {
  let tail: Promise<void> = Promise.resolve();
  const connection = (release: () => void): RawConnection => ({
    async query(sql, params) {
      const r = await pg.query(sql, params as unknown[]);
      return { rows: r.rows, affected: r.affectedRows };
    },
    async copy(req: CopyRequest) {
      for (const s of insertStatements(req)) {
        await pg.query(s.sql, s.params);
        // PGlite runs in this thread: give the event loop a turn between chunks, so a long load does not
        // freeze the server (logs are flushed, other sockets are served, health checks answer).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    release,
  });
  return {
    async connect() {
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const before = tail;
      tail = before.then(() => mine);
      await before;
      if (schema && currentSchema.get(pg) !== schema) {
        await pg.exec(`set search_path to ${schema}`);
        currentSchema.set(pg, schema);
      }
      return connection(release);
    },
    async end() {
      await tail;
      if (closeOnEnd && !pg.closed) await pg.close();
    },
  };
}
