/**
 * 安全与可靠性 — state several servers on one database share (issue 19): login attempts per address and
 * minute, counted in the database so the limit holds in all, not per process.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([
  `create table login_attempts (
    address text not null,
    window_start timestamptz not null,
    attempts integer not null,
    primary key (address, window_start)
  )`,
]);
