/**
 * The HTML importer: Yusuan's own HTML reads back exactly (and audits clean); pages as government sites
 * publish them — a layout table around the data tables, titles in paragraphs or captions or the table's
 * own first row, rowspan/colspan, <br> inside cells, GBK pages, bold paragraphs as headings.
 */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../../src/audit/core/assemble.ts";
import { auditDocument } from "../../../src/audit/core/audit.ts";
import { importHtml } from "../../../src/audit/importers/html.ts";
import { renderHtml } from "../../../src/formats/html.ts";
import { generateBudget } from "../../support/generate.ts";
import { beyondData, catalog2021, disclosures, sampleBudget } from "../support.ts";
import { clean, expectNarrativeAsDerived, expectTablesAsDerived, tableRows } from "./support.ts";

const catalogFor = (y: number) => (y === 2021 ? catalog2021 : undefined);

describe("Yusuan's own HTML", async () => {
  const budget = await sampleBudget();
  const generated = [21, 22].map((s) => clean(generateBudget(s)));
  for (const layout of ["henan13", "central9"] as const) {
    const cases = [budget, ...generated].flatMap((b) => (b === budget ? disclosures(b, layout) : disclosures(b, layout).slice(0, 2)).map((d) => [d, b] as const));
    for (const [d, b] of cases) {
      it(`${layout} ${d.scope.name}: tables cell for cell, narrative, places, no finding above info`, () => {
        const file = importHtml("out.html", renderHtml(d));
        expect(file.problems).toEqual([]);
        expectTablesAsDerived(file, d);
        expectNarrativeAsDerived(file, d);
        for (const t of file.tables) for (const r of t.body) expect(r.place.line).toBeGreaterThan(0);
        const findings = auditDocument(assembleDocument("out.html", [file]), catalogFor).findings;
        expect(beyondData(findings, b).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      });
    }
  }
});

const GOV_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某局2021年部门预算公开</title>
<script>var x = "<table><tr><td>不是表格</td></tr></table>";</script><style>td{}</style></head>
<body><table width="100%"><tr><td class="left">导航</td><td>
<div class="article">
<p style="text-align:center"><strong>某某局2021年部门预算</strong></p>
<p><b>一、收入支出预算总体情况说明</b></p>
<p>&nbsp;&nbsp;某某局2021年收入总计1,234.56万元，
   支出总计1,234.56万元。</p>
<p align="center"><span>表1</span></p>
<p align="center">2021年部门收支总体情况表</p>
<p>单位名称：某某局&nbsp;&nbsp;&nbsp;&nbsp;单位：万元</p>
<table border="1">
<tr><td colspan="2">收入</td><td colspan="3">支出</td></tr>
<tr><td rowspan="2">项目</td><td rowspan="2">金额</td><td rowspan="2">项目</td><td colspan="2">一般公共<br>预算</td></tr>
<tr><td>小计</td><td>基本支出</td></tr>
<tr><td>一般公共预算</td><td>1,234.56</td><td>一、基本支出</td><td>1,000.00</td><td>1,000.00</td></tr>
<tr><td>收入合计</td><td>1,234.56</td><td>支出合计</td><td>1,234.56</td><td>1,000.00</td></tr>
</table>
<p>注：本表不含上年结转。</p>
<table border="1"><caption>2021年一般公共预算“三公”经费支出情况表</caption>
<tr><td colspan="2" align="right">单位：元</td></tr>
<tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>0.00</td></tr></table>
<table border="1">
<tr><td colspan="3">2021年机关运行经费</td></tr>
<tr><td colspan="2">单位名称：某某局</td><td>单位：万元</td></tr>
<tr><td>项目</td><td>本年预算</td><td>上年预算</td></tr><tr><td>合计</td><td>5.30</td><td>8.00</td></tr></table>
</div></td></tr></table></body></html>`;

describe("pages as government sites publish them", () => {
  const file = importHtml("gov.html", GOV_PAGE);

  it("finds the data tables inside the layout table, with titles from a paragraph, a caption and the table's first row", () => {
    expect(file.problems).toEqual([]);
    expect(file.tables.map((t) => [t.title, t.unitName, t.unit])).toEqual([
      ["2021年部门收支总体情况表", "某某局", "万元"],
      ["2021年一般公共预算“三公”经费支出情况表", undefined, "元"],
      ["2021年机关运行经费", "某某局", "万元"],
    ]);
  });

  it("expands rowspan and colspan into the grid, merged cells written once, <br> joined", () => {
    const t = file.tables[0]!;
    expect(tableRows(t)).toEqual([
      ["收入", "", "支出", "", ""],
      ["项目", "金额", "项目", "一般公共预算", ""],
      ["", "", "", "小计", "基本支出"],
      ["一般公共预算", "1,234.56", "一、基本支出", "1,000.00", "1,000.00"],
      ["收入合计", "1,234.56", "支出合计", "1,234.56", "1,000.00"],
    ]);
    expect(t.header).toHaveLength(3);
    expect(t.notes.map((n) => n.text)).toEqual(["注：本表不含上年结转。"]);
    expect(t.body[0]!.place.line).toBeGreaterThan(10);
  });

  it("reads the narrative: bold numbered paragraphs as headings, line breaks inside Chinese text dropped, scripts skipped", () => {
    const s = file.sections.find((x) => x.heading === "一、收入支出预算总体情况说明")!;
    expect(s.paragraphs.map((p) => p.text)).toEqual(["某某局2021年收入总计1,234.56万元，支出总计1,234.56万元。"]);
    expect(JSON.stringify(file.sections)).not.toContain("不是表格");
  });

  it("decodes a GBK page that says so", () => {
    const gbk = new Uint8Array([
      ...Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>', "latin1"),
      0xc4, 0xe3, 0xba, 0xc3,
      ...Buffer.from("</p></body></html>", "latin1"),
    ]);
    const f = importHtml("gbk.html", gbk);
    expect(f.sections[0]!.paragraphs[0]!.text).toBe("你好");
  });

  it("reports a page without tables or text, and never throws on broken markup", () => {
    expect(importHtml("e.html", "<html><body></body></html>").problems.map((p) => p.rule)).toEqual(["read.nothing-found"]);
    const broken = importHtml("b.html", "<table><tr><td rowspan=99999 colspan=99999>x<td>y</table><p>正文<b>未闭合");
    expect(broken.tables).toHaveLength(1);
    expect(broken.sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual(["正文未闭合"]);
  });
});
