/**
 * Loading an official classification catalog (政府收支分类科目) from the CSV or XLSX file a finance bureau
 * distributes, and merging it with the built-in catalog of the year.
 *
 * Layouts understood, each with an optional header row (detected and skipped) and any title or note rows
 * (rows whose code cell does not start with a digit, or starts like a numbered note "1、") skipped:
 * - one code column + one name column (科目编码 | 科目名称, code | name, …); codes may contain spaces
 *   ("201 01 01"); a code and name in one cell ("2010101 行政运行") are split;
 * - split code columns 类 | 款 | 项 + name, where a 款 or 项 row may leave the higher columns empty
 *   (they are carried down from the rows above) and 款/项 may be written as "1" or "01".
 *
 * Every problem is a CatalogFileError whose message is Chinese first, English beside, and names the file
 * and the CSV line or the sheet and cell.
 */
import { stat, readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import { ZIP_LIMITS, type ZipLimits, checkZip, zipProblemText } from "./zip.ts";
import { mergeCatalog, normaliseName } from "../core/catalog.ts";
import type { CatalogEntry, CodeList, YearCatalog } from "../core/catalog.ts";
import { columnLetter } from "./sheet-cells.ts";
import { csvRecords } from "./csv.ts";
import { timeSlices } from "./turns.ts";

export type CatalogKind = "functional" | "department-economic" | "government-economic";

export interface CatalogFileSpec {
  path: string;
  kind: CatalogKind;
}

/** Upload bound: larger files are refused before they are read. */
export const MAX_CATALOG_FILE_BYTES = 20 * 1024 * 1024;

/** Rows a catalog file may hold (a year's functional catalog has about 1,700 codes). */
export const MAX_CATALOG_ROWS = 100_000;

/** What an XLSX catalog may unpack to (the directory's sizes, then counted while inflating: ./zip.ts). */
export const CATALOG_ZIP_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxTotal: 100 * 1024 * 1024, maxEntry: 100 * 1024 * 1024 };

function tooManyRows(file: string): CatalogFileError {
  return new CatalogFileError(
    `目录文件“${file}”超过 ${MAX_CATALOG_ROWS.toLocaleString("en-US")} 行，未读取。 / Catalog file "${file}" has more than ${MAX_CATALOG_ROWS.toLocaleString("en-US")} rows; it was not read.`,
    file,
  );
}

/** A problem with an official catalog file, worded for the administrator who supplied it. */
export class CatalogFileError extends Error {
  override readonly name = "CatalogFileError";
  constructor(
    message: string,
    /** the file's name as given */
    readonly file: string,
    /** "第 5 行" / "工作表 Sheet1 单元格 A5", when the problem is at a place in the file */
    readonly location?: string,
  ) {
    super(message);
  }
}

const KIND_NAMES: Record<CatalogKind, { zh: string; en: string; lengths: readonly number[]; first: string }> = {
  functional: { zh: "支出功能分类", en: "functional classification", lengths: [3, 5, 7], first: "2" },
  "department-economic": { zh: "部门预算支出经济分类", en: "department economic classification", lengths: [3, 5, 7], first: "3" },
  "government-economic": { zh: "政府预算支出经济分类", en: "government economic classification", lengths: [3, 5], first: "5" },
};

/** One row of the file, as text cells, with a way to name each cell's place. */
interface SourceRow {
  cells: string[];
  /** Chinese and English names of the row's place (for CSV: the line) */
  where: (column: number) => { zh: string; en: string };
}

