/**
 * 绩效目标 — performance targets: every project has indicators covering 产出, 效益 and 满意度; every
 * indicator has a real target value (not "XX" or "待定"); the department (and each unit of a multi-unit
 * department) publishes its overall targets (tables 12 and 13).
 */
import type { Indicator, Target } from "../model.ts";
import { formatTarget, isBlankText, normaliseLevel1 } from "../targets.ts";
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { findingsOf, shared } from "./helpers.ts";

const TARGETS_BASIS = "《中华人民共和国预算法》第三十二条；《中央部门预算绩效目标管理办法》（财预〔2015〕88号）";

/** The 一级指标 every project's targets must cover (成本 is recommended since 财预〔2021〕101号, not required here). */
export const REQUIRED_PROJECT_LEVEL1 = ["产出指标", "效益指标", "满意度指标"] as const;

/** Whose indicator list it is: a project's, the department's overall targets, or a unit's. */
type Owner = "project" | "department" | "unit";

/** An indicator, whose list it is (and that owner's position), and its position in the list. */
interface PlacedIndicator {
  indicator: Indicator;
  owner: Owner;
  /** position of the project or unit in its list (0 for the department) */
  ownerIndex: number;
  index: number;
}

/** The path of an indicator's target; built only for the indicators a finding names. */
function targetPath(p: PlacedIndicator): string {
  switch (p.owner) {
    case "project":
      return `projects[${p.ownerIndex}].indicators[${p.index}].target`;
    case "department":
      return `targets.indicators[${p.index}].target`;
    case "unit":
      return `units[${p.ownerIndex}].targets.indicators[${p.index}].target`;
  }
}

/** Whose indicator it is, for messages: 项目 313001-01, 部门整体, 单位 313001. */
function ownerName(ctx: RuleContext, p: PlacedIndicator): string {
  switch (p.owner) {
    case "project":
      return `项目 ${ctx.budget.projects[p.ownerIndex]!.code}`;
    case "department":
      return "部门整体";
    case "unit":
      return `单位 ${ctx.budget.units[p.ownerIndex]!.code}`;
  }
}

/** The indicators without a value and those with a placeholder, in list order (projects, department, units). */
interface IndicatorProblems {
  empty: PlacedIndicator[];
  placeholder: PlacedIndicator[];
}

/** What the two indicator rules report, from one pass over every indicator of the budget (once per context). */
function indicatorProblems(ctx: RuleContext): IndicatorProblems {
  return shared(ctx, findIndicatorProblems);
}

function findIndicatorProblems(ctx: RuleContext): IndicatorProblems {
  const out: IndicatorProblems = { empty: [], placeholder: [] };
  const { projects, targets, units } = ctx.budget;
  for (let i = 0; i < projects.length; i++) findIn(out, projects[i]!.indicators, "project", i);
  if (targets) findIn(out, targets.indicators, "department", 0);
  for (let i = 0; i < units.length; i++) {
    const t = units[i]!.targets;
    if (t) findIn(out, t.indicators, "unit", i);
  }
  return out;
}

/** Adds one list's indicators without a value or with a placeholder; only they are placed (an object made). */
function findIn(out: IndicatorProblems, indicators: readonly Indicator[], owner: Owner, ownerIndex: number): void {
  for (let index = 0; index < indicators.length; index++) {
    const indicator = indicators[index]!;
    const t = indicator.target;
    if (isEmptyTarget(t)) out.empty.push({ indicator, owner, ownerIndex, index });
    else if (isPlaceholderTarget(t!)) out.placeholder.push({ indicator, owner, ownerIndex, index });
  }
}

function isEmptyTarget(t: Target | undefined): boolean {
  if (!t) return true;
  switch (t.kind) {
    case "numeric":
      return isBlankText(t.value);
    case "deadline":
      return isBlankText(t.text) && isBlankText(t.date);
    case "qualitative":
      return isBlankText(t.text);
  }
}

/** Template filler people leave in: XX, ……, ...., 待定; or nothing but punctuation. */
const PLACEHOLDER = /[xXｘＸ]{2,}|…|\.{3,}|。{3,}|待定|待填|待补充|待确定/;
const ONLY_PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;

