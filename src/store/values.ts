/**
 * 数值归一 — the ONE place where values coming back from a database driver are normalised, so every
 * repository sees the same JavaScript types whichever driver is underneath.
 *
 * Why: pg returns int8 and `sum()` (numeric) as strings, PGlite as number or BigInt depending on its
 * parsers (../shared/stack.md). Money is int8 分 in the database and a safe-integer `Fen` in the model;
 * anything outside ±2^53 would silently lose 分 as a double, so it is an error here, never a rounding.
 * `date` columns come back as ISO strings ("2021-03-01") rather than Dates at local midnight, which
 * would shift a day in some time zones.
 */

/** PostgreSQL type oids the drivers are told how to parse. */
export const PG_OIDS = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export class MoneyOverflowError extends Error {
  constructor(text: string) {
    super(`数据库中的整数超出安全范围 / integer from the database is not a safe integer: ${text}`);
    this.name = "MoneyOverflowError";
  }
}

/** int8 / integral numeric text → number, refusing anything a double cannot hold exactly. */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError(text);
  return n;
}

/** `date` stays the ISO text the server sent. */
export function parseDate(text: string): string {
  return text;
}

/** The parsers both drivers install, by oid. */
export const VALUE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [PG_OIDS.INT8]: parseInt8,
  [PG_OIDS.NUMERIC]: parseInt8,
  [PG_OIDS.DATE]: parseDate,
};
