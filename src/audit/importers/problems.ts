/**
 * 读取问题（二进制格式）— the reading problems of the PDF, HTML, XLSX, DOCX and legacy importers that the
 * shared list (core/reading.ts `READING_PROBLEMS`) does not have yet, in the same shape. `importProblem`
 * makes a finding for either list, so every importer reports through one function.
 *
 * To merge into READING_PROBLEMS (and docs/audit-rules.md): the entries of `IMPORT_PROBLEMS`.
 */
import type { Finding, Severity } from "../../core/rules/finding.ts";
import type { SourcePlace } from "../core/document.ts";
import { READING_PROBLEMS, type ReadingProblemId, type ReadingProblemKind, readingProblem } from "../core/reading.ts";

export const IMPORT_PROBLEMS = {
  "read.file-too-large": {
    title: "文件超过大小上限",
    description: "文件（或其中的工作表、压缩部件）超过读取上限，整份未读取。 / The file, or a sheet or part of it, is above the size limit: the file was not read.",
    severity: "error",
  },
  "read.damaged": {
    title: "文件已损坏",
    description: "文件的结构无法解析（截断、损坏或不是其扩展名所示的格式），未读取。 / The file's structure cannot be parsed (truncated, damaged, or not the format its name says): not read.",
    severity: "error",
  },
  "read.encrypted": {
    title: "文件有密码保护",
    description: "文件加密或需要密码才能打开，未读取。 / The file is encrypted or needs a password: not read.",
    severity: "error",
  },
  "read.timeout": {
    title: "读取超时",
    description: "读取文件超过时间上限，已停止；之前读到的内容保留，其余未审核。 / Reading the file took longer than the time limit and was stopped; what was read before is kept, the rest is not audited.",
    severity: "error",
  },
  "read.needs-libreoffice": {
    title: "需要 LibreOffice",
    description: "旧版 .xls/.doc 文件需先用 LibreOffice 转换；本机未安装 LibreOffice（soffice），文件未读取。 / Legacy .xls/.doc files are converted with LibreOffice, which is not installed here (no soffice on PATH): the file was not read.",
    severity: "error",
  },
  "read.conversion-failed": {
    title: "格式转换失败",
    description: "LibreOffice 未能转换该旧版文件（损坏、超时或不受支持），未读取。 / LibreOffice could not convert the legacy file (damaged, timed out or unsupported): not read.",
    severity: "error",
  },
  "read.blank-page": {
    title: "空白页",
    description: "页面上没有任何文字或图形。 / A page with neither text nor drawing on it.",
    severity: "info",
  },
  "read.unsafe-content": {
    title: "文件含不安全内容",
    description: "文件含有实体定义（DTD）或压缩比异常的部件（可能是 XML 炸弹或压缩炸弹），未读取。 / The file holds entity definitions (a DTD) or parts with an abnormal compression ratio (an XML or zip bomb): not read.",
    severity: "error",
  },
  "read.compression-bomb": {
    title: "压缩数据解压后过大",
    description: "文件中的压缩数据解压后超过上限（可能是压缩炸弹），整份未读取。 / The file's compressed data inflates beyond the limit (a deflate bomb?): the file was not read.",
    severity: "error",
  },
  "read.sheet-skipped": {
    title: "工作表未读取",
    description: "工作表超过大小上限或无法解析，未读取；其中的表格不在审核范围内。 / A sheet beyond the size limit, or one that cannot be parsed, was not read; its tables are not audited.",
    severity: "warning",
  },
  "read.ocr-page": {
    title: "扫描页经 OCR 识别",
    description: "页面没有文字层（扫描件），已用 OCR 识别读取；其中的数字可能识别有误，依据这些数字的发现会注明「OCR」。 / A page without a text layer (a scan) was read by OCR; its figures may be misread, and every finding resting on them says so.",
    severity: "info",
  },
  "read.table-unruled": {
    title: "表格无框线，按文字位置识别",
    description: "PDF 中的表格没有框线，列按文字位置划分；跨列的表头可能归错列，请核对。 / A PDF table without ruling lines: its columns were found from the positions of the text, so a heading spanning columns may be placed in the wrong one.",
    severity: "info",
  },
} as const satisfies Record<string, ReadingProblemKind>;

export type ImportProblemId = keyof typeof IMPORT_PROBLEMS;

/** A reading problem of either list, located in the file. */
export function importProblem(id: ReadingProblemId | ImportProblemId, message: string, place: SourcePlace, extra: { expected?: string; actual?: string } = {}): Finding {
  if (id in READING_PROBLEMS) return readingProblem(id as ReadingProblemId, message, place, extra);
  const { file, ...where } = place;
  const severity: Severity = IMPORT_PROBLEMS[id as ImportProblemId].severity;
  return { rule: id, severity, message, location: { kind: "text", section: "", file, ...where }, ...extra };
}

/** The error of an exception, as one short line (no stack). */
export function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  const line = s.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
