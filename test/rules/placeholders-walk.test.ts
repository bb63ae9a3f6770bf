/**
 * text.placeholder reads the projects and the 整体绩效目标 field by field and the rest of a budget by walking
 * it: for any budget, it finds the same texts at the same paths as a plain walk over every string of the
 * budget (the reference below, written for reading), so a field added to the model cannot be passed over.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Budget, Indicator, Project, Target } from "../../src/core/model.ts";
import { eachBudgetText } from "../../src/core/rules/placeholders.ts";
import { isPlaceholderTarget } from "../../src/core/rules/targets.ts";
import { arbBudget, arbJiangsuBudget, generateBudget } from "../support/generate.ts";

/** Keys whose values are codes, amounts, kinds or dates (as the rule's module says). */
const NOT_TEXT = new Set(["year", "code", "unit", "functional", "economic", "government", "nature", "source", "project", "amount", "kind", "type", "comparator", "date", "funds", "class"]);

/** Every string of `value` whose key is not a code's, with its path; a target value by its wording only. */
function plainWalk(value: unknown, path: string, out: string[]): void {
  if (typeof value === "string") out.push(`${path} ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => plainWalk(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v !== "object" && (typeof v !== "string" || NOT_TEXT.has(key))) continue;
      if (key === "target" && v && typeof v === "object" && "kind" in v) {
        const t = v as Target;
        if (t.kind !== "numeric" && !isPlaceholderTarget(t)) out.push(`${path}.${key} ${t.text}`);
        continue;
      }
      plainWalk(v, `${path}.${key}`, out);
    }
  }
}

function reference(b: Budget): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(b)) {
    if (["year", "date", "prior", "income"].includes(key)) continue;
    if (key === "lineItems") b.lineItems.forEach((l, i) => l.memo !== undefined && out.push(`lineItems[${i}].memo ${l.memo}`));
    else plainWalk(v, key, out);
  }
  return out.sort();
}

function read(b: Budget): string[] {
  const out: string[] = [];
  eachBudgetText(b, (text, path) => out.push(`${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").slice(1)} ${text}`));
  return out.sort();
}

function same(b: Budget): void {
  expect(read(b)).toEqual(reference(b));
}

const text = fc.constantFrom("示例", "XX", "待填写", "产出指标", "≥95%", "", " ", "2021年3月底前");
const target: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ kind: fc.constant("numeric" as const), comparator: fc.constantFrom("≥" as const, "=" as const), value: text, unit: text }),
  fc.record({ kind: fc.constant("deadline" as const), date: fc.constant("2021-03-31"), text }),
  fc.record({ kind: fc.constant("qualitative" as const), text }),
);
const indicator: fc.Arbitrary<Indicator> = fc.record({ level1: text, level2: text, level3: text, target, explanation: text, method: text }, { requiredKeys: ["level1", "level2", "level3"] });
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
const targets = fc.record(
  {
    goals: fc.array(text, { maxLength: 3 }),
    tasks: fc.array(
      fc.record(
        { name: text, content: text, funds: fc.oneof(fc.constant({ kind: "basic" as const }), fc.record({ kind: fc.constant("projects" as const), codes: fc.array(fc.constantFrom("101001-01", "XX"), { maxLength: 2 }) })), note: text },
        { requiredKeys: ["name", "content", "funds"] },
      ),
      { maxLength: 3 },
    ),
    indicators: fc.array(indicator, { maxLength: 3 }),
  },
  { requiredKeys: ["goals", "tasks", "indicators"] },
);

describe("text.placeholder reads every text of a budget, as a plain walk does", () => {
  it("in generated budgets", () => {
    for (let seed = 1; seed <= 20; seed++) same(generateBudget(seed));
    fc.assert(fc.property(arbBudget, same), { numRuns: 50 });
    fc.assert(fc.property(arbJiangsuBudget, same), { numRuns: 20 });
  });

  it("with any projects and targets, filler anywhere (fast-check)", () => {
    fc.assert(
      fc.property(arbBudget, fc.array(project, { maxLength: 3 }), fc.option(targets, { nil: undefined }), fc.option(targets, { nil: undefined }), (b, projects, t, unitTargets) => {
        const budget: Budget = { ...b, projects, targets: t, units: b.units.map((u, i) => (i === 0 ? { ...u, targets: unitTargets } : u)) };
        same(budget);
      }),
      { numRuns: 200 },
    );
  });
});
