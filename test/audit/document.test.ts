/** The imported-document model: titles, header split and paths, broken lines, document meta. */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import type { DocumentFile, RawTable } from "../../src/audit/core/document.ts";
import { columnPaths, isColumnNumberRow, splitHeader } from "../../src/audit/core/header.ts";
import { continues, joinBrokenLines } from "../../src/audit/core/paragraphs.ts";
import { classifyTitle } from "../../src/audit/core/titles.ts";

describe("classifyTitle", () => {
  // the kind, and the templates whose own or accepted titles these are (a variant names none)
  it.each([
    ["2021年部门收支总体情况表", "summary", ["henan13"]],
    ["### 2021年部门收支总体情况表", "summary", ["henan13"]],
    ["一、2021 年部门收支总体情况表", "summary", ["henan13"]],
    ["2021年政府性基金支出情况表", "government-fund", ["henan13"]],
    ["2021年政府性基金预算支出情况表", "government-fund", ["henan13"]],
    ["2021年机关运行经费", "operating-cost", ["henan13"]],
    ["一般公共预算基本支出预算表", "gpb-basic", ["henan13", "jiangsu-province"]],
    ["2021年支出预算分类汇总表（按支出经济分类）", "economic", ["henan13"]],
    ["2021年一般公共预算“三公”经费支出情况表", "three-public", ["henan13"]],
    ["洛龙区部门（单位）整体绩效目标申报表", "department-targets", []],
    ["洛阳市洛龙区2021年度部门预算项目绩效目标表", "project-targets", []],
    ["2021年部门收支总表", "summary", ["central9"]],
    ["2021年一般公共预算支出表", "gpb-expenditure", ["central9"]],
    ["2021年一般公共预算基本支出表", "gpb-basic", ["central9"]],
    ["2021年财政拨款收支总表", "appropriation", ["central9"]],
    ["2025年部门财务收支预算总表", "summary", ["shanghai-district-2025"]],
    ["  2. 2025年部门收入预算总表", "income", ["shanghai-district-2025", "jiangsu-province"]],
    ["2025年预算单位支出预算总表", "expenditure", ["shanghai-district-2025"]],
    ["4．2025年部门财政拨款收支预算总表", "appropriation", ["shanghai-district-2025"]],
    ["2025年部门一般公共预算支出功能分类预算表", "gpb-expenditure", ["shanghai-district-2025"]],
    ["2025年部门一般公共预算基本支出部门预算经济分类预算表", "gpb-basic", ["shanghai-district-2025"]],
    ["9.2025年单位“三公”经费和机关运行经费预算表", "three-public", ["shanghai-district-2025"]],
  ])("%s → %s", (title, kind, templates) => {
    const info = classifyTitle(title);
    expect(info?.kind).toBe(kind);
    expect([...(info?.templates.keys() ?? [])]).toEqual(templates);
  });

  it("reads the year and refuses narrative headings and plain text", () => {
    expect(classifyTitle("2021年部门收入总体情况表")?.year).toBe(2021);
    expect(classifyTitle("（一）机关运行经费支出情况")).toBeUndefined();
    expect(classifyTitle("洛龙区社区治理和服务创新办公室 2021 年度部门预算表")).toBeUndefined();
    expect(classifyTitle("")).toBeUndefined();
  });
});

describe("header", () => {
  const rows = (...lines: string[]) => lines.map((l) => ({ cells: l.split("\t") }));

  it("splits the header at the first total, code or amount row; column-number rows stay in the header", () => {
    const t = rows("科目编码\t\t\t合计", "类\t款\t项\t", "**\t**\t**\t1", "\t\t\t4,117.91", "201\t29\t06\t1.41");
    const { header, body } = splitHeader(t);
    expect(header).toHaveLength(3);
    expect(body).toHaveLength(2);
    expect(isColumnNumberRow(["*", "*", "1"])).toBe(true);
    expect(isColumnNumberRow(["201", "29", "06"])).toBe(false);
    expect(splitHeader(rows("项目\t2021年预算数", "共计\t")).body).toHaveLength(1);
  });

  it("flattens merged header cells by column position", () => {
    const h = [
      ["收 入", "", "支 出", "", "", ""],
      ["项 目", "金 额", "项 目", "合 计", "一般公共预算", ""],
      ["", "", "", "", "小计", "其中：财政拨款"],
    ];
    expect(columnPaths(h, 6)).toEqual([["收入", "项目"], ["收入", "金额"], ["支出", "项目"], ["支出", "合计"], ["支出", "一般公共预算", "小计"], ["支出", "一般公共预算", "财政拨款"]]);
  });
});

