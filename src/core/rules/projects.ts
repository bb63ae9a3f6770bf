/**
 * 预算项目 — projects and the lines that fund them: every project line names a known project of its own
 * unit, basic lines name none, project codes are unique, well-formed and distinct from unit codes, and every
 * project has money. Table 13 and 项目支出 are both sums of these lines, so they agree once these hold.
 */
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { isFunctionalCode } from "./codes.ts";
import { countNote, findingsOf, groupBy, isBlank, shared } from "./helpers.ts";
import { lineIndex } from "./line-index.ts";

/** A project code: letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters. */
export const PROJECT_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;

export const lineMissingProject: Rule = defineRule(
  {
    id: "project.line-missing-code",
    title: "项目支出未填项目编码",
    description:
      "每笔项目支出都须属于一个预算项目（项目库管理），否则无法列入项目绩效目标表（表13），也无法核对项目支出合计。 / Every project expenditure line must belong to a budget project (project library management); otherwise it cannot appear in table 13 nor be reconciled with 项目支出.",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const i of projectLineScan(ctx).withoutCode) {
      const l = ctx.budget.lineItems[i]!;
      out.push(
        emit({
          message: `项目支出未填项目编码（${l.unit} ${l.functional} ${l.economic}） / project line without a project code (${l.unit} ${l.functional} ${l.economic})`,
          path: `lineItems[${i}].project`,
        }),
      );
    }
    return out;
  },
);

export const unknownProject: Rule = defineRule(
  {
    id: "project.unknown",
    title: "项目编码不在项目清单中",
    description:
      "项目支出、政府采购和整体绩效目标任务所引用的项目编码须在项目清单中，否则金额无法归入项目、任务资金无法计算。 / A project code used by a project line, a procurement row or a task of the overall targets must be in the project list; otherwise its money belongs to no project and the task's funds cannot be computed.",
    severity: "error",
  },
  (ctx, emit) => {
    const b = ctx.budget;
    // only the places of unknown codes get a path (almost every place names a listed project)
    const places: { code: string; path: string }[] = [];
    const unknown = (code: string) => !ctx.projectIndex.has(code);
    for (const i of projectLineScan(ctx).unknownCode) places.push({ code: b.lineItems[i]!.project ?? "", path: `lineItems[${i}].project` });
    b.procurement.forEach((p, i) => {
      const code = p.project ?? "";
      if (!isBlank(p.project) && unknown(code)) places.push({ code, path: `procurement[${i}].project` });
    });
    const taskPlaces = (prefix: string, tasks: readonly { funds: { kind: string; codes?: string[] } }[] | undefined) =>
      tasks?.forEach((t, i) =>
        t.funds.codes?.forEach((code, j) => {
          if (unknown(code)) places.push({ code, path: `${prefix}.tasks[${i}].funds.codes[${j}]` });
        }),
      );
    taskPlaces("targets", b.targets?.tasks);
    b.units.forEach((u, i) => taskPlaces(`units[${i}].targets`, u.targets?.tasks));
    const out: Finding[] = [];
    for (const [code, occ] of groupBy(places, (p) => p.code)) {
      const n = countNote(occ.length);
      out.push(
        emit({
          message: `项目编码“${code}”不在项目清单中${n.zh} / project code "${code}" is not in the project list${n.en}`,
          path: occ[0]?.path,
          actual: code,
        }),
      );
    }
    return out;
  },
);

export const basicWithProject: Rule = defineRule(
  {
    id: "project.basic-with-code",
    title: "基本支出填了项目编码",
    description:
      "基本支出与项目支出须分开编列；填了项目编码的基本支出会被误认为项目资金。 / Basic and project expenditure are shown separately; a basic line carrying a project code is mistaken for project money.",
    basis: "《中华人民共和国预算法实施条例》第六条",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const i of projectLineScan(ctx).basicWithCode) {
      const l = ctx.budget.lineItems[i]!;
      out.push(
        emit({
          message: `基本支出填了项目编码 ${l.project ?? ""}：应改为项目支出，或删去项目编码 / basic line carries project code ${l.project ?? ""}: make it a project line or remove the code`,
          path: `lineItems[${i}].project`,
          actual: l.project,
        }),
      );
    }
    return out;
  },
);

