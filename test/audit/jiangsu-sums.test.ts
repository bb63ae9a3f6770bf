/**
 * 表内勾稽 with Jiangsu's 单位预留机动经费 and 结转下年资金: where a table prints them, its 合计 includes them, and the
 * audit's sums (src/audit/core/rules/sum-checks.ts) add them in — a correct document gives no sum finding, and a
 * 合计 printed without the reserve is an error. The budget is test/fixtures/jiangsu-sample-2021, rendered by Yusuan.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { importText } from "../../src/audit/importers/text.ts";
import { deriveAll } from "../../src/core/disclosure.ts";
import type { Budget } from "../../src/core/model.ts";
import type { Finding } from "../../src/core/rules/finding.ts";
import { readBudget } from "../../src/formats/budget-file/read.ts";
import { renderText } from "../../src/formats/text.ts";
import { catalog2021 } from "./support.ts";

let budget: Budget;
beforeAll(async () => {
  ({ budget } = await readBudget("test/fixtures/jiangsu-sample-2021"));
});

function sumFindings(text: string): Finding[] {
  const doc = assembleDocument("out.txt", [importText("out.txt", text)]);
  return auditDocument(doc, () => catalog2021).findings.filter((f) => f.rule.startsWith("sum.") && f.severity !== "info");
}

function rendered(layout: "henan13" | "central9"): string {
  return renderText(deriveAll(budget, catalog2021, layout)[0]!);
}

describe("sums with 单位预留机动经费 and 结转下年资金", () => {
  for (const layout of ["henan13", "central9"] as const) {
    it(`${layout}: every printed total that includes them is summed with them (no finding)`, () => {
      expect(sumFindings(rendered(layout)).map((f) => f.message)).toEqual([]);
    });
  }

  it("table 3: a 合计 that leaves the reserve out is an error on that row", () => {
    const text = rendered("henan13");
    const start = text.indexOf("2021年部门支出总体情况表");
    const table3 = text.slice(start);
    // the 合计 row: 合计 16407.44 = 基本 8277.76 + 项目 6383.96 + 预留机动 1685.72 + 结转下年 60.00
    const row = table3.split("\n").find((l) => l.includes("\t合计\t16407.44"))!;
    expect(row).toBeDefined();
    const broken = text.slice(0, start) + table3.replace(row, row.replace("\t合计\t16407.44", "\t合计\t14661.72"));
    const found = sumFindings(broken).filter((f) => f.rule === "sum.row-parts");
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/表3 .*合计：合计 = 基本支出 \+ 项目支出 \+ 单位预留机动经费\/结转下年资金 .*印刷数 14661\.72，各项之和 16407\.44/)]);
  });

  it("table 1: 支出合计 = 基本 + 项目 + 预留机动 + 结转下年, and a 支出合计 without the reserve is an error", () => {
    const text = rendered("henan13");
    const start = text.indexOf("2021年部门收支总体情况表");
    const end = text.indexOf("2021年部门收入总体情况表", start + 1);
    const table1 = text.slice(start, end);
    const row = table1.split("\n").find((l) => l.includes("支出合计"))!;
    const broken = text.slice(0, start) + table1.replace(row, row.replace("支出合计\t16407.44", "支出合计\t14721.72")) + text.slice(end);
    const found = sumFindings(broken).filter((f) => f.rule === "sum.column" && f.message.includes("单位预留机动经费"));
    expect(found.length).toBeGreaterThan(0);
  });
});
