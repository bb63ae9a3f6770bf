/**
 * XLSX 导入 — workbooks as Yusuan writes them (one table a sheet: title row, 单位名称 / 单位 row, merged
 * header, body, 说明) and the usual variants: several tables on one sheet separated by blank rows or by
 * their title rows, the central 9-table layout, amounts in 元 or 万元 (the unit line says which; nothing
 * is converted here), numbers stored as text. Cells read as shown (number formats applied, merged cells
 * written once at their top-left cell), every row and cell placed by sheet and A1 reference.
 *
 * The zip is checked before exceljs opens it (zip.ts): damaged, bombed or oversized files are reported,
 * not loaded. Never throws.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../../core/rules/finding.ts";
import type { DocumentFile, FilePart, RawRow, SourcePlace } from "../core/document.ts";
import { classifyTitle } from "../core/titles.ts";
import { type Block, assembleBlocks } from "./blocks.ts";
import { formatDate, formatGeneral, formatNumber } from "./numfmt.ts";
import { joinLines } from "./pdf-text.ts";
import { errorText, importProblem } from "./problems.ts";
import { ZIP_LIMITS, type ZipLimits, findXmlBomb, officeKind, readZipDirectory, verifyEntries } from "../../formats/zip.ts";

export interface XlsxLimits extends ZipLimits {
  /** uncompressed bytes of all sheet XML together (about 40 bytes a cell) */
  maxSheetXml: number;
  /** cells read per sheet; the rest of the sheet is reported and left out */
  maxCellsPerSheet: number;
}

export const XLSX_LIMITS: XlsxLimits = { ...ZIP_LIMITS, maxSheetXml: 10_000_000, maxCellsPerSheet: 500_000 };

export interface XlsxOptions {
  limits?: XlsxLimits;
  deadline?: number;
}

/** Worksheet parts exceljs need not parse to read cell values and merges. */
const IGNORED_NODES = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "autoFilter", "hyperlinks", "pageMargins", "pageSetup", "headerFooter",
  "rowBreaks", "drawing", "picture", "tableParts", "extLst", "dataValidations", "conditionalFormatting", "printOptions",
];

export function columnName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

class Timeout extends Error {}

/** A cell's text as the sheet shows it. */
export function shownText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  let s: string;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return "";
    case ExcelJS.ValueType.Number:
      s = formatNumber(v as number, cell.numFmt);
      break;
    case ExcelJS.ValueType.Date:
      s = formatDate(v as Date);
      break;
    case ExcelJS.ValueType.Formula: {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) s = "";
      else if (typeof r === "number") s = formatNumber(r, cell.numFmt);
      else if (r instanceof Date) s = formatDate(r);
      else if (typeof r === "object" && "error" in r) s = String(r.error);
      else s = String(r);
      break;
    }
    case ExcelJS.ValueType.Boolean:
      s = v ? "TRUE" : "FALSE";
      break;
    case ExcelJS.ValueType.Error:
      s = String((v as ExcelJS.CellErrorValue).error ?? "");
      break;
    default:
      try {
        s = cell.text ?? "";
      } catch {
        s = typeof v === "number" ? formatGeneral(v) : String(v ?? "");
      }
  }
  return joinLines(s.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[\s\u00a0]+/g, " ").trim()));
}

interface SheetCell {
  text: string;
  bold: boolean;
}

/** A sheet's cells by row and column (1-based), with the columns merges reach. */
function readSheet(ws: ExcelJS.Worksheet, limit: number): { rows: Map<number, Map<number, SheetCell>>; rowEnd: Map<number, number>; cut: boolean } {
  const rows = new Map<number, Map<number, SheetCell>>();
  /** the last column each row reaches, merged cells included */
  const rowEnd = new Map<number, number>();
  let count = 0;
  let cut = false;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (cut) return;
    const cells = new Map<number, SheetCell>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (++count > limit) {
        cut = true;
        return;
      }
      rowEnd.set(r, Math.max(rowEnd.get(r) ?? 0, c));
      // a cell covered by a merge shows nothing of its own
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const text = shownText(cell);
      if (text !== "") cells.set(c, { text, bold: !!cell.font?.bold });
    });
    if (cells.size > 0) rows.set(r, cells);
  });
  return { rows, rowEnd, cut };
}

