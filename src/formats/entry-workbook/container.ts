/**
 * A look at the file before exceljs opens it: is it a zip at all, does it hold a workbook, and how large is
 * it once unpacked (a small file must not unpack into gigabytes). Reads only the zip's central directory.
 */
import { ZIP_LIMITS, type ZipLimits } from "../zip.ts";

/** Unpacked size above which a workbook is refused. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** What the bounded reader (../zip.ts) allows an entry workbook: the unpacked size above, each part inflated and counted. */
export const ENTRY_WORKBOOK_ZIP_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxTotal: MAX_UNPACKED_BYTES, maxEntry: MAX_UNPACKED_BYTES };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  if (printable < head.length * 0.95) return false;
  // The cut at 512 bytes may fall inside a character: up to 3 bytes of it may be left over.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const maxCut = head.length < bytes.length ? 3 : 0;
  for (let cut = 0; cut <= maxCut; cut++) {
    try {
      decoder.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter head
    }
  }
  return false;
}

/** Why the bytes cannot be an xlsx workbook, or undefined when they look like one. */
export function containerProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return "文件是空的 / the file is empty";
  if (OLE2.every((b, i) => bytes[i] === b)) {
    return "这是旧版 .xls 文件或设置了密码的工作簿：请在 Excel 或 WPS 中另存为 .xlsx（不设密码）后再导入 / a legacy .xls or password-protected workbook: save it as .xlsx without a password";
  }
  const notZip = looksLikeText(bytes)
    ? "不是 xlsx 文件：内容是文本（可能是 CSV 或其他文件改了扩展名） / not an xlsx file: the content is text (a CSV or another file renamed?)"
    : "不是有效的 xlsx 文件：不是 zip 压缩包，或文件已损坏、不完整 / not a valid xlsx file: not a zip archive, or damaged or truncated";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notZip;
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > eocd) return notZip;
  let p = cdOffset;
  let unpacked = 0;
  let hasWorkbook = false;
  const decoder = new TextDecoder();
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return notZip;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd) return notZip;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (name === "xl/workbook.xml") hasWorkbook = true;
    // 0xffffffff marks a ZIP64 size: far beyond anything a budget needs.
    unpacked += size === 0xffffffff ? Infinity : size;
    p += 46 + nameLength + extra + comment;
  }
  if (!hasWorkbook) return "zip 压缩包中没有 Excel 工作簿（缺少 xl/workbook.xml），不是 xlsx 文件 / the zip holds no Excel workbook";
  if (unpacked > MAX_UNPACKED_BYTES) return `解压后超过 ${MAX_UNPACKED_BYTES / 1048576} MB，拒绝读取 / unpacks to more than ${MAX_UNPACKED_BYTES / 1048576} MB`;
  return undefined;
}
