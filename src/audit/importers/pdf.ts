/**
 * PDF 导入 — a PDF with a text layer read into the document model: each page's glyphs and rulings
 * (pdf-load.ts, pdf-ink.ts, read by pdfjs in a thread that the deadline can stop: pdf-thread.ts), tables rebuilt from rulings or from text columns (pdf-grid.ts,
 * pdf-stream.ts), joined across pages with their titles, unit lines and notes (pdf-tables.ts), and the
 * running text as headings and paragraphs (pdf-narrative.ts). Page numbers and running headers are left
 * out. A page without a text layer (a scan) is read by OCR when the machine has it (ocr.ts), its glyphs
 * marked as read by OCR; without OCR it is reported ("扫描页，未读取"), never passed over. Never throws.
 */
import type { Finding } from "../../core/rules/finding.ts";
import { byteSize } from "../../formats/zip.ts";
import { PDF_STREAM_LIMITS, type PdfStreamLimits, checkPdfStreams, pdfStreamProblemText } from "../../formats/pdf-bounds.ts";
import type { DocumentFile, FilePart } from "../core/document.ts";
import { type PageLayout, layoutPage } from "./pdf-layout.ts";
import { PDF_LIMITS, type PdfLimits } from "./pdf-load.ts";
import { PDF_THREAD_MEMORY_MB, type PdfThreadMessage, type PdfThreadRead, PdfThreadTimeout, readInThread } from "./pdf-thread.ts";
import { measure, readNarrative } from "./pdf-narrative.ts";
import { type Item, readTables } from "./pdf-tables.ts";
import { OCR_LIMITS, type OcrEngine, type OcrLimits, ocrEngine, ocrInk } from "./ocr.ts";
import { errorText, importProblem } from "./problems.ts";

export { PDF_LIMITS, type PdfLimits } from "./pdf-load.ts";

export interface PdfOptions {
  limits?: PdfLimits;
  /** Date.now() after which reading stops (what was read is kept, a reading problem says so) */
  deadline?: number;
  /** OCR of scanned pages: the engine (default: tesseract when installed; null: none) and its bounds */
  ocr?: OcrEngine | null;
  ocrLimits?: OcrLimits;
  /** what the file's compressed streams may inflate to, checked before pdf.js opens it (pdf-bounds.ts) */
  streamLimits?: PdfStreamLimits;
}

const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*(共\s*)?\d{1,4}\s*页?)?[-—–－\s]*$|^第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页$/;

