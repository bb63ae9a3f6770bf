/**
 * HTML 导入 — web pages as government websites publish them, and Yusuan's own HTML: parsed with
 * htmlparser2, flattened into headings, paragraphs and tables (html-blocks.ts), then assembled like every
 * other block format (blocks.ts). Places are the source line of each element. Never throws.
 */
import { parseDocument } from "htmlparser2";
import type { Finding } from "../../core/rules/finding.ts";
import type { DocumentFile, FileFormat, SourcePlace } from "../core/document.ts";
import { decodeText } from "./decode.ts";
import { assembleBlocks } from "./blocks.ts";
import { HTML_LIMITS, type HtmlLimits, collapse, htmlBlocks } from "./html-blocks.ts";
import { errorText, importProblem } from "./problems.ts";
import { lineIndex } from "../../formats/text-lines.ts";

export { HTML_LIMITS, type HtmlLimits } from "./html-blocks.ts";

/** Characters of markup read at most. */
export const MAX_HTML_CHARS = 50_000_000;

/** The charset a page declares in its first bytes (meta charset / http-equiv), lower-cased. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function decodeHtml(name: string, bytes: Uint8Array, problems: Finding[]): string | undefined {
  const charset = declaredCharset(bytes);
  if (charset && /^(gb2312|gbk|gb18030|x-gbk)$/.test(charset)) return new TextDecoder("gb18030").decode(bytes);
  const decoded = decodeText(name, bytes);
  problems.push(...decoded.problems);
  return decoded.text;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Nesting deeper than this is not parsed as markup (the parser slows quadratically with depth). */
export const MAX_HTML_DEPTH = 5_000;

/** The deepest nesting of elements, estimated from the tags in one linear pass. */
export function nestingDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(\/?)>/g)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max && (max = depth) > stopAt) break;
  }
  return max;
}

export interface HtmlOptions {
  limits?: HtmlLimits;
  /** "docx" when the HTML was converted from a Word document (its places have no line) */
  format?: FileFormat;
}

/** Reads one HTML page (its markup, or the bytes as stored) into the document model. */
export function importHtml(name: string, input: string | Uint8Array, options: HtmlOptions = {}): DocumentFile {
  const problems: Finding[] = [];
  const format = options.format ?? "html";
  const file: DocumentFile = { name, format, parts: [{ kind: "whole", index: 1, read: true }], tables: [], sections: [], problems };
  let text: string | undefined = typeof input === "string" ? input : decodeHtml(name, input, problems);
  if (text === undefined) {
    file.parts[0]!.read = false;
    return file;
  }
  if (text.length > MAX_HTML_CHARS) {
    problems.push(importProblem("read.too-large", `文件超过 ${MAX_HTML_CHARS} 个字符，其后内容未读取 / the file exceeds ${MAX_HTML_CHARS} characters; the rest was not read`, { file: name }, { actual: String(text.length) }));
    text = text.slice(0, MAX_HTML_CHARS);
  }
  if (text.trim() === "") {
    problems.push(importProblem("read.empty", `${name} 没有内容 / ${name} is empty`, { file: name }));
    return file;
  }
  if (nestingDepth(text, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    problems.push(
      importProblem("read.unsafe-content", `${name} 的标记嵌套超过 ${MAX_HTML_DEPTH} 层，只读取其中的文字 / the markup of ${name} nests deeper than ${MAX_HTML_DEPTH} levels: only its text was read`, { file: name }),
    );
    const plain = text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/<[^>]*>/g, "\n");
    const { tables, sections } = assembleBlocks(
      name,
      plain
        .split(/\n+/)
        .map((t) => collapse(t))
        .filter((t) => t !== "")
        .map((t) => ({ kind: "text" as const, text: t, place: { file: name } })),
      problems,
    );
    file.tables = tables;
    file.sections = sections;
    return file;
  }
  try {
    const doc = parseDocument(text, { withStartIndices: format === "html", decodeEntities: true, lowerCaseTags: true });
    const lineOf = lineIndex(text);
    const place = (node: { startIndex: number | null }): SourcePlace =>
      format === "html" && node.startIndex !== null ? { file: name, line: lineOf(node.startIndex) } : { file: name };
    const blocks = htmlBlocks(doc.children, place, options.limits ?? HTML_LIMITS);
    const { tables, sections } = assembleBlocks(name, blocks, problems);
    file.tables = tables;
    file.sections = sections;
  } catch (e) {
    file.parts[0]!.read = false;
    problems.push(importProblem("read.damaged", `${name} 无法解析：${errorText(e)} / ${name} cannot be parsed: ${errorText(e)}`, { file: name }));
    return file;
  }
  if (file.tables.length === 0 && file.sections.every((s) => s.paragraphs.length === 0)) {
    problems.push(importProblem("read.nothing-found", `${name} 中没有可识别的表格或说明文字 / no table or narrative text found in ${name}`, { file: name }));
  }
  return file;
}
