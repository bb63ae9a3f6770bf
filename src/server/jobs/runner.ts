/**
 * 任务执行 — one interface for the heavy work of a request (tasks.ts), two ways to run it:
 *
 * - `workerPool`: the server's. A few worker threads (piscina), each with a V8 heap limit
 *   (`resourceLimits`) and each job with a time limit. A job past its time or memory is stopped — its
 *   thread terminated and replaced — and refused with `JobRefusedError`; the event loop that answers
 *   other requests never runs the job, so it never waits on it. Jobs beyond the pool's size queue.
 * - `inProcess`: the same tasks in the calling thread, for the command line and tests that need no limits.
 */
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
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

/**
 * The server's pool: piscina, made at the first job with `size` threads, each with the heap limit. A job's
 * clock starts when its task starts in a thread (the worker says so on a port of its own); past the time
 * limit the job is aborted, which terminates its thread, and piscina starts another in its place, as it
 * does for a thread that died of its heap limit.
 */
export function workerPool(size = 2, limits: JobLimits = JOB_LIMITS): JobRunner {
  let pool: Piscina<JobMessage, JobReply> | undefined;
  let closed = false;
  const threads = (): Piscina<JobMessage, JobReply> =>
    (pool ??= new Piscina<JobMessage, JobReply>({
      filename: workerFile(),
      minThreads: size,
      maxThreads: size,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
    }));

  const run = async <K extends JobKind>(kind: K, input: JobTypes[K]["input"]): Promise<JobTypes[K]["output"]> => {
    if (closed) throw new Error("job pool closed");
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    port1.once("message", () => {
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, limits.timeoutMs);
    });
    try {
      const reply = await threads().run({ kind, input, started: port2 }, { transferList: [port2], signal: abort.signal });
      if (reply.ok) return reply.output as JobTypes[K]["output"];
      if (reply.name === "AppError") throw new AppError(reply.fields.code as never, reply.message, reply.fields.details);
      throw Object.assign(new Error(reply.message), { name: reply.name });
    } catch (e) {
      if (timedOut) throw new JobRefusedError("timeout", kind, limits);
      if ((e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") throw new JobRefusedError("memory", kind, limits);
      throw e;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  };

  return {
    run,
    close: async () => {
      closed = true;
      await pool?.destroy();
    },
  };
}
