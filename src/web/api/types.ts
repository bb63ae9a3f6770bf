/**
 * The API's answers as the web app reads them: the wire side of src/contract's schemas, which the server
 * serialises with. Nothing here is restated; the only local type is a budget-file line item as the grid
 * edits it (budget-file JSON is the budget file's, read by src/formats/budget-file).
 */
export type {
  AuditAnswer,
  AuditSummary,
  BudgetSummary,
  CatalogAnswer,
  CheckedFinding,
  CheckResult,
  ControlFigure,
  Department,
  Explanation,
  Finding,
  Me,
  Publication,
  PublicationFigures,
  PublicationFileMeta,
  PublicationMeta,
  Region,
  RegionOverview,
  Saved,
  Transition,
  VersionDetail,
  VersionDiff,
  VersionInfo,
} from "../../contract/index.ts";
export type { Severity } from "../../core/rules/finding.ts";
export type { BudgetState, Role, WorkflowAction } from "../../core/workflow.ts";

/** Budget-file JSON (the fields of budget.yaml; amounts as 元 text). */
export type Content = Record<string, unknown>;

/** A line item of budget-file JSON, as the editing grid reads and writes it. */
export interface ContentLineItem {
  unit: string;
  functional: string;
  economic: string;
  nature: string;
  project?: string;
  source: string;
  amount: string | number;
  memo?: string;
}

/** disclosure.json (money in 万元 as printed), a rendered file: its shape is the renderer's own. */
export type { DisclosureJson, JsonTable } from "../../formats/json.ts";
