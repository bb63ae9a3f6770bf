/**
 * DOCX 导入 — Word documents (the narrative file of a document split in two, or a whole disclosure):
 * mammoth turns the document into HTML (headings from Word's heading styles, bold runs, tables with
 * merged cells as rowspan/colspan; images left out), which the HTML importer reads. The zip is checked
 * first (zip.ts). Word keeps no pages, so places name the file only. Never throws.
 */
import mammoth from "mammoth";
import type { Finding } from "../../core/rules/finding.ts";
import type { DocumentFile } from "../core/document.ts";
import { importHtml } from "./html.ts";
import { errorText, importProblem } from "./problems.ts";
import { ZIP_LIMITS, type ZipLimits, findXmlBomb, officeKind, readZipDirectory, verifyEntries } from "../../formats/zip.ts";

export interface DocxOptions {
  limits?: ZipLimits;
  deadline?: number;
}

class Timeout extends Error {}

const noImages = mammoth.images.imgElement(async () => ({ src: "" }));

export async function importDocx(name: string, bytes: Uint8Array, options: DocxOptions = {}): Promise<DocumentFile> {
  const problems: Finding[] = [];
  const failed = (): DocumentFile => ({ name, format: "docx", parts: [{ kind: "whole", index: 1, read: false }], tables: [], sections: [], problems });
  const where = { file: name };
  const zip = readZipDirectory(bytes, options.limits ?? ZIP_LIMITS);
  if (!zip.ok) {
    const id = zip.reason === "unsafe" ? "read.unsafe-content" : zip.reason === "too-large" ? "read.file-too-large" : "read.damaged";
    problems.push(importProblem(id, `${name} 无法作为 Word 文档读取：${zip.detail} / ${name} cannot be read as a Word document: ${zip.detail}`, where));
    return failed();
  }
  if (officeKind(zip.entries) !== "docx") {
    problems.push(importProblem("read.damaged", `${name} 不是 DOCX 文档（缺少 word/document.xml） / ${name} is not a DOCX document (no word/document.xml)`, where));
    return failed();
  }
  const bomb = findXmlBomb(bytes, zip.entries) ?? (await verifyEntries(bytes, zip.entries));
  if (bomb) {
    problems.push(importProblem("read.unsafe-content", `${name} 的部件 ${bomb} 含实体定义或压缩数据异常，未读取 / part ${bomb} of ${name} declares entities or inflates abnormally: not read`, where));
    return failed();
  }
  let html: string;
  try {
    const convert = mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: noImages, externalFileAccess: false, ignoreEmptyParagraphs: true });
    let timer: NodeJS.Timeout | undefined;
    const result =
      options.deadline === undefined
        ? await convert
        : await Promise.race([convert, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), Math.max(0, options.deadline! - Date.now()))))]).finally(() => clearTimeout(timer));
    html = result.value;
  } catch (e) {
    if (e instanceof Timeout) problems.push(importProblem("read.timeout", `${name} 读取超时 / reading ${name} timed out`, where));
    else problems.push(importProblem("read.damaged", `${name} 无法解析：${errorText(e)} / ${name} cannot be parsed: ${errorText(e)}`, where));
    return failed();
  }
  if (html.trim() === "") {
    problems.push(importProblem("read.empty", `${name} 没有内容 / ${name} is empty`, where));
    return { ...failed(), parts: [{ kind: "whole", index: 1, read: true }] };
  }
  const file = importHtml(name, html, { format: "docx" });
  file.problems.unshift(...problems);
  return file;
}
