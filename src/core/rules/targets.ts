/**
 * 绩效目标 — performance targets: every project has indicators covering 产出, 效益 and 满意度; every
 * indicator has a real target value (not "XX" or "待定"); the department (and each unit of a multi-unit
 * department) publishes its overall targets (tables 12 and 13).
 */
import type { Indicator, Target } from "../model.ts";
import { formatTarget, normaliseLevel1 } from "../targets.ts";
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { shared } from "./helpers.ts";

const TARGETS_BASIS = "《中华人民共和国预算法》第三十二条；《中央部门预算绩效目标管理办法》（财预〔2015〕88号）";

/** The 一级指标 every project's targets must cover (成本 is recommended since 财预〔2021〕101号, not required here). */
export const REQUIRED_PROJECT_LEVEL1 = ["产出指标", "效益指标", "满意度指标"] as const;

/** An indicator, where its list is (`projects[2].indicators`) and its position there, and whose it is. */
interface PlacedIndicator {
  indicator: Indicator;
  list: string;
  index: number;
  owner: string;
}

/** The path of an indicator's target; built only for the indicators a finding names. */
const targetPath = (p: PlacedIndicator) => `${p.list}[${p.index}].target`;

/** Every indicator of the budget; computed once per context for the two indicator rules. */
function allIndicators(ctx: RuleContext): PlacedIndicator[] {
  return shared(ctx, placeIndicators);
}

function placeIndicators(ctx: RuleContext): PlacedIndicator[] {
  const out: PlacedIndicator[] = [];
  const place = (indicators: readonly Indicator[], list: string, owner: string) =>
    indicators.forEach((indicator, index) => out.push({ indicator, list, index, owner }));
  ctx.budget.projects.forEach((p, i) => place(p.indicators, `projects[${i}].indicators`, `项目 ${p.code}`));
  if (ctx.budget.targets) place(ctx.budget.targets.indicators, "targets.indicators", "部门整体");
  ctx.budget.units.forEach((u, i) => {
    if (u.targets) place(u.targets.indicators, `units[${i}].targets.indicators`, `单位 ${u.code}`);
  });
  return out;
}

function isEmptyTarget(t: Target | undefined): boolean {
  if (!t) return true;
  switch (t.kind) {
    case "numeric":
      return t.value.trim() === "";
    case "deadline":
      return t.text.trim() === "" && t.date.trim() === "";
    case "qualitative":
      return t.text.trim() === "";
  }
}

/** Template filler people leave in: XX, ……, ...., 待定; or nothing but punctuation. */
const PLACEHOLDER = /[xXｘＸ]{2,}|…|\.{3,}|。{3,}|待定|待填|待补充|待确定/;
const ONLY_PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;

export function isPlaceholderTarget(t: Target): boolean {
  const text = formatTarget(t).trim();
  return text !== "" && (PLACEHOLDER.test(text) || ONLY_PUNCTUATION.test(text));
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
    ctx.budget.projects.flatMap((p, i) =>
      p.indicators.length > 0
        ? []
        : [
            emit({
              message: `项目 ${p.code}“${p.name}”没有绩效指标 / project ${p.code} "${p.name}" has no performance indicators`,
              path: `projects[${i}].indicators`,
              actual: 0,
            }),
          ],
    ),
);

/** True when the indicators cover every required 一级 level; a bit per level, so nothing is allocated. */
function coversRequiredLevels(indicators: readonly Indicator[]): boolean {
  const all = (1 << REQUIRED_PROJECT_LEVEL1.length) - 1;
  let seen = 0;
  for (const ind of indicators) {
    const k = (REQUIRED_PROJECT_LEVEL1 as readonly string[]).indexOf(normaliseLevel1(ind.level1));
    if (k >= 0) seen |= 1 << k;
    if (seen === all) return true;
  }
  return false;
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
  (ctx, emit) =>
    ctx.budget.projects.flatMap((p, i) => {
      if (p.indicators.length === 0) return []; // target.project-missing
      if (coversRequiredLevels(p.indicators)) return []; // the usual case: no set, no message
      const present = new Set(p.indicators.map((ind) => normaliseLevel1(ind.level1)));
      const missing = REQUIRED_PROJECT_LEVEL1.filter((l) => !present.has(l));
      if (missing.length === 0) return [];
      return [
        emit({
          message: `项目 ${p.code}“${p.name}”缺少一级指标：${missing.join("、")} / project ${p.code} "${p.name}" lacks the 一级 levels ${missing.join(", ")}`,
          path: `projects[${i}].indicators`,
          expected: REQUIRED_PROJECT_LEVEL1.join("、"),
          actual: [...present].join("、"),
        }),
      ];
    }),
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
    for (const placed of allIndicators(ctx)) {
      const { indicator, owner } = placed;
      if (!isEmptyTarget(indicator.target)) continue;
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
    for (const placed of allIndicators(ctx)) {
      const { indicator, owner } = placed;
      const t = indicator.target;
      if (!t || isEmptyTarget(t) || !isPlaceholderTarget(t)) continue;
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
