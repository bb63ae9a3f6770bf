/**
 * Performance-target tables: 12 部门（单位）整体绩效目标表 and 13 预算项目绩效目标汇总表.
 * Funds are derived from the line items; indicators come from the targets data.
 */
import type { Task } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { PROJECT_LEVEL1, formatTarget, normaliseLevel1 } from "../targets.ts";
import type { Cell, Column, DisclosureTable, HeaderCell } from "../table.ts";
import { type Layout, TableBuilder, code, h, money, moneyCell, sharedLayout, text, type TableMeta } from "./builder.ts";
import type { Funds, Ledger } from "./ledger.ts";
import { sortStrings } from "./order.ts";
import type { Scope } from "./scope.ts";

type Meta = TableMeta;

/** Total and 财政性资金 of the lines a task covers (all basic, all project, or the listed projects' lines). */
export function taskFunds(ledger: Ledger, task: Task): { total: Fen; fiscal: Fen } {
  switch (task.funds.kind) {
    case "basic":
      return { total: fen(ledger.basicFunds.total), fiscal: fen(ledger.basicFunds.fiscal) };
    case "project":
      return { total: fen(ledger.projectFunds.total), fiscal: fen(ledger.projectFunds.fiscal) };
    case "projects": {
      let total = 0;
      let fiscal = 0;
      const codes = task.funds.codes;
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i]!;
        if (codes.indexOf(c) !== i) continue; // a code listed twice still covers its lines once
        const f = ledger.projects.get(c)?.funds;
        if (f) {
          total += f.total;
          fiscal += f.fiscal;
        }
      }
      return { total: fen(total), fiscal: fen(fiscal) };
    }
  }
}

/**
 * Table 12's layout: always the same, a form with no header. Its two parts share the columns: 年度主要任务
 * (任务名称, 主要内容 over two columns, 预算资金合计, 其中：财政资金, 备注) and the indicators (一级 … 指标解释,
 * 指标说明 over two columns), so that 主要内容 and 指标说明, the long texts, get the width and 备注 (mostly
 * empty) does not.
 */
const DEPARTMENT_TARGETS_LAYOUT = sharedLayout(
  [text("level1", 12), text("level2", 14), text("level3", 18), text("target", 12), text("explanation", 24), text("method", 30), text("note", 8)],
  [],
);
const LAST = DEPARTMENT_TARGETS_LAYOUT.columns.length - 1;

