/**
 * 数据库驱动 — one small Kysely driver over two kinds of connection pool: pg (a PostgreSQL server) and
 * PGlite (embedded). Kysely's own PostgresDialect hides the pg client, and kysely-pglite-dialect pins an
 * old PGlite (../shared/stack.md), so both go through this ~80-line driver. Each pool also knows how to
 * run a bulk request (src/store/bulk.ts) on the connection of the current transaction.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { type CopyRequest, isCopyRequest } from "./bulk.ts";

/** A connection as the two pools give it. */
export interface RawConnection {
  query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affected?: number }>;
  copy(request: CopyRequest): Promise<void>;
  /** gives the connection back; `broken` drops it (pg) after an error left it unusable */
  release(broken?: boolean): void;
}

export interface RawPool {
  connect(): Promise<RawConnection>;
  end(): Promise<void>;
}

class Connection implements DatabaseConnection {
  constructor(readonly raw: RawConnection) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (isCopyRequest(q)) {
      await this.raw.copy(q.parameters[0]);
      return { rows: [] };
    }
    const r = await this.raw.query(q.sql, q.parameters);
    return { rows: r.rows as R[], ...(r.affected !== undefined ? { numAffectedRows: BigInt(r.affected) } : {}) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streamQuery is not supported by the Yusuan driver");
  }
}

class YusuanDriver implements Driver {
  constructor(private readonly pool: RawPool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Connection(await this.pool.connect());
  }

  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    const mode = settings.accessMode ? ` ${settings.accessMode}` : "";
    await c.executeQuery(CompiledQuery.raw(`begin${level}${mode}`));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    (c as Connection).raw.release();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

export function yusuanDialect(pool: RawPool): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new YusuanDriver(pool),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  };
}
