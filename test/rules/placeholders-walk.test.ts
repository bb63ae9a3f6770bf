/**
 * text.placeholder reads the projects field by field (`eachProjectText`) and the rest of a budget by walking
 * it (`eachText`): for any projects, both find the same texts at the same paths, so a field added to a
 * project or an indicator cannot be passed over by one and read by the other.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Indicator, Project, Target } from "../../src/core/model.ts";
import { eachProjectText, eachText } from "../../src/core/rules/placeholders.ts";
import { arbBudget, generateBudget } from "../support/generate.ts";

function visited(walk: (visit: (text: string, path: readonly (string | number)[]) => void) => void): string[] {
  const out: string[] = [];
  walk((text, path) => out.push(`${JSON.stringify(path)} ${text}`));
  return out.sort();
}

function same(projects: readonly Project[]): void {
  const fieldByField = visited((v) => eachProjectText(projects, v));
  const walked = visited((v) => eachText(projects, ["projects"], v));
  expect(fieldByField).toEqual(walked);
}

const text = fc.constantFrom("示例", "XX", "待填写", "产出指标", "≥95%", "", " ", "2021年3月底前");
const target: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ kind: fc.constant("numeric" as const), comparator: fc.constantFrom("≥" as const, "=" as const), value: text, unit: text }),
  fc.record({ kind: fc.constant("deadline" as const), date: fc.constant("2021-03-31"), text }),
  fc.record({ kind: fc.constant("qualitative" as const), text }),
);
const indicator: fc.Arbitrary<Indicator> = fc.record(
  { level1: text, level2: text, level3: text, target, explanation: text, method: text },
  { requiredKeys: ["level1", "level2", "level3"] },
);
const project: fc.Arbitrary<Project> = fc.record(
  {
    code: fc.constant("101001-01"),
    name: text,
    unit: fc.constant("101001"),
    class: fc.constantFrom("general" as const, "special" as const),
    functional: fc.constant("2010101"),
    specialTransfer: fc.boolean(),
    goal: text,
    indicators: fc.array(indicator, { maxLength: 4 }),
  },
  { requiredKeys: ["code", "name", "unit", "class", "indicators"] },
);

describe("text.placeholder's two ways of reading texts", () => {
  it("find the same texts in projects with every field present, filler everywhere", () => {
    same([
      {
        code: "101001-01",
        name: "示例项目",
        unit: "101001",
        class: "general",
        functional: "2010101",
        specialTransfer: true,
        goal: "XX",
        indicators: [
          { level1: "示例", level2: "XX", level3: "待填写", target: { kind: "qualitative", text: "某某" }, explanation: "示例", method: "XX" },
          { level1: "产出指标", level2: "数量指标", level3: "人数", target: { kind: "deadline", date: "2021-03-31", text: "示例" } },
          { level1: "产出指标", level2: "数量指标", level3: "人数", target: { kind: "numeric", comparator: "≥", value: "XX", unit: "人" } },
        ],
      },
    ]);
  });

  it("find the same texts in any projects (fast-check)", () => {
    fc.assert(fc.property(fc.array(project, { maxLength: 4 }), same), { numRuns: 300 });
  });

  it("find the same texts in generated budgets' projects", () => {
    for (let seed = 1; seed <= 20; seed++) same(generateBudget(seed).projects);
    fc.assert(fc.property(arbBudget, (b) => same(b.projects)), { numRuns: 50 });
  });
});
