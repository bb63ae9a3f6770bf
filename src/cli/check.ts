/**
 * `yusuan check <budget> [--json]`: every finding a reviewer would raise, grouped by severity and rule,
 * each with its place in the file (line, or sheet and cell). Exit 0 when nothing is at error level,
 * 1 when something is, 2 when the input cannot be used.
 */
import { basename } from "node:path";
import type { Finding, Location } from "../core/rules/finding.ts";
import { createRuleContext } from "../core/rules/engine.ts";
import { runRules } from "../core/rules/index.ts";
import { type SourcePlace, readBudget } from "../formats/budget-file/read-file.ts";
import { findingGroupLines } from "../formats/findings-text.ts";
import { type CatalogOptions, catalogFor } from "../formats/catalog-choice.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";

export interface CheckOptions extends CatalogOptions {
  json?: boolean;
  /** worker threads for a directory of budgets (default: one per core) */
  jobs?: string;
  /** progress bar on stderr for a directory of budgets (default: when stderr is a terminal) */
  progress?: boolean;
}

/** Adds the file and the line (or sheet and cell) to each data location. */
export function placeFindings(findings: Finding[], file: string, locate: (path: string) => SourcePlace | undefined): Finding[] {
  return findings.map((f) => {
    if (f.location.kind !== "data") return f;
    const place = locate(f.location.path);
    const location: Location = { ...f.location, file, ...(place ?? {}) };
    return { ...f, location };
  });
}

export function describeLocation(l: Location): string {
  switch (l.kind) {
    case "data": {
      const where = l.sheet ? `${l.sheet}!${l.cell ?? ""}` : l.line ? `第${l.line}行 / line ${l.line}` : "";
      return [l.file ? basename(l.file) : "", where, l.path].filter(Boolean).join(" · ");
    }
    case "table":
      return [placeOf(l), l.table, l.row !== undefined ? `第${l.row + 1}行 / row ${l.row + 1}` : "", l.column ?? ""].filter(Boolean).join(" · ");
    case "text":
      return [placeOf(l), l.section, l.quote ? `“${l.quote}”` : ""].filter(Boolean).join(" · ");
  }
}

/** File, page, sheet and cell, or line of a table or text location, as far as they are known. */
function placeOf(l: { file?: string; page?: number; sheet?: string; cell?: string; line?: number }): string {
  const where = l.sheet ? `${l.sheet}!${l.cell ?? ""}` : l.page ? `第${l.page}页 / page ${l.page}` : l.line ? `第${l.line}行 / line ${l.line}` : "";
  return [l.file ? basename(l.file) : "", where].filter(Boolean).join(" · ");
}

export function formatFindings(findings: Finding[], title: string): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const head = [title, `错误 / errors ${count("error")} · 警告 / warnings ${count("warning")} · 提示 / info ${count("info")}`];
  return [...head, ...findingGroupLines(findings, describeLocation)].join("\n");
}

export function findingsJson(findings: Finding[]): string {
  return JSON.stringify(
    { findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, location: f.location, expected: f.expected ?? null, actual: f.actual ?? null })) },
    null,
    2,
  );
}

export async function checkCommand(budgetPath: string, opts: CheckOptions, io: Io): Promise<number> {
  try {
    // a directory of budgets: checked on every core (src/cli/batch.ts)
    const { batchEntries } = await import("./batch-entries.ts");
    const batch = await batchEntries(budgetPath);
    if (batch) return await checkBatch(batch, opts, io);
    const { budget, file, locate } = await readBudget(budgetPath);
    const catalog = await catalogFor(budget.year, opts, io.err);
    const findings = placeFindings(runRules(createRuleContext(budget, catalog)), file, locate);
    io.out(opts.json ? findingsJson(findings) : formatFindings(findings, `${budget.department.name} ${budget.year}年度预算 · ${file}`));
    return findings.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
  } catch (e) {
    return reportFailure(e, io);
  }
}

/**
 * A directory of budgets: one line per budget (its counts by severity, or why it could not be read), then
 * a summary. The findings themselves are `yusuan check <that budget>`'s. Exit 2 when a budget could not be
 * read, else 1 when one has error-level findings.
 */
async function checkBatch(entries: string[], opts: CheckOptions, io: Io): Promise<number> {
  const { parseJobs, runBatch } = await import("./batch.ts");
  const catalog = { catalog: opts.catalog, catalogMode: opts.catalogMode };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcomes = await runBatch(
    entries.map((budget) => ({ kind: "check", budget, catalog })),
    { jobs: parseJobs(opts.jobs), progress: opts.progress, label: "审核 / checking" },
  );
  const seconds = (performance.now() - started) / 1000;
  // every thread of the process: the workers' reading and checking, and this thread's
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const failed = outcomes.filter((o) => o.failure);
  const withErrors = outcomes.filter((o) => !o.failure && o.errors > 0);
  const sum = (k: "errors" | "warnings" | "info") => outcomes.reduce((t, o) => t + o[k], 0);
  for (const n of new Set(outcomes.flatMap((o) => o.notes))) io.err(n);
  if (opts.json) {
    const budgets = outcomes.map((o) => ({ budget: o.budget, title: o.title ?? null, errors: o.errors, warnings: o.warnings, info: o.info, failure: o.failure?.message ?? null }));
    io.out(JSON.stringify({ budgets, summary: { budgets: outcomes.length, failed: failed.length, withErrors: withErrors.length, errors: sum("errors"), warnings: sum("warnings"), info: sum("info"), seconds, cpuSeconds, peakRssMB: peakRssMB() } }, null, 2));
  } else {
    for (const o of outcomes) {
      if (o.failure) continue;
      io.out(`${o.budget}\t${o.title ?? ""}\t错误 / errors ${o.errors} · 警告 / warnings ${o.warnings} · 提示 / info ${o.info}`);
    }
    io.out(
      `完成 / done: ${outcomes.length} 个预算 / budgets in ${seconds.toFixed(1)} s (${Math.round(outcomes.length / seconds)}/s); ` +
        `${withErrors.length} 个有错误 / with errors, ${failed.length} 个无法读取 / unreadable; ` +
        `错误 / errors ${sum("errors")} · 警告 / warnings ${sum("warnings")} · 提示 / info ${sum("info")}; 内存峰值 / peak memory ${peakRssMB()} MB`,
    );
  }
  for (const f of failed) io.err(`失败 / failed: ${f.budget}: ${f.failure!.message}`);
  if (failed.length > 0) return EXIT.unusable;
  return withErrors.length > 0 ? EXIT.findings : EXIT.ok;
}

/** The process's peak resident memory, worker threads included, in MB. */
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
