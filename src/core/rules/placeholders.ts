/**
 * 模板占位 — template text left in the budget: 示例, XX, 待填写, "增加（减少）", "目标3:" with nothing after,
 * "....." rows. Every text a person writes is read (names, memos, reasons, the profile, goals, tasks,
 * indicators); codes, amounts and dates are not texts. Indicator target values are left to
 * target.value-placeholder, which knows their parts.
 */
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { placeholdersIn } from "../placeholders.ts";
import type { Budget, DepartmentTargets, Indicator, Project, Target } from "../model.ts";
import { isPlaceholderTarget } from "./targets.ts";

/** Sections of a budget that hold numbers only (上年数, 收入). */
const NO_TEXT_SECTIONS: ReadonlySet<string> = new Set(["year", "date", "prior", "income"]);

/** Keys whose values are codes, amounts, kinds or dates — never a text a person writes. */
const NOT_TEXT = new Set(["year", "code", "unit", "functional", "economic", "government", "nature", "source", "project", "amount", "kind", "type", "comparator", "date", "funds", "class"]);

/** Called with a text and where it is: the path's segments (`["reasons", "total"]`), joined only on a finding. */
export type Visit = (text: string, path: readonly (string | number)[]) => void;

/**
 * Calls `visit` with every string in `value` and its path (`reasons.total`, `targets.tasks[0].content`).
 * The object's keys are read with `for … in` (no list of them is made).
 */
export function eachText(value: unknown, path: (string | number)[], visit: Visit): void {
  if (typeof value === "string") {
    visit(value, path);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      eachText(value[i], path, visit);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    for (const key in o) {
      const v = o[key];
      if (typeof v !== "object" && (typeof v !== "string" || NOT_TEXT.has(key))) continue;
      if (key === "target" && v && typeof v === "object" && "kind" in v) {
        path.push(key);
        targetText(v as Target, path, visit);
        path.pop();
        continue;
      }
      if (key === "targets" && v && typeof v === "object" && !Array.isArray(v)) {
        path.push(key);
        eachTargetsText(v as DepartmentTargets, path, visit);
        path.pop();
        continue;
      }
      path.push(key);
      eachText(v, path, visit);
      path.pop();
    }
  }
}

/**
 * A target value's wording: filler in it is target.value-placeholder's to report (not twice); of the rest only a
 * qualitative or deadline's wording is text (a number's parts are its comparator, digits and unit). The path is
 * the target's own: a budget file writes it as one value (target: 2021年3月底前).
 */
function targetText(t: Target, path: readonly (string | number)[], visit: Visit): void {
  if (t.kind === "numeric" || isPlaceholderTarget(t)) return;
  visit(t.text, path);
}

/**
 * The texts of the projects — most of a budget's texts — read field by field: a project's name and goal, and
 * its indicators' texts (`eachIndicatorText`); its code, unit, class and functional code are codes. The same
 * texts, at the same paths, as `eachText` finds in them (test/rules/placeholders-walk.test.ts holds it to that).
 */
export function eachProjectText(projects: readonly Project[], visit: Visit): void {
  const path: (string | number)[] = ["projects"];
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]!;
    path.push(i);
    field(p.name, "name", path, visit);
    field(p.goal, "goal", path, visit);
    eachIndicatorText(p.indicators, path, visit);
    path.pop();
  }
}

/**
 * The texts of 部门（单位）整体绩效目标 (the budget's `targets` and a unit's), field by field: each goal, each
 * task's name, content and note (its funds are codes), and the indicators' texts.
 */
export function eachTargetsText(t: DepartmentTargets, path: (string | number)[], visit: Visit): void {
  if (Array.isArray(t.goals)) {
    path.push("goals");
    for (let i = 0; i < t.goals.length; i++) {
      path.push(i);
      if (typeof t.goals[i] === "string") visit(t.goals[i]!, path);
      path.pop();
    }
    path.pop();
  }
  if (Array.isArray(t.tasks)) {
    path.push("tasks");
    for (let i = 0; i < t.tasks.length; i++) {
      const task = t.tasks[i]!;
      path.push(i);
      field(task.name, "name", path, visit);
      field(task.content, "content", path, visit);
      field(task.note, "note", path, visit);
      if (task.funds && typeof task.funds === "object") {
        // read as the walk reads any object: the codes of the projects it names are visited too
        path.push("funds");
        eachText(task.funds, path, visit);
        path.pop();
      }
      path.pop();
    }
    path.pop();
  }
  if (Array.isArray(t.indicators)) eachIndicatorText(t.indicators, path, visit);
}

/** Each indicator's three levels, target wording, explanation and method, under `path` + `indicators[j]`. */
function eachIndicatorText(indicators: readonly Indicator[], path: (string | number)[], visit: Visit): void {
  path.push("indicators");
  for (let j = 0; j < indicators.length; j++) {
    const ind = indicators[j]!;
    path.push(j);
    field(ind.level1, "level1", path, visit);
    field(ind.level2, "level2", path, visit);
    field(ind.level3, "level3", path, visit);
    if (ind.target) {
      path.push("target");
      targetText(ind.target, path, visit);
      path.pop();
    }
    field(ind.explanation, "explanation", path, visit);
    field(ind.method, "method", path, visit);
    path.pop();
  }
  path.pop();
}

/** Visits `text`, when there is one, at `path` + `name`. */
function field(text: string | undefined, name: string, path: (string | number)[], visit: Visit): void {
  if (typeof text !== "string") return;
  path.push(name);
  visit(text, path);
  path.pop();
}

function pathText(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

/**
 * Every text of a budget, with its path: the memos of its line items, its projects' and targets' texts field
 * by field, and every other string of the sections that hold texts (codes, amounts and dates are not texts).
 */
export function eachBudgetText(b: Budget, visit: Visit): void {
  for (const key of Object.keys(b) as (keyof Budget)[]) {
    if (NO_TEXT_SECTIONS.has(key)) continue;
    if (key === "lineItems") {
      // most of a budget's values are its line items' codes and amounts: of a line only the memo is text
      b.lineItems.forEach((l, i) => {
        if (l.memo !== undefined) visit(l.memo, ["lineItems", i, "memo"]);
      });
    } else if (key === "projects") eachProjectText(b.projects, visit);
    else if (key === "targets") {
      if (b.targets) eachTargetsText(b.targets, ["targets"], visit);
    } else eachText(b[key], [key], visit);
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
    const visit: Visit = (text, path) => {
      const found = placeholdersIn(text);
      if (found.length === 0) return;
      const words = found.map((w) => `“${w}”`).join("、");
      out.push(emit({ message: `${words}是模板占位文字，须替换为实际内容 / template placeholder ${found.map((w) => `"${w}"`).join(", ")} left in the text`, path: pathText(path), actual: text }));
    };
    eachBudgetText(ctx.budget, visit);
    return out;
  },
);

export const PLACEHOLDER_RULES: readonly Rule[] = [textPlaceholder];
