/**
 * Reading a budget from disk: a directory holding budget.yaml (or .yml / .json), or the file itself.
 * Every problem names the file, the line and the field; nothing half-read is ever returned.
 *
 * This module loads no YAML parser of its own: a YAML file the fast loader (js-yaml) reads and whose places
 * it recorded is answered here; anything else (JSON, errors, text the fast path leaves to `yaml`) goes to
 * read.ts, imported only then, so that `yusuan check` on an ordinary file never loads `yaml`.
 */
import { type Stats, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Budget } from "../../core/model.ts";
import { InputError } from "../errors.ts";
import { fileToBudget } from "./convert.ts";
import { UNSURE, loadYamlFast, loadYamlFastWithPlaces } from "./fast-load.ts";
import { PLACES_UNSURE, type Places } from "./places.ts";
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
  return budgetFileOf(path).file;
}

/**
 * The budget file of a path (the path itself, or the first candidate in a directory) and its size. The calls
 * are synchronous: a command or a batch worker reads one budget at a time, and three asynchronous stats a
 * budget each cost a trip through libuv's thread pool (7% of a batch check's time, measured).
 */
function budgetFileOf(path: string): { file: string; size: number } {
  const s = statOf(path);
  if (!s) throw new InputError([{ file: path, message: "找不到文件或目录 / no such file or directory" }]);
  if (!s.isDirectory()) return { file: path, size: s.size };
  for (const c of CANDIDATES) {
    const p = join(path, c);
    const found = statOf(p);
    if (found) return { file: p, size: found.size };
  }
  throw new InputError([{ file: path, message: `目录中没有预算文件 / no budget file in this directory (expected one of ${CANDIDATES.join(", ")})` }]);
}

/** A path's stat, or undefined when it cannot be read (missing, or not ours to read). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export interface ReadOptions {
  /**
   * Whether `locate` must answer (default true). A caller that only counts findings (a batch's check) says
   * false: the fast loader's data is then used even where its recorded places could not be matched, and
   * `locate` answers nothing. The budget read is the same either way.
   */
  locations?: boolean;
}

export async function readBudget(path: string, { locations = true }: ReadOptions = {}): Promise<ReadBudget> {
  const { file, size } = budgetFileOf(path);
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
  const text = readFileSync(file, "utf8");
  const fast = ext === ".json" ? undefined : parseYamlFast(text, locations);
  if (fast && !locations) return { budget: fast.budget, locate: () => undefined, file };
  if (fast && fast.places !== PLACES_UNSURE && fast.places.sure()) return { budget: fast.budget, locate: locateIn(fast.places), file };
  const { parseBudgetDocument } = await import("./read.ts");
  return { ...parseBudgetDocument(text, file, ext === ".json" ? "json" : "yaml"), file };
}

/** "lineItems[3].economic" → ["lineItems", 3, "economic"] */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}


/** A budget parsed from text, with a way to find the line of each field. */
export interface ParsedBudget {
  budget: Budget;
  locate: (path: string) => SourcePlace | undefined;
}

/**
 * YAML text → a valid budget and its places, or undefined when the fast loader is unsure or the budget is
 * not valid (read.ts then reads it with `yaml`, for today's messages and lines).
 */
export function parseYamlFast(text: string, withPlaces = true): { budget: Budget; places: Places | typeof PLACES_UNSURE } | undefined {
  const loaded = withPlaces ? loadYamlFastWithPlaces(text) : dataOnly(loadYamlFast(text));
  if (loaded === UNSURE || !isRecord(loaded.data)) return undefined;
  const parsed = budgetFileSchema.safeParse(loaded.data, { reportInput: true });
  return parsed.success ? { budget: fileToBudget(parsed.data), places: loaded.places } : undefined;
}

/** Data read without places, in the shape parseYamlFast reads. */
function dataOnly(data: unknown): { data: unknown; places: typeof PLACES_UNSURE } | typeof UNSURE {
  return data === UNSURE ? UNSURE : { data, places: PLACES_UNSURE };
}

/** `locate` from recorded places that are sure(). */
export function locateIn(places: Places): (path: string) => SourcePlace | undefined {
  return (path) => {
    const line = places.lineOf(parsePath(path));
    return line ? { line } : undefined;
  };
}

export function isRecord(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === "object" && !Array.isArray(data);
}
