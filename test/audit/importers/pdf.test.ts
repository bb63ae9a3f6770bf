/**
 * The PDF importer: Yusuan's own PDF (the sample and generated budgets, both layouts, department and a
 * unit) reads back to the derived tables cell for cell and to the same narrative, and audits with no
 * finding above info; pages without a text layer are reported with their page; tables without rulings,
 * amounts set apart from their unit, running headers and page numbers.
 */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../../src/audit/core/assemble.ts";
import { auditDocument } from "../../../src/audit/core/audit.ts";
import { classifyTitle } from "../../../src/audit/core/titles.ts";
import { importPdf } from "../../../src/audit/importers/pdf.ts";
import type { Disclosure } from "../../../src/core/disclosure.ts";
import type { Budget } from "../../../src/core/model.ts";
import { renderPdf } from "../../../src/formats/pdf.ts";
import { generateBudget } from "../../support/generate.ts";
import { beyondData, catalog2021, disclosures, sampleBudget } from "../support.ts";
import { clean, expectNarrativeAsDerived, expectTablesAsDerived, png, tableRows, typstPdf, visibleGrid } from "./support.ts";

const catalogFor = (y: number) => (y === 2021 ? catalog2021 : undefined);

async function roundTrip(d: Disclosure, b: Budget, name = "out.pdf") {
  const file = await importPdf(name, await renderPdf(d));
  expect(file.problems).toEqual([]);
  expectTablesAsDerived(file, d, visibleGrid);
  expectNarrativeAsDerived(file, d);
  const findings = auditDocument(assembleDocument(name, [file]), catalogFor).findings;
  expect(beyondData(findings, b).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  return file;
}

describe("Yusuan's own PDF", async () => {
  const budget = await sampleBudget();
  for (const layout of ["henan13", "central9", "jiangsu-province"] as const) {
    for (const d of disclosures(budget, layout)) {
      it(`sample ${layout} ${d.scope.kind} ${d.scope.code}: tables cell for cell, narrative, no finding above info`, async () => {
        const file = await roundTrip(d, budget);
        expect(file.parts.every((p) => p.kind === "page" && p.read)).toBe(true);
        // places: every table and row has its page
        for (const t of file.tables) {
          expect(t.place.page).toBeGreaterThan(0);
          for (const r of [...t.header, ...t.body]) expect(r.place.page).toBeGreaterThanOrEqual(t.place.page!);
        }
      });
    }
  }

  for (const seed of [11, 12, 13]) {
    it(`generated budget ${seed}: department and first unit, both layouts`, async () => {
      const b = clean(generateBudget(seed));
      let spansPages = false;
      for (const layout of ["henan13", "central9"] as const) {
        const all = disclosures(b, layout);
        for (const d of all.slice(0, 2)) {
          const file = await roundTrip(d, b, `${seed}-${layout}.pdf`);
          spansPages ||= file.tables.some((t) => new Set(t.body.map((r) => r.place.page)).size > 1);
        }
      }
      // tables that run over pages are joined (their repeated header rows dropped)
      expect(spansPages).toBe(true);
    });
  }
});

describe("pages without a text layer", () => {
  it("reports a scanned page (an image, or drawing only) with its page and a blank page as info; reads the rest", async () => {
    const pdf = typstPdf(
      `= 第一部分 概况\n\n本部门2021年收入预算100.00万元。\n#pagebreak()\n#image("/scan.png", width: 100%)\n#pagebreak()\n#rect(width: 8cm, height: 4cm, fill: gray)\n#pagebreak()\n#pagebreak()\n最后一页的文字。`,
      { "/scan.png": png(300, 400) },
    );
    const file = await importPdf("scan.pdf", pdf);
    expect(file.problems.map((p) => [p.rule, p.severity, p.location.kind === "text" ? p.location.page : undefined])).toEqual([
      ["read.scanned-page", "error", 2],
      ["read.scanned-page", "error", 3],
      ["read.blank-page", "info", 4],
    ]);
    expect(file.problems[0]!.message).toContain("扫描页");
    expect(file.parts.map((p) => p.read)).toEqual([true, false, false, false, true]);
    expect(file.sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual(["本部门2021年收入预算100.00万元。", "最后一页的文字。"]);
  });

  it("a PDF with no text at all: every page reported, nothing-found", async () => {
    const file = await importPdf("empty.pdf", typstPdf(`#circle(radius: 2cm, fill: gray)\n#pagebreak()\n#circle(radius: 2cm, fill: gray)`));
    expect(file.problems.map((p) => p.rule)).toEqual(["read.scanned-page", "read.scanned-page"]);
    expect(file.tables).toEqual([]);
  });

  // issue 17: a page holding only rulings (an empty ruled grid, a frame) or a page-sized background is blank, not scanned
  it("a page of rulings only, or of a background only, is blank", async () => {
    const grid = `#table(columns: (3cm, 3cm, 3cm), rows: (1cm, 1cm), [], [], [], [], [], [])`;
    const pdf = typstPdf(`文字。\n#pagebreak()\n${grid}\n#pagebreak()\n#rect(width: 5cm, height: 5cm)\n#pagebreak()\n#set page(fill: rgb("#fffff0"))\n#pagebreak()\n文字。`);
    const file = await importPdf("rulings.pdf", pdf);
    expect(file.problems.map((p) => [p.rule, p.location.kind === "text" ? p.location.page : undefined])).toEqual([
      ["read.blank-page", 2],
      ["read.blank-page", 3],
      ["read.blank-page", 4],
    ]);
  });
});

describe("other PDFs", () => {
  it("reads a table without rulings from its text columns, with its title and unit line, and says so", async () => {
    const pdf = typstPdf(`
#align(center, text(weight: "bold", size: 15pt)[2021年部门支出总体情况表])
#grid(columns: (1fr, auto), [单位名称：某某局], [单位：万元])
#table(columns: (4cm, 6cm, 3cm, 3cm), stroke: none, align: (left, left, right, right),
  [科目编码], [科目名称], [合计], [基本支出],
  [201], [一般公共服务支出], [1,234.56], [1,000.00],
  [20101], [人大事务], [234.56], [200.00],
  [208], [社会保障和就业支出], [24,169.74], [100.00],
)
说明：本表金额单位为万元。
`);
    const file = await importPdf("unruled.pdf", pdf);
    expect(file.problems.map((p) => p.rule)).toEqual(["read.table-unruled"]);
    expect(file.tables).toHaveLength(1);
    const t = file.tables[0]!;
    expect(t).toMatchObject({ title: "2021年部门支出总体情况表", unitName: "某某局", unit: "万元" });
    expect(tableRows(t)).toEqual([
      ["科目编码", "科目名称", "合计", "基本支出"],
      ["201", "一般公共服务支出", "1,234.56", "1,000.00"],
      ["20101", "人大事务", "234.56", "200.00"],
      ["208", "社会保障和就业支出", "24,169.74", "100.00"],
    ]);
    expect(t.notes.map((n) => n.text)).toEqual(["说明：本表金额单位为万元。"]);
  });

  it("does not take contents with bare page numbers for a table", async () => {
    const toc = ["第一部分 概况", "一、主要职能", "二、机构设置", "第二部分 预算情况说明"].map((t, i) => `${t}#h(1fr)${i + 1}`).join("\n\n");
    const file = await importPdf("toc.pdf", typstPdf(`#align(center)[目录]\n\n${toc}`));
    expect(file.tables).toEqual([]);
    expect(file.problems).toEqual([]);
  });

  it("takes a title and unit line printed in the table's own first rows (as Excel printouts do)", async () => {
    const pdf = typstPdf(`#table(columns: (5cm, 3cm, 3cm),
  table.cell(colspan: 3, align: center)[2021年部门收支总表],
  table.cell(colspan: 2)[单位名称：某某局], [单位：万元],
  [项目], [本年], [上年],
  [合计], [1,234.00], [2.00])`);
    const file = await importPdf("excel.pdf", pdf);
    expect(file.problems).toEqual([]);
    expect(file.tables.map((t) => [t.title, t.unitName, t.unit, tableRows(t)])).toEqual([
      ["2021年部门收支总表", "某某局", "万元", [["项目", "本年", "上年"], ["合计", "1,234.00", "2.00"]]],
    ]);
  });

  it("puts amounts set apart from their unit and split over lines back together; drops page numbers and running headers", async () => {
    const pdf = typstPdf(`
#set page(header: align(right)[某某局2021年部门预算], footer: align(center)[— #context counter(page).display() —])
#set par(first-line-indent: (amount: 2em, all: true), justify: true)
== 一、收入支出预算总体情况说明

某某局2021年收入总计24,169.74#h(3em)万元，支出总计24,169.74 万元。与2020年相比，收、支总计各增加1,599.88万元，增长63.54%，主要原因是人员增加和项目经费增加，以及其他各项支出的增加，这句话很长以便换行到下一行。

#pagebreak()
#par(first-line-indent: 0em)[下一页的段落。]
`);
    const file = await importPdf("spaced.pdf", pdf);
    expect(file.problems).toEqual([]);
    const s = file.sections.find((x) => x.heading === "一、收入支出预算总体情况说明")!;
    expect(s.paragraphs.map((p) => p.text)).toEqual([
      "某某局2021年收入总计24,169.74万元，支出总计24,169.74 万元。与2020年相比，收、支总计各增加1,599.88万元，增长63.54%，主要原因是人员增加和项目经费增加，以及其他各项支出的增加，这句话很长以便换行到下一行。",
      "下一页的段落。",
    ]);
    expect(file.sections.flatMap((x) => x.paragraphs).some((p) => /某某局2021年部门预算$|—/.test(p.text))).toBe(false);
  });

  it("joins a paragraph broken over a page", async () => {
    const long = "本单位负责全区社区治理和服务创新工作的组织实施，".repeat(100);
    const file = await importPdf("long.pdf", typstPdf(`#set par(first-line-indent: (amount: 2em, all: true), justify: true)\n${long}结束。\n\n第二段。`));
    expect(file.parts.length).toBeGreaterThan(1);
    expect(file.sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual([`${long}结束。`, "第二段。"]);
  });

  it("classifies the titles it reads", async () => {
    const d = disclosures(await sampleBudget())[0]!;
    const file = await importPdf("out.pdf", await renderPdf(d));
    expect(file.tables.map((t) => classifyTitle(t.title)?.kind)).toContain("project-targets");
    expect(assembleDocument("out.pdf", [file]).meta).toMatchObject({ template: "henan13", year: 2021, department: d.scope.name });
  });
});
