/**
 * 绩效自评报告 — the year-end self-evaluation as a document: report data (evaluation.ts) → neutral tables
 * (DisclosureTable) and a short narrative → the publication renderers (HTML, XLSX, PDF, JSON), as the
 * disclosure is drawn. Amounts stay exact 分 in the tables; percentages are text as computed.
 */
import { chineseNumber } from "../catalog.ts";
import type { Disclosure } from "../disclosure.ts";
import { computeFigures } from "../derive/figures.ts";
import { departmentScope } from "../derive/scope.ts";
import type { Budget } from "../model.ts";
import { type Fen, formatHundredths, wanYuanText } from "../money.ts";
import type { Narrative, NarrativeSection } from "../narrative/narrative.ts";
import { formatPercent, percentOf } from "../ratio.ts";
import type { Column, DisclosureTable, Row } from "../table.ts";
import { COMPLETION_STATUS_NAMES } from "./completion.ts";
import { type DepartmentEvaluation, type EvaluationOptions, type IndicatorEvaluation, type ProjectEvaluation, evaluateDepartment, evaluateProjects } from "./evaluation.ts";
import type { Execution, LineRef } from "./model.ts";
import { isEffective, type LineExecution, sideBySide, totals } from "./side-by-side.ts";

/** 自评报告数据 — everything the report shows, computed once. */
export interface EvaluationReport {
  year: number;
  department: { code: string; name: string };
  asOf: string;
  lines: LineExecution[];
  overall: DepartmentEvaluation;
  projects: ProjectEvaluation[];
}

export function evaluationReport(budget: Budget, exec: Execution, options: EvaluationOptions = {}): EvaluationReport {
  const lines = sideBySide(budget, exec);
  return {
    year: budget.year,
    department: { code: budget.department.code, name: budget.department.name },
    asOf: exec.asOf,
    lines,
    overall: evaluateDepartment(budget, exec, options, lines),
    projects: evaluateProjects(budget, exec, options, lines),
  };
}

/** Points in hundredths as "96.52". */
export function formatPoints(h: number): string {
  return formatHundredths(h);
}

function table(id: string, number: number, title: string, unitName: string, columns: [string, Column["kind"], number][], rows: Row[], note?: string): DisclosureTable {
  const t: DisclosureTable = {
    id,
    number,
    contentsPrefix: `${chineseNumber(number)}、`,
    title,
    unitNameLabel: "单位名称",
    unitName,
    unit: "万元",
    columns: columns.map(([, kind, width], i) => ({ key: `c${i}`, kind, width })),
    header: [columns.map(([text]) => ({ text }))],
    rows,
    merges: [],
    empty: rows.length === 0,
  };
  if (note) t.note = note;
  return t;
}

function amountRow(label: string, kind: Row["kind"], t: { original: Fen; adjusted: Fen; executed: Fen; carryOver: Fen }): Row {
  return { kind, cells: [label, t.original, t.adjusted, t.executed, t.carryOver, formatPercent(percentOf(t.executed, t.adjusted))] };
}

function place(r: LineRef | undefined): string {
  if (!r) return "";
  return `${r.unit} ${r.functional} ${r.economic}${r.project ? ` ${r.project}` : ""}`;
}

function indicatorRows(rows: readonly IndicatorEvaluation[]): Row[] {
  return rows.map((i) => ({
    kind: "detail",
    cells: [i.level1, i.level2, i.level3, i.targetText, i.completion.actualText, formatPercent(i.completion.rate), COMPLETION_STATUS_NAMES[i.completion.status], formatPoints(i.weight), formatPoints(i.score), [i.reason, i.evidence ? `佐证：${i.evidence}` : ""].filter(Boolean).join("；")],
  }));
}

const INDICATOR_COLUMNS: [string, Column["kind"], number][] = [
  ["一级指标", "text", 8],
  ["二级指标", "text", 10],
  ["三级指标", "text", 16],
  ["指标值", "text", 10],
  ["实际完成值", "text", 12],
  ["完成率", "text", 8],
  ["完成情况", "text", 6],
  ["分值", "text", 6],
  ["得分", "text", 6],
  ["偏差原因及佐证", "text", 20],
];

