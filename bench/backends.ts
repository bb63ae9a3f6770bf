/**
 * The databases a storage benchmark runs on, side by side: PGlite in memory, then the PostgreSQL server at
 * YUSUAN_BENCH_PG_URL or YUSUAN_TEST_PG_URL when one is set, in a fresh schema dropped afterwards.
 */
import { sql } from "kysely";
import { type OpenDatabase, openDatabase } from "../src/store/database.ts";

export const BENCH_PG_URL = process.env.YUSUAN_BENCH_PG_URL ?? process.env.YUSUAN_TEST_PG_URL;

/** Runs `run` on each backend in turn and gives its results in that order. */
/** `only`: the backends to run ("pglite", "postgresql"; default both); `keepSchema`: leave the PostgreSQL schema to look at. */
export async function onEachBackend<T>(
  name: string,
  run: (backend: "PGlite" | "PostgreSQL", o: OpenDatabase) => Promise<T>,
  only: readonly string[] = ["pglite", "postgresql"],
  keepSchema = false,
): Promise<T[]> {
  const results: T[] = [];
  if (only.includes("pglite")) {
    const lite = await openDatabase({});
    try {
      results.push(await run("PGlite", lite));
    } finally {
      await lite.close();
    }
  }
  if (!only.includes("postgresql")) return results;
  if (!BENCH_PG_URL) {
    console.log("(no YUSUAN_BENCH_PG_URL or YUSUAN_TEST_PG_URL: PostgreSQL skipped)");
    return results;
  }
  const schema = `bench_${name}_${process.pid}`;
  const pg = await openDatabase({ url: BENCH_PG_URL, schema, poolSize: 4 });
  try {
    results.push(await run("PostgreSQL", pg));
  } finally {
    if (!keepSchema) await sql.raw(`drop schema if exists ${schema} cascade`).execute(pg.db);
    await pg.close();
  }
  return results;
}
