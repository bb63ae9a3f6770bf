/** text.placeholder: template filler in any text of the budget is an error, located by its path. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EMPTY_NUMBERED_ITEM, PLACEHOLDER_ROW, PLACEHOLDER_TEXT, placeholdersIn } from "../../src/core/placeholders.ts";
import { checkBudget } from "../../src/core/rules/index.ts";
import { textPlaceholder } from "../../src/core/rules/placeholders.ts";
import { readBudget } from "../../src/formats/budget-file/read.ts";
import type { Budget } from "../../src/core/model.ts";
import { builtIn as catalog, expectFinding, one, run } from "./fixture.ts";

const { budget: sampleBudget } = await readBudget("examples/luolong-shequ-2021");
const sample = (): Budget => structuredClone(sampleBudget);

describe("placeholdersIn", () => {
  it.each([
    ["示例：基本工资", ["示例"]],
    ["内设机构XX个", ["XX"]],
    ["共xx人", ["xx"]],
    ["金额××万元", ["××"]],
    ["待填写", ["待填写"]],
    ["比上年增加（减少）10万元", ["增加（减少）"]],
    ["比上年（增加/减少）10万元", ["（增加/减少）"]],
    ["支出下降(增长)的原因", ["下降(增长)"]],
    ["目标3:", ["目标3:"]],
    ["目标一：完成任务\n目标二：", ["目标二："]],
    [".....", ["....."]],
    ["……", ["……"]],
  ])("finds the filler in %j", (text, found) => expect(placeholdersIn(text)).toEqual(found));

  it.each(["XXL型号", "2021年3月底前", "目标3：完成社区换届", "增加10.00万元，主要是…", "服务对象满意度≥90%", "Xbox", "增加人员经费", "减少/取消会议"])("leaves real text alone: %j", (text) => {
    expect(placeholdersIn(text)).toEqual([]);
  });
});

describe("placeholdersIn on any text (fast-check)", () => {
  it("finds what the full patterns find: its quick look never passes over a placeholder", () => {
    const piece = fc.constantFrom("示例", "XX", "xx", "××", "Ｘｘ", "待填写", "待补充", "请填写", "某某", "增加（减少）", "下降(增长)", "（增加/减少）", "上升／降低", "目标3:", "任务二：", ".....", "……", "···", "增加", "目标", "。", "：", "\n", "x", " ", "资金", "2021年", "≥95%");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        const full = [...text.matchAll(PLACEHOLDER_TEXT)].length > 0 || text.split("\n").some((l) => EMPTY_NUMBERED_ITEM.test(l.trim()) || PLACEHOLDER_ROW.test(l.trim()));
        expect(placeholdersIn(text).length > 0).toBe(full);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("text.placeholder", () => {
  it("passes the sample", () => {
    expect(run(textPlaceholder, sample())).toEqual([]);
  });

  it("reports a reason left as the template wrote it", () => {
    const b = sample();
    b.reasons.total = "示例：人员调整及重点工作经费增加";
    expectFinding(one(run(textPlaceholder, b)), { rule: "text.placeholder", severity: "error", path: "reasons.total", actual: "示例：人员调整及重点工作经费增加" });
  });

  it("reports every text with filler as an error with its path, once per text", () => {
    const b = sample();
    b.reasons.total = "比上年增加（减少）XX万元";
    b.profile.duties.push(".....");
    b.projects[0]!.indicators[0]!.explanation = "示例";
    b.lineItems[2]!.memo = "待填写";
    if (b.targets) b.targets.goals.push("目标3:");
    const found = checkBudget(b, catalog).filter((f) => f.rule === "text.placeholder");
    expect(found.map((f) => [f.severity, f.location.kind === "data" && f.location.path, f.actual])).toEqual(
      expect.arrayContaining([
        ["error", "reasons.total", "比上年增加（减少）XX万元"],
        ["error", `profile.duties[${b.profile.duties.length - 1}]`, "....."],
        ["error", "projects[0].indicators[0].explanation", "示例"],
        ["error", "lineItems[2].memo", "待填写"],
      ]),
    );
    expect(found.find((f) => f.actual === "比上年增加（减少）XX万元")!.message).toContain("“增加（减少）”、“XX”");
    if (b.targets) expect(found.some((f) => f.actual === "目标3:")).toBe(true);
  });

  it("leaves a filler target value to target.value-placeholder (one finding, not two)", () => {
    const b = sample();
    b.projects[0]!.indicators[0]!.target = { kind: "qualitative", text: "XX" };
    const rules = checkBudget(b, catalog).filter((f) => f.location.kind === "data" && f.location.path.startsWith("projects[0].indicators[0].target")).map((f) => f.rule);
    expect(rules).toEqual(["target.value-placeholder"]);
  });
});

describe("text.placeholder on a target's wording", () => {
  it("reports 示例 in a qualitative target at the target's path", () => {
    const b = sample();
    b.projects[0]!.indicators[1]!.target = { kind: "qualitative", text: "示例：明显提升" };
    const f = one(run(textPlaceholder, b));
    expectFinding(f, { rule: "text.placeholder", severity: "error", path: "projects[0].indicators[1].target", actual: "示例：明显提升" });
  });
});
