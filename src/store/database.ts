/**
 * 数据库 — opens the embedded database (PGlite in a directory, or in memory) or a PostgreSQL server
 * (`url`, normally DATABASE_URL) and brings its schema up to date. The same SQL runs on both.
 */
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, sql } from "kysely";
import type { RawPool } from "./driver.ts";
import { yusuanDialect } from "./driver.ts";
import { migrationProvider } from "./migrations/index.ts";
import { openPglite, pglitePool } from "./pool-pglite.ts";
import { pgPool } from "./pool-pg.ts";
import type { Database } from "./schema.ts";

export interface OpenOptions {
  /** postgres://… — a PostgreSQL server; otherwise PGlite */
  url?: string;
  /** PGlite data directory; in memory when absent. One process owns a directory at a time. */
  dataDir?: string;
  /** a schema to create and work in (tests: a fresh one per test on a shared instance) */
  schema?: string;
  /** apply pending migrations (default true) */
  migrate?: boolean;
  /** an open PGlite instance to work in (shared; not closed with this database) */
  pglite?: PGlite;
  /** pg pool size */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: "pglite" | "postgres";
  /** closes the pool, or the PGlite instance (Node will not exit while one is open) */
  close(): Promise<void>;
}

export class MigrationError extends Error {
  constructor(name: string | undefined, cause: unknown) {
    super(`数据库迁移失败 / migration failed${name ? ` at ${name}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationError";
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: OpenOptions = {}): Promise<OpenDatabase> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  let pool: RawPool;
  let kind: OpenDatabase["kind"];
  if (options.url) {
    kind = "postgres";
    if (options.schema) await createSchemaOnServer(options.url, options.schema);
    pool = pgPool(options.url, { schema: options.schema, max: options.poolSize });
  } else {
    kind = "pglite";
    const pg = options.pglite ?? (await openPglite(options.dataDir));
    if (options.schema) await pg.exec(`create schema if not exists ${options.schema}`);
    pool = pglitePool(pg, !options.pglite, options.schema);
  }
  const db = new Kysely<Database>({ dialect: yusuanDialect(pool) });
  const opened: OpenDatabase = { db, kind, close: () => db.destroy() };
  if (options.migrate !== false) {
    try {
      if (options.url) await underAdvisoryLock(options.url, `yusuan-migrate:${options.schema ?? "public"}`, () => migrate(db, options.schema));
      else await migrate(db, options.schema);
    } catch (e) {
      await opened.close();
      throw e;
    }
  }
  return opened;
}

export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationError(results?.find((r) => r.status === "Error")?.migrationName, error);
}

/**
 * Runs `work` holding a session-level advisory lock on its own connection: two servers starting at once on
 * an empty database migrate one after the other (the second finds nothing to do) instead of racing.
 */
async function underAdvisoryLock(url: string, name: string, work: () => Promise<void>): Promise<void> {
  const lockDb = new Kysely<Database>({ dialect: yusuanDialect(pgPool(url, { max: 1 })) });
  try {
    await lockDb.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(hashtext(${name}))`.execute(conn);
      try {
        await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(conn);
      }
    });
  } finally {
    await lockDb.destroy();
  }
}

async function createSchemaOnServer(url: string, schema: string): Promise<void> {
  const setup = new Kysely<Database>({ dialect: yusuanDialect(pgPool(url, { max: 1 })) });
  try {
    await sql.raw(`create schema if not exists ${schema}`).execute(setup);
  } catch (e) {
    // two servers creating it at once: "if not exists" still races in the catalog (23505); the other made it
    if ((e as { code?: string }).code !== "23505" && (e as { code?: string }).code !== "42P06") throw e;
  } finally {
    await setup.destroy();
  }
}
