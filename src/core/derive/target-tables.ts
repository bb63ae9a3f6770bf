/**
 * Performance-target tables: 12 部门（单位）整体绩效目标表 and 13 预算项目绩效目标汇总表.
 * Funds are derived from the line items; indicators come from the targets data.
 */
import type { Indicator, LineItem, Task } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { PROJECT_LEVEL1, formatTarget, normaliseLevel1 } from "../targets.ts";
import type { Cell, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { TableBuilder, code, h, money, text } from "./builder.ts";
import { isFiscalMoney } from "./economic.ts";
import type { Scope } from "./scope.ts";

type Meta = { id: string; number: number; title: string };

/** Total and 财政性资金 of the lines a task covers. */
export function taskFunds(scope: Scope, task: Task): { total: Fen; fiscal: Fen } {
  const covers = (l: LineItem): boolean => {
    switch (task.funds.kind) {
      case "basic":
        return l.nature === "basic";
      case "project":
        return l.nature === "project";
      case "projects":
        return l.nature === "project" && !!l.project && task.funds.codes.includes(l.project);
    }
  };
  let total = 0;
  let fiscal = 0;
  for (const l of scope.lines) {
    if (!covers(l)) continue;
    total += l.amount;
    if (isFiscalMoney(l.source)) fiscal += l.amount;
  }
  return { total: fen(total), fiscal: fen(fiscal) };
}

/** Table 12 — a form: name, 年度总体目标, 年度主要任务 with funds, then the indicators. */
export function departmentTargetsTable(scope: Scope, meta: Meta): DisclosureTable {
  const columns: Column[] = [text("level1", 12), text("level2", 16), text("level3", 20), text("target", 14), text("explanation", 28), text("method", 36)];
  const t = new TableBuilder(columns, [] as HeaderCell[][]);
  const targets = scope.targets;
  const nameRow = t.row(["部门（单位）名称", scope.name], "section");
  t.merge(nameRow, 1, 1, 5);
  if (!targets) {
    return t.build({ ...meta, scope, empty: true, note: `本单位${scope.year}年未设置部门整体绩效目标。` });
  }
  const goals = targets.goals.length > 0 ? targets.goals : [""];
  const firstGoal = t.rows.length;
  goals.forEach((g, i) => {
    const r = t.row([i === 0 ? "年度总体目标" : "", `目标${i + 1}：${g}`]);
    t.merge(r, 1, 1, 5);
  });
  t.merge(firstGoal, 0, goals.length, 1);
  const taskHeader = t.row(["年度主要任务", "任务名称", "主要内容", "预算资金合计", "其中：财政资金", "备注"], "section");
  for (const task of targets.tasks) {
    const f = taskFunds(scope, task);
    t.row(["", task.name, task.content, f.total, f.fiscal, task.note ?? ""]);
  }
  t.merge(taskHeader, 0, 1 + targets.tasks.length, 1);
  t.row(["一级指标", "二级指标", "三级指标", "指标值", "指标解释", "指标说明"], "section");
  const start = t.rows.length;
  for (const ind of targets.indicators) t.row([ind.level1, ind.level2, ind.level3, formatTarget(ind.target), ind.explanation ?? "", ind.method ?? ""]);
  mergeRuns(t, start, targets.indicators.map((i) => i.level1), 0);
  mergeRuns(t, start, targets.indicators.map((i) => `${i.level1}\u0000${i.level2}`), 1);
  return t.build({ ...meta, scope });
}

/** Merges runs of equal values in one column (一级/二级 names spanning their indicators). */
function mergeRuns(t: TableBuilder, start: number, keys: string[], col: number): void {
  let i = 0;
  while (i < keys.length) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    if (j - i > 1) {
      for (let k = i + 1; k < j; k++) t.rows[start + k]!.cells[col] = null;
      t.merge(start + i, col, j - i, 1);
    }
    i = j;
  }
}

