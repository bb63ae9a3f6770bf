/**
 * PDF 读取线程（主线程一侧）— hands a PDF to a worker thread running pdfjs (pdf-worker.ts) and takes back
 * each page's ink as it is read. A read that passes its deadline terminates the thread, which stops pdfjs
 * wherever it is, even inside a synchronous loop that no timer on the main thread could interrupt; the next
 * read starts a new thread. Every caller of the PDF importer (the CLI, the server, the tests) reads this way.
 *
 * A thread is kept between reads (a directory of PDFs loads pdfjs once) and `warmPdfThread()` starts one
 * early, so that loading pdfjs overlaps the rest of the command's start-up. An idle thread does not keep
 * the process alive.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PageInk } from "./pdf-ink.ts";
import type { PdfLimits } from "./pdf-load.ts";
import { unpackInk } from "./pdf-packed.ts";
import type { PdfReadMessage, PdfReadRequest } from "./pdf-worker.ts";

/** The reading thread's heap: far above what a real budget PDF needs; a file needing more is refused. */
export const PDF_THREAD_MEMORY_MB = 1_024;

/** The deadline passed before the thread answered: it has been terminated. */
export class PdfThreadTimeout extends Error {}

/** What the thread says (a page's ink unpacked), or that it stopped: out of memory (`memory`) or for another reason. */
export type PdfThreadMessage = Exclude<PdfReadMessage, { kind: "page" }> | { kind: "page"; page: number; ink: PageInk } | { kind: "crashed"; memory: boolean; message: string };

/** The worker's file: the built one beside this module in dist/node, or, from the sources, one that registers tsx first. */
function workerFile(): string {
  const fromSource = import.meta.url.endsWith(".ts");
  return fileURLToPath(new URL(fromSource ? "./pdf-worker-source.mjs" : "./pdf-worker.js", import.meta.url));
}

/** One idle thread at most is kept, with pdfjs loaded (or loading). */
let idle: Worker | undefined;

function startThread(): Worker {
  const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: PDF_THREAD_MEMORY_MB } });
  worker.unref();
  // an idle thread that dies (it should not) is simply not reused
  const forget = () => {
    if (idle === worker) idle = undefined;
  };
  worker.once("exit", forget);
  worker.on("error", forget);
  return worker;
}

/** Starts the reading thread now, if none is waiting, so that pdfjs is loaded by the time a PDF is read. */
export function warmPdfThread(): void {
  idle ??= startThread();
}

/** One PDF being read in a thread: its messages in order, each awaited with the read's deadline. */
export interface PdfThreadRead {
  /** the next message; rejects with PdfThreadTimeout (and terminates the thread) once the deadline has passed */
  next(): Promise<PdfThreadMessage>;
  /** gives the thread back when the read ended normally, terminates it otherwise */
  close(): Promise<void>;
}

export function readInThread(bytes: Uint8Array, limits: PdfLimits, deadline: number | undefined): PdfThreadRead {
  const worker = idle ?? startThread();
  idle = undefined;
  worker.ref();
  const queue: PdfThreadMessage[] = [];
  let waiting: ((m: PdfThreadMessage) => void) | undefined;
  let finished = false;
  let stopped = false;
  const deliver = (m: PdfThreadMessage) => {
    if (m.kind === "done" || m.kind === "failed" || m.kind === "unavailable") finished = true;
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(m);
    } else queue.push(m);
  };
  const onMessage = (m: PdfReadMessage) => deliver(m.kind === "page" ? { kind: "page", page: m.page, ink: unpackInk(m.ink) } : m);
  const onError = (e: Error & { code?: string }) => {
    stopped = true;
    deliver({ kind: "crashed", memory: e.code === "ERR_WORKER_OUT_OF_MEMORY", message: e.message });
  };
  const onExit = (code: number) => {
    stopped = true;
    deliver({ kind: "crashed", memory: false, message: `exit ${code}` });
  };
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  // the thread takes the copy (pdfjs detaches the buffer it is given)
  const copy = new Uint8Array(bytes);
  worker.postMessage({ bytes: copy, limits } satisfies PdfReadRequest, [copy.buffer]);

  const detach = () => {
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
  };
  const terminate = async () => {
    detach();
    stopped = true;
    await worker.terminate();
  };

  return {
    next() {
      const m = queue.shift();
      if (m) return Promise.resolve(m);
      const left = deadline === undefined ? Infinity : deadline - Date.now();
      if (left <= 0) return terminate().then(() => Promise.reject(new PdfThreadTimeout()));
      return new Promise<PdfThreadMessage>((resolve, reject) => {
        const timer =
          left === Infinity
            ? undefined
            : setTimeout(() => {
                waiting = undefined;
                terminate().then(() => reject(new PdfThreadTimeout()), reject);
              }, left);
        waiting = (message) => {
          clearTimeout(timer);
          resolve(message);
        };
      });
    },
    async close() {
      if (stopped) return;
      if (!finished) return terminate();
      detach();
      worker.unref();
      if (idle) await worker.terminate();
      else idle = worker;
    },
  };
}
