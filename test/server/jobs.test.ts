/**
 * The job pool (src/server/jobs): a document that would take too long is stopped at its time limit and
 * answered with a clear message, the event loop keeps answering meanwhile, and the pool serves the next
 * job on a fresh thread.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapError } from "../../src/server/error-mapper.ts";
import { JobRefusedError, type JobRunner, workerPool } from "../../src/server/jobs/runner.ts";
import { pdfDeflateBomb } from "../support/bombs.ts";

describe("job pool", () => {
  let pool: JobRunner;
  beforeAll(() => {
    pool = workerPool(1, { timeoutMs: 4000, memoryMb: 256 });
  });
  afterAll(async () => pool?.close());

  it("reads a document in a worker", async () => {
    const doc = await pool.run("readDocument", { name: "说明.txt", bytes: new TextEncoder().encode("一、收入支出预算总体情况\n2021年收入总计100万元。\n") });
    expect(doc.name).toBe("说明.txt");
    expect(doc.files).toHaveLength(1);
  }, 120_000);

  it("stops a deflate-bomb PDF at the time limit; the event loop never waits on it; the next job runs", async () => {
    const bomb = pdfDeflateBomb();
    let worstLag = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 20);
      last = now;
    }, 20);
    const t = performance.now();
    const e = await pool.run("readDocument", { name: "炸弹.pdf", bytes: bomb }).catch((x: unknown) => x);
    clearInterval(tick);
    expect(e).toBeInstanceOf(JobRefusedError);
    expect((e as JobRefusedError).reason).toBe("timeout");
    expect(performance.now() - t).toBeLessThan(6000);
    expect(worstLag).toBeLessThan(200);
    const answer = mapError(e);
    expect([answer.status, answer.body.error.code]).toEqual([422, "too-complex"]);
    expect(answer.body.error.message).toBe("读取文件超过 4 秒，已停止：文件内容过大或异常 / reading the file took more than 4 s and was stopped: the content is too large or abnormal");
    const next = await pool.run("readDocument", { name: "b.txt", bytes: new TextEncoder().encode("二、收入预算情况\n") });
    expect(next.name).toBe("b.txt");
  }, 120_000);

  it("answers a job stopped at its memory limit 413", () => {
    const answer = mapError(new JobRefusedError("memory", "render", { timeoutMs: 30_000, memoryMb: 768 }));
    expect([answer.status, answer.body.error.code, answer.body.error.message]).toEqual([413, "too-large", "生成文件所需内存超过上限（768 MB），已停止：文件内容过大或异常 / rendering the file needed more than 768 MB and was stopped: the content is too large or abnormal"]);
  });
});
