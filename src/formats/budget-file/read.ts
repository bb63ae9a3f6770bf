/**
 * Reading a budget from disk: a directory holding budget.yaml (or .yml / .json), or the file itself.
 * Every problem names the file, the line and the field; nothing half-read is ever returned.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import type { Budget } from "../../core/model.ts";
import { InputError, type InputProblem, fieldPath } from "../errors.ts";
import { fileToBudget } from "./convert.ts";
import { UNSURE, jsonDataIfPlain, loadYamlFast } from "./fast-load.ts";
import { type LocatedText, lineOf, parseLocated } from "./locations.ts";
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

/**
 * Parses budget text; `locate` finds the line of a field. The common path is fast (js-yaml or JSON.parse,
 * no locations); the location-keeping `yaml` parser runs only when `locate` is first called, and every
 * failure is read again by it, so each message names the line it always has.
 */
export function parseBudgetDocument(text: string, file: string, format: "yaml" | "json"): ParsedBudget {
  const data = format === "json" ? jsonDataIfPlain(text, parseJson(text, file)) : loadYamlFast(text);
  if (data === UNSURE || !isRecord(data)) return parseBudgetDocumentWithLocations(text, file, format);
  const parsed = budgetFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return parseBudgetDocumentWithLocations(text, file, format);
  let located: LocatedText | undefined;
  const locate = (path: string): SourcePlace | undefined => {
    located ??= parseLocated(text);
    const line = lineOf(located, parsePath(path));
    return line ? { line } : undefined;
  };
  return { budget: fileToBudget(parsed.data), locate };
}

/** A budget parsed from text, with a way to find the line of each field. */
export interface ParsedBudget {
  budget: Budget;
  locate: (path: string) => SourcePlace | undefined;
}

/**
 * The same, reading with the location-keeping parser from the start: what every file went through before
 * the fast path, kept as the reference the fast path is tested against, and used whenever it is unsure.
 */
export function parseBudgetDocumentWithLocations(text: string, file: string, format: "yaml" | "json"): ParsedBudget {
  if (format === "json") parseJson(text, file);
  // JSON is YAML 1.2, so one parser gives line numbers for both.
  const located = parseLocated(text);
  const { doc, lines } = located;
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.slice(0, 1).map((err) => {
        const line = lines.linePos(err.pos[0]).line;
        return { file, where: `第${line}行 / line ${line}`, message: `YAML 格式错误 / invalid YAML: ${err.message.split("\n")[0]}` };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isRecord(data)) throw new InputError([{ file, message: "文件内容应为一个预算对象 / the file must hold one budget object" }]);
  const parsed = budgetFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new InputError(issuesToProblems(parsed.error.issues, file, located));
  const locate = (path: string): SourcePlace | undefined => {
    const line = lineOf(located, parsePath(path));
    return line ? { line } : undefined;
  };
  return { budget: fileToBudget(parsed.data), locate };
}

function isRecord(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === "object" && !Array.isArray(data);
}

/** JSON.parse, with its error as an InputError naming the line. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split("\n").length : undefined;
    throw new InputError([{ file, where: line ? `第${line}行 / line ${line}` : undefined, message: `JSON 格式错误 / invalid JSON: ${(e as Error).message}` }]);
  }
}

function issuesToProblems(issues: readonly z.core.$ZodIssue[], file: string, located: LocatedText): InputProblem[] {
  return issues.slice(0, 50).map((issue) => {
    const line = lineOf(located, issue.path);
    return { file, where: line ? `第${line}行 / line ${line}` : undefined, field: fieldPath(issue.path) || undefined, message: issueMessage(issue) };
  });
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