/** Reads one official catalog file (CSV, TSV or XLSX) as a code list of the given kind. */
export async function readCatalogFile(path: string, kind: CatalogKind): Promise<CodeList> {
  const file = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error("not a file");
    size = s.size;
  } catch {
    throw new CatalogFileError(`找不到目录文件“${file}”。 / Catalog file "${file}" was not found.`, file);
  }
  if (size > MAX_CATALOG_FILE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    throw new CatalogFileError(
      `目录文件“${file}”有 ${mb} MB，超过 20 MB 上限，未读取。 / Catalog file "${file}" is ${mb} MB, over the 20 MB limit; it was not read.`,
      file,
    );
  }
  if (size === 0) throw emptyFile(file);

  const ext = extname(path).toLowerCase();
  let rows: SourceRow[][];
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") rows = [await readCsvRows(path, file)];
  else if (ext === ".xlsx") rows = await readXlsxRows(path, file);
  else if (ext === ".xls") {
    throw new CatalogFileError(
      `目录文件“${file}”是旧版 Excel（.xls）格式，请另存为 .xlsx 或 .csv 后再上传。 / Catalog file "${file}" is in the old Excel (.xls) format; save it as .xlsx or .csv and upload it again.`,
      file,
    );
  } else {
    throw new CatalogFileError(
      `目录文件“${file}”的格式无法识别，请使用 .csv 或 .xlsx。 / Catalog file "${file}" is not in a known format; use .csv or .xlsx.`,
      file,
    );
  }

  const entries = new Map<string, { entry: CatalogEntry; where: { zh: string; en: string } }>();
  for (const table of rows) extractEntries(table, kind, file, entries);
  if (entries.size === 0) throw emptyFile(file);
  return {
    source: `${KIND_NAMES[kind].zh}目录文件 ${file} / official ${KIND_NAMES[kind].en} catalog file ${file}`,
    entries: [...entries.values()].map((v) => v.entry).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * Loads official catalog files for a year on top of a base catalog: `extend` keeps the base's codes the
 * files lack, `replace` keeps only the files' codes (for the kinds a file was given for).
 */
export async function loadOfficialCatalog(base: YearCatalog, files: readonly CatalogFileSpec[], mode: "extend" | "replace"): Promise<YearCatalog> {
  const byKind = new Map<CatalogKind, CodeList>();
  for (const spec of files) {
    const list = await readCatalogFile(spec.path, spec.kind);
    const prior = byKind.get(spec.kind);
    byKind.set(spec.kind, prior ? combine(prior, list, basename(spec.path)) : list);
  }
  return mergeCatalog(
    base,
    {
      functional: byKind.get("functional"),
      departmentEconomic: byKind.get("department-economic"),
      governmentEconomic: byKind.get("government-economic"),
    },
    mode,
  );
}

function combine(a: CodeList, b: CodeList, file: string): CodeList {
  const merged = new Map(a.entries.map((e) => [e.code, e]));
  for (const e of b.entries) {
    const prior = merged.get(e.code);
    if (prior && normaliseName(prior.name) !== normaliseName(e.name)) {
      throw new CatalogFileError(
        `目录文件“${file}”中科目 ${e.code} 名为“${e.name}”，与先前文件中的“${prior.name}”不一致。 / Catalog file "${file}" names code ${e.code} "${e.name}", but an earlier file names it "${prior.name}".`,
        file,
      );
    }
    merged.set(e.code, e);
  }
  return { source: `${a.source}; ${b.source}`, entries: [...merged.values()].sort((x, y) => x.code.localeCompare(y.code)) };
}

function emptyFile(file: string): CatalogFileError {
  return new CatalogFileError(
    `目录文件“${file}”是空的，或没有找到任何科目编码和名称。 / Catalog file "${file}" is empty or has no codes with names.`,
    file,
  );
}

// ── reading ─────────────────────────────────────────────────────────────

async function readCsvRows(path: string, file: string): Promise<SourceRow[]> {
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Finance bureaus often save CSV from Excel in the Chinese Windows code page.
    text = new TextDecoder("gb18030").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw emptyFile(file);
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // parsed 64 KB at a time with the event loop's turns between (csv.ts); one row past the cap is enough
    records = await csvRecords(text, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: MAX_CATALOG_ROWS + 1 }, timeSlices());
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    const at = line ? `第 ${line} 行` : "";
    const atEn = line ? `, line ${line}` : "";
    throw new CatalogFileError(
      `目录文件“${file}”${at}不是有效的 CSV（引号未闭合或格式错误）。 / Catalog file "${file}"${atEn} is not valid CSV (an unclosed quote or a malformed row).`,
      file,
      at || undefined,
    );
  }
  if (records.length > MAX_CATALOG_ROWS) throw tooManyRows(file);
  return records.map(({ record, info }) => ({
    cells: record,
    where: () => ({ zh: `第 ${info.lines} 行`, en: `line ${info.lines}` }),
  }));
}

/** The most frequent of comma, tab and semicolon in the first lines (comma on a tie). */
function guessDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 10).join("\n");
  const count = (ch: string): number => head.split(ch).length - 1;
  return [",", "\t", ";"].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ",");
}

async function readXlsxRows(path: string, file: string): Promise<SourceRow[][]> {
  const bytes = await readFile(path);
  const zip = await checkZip(bytes, CATALOG_ZIP_LIMITS);
  if (!zip.ok) throw new CatalogFileError(`目录${zipProblemText(zip, file)}`, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new CatalogFileError(
      `目录文件“${file}”无法作为 Excel（.xlsx）文件打开，可能已损坏。 / Catalog file "${file}" could not be opened as an Excel (.xlsx) file; it may be damaged.`,
      file,
    );
  }
  const tables: SourceRow[][] = [];
  workbook.eachSheet((sheet) => {
    const rows: SourceRow[] = [];
    if (sheet.actualRowCount > MAX_CATALOG_ROWS) throw tooManyRows(file);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const width = Math.max(row.cellCount, 0);
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
      rows.push({
        cells,
        where: (column) => {
          const cell = `${columnLetter(column + 1)}${rowNumber}`;
          return { zh: `工作表“${sheet.name}”单元格 ${cell}`, en: `sheet "${sheet.name}", cell ${cell}` };
        },
      });
    });
    tables.push(rows);
  });
  return tables;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

// ── interpreting ────────────────────────────────────────────────────────

