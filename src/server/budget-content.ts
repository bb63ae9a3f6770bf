/**
 * 预算内容 — a budget as stored (the budget-file JSON of its current version) and back. Input from a client
 * goes through the same schema as a YAML file, so the messages name the field; what is stored is the
 * canonical form `budgetToFile` writes (amounts as 元 text: exact, whatever the driver).
 */
import type { Budget } from "../core/model.ts";
import { budgetToFile, fileToBudget } from "../formats/budget-file/convert.ts";
import { parseBudgetData, parseBudgetText } from "../formats/budget-file/read.ts";
import { budgetFileSchema } from "../formats/budget-file/schema.ts";
import { parseEntryWorkbook } from "../formats/entry-workbook/read.ts";
import { AppError } from "./errors.ts";
import { decodeUtf8Strict } from "./json-body.ts";

export type Content = Record<string, unknown>;

/**
 * Client input (budget-file JSON) → model; InputError names each bad field. The round trip through JSON
 * reads content built in code (an edit, a skeleton) exactly as a client's body would be read.
 */
export function parseContent(content: unknown, name = "budget.json"): Budget {
  return parseBudgetData(JSON.parse(JSON.stringify(content)), name);
}

/** Stored content → model. It was validated when saved, so only the schema's transforms run. */
export function storedToBudget(content: Content): Budget {
  return fileToBudget(budgetFileSchema.parse(content));
}

export function toContent(b: Budget): Content {
  return budgetToFile(b);
}

/** An uploaded file (YAML, JSON or the XLSX entry workbook) → model; all or nothing. */
export async function parseUpload(fileName: string, bytes: Uint8Array): Promise<Budget> {
  const ext = fileName.slice(fileName.lastIndexOf(".")).toLowerCase();
  if (ext === ".xlsx") return parseEntryWorkbook(bytes, fileName);
  if (ext === ".yaml" || ext === ".yml" || ext === ".json") {
    // Invalid UTF-8 is refused with its place, never read as U+FFFD; NUL and lone surrogates cannot be stored.
    const budget = parseBudgetText(decodeUtf8Strict(bytes, `文件 ${fileName} / file ${fileName} `), fileName, ext === ".json" ? "json" : "yaml");
    return budget;
  }
  throw new AppError("unsupported", `不支持的文件类型 ${ext} / unsupported file type (use .yaml, .json or .xlsx)`);
}

/** A skeleton for a new budget: the department and its units, nothing else. */
export function skeleton(year: number, dept: { code: string; name: string; regionName: string }, units: { code: string; name: string }[]): Content {
  return {
    year,
    department: { code: dept.code, name: dept.name, region: dept.regionName },
    units: units.map((u) => ({ code: u.code, name: u.name, type: "administrative" })),
    lineItems: [],
    projects: [],
    procurement: [],
    reasons: {},
    profile: { duties: [], organisation: "" },
  };
}

/** Edits of parts of the content, each returning new content (never mutating the stored object). */
export const edits = {
  addLineItem: (c: Content, item: unknown): Content => ({ ...c, lineItems: [...list(c.lineItems), item] }),
  replaceLineItem: (c: Content, position: number, item: unknown): Content => {
    const items = list(c.lineItems);
    if (position < 0 || position >= items.length) throw new AppError("not-found", `没有第 ${position} 条明细 / no line item at position ${position}`);
    return { ...c, lineItems: items.map((x, i) => (i === position ? item : x)) };
  },
  deleteLineItem: (c: Content, position: number): Content => {
    const items = list(c.lineItems);
    if (position < 0 || position >= items.length) throw new AppError("not-found", `没有第 ${position} 条明细 / no line item at position ${position}`);
    return { ...c, lineItems: items.filter((_, i) => i !== position) };
  },
  putProject: (c: Content, code: string, project: Record<string, unknown>): Content => {
    const projects = list(c.projects) as Record<string, unknown>[];
    const next = { ...project, code };
    const i = projects.findIndex((p) => String(p.code) === code);
    return { ...c, projects: i < 0 ? [...projects, next] : projects.map((p, j) => (j === i ? next : p)) };
  },
  deleteProject: (c: Content, code: string): Content => {
    const projects = list(c.projects) as Record<string, unknown>[];
    if (!projects.some((p) => String(p.code) === code)) throw new AppError("not-found", `没有项目 ${code} / no project ${code}`);
    return { ...c, projects: projects.filter((p) => String(p.code) !== code) };
  },
  setTargets: (c: Content, targets: unknown): Content => ({ ...c, targets }),
  setTexts: (c: Content, texts: { reasons?: unknown; profile?: unknown }): Content => ({
    ...c,
    ...(texts.reasons !== undefined ? { reasons: texts.reasons } : {}),
    ...(texts.profile !== undefined ? { profile: texts.profile } : {}),
  }),
};

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
