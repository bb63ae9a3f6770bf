/**
 * 审核公开文件 — the audit of one imported document: reading problems, interpretation problems and every
 * document rule's findings, in the engine's fixed order. Pure: the catalog comes in as a look-up.
 */
import type { CatalogIndex } from "../../core/catalog.ts";
import { sortFindings } from "../../core/rules/engine.ts";
import type { Finding } from "../../core/rules/finding.ts";
import { type DocumentContext, type DocumentRule, createDocumentContext } from "./context.ts";
import { type ImportedDocument, documentProblems } from "./document.ts";
import { DOCUMENT_RULES } from "./rules/index.ts";
import { runDocumentRules } from "./rules/engine.ts";
import { markOcrFindings } from "./ocr-marks.ts";

export interface AuditResult {
  document: ImportedDocument;
  context: DocumentContext;
  findings: Finding[];
}

export function auditDocument(document: ImportedDocument, catalogFor: (year: number) => CatalogIndex | undefined, rules: readonly DocumentRule[] = DOCUMENT_RULES): AuditResult {
  const catalog = document.meta.year !== undefined ? catalogFor(document.meta.year) : undefined;
  const context = createDocumentContext(document, catalog);
  const findings = sortFindings(markOcrFindings([...documentProblems(document), ...context.tables.problems, ...runDocumentRules(context, rules)], document, context.tables));
  return { document, context, findings };
}