/** Trims ASCII and full-width spaces (names are often indented with ideographic spaces by level). */
function clean(s: string | undefined): string {
  return (s ?? "").replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

const CODE_HEADER = /^(科目)?(编码|代码|编号)$|^code$|^科目编码$/i;
const NAME_HEADER = /^(科目)?名称$|^name$|^科目名称$/i;
const SPLIT_HEADERS = ["类", "款", "项"] as const;

interface Layout {
  /** the code column, or the 类/款/项 columns */
  code: number | readonly number[];
  name: number;
}

/** Finds a header row: its index and the layout it names. */
function detectHeader(rows: readonly SourceRow[]): { index: number; layout: Layout } | undefined {
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const cells = rows[i]!.cells.map((c) => clean(c).replace(/\s+/g, ""));
    const split = SPLIT_HEADERS.map((h) => cells.indexOf(h));
    if (split[0]! >= 0 && split[1]! >= 0) {
      let name = cells.findIndex((c) => NAME_HEADER.test(c));
      if (name < 0) name = Math.max(...split) + 1;
      return { index: i, layout: { code: split.filter((x) => x >= 0), name } };
    }
    const code = cells.findIndex((c) => CODE_HEADER.test(c));
    const name = cells.findIndex((c) => NAME_HEADER.test(c));
    if (code >= 0 && name >= 0) return { index: i, layout: { code, name } };
    if (code >= 0 || name >= 0) {
      // A header naming only one side: the other is its neighbour.
      return { index: i, layout: code >= 0 ? { code, name: code + 1 } : { code: Math.max(name - 1, 0), name } };
    }
  }
  return undefined;
}

function extractEntries(
  rows: readonly SourceRow[],
  kind: CatalogKind,
  file: string,
  out: Map<string, { entry: CatalogEntry; where: { zh: string; en: string } }>,
): void {
  if (rows.length === 0) return;
  const header = detectHeader(rows);
  const layout: Layout = header?.layout ?? { code: 0, name: 1 };
  const start = header ? header.index + 1 : 0;
  const spec = KIND_NAMES[kind];
  // carried-down 类 / 款 for the split layout
  const carried: string[] = [];

  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    let code: string;
    let name: string;
    let codeColumn: number;
    if (typeof layout.code === "number") {
      codeColumn = layout.code;
      const raw = clean(row.cells[layout.code]);
      // titles, notes ("注：…", "1、本表…") and repeated headers are not data rows
      if (!/^\d/.test(raw) || /^\d{1,2}[.、．)）:：]/.test(raw)) continue;
      name = clean(row.cells[layout.name]);
      const joined = /^([\d\s]*\d)[\s\u3000]*([^\d\s\u3000].*)$/.exec(raw);
      if (joined && !name) {
        code = joined[1]!.replace(/\s+/g, "");
        name = clean(joined[2]);
      } else {
        code = raw.replace(/[\s\u3000]+/g, "");
      }
    } else {
      const parts = layout.code.map((c) => clean(row.cells[c]).replace(/[\s\u3000]+/g, ""));
      name = clean(row.cells[layout.name]);
      const deepest = parts.reduce((acc, p, i) => (p ? i : acc), -1);
      if (deepest < 0) continue;
      codeColumn = layout.code[deepest]!;
      if (!parts.slice(0, deepest + 1).some((p) => /\d/.test(p))) continue;
      const pieces: string[] = [];
      let bad = false;
      for (let level = 0; level <= deepest; level++) {
        const p = parts[level] ?? "";
        if (!/^\d*$/.test(p)) bad = true;
        const piece = level === 0 ? p : p.length === 1 ? `0${p}` : p;
        pieces.push(piece || carried[level] || "");
        if (!piece && !carried[level]) bad = true;
      }
      code = bad ? parts.filter(Boolean).join("") : pieces.join("");
      if (!bad) {
        carried[deepest] = pieces[deepest]!;
        carried.length = deepest + 1;
        for (let level = 0; level < deepest; level++) carried[level] = pieces[level]!;
      }
    }

    const at = row.where(codeColumn);
    if (!/^\d+$/.test(code) || !spec.lengths.includes(code.length) || !code.startsWith(spec.first)) {
      throw new CatalogFileError(
        `目录文件“${file}”${at.zh}：科目编码“${code}”不是有效的${spec.zh}编码（应为以 ${spec.first} 开头的 ${spec.lengths.join("、")} 位数字）。 / ` +
          `Catalog file "${file}", ${at.en}: code "${code}" is not a valid ${spec.en} code (${spec.lengths.join(", ")} digits starting with ${spec.first}).`,
        file,
        at.zh,
      );
    }
    if (!name) {
      throw new CatalogFileError(
        `目录文件“${file}”${at.zh}：科目 ${code} 没有名称。 / Catalog file "${file}", ${at.en}: code ${code} has no name.`,
        file,
        at.zh,
      );
    }
    const prior = out.get(code);
    if (prior) {
      if (normaliseName(prior.entry.name) === normaliseName(name)) continue;
      throw new CatalogFileError(
        `目录文件“${file}”${at.zh}：科目 ${code} 名为“${name}”，但${prior.where.zh}已定义为“${prior.entry.name}”。 / ` +
          `Catalog file "${file}", ${at.en}: code ${code} is named "${name}", but ${prior.where.en} already names it "${prior.entry.name}".`,
        file,
        at.zh,
      );
    }
    out.set(code, { entry: { code, name }, where: at });
  }
}