export function isPlaceholderTarget(t: Target): boolean {
  // Most values are plainly not filler: a text with none of the characters filler is made of (x, …, ., 。,
  // 待) cannot match PLACEHOLDER, and one with a digit, a Latin letter or a CJK character is not only
  // punctuation. That is decided on the value's parts, without making its text; the rest is tested in full.
  const look = t.kind === "numeric" ? lookOf(t.comparator) | lookOf(t.value) | lookOf(t.unit) : lookOf(t.text);
  if (look === CONTENT) return false;
  const text = formatTarget(t).trim();
  return text !== "" && (PLACEHOLDER.test(text) || ONLY_PUNCTUATION.test(text));
}

/** What a text holds, as bits: CONTENT (a digit, Latin letter or CJK character), FILLER (x X ｘ Ｘ … . 。 待). */
const CONTENT = 1;
const FILLER = 2;

function lookOf(value: string): number {
  // `String(value)` is the value itself, typed as a string for the compiler: the texts read here come in many
  // string representations, so `value.length` and `value.charCodeAt` would otherwise be megamorphic reads.
  const s = String(value);
  let look = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x78 || c === 0x58 || c === 0xff58 || c === 0xff38 || c === 0x2026 || c === 0x2e || c === 0x3002 || c === 0x5f85) look |= FILLER;
    else if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff)) look |= CONTENT;
  }
  return look;
}

export const projectWithoutTargets: Rule = defineRule(
  {
    id: "target.project-missing",
    title: "项目未设置绩效目标",
    description:
      "预算项目须编制绩效目标和指标，未设绩效目标的项目不得纳入预算（表13须列出每个项目的指标）。 / Every budget project must have performance targets and indicators; a project without them should not be budgeted (table 13 lists each project's indicators).",
    basis: TARGETS_BASIS,
    severity: "error",
  },
  (ctx, emit) =>
    findingsOf(ctx.budget.projects, (p, i) =>
      p.indicators.length > 0
        ? undefined
        : emit({
            message: `项目 ${p.code}“${p.name}”没有绩效指标 / project ${p.code} "${p.name}" has no performance indicators`,
            path: `projects[${i}].indicators`,
            actual: 0,
          }),
    ),
);

/** Bits of the required 一级 levels (bit k for REQUIRED_PROJECT_LEVEL1[k]) that indicators cover. */
const ALL_REQUIRED = (1 << REQUIRED_PROJECT_LEVEL1.length) - 1;

/** The required levels as the finding's `expected` lists them. */
const REQUIRED_LIST = REQUIRED_PROJECT_LEVEL1.join("、");

/**
 * For each set of covered levels (a bit mask), the missing levels as the message lists them, Chinese and
 * English: made once here, as a project lacking a level is common (a finding each) and the lists are few.
 */
const MISSING_LISTS: readonly { zh: string; en: string }[] = Array.from({ length: ALL_REQUIRED + 1 }, (_, covered) => {
  const missing = REQUIRED_PROJECT_LEVEL1.filter((_, k) => (covered & (1 << k)) === 0);
  return { zh: missing.join("、"), en: missing.join(", ") };
});

function requiredLevelsCovered(indicators: readonly Indicator[]): number {
  let seen = 0;
  for (const ind of indicators) {
    const k = (REQUIRED_PROJECT_LEVEL1 as readonly string[]).indexOf(normaliseLevel1(ind.level1));
    if (k >= 0) seen |= 1 << k;
    if (seen === ALL_REQUIRED) break;
  }
  return seen;
}

export const projectTargetLevels: Rule = defineRule(
  {
    id: "target.project-levels",
    title: "项目绩效指标缺少一级指标",
    description:
      "项目绩效指标应覆盖产出、效益、满意度三个一级指标，缺少任何一个都不能完整反映项目的预期结果。 / A project's indicators should cover the three 一级 levels 产出, 效益 and 满意度; without one of them the targets do not describe the expected results.",
    basis: TARGETS_BASIS,
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const projects = ctx.budget.projects;
    for (let i = 0; i < projects.length; i++) {
      const p = projects[i]!;
      if (p.indicators.length === 0) continue; // target.project-missing
      const covered = requiredLevelsCovered(p.indicators);
      if (covered === ALL_REQUIRED) continue; // the usual case: no list, no message
      const missing = MISSING_LISTS[covered]!;
      // the levels present, each once, in first-seen order
      const present: string[] = [];
      for (const ind of p.indicators) {
        const level = normaliseLevel1(ind.level1);
        if (!present.includes(level)) present.push(level);
      }
      out.push(
        emit({
          message: `项目 ${p.code}“${p.name}”缺少一级指标：${missing.zh} / project ${p.code} "${p.name}" lacks the 一级 levels ${missing.en}`,
          path: `projects[${i}].indicators`,
          expected: REQUIRED_LIST,
          actual: present.join("、"),
        }),
      );
    }
    return out;
  },
);

