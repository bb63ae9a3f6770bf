/**
 * `yusuan check` and `yusuan render` of a directory of budgets on a pool of worker threads: every budget's
 * outcome in the batch's order, a bad one never stops the others (its message in the summary, exit code
 * non-zero), and the answer is the same with one worker or several.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { main } from "../src/cli/main.ts";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { generateBudget } from "./support/generate.ts";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "yusuan-batch-test-"));
const SAMPLE = readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8");

beforeAll(() => {
  // a directory per budget (budget.yaml inside), and budget files side by side: both are a batch's entries
  mkdirSync(join(dir, "a-sample"));
  writeFileSync(join(dir, "a-sample", "budget.yaml"), SAMPLE);
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, `b-generated-${i}.yaml`), stringify(budgetToFile(generateBudget(300 + i, { units: [1, 2], lineItems: [5, 30], projects: [1, 3] }))));
  writeFileSync(join(dir, "c-broken.yaml"), "year: 2021\ndepartment: [\n");
  writeFileSync(join(dir, "d-negative.yaml"), SAMPLE.replace("amount: 41.35万元", "amount: -41.35万元"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("yusuan check <directory>", () => {
  it("checks every budget on the pool; the unreadable one is named with its message, and the exit code is 2", async () => {
    const r = await run("check", dir, "--no-progress", "--jobs", "2");
    expect(r.code).toBe(2);
    const lines = r.out.trim().split("\n");
    // one line per readable budget, in the directory's order, then the summary
    expect(lines.slice(0, -1).map((l) => l.split("\t")[0]!.slice(dir.length + 1))).toEqual(["a-sample", ...Array.from({ length: 6 }, (_, i) => `b-generated-${i}.yaml`), "d-negative.yaml"]);
    expect(lines[0]).toContain("洛龙区社区治理和服务创新办公室 2021年度预算\t错误 / errors 0 · 警告 / warnings 3");
    expect(lines.find((l) => l.includes("d-negative.yaml"))).toMatch(/错误 \/ errors [1-9]/);
    const withErrors = lines.slice(0, -1).filter((l) => !l.includes("错误 / errors 0 ")).length;
    expect(withErrors).toBeGreaterThanOrEqual(1);
    expect(lines.at(-1)).toMatch(new RegExp(`^完成 / done: 9 个预算 / budgets in [\\d.]+ s \\(\\d+/s\\); ${withErrors} 个有错误 / with errors, 1 个无法读取 / unreadable; `));
    expect(r.err).toMatch(/失败 \/ failed: .*c-broken\.yaml: .*第\d+行|失败 \/ failed: .*c-broken\.yaml: .*line/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  }, 120_000);

  it("gives the same counts, as JSON, with one worker as with three", async () => {
    const one = JSON.parse((await run("check", dir, "--json", "--no-progress", "--jobs", "1")).out);
    const three = JSON.parse((await run("check", dir, "--json", "--no-progress", "--jobs", "3")).out);
    expect(one.budgets).toEqual(three.budgets);
    expect(one.budgets).toHaveLength(9);
    expect(one.budgets[0]).toMatchObject({ errors: 0, warnings: 3, failure: null });
    expect(one.budgets.find((b: { budget: string }) => b.budget.endsWith("c-broken.yaml")).failure).toMatch(/c-broken\.yaml/);
    // the batch's counts are each budget's own `yusuan check`
    const single = JSON.parse((await run("check", join(dir, "b-generated-2.yaml"), "--json")).out) as { findings: { severity: string }[] };
    const b2 = one.budgets.find((b: { budget: string }) => b.budget.endsWith("b-generated-2.yaml"));
    expect([b2.errors, b2.warnings, b2.info]).toEqual(["error", "warning", "info"].map((s) => single.findings.filter((f) => f.severity === s).length));
    expect(one.summary).toMatchObject({ budgets: 9, failed: 1, withErrors: one.budgets.filter((b: { errors: number }) => b.errors > 0).length });
    expect(one.summary.peakRssMB).toBeGreaterThan(0);
  }, 120_000);

  it("refuses a --jobs that is not a whole number", async () => {
    const r = await run("check", dir, "--jobs", "0");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--jobs");
  });
});

describe("yusuan render <directory> on the pool", () => {
  it("renders the readable, unrefused budgets and reports the rest", async () => {
    const out = join(dir, "..", `${dir.split("/").pop()}-out`);
    try {
      const r = await run("render", dir, "--out", out, "--format", "json", "--no-progress", "--jobs", "2");
      expect(r.code).toBe(2); // one unreadable beside one refused
      expect(r.err).toMatch(/c-broken\.yaml: /);
      expect(r.err).toMatch(/d-negative\.yaml: 有 \d+ 个错误/);
      expect(JSON.parse(readFileSync(join(out, "a-sample", "disclosure.json"), "utf8")).tables).toHaveLength(13);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("chunks of a batch", () => {
  it("gives every worker several chunks, at most 32 budgets each, and renders one at a time", async () => {
    const { chunkSize } = await import("../src/cli/batch.ts");
    expect(chunkSize(9, 3, "check")).toBe(1);
    expect(chunkSize(5000, 2, "check")).toBe(32);
    expect(chunkSize(200, 2, "check")).toBe(13);
    for (const [tasks, threads] of [[1, 1], [40, 2], [5000, 2], [100_000, 64]] as const) {
      const size = chunkSize(tasks, threads, "check");
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(32);
      // enough budgets: each worker has at least four chunks to take, unless chunks are already at their largest
      if (tasks >= threads * 8 && size < 32) expect(Math.ceil(tasks / size)).toBeGreaterThanOrEqual(threads * 4);
    }
    expect(chunkSize(5000, 2, "render")).toBe(1);
  });

  it("answers a chunked batch (40 budgets, 5 a chunk on one worker) as each budget's own check", async () => {
    const many = mkdtempSync(join(tmpdir(), "yusuan-batch-chunks-"));
    try {
      for (let i = 0; i < 40; i++) writeFileSync(join(many, `g-${String(i).padStart(2, "0")}.yaml`), stringify(budgetToFile(generateBudget(900 + i, { units: [1, 2], lineItems: [5, 20], projects: [1, 2] }))));
      const batch = JSON.parse((await run("check", many, "--json", "--no-progress", "--jobs", "1")).out) as { budgets: { budget: string; errors: number; warnings: number; info: number }[] };
      expect(batch.budgets.map((b) => b.budget)).toEqual(Array.from({ length: 40 }, (_, i) => join(many, `g-${String(i).padStart(2, "0")}.yaml`)));
      for (const i of [0, 7, 39]) {
        const single = JSON.parse((await run("check", batch.budgets[i]!.budget, "--json")).out) as { findings: { severity: string }[] };
        expect([batch.budgets[i]!.errors, batch.budgets[i]!.warnings, batch.budgets[i]!.info]).toEqual(["error", "warning", "info"].map((s) => single.findings.filter((f) => f.severity === s).length));
      }
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  }, 120_000);
});
