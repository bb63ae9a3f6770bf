/**
 * Reading a filled entry workbook into a Budget. All or nothing: the workbook becomes the same budget-file
 * object a YAML file gives, is validated by the same schema, and any problem — from the cells or from the
 * schema — is reported by sheet and cell (支出明细!G7) with the field path, never as a partial budget.
 */
import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { Budget } from "../../core/model.ts";
import { fileToBudget } from "../budget-file/convert.ts";
import { MAX_BUDGET_FILE_BYTES, type SourcePlace } from "../budget-file/read-file.ts";
import { budgetFileSchema } from "../budget-file/schema.ts";
import { InputError, type InputProblem, fieldPath } from "../errors.ts";
import { type WorkbookData, buildFile } from "./build.ts";
import { checkZip, zipProblemText } from "../zip.ts";
import { ENTRY_WORKBOOK_ZIP_LIMITS, containerProblem } from "./container.ts";
import {
  ASSETS_SHEET,
  DEPARTMENT_SHEET,
  INCOME_SHEET,
  INDICATORS_SHEET,
  LINE_ITEMS_SHEET,
  PROCUREMENT_SHEET,
  PROJECTS_SHEET,
  REQUIRED_SHEETS,
  SHEET_ORDER,
  TARGETS_SHEET,
  TEXTS_SHEET,
  UNITS_SHEET,
  type KvSheetDef,
  type TableSheetDef,
  priorSheet,
} from "./layout.ts";
import { type KvData, type Problem, type TableData, readKvSheet, readTableSheet } from "./sheets.ts";

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 50;

/** Reads the workbook at `file` (size-checked before reading). */
export async function readEntryWorkbook(file: string): Promise<Budget> {
  return (await readEntryWorkbookPlaced(file)).budget;
}

/** A budget read from a workbook, with the cell each field came from (支出明细!G7 for lineItems[5].amount). */
export interface PlacedWorkbookBudget {
  budget: Budget;
  locate: (path: string) => SourcePlace | undefined;
}

/** Reads the workbook at `file`, keeping where each field was written, for findings to name the cell. */
export async function readEntryWorkbookPlaced(file: string): Promise<PlacedWorkbookBudget> {
  const s = await stat(file).catch(() => undefined);
  if (!s || !s.isFile()) throw new InputError([{ file, message: "找不到文件 / no such file" }]);
  if (s.size > MAX_BUDGET_FILE_BYTES) throw tooLarge(file, s.size);
  return parseEntryWorkbookPlaced(new Uint8Array(await readFile(file)), file);
}

function tooLarge(file: string, size: number): InputError {
  return new InputError([{ file, message: `文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${MAX_BUDGET_FILE_BYTES / 1048576} MB） / file too large (limit ${MAX_BUDGET_FILE_BYTES / 1048576} MB)` }]);
}

/** Reads workbook bytes; `fileName` names the file in messages. */
export async function parseEntryWorkbook(bytes: Uint8Array, fileName: string): Promise<Budget> {
  return (await parseEntryWorkbookPlaced(bytes, fileName)).budget;
}

