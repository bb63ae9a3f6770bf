/**
 * 格式识别 — which importer reads a file, from its first bytes and then its name: %PDF → pdf; a zip →
 * xlsx or docx by the parts it holds; an OLE compound file → legacy .xls or .doc (or an encrypted Office
 * file); markup → html (many sites publish ".xls" files that are HTML tables); other text → text.
 */
import { looksBinary } from "./decode.ts";
import { officeKind, readZipDirectory } from "../../formats/zip.ts";

export type SniffedFormat = "pdf" | "xlsx" | "docx" | "xls" | "doc" | "html" | "json" | "text" | "zip" | "encrypted-office" | "binary";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Index of an ASCII string in the first `limit` bytes, or -1. */
function indexOfAscii(bytes: Uint8Array, s: string, limit: number): number {
  const n = Math.min(bytes.length, limit) - s.length;
  outer: for (let i = 0; i <= n; i++) {
    for (let k = 0; k < s.length; k++) if (bytes[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** A name stored as UTF-16LE in an OLE directory ("WordDocument", "Workbook"). */
function hasUtf16(bytes: Uint8Array, s: string): boolean {
  const pattern = [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const n = bytes.length - pattern.length;
  outer: for (let i = 0; i <= n; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

const EXT: Record<string, SniffedFormat> = {
  pdf: "pdf", xlsx: "xlsx", xlsm: "xlsx", docx: "docx", xls: "xls", doc: "doc", wps: "doc", et: "xls",
  html: "html", htm: "html", shtml: "html", xhtml: "html", txt: "text", text: "text", md: "text", tsv: "text", json: "json",
};

/** The extensions read (content decides when it disagrees: an ".xls" holding HTML is read as HTML). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXT).map((e) => `.${e}`);

export function extensionFormat(name: string): SniffedFormat | undefined {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? EXT[m[1]!.toLowerCase()] : undefined;
}

export function sniffFormat(name: string, bytes: Uint8Array): SniffedFormat {
  const byName = extensionFormat(name);
  if (indexOfAscii(bytes, "%PDF-", 1024) >= 0) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = readZipDirectory(bytes);
    if (!zip.ok) return byName === "docx" ? "docx" : byName === "xlsx" ? "xlsx" : "zip";
    return officeKind(zip.entries) ?? "zip";
  }
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage")) return "encrypted-office";
    if (hasUtf16(bytes, "WordDocument")) return "doc";
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "xls";
    return byName === "doc" ? "doc" : "xls";
  }
  if (looksBinary(bytes)) return "binary";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096)).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|meta|table|div|p|h[1-6])\b/.test(head) || (/^<\?xml/.test(head) && head.includes("<html")) || /<html[\s>]/.test(head)) return "html";
  if (byName === "html") return "html";
  if (head.startsWith("{") && (byName === "json" || head.includes("yusuan-disclosure/"))) return "json";
  return "text";
}
