/**
 * 执行监控规则 — 双监控 during the year and checks of the year-end data, on the rule engine's shape
 * (defineRule, Finding, runRuleList). They see the budget with its execution, so they live in their own
 * list, EXECUTION_RULES, run by `runExecutionRules` — not in ALL_RULES, which checks budgets alone.
 */
import { COMPLETION_STATUS_NAMES, completionOf } from "../execution/completion.ts";
import { type Execution, type LineRef, lineKey } from "../execution/model.ts";
import { type SpendingProgress, spendingProgress, timeProgress } from "../execution/progress.ts";
import { type LineExecution, sideBySide } from "../execution/side-by-side.ts";
import type { Budget } from "../model.ts";
import { formatYuan } from "../money.ts";
import { formatPercent, percentFromHundredths } from "../ratio.ts";
import { runRuleList } from "./engine.ts";
import { type Finding, type Rule, defineRule } from "./finding.ts";

/** What execution rules see: the budget, its execution, and figures computed once. */
export interface ExecutionRuleContext {
  readonly budget: Budget;
  readonly execution: Execution;
  readonly lines: readonly LineExecution[];
  readonly progress: readonly SpendingProgress[];
}

export function createExecutionRuleContext(budget: Budget, execution: Execution): ExecutionRuleContext {
  const lines = sideBySide(budget, execution);
  return { budget, execution, lines, progress: spendingProgress(budget, execution, lines) };
}

/** 项目支出进度 threshold at the end of Q3 (a common 双监控 warning line). */
export const Q3_MIN_PROGRESS = 5000;
/** How far (hundredths of a percent) spending may trail time progress before a warning. */
export const TIME_LAG_TOLERANCE = 1000;

const yearEnd = (e: Execution) => e.asOf >= `${e.year}-12-31`;
const place = (r: LineRef) => `${r.unit}/${r.functional}/${r.economic}${r.project ? `/${r.project}` : ""}`;

export const projectBehindAtQ3 = defineRule<ExecutionRuleContext>(
  {
    id: "execution.project-behind-q3",
    title: "项目三季度末支出进度不足50%",
    description: "三季度末项目支出进度（执行数/调整后预算）低于50%，应督促执行或调整预算。 / A project has spent under 50% of its adjusted budget by the end of Q3.",
    severity: "warning",
  },
  ({ budget, execution, progress }, emit) => {
    if (execution.asOf < `${execution.year}-09-30`) return [];
    return progress
      .filter((p) => p.kind === "project" && p.rate.kind === "pct" && p.rate.hundredths < Q3_MIN_PROGRESS)
      .map((p) =>
        emit({
          message: `项目“${p.name}”截至${execution.asOf}支出进度${formatPercent(p.rate)}，低于50% / project ${p.code} has spent ${formatPercent(p.rate)} by ${execution.asOf}`,
          path: `projects[${budget.projects.findIndex((x) => x.code === p.code)}]`,
          expected: "≥ 50.00%",
          actual: formatPercent(p.rate),
        }),
      );
  },
);

export const behindTime = defineRule<ExecutionRuleContext>(
  {
    id: "execution.behind-time",
    title: "支出进度落后于时间进度",
    description: "部门或单位支出进度低于时间进度10个百分点以上。 / Department or unit spending trails time progress by more than 10 points.",
    severity: "warning",
  },
  ({ budget, execution, progress }, emit) =>
    progress
      .filter((p) => p.kind !== "project" && p.rate.kind === "pct" && p.rate.hundredths < p.time - TIME_LAG_TOLERANCE)
      .map((p) =>
        emit({
          message: `${p.name}支出进度${formatPercent(p.rate)}，时间进度${formatPercent(percentFromHundredths(p.time))} / spending ${formatPercent(p.rate)} against time ${formatPercent(percentFromHundredths(p.time))}`,
          path: p.kind === "department" ? "department" : `units[${budget.units.findIndex((u) => u.code === p.code)}]`,
          expected: `≥ ${formatPercent(percentFromHundredths(Math.max(0, timeProgress(execution.asOf, execution.year) - TIME_LAG_TOLERANCE)))}`,
          actual: formatPercent(p.rate),
        }),
      ),
);

export const overspent = defineRule<ExecutionRuleContext>(
  {
    id: "execution.overspent",
    title: "超预算支出",
    description: "某一预算行的执行数超过调整后预算，或支付了没有预算的科目。 / A line has paid more than its adjusted budget, or a line without budget was paid.",
    basis: "《预算法》第五十七条",
    severity: "error",
  },
  ({ lines }, emit) =>
    lines
      .filter((l) => l.executed > l.adjusted)
      .map((l) =>
        emit({
          message: `${place(l)} 执行数 ${formatYuan(l.executed)} 元超过调整后预算 ${formatYuan(l.adjusted)} 元${l.adjusted === 0 ? "（无预算）" : ""} / paid more than the adjusted budget`,
          path: `lines[${lineKey(l)}]`,
          expected: `≤ ${formatYuan(l.adjusted)}`,
          actual: formatYuan(l.executed),
        }),
      ),
);

