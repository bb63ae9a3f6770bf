/**
 * The job pool (src/server/jobs): a PDF deflate bomb is refused by the reader's stream bounds before it
 * inflates; a document that would take too long is stopped at its time limit and answered with a clear
 * message, the event loop keeps answering meanwhile, and the pool serves the next job on a fresh thread.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapError } from "../../src/server/error-mapper.ts";
import { JobRefusedError, type JobRunner, workerPool } from "../../src/server/jobs/runner.ts";
import { pdfDeflateBomb } from "../support/bombs.ts";

/** How late a 20 ms timer fires at worst while a job runs: the event loop's longest wait, in ms. */
function watchLag(): { stop(): number } {
  let worst = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  return {
    stop() {
      clearInterval(tick);
      return worst;
    },
  };
}

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

  it("refuses a deflate-bomb PDF (1.1 MB → 1.1 GB) in under 2 s with 413, RSS +≤ 200 MB, the event loop free", async () => {
    const bomb = pdfDeflateBomb();
    const lag = watchLag();
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t = performance.now();
    const e = await pool.run("readDocument", { name: "炸弹.pdf", bytes: bomb }).catch((x: unknown) => x);
    const ms = performance.now() - t;
    const worstLag = lag.stop();
    clearInterval(sampler);
    expect(ms).toBeLessThan(2000);
    expect(peak - rss).toBeLessThan(200 * 1024 * 1024);
    expect(worstLag).toBeLessThan(200);
    const answer = mapError(e);
    expect([answer.status, answer.body.error.code]).toEqual([413, "too-large"]);
    expect(answer.body.error.message).toBe(
      "文件“炸弹.pdf”的数据流（4 0 obj）解压后超过 64 MB（可能是压缩炸弹），拒绝读取 / \"炸弹.pdf\": a stream (4 0 obj) inflates to more than 64 MB (a deflate bomb?) and the file was not read",
    );
  }, 120_000);

  it("stops a job at the time limit (a PDF within the stream bounds that is slow to read); the event loop never waits; the next job runs", async () => {
    // 60 MB of blank content: under the 64 MB stream bound, so pdf.js reads it, for longer than the pool allows
    const slow = pdfDeflateBomb(60_000_000);
    const short = workerPool(1, { timeoutMs: 300, memoryMb: 256 });
    try {
      await short.run("readDocument", { name: "warm.txt", bytes: new TextEncoder().encode("二、收入预算情况\n") });
      const lag = watchLag();
      const e = await short.run("readDocument", { name: "慢.pdf", bytes: slow }).catch((x: unknown) => x);
      const worstLag = lag.stop();
      expect(e).toBeInstanceOf(JobRefusedError);
      expect((e as JobRefusedError).reason).toBe("timeout");
      expect(worstLag).toBeLessThan(200);
      const answer = mapError(e);
      expect([answer.status, answer.body.error.code]).toEqual([422, "too-complex"]);
      expect(answer.body.error.message).toBe("读取文件超过 0.3 秒，已停止：文件内容过大或异常 / reading the file took more than 0.3 s and was stopped: the content is too large or abnormal");
      const next = await short.run("readDocument", { name: "b.txt", bytes: new TextEncoder().encode("二、收入预算情况\n") });
      expect(next.name).toBe("b.txt");
    } finally {
      await short.close();
    }
  }, 120_000);

  it("stops a job past its heap limit (a 20 MB text read on a 48 MB heap) with 413; a new thread takes the next job", async () => {
    const small = workerPool(1, { timeoutMs: 60_000, memoryMb: 48 });
    try {
      const text = "一、收入支出预算总体情况\n" + "2021年收入总计100万元，比上年增加10万元，增长11.11%。\n".repeat(300_000);
      const e = await small.run("readDocument", { name: "大.txt", bytes: new TextEncoder().encode(text) }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(JobRefusedError);
      const answer = mapError(e);
      expect([answer.status, answer.body.error.code, answer.body.error.message]).toEqual([413, "too-large", "读取文件所需内存超过上限（48 MB），已停止：文件内容过大或异常 / reading the file needed more than 48 MB and was stopped: the content is too large or abnormal"]);
      expect((await small.run("readDocument", { name: "b.txt", bytes: new TextEncoder().encode("二、收入预算情况\n") })).name).toBe("b.txt");
    } finally {
      await small.close();
    }
  }, 120_000);

  it("answers a job stopped at its memory limit 413", () => {
    const answer = mapError(new JobRefusedError("memory", "render", { timeoutMs: 30_000, memoryMb: 768 }));
    expect([answer.status, answer.body.error.code, answer.body.error.message]).toEqual([413, "too-large", "生成文件所需内存超过上限（768 MB），已停止：文件内容过大或异常 / rendering the file needed more than 768 MB and was stopped: the content is too large or abnormal"]);
  });
});
