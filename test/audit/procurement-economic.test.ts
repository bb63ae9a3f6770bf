/**
 * The 经济科目 of Jiangsu's 政府采购支出预算表 (code.procurement-economic): read from the printed table, by name as
 * Yusuan and the Jiangsu documents print it, or by code; a malformed code is an error, a code or name the year's
 * catalog lacks a warning (against the built-in catalog), each at its cell. The sample's Jiangsu disclosure
 * has no procurement, so rows are written into its empty table.
 */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { importText } from "../../src/audit/importers/text.ts";
import { renderText } from "../../src/formats/text.ts";
import { catalog2021, disclosures, sampleBudget } from "./support.ts";

describe("政府采购支出预算表: 经济科目", async () => {
  const text = renderText(disclosures(await sampleBudget(), "jiangsu-province")[0]!);
  const header = "采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n";
  const empty = "\n说明：本部门2021年无政府采购预算，此表为空。\n";
  const findings = (economic: string) => {
    const rows = `合计\t\t\t\t\t12.00\n一、货物A\t\t\t\t\t12.00\n\t社区治理\t${economic}\t台式计算机\t分散自行组织\t12.00\n`;
    const doc = text.replace(`${header}${empty}`, `${header}${rows}`);
    expect(doc).not.toBe(text);
    const lineNo = doc.split("\n").findIndex((l) => l.startsWith("\t社区治理\t")) + 1;
    return auditDocument(assembleDocument("out.txt", [importText("out.txt", doc)]), (y) => (y === 2021 ? catalog2021 : undefined))
      .findings.filter((f) => f.rule === "code.procurement-economic")
      .map((f) => {
        const l = f.location as { table?: string; column?: string; line?: number };
        expect(l.line).toBe(lineNo);
        return `${f.severity} ${l.table} ${l.column}: ${f.message.split(" / ")[0]}`;
      });
  };

  it("a catalog name or code is accepted", () => {
    expect(findings("办公设备购置")).toEqual([]);
    expect(findings("31002")).toEqual([]);
    expect(findings("31002 办公设备购置")).toEqual([]);
  });

  it("a malformed code is an error, an unknown code or name a warning, a code printed with another's name a warning", () => {
    expect(findings("3100")).toEqual(["error 表12 2021年政府采购支出预算表 经济科目: 表12 2021年政府采购支出预算表 经济科目“3100”应为5位或7位数字编码"]);
    expect(findings("31098")).toEqual(["warning 表12 2021年政府采购支出预算表 经济科目: 表12 2021年政府采购支出预算表 经济科目 31098 不在2021年科目表中"]);
    expect(findings("办公设备采买")).toEqual(["warning 表12 2021年政府采购支出预算表 经济科目: 表12 2021年政府采购支出预算表 经济科目“办公设备采买”不是2021年部门预算支出经济分类的科目名称"]);
    expect(findings("31002 会议费")).toEqual(["warning 表12 2021年政府采购支出预算表 经济科目: 表12 2021年政府采购支出预算表 经济科目 31002 名称为“会议费”，科目表为“办公设备购置”"]);
  });
});
