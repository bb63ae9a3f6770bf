/**
 * The job worker of runner.ts (a piscina worker): runs one task from tasks.ts and answers its result or
 * error as plain data. It first says on the job's port that the task has started, so the pool starts the
 * job's clock only then (a thread still loading its modules is not the job's time).
 */
import type { MessagePort } from "node:worker_threads";
import { type JobKind, TASKS } from "./tasks.ts";

export interface JobMessage {
  kind: JobKind;
  input: unknown;
  /** told "started" when the task begins */
  started: MessagePort;
}

export type JobReply = { ok: true; output: unknown } | { ok: false; name: string; message: string; fields: Record<string, unknown> };

export default async function runJob({ kind, input, started }: JobMessage): Promise<JobReply> {
  started.postMessage("started");
  const task = TASKS[kind] as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, output: await task(input) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    // an AppError or InputError keeps its code and problems across the thread (a thrown error would lose them)
    const fields = JSON.parse(JSON.stringify({ ...err })) as Record<string, unknown>;
    return { ok: false, name: err.constructor.name, message: err.message, fields };
  }
}
