/**
 * 迁移 — the schema's history, defined in code (no files to find at run time), applied in name order at
 * start. Forward-only: add a new file; never edit or remove one that has shipped.
 */
import type { Migration, MigrationProvider } from "kysely";
import tenancy from "./0001-tenancy.ts";
import budgets from "./0002-budgets.ts";
import publicationsAudit from "./0003-publications-audit.ts";
import execution from "./0004-execution.ts";
import hardening from "./0005-hardening.ts";

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-tenancy": tenancy,
  "0002-budgets": budgets,
  "0003-publications-audit": publicationsAudit,
  "0004-execution": execution,
  "0005-hardening": hardening,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };
