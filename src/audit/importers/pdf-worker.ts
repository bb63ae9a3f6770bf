/**
 * PDF 读取线程 — the worker thread in which pdfjs reads a PDF (pdf-thread.ts starts it). pdfjs parses a
 * document on the thread that calls it, and some of its parsing is one synchronous loop (a damaged TrueType
 * cmap kept it busy for minutes): only a thread of its own can be stopped at a deadline, by terminating it.
 *
 * pdfjs starts loading as soon as the thread does, so that it is ready when the first file arrives. For
 * each request the thread posts what it read, in order: `opened` (the page count) then one `page` (its ink
 * packed, pdf-packed.ts) or
 * `page-failed` per page and `done`; or `failed` when the file cannot be opened, `unavailable` when
 * pdfjs itself cannot be loaded.
 */
import { parentPort } from "node:worker_threads";
import { type PdfLimits, loadPdfjs, openPdf, pageInk } from "./pdf-load.ts";
import { type PackedInk, packInk, packedBuffers } from "./pdf-packed.ts";
import { errorText } from "./problems.ts";

export interface PdfReadRequest {
  bytes: Uint8Array;
  limits: PdfLimits;
}

export type PdfReadMessage =
  | { kind: "opened"; pages: number }
  | { kind: "page"; page: number; ink: PackedInk }
  | { kind: "page-failed"; page: number; message: string }
  | { kind: "done" }
  /** `name` is pdfjs's exception name (PasswordException for an encrypted file) */
  | { kind: "failed"; name: string; message: string }
  | { kind: "unavailable"; message: string };

const lib = loadPdfjs();
// a failure to load is reported with the first request, not as an unhandled rejection now
lib.catch(() => undefined);

async function read({ bytes, limits }: PdfReadRequest, post: (m: PdfReadMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  let pdfjs: Awaited<typeof lib>;
  try {
    pdfjs = await lib;
  } catch (e) {
    post({ kind: "unavailable", message: errorText(e) });
    return;
  }
  const task = openPdf(pdfjs, bytes);
  try {
    const doc = await task.promise;
    post({ kind: "opened", pages: doc.numPages });
    for (let p = 1, n = Math.min(doc.numPages, limits.maxPages); p <= n; p++) {
      try {
        const ink = packInk(await pageInk(doc, p, limits));
        post({ kind: "page", page: p, ink }, packedBuffers(ink));
      } catch (e) {
        post({ kind: "page-failed", page: p, message: errorText(e) });
      }
    }
    post({ kind: "done" });
  } catch (e) {
    post({ kind: "failed", name: (e as { name?: string } | undefined)?.name ?? "", message: errorText(e) });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

const port = parentPort;
if (port) port.on("message", (request: PdfReadRequest) => void read(request, (m, transfer) => port.postMessage(m, transfer)));