export const reserveWithProject: Rule = defineRule(
  {
    id: "project.reserve-with-code",
    title: "单位预留机动经费填了项目编码",
    description:
      "单位预留机动经费是年初预留、执行中才安排用途的经费，不属于任何项目；填了项目编码会被误认为项目资金。 / A unit's reserve (单位预留机动经费) is kept for needs not yet known and belongs to no project; a reserve line carrying a project code is mistaken for project money.",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const i of projectLineScan(ctx).reserveWithCode) {
      const l = ctx.budget.lineItems[i]!;
      out.push(
        emit({
          message: `单位预留机动经费填了项目编码 ${l.project ?? ""}：应改为项目支出，或删去项目编码 / reserve line (单位预留机动经费) carries project code ${l.project ?? ""}: make it a project line or remove the code`,
          path: `lineItems[${i}].project`,
          actual: l.project,
        }),
      );
    }
    return out;
  },
);

export const projectUnitMismatch: Rule = defineRule(
  {
    id: "project.unit-mismatch",
    title: "项目支出的单位与项目所属单位不一致",
    description:
      "项目属于一个预算单位，其支出明细须由同一单位编列；否则单位预算与项目绩效目标表不一致。 / A project belongs to one unit, and its lines must be that unit's; otherwise the unit's budget and table 13 disagree.",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const i of projectLineScan(ctx).otherUnit) {
      const l = ctx.budget.lineItems[i]!;
      const p = ctx.budget.projects[ctx.projectIndex.get(l.project ?? "")!]!;
      out.push(
        emit({
          message: `项目 ${p.code} 属于单位 ${p.unit}，但该支出明细的单位为 ${l.unit} / project ${p.code} belongs to unit ${p.unit} but this line is unit ${l.unit}'s`,
          path: `lineItems[${i}].unit`,
          expected: p.unit,
          actual: l.unit,
        }),
      );
    }
    return out;
  },
);

export const projectWithoutLines: Rule = defineRule(
  {
    id: "project.no-lines",
    title: "项目没有支出明细",
    description:
      "项目清单中的项目没有任何项目支出明细，金额为 0：或漏填了支出，或应删除该项目。 / A listed project has no project lines, so its amount is zero: either its lines are missing or the project should be removed.",
    severity: "warning",
  },
  (ctx, emit) => {
    const codesOf = projectLineScan(ctx).functionalByProject;
    const out: Finding[] = [];
    const projects = ctx.budget.projects;
    for (let i = 0; i < projects.length; i++) {
      const p = projects[i]!;
      if (codesOf[ctx.projectIndex.get(p.code)!]) continue;
      out.push(
        emit({
          message: `项目 ${p.code}“${p.name}”没有项目支出明细 / project ${p.code} "${p.name}" has no project lines`,
          path: `projects[${i}].code`,
          actual: p.code,
        }),
      );
    }
    return out;
  },
);

export const duplicateProject: Rule = defineRule(
  {
    id: "project.duplicate-code",
    title: "项目编码重复",
    description:
      "项目编码在部门预算内须唯一，否则支出明细无法确定属于哪个项目。 / Project codes must be unique within the budget, or lines cannot be attributed to a project.",
    severity: "error",
  },
  (ctx, emit) =>
    findingsOf(ctx.budget.projects, (p, i) => {
      const first = ctx.projectIndex.get(p.code);
      if (first === undefined || first === i) return undefined;
      return emit({
        message: `项目编码 ${p.code} 与第 ${first + 1} 个项目重复 / project code ${p.code} repeats project #${first + 1}`,
        path: `projects[${i}].code`,
        actual: p.code,
      });
    }),
);

export const malformedProjectCode: Rule = defineRule(
  {
    id: "project.malformed-code",
    title: "项目编码格式错误",
    description:
      "项目编码须非空，只含字母、数字和“-”“_”“.”，不含空格或中文，长度不超过 64 位（如 313001-1，或一体化系统的长数字编码）。 / A project code must be non-empty and hold only letters, digits, '-', '_' and '.', no spaces or Chinese, at most 64 characters (313001-1, or the long numeric codes of the integrated budget system).",
    severity: "error",
  },
  (ctx, emit) =>
    findingsOf(ctx.budget.projects, (p, i) =>
      PROJECT_CODE.test(p.code)
        ? undefined
        : emit({
            message: `项目编码“${p.code}”格式错误 / malformed project code "${p.code}"`,
            path: `projects[${i}].code`,
            expected: "字母、数字、-、_、.（最多64位） / letters, digits, - _ . (≤ 64)",
            actual: p.code,
          }),
    ),
);