export async function importPdf(name: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<DocumentFile> {
  const limits = options.limits ?? PDF_LIMITS;
  const problems: Finding[] = [];
  const parts: FilePart[] = [];
  const file: DocumentFile = { name, format: "pdf", parts, tables: [], sections: [], problems };
  const layouts: PageLayout[] = [];
  // pdf.js inflates a stream into one ArrayBuffer, beyond any heap limit: a deflate bomb is refused before it sees the file
  const streams = await checkPdfStreams(bytes, options.streamLimits ?? PDF_STREAM_LIMITS);
  if (!streams.ok) {
    parts.push({ kind: "whole", index: 1, read: false });
    problems.push(importProblem("read.compression-bomb", pdfStreamProblemText(streams, name), { file: name }, { expected: `≤ ${byteSize(streams.limit)}`, actual: `> ${byteSize(streams.limit)}` }));
    return file;
  }
  // pdfjs runs in a thread of its own, which the deadline terminates wherever pdfjs is (pdf-thread.ts)
  let reading: PdfThreadRead;
  try {
    reading = readInThread(bytes, limits, options.deadline);
  } catch (e) {
    problems.push(unavailable(name, errorText(e)));
    return file;
  }
  try {
    const opened = await reading.next();
    if (opened.kind !== "opened") {
      problems.push(unopened(name, opened));
      return file;
    }
    const pages = Math.min(opened.pages, limits.maxPages);
    const ocrLimits = options.ocrLimits ?? OCR_LIMITS;
    let ocrPages = 0;
    if (opened.pages > limits.maxPages) {
      problems.push(
        importProblem("read.too-large", `PDF 共 ${opened.pages} 页，仅读取前 ${limits.maxPages} 页 / the PDF has ${opened.pages} pages; only the first ${limits.maxPages} were read`, { file: name }, {
          actual: String(opened.pages),
        }),
      );
    }
    let stopped = false;
    for (let p = 1; p <= pages; p++) {
      const m = await reading.next();
      if (m.kind === "page-failed") {
        parts.push({ kind: "page", index: p, read: false });
        problems.push(importProblem("read.damaged", `第 ${p} 页无法解析：${m.message} / page ${p} cannot be parsed: ${m.message}`, { file: name, page: p }));
        continue;
      }
      if (m.kind !== "page") {
        problems.push(unopened(name, m));
        stopped = true;
        break;
      }
      const ink = m.ink;
      const layout = layoutPage(p, ink);
      const read = ink.glyphs.length > 0;
      parts.push({ kind: "page", index: p, read });
      if (read) layouts.push(layout);
      else if (!ink.drawn) problems.push(importProblem("read.blank-page", `第 ${p} 页是空白页 / page ${p} is blank`, { file: name, page: p }));
      else {
        const engine = options.ocr === undefined ? await ocrEngine() : (options.ocr ?? undefined);
        const scanned = await readScanned(name, bytes, p, engine, ocrPages < ocrLimits.maxPages, ocrLimits, options.deadline, problems);
        if (engine && ocrPages < ocrLimits.maxPages) ocrPages++;
        if (scanned) {
          parts[parts.length - 1] = { kind: "page", index: p, read: true, ocr: true };
          layouts.push(scanned);
        }
      }
    }
    // the thread's "done", so that it is kept for the next file
    if (!stopped) await reading.next();
  } catch (e) {
    if (!(e instanceof PdfThreadTimeout)) throw e;
    const read = parts.filter((p) => p.read).length;
    problems.push(importProblem("read.timeout", `读取超时，已读 ${read} 页，其余未读取、未审核 / reading timed out after ${read} pages; the rest was neither read nor audited`, { file: name }));
  } finally {
    await reading.close();
  }
  if (layouts.length > 0) {
    const items = documentItems(layouts);
    const lines = items.flatMap((i) => (i.block.kind === "line" ? [i.block.line] : []));
    const metrics = measure(lines);
    file.tables = readTables(items, { file: name, bodySize: metrics.bodySize, problems });
    file.sections = readNarrative(name, items, metrics);
  }
  if (parts.some((p) => p.read) && file.tables.length === 0 && file.sections.every((s) => s.paragraphs.length === 0)) {
    problems.push(importProblem("read.nothing-found", `${name} 中没有可识别的表格或说明文字 / no table or narrative text found in ${name}`, { file: name }));
  }
  return file;
}

function unavailable(name: string, why: string): Finding {
  return importProblem("read.failed", `无法加载 PDF 读取组件：${why} / the PDF reader could not be loaded: ${why}`, { file: name });
}

/** The problem when the reading thread answers something else than a page: the file cannot be opened, or the thread stopped. */
function unopened(name: string, m: PdfThreadMessage): Finding {
  if (m.kind === "unavailable") return unavailable(name, m.message);
  if (m.kind === "failed" && m.name === "PasswordException") return importProblem("read.encrypted", `${name} 需要密码才能打开，未读取 / ${name} needs a password: not read`, { file: name });
  if (m.kind === "failed") return importProblem("read.damaged", `${name} 不是可读取的 PDF：${m.message} / ${name} is not a readable PDF: ${m.message}`, { file: name });
  if (m.kind === "crashed" && m.memory) {
    return importProblem("read.file-too-large", `读取 ${name} 所需内存超过上限（${PDF_THREAD_MEMORY_MB} MB），已停止 / reading ${name} needs more than ${PDF_THREAD_MEMORY_MB} MB of memory: stopped`, { file: name });
  }
  const why = m.kind === "crashed" ? m.message : m.kind;
  return importProblem("read.damaged", `${name} 读取中断：${why} / reading ${name} stopped: ${why}`, { file: name });
}

/**
 * A scanned page read by OCR: its layout, or undefined with a reading problem saying why not (no OCR on
 * this machine, the document's OCR page limit reached, the engine failed or ran out of time).
 */
async function readScanned(
  name: string,
  bytes: Uint8Array,
  p: number,
  engine: OcrEngine | undefined,
  withinLimit: boolean,
  limits: OcrLimits,
  deadline: number | undefined,
  problems: Finding[],
): Promise<PageLayout | undefined> {
  const place = { file: name, page: p };
  if (!engine) {
    problems.push(importProblem("read.scanned-page", `第 ${p} 页没有文字层（扫描页），本机没有 OCR（tesseract-ocr 与 tesseract-ocr-chi-sim），未读取 / page ${p} has no text layer (a scanned page) and this machine has no OCR (tesseract-ocr, tesseract-ocr-chi-sim): not read`, place));
    return undefined;
  }
  if (!withinLimit) {
    problems.push(importProblem("read.scanned-page", `第 ${p} 页没有文字层（扫描页）：本文件已 OCR 识别 ${limits.maxPages} 页（上限），此页未读取 / page ${p} has no text layer: ${limits.maxPages} pages (the limit) were already read by OCR, this one was not read`, place));
    return undefined;
  }
  const timeout = Math.min(limits.pageTimeoutMs, deadline === undefined ? Infinity : deadline - Date.now());
  try {
    if (timeout <= 0) throw new Error("no time left");
    const page = await engine.readPage(bytes, p, timeout);
    if (page.words.length === 0) {
      problems.push(importProblem("read.scanned-page", `第 ${p} 页没有文字层（扫描页），OCR 未识别出文字 / page ${p} has no text layer and OCR found no text in it`, place));
      return undefined;
    }
    problems.push(importProblem("read.ocr-page", `第 ${p} 页没有文字层（扫描页），已用 OCR（${engine.name}）识别读取，其中的数字可能识别有误 / page ${p} has no text layer (a scan): read by OCR (${engine.name}); its figures may be misread`, place));
    return layoutPage(p, ocrInk(page));
  } catch (e) {
    problems.push(importProblem("read.scanned-page", `第 ${p} 页没有文字层（扫描页），OCR 识别失败或超时（${errorText(e)}），未读取 / page ${p} has no text layer and OCR failed or timed out (${errorText(e)}): not read`, place));
    return undefined;
  }
}

/**
 * Every page's blocks in order, with page numbers and running headers or footers (the same text at the
 * same height on many pages) marked as consumed.
 */
function documentItems(layouts: readonly PageLayout[]): Item[] {
  const items: Item[] = [];
  const edgeText = new Map<string, number>();
  const edge = (y: number, h: number) => y > h * 0.9 || y < h * 0.08;
  const key = (text: string, y: number) => `${Math.round(y / 4)}|${text.replace(/\d+/g, "#")}`;
  for (const l of layouts)
    for (const b of l.blocks) if (b.kind === "line" && edge(b.line.y, l.height)) edgeText.set(key(b.line.text, b.line.y), (edgeText.get(key(b.line.text, b.line.y)) ?? 0) + 1);
  const repeated = Math.max(2, Math.ceil(layouts.length * 0.3));
  for (const l of layouts) {
    for (const b of l.blocks) {
      let consumed = false;
      if (b.kind === "line" && edge(b.line.y, l.height)) {
        consumed = PAGE_NUMBER.test(b.line.text) || (edgeText.get(key(b.line.text, b.line.y)) ?? 0) >= repeated;
      }
      items.push({ block: b, consumed });
    }
  }
  return items;
}
