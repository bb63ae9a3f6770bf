/** A PostgreSQL server through pg's Pool; bulk requests use COPY … FROM STDIN (pg-copy-streams). */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type CopyRequest, csvRecord, quoteIdent } from "./bulk.ts";
import type { RawConnection, RawPool } from "./driver.ts";
import { VALUE_PARSERS } from "./values.ts";

const DML = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

/** pg's parsers with ours for int8, numeric and date; per pool, so the global pg.types stays untouched. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    return VALUE_PARSERS[oid] ?? (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
  },
};

export function pgPool(connectionString: string, options: { schema?: string; max?: number } = {}): RawPool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: types as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client can die with the server; pg emits the error on the pool, which must not crash the process.
  pool.on("error", () => {});
  return {
    async connect(): Promise<RawConnection> {
      const client = await pool.connect();
      return {
        async query(sql, params) {
          const r = await client.query({ text: sql, values: params as unknown[] });
          return { rows: r.rows, ...(DML.has(r.command) ? { affected: r.rowCount ?? 0 } : {}) };
        },
        async copy(req: CopyRequest) {
          const stream = client.query(copyFrom(`COPY ${quoteIdent(req.table)} (${req.columns.map(quoteIdent).join(", ")}) FROM STDIN (FORMAT csv)`));
          await pipeline(Readable.from(req.rows.map(csvRecord)), stream);
        },
        release: (broken) => client.release(broken),
      };
    },
    end: () => pool.end(),
  };
}
