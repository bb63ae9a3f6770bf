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
    const { budget, file, locate } = await readBudget(budgetPath);
    const catalog = await catalogFor(budget.year, opts, io.err);
    const findings = placeFindings(runRules(createRuleContext(budget, catalog)), file, locate);
    io.out(opts.json ? findingsJson(findings) : formatFindings(findings, `${budget.department.name} ${budget.year}年度预算 · ${file}`));
    return findings.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
  } catch (e) {
    return reportFailure(e, io);
  }
}