/** The report's tables: execution side by side, adjustments, the formulas, the department's and each project's evaluation. */
export function evaluationTables(budget: Budget, exec: Execution, r: EvaluationReport): DisclosureTable[] {
  const name = budget.department.name;
  const y = budget.year;
  const amountCols: [string, Column["kind"], number][] = [
    ["项目", "text", 24],
    ["年初预算", "money", 12],
    ["调整后预算", "money", 12],
    ["执行数", "money", 12],
    ["结转结余", "money", 12],
    ["执行率", "text", 8],
  ];
  const t1: Row[] = [amountRow("合计", "total", totals(r.lines))];
  for (const u of budget.units) {
    t1.push(amountRow(u.name, "unit", totals(r.lines, (l) => l.unit === u.code)));
    t1.push(amountRow("  基本支出", "subtotal", totals(r.lines, (l) => l.unit === u.code && l.project === undefined)));
    t1.push(amountRow("  项目支出", "subtotal", totals(r.lines, (l) => l.unit === u.code && l.project !== undefined)));
    for (const p of r.projects.filter((p) => p.unit === u.code)) t1.push(amountRow(`    ${p.name}`, "detail", p.amounts));
  }
  const byCode = (key: (l: LineExecution) => string): Row[] => {
    const codes = [...new Set(r.lines.map(key))].sort();
    return [amountRow("合计", "total", totals(r.lines)), ...codes.map((c) => amountRow(c, "detail", totals(r.lines, (l) => key(l) === c)))];
  };
  const adj = exec.adjustments.map<Row>((a) => ({
    kind: "detail",
    cells: [a.id, a.kind, place(a.from), place(a.to), a.amount, a.reason, a.approval ? `${a.approval.document}（${a.approval.date}）` : "未批准", isEffective(a, exec.asOf) ? "已计入" : "未计入"],
  }));
  const formulas = r.overall.formulas.map<Row>((f) => ({
    kind: "detail",
    cells: [f.name, formatPercent(f.value), f.numerator, f.denominator, exec.reasons?.[f.id] ?? ""],
  }));
  const summary = r.projects.map<Row>((p) => ({ kind: "detail", cells: [p.code, p.name, p.amounts.adjusted, p.amounts.executed, formatPercent(p.executionRate), formatPoints(p.score), p.grade] }));
  const tables: DisclosureTable[] = [
    table("e01", 1, `${y}年度预算执行情况表`, name, amountCols, t1, `年初预算为公开的${y}年部门预算，不因调整而改变；数据截至${exec.asOf}。`),
    table("e02", 2, `${y}年度预算执行情况表（按支出功能分类科目）`, name, [["功能分类科目编码", "code", 16], ...amountCols.slice(1)], byCode((l) => l.functional)),
    table("e03", 3, `${y}年度预算执行情况表（按支出经济分类科目）`, name, [["经济分类科目编码（款）", "code", 16], ...amountCols.slice(1)], byCode((l) => l.economic.slice(0, 5))),
    table(
      "e04",
      4,
      `${y}年度预算调整情况表`,
      name,
      [
        ["编号", "code", 6],
        ["类型", "text", 6],
        ["调出（单位 功能 经济 项目）", "text", 20],
        ["调入（单位 功能 经济 项目）", "text", 20],
        ["金额", "money", 12],
        ["原因", "text", 16],
        ["批准文号", "text", 16],
        ["状态", "text", 6],
      ],
      adj,
      adj.length ? undefined : `本部门${y}年度无预算调整。`,
    ),
    table(
      "e05",
      5,
      `${y}年度部门整体绩效计算指标表`,
      name,
      [
        ["指标", "text", 14],
        ["计算值", "text", 8],
        ["分子", "text", 24],
        ["分母", "text", 24],
        ["偏差原因", "text", 16],
      ],
      formulas,
      "基数为零或上年数未提供的指标为“不适用”。",
    ),
    table("e06", 6, `${y}年度部门整体绩效自评表`, name, INDICATOR_COLUMNS, [...indicatorRows(r.overall.indicators), { kind: "total", cells: ["总分", "", "", "", "", "", "", "100.00", formatPoints(r.overall.score), `等级：${r.overall.grade}`] }]),
    table(
      "e07",
      7,
      `${y}年度项目绩效自评得分汇总表`,
      name,
      [
        ["项目编码", "code", 10],
        ["项目名称", "text", 20],
        ["调整后预算", "money", 12],
        ["执行数", "money", 12],
        ["执行率", "text", 8],
        ["自评得分", "text", 8],
        ["等级", "text", 4],
      ],
      summary,
    ),
  ];
  r.projects.forEach((p, i) => {
    const rows = [...indicatorRows(p.indicators), { kind: "total" as const, cells: ["总分", "", "", "", "", "", "", "100.00", formatPoints(p.score), `等级：${p.grade}`] }];
    const note = `项目编码 ${p.code}；年初预算、调整后预算、执行数见表一；执行率 ${formatPercent(p.executionRate)}。`;
    tables.push(table(`e${String(8 + i).padStart(2, "0")}`, 8 + i, `${y}年度项目绩效自评表（${p.name}）`, name, INDICATOR_COLUMNS, rows, note));
  });
  return tables;
}

