/**
 * 表内勾稽 — sums within each printed table: every row's 合计 equals its parts; detail rows add up to
 * their subtotals and totals; income equals expenditure. Each printed cell is rounded on its own, so
 * a sum of n printed figures may differ from the printed total by up to (n+1)×0.005 万元: such a
 * difference is an info note, a larger one an error.
 */
import type { Emit, Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellLocation } from "../interpret/where.ts";
import { ROUNDING_NOTE, agree, cellFigure, sumOf, wan } from "./helpers.ts";
import { type SumCheck, sumChecks } from "./sum-checks.ts";

const TOLERANCE = "容差：各印刷数分别四舍五入，n 个数之和与合计之差在 (n+1)×0.005 万元以内记为提示。 / Tolerance: each printed figure is rounded on its own; a difference within (n+1)×0.005 万元 for n addends is an info note.";
const SEVERITY_NOTE = "差额在舍入范围内为提示，超出为错误。 / Info when the difference is within rounding, error beyond it.";

/** Identical detail rows printed twice and counted once: the duplicate rule reports them, not this one. */
function explainedByDuplicates(ctx: DocumentContext, c: SumCheck): boolean {
  const rows = c.parts.map((p) => ctx.tables.tables[p.table]!.rows[p.row]!.join("\t"));
  const seen = new Set<string>();
  const distinct = c.parts.filter((p, i) => !seen.has(rows[i]!) && seen.add(rows[i]!));
  return distinct.length < c.parts.length && agree(cellFigure(c.total), sumOf(distinct)) === "equal";
}

function evaluate(ctx: DocumentContext, emit: Emit, kind: SumCheck["kind"]): Finding[] {
  const out: Finding[] = [];
  for (const c of sumChecks(ctx.tables)) {
    if (c.kind !== kind) continue;
    if (c.total.value.blank && c.parts.every((p) => p.value.blank)) continue;
    const total = cellFigure(c.total);
    const sum = sumOf(c.parts);
    const a = agree(total, sum);
    if (a === "equal" || (a === "different" && explainedByDuplicates(ctx, c))) continue;
    const info = ctx.tables.tables[c.total.table]!;
    out.push(
      emit({
        message: `${info.label} ${c.what}：印刷数 ${c.total.value.text || "（空）"}，各项之和 ${wan(sum.value)}${a === "rounding" ? `；${ROUNDING_NOTE}` : ""} / printed ${c.total.value.text || "(blank)"}, the parts add up to ${wan(sum.value)}`,
        location: cellLocation(info, c.total.row, c.total.col),
        expected: wan(sum.value),
        actual: wan(c.total.value.fen),
        ...(a === "rounding" ? { severity: "info" as const } : {}),
      }),
    );
  }
  return out;
}

export const sumRowParts: DocumentRule = defineRule<DocumentContext>(
  {
    id: "sum.row-parts",
    title: "行内合计不等于各项之和",
    description: `每一行的合计应等于其组成部分：合计 = 基本支出 + 项目支出（表中列有单位预留机动经费、结转下年资金的，加上它们），基本支出 = 各经济分类之和，一般公共预算 = 各来源之和，合计 = 人员经费 + 公用经费，资金总额 = 财政性资金 + 其他资金。 / Each row's 合计 equals its parts: basic + project (+ 单位预留机动经费 and 结转下年资金 where printed), the economic classes of basic, the sources of 一般公共预算, personnel + public, fiscal + other funds. ${TOLERANCE}`,
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => evaluate(ctx, emit, "row"),
);

export const sumColumn: DocumentRule = defineRule<DocumentContext>(
  {
    id: "sum.column",
    title: "明细之和不等于小计或合计",
    description: `明细行之和应等于小计、小计之和应等于合计：各科目（类/款/项）、各单位、各经济分类、各类项目、表11 的各政府经济分类小计、表13 的各单位和项目、“三公”各项。 / Detail rows add up to their subtotals and subtotals to the total: codes by level, units, economic classes, project classes, table 11's groups, table 13's units and projects, the "三公" items. ${TOLERANCE}`,
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => evaluate(ctx, emit, "column"),
);

export const sumBalance: DocumentRule = defineRule<DocumentContext>(
  {
    id: "sum.balance",
    title: "收入合计不等于支出合计",
    description: `收支总表（表1、表4）中收入合计应等于支出合计。 / In tables 1 and 4 the income total equals the expenditure total. ${TOLERANCE}`,
    basis: "《中华人民共和国预算法》第十二条（收支平衡）",
    severity: "error",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => evaluate(ctx, emit, "balance"),
);

export const SUM_RULES: readonly DocumentRule[] = [sumRowParts, sumColumn, sumBalance];
