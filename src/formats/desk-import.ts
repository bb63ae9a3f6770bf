/**
 * 批量导入支出明细 — reads another system's export of many departments' line items (CSV or XLSX, first
 * sheet, one header row) through a column mapping (src/core/desk.ts) and groups the rows by department.
 * A department is all or nothing: one bad row refuses that department's rows and names the file, the line
 * (CSV) or sheet and cell (XLSX), and the field; the other departments are read as usual. A file the
 * mapping does not fit (a mapped column missing) or that cannot be read at all refuses everything.
 */
import ExcelJS from "exceljs";
import { type ImportField, type ImportMapping, IMPORT_FIELD_NAMES, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from "../core/desk.ts";
import { type LineItem, lineItem } from "../core/model.ts";
import { MAX_AMOUNT, MoneyError, parseDecimal } from "../core/money.ts";
import type { Location } from "../core/rules/finding.ts";
import { NATURE_ALIASES, SOURCE_ALIASES, TEXT_LIMITS } from "./budget-file/schema.ts";
import { csvRecords, nonEmptyLines } from "./csv.ts";
import { type RawCell as Raw, cellValue, columnLetter } from "./sheet-cells.ts";
import { timeSlices } from "./turns.ts";
import { ZIP_LIMITS, type ZipLimits, checkZip, zipProblemText } from "./zip.ts";

/** 行数上限 — data rows an export may hold (as a payments export): more is refused before it is read. */
export const MAX_DESK_ROWS = 1_000_000;

/** unpacked-size limits of an XLSX export, checked before exceljs opens it (zip.ts) */
export const DESK_ZIP_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxTotal: 200 * 1024 * 1024, maxEntry: 200 * 1024 * 1024 };

/** The file cannot be read as a whole; its message is the user's. */
class Unreadable extends Error {}

const tooManyRows = () =>
  new Unreadable(`导入文件超过 ${MAX_DESK_ROWS.toLocaleString("en-US")} 行，未导入：请按部门拆分后分别导入 / more than ${MAX_DESK_ROWS.toLocaleString("en-US")} rows: nothing imported; split the export by department`);

/** 问题 — one problem of the file, with the place the user can find it. */
export interface ImportProblem {
  message: string;
  location: Extract<Location, { kind: "data" }>;
}

/** 一个部门的行 — the line items read for one department, or its problems. */
export interface DepartmentRows {
  department: string;
  /** where the department's first row is, for messages about the department as a whole */
  firstRow: Extract<Location, { kind: "data" }>;
  lineItems: LineItem[];
  problems: ImportProblem[];
}

export type DeskImportRead = { ok: true; departments: DepartmentRows[] } | { ok: false; problems: ImportProblem[] };


/** the rows of a table with a locating function for each cell */
interface Sheet {
  header: Raw[];
  rows: { cells: Raw[]; place: (col: number) => Extract<Location, { kind: "data" }> }[];
  headerPlace: (col: number) => Extract<Location, { kind: "data" }>;
}

const norm = (s: string) => s.replace(/[\s\uFEFF]/g, "").toLowerCase();

function text(v: Raw): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Counted, then parsed 64 KB at a time in slices of the event loop (csv.ts), never past the row cap. */
async function readCsv(content: string, file: string): Promise<Sheet> {
  const slices = timeSlices();
  if ((await nonEmptyLines(content, slices)) > MAX_DESK_ROWS + 1) throw tooManyRows();
  const records = await csvRecords(content, { bom: true, relax_column_count: true, skip_empty_lines: true, to: MAX_DESK_ROWS + 2 }, slices);
  if (records.length > MAX_DESK_ROWS + 1) throw tooManyRows();
  const header = records[0] ?? [];
  return {
    header,
    headerPlace: () => ({ kind: "data", path: "", file, line: 1 }),
    rows: records.slice(1).map((cells, i) => ({ cells, place: () => ({ kind: "data", path: "", file, line: i + 2 }) })),
  };
}

