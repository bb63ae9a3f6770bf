/**
 * 执行数据目录 — a year's execution on disk: `execution.yaml` (date the data runs to, adjustments with
 * their approvals, indicator actuals, last year's figures) and the treasury payment exports beside it
 * (every *.csv and *.xlsx, read all or nothing). Amounts in the YAML are 元, as people write them.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Execution, Payment } from "../../core/execution/model.ts";
import { type Fen, fromYuanNumber, parseDecimal } from "../../core/money.ts";
import type { Finding } from "../../core/rules/finding.ts";
import { InputError, fieldPath } from "../errors.ts";
import { type PaymentImportOptions, importPayments } from "./payments.ts";

export const EXECUTION_FILE = "execution.yaml";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd");
const money = z.union([z.number(), z.string()]).transform((v, ctx): Fen => {
  try {
    return typeof v === "number" ? fromYuanNumber(v) : parseDecimal(v, "元");
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
    return z.NEVER;
  }
});
const lineRef = z.object({ unit: z.string(), functional: z.string(), economic: z.string(), project: z.string().optional() });
const value = z.union([z.number(), z.string()]).transform((v) => String(v));

const actual = z.object({
  project: z.string().optional(),
  level2: z.string().optional(),
  level3: z.string(),
  value: z.union([
    z.object({ kind: z.literal("numeric"), value }),
    z.object({ kind: z.literal("date"), date: date.optional() }),
    z.object({ kind: z.literal("qualitative"), text: z.string(), achieved: z.enum(["达成", "基本达成", "未达成"]) }),
    z.object({ kind: z.literal("not-applicable"), reason: z.string() }),
  ]),
  evidence: z.string().optional(),
  attachments: z.array(z.string()).optional(),
  reason: z.string().optional(),
});

export const executionFileSchema = z.object({
  year: z.number().int(),
  asOf: date,
  adjustments: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(["追加", "追减", "调剂"]),
        date,
        amount: money,
        from: lineRef.optional(),
        to: lineRef.optional(),
        reason: z.string(),
        approval: z.object({ document: z.string(), date, by: z.string().optional() }).optional(),
      }),
    )
    .default([]),
  actuals: z.array(actual).default([]),
  procurementExecuted: money.optional(),
  staff: z.number().int().nonnegative().optional(),
  prior: z
    .object({ carryOver: money.optional(), personnel: money.optional(), publicFunds: money.optional(), staff: z.number().int().nonnegative().optional(), threePublic: money.optional() })
    .optional(),
  reasons: z.record(z.string(), z.string()).optional(),
});

/** Removes keys whose value is undefined (exactOptionalPropertyTypes-friendly copies of parsed data). */
function clean<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Reads an execution directory; throws InputError listing every problem (YAML fields, bad payment rows). */
export async function readExecutionDir(dir: string, opts: PaymentImportOptions = {}): Promise<Execution> {
  const file = join(dir, EXECUTION_FILE);
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (e) {
    throw new InputError([{ file, message: `无法读取执行数据 / cannot read execution data: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const parsed = executionFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((i) => ({ file, field: fieldPath(i.path), message: i.message })));
  }
  const data = clean(parsed.data);
  const names = (await readdir(dir)).filter((n) => /\.(csv|xlsx)$/i.test(n)).sort();
  const payments: Payment[] = [];
  const findings: Finding[] = [];
  for (const n of names) {
    const r = await importPayments(new Uint8Array(await readFile(join(dir, n))), join(dir, n), { year: data.year, ...opts });
    if (r.ok) payments.push(...r.payments);
    else findings.push(...r.findings);
  }
  if (findings.length) throw new InputError(findings.map(findingProblem));
  return { ...data, payments } as Execution;
}

function findingProblem(f: Finding): { file: string; where?: string; message: string } {
  const l = f.location;
  if (l.kind !== "data") return { file: "", message: f.message };
  const where = l.sheet ? `${l.sheet}!${l.cell ?? ""}` : l.line !== undefined ? `第${l.line}行 / line ${l.line}` : undefined;
  return where ? { file: l.file ?? "", where, message: f.message } : { file: l.file ?? "", message: f.message };
}