export const indicatorWithoutValue: Rule = defineRule(
  {
    id: "target.value-missing",
    title: "绩效指标没有指标值",
    description:
      "每个三级指标都须有指标值（如 ≥95%、120个、2021年3月底前、明显），否则无法据以监控和评价。 / Every indicator needs a target value (≥95%, 120个, 2021年3月底前, 明显), or it cannot be monitored or evaluated.",
    basis: TARGETS_BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const placed of indicatorProblems(ctx).empty) {
      const indicator = placed.indicator;
      const owner = ownerName(ctx, placed);
      out.push(
        emit({
          message: `${owner}的指标“${indicator.level3}”没有指标值 / indicator "${indicator.level3}" (${owner}) has no target value`,
          path: targetPath(placed),
        }),
      );
    }
    return out;
  },
);

export const indicatorPlaceholder: Rule = defineRule(
  {
    id: "target.value-placeholder",
    title: "绩效指标值是未替换的占位符",
    description:
      "指标值仍是模板占位内容（XX、……、....、待定等），公开前须填入实际目标值。 / The target value is still template filler (XX, ……, ...., 待定 …) and must be replaced by the real value before publication.",
    basis: TARGETS_BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const placed of indicatorProblems(ctx).placeholder) {
      const indicator = placed.indicator;
      const t = indicator.target!;
      const owner = ownerName(ctx, placed);
      out.push(
        emit({
          message: `${owner}的指标“${indicator.level3}”的指标值“${formatTarget(t)}”是占位符 / indicator "${indicator.level3}" (${owner}) has a placeholder target "${formatTarget(t)}"`,
          path: targetPath(placed),
          actual: formatTarget(t),
        }),
      );
    }
    return out;
  },
);

export const overallTargetsMissing: Rule = defineRule(
  {
    id: "target.overall-missing",
    title: "未设置部门（单位）整体绩效目标",
    description:
      "部门预算须公开部门整体绩效目标（表12）；多单位部门的每个单位公开单位预算时也须有自己的整体绩效目标。 / The department publishes its overall performance targets (table 12); in a department of several units, each unit's own disclosure needs its own.",
    basis: TARGETS_BASIS,
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const t = ctx.budget.targets;
    if (!t) {
      out.push(emit({ message: "部门未设置整体绩效目标（表12） / the department has no overall performance targets (table 12)", path: "targets" }));
    } else if (t.indicators.length === 0) {
      out.push(emit({ message: "部门整体绩效目标没有绩效指标 / the department's overall targets have no indicators", path: "targets.indicators", actual: 0 }));
    }
    if (ctx.budget.units.length > 1) {
      ctx.budget.units.forEach((u, i) => {
        if (!u.targets) {
          out.push(
            emit({
              message: `单位 ${u.code}“${u.name}”未设置单位整体绩效目标 / unit ${u.code} "${u.name}" has no overall performance targets`,
              path: `units[${i}].targets`,
            }),
          );
        } else if (u.targets.indicators.length === 0) {
          out.push(
            emit({
              message: `单位 ${u.code}“${u.name}”的整体绩效目标没有绩效指标 / unit ${u.code}'s overall targets have no indicators`,
              path: `units[${i}].targets.indicators`,
              actual: 0,
            }),
          );
        }
      });
    }
    return out;
  },
);

export const TARGET_RULES: readonly Rule[] = [
  projectWithoutTargets,
  projectTargetLevels,
  indicatorWithoutValue,
  indicatorPlaceholder,
  overallTargetsMissing,
];
