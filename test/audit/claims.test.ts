/** Claims from the narrative: every number with what it is about, in the standard phrasings. */
import { describe, expect, it } from "vitest";
import { type Claim, extractClaims, tidy } from "../../src/audit/core/claims.ts";
import type { NarrativeSection } from "../../src/audit/core/document.ts";
import { importText } from "../../src/audit/importers/text.ts";
import { SEED, seedText } from "./support.ts";

const section = (heading: string, ...paragraphs: string[]): NarrativeSection => ({
  path: [heading],
  heading,
  place: { file: "t.txt", line: 1 },
  paragraphs: paragraphs.map((text, i) => ({ text, place: { file: "t.txt", line: i + 3 } })),
});
const brief = (cs: Claim[]) => cs.map((c) => [c.kind, c.subject ?? "?", c.text, c.direction ?? 0]);

describe("extractClaims", () => {
  it("reads an amount, its change and rate as one statement", () => {
    const cs = extractClaims([section("一、收入支出预算总体情况说明", "某局2021 年收入 4117.91 万元，支出总计4117.91万元，与2020年相比，收、支总计各增加1599.88万元，增长63.79%。")]);
    expect(brief(cs)).toEqual([
      ["amount", "income", "4117.91万元", 0],
      ["amount", "expenditure", "4117.91万元", 0],
      ["change", "expenditure", "1599.88万元", 1],
      ["rate", "expenditure", "63.79%", 1],
    ]);
    expect(new Set(cs.slice(1).map((c) => c.statement)).size).toBe(1);
    expect(cs[0]!.sentence).toBe("某局2021年收入4117.91万元，支出总计4117.91万元，与2020年相比，收、支总计各增加1599.88万元，增长63.79%。");
  });

  it("carries the subject into the next sentence; reads 万 without 元, 下降, 持平, 无变化, 相同, 增加0万元", () => {
    const cs = extractClaims([
      section("（一）机关运行经费支出情况", "某局机关运行经费支出预算8万元，主要保障办公费等支出。比2020年减少2万，下降20%。"),
      section("七、“三公”经费支出预算情况说明", "“三公”经费预算为0万元。与2020年预算数相比无变化。", "（三）公务接待费0万元。预算数与2020年相同。", "（一）因公出国（境）：主要用于出国（境）的住宿费。预算数比2020年增加0万元。"),
      section("四、财政拨款收入支出预算总体情况说明", "政府性基金收支增加0万元，与上年相比持平。"),
    ]);
    expect(brief(cs)).toEqual([
      ["amount", "operating-cost", "8万元", 0],
      ["change", "operating-cost", "2万", -1],
      ["rate", "operating-cost", "20%", -1],
      ["amount", "three-public", "0万元", 0],
      ["flat", "three-public", "无变化", 0],
      ["amount", "reception", "0万元", 0],
      ["flat", "reception", "相同", 0],
      ["change", "abroad", "0万元", 1],
      ["change", "government-fund", "0万元", 1],
      ["flat", "government-fund", "持平", 0],
    ]);
    expect(cs[1]!.shortUnit).toBe(true);
  });

  it("reads 基本持平 after a small stated change as that change, not as no change", () => {
    const cs = extractClaims([section("一、收入支出预算总体情况", "某局2021年收支总计4117.93万元，与2020年相比增加0.02万元，基本持平。")]);
    expect(brief(cs).filter((c) => c[0] === "flat")).toEqual([]);
    expect(brief(cs).find((c) => c[0] === "change")).toEqual(["change", "expenditure", "0.02万元", 1]);
  });

  it("reads shares of named wholes, each 类, counts, the none phrasing", () => {
    const cs = extractClaims([
      section("五、一般公共预算支出预算情况说明", "主要用于以下方面：一般公共服务（类）支出1.41万元，占0.03%；卫生健康（类）支出9.29万元，占0.22%。"),
      section("（三）绩效目标设置情况", "共有预算项目8个，其中8个项目编制了绩效目标，涉及项目资金3935.03万元，占项目支出的100.00%。"),
      section("（四）国有资产占用情况", "共有车辆2辆，其中：一般公务用车2辆；单价50万元以上通用设备0台（套）。"),
      section("八、政府性基金预算支出预算情况说明", "某局2021年没有使用政府性基金预算拨款安排的支出。"),
    ]);
    expect(brief(cs)).toEqual([
      ["amount", "class:一般公共服务", "1.41万元", 0],
      ["share", "class:一般公共服务", "0.03%", 0],
      ["amount", "class:卫生健康", "9.29万元", 0],
      ["share", "class:卫生健康", "0.22%", 0],
      ["count", "projects", "8个", 0],
      ["count", "projects-with-targets", "8个", 0],
      ["amount", "performance-funds", "3935.03万元", 0],
      ["share", "performance-funds", "100.00%", 0],
      ["count", "vehicles", "2辆", 0],
      ["count", "vehicles:一般公务用车", "2辆", 0],
      ["count", "general-equipment", "0台（套）", 0],
      ["none", "government-fund", "没有使用政府性基金预算拨款安排的支出", 0],
    ]);
    expect(cs[7]!.whole).toBe("项目支出");
  });

  it("keeps numbers it cannot place as unclassified, marks a stray number and a share without %", () => {
    const cs = extractClaims([section("三、支出预算总体情况说明", "支出合计100万元，其中：基本支出40万元，占40；项目支出60万元。2518.03", "需发放124社区“两委”人员工资，涉及85个行政村。")]);
    expect(cs.find((c) => c.text === "40")).toMatchObject({ kind: "share", subject: "basic", noPercentSign: true });
    expect(cs.find((c) => c.text === "2518.03")).toMatchObject({ kind: "number", stray: true });
    expect(cs.find((c) => c.text === "124")).toMatchObject({ kind: "count", noun: "社区" });
    expect(cs.find((c) => c.text === "124")?.subject).toBeUndefined();
    expect(cs.find((c) => c.text === "85个")).toMatchObject({ kind: "count", noun: "行政村" });
  });

  it("skips years, dates, list numbers, thresholds; ignores the profile, contents and glossary", () => {
    const cs = extractClaims([
      section("（四）国有资产占用情况", "2020年12月31日，单价50万元以上通用设备1台（套）。"),
      section("一、主要职能", "1. 负责3个科室的管理。"),
      section("名词解释", "一、财政拨款收入：是指同级财政当年拨付的资金。"),
    ]);
    expect(brief(cs)).toEqual([["count", "general-equipment", "1台（套）", 0]]);
    expect(tidy("2021 年 收入 4117.91 万元")).toBe("2021年收入4117.91万元");
  });

  it("finds the seed's claims, including 8万元, 63.79% and the stray 2518.03", () => {
    const file = importText(SEED, seedText());
    const cs = extractClaims(file.sections);
    expect(cs.filter((c) => c.subject === "operating-cost").map((c) => c.text)).toEqual(["8万元", "2万", "20%"]);
    expect(cs.filter((c) => c.kind === "rate").map((c) => c.text)).toEqual(["63.79%", "63.79%", "20%"]);
    expect(cs.filter((c) => c.stray).map((c) => [c.text, c.place.line])).toEqual([["2518.03", 113]]);
    expect(cs.find((c) => c.subject?.startsWith("transfer:"))?.subject).toBe("transfer:社区人员经费项目");
  });
});
