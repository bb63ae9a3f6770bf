/**
 * 绩效目标表 — table 12 (部门整体绩效目标: goals, main tasks with funds, indicators under a repeated
 * "一级指标 二级指标 三级指标 指标值 …" header) and table 13 (each unit and project with its funds and the
 * 三级指标/指标值 pairs under 产出/效益/满意度). Printed forms drift a column left or right from their header
 * from row to row, so each indicator row is aligned by its content.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { parseAmount } from "../numbers.ts";
import type { AmountCell, DepartmentTargetsTable, PrintedIndicator, ProjectEntry, ProjectTargetsTable, TableInfo } from "../semantic.ts";
import { findColumn, readAmount } from "./columns.ts";
import { PLACEHOLDER_ROW } from "../../../core/placeholders.ts";

const QUALITATIVE = /^(明显|显著|较好|良好|优秀|及时|完整|规范|有效|提高|提升|改善|是|否|达标|合格|完成|健全|制度健全|质量符合.{0,10}|显著提升|逐步.{0,6}|持续.{0,6})/;

/** Does a cell look like an indicator's target value: "≥95%", "120", "25个", "明显", "充分性"? */
export function isTargetLike(text: string): boolean {
  const t = text.trim();
  if (t === "" || t.length > 24) return false;
  if (/^(≥|≤|>|<|=|＞|＜|≧|≦|不低于|不高于|不少于|不超过|大于|小于|达到)/.test(t)) return true;
  if (/^\d/.test(t)) return true;
  if (/^.{1,4}性$/.test(t)) return true;
  return QUALITATIVE.test(t) && t.length <= 16;
}

/** A template placeholder row: "....." or "……" (the core's definition). */
export const PLACEHOLDER_CELL = PLACEHOLDER_ROW;

function isName(text: string): boolean {
  const t = text.trim();
  return t !== "" && t.length <= 30 && !/^[①-⑳]/.test(t) && !/^(反映|分项|数据|计算公式|若无|得分|比重)/.test(t) && !PLACEHOLDER_CELL.test(t);
}

const isNumber = (info: TableInfo, c: string) => c.trim() !== "" && !!parseAmount(c, info.unit) && !parseAmount(c, info.unit)!.blank;

export function readDepartmentTargets(info: TableInfo, problems: Finding[]): DepartmentTargetsTable {
  const out: DepartmentTargetsTable = { info, goals: [], tasks: [], indicators: [], placeholders: [] };
  let mode: "form" | "tasks" | "indicators" = "form";
  let pos = { l1: 0, l2: 1, l3: 2, value: 3, method: 5 };
  let l1 = "";
  let l2 = "";
  info.rows.forEach((cells, r) => {
    const c = cells.map((x) => x.trim());
    c.forEach((x, col) => {
      if (PLACEHOLDER_CELL.test(x)) out.placeholders.push({ row: r, col, text: x });
    });
    const h = c.indexOf("一级指标");
    if (h >= 0) {
      mode = "indicators";
      const at = (t: string, d: number) => (c.indexOf(t) >= 0 ? c.indexOf(t) : d);
      pos = { l1: h, l2: at("二级指标", h + 1), l3: at("三级指标", h + 2), value: at("指标值", h + 3), method: at("指标说明", h + 5) };
      return;
    }
    if (c.includes("年度主要任务")) mode = "tasks";
    if (mode === "form") {
      const goal = c.slice(c[0] === "年度总体目标" ? 1 : 0).find((x) => x !== "");
      if (goal !== undefined && (c[0] === "年度总体目标" || (c[0] === "" && /^目标\s*\d/.test(goal)))) out.goals.push({ row: r, text: goal, empty: /^目标\s*\d+\s*[:：]?\s*$/.test(goal) });
    } else if (mode === "tasks") {
      const numbers = c.map((x, i) => [x, i] as const).filter(([x]) => isNumber(info, x));
      const name = c.find((x) => x !== "" && x !== "年度主要任务" && x.length <= 20 && !isNumber(info, x));
      if (numbers.length === 0 || !name) return;
      const total = readAmount(info, r, numbers[0]![1], problems);
      const fiscal = numbers[1] ? readAmount(info, r, numbers[1][1], problems) : undefined;
      out.tasks.push({ row: r, name, ...(total ? { total } : {}), ...(fiscal ? { fiscal } : {}) });
    } else {
      const ind = alignIndicator(c, r, pos, l1, l2);
      if (!ind) return;
      l1 = ind.level1;
      l2 = ind.level2;
      out.indicators.push(ind);
    }
  });
  return out;
}

