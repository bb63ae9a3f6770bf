/**
 * 国库支付导出导入 — reads a treasury payment system export (CSV or XLSX: date, unit, functional code,
 * economic code, project, amount in 元) into payments. All or nothing: one bad row and nothing is
 * imported; every bad row gets a finding naming the file and the line (CSV) or sheet and cell (XLSX).
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Payment } from "../../core/execution/model.ts";
import { parseDecimal } from "../../core/money.ts";
import type { Finding, Location } from "../../core/rules/finding.ts";
import { ZIP_LIMITS, type ZipLimits, checkZip, zipProblemText } from "../zip.ts";
import { type RawCell as Raw, cellValue, columnLetter } from "../sheet-cells.ts";
import { csvRecords, nonEmptyLines } from "../csv.ts";
import { timeSlices } from "../turns.ts";

export type PaymentField = "date" | "unit" | "functional" | "economic" | "project" | "amount";

/** Header names the export may use for each field (compared without spaces). */
export const PAYMENT_HEADERS: Record<PaymentField, readonly string[]> = {
  date: ["date", "支付日期", "日期", "记账日期", "交易日期"],
  unit: ["unit", "单位代码", "预算单位代码", "单位编码", "预算单位编码"],
  functional: ["functional", "功能科目", "功能分类科目", "支出功能分类科目", "功能科目编码", "功能分类"],
  economic: ["economic", "经济科目", "经济分类科目", "部门经济分类", "经济科目编码", "经济分类"],
  project: ["project", "项目编码", "项目代码", "项目"],
  amount: ["amount", "金额", "支付金额", "金额（元）", "金额(元)"],
};

const REQUIRED: readonly PaymentField[] = ["date", "unit", "functional", "economic", "amount"];
const FIELDS: readonly PaymentField[] = ["date", "unit", "functional", "economic", "project", "amount"];
const FIELD_NAMES: Record<PaymentField, string> = { date: "支付日期", unit: "单位代码", functional: "功能科目", economic: "经济科目", project: "项目编码", amount: "金额" };

/** At most this many row findings are listed; the rest are counted in one last finding. */
export const MAX_ROW_FINDINGS = 200;

/** 支付记录行数上限 — data rows one export may hold (a large department's year is about 200,000). */
export const MAX_PAYMENT_ROWS = 1_000_000;

/** What an XLSX export may unpack to (checked on the zip's directory, then counted while inflating). */
export const PAYMENT_ZIP_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxTotal: 300 * 1024 * 1024, maxEntry: 300 * 1024 * 1024 };

export interface PaymentImportOptions {
  /** the fiscal year: a payment dated outside it is a bad row */
  year?: number;
  /** the budget's unit and project codes: others are bad rows */
  units?: ReadonlySet<string>;
  projects?: ReadonlySet<string>;
  /** data rows allowed (MAX_PAYMENT_ROWS); one more and nothing is imported */
  maxRows?: number;
  /** unpacked-size limits of an XLSX export (PAYMENT_ZIP_LIMITS) */
  zipLimits?: ZipLimits;
}

export type PaymentImport = { ok: true; payments: Payment[] } | { ok: false; findings: Finding[] };


const RULE = "execution.import";

function finding(message: string, location: Location, actual?: string): Finding {
  const f: Finding = { rule: RULE, severity: "error", message, location };
  if (actual !== undefined) f.actual = actual;
  return f;
}

function norm(s: string): string {
  return s.replace(/[\s\uFEFF]/g, "").toLowerCase();
}

const HEADER_INDEX = new Map<string, PaymentField>();
for (const f of FIELDS) for (const h of PAYMENT_HEADERS[f]) HEADER_INDEX.set(norm(h), f);