async function readXlsx(data: Uint8Array, file: string): Promise<Sheet> {
  const zip = await checkZip(data, DESK_ZIP_LIMITS);
  if (!zip.ok) throw new Unreadable(zipProblemText(zip, file));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("工作簿没有工作表 / no worksheet");
  const sheet = ws.name;
  const all: { number: number; cells: Raw[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Raw[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
    all.push({ number: row.number, cells });
  });
  if (all.length > MAX_DESK_ROWS + 1) throw tooManyRows();
  const [head, ...rest] = all;
  const at = (rowNumber: number) => (col: number) => ({ kind: "data" as const, path: "", file, sheet, cell: `${columnLetter(col + 1)}${rowNumber}` });
  return {
    header: head?.cells ?? [],
    headerPlace: at(head?.number ?? 1),
    rows: rest.filter((r) => r.cells.some((c) => text(c) !== "")).map((r) => ({ cells: r.cells, place: at(r.number) })),
  };
}

function parseAmount(v: Raw, unit: ImportMapping["amountUnit"]): number {
  const s = typeof v === "number" ? (/e/i.test(String(v)) ? v.toFixed(6) : String(v)) : text(v).replace(/,/g, "");
  if (s === "") throw new MoneyError("金额为空 / amount empty");
  const f = parseDecimal(s, unit);
  if (Math.abs(f) > MAX_AMOUNT) throw new MoneyError("金额超过上限 / amount above the limit");
  return f;
}

/** Reads the export; `file` is the name the user gave it. */
export async function readDeskImport(data: Uint8Array, file: string, mapping: ImportMapping): Promise<DeskImportRead> {
  let sheet: Sheet;
  try {
    sheet = /\.xlsx$/i.test(file) ? await readXlsx(data, file) : await readCsv(new TextDecoder("utf-8", { fatal: true }).decode(data), file);
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, problems: [{ message: e.message, location: { kind: "data", path: "", file } }] };
    const what = /\.xlsx$/i.test(file) ? "XLSX" : "CSV";
    return { ok: false, problems: [{ message: `${what} 无法读取 / unreadable ${what}: ${e instanceof Error ? e.message : String(e)}`, location: { kind: "data", path: "", file } }] };
  }
  if (sheet.header.length === 0) return { ok: false, problems: [{ message: "文件为空 / empty file", location: sheet.headerPlace(0) }] };

  // Where each mapped field's column is.
  const byHeader = new Map<string, number>();
  sheet.header.forEach((h, i) => {
    const k = norm(text(h));
    if (k && !byHeader.has(k)) byHeader.set(k, i);
  });
  const cols: Partial<Record<ImportField, number>> = {};
  const missing: ImportProblem[] = [];
  for (const f of IMPORT_FIELDS) {
    const header = mapping.columns[f];
    if (!header) {
      if (REQUIRED_IMPORT_FIELDS.includes(f)) missing.push({ message: `列映射缺少“${IMPORT_FIELD_NAMES[f]}” / the mapping names no column for ${f}`, location: sheet.headerPlace(0) });
      continue;
    }
    const i = byHeader.get(norm(header));
    // An optional column (项目编码, 摘要) may be absent: its rows have none (a project line without its code is a finding of the check).
    if (i === undefined && !REQUIRED_IMPORT_FIELDS.includes(f)) continue;
    if (i === undefined) missing.push({ message: `文件没有“${header}”列（${IMPORT_FIELD_NAMES[f]}）/ no column "${header}" for ${f} in the header row`, location: sheet.headerPlace(0) });
    else cols[f] = i;
  }
  if (missing.length) return { ok: false, problems: missing };

  const departments = new Map<string, DepartmentRows>();
  const get = (cells: Raw[], f: ImportField): Raw => (cols[f] === undefined ? undefined : cells[cols[f]]);
  const slices = timeSlices();
  for (const row of sheet.rows) {
    if (slices.due()) await slices.turn();
    const place = (f: ImportField) => row.place(cols[f] ?? 0);
    const problem = (f: ImportField, message: string): ImportProblem => ({ message: `${IMPORT_FIELD_NAMES[f]}：${message}`, location: place(f) });
    const department = text(get(row.cells, "department"));
    const problems: ImportProblem[] = [];
    if (!department) {
      // A row without a department belongs to none: the whole file is refused for it.
      return { ok: false, problems: [problem("department", "为空，无法确定所属部门 / empty: the row belongs to no department")] };
    }
    let entry = departments.get(department);
    if (!entry) departments.set(department, (entry = { department, firstRow: place("department"), lineItems: [], problems: [] }));
    const codes: Partial<Record<ImportField, string>> = {};
    for (const f of ["unit", "functional", "economic", "project", "memo"] as const) {
      const v = text(get(row.cells, f));
      const limit = f === "memo" ? TEXT_LIMITS.note : TEXT_LIMITS.code;
      if (v.length > limit) problems.push(problem(f, `超过 ${limit} 个字符 / longer than ${limit} characters`));
      else if (v) codes[f] = v;
      else if (REQUIRED_IMPORT_FIELDS.includes(f)) problems.push(problem(f, "为空 / empty"));
    }
    const natureText = text(get(row.cells, "nature"));
    const nature = NATURE_ALIASES[natureText];
    if (!nature) problems.push(problem("nature", `无法识别“${natureText}” / unknown nature "${natureText}"`));
    const sourceText = text(get(row.cells, "source"));
    const source = SOURCE_ALIASES[sourceText];
    if (!source) problems.push(problem("source", `无法识别“${sourceText}” / unknown funding source "${sourceText}"`));
    let amount: number | undefined;
    try {
      amount = parseAmount(get(row.cells, "amount"), mapping.amountUnit);
    } catch (e) {
      problems.push(problem("amount", `${e instanceof Error ? e.message : String(e)}（“${text(get(row.cells, "amount"))}”）`));
    }
    if (problems.length || !nature || !source || amount === undefined) {
      entry.problems.push(...problems);
      continue;
    }
    entry.lineItems.push(
      lineItem({ unit: codes.unit!, functional: codes.functional!, economic: codes.economic!, nature, source, amount: amount as LineItem["amount"], ...(codes.project ? { project: codes.project } : {}), ...(codes.memo ? { memo: codes.memo } : {}) }),
    );
  }
  return { ok: true, departments: [...departments.values()] };
}
