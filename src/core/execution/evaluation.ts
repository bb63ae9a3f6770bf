/**
 * 绩效自评 — the year-end self-evaluation: each indicator's target, actual, completion and score, for each
 * project and for the department. Scores are integer hundredths of a point.
 *
 * Projects (财预〔2020〕10号): 预算执行率 10, 产出 50, 效益 30, 满意度 10 by default. 成本 indicators are
 * scored inside 产出's weight unless a weight for 成本指标 is configured. Within a level the weight is
 * shared equally. Indicators that are 不适用 (and levels left empty) leave the score out of fewer points,
 * and the total is re-based to 100 — a department is not penalised for a base that does not exist.
 * The department uses its own 一级 levels, equally weighted unless configured.
 */
import type { Budget, Indicator } from "../model.ts";
import { type Percent, percentOf } from "../ratio.ts";
import { normaliseLevel1 } from "../targets.ts";
import { type Completion, DEFAULT_QUALITATIVE_CREDIT, completionOf, percentToDecimal } from "./completion.ts";
import { FORMULA_NAMES, type FormulaResult, departmentFormulas } from "./formulas.ts";
import type { Achievement, ActualValue, Execution, IndicatorActual } from "./model.ts";
import { type LineExecution, type Totals, sideBySide, totals } from "./side-by-side.ts";

/** The level that scores a project's 预算执行率. */
export const EXECUTION_LEVEL = "预算执行率";

/** 财预〔2020〕10号 default weights. */
export const DEFAULT_PROJECT_WEIGHTS: Readonly<Record<string, number>> = { [EXECUTION_LEVEL]: 10, 产出指标: 50, 效益指标: 30, 满意度指标: 10 };

export interface EvaluationOptions {
  /** project weights by 一级 level (and 预算执行率) */
  projectWeights?: Readonly<Record<string, number>>;
  /** department weights by its own 一级 level; equal when absent */
  departmentWeights?: Readonly<Record<string, number>>;
  qualitativeCredit?: Record<Achievement, number>;
}

/** 指标评价 — one indicator's row in the report. */
export interface IndicatorEvaluation {
  level1: string;
  level2: string;
  level3: string;
  targetText: string;
  completion: Completion;
  /** 分值 in hundredths of a point (0 when 不适用) */
  weight: number;
  /** 得分 in hundredths of a point */
  score: number;
  evidence?: string;
  reason?: string;
}

export interface ProjectEvaluation {
  code: string;
  name: string;
  unit: string;
  amounts: Totals;
  executionRate: Percent;
  indicators: IndicatorEvaluation[];
  /** 总分 in hundredths of a point, out of 100 */
  score: number;
  grade: Grade;
}

export interface DepartmentEvaluation {
  amounts: Totals;
  formulas: FormulaResult[];
  indicators: IndicatorEvaluation[];
  score: number;
  grade: Grade;
}

/** 评价等级 (财预〔2020〕10号): 优 ≥90, 良 80–90, 中 60–80, 差 <60. */
export type Grade = "优" | "良" | "中" | "差";

export function gradeOf(score: number): Grade {
  return score >= 9000 ? "优" : score >= 8000 ? "良" : score >= 6000 ? "中" : "差";
}

