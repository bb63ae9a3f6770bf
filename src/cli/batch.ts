/**
 * 批量处理 — `yusuan check` and `yusuan render` of a directory of budgets on every core: a pool of worker
 * threads (piscina), each reading, checking and rendering whole budgets (src/cli/batch-worker.ts). The main
 * thread hands out file names, a few per worker at a time, so memory stays flat; it shows progress on
 * stderr and gathers each budget's small outcome in the batch's order. A budget that fails is a line in
 * the summary; the others go on.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { SingleBar } from "cli-progress";
import { Piscina } from "piscina";
import { InputError } from "../formats/errors.ts";
import type { BatchOutcome, BatchTask } from "./batch-worker.ts";

export interface BatchOptions {
  /** worker threads (default: one per core) */
  jobs?: number;
  /** show a progress bar on stderr (default: when stderr is a terminal) */
  progress?: boolean;
  /** what the bar says: 审核 / checking, 渲染 / rendering */
  label: string;
}

/** --jobs as given on the command line: a whole number from 1, or one per core when absent. */
export function parseJobs(jobs: string | number | undefined): number {
  if (jobs === undefined) return availableParallelism();
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InputError([{ file: "--jobs", message: `线程数应为 1–256 的整数 / --jobs takes a whole number from 1 to 256 (got ${String(jobs)})` }]);
  return n;
}

/**
 * The worker's file: the built one beside this module in dist/node, or, when running from the TypeScript
 * sources (tests, YUSUAN_FROM_SOURCE=1), a small module that registers tsx in the worker and loads the .ts.
 */
function workerFile(): string {
  const fromSource = import.meta.url.endsWith(".ts");
  return fileURLToPath(new URL(fromSource ? "./batch-worker-source.mjs" : "./batch-worker.js", import.meta.url));
}

/**
 * How many budgets one message to a worker carries: enough that a message's cost (cloning, waking the
 * thread, piscina's bookkeeping: about a millisecond, as long as checking a budget) is shared by many, few
 * enough that every worker gets several chunks and none sits idle at the end. Rendering a budget takes
 * long enough that it goes one at a time.
 */
export function chunkSize(tasks: number, threads: number, kind: BatchTask["kind"]): number {
  if (kind === "render") return 1;
  return Math.max(1, Math.min(32, Math.ceil(tasks / (threads * 8))));
}

/** Runs every task on the pool; the outcomes come back in the tasks' order. */
export async function runBatch(tasks: readonly BatchTask[], opts: BatchOptions): Promise<BatchOutcome[]> {
  const threads = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), tasks.length));
  const pool = new Piscina<BatchTask[], BatchOutcome[]>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // reading a budget makes many short-lived objects: a larger young generation collects them less often
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const bar = new SingleBar({ format: `${opts.label} [{bar}] {value}/{total} {name}`, stream: process.stderr, noTTYOutput: false, hideCursor: true });
  const showBar = opts.progress ?? Boolean(process.stderr.isTTY);
  if (showBar) bar.start(tasks.length, 0, { name: "" });
  const outcomes = new Array<BatchOutcome>(tasks.length);
  const size = tasks.length ? chunkSize(tasks.length, threads, tasks[0]!.kind) : 1;
  let next = 0;
  let done = 0;
  // Each worker keeps a few chunks queued, so none waits for the main thread; no more, so memory stays flat.
  const worker = async () => {
    while (next < tasks.length) {
      const from = next;
      next = Math.min(tasks.length, from + size);
      const chunk = tasks.slice(from, next);
      const answers = await pool.run(chunk).catch((e: unknown): BatchOutcome[] =>
        chunk.map((task) => ({
          budget: task.budget,
          errors: 0,
          warnings: 0,
          info: 0,
          files: 0,
          notes: [],
          failure: { kind: "unusable", message: e instanceof Error ? e.message : String(e) },
        })),
      );
      answers.forEach((outcome, k) => (outcomes[from + k] = outcome));
      done += answers.length;
      if (showBar) bar.update(done, { name: answers.at(-1)?.title ?? "" });
    }
  };
  try {
    await Promise.all(Array.from({ length: threads * 3 }, worker));
  } finally {
    if (showBar) bar.stop();
    await pool.destroy();
  }
  return outcomes;
}

/** A worker's young generation, in MB (V8's default is 16 on 64-bit machines). */
const YOUNG_GENERATION_MB = 64;
