/** The plain-text importer: the seed, Yusuan's own txt output, encodings and what cannot be read. */
import { describe, expect, it } from "vitest";
import { importText } from "../../src/audit/importers/text.ts";
import { classifyTitle } from "../../src/audit/core/titles.ts";
import { renderText } from "../../src/formats/text.ts";
import { SEED, disclosures, printedRows, sampleBudget, seedText } from "./support.ts";

describe("the seed", () => {
  const file = importText(SEED, seedText());

  it("finds the 12 printed tables with their titles, 单位名称, unit and notes, and no reading problem", () => {
    expect(file.problems).toEqual([]);
    expect(file.tables.map((t) => classifyTitle(t.title)?.kind)).toEqual([
      "summary", "income", "expenditure", "appropriation", "gpb-expenditure", "three-public", "government-fund",
      "operating-cost", "state-capital", "gpb-basic", "department-targets", "project-targets",
    ]);
    const t1 = file.tables[0]!;
    expect(t1).toMatchObject({ title: "2021年部门收支总体情况表", unit: "万元", unitName: "洛龙区社区治理和服务创新办公室", place: { line: 197 } });
    expect(t1.header).toHaveLength(4);
    expect(t1.body[0]!.cells.slice(0, 4)).toEqual(["小计", "4117.91", "一、基本支出", "182.88"]);
    expect(t1.body[0]!.place).toEqual({ file: SEED, line: 207 });
    const fund = file.tables.find((t) => classifyTitle(t.title)?.kind === "government-fund")!;
    expect(fund.body).toEqual([]);
    expect(fund.notes.map((n) => n.text)).toEqual(["说明：本单位 2021 年无政府性基金支出。"]);
    const three = file.tables.find((t) => classifyTitle(t.title)?.kind === "three-public")!;
    expect(three.notes.map((n) => n.text.slice(0, 3))).toEqual(["注：按", "说明："]);
  });

  it("reads headings as nested sections and joins lines broken mid-sentence", () => {
    const op = file.sections.find((s) => s.heading === "（一）机关运行经费支出情况")!;
    expect(op.paragraphs).toHaveLength(1);
    expect(op.paragraphs[0]!.text).toContain("机关运行经费支出预算8万元");
    expect(op.paragraphs[0]!.lines).toEqual([151, 153]);
    const units = file.sections.find((s) => s.heading === "（一）机构设置情况" && s.place.line === 89)!;
    expect(units.paragraphs.map((p) => p.text)).toContain("洛龙区社区综合服务中心");
    expect(file.sections.some((s) => s.paragraphs.some((p) => p.text === "预算09表"))).toBe(false);
  });
});

describe("Yusuan's own txt output", async () => {
  const budget = await sampleBudget();
  for (const layout of ["henan13", "central9"] as const) {
    for (const d of disclosures(budget, layout)) {
      it(`${layout} ${d.scope.kind} ${d.scope.code}: every table imported as printed`, () => {
        const file = importText("out.txt", renderText(d));
        expect(file.problems).toEqual([]);
        expect(file.tables.map((t) => t.title)).toEqual(d.tables.map((t) => t.title));
        file.tables.forEach((t, i) => {
          const derived = d.tables[i]!;
          expect([...t.header, ...t.body].map((r) => r.cells), derived.title).toEqual(printedRows(derived));
          expect(t.unit).toBe("万元");
          expect(t.notes.map((n) => n.text)).toEqual(derived.note ? [`说明：${derived.note}`] : []);
        });
        const headings = file.sections.map((s) => s.heading);
        for (const p of d.narrative.parts) for (const s of p.sections) expect(headings).toContain(s.title);
      });
    }
  }
});

describe("what cannot be read", () => {
  it("decodes GB18030 with an info, refuses binary bytes, reports an empty file", () => {
    const gb = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x0a]); // 你好
    const f = importText("gb.txt", gb);
    expect(f.problems.map((p) => p.rule)).toEqual(["read.encoding"]);
    expect(f.sections[0]!.paragraphs[0]!.text).toBe("你好");
    expect(importText("bin.txt", new Uint8Array([1, 2, 0, 4])).problems.map((p) => [p.rule, p.severity])).toEqual([["read.not-text", "error"]]);
    expect(importText("e.txt", "  \n").problems.map((p) => p.rule)).toEqual(["read.empty"]);
  });

  it("cuts a huge line and a row with too many cells, and says so", () => {
    const f = importText("big.txt", `${"甲".repeat(150)}\n标题表\n${Array.from({ length: 30 }, (_, i) => String(i)).join("\t")}`, { maxChars: 10_000, maxLineLength: 100, maxCells: 10 });
    expect(f.problems.map((p) => p.rule).sort()).toEqual(["read.line-truncated", "read.row-truncated"]);
    const t = f.tables[0]!;
    expect([...t.header, ...t.body][0]!.cells).toHaveLength(10);
  });

  it("reports table rows without a title", () => {
    const f = importText("x.txt", "1\t2\n3\t4\n");
    expect(f.problems.map((p) => p.rule)).toEqual(["read.table-untitled"]);
    expect(f.tables).toHaveLength(1);
  });
});
