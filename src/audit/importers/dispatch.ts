/**
 * 按格式导入 — one entry point for every format: `importFile(path)` reads a file and hands it to the
 * importer its content calls for (sniff.ts: the first bytes, then the extension), within a size and a
 * time bound. Whatever happens, a `DocumentFile` comes back: what could not be read is a reading problem
 * in it, never an exception. `importBytes` does the same for bytes already in memory (uploads).
 */
import { readFile, stat } from "node:fs/promises";
import type { DocumentFile, FileFormat } from "../core/document.ts";
import { decodeText } from "./decode.ts";
import { JSON_FORMAT, importJson } from "./json.ts";
import { importPdf } from "./pdf.ts";
import { errorText, importProblem } from "./problems.ts";
import { SUPPORTED_EXTENSIONS, type SniffedFormat, extensionFormat, sniffFormat } from "./sniff.ts";
import { importText } from "./text.ts";

export { SUPPORTED_EXTENSIONS, sniffFormat, type SniffedFormat } from "./sniff.ts";

export interface ImportOptions {
  /** files larger than this are not read (bytes) */
  maxBytes?: number;
  /** time allowed for one file (ms); what was read by then is kept */
  timeoutMs?: number;
  /** LibreOffice for .xls/.doc: a path, or null to act as if it were not installed */
  soffice?: string | null;
}

export const IMPORT_LIMITS = { maxBytes: 50 * 1024 * 1024, timeoutMs: 60_000 } as const;

function unread(name: string, format: FileFormat, problem: ReturnType<typeof importProblem>): DocumentFile {
  return { name, format, parts: [{ kind: "whole", index: 1, read: false }], tables: [], sections: [], problems: [problem] };
}

const FORMAT_OF: Partial<Record<SniffedFormat, FileFormat>> = { pdf: "pdf", xlsx: "xlsx", xls: "xlsx", docx: "docx", doc: "docx", html: "html", json: JSON_FORMAT };

/** Reads a file from disk into the document model. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<DocumentFile> {
  const maxBytes = options.maxBytes ?? IMPORT_LIMITS.maxBytes;
  const format = FORMAT_OF[extensionFormat(path) ?? "text"] ?? "text";
  try {
    const s = await stat(path);
    if (!s.isFile()) return unread(path, format, importProblem("read.failed", `${path} 不是文件 / ${path} is not a file`, { file: path }));
    if (s.size > maxBytes) {
      return unread(
        path,
        format,
        importProblem("read.file-too-large", `${path} 大小 ${s.size} 字节，超过上限 ${maxBytes} 字节，未读取 / ${path} is ${s.size} bytes, above the limit of ${maxBytes}: not read`, { file: path }, {
          actual: String(s.size),
          expected: `≤ ${maxBytes}`,
        }),
      );
    }
    const bytes = new Uint8Array(await readFile(path));
    return await importBytes(path, bytes, options);
  } catch (e) {
    return unread(path, format, importProblem("read.failed", `无法读取 ${path}：${errorText(e)} / cannot read ${path}: ${errorText(e)}`, { file: path }));
  }
}

/** Reads bytes already in memory (the file's name tells the format only where the content does not). */
export async function importBytes(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<DocumentFile> {
  const maxBytes = options.maxBytes ?? IMPORT_LIMITS.maxBytes;
  const timeoutMs = options.timeoutMs ?? IMPORT_LIMITS.timeoutMs;
  const sniffed = sniffFormat(name, bytes);
  const byName = extensionFormat(name);
  const format = FORMAT_OF[sniffed] ?? FORMAT_OF[byName ?? "text"] ?? "text";
  if (bytes.length > maxBytes) {
    return unread(name, format, importProblem("read.file-too-large", `${name} 超过 ${maxBytes} 字节，未读取 / ${name} is above the limit of ${maxBytes} bytes: not read`, { file: name }, { actual: String(bytes.length) }));
  }
  if (bytes.length === 0) return unread(name, format, importProblem("read.empty", `${name} 是空文件 / ${name} is empty`, { file: name }));
  const deadline = Date.now() + timeoutMs;
  // the Office and HTML importers (ExcelJS, mammoth, htmlparser2) are loaded by the first file that needs
  // them: most audits read PDFs only, and loading those libraries took longer than reading a short PDF
  const work = (async (): Promise<DocumentFile> => {
    switch (sniffed) {
      case "pdf":
        return importPdf(name, bytes, { deadline });
      case "xlsx":
        return (await import("./xlsx.ts")).importXlsx(name, bytes, { deadline });
      case "docx":
        return (await import("./docx.ts")).importDocx(name, bytes, { deadline });
      case "xls":
      case "doc":
        return (await import("./legacy.ts")).importLegacy(name, bytes, sniffed === "xls" ? "xlsx" : "docx", { deadline, ...(options.soffice !== undefined ? { soffice: options.soffice } : {}) });
      case "html":
        return (await import("./html.ts")).importHtml(name, bytes);
      case "json": {
        const decoded = decodeText(name, bytes);
        if (decoded.text === undefined) return unread(name, format, decoded.problems[0]!);
        return importJson(name, decoded.text);
      }
      case "encrypted-office":
        return unread(name, format, importProblem("read.encrypted", `${name} 已加密，需要密码才能打开，未读取 / ${name} is encrypted: not read`, { file: name }));
      case "zip":
        return unread(name, format, importProblem("read.unsupported-format", `${name} 是压缩包，但不是 XLSX 或 DOCX / ${name} is a zip archive but neither XLSX nor DOCX`, { file: name }));
      case "binary":
        if (!byName) {
          return unread(name, format, importProblem("read.unsupported-format", `${name} 不是可读取的格式，可读取：${SUPPORTED_EXTENSIONS.join(" ")} / ${name} is not a readable format; readable: ${SUPPORTED_EXTENSIONS.join(" ")}`, { file: name }));
        }
        if (byName !== "text" && byName !== "html") {
          return unread(name, format, importProblem("read.damaged", `${name} 的内容不是 ${byName.toUpperCase()} 格式（文件损坏或扩展名有误），未读取 / the content of ${name} is not ${byName.toUpperCase()} (damaged, or a wrong extension): not read`, { file: name }));
        }
        return importText(name, bytes);
      default:
        return importText(name, bytes);
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DocumentFile>((resolve) => {
    // a little after the importers' own deadline, so their partial results win when they can stop
    timer = setTimeout(() => resolve(unread(name, format, importProblem("read.timeout", `${name} 读取超时（${Math.round(timeoutMs / 1000)} 秒），未读取 / reading ${name} timed out (${Math.round(timeoutMs / 1000)} s)`, { file: name }))), timeoutMs + 2_000);
  });
  try {
    return await Promise.race([
      work.catch((e: unknown) => unread(name, format, importProblem("read.failed", `读取 ${name} 出错：${errorText(e)} / reading ${name} failed: ${errorText(e)}`, { file: name }))),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
