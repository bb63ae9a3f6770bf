/**
 * 读取问题 — what an importer could not read, reported as findings (rule ids `read.*`) rather than thrown:
 * a scanned page, bytes that are not text, a line cut at the size limit. Documented beside the rules
 * (docs/audit-rules.md).
 */
import type { Finding, Severity } from "../../core/rules/finding.ts";
import type { SourcePlace } from "./document.ts";

export interface ReadingProblemKind {
  title: string;
  description: string;
  severity: Severity;
}

/** Every reading problem an importer reports. */
export const READING_PROBLEMS = {
  "read.failed": {
    title: "文件无法打开",
    description: "文件不存在、无权读取或读取中断，整份文件未审核。 / The file does not exist, cannot be read or reading failed: the file was not audited.",
    severity: "error",
  },
  "read.unsupported-format": {
    title: "不支持的文件格式",
    description: "文件内容和扩展名都不是可读取的格式（PDF、XLSX、DOCX、HTML、文本、Yusuan 的 JSON，以及经 LibreOffice 转换的 .xls/.doc）。 / Neither the content nor the extension is a format the audit reads (PDF, XLSX, DOCX, HTML, text, Yusuan's JSON, and .xls/.doc through LibreOffice).",
    severity: "error",
  },
  "read.not-text": {
    title: "不是文本文件",
    description: "文件含有大量控制字符或 NUL 字节，不是文本（可能是二进制或损坏的文件），未读取。 / The file holds NUL bytes or many control characters: it is not text (binary or damaged) and was not read.",
    severity: "error",
  },
  "read.encoding": {
    title: "文本编码",
    description: "文件不是有效的 UTF-8：按 GB18030 解码；仍无法解码的字节以替换字符代替。 / The file is not valid UTF-8: it was decoded as GB18030; bytes that still do not decode are replaced.",
    severity: "info",
  },
  "read.empty": {
    title: "文件为空",
    description: "文件没有任何内容。 / The file is empty.",
    severity: "error",
  },
  "read.nothing-found": {
    title: "未识别到表格或说明",
    description: "文件中既没有可识别的表格，也没有说明文字，无法审核。 / Neither a table nor narrative text was found: nothing to audit.",
    severity: "error",
  },
  "read.too-large": {
    title: "文件过大，仅读取前部",
    description: "文件超过读取上限，超出部分未读取，其中的内容不在审核范围内。 / The file exceeds the size limit; the rest was not read and is not audited.",
    severity: "warning",
  },
  "read.line-truncated": {
    title: "行过长被截断",
    description: "一行超过长度上限，超出部分未读取。 / A line longer than the limit was cut; the rest of it was not read.",
    severity: "warning",
  },
  "read.row-truncated": {
    title: "表格行单元格过多被截断",
    description: "一行表格的单元格数超过上限，超出的单元格未读取。 / A table row with more cells than the limit was cut.",
    severity: "warning",
  },
  "read.table-untitled": {
    title: "表格没有表名",
    description: "一组表格行前没有表名行，无法判断是哪张表，只做表内检查。 / Table rows with no title line before them: which table they are cannot be told, so only checks within the table apply.",
    severity: "warning",
  },
  "read.scanned-page": {
    title: "扫描页未读取",
    description: "页面没有文字层（扫描件），其中的表格和文字未读取、未审核。 / A page without a text layer (a scan): its tables and text were not read or audited.",
    severity: "error",
  },
  "interpret.not-a-number": {
    title: "金额栏中不是数字",
    description: "表格金额栏中的文字不是数字，按空白处理；涉及该格的勾稽可能因此不成立。 / A money cell holds text that is not a number; it is read as blank, so checks that use it may fail.",
    severity: "warning",
  },
  "interpret.table-repeated": {
    title: "同一张表重复出现",
    description: "同一种表出现两次，只审核第一张。 / The same table is printed twice; only the first is audited.",
    severity: "warning",
  },
} as const satisfies Record<string, ReadingProblemKind>;

export type ReadingProblemId = keyof typeof READING_PROBLEMS;

/** A reading problem as a finding, located in the file. */
export function readingProblem(id: ReadingProblemId, message: string, place: SourcePlace, extra: { expected?: string; actual?: string } = {}): Finding {
  const { file, ...where } = place;
  return {
    rule: id,
    severity: READING_PROBLEMS[id].severity,
    message,
    location: { kind: "text", section: "", file, ...where },
    ...extra,
  };
}
