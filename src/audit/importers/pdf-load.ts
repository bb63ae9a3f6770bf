/**
 * PDF 加载 — pdfjs-dist 4.10 (legacy build, Node 20) opened for reading only: no worker thread (pdfjs runs
 * its worker code on the main thread), no eval, no fonts handed to a renderer, images not decoded, errors
 * in a page's content tolerated. Each page is read through its operator list (pdf-ink.ts).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as PdfjsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type FontInfo, type InkLimits, type PageInk, readInk } from "./pdf-ink.ts";

type Pdfjs = typeof PdfjsModule;

let pdfjs: Promise<Pdfjs> | undefined;

/**
 * pdfjs, loaded once; its worker module is registered so that no worker thread is set up.
 *
 * The legacy build's core-js polyfills replace two built-ins for the whole process, Array.prototype.push
 * (half as fast, to fix lengths beyond 2^32) and JSON.parse (for a proposal pdfjs does not use): the
 * native ones are put back, so loading the PDF reader slows nothing else down. What it adds (Promise.
 * withResolvers, which Node 20 lacks, and others) stays.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const kept = [
      [Array.prototype, "push"],
      [JSON, "parse"],
    ] as const;
    const natives = kept.map(([o, k]) => Object.getOwnPropertyDescriptor(o, k)!);
    try {
      const g = globalThis as { pdfjsWorker?: unknown };
      // the worker module has no type declarations; pdfjs only needs it registered
      const worker: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";
      const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
      g.pdfjsWorker ??= await import(worker);
      return lib;
    } finally {
      kept.forEach(([o, k], i) => Object.defineProperty(o, k, natives[i]!));
    }
  })();
  return pdfjs;
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/**
 * A stand-in for the browser document pdfjs loads fonts into. Fonts are "loaded" by inserting a CSS rule
 * that goes nowhere, which keeps pdfjs from building glyph outlines for a canvas that never exists
 * (about twice the work of reading the page).
 */
function fontSink(): object {
  const style = { sheet: { cssRules: [] as unknown[], insertRule: () => 0 }, remove: () => undefined };
  return { fonts: undefined, createElement: () => style, documentElement: { getElementsByTagName: () => [{ append: () => undefined }] } };
}

export interface PdfLimits extends InkLimits {
  /** pages read; the rest are reported and left out */
  maxPages: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 2_000, maxGlyphs: 200_000, maxSegments: 50_000 };

export function openPdf(lib: Pdfjs, bytes: Uint8Array): PDFDocumentLoadingTask {
  return lib.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: fontSink() as never,
    useSystemFonts: false,
    fontExtraProperties: false,
    stopAtErrors: false,
    maxImageSize: 0,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    cMapUrl: join(pdfjsDir, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsDir, "standard_fonts") + "/",
    verbosity: 0,
  });
}

/** One page's ink (text and rulings), in the page's displayed orientation. */
export async function pageInk(doc: PDFDocumentProxy, pageNumber: number, limits: InkLimits): Promise<PageInk> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    // annotations (links, form fields) draw nothing the audit reads
    const ops = await page.getOperatorList({ annotationMode: 0 });
    const fontOf = (name: string): FontInfo | undefined => {
      try {
        return page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo) : undefined;
      } catch {
        return undefined;
      }
    };
    const view = viewport.transform as [number, number, number, number, number, number];
    return readInk(ops.fnArray, ops.argsArray, view, { width: viewport.width, height: viewport.height }, fontOf, limits);
  } finally {
    page.cleanup();
  }
}
