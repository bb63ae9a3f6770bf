/**
 * 人员编制 — staffing figures the targets depend on: a per-person indicator (人均…) needs the number of
 * staff (实有人数), an indicator about 离退休 needs the number of retirees, for every unit it covers.
 */
import type { Indicator } from "../model.ts";
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { defineRule } from "./finding.ts";

/** The first indicator that needs a unit's figure: where it is, and its name. */
interface Need {
  /** whose list it is in: the department's targets, a unit's targets (`owner` its position) or a project's */
  list: "targets" | "units" | "projects";
  owner: number;
  /** its position in that list */
  index: number;
  level3: string;
}

/** Where the indicator is, as the preparer knows it: 部门整体绩效目标第30项, 项目 313001-01 第2项 (Chinese, English). */
function indicatorPlace(ctx: RuleContext, n: Need): { zh: string; en: string } {
  const at = n.index + 1;
  switch (n.list) {
    case "targets":
      return { zh: `部门整体绩效指标第${at}项`, en: `the department's overall indicator ${at}` };
    case "units": {
      const code = ctx.budget.units[n.owner]!.code;
      return { zh: `单位 ${code} 整体绩效指标第${at}项`, en: `unit ${code}'s overall indicator ${at}` };
    }
    case "projects": {
      const code = ctx.budget.projects[n.owner]!.code;
      return { zh: `项目 ${code} 绩效指标第${at}项`, en: `project ${code}'s indicator ${at}` };
    }
  }
}

/**
 * For each unit (by position), the first indicator whose level3 has `word`, among those covering the unit: the
 * department's indicators cover every unit, a unit's its own, a project's its unit. A list by unit position,
 * so the units come out in order; an entry is made only at a unit's first such indicator.
 */
function unitsNeeding(ctx: RuleContext, word: string): (Need | undefined)[] {
  const b = ctx.budget;
  const needs: (Need | undefined)[] = new Array<Need | undefined>(b.units.length);
  const department = b.targets?.indicators ?? [];
  for (let j = 0; j < department.length; j++) {
    const ind = department[j]!;
    if (ind.level3.includes(word)) for (let ui = 0; ui < b.units.length; ui++) note(needs, ui, "targets", 0, j, ind);
  }
  for (let ui = 0; ui < b.units.length; ui++) {
    const own = b.units[ui]!.targets?.indicators ?? [];
    for (let j = 0; j < own.length; j++) if (own[j]!.level3.includes(word)) note(needs, ui, "units", ui, j, own[j]!);
  }
  for (let pi = 0; pi < b.projects.length; pi++) {
    const p = b.projects[pi]!;
    for (let j = 0; j < p.indicators.length; j++) if (p.indicators[j]!.level3.includes(word)) note(needs, ctx.unitIndex.get(p.unit), "projects", pi, j, p.indicators[j]!);
  }
  return needs;
}

/** Notes `ind` as what the unit needs its figure for, unless an earlier indicator is noted. */
function note(needs: (Need | undefined)[], unitIndex: number | undefined, list: Need["list"], owner: number, index: number, ind: Indicator): void {
  if (unitIndex !== undefined && !needs[unitIndex]) needs[unitIndex] = { list, owner, index, level3: ind.level3 };
}

export const staffMissing: Rule = defineRule(
  {
    id: "staffing.actual-missing",
    title: "人均指标缺少实有人数",
    description:
      "绩效指标中有“人均”指标（如人均公用经费变动率）时，须有相关单位的实有人数，否则该指标无法计算和评价。 / A per-person indicator (人均…, e.g. 人均公用经费变动率) needs the number of staff of the units it covers, or it cannot be computed or evaluated.",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const needs = unitsNeeding(ctx, "人均");
    for (let ui = 0; ui < needs.length; ui++) {
      const need = needs[ui];
      const u = ctx.budget.units[ui]!;
      if (!need || u.staffing.actual !== undefined) continue;
      out.push(
        emit({
          message: `单位 ${u.code}“${u.name}”未填实有人数，而${indicatorPlace(ctx, need).zh}“${need.level3}”按人均计算 / unit ${u.code} has no 实有人数 (staff number), which the per-person indicator "${need.level3}" (${indicatorPlace(ctx, need).en}) needs`,
          path: `units[${ui}].staffing.actual`,
        }),
      );
    }
    return out;
  },
);

export const retireesMissing: Rule = defineRule(
  {
    id: "staffing.retired-missing",
    title: "离退休指标缺少离退休人数",
    description:
      "绩效指标涉及离退休人员（如离退休人员经费变动率）时，须有相关单位的离退休人数。 / An indicator about retirees (离退休…, e.g. 离退休人员经费变动率) needs the number of retirees of the units it covers.",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const needs = unitsNeeding(ctx, "离退休");
    for (let ui = 0; ui < needs.length; ui++) {
      const need = needs[ui];
      const u = ctx.budget.units[ui]!;
      if (!need || u.staffing.retired !== undefined) continue;
      out.push(
        emit({
          message: `单位 ${u.code}“${u.name}”未填离退休人数，而${indicatorPlace(ctx, need).zh}“${need.level3}”涉及离退休人员 / unit ${u.code} has no 离退休人数 (number of retirees), which the indicator "${need.level3}" (${indicatorPlace(ctx, need).en}) needs`,
          path: `units[${ui}].staffing.retired`,
        }),
      );
    }
    return out;
  },
);

export const STAFFING_RULES: readonly Rule[] = [staffMissing, retireesMissing];
