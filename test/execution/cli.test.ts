import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const SAMPLE = "examples/luolong-shequ-2021";

describe("yusuan execution / evaluate / next-year", () => {
  it("execution import: checks an export against the budget", async () => {
    const ok = await run("execution", "import", `${SAMPLE}/execution-2021/payments.csv`, "--budget", SAMPLE);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("可导入 324 条支付记录，合计 40745340.00 元");
    const dir = mkdtempSync(join(tmpdir(), "yusuan-exec-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "支付日期,单位代码,功能科目,经济科目,项目编码,金额\n2021-01-01,313001,2080208,30101,,1\n2021-13-01,313001,2080208,30101,,1\n");
    const r = await run("execution", "import", bad, "--budget", SAMPLE);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad} · 第3行: 日期无法识别`);
  });
  it("evaluate: writes the report and prints the monitoring findings", async () => {
    const out = mkdtempSync(join(tmpdir(), "yusuan-eval-"));
    const r = await run("evaluate", SAMPLE, "--execution", `${SAMPLE}/execution-2021`, "--out", out, "--format", "json,txt");
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "evaluation.txt"), "utf8")).toBe(readFileSync("test/golden/execution/evaluation.txt", "utf8"));
    expect(r.err).toContain("execution.target-not-met");
  });
  it("next-year: writes a 2022 budget that reads back and compares with 2021", async () => {
    const out = mkdtempSync(join(tmpdir(), "yusuan-next-"));
    const r = await run("next-year", SAMPLE, "--out", out, "--execution", `${SAMPLE}/execution-2021`, "--drop", "313001-8");
    expect(r.code).toBe(0);
    expect(r.err).toContain("313001-8 社区换届经费");
    const rendered = mkdtempSync(join(tmpdir(), "yusuan-next-render-"));
    expect((await run("render", out, "--out", rendered, "--format", "txt")).code).toBe(0);
    const text = readFileSync(join(rendered, "disclosure.txt"), "utf8");
    expect(text).toContain("2022年收入总计4176.15万元");
    expect(text).toContain("与2021年相比，收、支总计各增加58.24万元，增长1.41%");
  });
});
