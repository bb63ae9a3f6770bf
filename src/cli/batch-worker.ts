/**
 * 批量处理的工作线程 — a chunk of a batch's budgets, one after another, in a worker thread (src/cli/batch.ts runs a pool of these):
 * read each, check it, and for `render` write its files. The answer is small (counts, file count, the text
 * to print) so the main thread's memory stays flat however many budgets the batch holds. A budget that
 * cannot be read or is refused comes back as a failure with its message; it never throws into the pool.
 */
import { createRuleContext } from "../core/rules/engine.ts";
import { runRules } from "../core/rules/index.ts";
import type { Layout } from "../core/disclosure.ts";
import { readBudget } from "../formats/budget-file/read-file.ts";
import { type CatalogOptions, catalogFor } from "../formats/catalog-choice.ts";
import { registerXlsxReader } from "../formats/entry-workbook/register.ts";
import { InputError, formatProblem } from "../formats/errors.ts";

registerXlsxReader();

/** What the main thread asks of a worker: check one budget, or render it into `out`. */
export type BatchTask =
  | { kind: "check"; budget: string; catalog: CatalogOptions }
  | { kind: "render"; budget: string; out: string; formats: string[]; layout: Layout; catalog: CatalogOptions; draft: boolean };

/** How one budget went: counts by severity, files written, notes to print; or why it failed. */
export interface BatchOutcome {
  budget: string;
  /** 部门名称 年度 — the budget's title, when it could be read */
  title?: string;
  errors: number;
  warnings: number;
  info: number;
  files: number;
  /** text the command prints for this budget (a render's warnings) */
  notes: string[];
  /** why the budget failed: unreadable, or refused by the render gate */
  failure?: { kind: "unusable" | "refused"; message: string };
}

const count = (findings: readonly { severity: string }[], severity: string) => findings.filter((f) => f.severity === severity).length;

/** A chunk of a batch: its budgets one after another, each answer in the chunk's order. */
export default async function runChunk(tasks: readonly BatchTask[]): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for (const task of tasks) outcomes.push(await runTask(task));
  return outcomes;
}

async function runTask(task: BatchTask): Promise<BatchOutcome> {
  const notes: string[] = [];
  const outcome: BatchOutcome = { budget: task.budget, errors: 0, warnings: 0, info: 0, files: 0, notes };
  try {
    if (task.kind === "check") {
      // only counts go back: the places of the findings are not needed
      const { budget } = await readBudget(task.budget, { locations: false });
      const catalog = await catalogFor(budget.year, task.catalog, (w) => notes.push(w));
      const findings = runRules(createRuleContext(budget, catalog));
      return { ...outcome, title: `${budget.department.name} ${budget.year}年度预算`, errors: count(findings, "error"), warnings: count(findings, "warning"), info: count(findings, "info") };
    }
    // loaded here, not at the top: a check batch never loads the renderers (PDF, Excel)
    const { RenderRefused, renderFindingsText, renderOne } = await import("./render.ts");
    try {
      const r = await renderOne(task.budget, task.out, task.formats, task.layout, { ...task.catalog, draft: task.draft }, (w) => notes.push(w));
      const text = renderFindingsText(r.title, r.findings);
      if (text) notes.push(text);
      return { ...outcome, title: r.title, errors: count(r.findings, "error"), warnings: count(r.findings, "warning"), info: count(r.findings, "info"), files: r.written.length };
    } catch (e) {
      if (!(e instanceof RenderRefused)) throw e;
      const { formatFindings } = await import("./check.ts");
      return { ...outcome, title: e.title, errors: count(e.findings, "error"), failure: { kind: "refused", message: `${e.message}\n${formatFindings(e.findings, e.title)}` } };
    }
  } catch (e) {
    const message = e instanceof InputError ? e.problems.map(formatProblem).join("; ") : e instanceof Error ? e.message : String(e);
    return { ...outcome, failure: { kind: "unusable", message } };
  }
}