/** Column positions of each field from a header row; missing required ones as findings. */
function mapHeader(cells: readonly Raw[], place: (col: number) => Location): { cols: Partial<Record<PaymentField, number>>; findings: Finding[] } {
  const cols: Partial<Record<PaymentField, number>> = {};
  cells.forEach((c, i) => {
    const f = c === null || c === undefined ? undefined : HEADER_INDEX.get(norm(String(c)));
    if (f && cols[f] === undefined) cols[f] = i;
  });
  const findings = REQUIRED.filter((f) => cols[f] === undefined).map((f) =>
    finding(`缺少“${FIELD_NAMES[f]}”列 / missing the ${f} column (headers: ${PAYMENT_HEADERS[f].join(", ")})`, place(0)),
  );
  return { cols, findings };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function parseDate(v: Raw): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  const m = ISO.exec(s) ?? SLASH.exec(s) ?? COMPACT.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function text(v: Raw): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * One data row to a payment, or its problems. `place(field)` locates a field's cell for findings.
 * Pure over its inputs; shared by the CSV and XLSX readers.
 */
function readRow(get: (f: PaymentField) => Raw, place: (f: PaymentField) => Location, opts: PaymentImportOptions, out: Finding[]): Payment | undefined {
  const before = out.length;
  const rawDate = get("date");
  const date = parseDate(rawDate);
  if (!date) out.push(finding(`日期无法识别 / not a date: "${text(rawDate)}"`, place("date"), text(rawDate)));
  else if (opts.year !== undefined && Number(date.slice(0, 4)) !== opts.year) out.push(finding(`日期不在 ${opts.year} 年度内 / date outside ${opts.year}: ${date}`, place("date"), date));
  const unit = text(get("unit"));
  if (!unit) out.push(finding("单位代码为空 / unit code empty", place("unit")));
  else if (opts.units && !opts.units.has(unit)) out.push(finding(`预算中没有此单位 / unit not in the budget: ${unit}`, place("unit"), unit));
  const functional = text(get("functional"));
  if (!/^\d{7}$/.test(functional)) out.push(finding(`功能科目应为7位数字 / functional code must be 7 digits: "${functional}"`, place("functional"), functional));
  const economic = text(get("economic"));
  if (!/^\d{5}(\d{2})?$/.test(economic)) out.push(finding(`经济科目应为5位或7位数字 / economic code must be 5 or 7 digits: "${economic}"`, place("economic"), economic));
  const project = text(get("project"));
  if (project && opts.projects && !opts.projects.has(project)) out.push(finding(`预算中没有此项目 / project not in the budget: ${project}`, place("project"), project));
  const rawAmount = get("amount");
  let amount;
  try {
    amount = typeof rawAmount === "number" ? parseDecimal(plain(rawAmount), "元") : parseDecimal(text(rawAmount), "元");
  } catch (e) {
    out.push(finding(`金额无效 / bad amount: ${e instanceof Error ? e.message : String(e)}`, place("amount"), text(rawAmount)));
  }
  if (out.length > before || !date || amount === undefined) return undefined;
  const p: Payment = { date, unit, functional, economic, amount };
  if (project) p.project = project;
  return p;
}

function plain(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(2) : s;
}

function tooManyRows(file: string, max: number): PaymentImport {
  return finish([], [finding(`支付记录超过 ${max.toLocaleString("en-US")} 行，未导入：请按月或按单位拆分后分别导入 / more than ${max.toLocaleString("en-US")} payment rows: nothing imported; split the export by month or unit`, { kind: "data", path: "", file })]);
}

function finish(payments: Payment[], findings: Finding[]): PaymentImport {
  if (findings.length === 0) return { ok: true, payments };
  const shown = findings.slice(0, MAX_ROW_FINDINGS);
  if (findings.length > MAX_ROW_FINDINGS) {
    const first = findings[0]!.location;
    shown.push(finding(`另有 ${findings.length - MAX_ROW_FINDINGS} 处问题未列出 / ${findings.length - MAX_ROW_FINDINGS} more problems not listed`, first.kind === "data" && first.file ? { kind: "data", path: "", file: first.file } : { kind: "data", path: "" }));
  }
  shown.push(finding(`导入未执行：${findings.length} 处问题，未导入任何记录 / nothing imported: ${findings.length} problems`, { kind: "data", path: "" }));
  return { ok: false, findings: shown };
}

/**
 * Reads a CSV export (UTF-8, with or without BOM; first row headers). A large file is parsed and checked
 * in slices that give the event loop its turns, so the server keeps answering others meanwhile.
 */
export async function importPaymentsCsv(content: Uint8Array | string, file: string, opts: PaymentImportOptions = {}): Promise<PaymentImport> {
  const maxRows = opts.maxRows ?? MAX_PAYMENT_ROWS;
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const slices = timeSlices();
  // counted before parsing: parsing a million rows takes seconds
  if ((await nonEmptyLines(bytes, slices)) > maxRows + 1) return tooManyRows(file, maxRows);
  let records: string[][];
  try {
    // the header and the data rows: one record more than the cap is enough to refuse
    records = await csvRecords(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true, to: maxRows + 2 }, slices);
  } catch (e) {
    return finish([], [finding(`CSV 无法解析 / unreadable CSV: ${e instanceof Error ? e.message : String(e)}`, { kind: "data", path: "", file })]);
  }
  if (records.length > maxRows + 1) return tooManyRows(file, maxRows);
  const header = records[0];
  if (!header) return finish([], [finding("文件为空 / empty file", { kind: "data", path: "", file, line: 1 })]);
  const { cols, findings } = mapHeader(header, () => ({ kind: "data", path: "", file, line: 1 }));
  if (findings.length) return finish([], findings);
  const payments: Payment[] = [];
  for (let i = 1; i < records.length; i++) {
    const row = records[i]!;
    const line = i + 1;
    const p = readRow(
      (f) => (cols[f] === undefined ? undefined : row[cols[f]]),
      (f) => ({ kind: "data", path: `payments[${i - 1}].${f}`, file, line }),
      opts,
      findings,
    );
    if (p) payments.push(p);
    if (slices.due()) await slices.turn();
  }
  return finish(payments, findings);
}