export const adjustmentShape = defineRule<ExecutionRuleContext>(
  {
    id: "execution.adjustment-incomplete",
    title: "预算调整信息不完整",
    description: "追加须有调入行，追减须有调出行，调剂两者都要且不能相同；金额须为正。 / 追加 needs a target line, 追减 a source line, 调剂 both (different); amounts positive.",
    severity: "error",
  },
  ({ execution }, emit) => {
    const out: Finding[] = [];
    execution.adjustments.forEach((a, i) => {
      const path = `adjustments[${i}]`;
      if (a.amount <= 0) out.push(emit({ message: `调整 ${a.id} 金额应为正数 / amount must be positive`, path: `${path}.amount`, actual: formatYuan(a.amount) }));
      if ((a.kind === "追加" || a.kind === "调剂") && !a.to) out.push(emit({ message: `${a.kind} ${a.id} 缺少调入行 / no target line`, path: `${path}.to` }));
      if ((a.kind === "追减" || a.kind === "调剂") && !a.from) out.push(emit({ message: `${a.kind} ${a.id} 缺少调出行 / no source line`, path: `${path}.from` }));
      if (a.kind === "调剂" && a.from && a.to && lineKey(a.from) === lineKey(a.to)) out.push(emit({ message: `调剂 ${a.id} 调出与调入相同 / same line on both sides`, path }));
    });
    return out;
  },
);

export const adjustmentUnapproved = defineRule<ExecutionRuleContext>(
  {
    id: "execution.adjustment-unapproved",
    title: "预算调整未经批准",
    description: "未批准（或批准晚于数据时点）的调整不计入调整后预算。 / Unapproved adjustments do not count in the adjusted budget.",
    severity: "info",
  },
  ({ execution }, emit) =>
    execution.adjustments.flatMap((a, i) =>
      a.approval && a.approval.date <= execution.asOf ? [] : [emit({ message: `调整 ${a.id}（${a.kind} ${formatYuan(a.amount)} 元）尚未批准，未计入调整后预算 / not approved: not counted`, path: `adjustments[${i}].approval` })],
    ),
);

export const targetProgress = defineRule<ExecutionRuleContext>(
  {
    id: "execution.target-not-met",
    title: "绩效目标未完成或未填报",
    description: "年末指标未填报实际值、未完成且未说明原因，或年度中期限已过仍未完成。 / At year end an indicator without actual, or missed without a reason; during the year a deadline passed.",
    severity: "warning",
    severityNote: "未完成但已说明原因的为提示 / info when a reason is written",
  },
  ({ budget, execution }, emit) => {
    const out: Finding[] = [];
    budget.projects.forEach((p, pi) => {
      p.indicators.forEach((ind, ii) => {
        const rec = execution.actuals.find((a) => a.project === p.code && a.level3 === ind.level3 && (a.level2 === undefined || a.level2 === ind.level2));
        const c = completionOf(ind, rec?.value, execution.asOf);
        const path = `projects[${pi}].indicators[${ii}]`;
        const label = `项目“${p.name}”指标“${ind.level3}”`;
        if (!yearEnd(execution)) {
          if (ind.target?.kind === "deadline" && c.status === "missed") out.push(emit({ message: `${label}期限${ind.target.text}已过，尚未完成 / deadline passed`, path, expected: ind.target.text, actual: c.actualText }));
          return;
        }
        if (c.status === "missing") out.push(emit({ message: `${label}未填报实际值 / no actual recorded`, path }));
        else if (c.status === "missed" || c.status === "partly") {
          out.push(emit({ message: `${label}${COMPLETION_STATUS_NAMES[c.status]}${rec?.reason ? `：${rec.reason}` : "，未说明原因"} / ${c.status}`, path, actual: c.actualText, severity: rec?.reason ? "info" : "warning" }));
        }
      });
    });
    return out;
  },
);

/** The execution rules, in documentation order. */
export const EXECUTION_RULES: readonly Rule<ExecutionRuleContext>[] = [projectBehindAtQ3, behindTime, overspent, adjustmentShape, adjustmentUnapproved, targetProgress];

/** Runs execution rules through the engine's runRuleList: a rule that throws becomes an `internal` finding. */
export function runExecutionRules(ctx: ExecutionRuleContext, rules: readonly Rule<ExecutionRuleContext>[] = EXECUTION_RULES): Finding[] {
  return runRuleList(ctx, rules);
}