function deviations(r: EvaluationReport): string[] {
  const out: string[] = [];
  for (const p of r.projects) {
    for (const i of p.indicators) {
      if (i.completion.status === "met" || i.completion.status === "na") continue;
      out.push(`${p.name}“${i.level3}”目标${i.targetText}，实际${i.completion.actualText || "未填报"}（${COMPLETION_STATUS_NAMES[i.completion.status]}）${i.reason ? `，原因：${i.reason}` : "，未说明原因"}。`);
    }
  }
  for (const i of r.overall.indicators) {
    if (i.completion.status === "met" || i.completion.status === "na") continue;
    out.push(`部门整体“${i.level3}”目标${i.targetText}，实际${i.completion.actualText || "未填报"}（${COMPLETION_STATUS_NAMES[i.completion.status]}）${i.reason ? `，原因：${i.reason}` : "，未说明原因"}。`);
  }
  return out;
}

/** The report as a document the publication renderers draw. */
export function evaluationDocument(budget: Budget, exec: Execution, options: EvaluationOptions = {}): Disclosure {
  const r = evaluationReport(budget, exec, options);
  const all = totals(r.lines);
  const exRate = r.overall.formulas.find((f) => f.id === "execution-rate")!;
  const adRate = r.overall.formulas.find((f) => f.id === "adjustment-rate")!;
  const effective = exec.adjustments.filter((a) => isEffective(a, exec.asOf));
  const sections: NarrativeSection[] = [
    {
      id: "e-overview",
      title: "一、总体情况",
      paragraphs: [
        `${budget.department.name}${r.year}年度部门整体绩效自评得分${formatPoints(r.overall.score)}分，等级为“${r.overall.grade}”；${r.projects.length}个项目的自评得分为${r.projects.map((p) => `${p.name}${formatPoints(p.score)}分`).join("，")}。`,
      ],
    },
    {
      id: "e-execution",
      title: "二、预算执行情况",
      paragraphs: [
        `${r.year}年年初预算${wanYuanText(all.original)}，调整后预算${wanYuanText(all.adjusted)}，执行数${wanYuanText(all.executed)}，预算执行率${formatPercent(exRate.value)}，年末结转结余${wanYuanText(all.carryOver)}。`,
        effective.length
          ? `年度内经批准调整预算${effective.length}笔，预算调整率${formatPercent(adRate.value)}：${effective.map((a) => `${a.kind}${wanYuanText(a.amount)}（${a.reason}，${a.approval!.document}）`).join("；")}。`
          : "年度内未调整预算。",
      ],
    },
    { id: "e-deviations", title: "三、偏差及原因", paragraphs: deviations(r).length ? deviations(r) : ["各项绩效指标均已完成。"] },
  ];
  const narrative: Narrative = { parts: [{ id: "part1", title: "第一部分 绩效自评情况说明", sections }] };
  const scope = departmentScope(budget);
  const d: Disclosure = {
    layout: "henan13",
    year: r.year,
    scope: { kind: "department", code: budget.department.code, name: budget.department.name },
    department: { code: budget.department.code, name: budget.department.name },
    title: `${budget.department.name}${r.year}年度绩效自评报告`,
    kind: { cover: `${r.year}年度部门绩效自评报告`, attachments: `${r.year}年度绩效自评表` },
    tables: evaluationTables(budget, exec, r),
    narrative,
    figures: computeFigures(scope),
  };
  if (budget.date) d.date = exec.asOf.slice(0, 7);
  return d;
}