function strip(s: string): string {
  return s.replace(/[“”"'‘’\s]/g, "");
}

function findActual(actuals: readonly IndicatorActual[], project: string | undefined, ind: Indicator): IndicatorActual | undefined {
  return actuals.find((a) => a.project === project && strip(a.level3) === strip(ind.level3) && (a.level2 === undefined || a.level2 === ind.level2));
}

/** min(rate, 100%) as hundredths of a percent; 0 when 不适用 or not recorded. */
function capped(c: Completion): number {
  return c.rate.kind === "pct" ? Math.max(0, Math.min(10000, c.rate.hundredths)) : 0;
}

interface Scored {
  key: string;
  completion: Completion;
}

/**
 * Shares each level's weight among its applicable items and re-bases to 100. Returns per-item weight and
 * score (hundredths of a point, the weight rounded to the item) and the total.
 */
function score(items: readonly Scored[], weights: Readonly<Record<string, number>>): { weight: number[]; score: number[]; total: number } {
  const counts = new Map<string, number>();
  for (const it of items) if (it.completion.status !== "na" && it.completion.status !== "pending") counts.set(it.key, (counts.get(it.key) ?? 0) + 1);
  let applicable = 0;
  for (const k of counts.keys()) applicable += weights[k] ?? 0;
  const weight: number[] = [];
  const sc: number[] = [];
  let num = 0; // Σ weight_k × capped / n_k, in (points × 10000)
  for (const it of items) {
    const n = counts.get(it.key);
    const w = weights[it.key] ?? 0;
    if (!n || it.completion.status === "na" || it.completion.status === "pending" || applicable === 0) {
      weight.push(0);
      sc.push(0);
      continue;
    }
    const share = (w * 100 * 100) / (n * applicable); // hundredths of a point, re-based to 100
    weight.push(Math.round(share));
    const s = (share * capped(it.completion)) / 10000;
    sc.push(Math.round(s));
    num += s;
  }
  return { weight, score: sc, total: Math.round(num) };
}

function projectKey(level1: string, weights: Readonly<Record<string, number>>): string {
  const l = normaliseLevel1(level1);
  if (l === "成本指标" && weights["成本指标"] === undefined) return "产出指标";
  return l;
}

function formatTargetText(i: Indicator): string {
  const t = i.target;
  if (!t) return "";
  if (t.kind === "numeric") return `${t.comparator === "=" ? "" : t.comparator}${t.value}${t.unit}`;
  return t.text;
}

function evaluateIndicators(indicators: readonly Indicator[], actuals: readonly IndicatorActual[], project: string | undefined, exec: Execution, credit: Record<Achievement, number>, fill?: (i: Indicator) => ActualValue | undefined) {
  return indicators.map((ind) => {
    const rec = findActual(actuals, project, ind);
    const value = rec?.value ?? fill?.(ind);
    const completion = completionOf(ind, value, exec.asOf, credit);
    return { ind, rec, completion };
  });
}

function toRow(ind: Indicator, completion: Completion, weight: number, sc: number, rec?: IndicatorActual): IndicatorEvaluation {
  const row: IndicatorEvaluation = { level1: ind.level1, level2: ind.level2, level3: ind.level3, targetText: formatTargetText(ind), completion, weight, score: sc };
  if (rec?.evidence) row.evidence = rec.evidence;
  if (rec?.reason) row.reason = rec.reason;
  return row;
}

/** Every project's self-evaluation, in the budget's order. */
export function evaluateProjects(budget: Budget, exec: Execution, options: EvaluationOptions = {}, lines: readonly LineExecution[] = sideBySide(budget, exec)): ProjectEvaluation[] {
  const weights = options.projectWeights ?? DEFAULT_PROJECT_WEIGHTS;
  const credit = options.qualitativeCredit ?? DEFAULT_QUALITATIVE_CREDIT;
  return budget.projects.map((p) => {
    const amounts = totals(lines, (l) => l.project === p.code);
    const executionRate = percentOf(amounts.executed, amounts.adjusted);
    const execCompletion: Completion = {
      status: executionRate.kind === "na" ? "na" : executionRate.hundredths >= 10000 ? "met" : "partly",
      rate: executionRate,
      actualText: executionRate.kind === "na" ? "不适用" : `${percentToDecimal(executionRate)}%`,
    };
    const evaluated = evaluateIndicators(p.indicators, exec.actuals, p.code, exec, credit);
    const items: Scored[] = [{ key: EXECUTION_LEVEL, completion: execCompletion }, ...evaluated.map((e) => ({ key: projectKey(e.ind.level1, weights), completion: e.completion }))];
    const s = score(items, weights);
    const execRow: IndicatorEvaluation = { level1: EXECUTION_LEVEL, level2: "", level3: EXECUTION_LEVEL, targetText: "100%", completion: execCompletion, weight: s.weight[0]!, score: s.score[0]! };
    const rows = [execRow, ...evaluated.map((e, i) => toRow(e.ind, e.completion, s.weight[i + 1]!, s.score[i + 1]!, e.rec))];
    return { code: p.code, name: p.name, unit: p.unit, amounts, executionRate, indicators: rows, score: s.total, grade: gradeOf(s.total) };
  });
}

/** The department's evaluation: the formulas, then its own indicators, formula-named ones filled from the formulas. */
export function evaluateDepartment(budget: Budget, exec: Execution, options: EvaluationOptions = {}, lines: readonly LineExecution[] = sideBySide(budget, exec)): DepartmentEvaluation {
  const credit = options.qualitativeCredit ?? DEFAULT_QUALITATIVE_CREDIT;
  const formulas = departmentFormulas(budget, exec, lines);
  const byName = new Map(formulas.map((f) => [strip(f.name), f]));
  const fill = (i: Indicator): ActualValue | undefined => {
    const name = strip(i.level3);
    const f = byName.get(name) ?? formulas.find((x) => name.endsWith(strip(x.name)));
    if (!f) return undefined;
    return f.value.kind === "na" ? { kind: "not-applicable", reason: `${f.denominator}，基数为零或未提供` } : { kind: "numeric", value: percentToDecimal(f.value) };
  };
  const indicators = budget.targets?.indicators ?? [];
  const evaluated = evaluateIndicators(indicators, exec.actuals, undefined, exec, credit, fill);
  const levels = [...new Set(indicators.map((i) => i.level1))];
  const weights = options.departmentWeights ?? Object.fromEntries(levels.map((l) => [l, 100 / levels.length]));
  const s = score(evaluated.map((e) => ({ key: e.ind.level1, completion: e.completion })), weights);
  const rows = evaluated.map((e, i) => toRow(e.ind, e.completion, s.weight[i]!, s.score[i]!, e.rec));
  return { amounts: totals(lines), formulas, indicators: rows, score: s.total, grade: gradeOf(s.total) };
}

/** Names of the formulas, for lookups by indicator name. */
export const FORMULA_INDICATORS = Object.values(FORMULA_NAMES);
