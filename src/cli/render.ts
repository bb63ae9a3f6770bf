/**
 * `yusuan render <budget|dir-of-budgets> --out <dir> --format json,html,…`: the department's disclosure at
 * the top of the output, each unit's under units/<code>/. Given a directory of budgets, renders each into
 * <out>/<name>/ with a progress bar; one bad budget never stops the batch, and a summary says what failed.
 */
import { DEFAULT_TEMPLATE_ID, FINAL_ACCOUNTS_TEMPLATE_IDS, findTemplate, isFinalAccounts, templateById } from "../core/templates/index.ts";
import type { CatalogIndex } from "../core/catalog.ts";
import type { Disclosure } from "../core/disclosure.ts";
import { deriveFinalAccounts } from "../core/final-accounts/disclosure.ts";
import type { Budget } from "../core/model.ts";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { LAYOUTS, type Layout, deriveAll } from "../core/disclosure.ts";
import type { Finding } from "../core/rules/finding.ts";
import { createRuleContext, runRules } from "../core/rules/index.ts";
import { readBudget } from "../formats/budget-file/read-file.ts";
import { InputError } from "../formats/errors.ts";
import { type CatalogOptions, catalogFor } from "../formats/catalog-choice.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";
import { RENDERERS } from "../formats/renderers.ts";
import { formatFindings, placeFindings } from "./check.ts";
import { parseJobs, runBatch } from "./batch.ts";
import { batchEntries } from "./batch-entries.ts";

export { batchEntries };
import type { BatchTask } from "./batch-worker.ts";

export interface RenderOptions extends CatalogOptions {
  out: string;
  format: string;
  /** 公开模板 id (src/core/templates) */
  template?: string;
  /** the old name of --template */
  layout?: string;
  progress?: boolean;
  /** worker threads for a directory of budgets (default: one per core) */
  jobs?: string;
  /** 草稿: render past error-level findings, every page and sheet marked 草稿 未经审核 */
  draft?: boolean;
  /** 执行数据目录 — what a final-accounts (决算) template draws from beside the budget */
  execution?: string;
}

/** 拒绝生成 — the budget has error-level findings and --draft was not given: nothing is written. */
export class RenderRefused extends Error {
  constructor(
    readonly title: string,
    readonly findings: Finding[],
  ) {
    const n = findings.filter((f) => f.severity === "error").length;
    super(`有 ${n} 个错误，未生成文件（改正后重试，或加 --draft 生成草稿） / ${n} error-level findings, nothing written (fix them, or use --draft for a marked draft)`);
    this.name = "RenderRefused";
  }
}

/** What one render did: the files written and all the budget's findings (errors among them only in a draft). */
export interface RenderResult {
  written: string[];
  findings: Finding[];
  title: string;
}

export function parseFormats(list: string): string[] {
  const names = list.split(",").map((s) => s.trim()).filter(Boolean);
  const all = Object.keys(RENDERERS);
  const formats = names.includes("all") ? all : names;
  const unknown = formats.filter((f) => !RENDERERS[f]);
  if (unknown.length || formats.length === 0) {
    throw new InputError([{ file: "--format", message: `未知格式 ${unknown.join(",") || list} / unknown format; 可用 / available: ${all.join(", ")}, all` }]);
  }
  return formats;
}

/** The template --template (or its old name --layout) names; the default template when neither is given. */
export function parseLayout(layout: string | undefined): Layout {
  const l = layout ?? DEFAULT_TEMPLATE_ID;
  if (!findTemplate(l)) throw new InputError([{ file: "--template", message: `未知公开模板 ${l} / unknown template; 可用 / available: ${[...LAYOUTS, ...FINAL_ACCOUNTS_TEMPLATE_IDS].join(", ")}` }]);
  return l;
}

/**
 * Renders one budget after checking it (the render gate): error-level findings refuse it (RenderRefused,
 * nothing written) unless `draft`, which marks every page and sheet. Throws InputError on unusable input.
 */
export async function renderOne(
  budgetPath: string,
  out: string,
  formats: string[],
  layout: Layout,
  opts: CatalogOptions & { draft?: boolean; execution?: string },
  warn: (s: string) => void,
): Promise<RenderResult> {
  const { budget, file, locate } = await readBudget(budgetPath);
  const catalog = await catalogFor(budget.year, opts, warn);
  const findings = placeFindings(runRules(createRuleContext(budget, catalog)), file, locate);
  const title = `${budget.department.name} ${budget.year}年度预算 · ${file}`;
  const hasErrors = findings.some((f) => f.severity === "error");
  if (hasErrors && !opts.draft) throw new RenderRefused(title, findings);
  const written: string[] = [];
  const disclosures = await disclosuresOf(budget, catalog, layout, opts.execution);
  for (const derived of disclosures) {
    const d = opts.draft ? { ...derived, draft: true } : derived;
    const dir = d.scope.kind === "department" ? out : join(out, "units", d.scope.code);
    await mkdir(dir, { recursive: true });
    for (const f of formats) {
      const r = RENDERERS[f]!;
      const path = join(dir, r.file);
      await writeFile(path, await r.render(d));
      written.push(path);
    }
  }
  return { written, findings, title };
}

