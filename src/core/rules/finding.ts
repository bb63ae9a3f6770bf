/**
 * 审核发现 — what the rules report, and the shape of a rule. Rules are pure functions from a budget (and its
 * year's catalog) to findings: they never throw and never touch the outside world.
 */
import type { CatalogIndex } from "../catalog.ts";
import type { Figures } from "../derive/figures.ts";
import type { Scope } from "../derive/scope.ts";
import type { Budget } from "../model.ts";

/** 严重程度 — error: a reviewer rejects it; warning: a reviewer asks about it; info: worth knowing. */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** 位置 — where a finding is: a path into the budget data, a cell of a disclosure table, or a place in a text. */
export type Location =
  | {
      kind: "data";
      /** a path into the budget, e.g. `lineItems[3].economic`, `projects[2].indicators[0].target`, `reasons.total` */
      path: string;
      /** the file the budget was read from, when an adapter knows it */
      file?: string;
      /** an XLSX sheet and A1 cell, when the budget came from the entry workbook */
      sheet?: string;
      cell?: string;
      line?: number;
    }
  | ({ kind: "table"; table: string; row?: number; column?: string } & DocumentPlace)
  | ({ kind: "text"; section: string; quote?: string } & DocumentPlace);

/**
 * 文件位置 — where a table cell or a sentence was printed, for findings about imported documents (the audit):
 * the file, and a page (PDF, DOCX), a sheet and cell (XLSX) or a line (plain text). All optional, so rules
 * about derived tables need none of it.
 */
export interface DocumentPlace {
  file?: string;
  /** 1-based page of a PDF or DOCX */
  page?: number;
  /** an XLSX sheet, with `cell` its A1 reference */
  sheet?: string;
  cell?: string;
  /** 1-based line of a text file */
  line?: number;
}

/** 审核发现 — one finding. */
export interface Finding {
  /** the rule's id, e.g. `code.functional-unknown`; `internal` when a rule itself failed */
  rule: string;
  severity: Severity;
  /** Chinese first, then " / " and English */
  message: string;
  location: Location;
  expected?: string | number;
  actual?: string | number;
  /** 依据 OCR 识别的数字 — the finding rests on figures read by OCR from a scanned page (audit of documents) */
  ocr?: boolean;
}

/** What a rule sees: the budget, the year's catalog, and figures derived once, on first use. */
export interface RuleContext {
  readonly budget: Budget;
  readonly catalog: CatalogIndex;
  /** the department scope (every unit of the budget) */
  readonly scope: Scope;
  /** the department's figures (computeFigures of `scope`), computed on first use */
  readonly figures: Figures;
  /** position of each unit code in `budget.units` (the first, if a code repeats) */
  readonly unitIndex: ReadonlyMap<string, number>;
  /** position of each project code in `budget.projects` (the first, if a code repeats) */
  readonly projectIndex: ReadonlyMap<string, number>;
  /** a unit's own scope and figures, computed on first use; undefined for a code that is not a unit */
  unit(code: string): { scope: Scope; figures: Figures } | undefined;
  /**
   * The figures of the given units (those codes that are units), the same as `unit(code).figures`, worked
   * out together and without the units' scopes: for rules that need no more of the units than their figures.
   */
  unitFigures(codes: readonly string[]): ReadonlyMap<string, Figures>;
}

/**
 * 审核规则 — one rule, documented for the generated rule list (docs/rules.md). The context defaults to a
 * budget's; the audit of published documents checks an imported document with its own context type.
 */
export interface Rule<C = RuleContext> {
  /** stable id, `family.name`, e.g. `amount.negative` */
  id: string;
  /** 规则名称 (Chinese) */
  title: string;
  /** what it checks and why, Chinese then English */
  description: string;
  /** the official basis, only where one really exists (《预算法》第十四条, 财预〔2017〕98号 …) */
  basis?: string;
  /** the severity of its findings (the usual one, when `severityNote` says it varies) */
  severity: Severity;
  /** when the severity depends on the input, how (Chinese then English) */
  severityNote?: string;
  /** pure: returns findings, never throws (the engine turns a throw into an `internal` finding) */
  check(ctx: C): Finding[];
}

/** A location in the budget data. */
export function at(path: string): Location {
  return { kind: "data", path };
}

/** What a rule says about one place; `defineRule` adds the rule id and default severity. */
export interface FindingInput {
  message: string;
  /** a path into the budget data (the usual case) … */
  path?: string;
  /** … or any other location */
  location?: Location;
  expected?: string | number;
  actual?: string | number;
  /** overrides the rule's severity (rules whose severity depends on the input) */
  severity?: Severity;
}

export type Emit = (f: FindingInput) => Finding;

/** Builds a rule whose check gets an `emit` that fills in the rule id, severity and location. */
export function defineRule<C = RuleContext>(meta: Omit<Rule<C>, "check">, check: (ctx: C, emit: Emit) => Finding[]): Rule<C> {
  const emit: Emit = (f) => {
    const out: Finding = {
      rule: meta.id,
      severity: f.severity ?? meta.severity,
      message: f.message,
      location: f.location ?? at(f.path ?? ""),
    };
    if (f.expected !== undefined) out.expected = f.expected;
    if (f.actual !== undefined) out.actual = f.actual;
    return out;
  };
  return { ...meta, check: (ctx) => check(ctx, emit) };
}
