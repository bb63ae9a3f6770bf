/**
 * 绩效指标 — indicators in tables 12 and 13: each has a value; a "…性" value echoes its indicator
 * ("目标管理有效性" → "有效性", not "有限性"); a scoring formula divides the actual by the target.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellLocation } from "../interpret/where.ts";
import type { PrintedIndicator, TableInfo } from "../semantic.ts";

function indicators(ctx: DocumentContext): { info: TableInfo; ind: PrintedIndicator }[] {
  const out: { info: TableInfo; ind: PrintedIndicator }[] = [];
  const d = ctx.tables.departmentTargets;
  for (const ind of d?.indicators ?? []) out.push({ info: d!.info, ind });
  const p = ctx.tables.projectTargets;
  for (const e of p?.entries ?? []) for (const ind of e.indicators) if (ind.level3 !== "") out.push({ info: p!.info, ind });
  return out;
}

export const targetNoValue: DocumentRule = defineRule<DocumentContext>(
  {
    id: "target.no-value",
    title: "绩效指标没有指标值",
    description: "每个三级指标都应有指标值（目标值）；指标值印在相邻栏的，一并指出。 / Every indicator has a target value; a value printed in the neighbouring column is pointed out.",
    basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）",
    severity: "warning",
  },
  (ctx, emit) =>
    indicators(ctx)
      .filter(({ ind }) => ind.value.trim() === "")
      .map(({ info, ind }) =>
        emit({
          message: `${info.label} 指标“${ind.level3}”没有指标值${ind.shifted ? `（“${ind.shifted}”印在了相邻的指标解释栏）` : ""} / indicator "${ind.level3}" has no value${ind.shifted ? ` ("${ind.shifted}" is in the next column)` : ""}`,
          location: cellLocation(info, ind.row, ind.valueCol),
          ...(ind.shifted ? { expected: ind.shifted } : {}),
          actual: "",
        }),
      ),
);

export const targetValueEcho: DocumentRule = defineRule<DocumentContext>(
  {
    id: "target.value-echo",
    title: "定性指标值与指标名称不对应",
    description: "以“…性”命名的定性指标，其指标值通常就是这一性质（“目标依据充分性”→“充分性”）；同表其他指标都如此而某个指标值是另一个“…性”（“目标管理有效性”→“有限性”），多为笔误。 / A qualitative indicator named \"…X性\" usually has \"X性\" as its value; when the others in the table do and one has another \"…性\" (有效性 → 有限性), it is usually a typo.",
    severity: "warning",
  },
  (ctx, emit) => {
    const all = indicators(ctx).filter(({ ind }) => /^.{1,4}性$/.test(ind.value.trim()) && /性$/.test(ind.level3));
    const echoes = (i: PrintedIndicator) => i.level3.endsWith(i.value.trim());
    if (all.filter(({ ind }) => echoes(ind)).length < 2) return [];
    return all
      .filter(({ ind }) => !echoes(ind))
      .map(({ info, ind }) => {
        const expected = ind.level3.slice(-ind.value.trim().length);
        return emit({ message: `${info.label} 指标“${ind.level3}”的指标值为“${ind.value}”，应为“${expected}”？ / indicator "${ind.level3}" has the value "${ind.value}"; "${expected}" is meant?`, location: cellLocation(info, ind.row, ind.valueCol), expected, actual: ind.value });
      });
  },
);

const FORMULA_TYPO = /实际(完成)?值\s*[+＋]\s*目标值/g;

export const targetFormula: DocumentRule = defineRule<DocumentContext>(
  {
    id: "target.formula",
    title: "指标计分公式有误",
    description: "计分公式“得分 = 实际完成值 / 目标值 × 指标分值”中，实际完成值与目标值之间应为除号；印为加号（“实际完成值+目标值×指标分值”）是笔误。 / In the scoring formula the actual value is divided by the target; \"实际完成值+目标值\" is a typo.",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const info of ctx.tables.tables) {
      info.rows.forEach((cells, r) =>
        cells.forEach((text, c) => {
          FORMULA_TYPO.lastIndex = 0;
          const m = FORMULA_TYPO.exec(text);
          if (m) out.push(emit({ message: `${info.label} 公式“${m[0]}”中应为除号 / "${m[0]}" should divide`, location: cellLocation(info, r, c), expected: m[0].replace(/[+＋]/, "/"), actual: m[0] }));
        }),
      );
    }
    return out;
  },
);

export const TARGET_RULES: readonly DocumentRule[] = [targetNoValue, targetValueEcho, targetFormula];
