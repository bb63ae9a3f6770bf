/**
 * 预算单位 — every unit code the data uses names a unit of the budget, and unit codes are unique.
 * A line of an unknown unit is silently left out of every table, so it is an error.
 */
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { countNote, findingsOf, groupBy } from "./helpers.ts";
import { lineIndex } from "./line-index.ts";
import { withheldOf } from "../exempt.ts";
import { amountText } from "../money.ts";

export const unknownUnit: Rule = defineRule(
  {
    id: "unit.unknown",
    title: "单位代码不是本部门的预算单位",
    description:
      "支出明细、收入、项目和政府采购所填的单位代码须是本预算所列的单位之一；否则这些金额不会出现在任何表中。 / The unit code of a line item, income row, project or procurement row must be one of the budget's units; otherwise its amounts appear in no table.",
    severity: "error",
  },
  (ctx, emit) => {
    const b = ctx.budget;
    // only the places of unknown units get a path (almost every place names a known unit)
    const places: { unit: string; path: string }[] = [];
    const lineUnits = lineIndex(ctx).unit;
    for (let i = 0; i < lineUnits.length; i++) if (lineUnits[i]! < 0) places.push({ unit: b.lineItems[i]!.unit, path: `lineItems[${i}].unit` });
    if (b.income) unknownUnits(ctx.unitIndex, b.income, "income", places);
    unknownUnits(ctx.unitIndex, b.projects, "projects", places);
    unknownUnits(ctx.unitIndex, b.procurement, "procurement", places);
    if (places.length === 0) return [];
    const out: Finding[] = [];
    const known = b.units.map((u) => u.code).join("、");
    for (const [unit, occ] of groupBy(places, (p) => p.unit)) {
      const n = countNote(occ.length);
      out.push(
        emit({
          message: `单位代码“${unit}”不是本预算的单位（本预算的单位：${known}）${n.zh} / unit code "${unit}" is not a unit of this budget (units: ${known})${n.en}`,
          path: occ[0]?.path,
          expected: known,
          actual: unit,
        }),
      );
    }
    return out;
  },
);

export const duplicateUnit: Rule = defineRule(
  {
    id: "unit.duplicate",
    title: "单位代码重复",
    description:
      "每个预算单位的代码须唯一，否则无法确定支出明细属于哪个单位。 / Each unit's code must be unique, or lines cannot be attributed to a unit.",
    severity: "error",
  },
  (ctx, emit) =>
    findingsOf(ctx.budget.units, (u, i) => {
      const first = ctx.unitIndex.get(u.code);
      if (first === undefined || first === i) return undefined;
      return emit({
        message: `单位代码 ${u.code} 与第 ${first + 1} 个单位重复 / unit code ${u.code} repeats unit #${first + 1}`,
        path: `units[${i}].code`,
        actual: u.code,
      });
    }),
);

/** Adds the places of `rows` whose unit is none of the budget's to `places`. */
function unknownUnits(unitIndex: ReadonlyMap<string, number>, rows: readonly { unit: string }[], list: string, places: { unit: string; path: string }[]): void {
  for (let i = 0; i < rows.length; i++) {
    const unit = rows[i]!.unit;
    if (!unitIndex.has(unit)) places.push({ unit, path: `${list}[${i}].unit` });
  }
}

/** 不予公开 — the reviewer sees what the public documents leave out, with its amount (core/exempt.ts). */
export const exemptWithheld: Rule = defineRule(
  {
    id: "exempt.withheld",
    title: "不予公开的单位或项目",
    description:
      "标为不予公开（涉密）的单位和项目不列入公开文件的表格和说明（公开文件以一段说明告知），但仍在内部视图中，并计入全部审核规则；审核人在此看到被隐去的内容及其金额。 / Units and projects marked exempt (涉密) are left out of the public documents (which say so in a note) but stay in every internal view and in every rule; the reviewer sees here what is withheld and its amount.",
    basis: "《中华人民共和国预算法》第十四条（涉及国家秘密的除外）",
    severity: "info",
  },
  (ctx, emit) =>
    withheldOf(ctx.budget).map((w) => {
      const i = w.kind === "unit" ? ctx.budget.units.findIndex((u) => u.code === w.code) : ctx.budget.projects.findIndex((p) => p.code === w.code);
      const what = w.kind === "unit" ? "单位" : "项目";
      return emit({
        message: `${what}“${w.name}”（${w.code}，${amountText(w.amount)}）因${w.basis}不予公开：公开文件不列入，内部视图与审核照常计入 / ${w.kind} ${w.code} (${amountText(w.amount)}) is withheld from the public documents (${w.basis}); internal views and checks keep it`,
        path: `${w.kind === "unit" ? "units" : "projects"}[${i}].exempt`,
        actual: w.name,
      });
    }),
);

export const UNIT_RULES: readonly Rule[] = [unknownUnit, duplicateUnit, exemptWithheld];
