/**
 * Reading a budget from disk: a directory holding budget.yaml (or .yml / .json), or the file itself.
 * Every problem names the file, the line and the field; nothing half-read is ever returned.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { type Document, LineCounter, isNode, parseDocument } from "yaml";
import type { z } from "zod";
import type { Budget } from "../../core/model.ts";
import { InputError, type InputProblem, fieldPath } from "../errors.ts";
import { fileToBudget } from "./convert.ts";
import { budgetFileSchema } from "./schema.ts";

/** Files larger than this are refused before they are read. */
export const MAX_BUDGET_FILE_BYTES = 20 * 1024 * 1024;

const CANDIDATES = ["budget.yaml", "budget.yml", "budget.json", "budget.xlsx"];

/** Where a path into the budget data (e.g. `lineItems[3].economic`) was written in its file. */
export interface SourcePlace {
  line?: number;
  sheet?: string;
  cell?: string;
}

/** A budget as read, with a way to find where each of its fields came from. */
export interface ReadBudget {
  budget: Budget;
  file: string;
  locate: (path: string) => SourcePlace | undefined;
}

/** Another reader (the XLSX entry workbook) can plug in here without this module importing it. */
export type BudgetReader = (file: string) => Promise<Budget | { budget: Budget; locate: (path: string) => SourcePlace | undefined }>;
const extraReaders = new Map<string, BudgetReader>();

export function registerBudgetReader(extension: string, reader: BudgetReader): void {
  extraReaders.set(extension, reader);
}

/** Resolves a budget argument (directory or file) to the file to read. */
export async function resolveBudgetFile(path: string): Promise<string> {
  const s = await stat(path).catch(() => undefined);
  if (!s) throw new InputError([{ file: path, message: "找不到文件或目录 / no such file or directory" }]);
  if (!s.isDirectory()) return path;
  for (const c of CANDIDATES) {
    const p = join(path, c);
    if (await stat(p).catch(() => undefined)) return p;
  }
  throw new InputError([{ file: path, message: `目录中没有预算文件 / no budget file in this directory (expected one of ${CANDIDATES.join(", ")})` }]);
}

export async function readBudget(path: string): Promise<ReadBudget> {
  const file = await resolveBudgetFile(path);
  const size = (await stat(file)).size;
  if (size > MAX_BUDGET_FILE_BYTES) {
    throw new InputError([{ file, message: `文件过大（${(size / 1048576).toFixed(1)} MB，上限 20 MB） / file too large (limit 20 MB)` }]);
  }
  const ext = file.slice(file.lastIndexOf(".")).toLowerCase();
  const extra = extraReaders.get(ext);
  if (extra) {
    const r = await extra(file);
    return "budget" in r && "locate" in r ? { budget: r.budget, locate: r.locate, file } : { budget: r as Budget, locate: () => undefined, file };
  }
  if (ext !== ".yaml" && ext !== ".yml" && ext !== ".json") {
    throw new InputError([{ file, message: `不支持的文件类型 ${ext} / unsupported file type (use .yaml, .json${[...extraReaders.keys()].map((e) => `, ${e}`).join("")})` }]);
  }
  const text = await readFile(file, "utf8");
  return { ...parseBudgetDocument(text, file, ext === ".json" ? "json" : "yaml"), file };
}

/** "lineItems[3].economic" → ["lineItems", 3, "economic"] */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Parses budget text (YAML or JSON). `file` is only used in messages. */
export function parseBudgetText(text: string, file: string, format: "yaml" | "json"): Budget {
  return parseBudgetDocument(text, file, format).budget;
}

/** Parses budget text and keeps the document, so findings can name the line of each field. */
export function parseBudgetDocument(text: string, file: string, format: "yaml" | "json"): { budget: Budget; locate: (path: string) => SourcePlace | undefined } {
  const name = basename(file) === file ? file : file;
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (e) {
      const pos = /position (\d+)/.exec(String(e))?.[1];
      const line = pos ? text.slice(0, Number(pos)).split("\n").length : undefined;
      throw new InputError([{ file: name, where: line ? `第${line}行 / line ${line}` : undefined, message: `JSON 格式错误 / invalid JSON: ${(e as Error).message}` }]);
    }
  }
  // JSON is YAML 1.2, so one parser gives line numbers for both.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.slice(0, 1).map((err) => {
        const line = lineCounter.linePos(err.pos[0]).line;
        return { file: name, where: `第${line}行 / line ${line}`, message: `YAML 格式错误 / invalid YAML: ${err.message.split("\n")[0]}` };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new InputError([{ file: name, message: "文件内容应为一个预算对象 / the file must hold one budget object" }]);
  }
  const parsed = budgetFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new InputError(issuesToProblems(parsed.error.issues, name, doc, lineCounter));
  const locate = (path: string): SourcePlace | undefined => {
    const line = lineOf(doc, lineCounter, parsePath(path));
    return line ? { line } : undefined;
  };
  return { budget: fileToBudget(parsed.data), locate };
}

function issuesToProblems(issues: readonly z.core.$ZodIssue[], file: string, doc: Document, lc: LineCounter): InputProblem[] {
  return issues.slice(0, 50).map((issue) => {
    const line = lineOf(doc, lc, issue.path);
    return { file, where: line ? `第${line}行 / line ${line}` : undefined, field: fieldPath(issue.path) || undefined, message: issueMessage(issue) };
  });
}

function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // The deepest node that exists on the path (a missing field points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `未知字段 / unknown field: ${issue.keys.join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? `缺少必填字段 / missing required field` : `类型错误，应为 ${issue.expected} / wrong type, expected ${issue.expected}`;
    case "too_small":
      return `内容不足 / too small: ${issue.message}`;
    case "invalid_format":
      return `格式错误 / wrong format: ${issue.message}`;
    case "invalid_union":
      return `取值无效 / invalid value (neither form of this field matches)`;
    default:
      return issue.message;
  }
}
