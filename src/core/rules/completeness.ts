/**
 * 公开内容完整性 — parts of the disclosure that must be published and come only from data people enter:
 * 国有资产占用情况 (vehicles, large equipment) for the department and, in a multi-unit department, each unit.
 */
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";

export const assetsMissing: Rule = defineRule(
  {
    id: "assets.missing",
    title: "未提供国有资产占用情况",
    description:
      "部门预算公开须说明国有资产占用情况（车辆、单价50万元以上通用设备、单位价值100万元以上专用设备）；没有数据时情况说明只能写“未提供”。多单位部门的每个单位公开单位预算时也须有自己的数据。 / The disclosure must state the state-owned assets held (vehicles, general equipment over 500 000 元, special equipment over 1 000 000 元); without the data the narrative can only say none was given. In a multi-unit department each unit's own disclosure needs its own.",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    if (!ctx.budget.assets) out.push(emit({ message: "未提供部门国有资产占用情况 / the department's state-owned assets are not given", path: "assets" }));
    if (ctx.budget.units.length > 1) {
      ctx.budget.units.forEach((u, i) => {
        if (!u.assets) {
          out.push(
            emit({
              message: `单位 ${u.code}“${u.name}”未提供国有资产占用情况 / unit ${u.code} "${u.name}": state-owned assets not given`,
              path: `units[${i}].assets`,
            }),
          );
        }
      });
    }
    return out;
  },
);

export const COMPLETENESS_RULES: readonly Rule[] = [assetsMissing];
