/**
 * Execution commands: `yusuan execution import <files…>` checks treasury payment exports (all or nothing,
 * each bad row with its place); `yusuan evaluate <budget> --execution <dir> --out <dir>` writes the
 * year-end self-evaluation report in the publication formats and prints the execution rules' findings
 * (exit 1 when one is an error, as `yusuan check`).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { evaluationDocument } from "../core/execution/report.ts";
import { createExecutionRuleContext, runExecutionRules } from "../core/rules/execution.ts";
import { SEVERITY_NAMES } from "../core/rules/finding.ts";
import type { Payment } from "../core/execution/model.ts";
import { formatYuan, fen } from "../core/money.ts";
import { readBudget } from "../formats/budget-file/read.ts";
import { readExecutionDir } from "../formats/execution/execution-file.ts";
import { type PaymentImportOptions, importPayments } from "../formats/execution/payments.ts";
import { EXIT, type Io } from "./main.ts";
import { parseFormats } from "./render.ts";
import { RENDERERS } from "./renderers.ts";

export interface ExecutionImportOptions {
  budget?: string;
  year?: string;
  json?: boolean;
}

function where(f: { location: { kind: string } & Record<string, unknown> }): string {
  const l = f.location;
  const parts = [l.file, l.sheet && l.cell ? `${String(l.sheet)}!${String(l.cell)}` : undefined, l.line !== undefined ? `第${String(l.line)}行` : undefined];
  return parts.filter(Boolean).join(" · ");
}

/** Reads payment exports; with --budget, units and projects must be the budget's and dates its year's. */
export async function executionImportCommand(files: string[], opts: ExecutionImportOptions, io: Io): Promise<number> {
  const importOpts: PaymentImportOptions = {};
  if (opts.budget) {
    const { budget } = await readBudget(opts.budget);
    importOpts.year = budget.year;
    importOpts.units = new Set(budget.units.map((u) => u.code));
    importOpts.projects = new Set(budget.projects.map((p) => p.code));
  } else if (opts.year) importOpts.year = Number(opts.year);
  const payments: Payment[] = [];
  let bad = false;
  for (const file of files) {
    const r = await importPayments(new Uint8Array(await readFile(file)), file, importOpts);
    if (r.ok) {
      payments.push(...r.payments);
      continue;
    }
    bad = true;
    for (const f of r.findings) io.err(`错误 / error: ${where(f as never) || file}: ${f.message}`);
  }
  if (bad) return EXIT.unusable;
  if (opts.json) io.out(JSON.stringify({ payments }));
  else io.out(`可导入 ${payments.length} 条支付记录，合计 ${formatYuan(fen(payments.reduce((s, p) => s + p.amount, 0)))} 元 / ${payments.length} payments ready to import`);
  return EXIT.ok;
}

export interface EvaluateOptions {
  execution: string;
  out: string;
  format: string;
}

const EVALUATION_FILES: Record<string, string> = { json: "evaluation.json", html: "evaluation.html", xlsx: "evaluation.xlsx", pdf: "evaluation.pdf", txt: "evaluation.txt" };

/** Writes the self-evaluation report of a budget with its execution directory. */
export async function evaluateCommand(budgetPath: string, opts: EvaluateOptions, io: Io): Promise<number> {
  const formats = parseFormats(opts.format);
  const { budget } = await readBudget(budgetPath);
  const exec = await readExecutionDir(opts.execution, { units: new Set(budget.units.map((u) => u.code)), projects: new Set(budget.projects.map((p) => p.code)) });
  const doc = evaluationDocument(budget, exec);
  await mkdir(opts.out, { recursive: true });
  for (const f of formats) {
    const name = EVALUATION_FILES[f] ?? `evaluation${extname(RENDERERS[f]!.file)}`;
    await writeFile(join(opts.out, name), await RENDERERS[f]!.render(doc));
    io.out(join(opts.out, name));
  }
  const findings = runExecutionRules(createExecutionRuleContext(budget, exec));
  for (const f of findings) io.err(`${SEVERITY_NAMES[f.severity]} ${f.rule}: ${f.message}`);
  return findings.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
}