/** The 一级 levels table 13 prints: 产出, 效益, 满意度 always; 成本 and others where a project has them. */
function level1Columns(indicators: readonly Indicator[]): string[] {
  const used = new Set(indicators.map((i) => normaliseLevel1(i.level1)));
  const standard = PROJECT_LEVEL1.filter((l) => l !== "成本指标" || used.has(l));
  const others = [...used].filter((l) => !(PROJECT_LEVEL1 as readonly string[]).includes(l)).sort();
  return [...standard, ...others];
}

/** Table 13 — 预算项目绩效目标汇总表: each project's funds and its indicators by 一级 level. */
export function projectTargetsTable(scope: Scope, meta: Meta & { departmentCode: string; departmentName: string }): DisclosureTable {
  const levels = level1Columns(scope.projects.flatMap((p) => p.indicators));
  const columns: Column[] = [
    code("code", 12),
    text("name", 24),
    money("total"),
    money("fiscal"),
    money("other"),
    ...levels.flatMap((l) => [text(`${l}-name`, 16), text(`${l}-value`, 14)]),
  ];
  const header: HeaderCell[][] = [
    [h("单位编码（项目编码）", { rs: 3 }), h("单位名称（项目名称）", { rs: 3 }), h("项目金额（万元）", { cs: 3 }), h("绩效目标", { cs: levels.length * 2 })],
    [h("资金总额", { rs: 2 }), h("财政性资金", { rs: 2 }), h("其他资金", { rs: 2 }), ...levels.map((l) => h(l, { cs: 2 }))],
    levels.flatMap(() => [h("三级指标"), h("指标值")]),
  ];
  const t = new TableBuilder(columns, header);
  const funds = new Map<string, { total: number; fiscal: number }>();
  const unitFunds = new Map<string, { total: number; fiscal: number }>();
  for (const l of scope.lines) {
    if (l.nature !== "project" || !l.project) continue;
    for (const [m, k] of [[funds, l.project], [unitFunds, l.unit]] as const) {
      const f = m.get(k) ?? { total: 0, fiscal: 0 };
      f.total += l.amount;
      if (isFiscalMoney(l.source)) f.fiscal += l.amount;
      m.set(k, f);
    }
  }
  const fundCells = (f: { total: number; fiscal: number } | undefined): Cell[] => {
    const total = f?.total ?? 0;
    const fiscal = f?.fiscal ?? 0;
    return [fen(total), fen(fiscal), fen(total - fiscal)];
  };
  const empty = scope.projects.length === 0;
  if (!empty) {
    if (scope.ref.kind === "department") {
      let total = 0;
      let fiscal = 0;
      for (const f of unitFunds.values()) {
        total += f.total;
        fiscal += f.fiscal;
      }
      t.row([meta.departmentCode, meta.departmentName, ...fundCells({ total, fiscal })], "total");
    }
    for (const unit of scope.units) {
      const projects = scope.projects.filter((p) => p.unit === unit.code);
      if (projects.length === 0) continue;
      t.row([unit.code, unit.name, ...fundCells(unitFunds.get(unit.code))], "unit");
      for (const p of projects) {
        const byLevel = levels.map((l) => p.indicators.filter((i) => normaliseLevel1(i.level1) === l));
        const height = Math.max(1, ...byLevel.map((x) => x.length));
        const first = t.rows.length;
        for (let r = 0; r < height; r++) {
          const head: Cell[] = r === 0 ? [p.code, p.name, ...fundCells(funds.get(p.code))] : [null, null, null, null, null];
          const inds = byLevel.flatMap((x) => {
            const ind = x[r];
            return ind ? [ind.level3, formatTarget(ind.target)] : [null, null];
          });
          t.row([...head, ...inds]);
        }
        for (let c = 0; c < 5; c++) t.merge(first, c, height, 1);
      }
    }
  }
  return t.build({ ...meta, scope, empty, note: empty ? `本单位${scope.year}年无预算项目。` : undefined });
}

