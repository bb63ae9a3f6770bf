/** A migration written as a list of SQL statements (PGlite's `query` takes one statement at a time). */
import { type Kysely, type Migration, sql } from "kysely";

export function sqlMigration(statements: readonly string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const s of statements) await sql.raw(s).execute(db);
    },
    // Forward-only: a released migration is never undone; a mistake is fixed by the next one.
  };
}
