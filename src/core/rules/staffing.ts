/**
 * 人员编制 — staffing figures the targets depend on: a per-person indicator (人均…) needs the number of
 * staff (实有人数), an indicator about 离退休 needs the number of retirees, for every unit it covers.
 */
import type { Indicator } from "../model.ts";
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { defineRule } from "./finding.ts";

interface Need {
  /** the first indicator (path and name) that needs the figure */
  indicatorPath: string;
  level3: string;
}

/** For each unit index: the first indicator whose level3 matches, among those covering the unit. */
function unitsNeeding(ctx: RuleContext, matches: (i: Indicator) => boolean): Map<number, Need> {
  const b = ctx.budget;
  const needs = new Map<number, Need>();
  const note = (unitIndex: number | undefined, need: Need) => {
    if (unitIndex !== undefined && !needs.has(unitIndex)) needs.set(unitIndex, need);
  };
  b.targets?.indicators.forEach((ind, j) => {
    if (matches(ind)) b.units.forEach((_, ui) => note(ui, { indicatorPath: `targets.indicators[${j}]`, level3: ind.level3 }));
  });
  b.units.forEach((u, ui) =>
    u.targets?.indicators.forEach((ind, j) => {
      if (matches(ind)) note(ui, { indicatorPath: `units[${ui}].targets.indicators[${j}]`, level3: ind.level3 });
    }),
  );
  b.projects.forEach((p, pi) =>
    p.indicators.forEach((ind, j) => {
      if (matches(ind)) note(ctx.unitIndex.get(p.unit), { indicatorPath: `projects[${pi}].indicators[${j}]`, level3: ind.level3 });
    }),
  );
  return new Map([...needs.entries()].sort(([a], [b]) => a - b));
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
    for (const [ui, need] of unitsNeeding(ctx, (i) => i.level3.includes("人均"))) {
      const u = ctx.budget.units[ui];
      if (!u || u.staffing.actual !== undefined) continue;
      out.push(
        emit({
          message: `单位 ${u.code} 未填实有人数，而指标“${need.level3}”（${need.indicatorPath}）按人均计算 / unit ${u.code} has no staff number (staffing.actual), which the per-person indicator "${need.level3}" (${need.indicatorPath}) needs`,
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
    for (const [ui, need] of unitsNeeding(ctx, (i) => i.level3.includes("离退休"))) {
      const u = ctx.budget.units[ui];
      if (!u || u.staffing.retired !== undefined) continue;
      out.push(
        emit({
          message: `单位 ${u.code} 未填离退休人数，而指标“${need.level3}”（${need.indicatorPath}）涉及离退休人员 / unit ${u.code} has no number of retirees (staffing.retired), which the indicator "${need.level3}" (${need.indicatorPath}) needs`,
          path: `units[${ui}].staffing.retired`,
        }),
      );
    }
    return out;
  },
);

export const STAFFING_RULES: readonly Rule[] = [staffMissing, retireesMissing];
