/**
 * Execution commands: `yusuan execution import <files…>` checks treasury payment exports (all or nothing,
 * each bad row with its place); `yusuan evaluate <budget> --execution <dir> --out <dir>` writes the
 * year-end self-evaluation report in the publication formats and prints the execution rules' findings
 * (exit 1 when one is an error, as `yusuan check`).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { stringify as toYaml, parse as parseYaml } from "yaml";
import { type CodeMapping, nextYearBudget } from "../core/execution/next-year.ts";
import { budgetToFile } from "../formats/budget-file/convert.ts";
import { InputError } from "../formats/errors.ts";
import { extname, join } from "node:path";
import { evaluationDocument } from "../core/execution/report.ts";
import { createExecutionRuleContext, runExecutionRules } from "../core/rules/execution.ts";
import { SEVERITY_NAMES } from "../core/rules/finding.ts";
import type { Payment } from "../core/execution/model.ts";
import { formatYuan, fen } from "../core/money.ts";
import { readBudget } from "../formats/budget-file/read-file.ts";
import { readExecutionDir } from "../formats/execution/execution-file.ts";
import { type PaymentImportOptions, importPayments } from "../formats/execution/payments.ts";
import { EXIT, type Io } from "./main.ts";
import { parseFormats } from "./render.ts";
import { RENDERERS } from "../formats/renderers.ts";

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

export interface NextYearCliOptions {
  out: string;
  execution?: string;
  mapping?: string;
  drop?: string;
}

/** Reads a code mapping file: YAML or JSON `{ functional: { old: new }, economic: { old: new } }`. */
async function readMapping(file: string): Promise<CodeMapping> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (e) {
    throw new InputError([{ file, message: `无法读取科目对照 / cannot read the code mapping: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const ok = (v: unknown) => v === undefined || (typeof v === "object" && v !== null && Object.values(v).every((x) => typeof x === "string"));
  const m = raw as Record<string, unknown> | null;
  if (!m || typeof m !== "object" || !ok(m.functional) || !ok(m.economic)) {
    throw new InputError([{ file, message: "科目对照应为 { functional: { 旧: 新 }, economic: { 旧: 新 } } / expected { functional: {old: new}, economic: {old: new} }" }]);
  }
  return m as CodeMapping;
}

/** Writes next year's budget.yaml started from this year's. */
export async function nextYearCommand(budgetPath: string, opts: NextYearCliOptions, io: Io): Promise<number> {
  const { budget } = await readBudget(budgetPath);
  const drop = new Set((opts.drop ?? "").split(",").map((s) => s.trim()).filter(Boolean));
  const options: Parameters<typeof nextYearBudget>[1] = { recurring: (p) => p.class !== "special" && !drop.has(p.code) };
  if (opts.mapping) options.mapping = await readMapping(opts.mapping);
  if (opts.execution) options.execution = await readExecutionDir(opts.execution, { units: new Set(budget.units.map((u) => u.code)), projects: new Set(budget.projects.map((p) => p.code)) });
  const r = nextYearBudget(budget, options);
  await mkdir(opts.out, { recursive: true });
  const file = join(opts.out, "budget.yaml");
  const header = `# ${r.budget.year}年度部门预算草稿，由 ${budget.year} 年预算生成（yusuan next-year）：金额为上年数，请逐项修改；上年数已填入 prior。\n`;
  await writeFile(file, header + toYaml(budgetToFile(r.budget), { lineWidth: 0 }));
  io.out(file);
  for (const m of r.mapped) io.err(`科目代码已对照 / code mapped: ${m}`);
  for (const d of r.dropped) io.err(`未结转的项目 / project not carried over: ${d}`);
  return EXIT.ok;
}
