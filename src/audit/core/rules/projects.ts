/**
 * 项目 — table 13's projects against 项目支出 (tables 1 and 3), project codes (unique, never a unit's own
 * code), and table 12's main tasks 基本支出 / 项目支出 against table 1.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellFact, sumFact } from "../figures.ts";
import { cellLocation } from "../interpret/where.ts";
import type { AmountCell } from "../semantic.ts";
import { compareFacts } from "./cross.ts";
import { projects } from "./resolve.ts";

export const projectTotal: DocumentRule = defineRule<DocumentContext>(
  {
    id: "project.total",
    title: "项目绩效目标表的项目资金合计与项目支出不符",
    description: "表13 各项目资金总额之和应等于表1 的项目支出。容差：各印刷数分别四舍五入，n 个项目之和允许 (n+1)×0.005 万元，在此范围内为提示。 / The projects of table 13 add up to table 1's project expenditure; within (n+1)×0.005 万元 for n projects it is an info note.",
    severity: "error",
    severityNote: "在舍入范围内为提示。 / Info within rounding.",
  },
  (ctx, emit) => {
    const t = ctx.tables.projectTargets;
    const cells = projects(ctx).map((p) => p.total).filter((c): c is AmountCell => !!c);
    if (!t || cells.length === 0) return [];
    return compareFacts(emit, sumFact(ctx.tables, cells, `${cells.length} 个项目资金总额之和`, t.info), ctx.figures.project, "项目资金 / project funds");
  },
);

export const projectCode: DocumentRule = defineRule<DocumentContext>(
  {
    id: "project.code",
    title: "项目编码与单位编码相同或重复",
    description: "项目编码应唯一，且不同于单位编码（如“313001 社区换届经费”与其单位编码 313001 相同，应编为 313001-N）。 / Project codes are unique and differ from unit codes (a project coded 313001 like its unit should be 313001-N).",
    severity: "error",
  },
  (ctx, emit) => {
    const t = ctx.tables.projectTargets;
    if (!t) return [];
    const units = new Set([...ctx.tables.units.keys(), ...t.entries.filter((e) => e.kind !== "project").map((e) => e.code)]);
    const out: Finding[] = [];
    const seen = new Map<string, string>();
    for (const p of projects(ctx)) {
      if (units.has(p.code)) out.push(emit({ message: `${t.info.label} 项目“${p.name}”的编码 ${p.code} 与单位编码相同 / project "${p.name}" is coded ${p.code}, like its unit`, location: cellLocation(t.info, p.row, 0), actual: p.code }));
      else if (seen.has(p.code)) out.push(emit({ message: `${t.info.label} 项目编码 ${p.code} 重复（“${seen.get(p.code)}”与“${p.name}”） / project code ${p.code} is used twice`, location: cellLocation(t.info, p.row, 0), actual: p.code }));
      if (p.code) seen.set(p.code, p.name);
    }
    return out;
  },
);

export const projectTasks: DocumentRule = defineRule<DocumentContext>(
  {
    id: "project.tasks",
    title: "整体绩效目标表的任务资金与收支总表不符",
    description: "表12 年度主要任务中“基本支出”“项目支出”的预算资金应等于表1 的基本支出、项目支出。 / Table 12's tasks 基本支出 and 项目支出 carry table 1's basic and project expenditure.",
    severity: "error",
    severityNote: "在舍入范围内为提示。 / Info within rounding.",
  },
  (ctx, emit) => {
    const t = ctx.tables.departmentTargets;
    if (!t) return [];
    const out: Finding[] = [];
    for (const task of t.tasks) {
      const which = task.name === "基本支出" ? ctx.figures.basic : task.name === "项目支出" ? ctx.figures.project : undefined;
      if (task.total) out.push(...compareFacts(emit, cellFact(ctx.tables, task.total, `任务“${task.name}”预算资金`), which, `${task.name} / ${task.name === "基本支出" ? "basic" : "project"}`));
    }
    return out;
  },
);

export const PROJECT_RULES: readonly DocumentRule[] = [projectTotal, projectCode, projectTasks];
