/**
 * 迁移 — the schema's history, defined in code (no files to find at run time), applied in name order at
 * start. Forward-only: add a new file; never edit or remove one that has shipped.
 */
import type { Migration, MigrationProvider } from "kysely";
import tenancy from "./0001-tenancy.ts";
import budgets from "./0002-budgets.ts";
import publicationsAudit from "./0003-publications-audit.ts";
import execution from "./0004-execution.ts";
import natures from "./0005-natures.ts";
import province from "./0006-province.ts";
import regionTemplate from "./0007-region-template.ts";
import hardening from "./0008-hardening.ts";
import desk from "./0010-desk.ts";
import finalAccounts from "./0011-final-accounts.ts";

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-tenancy": tenancy,
  "0002-budgets": budgets,
  "0003-publications-audit": publicationsAudit,
  "0004-execution": execution,
  "0005-natures": natures,
  "0006-province": province,
  "0007-region-template": regionTemplate,
  "0008-hardening": hardening,
  "0010-desk": desk,
  "0011-final-accounts": finalAccounts,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };
