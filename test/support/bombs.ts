/**
 * Hostile files for the hardening tests and `npm run bench:hardening` (issue 19), built in memory in a
 * fraction of a second: a deflate stream of N MB is one compressed chunk repeated (each ends with a full
 * flush, so copies concatenate into one valid stream), then an empty final block.
 */
import ExcelJS from "exceljs";
import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import { writeZip } from "./zip-writer.ts";

const CHUNK = 16 * 1024 * 1024;

/** A raw deflate stream inflating to `head`, then `fill` repeated to about `total` bytes, then `tail`. */
export function deflateBomb(head: string, total: number, tail = "", fill = " "): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(CHUNK, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH })];
  for (let n = 0; n < Math.ceil(total / CHUNK); n++) parts.push(chunk);
  parts.push(deflateRawSync(Buffer.from(tail)));
  return Buffer.concat(parts);
}

interface Part {
  name: string;
  /** raw deflate data */
  data: Buffer;
  /** the size the directory (and local header) declares */
  size: number;
}

/** A zip of deflated parts with the declared sizes given (true or not); CRCs are not checked by the reader under test. */
export function zipOf(parts: readonly Part[]): Buffer {
  return writeZip(parts.map((p) => ({ name: p.name, stored: p.data, method: 8, crc: 0, size: p.size })));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

const part = (name: string, text: string): Part => {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), size: bytes.length };
};

function workbookWith(sheet: Part): Buffer {
  return zipOf([part("[Content_Types].xml", CONTENT_TYPES), part("_rels/.rels", RELS), part("xl/workbook.xml", WORKBOOK), part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), sheet]);
}

/**
 * An XLSX whose zip directory lies: its sheet declares 40 KB and inflates to `inflated` bytes (1.1 GB by
 * default, from about 1.1 MB of file).
 */
export function lyingZipXlsx(inflated = 1_100_000_000): Buffer {
  return workbookWith({ name: "xl/worksheets/sheet1.xml", data: deflateBomb(SHEET_HEAD, inflated, SHEET_TAIL), size: 40_000 });
}

const cell = (s: string) => `<c t="inlineStr"><is><t>${s}</t></is></c>`;
const PAYMENT_HEADER = `<row r="1">${["支付日期", "单位代码", "功能科目", "经济科目", "项目编码", "金额"].map(cell).join("")}</row>`;
const PAYMENT_ROW = `<row>${cell("2022-03-01") + cell("313001") + cell("2080208") + cell("30201") + cell("") + cell("100.00")}</row>`;

/**
 * A payments export of `rows` identical data rows with an honest directory: an XLSX (the sheet inflates to
 * about 170 bytes a row) or a CSV.
 */
export function manyRowsPaymentsXlsx(rows: number): Buffer {
  // one block of unnumbered rows repeated: refused on its declared size before any reader parses it
  const block = 10_000;
  const chunk = deflateRawSync(Buffer.from(PAYMENT_ROW.repeat(block)), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [deflateRawSync(Buffer.from(SHEET_HEAD + PAYMENT_HEADER), { finishFlush: constants.Z_FULL_FLUSH })];
  for (let n = 0; n < Math.floor(rows / block); n++) parts.push(chunk);
  parts.push(deflateRawSync(Buffer.from(PAYMENT_ROW.repeat(rows % block) + SHEET_TAIL)));
  const data = Buffer.concat(parts);
  const size = SHEET_HEAD.length + Buffer.byteLength(PAYMENT_HEADER) + rows * Buffer.byteLength(PAYMENT_ROW) + SHEET_TAIL.length;
  return workbookWith({ name: "xl/worksheets/sheet1.xml", data, size });
}

/** A CSV export of `rows` data rows: whole rows, or (`short`) rows of one cell, to fit 5 million in an upload. */
/** An ordinary payments export of `rows` rows, written by exceljs (for caps near a small limit). */
export async function paymentsXlsx(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("支付");
  ws.addRow(["支付日期", "单位代码", "功能科目", "经济科目", "项目编码", "金额"]);
  for (let r = 0; r < rows; r++) ws.addRow(["2022-03-01", "313001", "2080208", "30201", "", "100.00"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function manyRowsPaymentsCsv(rows: number, short = false): string {
  return "支付日期,单位代码,功能科目,经济科目,项目编码,金额\n" + (short ? "1\n" : "2022-03-01,313001,2080208,30201,,100.00\n").repeat(rows);
}

/** Inflates a whole raw deflate stream (for checking a builder here, on small sizes only). */
export function inflateAll(data: Buffer): Buffer {
  return inflateRawSync(data);
}

/** A one-page PDF whose content stream (FlateDecode) inflates to about `inflated` bytes of spaces. */
export function pdfDeflateBomb(inflated = 1_100_000_000): Buffer {
  // zlib framing around the raw stream; the Adler-32 is not checked by readers that stop early
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), deflateBomb("BT /F1 12 Tf 72 712 Td (x) Tj ET\n", inflated), Buffer.alloc(4)]);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    const body = o === null ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream\nendobj\n")]) : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(body);
    at += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}
