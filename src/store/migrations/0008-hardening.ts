/**
 * 安全与可靠性 — state several servers on one database share (issue 19): login attempts per client
 * address, counted in the database so the limit holds in all servers together, not per process.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `create table login_attempts (
    address text not null,
    at timestamptz not null default clock_timestamp()
  )`,
  `create index login_attempts_address_at on login_attempts (address, at)`,
]);