/** The blocks of one sheet: runs of non-blank rows are tables, split at title rows; rows of a single text are paragraphs. */
function sheetBlocks(file: string, sheet: string, data: ReturnType<typeof readSheet>): Block[] {
  const rowNumbers = [...data.rows.keys()].sort((a, b) => a - b);
  const regions: number[][] = [];
  for (const r of rowNumbers) {
    const last = regions[regions.length - 1];
    const single = [...data.rows.get(r)!.values()];
    const isTitle = single.length === 1 && !!classifyTitle(single[0]!.text);
    if (last && r === last[last.length - 1]! + 1 && !isTitle) last.push(r);
    else regions.push([r]);
  }
  const place = (r: number, c = 1): SourcePlace => ({ file, sheet, cell: `${columnName(c)}${r}` });
  const blocks: Block[] = [];
  for (const region of regions) {
    const multi = region.filter((r) => data.rows.get(r)!.size >= 2).length;
    if (multi === 0) {
      for (const r of region) {
        const [c, cell] = [...data.rows.get(r)!.entries()][0]!;
        blocks.push({ kind: "text", text: cell.text, place: place(r, c), ...(cell.bold ? { emphasis: true } : {}) });
      }
      continue;
    }
    let first = Infinity;
    for (const r of region) for (const c of data.rows.get(r)!.keys()) first = Math.min(first, c);
    const width = Math.max(...region.map((r) => data.rowEnd.get(r) ?? 0)) - first + 1;
    const rows: RawRow[] = region.map((r) => {
      const cells = data.rows.get(r)!;
      return {
        cells: Array.from({ length: width }, (_, i) => cells.get(first + i)?.text ?? ""),
        place: place(r, first),
        cellPlaces: Array.from({ length: width }, (_, i) => place(r, first + i)),
      };
    });
    blocks.push({ kind: "table", rows, place: place(region[0]!, first) });
  }
  return blocks;
}

/** Reads one workbook (bytes as stored) into the document model. */
export async function importXlsx(name: string, bytes: Uint8Array, options: XlsxOptions = {}): Promise<DocumentFile> {
  const limits = options.limits ?? XLSX_LIMITS;
  const problems: Finding[] = [];
  const parts: FilePart[] = [];
  const file: DocumentFile = { name, format: "xlsx", parts, tables: [], sections: [], problems };
  const where = { file: name };
  const zip = readZipDirectory(bytes, limits);
  if (!zip.ok) {
    const id = zip.reason === "unsafe" ? "read.unsafe-content" : zip.reason === "too-large" ? "read.file-too-large" : "read.damaged";
    problems.push(importProblem(id, `${name} 无法作为工作簿读取：${zip.detail} / ${name} cannot be read as a workbook: ${zip.detail}`, where));
    return file;
  }
  if (officeKind(zip.entries) !== "xlsx") {
    problems.push(importProblem("read.damaged", `${name} 不是 XLSX 工作簿（缺少 xl/workbook.xml） / ${name} is not an XLSX workbook (no xl/workbook.xml)`, where));
    return file;
  }
  const sheetXml = zip.entries.filter((e) => /^xl\/worksheets\/.*\.xml$/.test(e.name)).reduce((s, e) => s + e.size, 0);
  if (sheetXml > limits.maxSheetXml) {
    problems.push(
      importProblem("read.file-too-large", `${name} 的工作表过大（${sheetXml} 字节），未读取 / the sheets of ${name} are too large (${sheetXml} bytes): not read`, where, { actual: String(sheetXml) }),
    );
    return file;
  }
  const bomb = findXmlBomb(bytes, zip.entries) ?? (await verifyEntries(bytes, zip.entries));
  if (bomb) {
    problems.push(importProblem("read.unsafe-content", `${name} 的部件 ${bomb} 含实体定义或压缩数据异常，未读取 / part ${bomb} of ${name} declares entities or inflates abnormally: not read`, where));
    return file;
  }
  const wb = new ExcelJS.Workbook();
  try {
    const load = wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never, { ignoreNodes: IGNORED_NODES });
    if (options.deadline !== undefined) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([load, new Promise((_, reject) => (timer = setTimeout(() => reject(new Timeout()), Math.max(0, options.deadline! - Date.now()))))]).finally(() => clearTimeout(timer));
    } else await load;
  } catch (e) {
    if (e instanceof Timeout) problems.push(importProblem("read.timeout", `${name} 读取超时 / reading ${name} timed out`, where));
    else problems.push(importProblem("read.damaged", `${name} 无法解析：${errorText(e)} / ${name} cannot be parsed: ${errorText(e)}`, where));
    return file;
  }
  let index = 0;
  wb.eachSheet((ws) => {
    index++;
    try {
      const data = readSheet(ws, limits.maxCellsPerSheet);
      parts.push({ kind: "sheet", index, name: ws.name, read: true });
      if (data.cut) {
        problems.push(
          importProblem("read.too-large", `工作表“${ws.name}”超过 ${limits.maxCellsPerSheet} 个单元格，其后内容未读取 / sheet "${ws.name}" has more than ${limits.maxCellsPerSheet} cells; the rest was not read`, {
            file: name,
            sheet: ws.name,
          }),
        );
      }
      const { tables, sections } = assembleBlocks(name, sheetBlocks(name, ws.name, data), problems);
      file.tables.push(...tables);
      file.sections.push(...sections);
    } catch (e) {
      parts.push({ kind: "sheet", index, name: ws.name, read: false });
      problems.push(importProblem("read.sheet-skipped", `工作表“${ws.name}”无法读取：${errorText(e)} / sheet "${ws.name}" cannot be read: ${errorText(e)}`, { file: name, sheet: ws.name }));
    }
  });
  if (index === 0) problems.push(importProblem("read.empty", `${name} 没有工作表 / ${name} has no sheets`, where));
  else if (file.tables.length === 0 && file.sections.every((s) => s.paragraphs.length === 0)) {
    problems.push(importProblem("read.nothing-found", `${name} 中没有可识别的表格或说明文字 / no table or narrative text found in ${name}`, where));
  }
  return file;
}
