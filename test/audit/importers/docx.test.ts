/**
 * The DOCX importer: a Word document with heading styles, bold numbered paragraphs, a table with merged
 * cells (gridSpan, vMerge) and its title, unit line and note; damaged and unsafe files.
 */
import { describe, expect, it } from "vitest";
import { importDocx } from "../../../src/audit/importers/docx.ts";
import { makeZip, tableRows } from "./support.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, props = "", run = "") => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}<w:r>${run ? `<w:rPr>${run}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${text ? p(text) : "<w:p/>"}</w:tc>`;

function docx(body: string): Uint8Array {
  return makeZip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: "word/_rels/document.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: "word/styles.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
    },
    { name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`, deflate: true },
  ]);
}

const BODY = [
  p("第二部分 某某局2021年部门预算情况说明", '<w:pStyle w:val="Heading1"/>'),
  p("一、收入支出预算总体情况说明", '<w:pStyle w:val="Heading2"/>'),
  p("某某局2021年收入总计1,234.56万元，支出总计1,234.56万元。"),
  p("二、收入预算总体情况说明", "", "<w:b/>"),
  p("收入合计1,234.56万元。"),
  p("2021年部门收支总体情况表", '<w:jc w:val="center"/>', "<w:b/>"),
  p("单位名称：某某局    单位：万元"),
  `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
   <w:tr>${tc("项目", '<w:vMerge w:val="restart"/>')}${tc("金额", '<w:gridSpan w:val="2"/>')}</w:tr>
   <w:tr>${tc("", "<w:vMerge/>")}${tc("本年")}${tc("上年")}</w:tr>
   <w:tr>${tc("合计")}${tc("1,234.56")}${tc("1,000.00")}</w:tr></w:tbl>`,
  p("说明：本表为示例。"),
].join("");

describe("Word documents", () => {
  it("reads headings, bold numbered headings, paragraphs and a table with merged cells, title, unit and note", async () => {
    const file = await importDocx("n.docx", docx(BODY));
    expect(file.format).toBe("docx");
    expect(file.problems).toEqual([]);
    expect(file.sections.map((s) => [s.path, s.paragraphs.map((x) => x.text)])).toEqual([
      [["第二部分 某某局2021年部门预算情况说明"], []],
      [["第二部分 某某局2021年部门预算情况说明", "一、收入支出预算总体情况说明"], ["某某局2021年收入总计1,234.56万元，支出总计1,234.56万元。"]],
      [["第二部分 某某局2021年部门预算情况说明", "二、收入预算总体情况说明"], ["收入合计1,234.56万元。"]],
    ]);
    expect(file.tables).toHaveLength(1);
    const t = file.tables[0]!;
    expect(t).toMatchObject({ title: "2021年部门收支总体情况表", unitName: "某某局", unit: "万元" });
    expect(tableRows(t)).toEqual([
      ["项目", "金额", ""],
      ["", "本年", "上年"],
      ["合计", "1,234.56", "1,000.00"],
    ]);
    expect(t.notes.map((n) => n.text)).toEqual(["说明：本表为示例。"]);
  });

  it("reports a damaged file, a zip that is no Word document, an XML bomb and an empty document", async () => {
    const good = docx(BODY);
    expect((await importDocx("t.docx", good.subarray(0, good.length - 30))).problems.map((x) => x.rule)).toEqual(["read.damaged"]);
    expect((await importDocx("z.docx", makeZip([{ name: "a.txt", data: "x" }]))).problems.map((x) => x.rule)).toEqual(["read.damaged"]);
    const bomb = makeZip([{ name: "word/document.xml", data: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document ${W}/>` }]);
    expect((await importDocx("b.docx", bomb)).problems.map((x) => x.rule)).toEqual(["read.unsafe-content"]);
    expect((await importDocx("e.docx", docx(""))).problems.map((x) => x.rule)).toEqual(["read.empty"]);
  });
});
