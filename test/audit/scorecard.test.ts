/**
 * 评估表 — `yusuan audit <dir> --scorecard`: the dates a document states, one row per document in CSV,
 * XLSX and HTML (text never read as a formula), an index file in a directory skipped with a note.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorecardHtml, scorecardXlsx } from "../../src/audit/report/scorecard-files.ts";
import { statedDates } from "../../src/audit/report/scorecard.ts";
import { type ScorecardRow, deadlineText, inert, scorecardCsv } from "../../src/core/scorecard.ts";
import { main } from "../../src/cli/main.ts";
import { renderText } from "../../src/formats/text.ts";
import { SEED, disclosures, sampleBudget } from "./support.ts";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the dates a document states", () => {
  it("reads a finance bureau's 批复文号 in its printed variants, not another office's", () => {
    expect(statedDates(["根据《江苏省财政厅关于 2018 年省级部门预算的批复》（苏财预〔2018〕13号）填列。"]).approvalReference).toBe("苏财预〔2018〕13号");
    expect(statedDates(["按《关于2017年省级部门预算的批复》（苏财预[ 2017]19 号）编制。"]).approvalReference).toBe("苏财预[2017]19号");
    expect(statedDates(["项目按区发改委的批复和普发改投【2017】89号文《关于…可行性研究报告的批复》进行建设。"]).approvalReference).toBeUndefined();
  });

  it("takes the 批复 date from a sentence about the 批复, the publication date from a line of its own", () => {
    const d = statedDates(["2021年部门预算已于2021年2月5日经区财政局批复（洛龙财预〔2021〕3号）。", "洛龙区社区治理和服务创新办公室", "2021年3月1日"]);
    expect(d).toEqual({ approvalReference: "洛龙财预〔2021〕3号", approvedOn: "2021-02-05", publishedOn: "2021-03-01" });
    expect(statedDates(["公开日期：2021年3月30日"]).publishedOn).toBe("2021-03-30");
  });

  it("ignores impossible dates and dates that are not about the 批复 or the publication", () => {
    expect(statedDates(["已于2021年2月30日批复。"]).approvedOn).toBeUndefined();
    expect(statedDates(["截至2024年8月31日，共有车辆0辆。"])).toEqual({});
    expect(statedDates(["2021年3月"]).publishedOn).toBeUndefined();
  });
});

const row = (over: Partial<ScorecardRow> = {}): ScorecardRow => ({
  document: "某局.pdf",
  files: ["某局.pdf"],
  department: "某局",
  year: 2021,
  template: "河南13张表",
  tablesPresent: 12,
  tablesMissing: ["部门（单位）整体绩效目标表"],
  sectionsMissing: [],
  counts: { error: 2, warning: 1, info: 0 },
  unreadable: false,
  ...over,
});

describe("the scorecard's files", () => {
  it("the 20-day rule of 预算法第十四条 where both dates are stated", () => {
    expect(deadlineText(row({ approvedOn: "2021-02-05", publishedOn: "2021-02-25", daysToPublish: 20 }))).toBe("是");
    expect(deadlineText(row({ approvedOn: "2021-02-05", publishedOn: "2021-03-12", daysToPublish: 35 }))).toBe("否（35天）");
    expect(deadlineText(row())).toBe("");
  });

  it("CSV: one row per document, read back as written, a formula-like text made inert", () => {
    const rows = [row(), row({ document: "=HYPERLINK(\"http://x\")", department: "+1", tablesMissing: [] })];
    const back: string[][] = parse(scorecardCsv(rows).replace(/^\uFEFF/, ""));
    expect(back).toHaveLength(3);
    expect(back[0]![0]).toBe("文件 / document");
    expect(back[1]!.slice(0, 8)).toEqual(["某局.pdf", "某局", "2021", "河南13张表", "12", "部门（单位）整体绩效目标表", "", "2"]);
    expect(back[2]![0]).toBe("'=HYPERLINK(\"http://x\")");
    expect(back[2]![1]).toBe("'+1");
  });

  it("inert: no cell a spreadsheet reads as a formula, and plain text unchanged", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = inert(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        if (!/^[=+\-@\t\r]/.test(s)) expect(out).toBe(s);
      }),
    );
  });

  it("XLSX: a header row and one row per document, text stored as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scorecardXlsx([row({ document: "=1+1" })])) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("评估表");
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell("A2").value).toBe("=1+1");
    expect(ws.getCell("A2").formula).toBeUndefined();
    expect(ws.getCell("H2").value).toBe(2);
  });

  it("HTML: escaped, a row per document", () => {
    const html = scorecardHtml([row({ document: "<b>某局</b>.pdf" })], "某区");
    expect(html).toContain("&lt;b&gt;某局&lt;/b&gt;.pdf");
    expect(html.match(/<tr/g)).toHaveLength(2);
  });
});

describe("yusuan audit --scorecard", async () => {
  const sample = renderText(disclosures(await sampleBudget())[0]!);

  it("a directory: every document a row, an index file skipped with a note", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-scorecard-"));
    writeFileSync(join(dir, "sample.txt"), sample);
    writeFileSync(join(dir, "seed.txt"), readFileSync(SEED));
    writeFileSync(join(dir, "INDEX.tsv"), "file\tdepartment\nsample.txt\t洛龙区\nseed.txt\t洛龙区\n");
    const out = join(dir, "..", `${dir.split("/").pop()}-scorecard.csv`);
    const r = await run("audit", dir, "--scorecard", out, "--no-progress");
    expect(r.code).toBe(1); // the seed has errors
    expect(r.err).toContain("INDEX.tsv：这是本目录文件的索引");
    const rows: string[][] = parse(readFileSync(out, "utf8").replace(/^\uFEFF/, ""));
    expect(rows[0]![0]).toBe("文件 / document");
    expect(rows.slice(1).map((x) => x[0]!.split("/").pop())).toEqual(["sample.txt", "seed.txt"]);
    const [, own, seed] = rows;
    expect(own!.slice(1, 8)).toEqual(["洛龙区社区治理和服务创新办公室", "2021", "河南13张表", "13", "", "", "0"]);
    expect(Number(seed![7])).toBeGreaterThan(0);
  });

  it("a file name it cannot write: exit 2 before anything is read, nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-scorecard-"));
    const r = await run("audit", SEED, "--scorecard", join(dir, "out.docx"), "--no-progress");
    expect(r.code).toBe(2);
    expect(r.err).toContain("评估表只能写成 .csv、.xlsx 或 .html");
    expect(r.out).toBe("");
    expect(existsSync(join(dir, "out.docx"))).toBe(false);
  });
});
