/** The worker thread of runner.ts: runs one task at a time from tasks.ts and posts back its result or error. */
import { parentPort } from "node:worker_threads";
import { type JobKind, TASKS } from "./tasks.ts";

export interface JobMessage {
  id: number;
  kind: JobKind;
  input: unknown;
}

export type JobReply = { id: number; ok: true; output: unknown } | { id: number; ok: false; name: string; message: string; fields: Record<string, unknown> };

// the modules are loaded: say so, so the pool starts a job's clock only now
parentPort?.postMessage({ ready: true });

parentPort?.on("message", (m: JobMessage) => {
  const task = TASKS[m.kind] as (input: unknown) => Promise<unknown>;
  task(m.input).then(
    (output) => parentPort!.postMessage({ id: m.id, ok: true, output } satisfies JobReply),
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      // an AppError or InputError keeps its code and problems across the thread
      const fields = JSON.parse(JSON.stringify({ ...err })) as Record<string, unknown>;
      parentPort!.postMessage({ id: m.id, ok: false, name: err.constructor.name, message: err.message, fields } satisfies JobReply);
    },
  );
});