/** Table 12 — a form: name, 年度总体目标, 年度主要任务 with funds, then the indicators. */
export function departmentTargetsTable(scope: Scope, ledger: Ledger, meta: Meta): DisclosureTable {
  const t = new TableBuilder(DEPARTMENT_TARGETS_LAYOUT.columns, DEPARTMENT_TARGETS_LAYOUT.header);
  const targets = scope.targets;
  const nameRow = t.row(["部门（单位）名称", scope.name], "section");
  t.merge(nameRow, 1, 1, LAST);
  if (!targets) {
    return t.build(meta, scope, true);
  }
  const goals = targets.goals.length > 0 ? targets.goals : [""];
  const firstGoal = t.rows.length;
  goals.forEach((g, i) => {
    const r = t.row([i === 0 ? "年度总体目标" : "", `目标${i + 1}：${g}`]);
    t.merge(r, 1, 1, LAST);
  });
  t.merge(firstGoal, 0, goals.length, 1);
  const taskHeader = t.row(["年度主要任务", "任务名称", "主要内容", "", "预算资金合计", "其中：财政资金", "备注"], "section");
  t.merge(taskHeader, 2, 1, 2);
  for (const task of targets.tasks) {
    const f = taskFunds(ledger, task);
    const r = t.row(["", task.name, task.content, "", f.total, f.fiscal, task.note ?? ""]);
    t.merge(r, 2, 1, 2);
  }
  t.merge(taskHeader, 0, 1 + targets.tasks.length, 1);
  const indicatorHeader = t.row(["一级指标", "二级指标", "三级指标", "指标值", "指标解释", "指标说明", ""], "section");
  t.merge(indicatorHeader, 5, 1, 2);
  const start = t.rows.length;
  for (const ind of targets.indicators) {
    const r = t.row([ind.level1, ind.level2, ind.level3, formatTarget(ind.target), ind.explanation ?? "", ind.method ?? "", ""]);
    t.merge(r, 5, 1, 2);
  }
  mergeRuns(t, start, targets.indicators.map((i) => i.level1), 0);
  mergeRuns(t, start, targets.indicators.map((i) => `${i.level1}\u0000${i.level2}`), 1);
  return t.build(meta, scope);
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

/** The standard 一级 levels table 13 prints without and with 成本指标. */
const STANDARD_LEVELS: readonly string[] = PROJECT_LEVEL1.filter((l) => l !== "成本指标");
const WITH_COST_LEVELS: readonly string[] = PROJECT_LEVEL1;

/**
 * The 一级 levels table 13 prints: 产出, 效益, 满意度 always; 成本 and others where a project has them
 * (`used`: distinct). Without others, the list is STANDARD_LEVELS or WITH_COST_LEVELS itself.
 */
function level1Columns(used: readonly string[]): readonly string[] {
  const others = sortStrings(used.filter((l) => !(PROJECT_LEVEL1 as readonly string[]).includes(l)));
  const standard = used.includes("成本指标") ? WITH_COST_LEVELS : STANDARD_LEVELS;
  return others.length === 0 ? standard : [...standard, ...others];
}

/** Table 13's columns and header for its 一级 levels: a pair of columns (三级指标, 指标值) under each. */
function projectTargetsLayout(levels: readonly string[]): Layout {
  const columns: Column[] = [code("code", 12), text("name", 24), money("total"), money("fiscal"), money("other")];
  for (const l of levels) columns.push(text(`${l}-name`, 16), text(`${l}-value`, 14));
  const subHeader: HeaderCell[] = [];
  for (let i = 0; i < levels.length; i++) subHeader.push(h("三级指标"), h("指标值"));
  return sharedLayout(columns, [
    [h("单位编码（项目编码）", { rs: 3 }), h("单位名称（项目名称）", { rs: 3 }), h("项目金额（万元）", { cs: 3 }), h("绩效目标", { cs: levels.length * 2 })],
    [h("资金总额", { rs: 2 }), h("财政性资金", { rs: 2 }), h("其他资金", { rs: 2 }), ...levels.map((l) => h(l, { cs: 2 }))],
    subHeader,
  ]);
}

/** The layouts of the standard levels, shared; levels people wrote otherwise get a layout of their own. */
const STANDARD_LAYOUT = projectTargetsLayout(STANDARD_LEVELS);
const WITH_COST_LAYOUT = projectTargetsLayout(WITH_COST_LEVELS);

/** Sets every count to 0 (a loop: `fill` is a call into the runtime, slow for the few counts here). */
function zero(counts: number[]): void {
  for (let i = 0; i < counts.length; i++) counts[i] = 0;
}

/** A copy of `blank` with a name's two cells and (unless `f` is null) its funds: total, 财政性资金 and the rest. */
function fundCells(blank: readonly Cell[], first: Cell, second: Cell, f: Funds | undefined | null): Cell[] {
  const cells = blank.slice();
  cells[0] = first;
  cells[1] = second;
  if (f !== null) {
    const total = f?.total ?? 0;
    const fiscal = f?.fiscal ?? 0;
    cells[2] = moneyCell(total);
    cells[3] = moneyCell(fiscal);
    cells[4] = moneyCell(total - fiscal);
  }
  return cells;
}

/** Table 13 — 预算项目绩效目标汇总表: each project's funds and its indicators by 一级 level. */
export function projectTargetsTable(scope: Scope, ledger: Ledger, meta: Meta, department: { code: string; name: string }): DisclosureTable {
  // Each indicator's 一级 level, normalised once: projects in scope order, indicators in order. The levels
  // are a handful, so they are found in a short list (by position) rather than hashed in a set and a map.
  // The levels as written are a handful too: each is normalised once, when first met (`written`, with
  // its level's position in `writtenLevel`), not once per indicator.
  const used: string[] = []; // distinct levels, in first-seen order
  const written: string[] = [];
  const writtenLevel: number[] = [];
  const indicatorLevel: number[] = []; // each indicator's position in `used`
  const firstIndicator: number[] = [];
  for (const p of scope.projects) {
    firstIndicator.push(indicatorLevel.length);
    const indicators = p.indicators;
    for (let k = 0; k < indicators.length; k++) {
      const raw = indicators[k]!.level1;
      let w = 0;
      while (w < written.length && written[w] !== raw) w++;
      if (w === written.length) {
        const level = normaliseLevel1(raw);
        let u = used.indexOf(level);
        if (u < 0) u = used.push(level) - 1;
        written.push(raw);
        writtenLevel.push(u);
      }
      indicatorLevel.push(writtenLevel[w]!);
    }
  }
  const levels = level1Columns(used);
  // each indicator's column pair (its level's position in `levels`), in the same order as indicatorLevel
  const columnOfUsed = used.map((l) => levels.indexOf(l));
  const indicatorColumn: number[] = indicatorLevel.map((u) => columnOfUsed[u]!);
  const layout = levels === STANDARD_LEVELS ? STANDARD_LAYOUT : levels === WITH_COST_LEVELS ? WITH_COST_LAYOUT : projectTargetsLayout(levels);
  const t = new TableBuilder(layout.columns, layout.header);
  const width = layout.columns.length;
  /**
   * A fresh final row of the table's width: code, name and the funds (or five empty cells when `f` is
   * null); the indicator cells are filled in after, with strings.
   */
  const blank: Cell[] = new Array<Cell>(width).fill(null); // copied (one builtin call), not filled cell by cell
  const empty = scope.projects.length === 0;
  if (!empty) {
    if (scope.ref.kind === "department") {
      let total = 0;
      let fiscal = 0;
      ledger.units.forEach((u) => {
        total += u.projectFunds?.total ?? 0;
        fiscal += u.projectFunds?.fiscal ?? 0;
      });
      t.finalRow(fundCells(blank, department.code, department.name, { total, fiscal }), "total");
    }
    const projectsByUnit = new Map<string, number[]>(); // positions in scope.projects
    scope.projects.forEach((p, i) => {
      const list = projectsByUnit.get(p.unit);
      if (list) list.push(i);
      else projectsByUnit.set(p.unit, [i]);
    });
    // A project's indicators of one level go down that level's column pair, one row each, in order: the
    // k-th indicator of a level is on the project's k-th row; the project is as high as its longest level.
    const countByLevel = new Array<number>(levels.length).fill(0);
    for (const unit of scope.units) {
      const projects = projectsByUnit.get(unit.code);
      if (!projects) continue;
      t.finalRow(fundCells(blank, unit.code, unit.name, ledger.units.get(unit.code)?.projectFunds), "unit");
      for (const i of projects) {
        const p = scope.projects[i]!;
        const start = firstIndicator[i]!;
        zero(countByLevel);
        let height = 1;
        for (let k = 0; k < p.indicators.length; k++) {
          const n = ++countByLevel[indicatorColumn[start + k]!]!;
          if (n > height) height = n;
        }
        // the project's rows go in first; their indicator cells are written in place after
        const first = t.finalRow(fundCells(blank, p.code, p.name, ledger.projectEntries[i]!.funds));
        for (let r = 1; r < height; r++) t.finalRow(blank.slice());
        zero(countByLevel);
        for (let k = 0; k < p.indicators.length; k++) {
          const ind = p.indicators[k]!;
          const l = indicatorColumn[start + k]!;
          const cells = t.rows[first + countByLevel[l]!++]!.cells;
          cells[5 + 2 * l] = ind.level3;
          cells[6 + 2 * l] = formatTarget(ind.target);
        }
        for (let c = 0; c < 5; c++) t.merge(first, c, height, 1);
      }
    }
  }
  return t.build(meta, scope, empty);
}
