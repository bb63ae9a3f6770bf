/**
 * 模板占位 — template text left in the budget: 示例, XX, 待填写, "增加（减少）", "目标3:" with nothing after,
 * "....." rows. Every text a person writes is read (names, memos, reasons, the profile, goals, tasks,
 * indicators); codes, amounts and dates are not texts. Indicator target values are left to
 * target.value-placeholder, which knows their parts.
 */
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { placeholdersIn } from "../placeholders.ts";
import type { Target } from "../model.ts";
import { isPlaceholderTarget } from "./targets.ts";

/** Keys whose values are codes, amounts, kinds or dates — never a text a person writes. */
const NOT_TEXT = new Set(["year", "code", "unit", "functional", "economic", "government", "nature", "source", "project", "amount", "kind", "type", "comparator", "date", "funds", "class"]);

/** Calls `visit` with every string in `value` and its path (`reasons.total`, `projects[2].indicators[0].level3`). */
function eachText(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => eachText(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (NOT_TEXT.has(key) && typeof v !== "object") continue;
      // a target value already reported as filler by target.value-placeholder is not reported twice
      if (key === "target" && v && typeof v === "object" && "kind" in v && isPlaceholderTarget(v as Target)) continue;
      eachText(v, path ? `${path}.${key}` : key, visit);
    }
  }
}

export const textPlaceholder: Rule = defineRule(
  {
    id: "text.placeholder",
    title: "模板占位文字未替换",
    description:
      "预算中的文字仍是模板占位内容：“示例”、XX / ××、待填写、某某、“增加（减少）”或“增加/减少”这样的二选一、只写了编号的“目标3:”、只有省略号的“.....”。公开前须替换为本部门的实际内容或删去。 / A text of the budget is still template filler: 示例 (example), XX / ××, 待填写 (to be filled in), 某某, a choice such as 增加（减少） or 增加/减少, a numbered goal with nothing after it (目标3:), a row of dots. Replace it with the department's own content, or remove it, before publication.",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：公开内容真实、准确、完整",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    eachText(ctx.budget, "", (text, path) => {
      const found = placeholdersIn(text);
      if (found.length === 0) return;
      const words = found.map((w) => `“${w}”`).join("、");
      out.push(emit({ message: `${words}是模板占位文字，须替换为实际内容 / template placeholder ${found.map((w) => `"${w}"`).join(", ")} left in the text`, path, actual: text }));
    });
    return out;
  },
);

export const PLACEHOLDER_RULES: readonly Rule[] = [textPlaceholder];