/** Aligns one indicator row: the offset (−2 … +1) at which a name is followed by a target-like value. */
function alignIndicator(c: readonly string[], row: number, pos: { l1: number; l2: number; l3: number; value: number; method: number }, l1: string, l2: string): PrintedIndicator | undefined {
  const cell = (i: number) => (i >= 0 ? (c[i] ?? "") : "");
  let offset = [0, -1, -2, 1].find((o) => isName(cell(pos.l3 + o)) && isTargetLike(cell(pos.value + o)));
  let l3Col = offset === undefined ? -1 : pos.l3 + offset;
  if (offset === undefined) {
    if (isName(cell(pos.l3))) offset = 0;
    else {
      // a name printed further left with nothing after it (an indicator without a value)
      for (let i = pos.l3 - 1; i >= 0; i--) if (isName(cell(i)) && c.slice(i + 1, pos.value + 1).every((x) => x === "")) offset = i - pos.l3;
    }
    if (offset === undefined) return undefined;
    l3Col = pos.l3 + offset;
  }
  const level3 = cell(l3Col);
  if (c.slice(0, l3Col).some((x) => x.length > 30)) return undefined;
  const valueCol = pos.value + offset;
  const value = cell(valueCol);
  const next = cell(valueCol + 1);
  return {
    row,
    col: l3Col,
    level1: cell(pos.l1 + offset) || l1,
    level2: cell(pos.l2 + offset) || (cell(pos.l1 + offset) ? "" : l2),
    level3,
    value,
    valueCol,
    ...(value === "" && isTargetLike(next) ? { shifted: next } : {}),
    ...(cell(pos.method + offset) ? { method: cell(pos.method + offset) } : {}),
  };
}

export function readProjectTargets(info: TableInfo, problems: Finding[]): ProjectTargetsTable {
  const codeCol = findColumn(info, /编码/) ?? 0;
  const nameCol = findColumn(info, /名称/) ?? 1;
  const totalCol = findColumn(info, /资金总额|^合计$/);
  const fiscalCol = findColumn(info, /财政/);
  const otherCol = findColumn(info, /其他资金/);
  const pairs = info.columns
    .map((p, i) => ({ i, level1: p.find((x) => /指标$/.test(x) && x !== "三级指标") ?? "", last: p[p.length - 1] }))
    .filter((x) => x.last === "三级指标");
  const entries: ProjectEntry[] = [];
  for (let r = info.headerCount; r < info.rows.length; r++) {
    const c = info.rows[r]!.map((x) => x.trim());
    const code = c[codeCol] ?? "";
    const name = c[nameCol] ?? "";
    if (code !== "" || name !== "") {
      const amount = (col: number | undefined): AmountCell | undefined => (col === undefined || (c[col] ?? "") === "" ? undefined : readAmount(info, r, col, problems));
      const [total, fiscal, other] = [amount(totalCol), amount(fiscalCol), amount(otherCol)];
      entries.push({ row: r, kind: "project", code, name, ...(total ? { total } : {}), ...(fiscal ? { fiscal } : {}), ...(other ? { other } : {}), indicators: [] });
    }
    const current = entries[entries.length - 1];
    if (!current) continue;
    for (const p of pairs) {
      const level3 = c[p.i] ?? "";
      const value = c[p.i + 1] ?? "";
      if (level3 === "" && value === "") continue;
      current.indicators.push({ row: r, col: p.i, level1: p.level1, level2: "", level3, value, valueCol: p.i + 1 });
    }
  }
  return { info, entries };
}
