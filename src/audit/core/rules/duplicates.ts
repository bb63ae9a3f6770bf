/**
 * 重复行 — a row printed twice (the seed prints 30201 办公费 twice in table 9 and counts it once), and a
 * table by functional code printing one code on several rows (the seed's table 2 splits 2080208 into 22
 * rows) where the layout has one row per code.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellLocation } from "../interpret/where.ts";
import type { FunctionalTable } from "../semantic.ts";
import { wan } from "./helpers.ts";
import { pushTo } from "../collect.ts";

export const duplicateRow: DocumentRule = defineRule<DocumentContext>(
  {
    id: "duplicate.row",
    title: "同一科目重复列示",
    description: "按经济分类的表（表6、表9、表11）中，同一科目（表11 为同一部门科目和政府科目）只应出现一次；完全相同的行重复出现而合计只算一次，为重复印刷。 / In the tables by economic code each code (table 11: each pair of codes) appears once; an identical row printed twice while the total counts it once is a duplicate.",
    severity: "error",
    severityNote: "金额不同的重复科目为警告。 / A repeated code with different amounts is a warning.",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const t of [ctx.tables.economic, ctx.tables.operatingCost, ctx.tables.gpbBasic]) {
      if (!t) continue;
      const seen = new Map<string, (typeof t.rows)[number]>();
      for (const r of t.rows) {
        if (!r.code || r.kind === "total" || r.kind === "subtotal") continue;
        const key = `${r.code}|${r.govCode ?? ""}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, r);
          continue;
        }
        const same = t.info.rows[first.row]!.join("\t") === t.info.rows[r.row]!.join("\t");
        out.push(
          emit({
            message: `${t.info.label} ${r.code} ${r.name} 重复列示（第 ${first.row + 1} 行与第 ${r.row + 1} 行${same ? "完全相同" : "金额不同"}） / ${r.code} is printed twice${same ? " (identical rows)" : ""}`,
            location: cellLocation(t.info, r.row),
            actual: r.code,
            ...(same ? {} : { severity: "warning" as const }),
          }),
        );
      }
    }
    return out;
  },
);

export const duplicateCodeRows: DocumentRule = defineRule<DocumentContext>(
  {
    id: "duplicate.code-rows",
    title: "同一功能科目分多行列示",
    description: "按功能分类的表（表2、表3、表5、表8、表10）每个单位的每个科目一行；同一科目分成多行（可能是按人员或工资项目的明细）无法与其他表逐行核对。各行之和与表3 的比较见 cross.totals。 / Tables by functional code print one row per code and unit; one code split over several rows (a breakdown by person or pay item) cannot be checked row by row. Their sum is compared with table 3 by cross.totals.",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const tables = [ctx.tables.income, ctx.tables.expenditure, ctx.tables.gpbExpenditure, ctx.tables.governmentFund, ctx.tables.stateCapital].filter((t): t is FunctionalTable => !!t);
    for (const t of tables) {
      const groups = new Map<string, FunctionalTable["rows"]>();
      let unit = "";
      for (const r of t.rows) {
        if (r.kind === "unit") unit = r.unitCode ?? "";
        if (r.kind !== "code" || !r.code) continue;
        const key = `${r.unitCode ?? unit}|${r.code}`;
        pushTo(groups, key, r);
      }
      for (const rows of groups.values()) {
        if (rows.length < 2) continue;
        const sum = rows.reduce((s, r) => s + (r.amounts.get("total")?.value.fen ?? 0), 0);
        out.push(emit({ message: `${t.info.label} 科目 ${rows[0]!.code} 分 ${rows.length} 行列示，合计 ${wan(sum)} 万元 / code ${rows[0]!.code} is printed on ${rows.length} rows adding up to ${wan(sum)}万元`, location: cellLocation(t.info, rows[0]!.row), actual: String(rows.length), expected: "1" }));
      }
    }
    return out;
  },
);

export const DUPLICATE_RULES: readonly DocumentRule[] = [duplicateRow, duplicateCodeRows];
