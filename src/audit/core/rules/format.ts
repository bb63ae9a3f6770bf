/**
 * 格式 — how figures are printed: a share or rate without its % sign, amounts printed with fewer than two
 * decimals, "2万" without 元, a table without its unit line, tables in different units.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellLocation } from "../interpret/where.ts";
import { allAmounts } from "../interpret.ts";
import type { AmountCell } from "../semantic.ts";
import { claimLocation } from "./helpers.ts";
import { pushTo } from "../collect.ts";
import { findTemplate } from "../../../core/templates/index.ts";

export const formatPercentSign: DocumentRule = defineRule<DocumentContext>(
  {
    id: "format.percent-sign",
    title: "百分比缺少%号",
    description: "“占”“增长”“下降”后的比率应带 % 号，否则读者无法判断单位。 / A share or rate after 占, 增长 or 下降 carries its % sign.",
    severity: "error",
  },
  (ctx, emit) =>
    ctx.claims.filter((c) => c.noPercentSign).map((c) => emit({ message: `“${c.text}”缺少%号 / "${c.text}" has no % sign`, location: claimLocation(c), expected: `${c.text}%`, actual: c.text })),
);

export const formatShortUnit: DocumentRule = defineRule<DocumentContext>(
  {
    id: "format.short-unit",
    title: "金额单位写作“万”",
    description: "说明中的金额应写“万元”；“减少2万”读作 2 万元。 / Amounts are written in 万元; \"减少2万\" is read as 2万元.",
    severity: "info",
  },
  (ctx, emit) => ctx.claims.filter((c) => c.shortUnit).map((c) => emit({ message: `金额“${c.text}”缺少“元”，按万元读取 / "${c.text}" lacks 元; read as 万元`, location: claimLocation(c), expected: `${c.text}元`, actual: c.text })),
);

export const formatDecimals: DocumentRule = defineRule<DocumentContext>(
  {
    id: "format.decimals",
    title: "金额未保留两位小数",
    description: "表中金额应统一保留两位小数；“120”“5.3”按 120.00、5.30 读取，仍按两位小数核对。 / Table amounts print two decimals; \"120\" and \"5.3\" are read as 120.00 and 5.30.",
    severity: "info",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const byTable = new Map<number, AmountCell[]>();
    for (const c of allAmounts(ctx.tables)) if (!c.value.blank && c.value.printedDecimals < 2) pushTo(byTable, c.table, c);
    for (const [table, cells] of byTable) {
      const info = ctx.tables.tables[table]!;
      const short = [...new Map(cells.map((c) => [`${c.row}|${c.col}`, c])).values()].sort((a, b) => a.row - b.row || a.col - b.col);
      out.push(emit({ message: `${info.label} 有 ${short.length} 个金额未保留两位小数：${short.slice(0, 6).map((s) => `“${s.value.text}”`).join("、")}${short.length > 6 ? " 等" : ""} / ${short.length} amounts are printed without two decimals`, location: cellLocation(info, short[0]!.row, short[0]!.col), actual: short.map((s) => s.value.text).join(" ") }));
    }
    return out;
  },
);

export const formatUnits: DocumentRule = defineRule<DocumentContext>(
  {
    id: "format.units",
    title: "金额单位未注明或不一致",
    description: "有金额的表应注明金额单位（“单位：万元”或表头“（万元）”），未注明的按万元读取（提示）；各表单位不同时（元与万元混用）为警告，公开模板规定各表单位的（如上海区级：表1–8 元、表9 万元），按模板核对；各表按各自单位换算后核对。 / Tables with amounts state their unit; one that does not is read as 万元 (info); tables in different units are a warning unless the document's template prescribes each table's unit (Shanghai districts: tables 1–8 in 元, table 9 in 万元), then each is checked against it; each table is read in its own unit.",
    severity: "warning",
    severityNote: "未注明单位为提示。 / A missing unit line is an info note.",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const withAmounts = ctx.tables.tables.filter((info) => info.rows.slice(info.headerCount).some((r) => r.some((c) => /^[\d,]+\.\d+$/.test(c.trim()))));
    for (const info of withAmounts)
      if (!info.unitStated) out.push(emit({ message: `${info.label} 未注明金额单位，按万元读取 / ${info.label} states no unit; read as 万元`, location: cellLocation(info), severity: "info" }));
    const template = findTemplate(ctx.document.meta.template);
    if (template) {
      // the template says each table's unit: a table printed in another is the finding
      for (const info of withAmounts) {
        const want = template.tables.find((t) => t.kind === info.kind)?.unit;
        if (info.unitStated && want && info.unit !== want)
          out.push(emit({ message: `${info.label} 以${info.unit}为单位，${template.shortName}规定为${want} / ${info.label} is in ${info.unit}; the template prints it in ${want}`, location: cellLocation(info), expected: want, actual: info.unit }));
      }
      return out;
    }
    const units = new Set(withAmounts.filter((i) => i.unitStated).map((i) => i.unit));
    if (units.size > 1) {
      const yuan = withAmounts.filter((i) => i.unitStated && i.unit === "元");
      out.push(emit({ message: `各表金额单位不一致：${yuan.map((i) => i.label).join("、")} 以元为单位，其余以万元为单位 / tables use different units (元 and 万元)`, location: cellLocation(yuan[0]!), actual: [...units].join("/") }));
    }
    return out;
  },
);

export const FORMAT_RULES: readonly DocumentRule[] = [formatPercentSign, formatShortUnit, formatDecimals, formatUnits];
