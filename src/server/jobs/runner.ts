/**
 * 任务执行 — one interface for the heavy work of a request (tasks.ts), two ways to run it:
 *
 * - `workerPool`: the server's. A few worker threads (node:worker_threads), each with a V8 heap limit
 *   (`resourceLimits`) and each job with a time limit. A job past its time or memory is stopped — its
 *   thread terminated and replaced — and refused with `JobRefusedError`; the event loop that answers
 *   other requests never runs the job, so it never waits on it. Jobs beyond the pool's size queue.
 * - `inProcess`: the same tasks in the calling thread, for the command line and tests that need no limits.
 */
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { AppError } from "../errors.ts";
import { type JobKind, type JobTypes, TASKS } from "./tasks.ts";
import type { JobMessage, JobReply } from "./worker.ts";

export interface JobLimits {
  /** wall-clock time a job may run, ms */
  timeoutMs: number;
  /** V8 heap of a worker, MB (old generation) */
  memoryMb: number;
}

/** 默认限制 — what one job may take: 30 s and a 768 MB heap (the 33 real budget PDFs read took at most 1.7 s). */
export const JOB_LIMITS: JobLimits = { timeoutMs: 30_000, memoryMb: 768 };

/** 任务被终止 — a job stopped at its time or memory limit. */
export class JobRefusedError extends Error {
  constructor(
    readonly reason: "timeout" | "memory",
    readonly kind: JobKind,
    readonly limits: JobLimits,
  ) {
    super(`${kind} stopped: ${reason}`);
    this.name = "JobRefusedError";
  }
}

export interface JobRunner {
  run<K extends JobKind>(kind: K, input: JobTypes[K]["input"]): Promise<JobTypes[K]["output"]>;
  close(): Promise<void>;
}

export function inProcess(): JobRunner {
  return {
    run: (kind, input) => (TASKS[kind] as (i: typeof input) => Promise<JobTypes[typeof kind]["output"]>)(input),
    close: async () => {},
  };
}

/** The worker's file: the built one beside this module in dist/node, or, from the sources, one that registers tsx first. */
function workerFile(): string {
  const fromSource = import.meta.url.endsWith(".ts");
  return fileURLToPath(new URL(fromSource ? "./worker-source.mjs" : "./job-worker.js", import.meta.url));
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** settles when the worker has loaded its modules: a job's time starts then */
  ready: Promise<void>;
}

export function workerPool(size = 2, limits: JobLimits = JOB_LIMITS): JobRunner {
  const slots: Slot[] = [];
  const waiting: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 } });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("the job worker stopped while starting")));
    });
    ready.catch(() => {});
    const slot = { worker, busy: false, ready };
    slots.push(slot);
    return slot;
  };
  const retire = (slot: Slot): void => {
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
  };
  const acquire = async (): Promise<Slot> => {
    for (;;) {
      if (closed) throw new Error("job pool closed");
      const idle = slots.find((s) => !s.busy);
      if (idle) return idle;
      if (slots.length < size) return spawn();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const release = (slot: Slot): void => {
    slot.busy = false;
    waiting.shift()?.();
  };

  const run = async <K extends JobKind>(kind: K, input: JobTypes[K]["input"]): Promise<JobTypes[K]["output"]> => {
    const slot = await acquire();
    slot.busy = true;
    const id = nextId++;
    try {
      await slot.ready;
      return await new Promise<JobTypes[K]["output"]>((resolve, reject) => {
        const { worker } = slot;
        const done = (): void => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
        };
        const stop = (reason: "timeout" | "memory"): void => {
          done();
          retire(slot);
          reject(new JobRefusedError(reason, kind, limits));
        };
        const onMessage = (r: JobReply): void => {
          if (r.id !== id) return;
          done();
          if (r.ok) resolve(r.output as JobTypes[K]["output"]);
          else if (r.name === "AppError") reject(new AppError(r.fields.code as never, r.message, r.fields.details));
          else reject(Object.assign(new Error(r.message), { name: r.name }));
        };
        const onError = (e: Error & { code?: string }): void => {
          if (e.code === "ERR_WORKER_OUT_OF_MEMORY") stop("memory");
          else {
            done();
            retire(slot);
            reject(e);
          }
        };
        const onExit = (): void => {
          done();
          retire(slot);
          reject(new Error(`${kind}: the worker stopped`));
        };
        const timer = setTimeout(() => stop("timeout"), limits.timeoutMs);
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        worker.postMessage({ id, kind, input } satisfies JobMessage);
      });
    } finally {
      // a retired slot is gone from the list; a live one is free again
      if (slots.includes(slot)) release(slot);
      else waiting.shift()?.();
    }
  };

  return {
    run,
    close: async () => {
      closed = true;
      for (const w of waiting.splice(0)) w();
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