/** `parseEntryWorkbook`, keeping the cell of each field (see PlacedWorkbookBudget). */
export async function parseEntryWorkbookPlaced(bytes: Uint8Array, fileName: string): Promise<PlacedWorkbookBudget> {
  if (bytes.byteLength > MAX_BUDGET_FILE_BYTES) throw tooLarge(fileName, bytes.byteLength);
  const bad = containerProblem(bytes);
  if (bad) throw new InputError([{ file: fileName, message: bad }]);
  const zip = await checkZip(bytes, ENTRY_WORKBOOK_ZIP_LIMITS);
  if (!zip.ok) throw new InputError([{ file: fileName, message: zipProblemText(zip, fileName) }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new InputError([{ file: fileName, message: `无法读取工作簿，文件可能已损坏 / cannot read the workbook, the file may be damaged: ${(e as Error).message}` }]);
  }

  const problems: Problem[] = [];
  let fatal = false;
  const sheet = (name: string) => wb.worksheets.find((ws) => ws.name.trim() === name);
  for (const name of REQUIRED_SHEETS) {
    if (!sheet(name)) {
      fatal = true;
      problems.push({ message: `缺少工作表“${name}”：请使用 yusuan new --xlsx 生成的模板，不要删除或改名工作表 / missing sheet ${name}` });
    }
  }
  const table = (def: TableSheetDef): TableData | undefined => {
    const ws = sheet(def.name);
    if (!ws) return undefined;
    const r = readTableSheet(ws, def, problems);
    fatal ||= r.fatal;
    return r.data;
  };
  const kv = (def: KvSheetDef): KvData | undefined => {
    const ws = sheet(def.name);
    if (!ws) return undefined;
    const r = readKvSheet(ws, def, problems);
    fatal ||= r.fatal;
    return r.data;
  };
  const data = {
    department: kv(DEPARTMENT_SHEET),
    units: table(UNITS_SHEET),
    lineItems: table(LINE_ITEMS_SHEET),
    projects: table(PROJECTS_SHEET),
    indicators: table(INDICATORS_SHEET),
    targets: table(TARGETS_SHEET),
    income: table(INCOME_SHEET),
    procurement: table(PROCUREMENT_SHEET),
    assets: kv(ASSETS_SHEET),
    // 类 rows are recognised by their prefix, so the catalog's list of 类 is not needed to read them.
    prior: kv(priorSheet([])),
    texts: kv(TEXTS_SHEET),
  };
  if (fatal || !data.department || !data.units || !data.lineItems) throw new InputError(located(problems, fileName));

  const built = buildFile(data as WorkbookData);
  problems.push(...built.problems);
  const parsed = budgetFileSchema.safeParse(built.file, { reportInput: true });
  if (!parsed.success) {
    const taken = new Set(problems.map((p) => p.ref).filter(Boolean));
    for (const issue of parsed.error.issues) {
      const ref = refOf(built.cells, issue.path);
      // A cell already reported while reading is not reported again by the schema.
      if (ref && taken.has(ref)) continue;
      problems.push({ ref, field: fieldPath(issue.path) || undefined, message: issueMessage(issue) });
    }
  }
  if (problems.length > 0) throw new InputError(located(problems, fileName));
  const cells = built.cells;
  return { budget: fileToBudget(parsed.data!), locate: (path) => placeOf(cells, path) };
}

/**
 * The sheet and cell of a finding's path (lineItems[3].amount → 支出明细!G6): the path's own cell, or that of
 * its deepest written prefix (a missing field points at its row).
 */
function placeOf(cells: Map<string, string>, path: string): SourcePlace | undefined {
  for (let p = path; p !== ""; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const ref = cells.get(p);
    if (ref) {
      const m = /^(.*)!([A-Z]+\d+)$/.exec(ref);
      return m ? { sheet: m[1]!, cell: m[2]! } : { sheet: ref };
    }
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return undefined;
}

/** The cell of a field path: the deepest registered prefix (a missing field points at its row or column). */
function refOf(cells: Map<string, string>, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n >= 0; n--) {
    const hit = cells.get(fieldPath(path.slice(0, n)));
    if (hit) return hit;
  }
  return undefined;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if ((issue.code === "invalid_type" || issue.code === "invalid_union") && "input" in issue && issue.input === undefined) {
    return "必填，这里不能为空 / required: this cell must not be empty";
  }
  switch (issue.code) {
    case "invalid_type":
      return `类型错误，应为 ${issue.expected} / wrong type, expected ${issue.expected}`;
    case "too_small":
      if (issue.origin === "array") return `至少要填 ${String(issue.minimum)} 行 / at least ${String(issue.minimum)} row(s) needed`;
      return `数值太小或内容太短 / too small: ${issue.message}`;
    case "too_big":
      return `数值太大或内容太长 / too big: ${issue.message}`;
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue && String(issue.pattern).includes("\\d{4}-\\d{2}-\\d{2}")
        ? "应为日期，写成 2020-12-31 的形式 / expected a date like 2020-12-31"
        : `格式错误 / wrong format: ${issue.message}`;
    case "invalid_union":
      return "取值无效 / invalid value";
    case "unrecognized_keys":
      return `未知字段 / unknown field: ${issue.keys.join(", ")}`;
    default:
      return issue.message;
  }
}

/** "支出明细!G7" → sort key: sheet order, row, column. */
function sortKey(ref: string | undefined): [number, number, number] {
  if (!ref) return [-1, 0, 0];
  const m = /^(.*)!([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return [SHEET_ORDER.length, 0, 0];
  const sheetIndex = SHEET_ORDER.indexOf(m[1]!);
  const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [sheetIndex < 0 ? SHEET_ORDER.length : sheetIndex, Number(m[3]), col];
}

function located(problems: Problem[], file: string): InputProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const k = `${p.ref ?? ""}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const sorted = unique
    .map((p, i) => ({ p, k: [...sortKey(p.ref), i] }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.k[2]! - b.k[2]! || a.k[3]! - b.k[3]!)
    .map(({ p }) => p);
  const shown = sorted.length > MAX_PROBLEMS ? MAX_PROBLEMS - 1 : sorted.length;
  const out: InputProblem[] = sorted.slice(0, shown).map((p) => ({ file, where: p.ref, field: p.field, message: p.message }));
  if (sorted.length > shown) {
    out.push({ file, message: `另有 ${sorted.length - shown} 个问题未列出：请先改正以上问题 / ${sorted.length - shown} more problems not listed` });
  }
  return out;
}
