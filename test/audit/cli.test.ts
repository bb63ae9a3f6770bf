/** `yusuan audit`: reports, JSON, HTML, grouping of files into documents, exit codes, unreadable documents. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupDocuments } from "../../src/audit/importers/index.ts";
import { main } from "../../src/cli/main.ts";
import { renderText } from "../../src/formats/text.ts";
import { SEED, disclosures, sampleBudget } from "./support.ts";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = () => mkdtempSync(join(tmpdir(), "yusuan-audit-"));
// the sample with the one reason its data still lacks (机关运行经费's rise, narrative.reason-missing): a budget
// `check` finds no warning in, rendered, must audit with none either
const sample = await sampleBudget();
sample.reasons = { ...sample.reasons, operatingCost: "新增办公设备运行维护支出" };
const sampleText = renderText(disclosures(sample)[0]!);

describe("yusuan audit", () => {
  it("the seed: exit 1, a summary line, findings with file and line", async () => {
    const r = await run("audit", SEED, "--no-progress");
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toMatch(/洛龙区社区治理和服务创新办公室 2021年 · 河南13张表 · 12张表 \/ tables · 错误 \/ errors \d+/);
    expect(r.out).toContain("000_2c1185df0258d2c4.txt:第151行 / line 151 · （一）机关运行经费支出情况");
    expect(r.out).toContain("应为 / expected: 5.30万元   实为 / actual: 8万元");
  });

  it("Yusuan's own output: exit 0", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "sample.txt"), sampleText);
    const r = await run("audit", join(dir, "sample.txt"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("错误 / errors 0 · 警告 / warnings 0");
  });

  it("--json has check's shape plus a summary per document", async () => {
    const r = await run("audit", SEED, "--json");
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["findings", "documents"]);
    expect(Object.keys(json.findings[0])).toEqual(["rule", "severity", "message", "location", "expected", "actual"]);
    expect(json.documents[0]).toMatchObject({ template: "henan13", year: 2021, department: "洛龙区社区治理和服务创新办公室", tables: 12, unreadable: false });
  });

  it("--html writes a report; several documents; an unreadable one does not stop the rest and exits 2", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.txt"), sampleText);
    writeFileSync(join(dir, "broken.txt"), new Uint8Array([0, 1, 2, 3]));
    writeFileSync(join(dir, "c.pdf"), "%PDF-1.4");
    const html = join(dir, "report.html");
    const r = await run("audit", dir, "--html", html);
    expect(r.code).toBe(2);
    expect(r.out).toContain("共审核 3 份文件 / 3 documents audited");
    expect(r.out).toContain("read.not-text");
    expect(r.out).toContain("read.damaged"); // a truncated PDF: read by the PDF importer, reported as damaged
    expect(r.out).toMatch(/a\.txt · 洛龙区社区治理和服务创新办公室 2021年/);
    const page = readFileSync(html, "utf8");
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("read.not-text");
  });

  it("a missing file is reported as unreadable (exit 2), never a crash", async () => {
    const r = await run("audit", "no/such/file.txt");
    expect(r.code).toBe(2);
    expect(r.out).toContain("read.failed");
  });

  it("files with the same stem are one document; --one joins all given files", async () => {
    expect(groupDocuments(["d/某局.txt", "d/某局.md", "d/其他.txt"]).map((g) => g.paths)).toEqual([["d/某局.txt", "d/某局.md"], ["d/其他.txt"]]);
    expect(groupDocuments(["d/某局-说明.txt", "d/某局-表格.txt"], true)).toEqual([{ name: "某局", paths: ["d/某局-说明.txt", "d/某局-表格.txt"] }]);
    const dir = tmp();
    const cut = sampleText.indexOf("# 附件");
    writeFileSync(join(dir, "某局-说明.txt"), sampleText.slice(0, cut));
    writeFileSync(join(dir, "某局-表格.txt"), sampleText.slice(cut));
    const apart = await run("audit", join(dir, "某局-说明.txt"), join(dir, "某局-表格.txt"), "--json");
    expect(JSON.parse(apart.out).documents).toHaveLength(2);
    const together = await run("audit", join(dir, "某局-说明.txt"), join(dir, "某局-表格.txt"), "--one", "--json");
    const json = JSON.parse(together.out);
    expect(json.documents).toHaveLength(1);
    expect(json.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
    expect(together.code).toBe(0);
  });

  it("a document of a year without a catalog is audited without code checks (info), not against another year", async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, "seed.txt"));
    writeFileSync(join(dir, "y2030.txt"), sampleText.replaceAll("2021", "2030").replaceAll("2020", "2029"));
    const r = await run("audit", join(dir, "y2030.txt"), "--json");
    const rules = JSON.parse(r.out).findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain("code.catalog-missing");
    expect(r.code).toBe(0);
  });
});
