/**
 * The databases every storage and API test runs against: PGlite always, and a PostgreSQL server when
 * YUSUAN_TEST_PG_URL is set (.ci/run sets it). Each `open()` gives a fresh schema; on PGlite all of a
 * file's schemas share one instance, because opening one costs ~5 s and a schema costs ~0.1 s.
 */
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { afterAll } from "vitest";
import { type OpenDatabase, openDatabase } from "../../src/store/database.ts";
import { openPglite } from "../../src/store/pool-pglite.ts";

export interface Backend {
  name: "pglite" | "postgres";
  open(): Promise<OpenDatabase>;
}

export const PG_URL = process.env.YUSUAN_TEST_PG_URL;

let shared: Promise<PGlite> | undefined;
let counter = 0;
const opened: OpenDatabase[] = [];

function freshSchema(): string {
  return `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
}

async function track(o: Promise<OpenDatabase>, dropOnClose: string | undefined): Promise<OpenDatabase> {
  const db = await o;
  const close = db.close;
  let closed = false;
  const wrapped: OpenDatabase = {
    ...db,
    async close() {
      if (closed) return;
      closed = true;
      if (dropOnClose) await sql.raw(`drop schema if exists ${dropOnClose} cascade`).execute(db.db).catch(() => {});
      await close();
    },
  };
  opened.push(wrapped);
  return wrapped;
}

export const pgliteBackend: Backend = {
  name: "pglite",
  open: async () => track(openDatabase({ pglite: await (shared ??= openPglite(undefined)), schema: freshSchema() }), undefined),
};

export const postgresBackend: Backend | undefined = PG_URL
  ? {
      name: "postgres",
      open: () => {
        const schema = freshSchema();
        return track(openDatabase({ url: PG_URL, schema, poolSize: 6 }), schema);
      },
    }
  : undefined;

export const BACKENDS: readonly Backend[] = [pgliteBackend, ...(postgresBackend ? [postgresBackend] : [])];

afterAll(async () => {
  for (const o of opened) await o.close();
  if (shared) await (await shared).close();
  shared = undefined;
});