/**
 * Reads an XLSX export: the first sheet, row 1 headers. Streamed (exceljs WorkbookReader), so a year of
 * payments never sits in memory as a whole workbook.
 */
export async function importPaymentsXlsx(data: Uint8Array, file: string, opts: PaymentImportOptions = {}): Promise<PaymentImport> {
  const findings: Finding[] = [];
  const payments: Payment[] = [];
  const maxRows = opts.maxRows ?? MAX_PAYMENT_ROWS;
  const slices = timeSlices();
  const zip = await checkZip(data, opts.zipLimits ?? PAYMENT_ZIP_LIMITS);
  if (!zip.ok) return finish([], [finding(zipProblemText(zip, file), { kind: "data", path: "", file })]);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
    let seen = false;
    for await (const ws of reader) {
      if (seen) {
        // only the first sheet is read; drain the others
        for await (const _row of ws) void _row;
        continue;
      }
      seen = true;
      const sheet = (ws as unknown as { name: string }).name;
      let cols: Partial<Record<PaymentField, number>> | undefined;
      let index = 0;
      for await (const row of ws) {
        if (!cols) {
          const headerCells: Raw[] = [];
          for (let c = 1; c <= row.cellCount; c++) headerCells.push(cellValue(row.getCell(c).value));
          const h = mapHeader(headerCells, (col) => ({ kind: "data", path: "", file, sheet, cell: `${columnLetter(col + 1)}${row.number}` }));
          if (h.findings.length) return finish([], h.findings);
          cols = h.cols;
          continue;
        }
        if (!row.hasValues) continue;
        if (index >= maxRows) return tooManyRows(file, maxRows);
        const i = index++;
        const c = cols;
        const p = readRow(
          (f) => (c[f] === undefined ? undefined : cellValue(row.getCell(c[f] + 1).value)),
          (f) => ({ kind: "data", path: `payments[${i}].${f}`, file, sheet, cell: `${columnLetter((c[f] ?? 0) + 1)}${row.number}` }),
          opts,
          findings,
        );
        if (p) payments.push(p);
        if (slices.due()) await slices.turn();
      }
      if (!cols) return finish([], [finding("工作表为空 / empty worksheet", { kind: "data", path: "", file, sheet })]);
    }
    if (!seen) return finish([], [finding("工作簿没有工作表 / no worksheet", { kind: "data", path: "", file })]);
  } catch (e) {
    return finish([], [finding(`XLSX 无法读取 / unreadable XLSX: ${e instanceof Error ? e.message : String(e)}`, { kind: "data", path: "", file })]);
  }
  return finish(payments, findings);
}

/** Dispatches by file name: .xlsx → XLSX, otherwise CSV. */
export async function importPayments(data: Uint8Array, file: string, opts: PaymentImportOptions = {}): Promise<PaymentImport> {
  if (/\.xlsx$/i.test(file)) return importPaymentsXlsx(data, file, opts);
  return importPaymentsCsv(data, file, opts);
}
