/**
 * 审核上下文 — what a document rule sees: the imported document, its interpretation, the narrative's
 * claims, the year's catalog (when there is one), and figures and the unit type worked out once, on
 * first use. The document counterpart of the data rules' RuleContext.
 */
import type { CatalogIndex } from "../../core/catalog.ts";
import type { Rule } from "../../core/rules/finding.ts";
import { type Claim, extractClaims } from "./claims.ts";
import { type ImportedDocument, documentSections } from "./document.ts";
import { type DocumentFigures, computeFigures } from "./figures.ts";
import { interpret } from "./interpret.ts";
import type { Interpretation } from "./semantic.ts";
import { type UnitTypeInference, inferUnitType } from "./unit-type.ts";

export interface DocumentContext {
  readonly document: ImportedDocument;
  readonly tables: Interpretation;
  readonly claims: readonly Claim[];
  /** the catalog of the document's year; undefined when Yusuan has none for that year */
  readonly catalog: CatalogIndex | undefined;
  readonly figures: DocumentFigures;
  readonly unitType: UnitTypeInference;
}

/** 文件审核规则 — a rule over an imported document, on the same engine as the data rules. */
export type DocumentRule = Rule<DocumentContext>;

export function createDocumentContext(document: ImportedDocument, catalog: CatalogIndex | undefined): DocumentContext {
  const tables = interpret(document);
  const claims = extractClaims(documentSections(document));
  let figures: DocumentFigures | undefined;
  let unitType: UnitTypeInference | undefined;
  return {
    document,
    tables,
    claims,
    catalog,
    get figures() {
      return (figures ??= computeFigures(tables));
    },
    get unitType() {
      return (unitType ??= inferUnitType(tables));
    },
  };
}