export const projectCodedLikeUnit: Rule = defineRule(
  {
    id: "project.coded-like-unit",
    title: "项目编码与单位代码相同",
    description:
      "项目编码与单位（或部门）代码相同时，表13中项目行与单位行无法区分（样本把“社区换届经费”印成单位代码 313001）。 / A project coded exactly like a unit (or the department) cannot be told apart from the unit's row in table 13 (the sample printed 社区换届经费 with its unit's code 313001).",
    severity: "error",
  },
  (ctx, emit) =>
    findingsOf(ctx.budget.projects, (p, i) => {
      const isUnit = ctx.unitIndex.has(p.code);
      if (!isUnit && p.code !== ctx.budget.department.code) return undefined;
      return emit({
        message: `项目“${p.name}”的编码 ${p.code} 与${isUnit ? "单位" : "部门"}代码相同 / project "${p.name}" is coded ${p.code}, the code of a ${isUnit ? "unit" : "department"}`,
        path: `projects[${i}].code`,
        actual: p.code,
      });
    }),
);

export const projectFunctionalMismatch: Rule = defineRule(
  {
    id: "project.functional-mismatch",
    title: "项目的功能科目不在其支出明细中",
    description:
      "项目所填的主功能分类科目应是其支出明细所用的科目之一，否则项目表与支出表的功能科目不一致。 / A project's functional code should be one its lines use; otherwise the project list and the expenditure tables disagree on its function.",
    severity: "warning",
  },
  (ctx, emit) => {
    const codesOf = projectLineScan(ctx).functionalByProject;
    const functional = lineIndex(ctx).functional;
    const out: Finding[] = [];
    const projects = ctx.budget.projects;
    for (let i = 0; i < projects.length; i++) {
      const p = projects[i]!;
      const used = codesOf[ctx.projectIndex.get(p.code)!];
      if (p.functional === undefined || !used || !isFunctionalCode(p.functional)) continue;
      const id = functional.ids.get(p.functional);
      if (id !== undefined && used.includes(id)) continue;
      const list = [...new Set(used.map((u) => functional.codes[u]!))].sort().join("、");
      out.push(
        emit({
          message: `项目 ${p.code} 的功能科目 ${p.functional} 不在其支出明细所用科目（${list}）中 / project ${p.code}'s functional code ${p.functional} is not among its lines' codes (${list})`,
          path: `projects[${i}].functional`,
          expected: list,
          actual: p.functional,
        }),
      );
    }
    return out;
  },
);

/** Lines the line-level project rules report, by position, each list in line order; and what funds each project. */
interface ProjectLineScan {
  /** project lines with no (or a blank) project code */
  withoutCode: number[];
  /** 单位预留机动经费 lines with a project code */
  reserveWithCode: number[];
  /** basic lines with a project code */
  basicWithCode: number[];
  /** project lines naming a code the project list lacks */
  unknownCode: number[];
  /** project lines naming a listed project of another unit */
  otherUnit: number[];
  /**
   * By the position of each project code's first project (`ctx.projectIndex`): the functional codes of the
   * project lines naming it, by their numbers in the line index (line-index.ts), one per line (a code may
   * repeat: a list costs less than a set for the few lines a project has, and is read once); undefined for a
   * project without lines (project.no-lines, project.functional-mismatch)
   */
  functionalByProject: (number[] | undefined)[];
}

/** One pass over the lines for the project rules that read lines; once per context. */
function projectLineScan(ctx: RuleContext): ProjectLineScan {
  return shared(ctx, scanProjectLines);
}

function scanProjectLines(ctx: RuleContext): ProjectLineScan {
  const { lineItems, projects } = ctx.budget;
  const functionalId = lineIndex(ctx).functionalId;
  const scan: ProjectLineScan = { withoutCode: [], basicWithCode: [], reserveWithCode: [], unknownCode: [], otherUnit: [], functionalByProject: new Array(projects.length) };
  for (let i = 0; i < lineItems.length; i++) {
    const l = lineItems[i]!;
    const blank = isBlank(l.project);
    if (l.nature === "basic") {
      if (!blank) scan.basicWithCode.push(i);
    } else if (l.nature === "reserve") {
      if (!blank) scan.reserveWithCode.push(i);
    } else if (l.nature === "project") {
      // a code written, even a blank one, funds the project of that code
      const pi = l.project === undefined ? undefined : ctx.projectIndex.get(l.project);
      if (pi !== undefined) (scan.functionalByProject[pi] ??= []).push(functionalId[i]!);
      if (blank) scan.withoutCode.push(i);
      else if (pi === undefined) scan.unknownCode.push(i);
      else if (projects[pi]!.unit !== l.unit) scan.otherUnit.push(i);
    }
  }
  return scan;
}

export const PROJECT_RULES: readonly Rule[] = [
  lineMissingProject,
  unknownProject,
  basicWithProject,
  reserveWithProject,
  projectUnitMismatch,
  projectWithoutLines,
  duplicateProject,
  malformedProjectCode,
  projectCodedLikeUnit,
  projectFunctionalMismatch,
];
