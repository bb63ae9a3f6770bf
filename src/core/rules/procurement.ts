/**
 * 政府采购 — a procurement row's 经济科目 is a department economic code of the year's catalog, as a line item's is
 * (Jiangsu's 政府采购支出预算表 prints it by name); its 采购组织形式 is checked by the budget file's schema.
 */
import type { Finding, Rule } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { catalogName, catalogSeverity } from "./helpers.ts";
import { isEconomicCode } from "./codes.ts";

export const procurementEconomic: Rule = defineRule(
  {
    id: "procurement.economic-code",
    title: "政府采购的经济科目不对",
    description:
      "政府采购所填的经济科目须是部门预算支出经济分类的款（5位）或地方子目（7位），且在当年科目表中。 / A procurement row's 经济科目 is a department economic 款 (5 digits) or local sub-item (7) of that year's catalog.",
    severity: "error",
    severityNote:
      "格式不对为错误；格式对而不在科目表中，对照内置科目表为警告，对照正式科目表为错误。 / A malformed code is an error; a well-formed one the catalog lacks is a warning against the built-in catalog, an error against an official one.",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const cat = catalogName(ctx);
    ctx.budget.procurement.forEach((p, i) => {
      const code = p.economic;
      if (code === undefined) return;
      const path = `procurement[${i}].economic`;
      if (!isEconomicCode(code)) {
        out.push(emit({ message: `政府采购的经济科目“${code}”应为5位或7位数字编码 / procurement economic code "${code}" is not 5 or 7 digits`, path, actual: code, expected: "30201 / 3100201" }));
      } else if (!ctx.catalog.departmentEconomicEntry(code) && !(code.length === 7 && ctx.catalog.departmentEconomicEntry(code.slice(0, 5)))) {
        out.push(emit({ severity: catalogSeverity(ctx), message: `政府采购的经济科目 ${code} 不在${cat.zh}中 / procurement economic code ${code} is not in ${cat.en}`, path, actual: code }));
      }
    });
    return out;
  },
);

export const PROCUREMENT_RULES: readonly Rule[] = [procurementEconomic];