/**
 * The disclosures a template draws: a budget template from the budget alone; a final-accounts (决算) template
 * from the budget and the year's execution (--execution), refused with the record's problems when it does
 * not balance.
 */
async function disclosuresOf(budget: Budget, catalog: CatalogIndex, layout: Layout, execution: string | undefined): Promise<Disclosure[]> {
  const template = templateById(layout);
  if (!isFinalAccounts(template)) return deriveAll(budget, catalog, layout);
  if (!execution) throw new InputError([{ file: "--execution", message: `模板 ${layout}（${template.name}）是决算模板，需要用 --execution 指定执行数据目录 / a final-accounts template needs --execution <dir>` }]);
  // the execution reader brings the payments importers (ExcelJS): loaded only for a 决算
  const { EXECUTION_FILE, readExecutionDir } = await import("../formats/execution/execution-file.ts");
  const exec = await readExecutionDir(execution);
  const file = join(execution, EXECUTION_FILE);
  if (exec.year !== budget.year) throw new InputError([{ file, field: "year", message: `执行数据年度 ${exec.year} 与预算年度 ${budget.year} 不符 / the execution's year differs from the budget's` }]);
  const r = deriveFinalAccounts(budget, exec, catalog, layout);
  if (!r.ok) throw new InputError(r.problems.map((p) => ({ file, field: p.field, message: p.message })));
  return r.disclosures;
}

/** The findings a render that went ahead prints: warnings, and a draft's errors; never the info notes. */
export function renderFindingsText(title: string, findings: Finding[]): string | undefined {
  const shown = findings.filter((f) => f.severity !== "info");
  return shown.length ? formatFindings(shown, title) : undefined;
}

export async function renderCommand(budgetPath: string, opts: RenderOptions, io: Io): Promise<number> {
  try {
    const formats = parseFormats(opts.format);
    const layout = parseLayout(opts.template ?? opts.layout);
    const batch = await batchEntries(budgetPath);
    if (!batch) {
      const { written, findings, title } = await renderOne(budgetPath, opts.out, formats, layout, opts, io.err);
      const text = renderFindingsText(title, findings);
      if (text) io.err(text);
      if (opts.draft) io.err("已生成草稿，每页标注“草稿 未经审核” / rendered as a draft, every page and sheet marked 草稿 未经审核");
      io.out(`已生成 ${written.length} 个文件 / wrote ${written.length} files:\n${written.map((p) => `  ${p}`).join("\n")}`);
      return EXIT.ok;
    }
    if (isFinalAccounts(templateById(layout))) {
      throw new InputError([{ file: budgetPath, message: "决算模板一次只能生成一个预算（每个预算有自己的执行数据） / a final-accounts template renders one budget at a time (each has its own execution)" }]);
    }
    return await renderBatch(batch, opts, formats, layout, io);
  } catch (e) {
    if (e instanceof RenderRefused) {
      io.err(formatFindings(e.findings, e.title));
      io.err(`错误 / error: ${e.message}`);
      return EXIT.findings;
    }
    return reportFailure(e, io);
  }
}

async function renderBatch(entries: string[], opts: RenderOptions, formats: string[], layout: Layout, io: Io): Promise<number> {
  const catalog = { catalog: opts.catalog, catalogMode: opts.catalogMode };
  const tasks = entries.map((budget): BatchTask => ({ kind: "render", budget, out: join(opts.out, basename(budget, extname(budget))), formats, layout, catalog, draft: Boolean(opts.draft) }));
  const outcomes = await runBatch(tasks, { jobs: parseJobs(opts.jobs), progress: opts.progress, label: "渲染 / rendering" });
  // a note said by many budgets (no built-in catalog for the year …) is printed once
  const notes = new Set<string>();
  for (const o of outcomes) for (const n of o.notes) notes.add(n);
  for (const n of notes) io.err(n);
  const failures = outcomes.filter((o) => o.failure);
  const files = outcomes.reduce((t, o) => t + o.files, 0);
  io.out(`完成 / done: ${entries.length - failures.length} 个预算成功 / succeeded, ${failures.length} 个失败 / failed; 共生成 ${files} 个文件 / ${files} files written to ${opts.out}`);
  for (const f of failures) io.err(`失败 / failed: ${f.budget}: ${f.failure!.message}`);
  if (failures.length === 0) return EXIT.ok;
  return failures.every((f) => f.failure!.kind === "refused") ? EXIT.findings : EXIT.unusable;
}
