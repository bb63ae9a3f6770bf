/** The command line: outputs, exit codes and messages (never a stack trace). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(""), err: err.join("") };
}

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-cli-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("yusuan render", () => {
  it("renders the sample's department and unit disclosures", async () => {
    const out = tmp();
    const r = await run("render", "examples/luolong-shequ-2021", "--out", out, "--format", "json,html");
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "disclosure.json"), "utf8"));
    expect(doc.tables).toHaveLength(13);
    expect(doc.tables[0].rows.at(-1)).toContain(4117.91);
    const html = readFileSync(join(out, "disclosure.html"), "utf8");
    expect(html).toContain('<html lang="zh-CN">');
    // the cover says what the sample is: rebuilt from the published document, corrected as ASSUMPTIONS.md lists
    expect(html).toMatch(/<header class="cover">[\s\S]*<p class="provenance">[^<]*已公开的2021年度部门预算重建[^<]*ASSUMPTIONS\.md[^<]*<\/p>[\s\S]*<\/header>/);
    expect(doc.provenance).toContain("ASSUMPTIONS.md");
    expect(existsSync(join(out, "units", "313001", "disclosure.json"))).toBe(true);
  });

  it("renders the central 9-table layout", async () => {
    const out = tmp();
    expect((await run("render", "examples/luolong-shequ-2021", "--out", out, "--format", "json", "--layout", "central9")).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "disclosure.json"), "utf8"));
    expect(doc.tables.map((t: { title: string }) => t.title)).toContain("2021年部门收支总表");
    expect(doc.layout).toBe("central9");
  });

  it("exits 2 with one clear message for a missing budget, and writes nothing", async () => {
    const out = join(tmp(), "o");
    const r = await run("render", "no/such/budget", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("找不到文件或目录 / no such file or directory");
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 for an unknown format or layout", async () => {
    expect((await run("render", "examples/luolong-shequ-2021", "--out", tmp(), "--format", "docx")).err).toContain("未知格式");
    expect((await run("render", "examples/luolong-shequ-2021", "--out", tmp(), "--layout", "x")).code).toBe(2);
  });

  it("loads an official catalog file that renames a code", async () => {
    const dir = tmp();
    const csv = join(dir, "functional.csv");
    writeFileSync(csv, "科目编码,科目名称\n2080208,基层政权和社区建设（正式）\n");
    const out = join(dir, "out");
    const r = await run("render", "examples/luolong-shequ-2021", "--out", out, "--format", "json", "--catalog", `functional=${csv}`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "disclosure.json"), "utf8")).toContain("基层政权和社区建设（正式）");
  });

  it("renders a directory of budgets, reporting the bad one without stopping", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "good.yaml"), readFileSync("examples/luolong-shequ-2021/budget.yaml"));
    writeFileSync(join(dir, "bad.yaml"), "year: 2021\n");
    const out = join(dir, "out");
    const r = await run("render", dir, "--out", out, "--format", "json", "--no-progress");
    expect(r.code).toBe(2);
    expect(r.out).toContain("1 个预算成功 / succeeded, 1 个失败 / failed");
    expect(r.err).toContain("bad.yaml");
    expect(existsSync(join(out, "good", "disclosure.json"))).toBe(true);
  });
});

describe("the render gate", () => {
  const broken = () => {
    const dir = tmp();
    const yaml = readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8").replace("amount: 41.35万元", "amount: -41.35万元");
    writeFileSync(join(dir, "budget.yaml"), yaml);
    return dir;
  };

  it("refuses a budget with error-level findings: exit 1, the findings printed, nothing written", async () => {
    const out = join(tmp(), "o");
    const r = await run("render", broken(), "--out", out, "--format", "json,txt");
    expect(r.code).toBe(1);
    expect(r.err).toContain("amount.negative");
    expect(r.err).toMatch(/budget\.yaml · 第\d+行 \/ line \d+ · lineItems\[4\]\.amount/);
    expect(r.err).toContain("未生成文件");
    expect(existsSync(out)).toBe(false);
  });

  it("--draft renders it anyway, every document marked 草稿 未经审核", async () => {
    const out = tmp();
    const r = await run("render", broken(), "--out", out, "--format", "json,txt,html", "--draft");
    expect(r.code).toBe(0);
    expect(r.err).toContain("amount.negative");
    for (const dir of [out, join(out, "units", "313001")]) {
      expect(readFileSync(join(dir, "disclosure.txt"), "utf8").split("\n")[0]).toBe("【草稿 未经审核】");
      expect(readFileSync(join(dir, "disclosure.html"), "utf8")).toContain('<div class="draft-mark" role="note">草稿 未经审核</div>');
      expect(JSON.parse(readFileSync(join(dir, "disclosure.json"), "utf8")).draft).toBe("草稿 未经审核");
    }
  });

  it("prints the warnings of a budget it renders, and marks nothing", async () => {
    const out = tmp();
    const r = await run("render", "examples/luolong-shequ-2021", "--out", out, "--format", "txt");
    expect(r.code).toBe(0);
    expect(r.err).toContain("错误 / errors 0 · 警告 / warnings 3");
    expect(readFileSync(join(out, "disclosure.txt"), "utf8")).not.toContain("草稿");
  });

  it("counts a refused budget of a batch as a failure with its findings", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "good.yaml"), readFileSync("examples/luolong-shequ-2021/budget.yaml"));
    writeFileSync(join(dir, "broken.yaml"), readFileSync(join(broken(), "budget.yaml")));
    const out = join(dir, "out");
    const r = await run("render", dir, "--out", out, "--format", "json", "--no-progress");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.yaml: 有 \d+ 个错误/);
    expect(existsSync(join(out, "broken"))).toBe(false);
    expect(existsSync(join(out, "good", "disclosure.json"))).toBe(true);
  });
});

describe("yusuan new", () => {
  it("writes a commented budget.yaml that fails check until filled, renders as a draft, and refuses to overwrite it", async () => {
    const dir = tmp();
    expect((await run("new", dir, "--year", "2021")).code).toBe(0);
    const text = readFileSync(join(dir, "budget.yaml"), "utf8");
    expect(text).toContain("# 预算年度 / fiscal year");
    const check = await run("check", dir, "--json");
    expect(check.code).toBe(1);
    const { findings } = JSON.parse(check.out) as { findings: { rule: string; severity: string; location: { path: string; line?: number } }[] };
    const placeholders = findings.filter((f) => f.rule === "text.placeholder");
    expect(placeholders.map((f) => f.location.path)).toEqual(expect.arrayContaining(["department.name", "units[0].name", "reasons.total", "targets.goals[0]", "profile.duties[0]"]));
    for (const f of placeholders) expect([f.severity, f.location.line! > 0]).toEqual(["error", true]);
    expect((await run("render", dir, "--out", join(dir, "out"), "--format", "json")).code).toBe(1);
    expect((await run("render", dir, "--out", join(dir, "out"), "--format", "json", "--draft")).code).toBe(0);
    // filled in: the placeholders replaced, it passes
    const filled = text.replace(/示例：?/g, "本局").replace(/内设机构X个，包括：……/, "内设机构2个");
    writeFileSync(join(dir, "budget.yaml"), filled);
    expect(JSON.parse((await run("check", dir, "--json")).out).findings.filter((f: { rule: string }) => f.rule === "text.placeholder")).toEqual([]);
    const again = await run("new", dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain("文件已存在");
  });
});

describe("yusuan check", () => {
  it("passes the sample with its three explained warnings, locating each by line", async () => {
    const r = await run("check", "examples/luolong-shequ-2021");
    expect(r.code).toBe(0);
    expect(r.out).toContain("错误 / errors 0 · 警告 / warnings 3");
    expect(r.out).toMatch(/budget\.yaml · 第\d+行 \/ line \d+ · reasons\.operatingCost/);
  });

  it("prints findings as JSON and exits 1 on an error-level finding", async () => {
    const dir = tmp();
    const yaml = readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8").replace('economic: "30101",  ', 'economic: "30101", ').replace("amount: 41.35万元", "amount: -41.35万元");
    writeFileSync(join(dir, "budget.yaml"), yaml);
    const r = await run("check", dir, "--json");
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.out);
    const negative = findings.find((f: { rule: string }) => f.rule === "amount.negative");
    expect(negative).toMatchObject({ severity: "error", location: { kind: "data", path: "lineItems[4].amount" } });
    expect(negative.location.line).toBeGreaterThan(20);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(["actual", "expected", "location", "message", "rule", "severity"]);
  });

  it("exits 2 when the budget cannot be read", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "budget.yaml"), "year: [\n");
    const r = await run("check", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("YAML 格式错误");
  });
});

describe("the Excel entry workbook on the command line", () => {
  it("new --xlsx writes the template; a filled workbook checks and renders like the YAML", async () => {
    const dir = tmp();
    const template = join(dir, "template.xlsx");
    expect((await run("new", "--xlsx", template, "--year", "2021")).code).toBe(0);
    expect(existsSync(template)).toBe(true);
    const { readBudget } = await import("../src/formats/budget-file/read.ts");
    const { writeEntryWorkbook } = await import("../src/formats/entry-workbook/index.ts");
    const { builtInCatalog } = await import("../src/core/catalogs/index.ts");
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    writeFileSync(join(dir, "budget.xlsx"), await writeEntryWorkbook(budget, builtInCatalog(2021)!));
    const check = await run("check", join(dir, "budget.xlsx"));
    expect(check.code).toBe(0);
    expect(check.out).toContain("警告 / warnings 3");
    // every finding of a workbook is located by sheet and cell
    expect(check.out).toMatch(/budget\.xlsx · 单位!E2 · units\[0\]\.staffing\.actual/);
    const broken = structuredClone(budget);
    broken.lineItems[3]!.amount = -broken.lineItems[3]!.amount as typeof broken.lineItems[3]["amount"];
    writeFileSync(join(dir, "broken.xlsx"), await writeEntryWorkbook(broken, builtInCatalog(2021)!));
    const json = JSON.parse((await run("check", join(dir, "broken.xlsx"), "--json")).out);
    const negative = json.findings.find((f: { rule: string }) => f.rule === "amount.negative");
    expect(negative.location).toMatchObject({ path: "lineItems[3].amount", sheet: "支出明细", cell: expect.stringMatching(/^[A-Z]+5$/) });
    for (const f of json.findings) if (f.location.kind === "data") expect(f.location.sheet, f.rule).toBeTruthy();
    const out = join(dir, "out");
    expect((await run("render", dir, "--out", out, "--format", "json")).code).toBe(0);
    const fromYaml = join(dir, "out-yaml");
    await run("render", "examples/luolong-shequ-2021", "--out", fromYaml, "--format", "json");
    expect(readFileSync(join(out, "disclosure.json"), "utf8")).toBe(readFileSync(join(fromYaml, "disclosure.json"), "utf8"));
  });
});