describe("broken lines", () => {
  it("joins a sentence broken mid-word, not a list of names or list items", () => {
    expect(continues("洛龙区社区治理和服务创新办公室 2021 年机关运行经费支", "出预算8万元，主要保障…")).toBe(true);
    expect(continues("洛龙区社区治理和服务创新办公室", "洛龙区社区综合服务中心")).toBe(false);
    expect(continues("一、2021 年部门收支总体情况表", "二、2021 年部门收入总体情况表")).toBe(false);
    expect(continues("收入4117.91万元。", "支出…")).toBe(false);
    const p = joinBrokenLines([
      { text: "我部门将按照有关规定，在规定的时间内向财", place: { file: "a", line: 1 } },
      { text: "政部门提出资金分配意见。", place: { file: "a", line: 3 } },
    ]);
    expect(p).toEqual([{ text: "我部门将按照有关规定，在规定的时间内向财政部门提出资金分配意见。", place: { file: "a", line: 1 }, lines: [1, 3] }]);
  });
});

describe("assembleDocument", () => {
  const table = (title: string, unitName = "某局"): RawTable => ({ title, place: { file: "t.txt" }, unitName, unit: "万元", header: [], body: [], notes: [] });
  const file = (titles: string[]): DocumentFile => ({ name: "t.txt", format: "text", parts: [], tables: titles.map((t) => table(t)), sections: [], problems: [] });

  it("detects the template from its titles (Henan 13, central 9, Shanghai), or unknown; the year and the department", () => {
    const henan = assembleDocument("d", [file(["2021年部门收支总体情况表", "2021年部门收入总体情况表", "2021年机关运行经费"])]);
    expect(henan.meta).toMatchObject({ template: "henan13", year: 2021, department: "某局" });
    expect(assembleDocument("d", [file(["2022年部门收支总表", "2022年部门收入总表", "2022年部门支出总表"])]).meta).toMatchObject({ template: "central9", year: 2022 });
    expect(assembleDocument("d", [file(["2021年部门收支总表"])]).meta.template).toBe("unknown");
    const shanghai = ["2025年部门财务收支预算总表", "2025年部门收入预算总表", "2025年部门支出预算总表", "2025年部门“三公”经费和机关运行经费预算表"];
    expect(assembleDocument("d", [file(shanghai)]).meta.template).toBe("shanghai-district-2025");
    // variants of no template's own wording, and a mixture with no majority, are not guessed
    expect(assembleDocument("d", [file(["2021年政府性基金支出表", "洛龙区部门（单位）整体绩效目标申报表", "2021年某某预算表"])]).meta.template).toBe("unknown");
    expect(assembleDocument("d", [file(["2021年部门收支总表", "2021年部门收入总表", "2021年部门支出总表", "2021年部门收支总体情况表", "2021年部门收入总体情况表", "2021年部门支出总体情况表"])]).meta.template).toBe("unknown");
  });

  it("joins several files into one document (a narrative file and a tables file)", () => {
    const narrative: DocumentFile = {
      name: "说明.txt",
      format: "text",
      parts: [],
      tables: [],
      sections: [{ path: ["一、收入支出预算总体情况说明"], heading: "一、收入支出预算总体情况说明", place: { file: "说明.txt", line: 1 }, paragraphs: [{ text: "某局2021年收入总计1.00万元。", place: { file: "说明.txt", line: 3 } }] }],
      problems: [],
    };
    const doc = assembleDocument("某局", [narrative, file(["2021年部门收支总体情况表", "2021年部门收入总体情况表", "2021年部门支出总体情况表"])]);
    expect(doc.files).toHaveLength(2);
    expect(doc.meta.template).toBe("henan13");
  });
});
