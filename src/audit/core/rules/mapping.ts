/**
 * 经济分类对照 — table 11 maps each department economic code to a government code, and the right one
 * depends on the unit type (行政/参公 301 → 501, 事业 301 → 505; 30239 其他交通费用 → 50201 办公经费). The
 * document does not state the type: unit-type.ts infers it and a finding states the inference. And 302/310
 * spending is never 人员经费, 301/303 never 公用经费.
 */
import { economicCodeFacts } from "../../../core/derive/economic.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellLocation } from "../interpret/where.ts";
import type { EconomicTable } from "../semantic.ts";
import { wan } from "./helpers.ts";

const BASIS = "《财政部关于印发〈支出经济分类科目改革试行方案〉的通知》（财预〔2017〕98号）及其科目对照表";
const FAMILY_NAMES = { administrative: "行政单位（含参公）", institution: "事业单位" } as const;

export const mappingUnitType: DocumentRule = defineRule<DocumentContext>(
  {
    id: "mapping.unit-type",
    title: "单位类型的推定",
    description: "公开文件不写单位类型，而经济分类对照和机关运行经费取决于它：据行政单位医疗（2101101）/事业单位医疗（2101102）、表11 多数科目的对照方向、机关运行经费表是否有数推定，并说明依据；多个单位或依据相当时两种对照都接受。 / The unit type is not printed but the mapping and 机关运行经费 depend on it: it is inferred from 2101101/2101102, the direction most of table 11 maps to, and whether table 9 has amounts; several units or a tie accept both.",
    severity: "info",
  },
  (ctx, emit) => {
    if (!ctx.tables.gpbBasic && !ctx.tables.operatingCost) return [];
    const u = ctx.unitType;
    const what = u.families.length === 1 ? `推定为${FAMILY_NAMES[u.families[0]!]}` : "无法确定为行政或事业单位，两种对照均接受";
    return [
      emit({
        message: `${u.units} 个单位，${what}（依据：${u.evidence.join("；") || "无"}） / ${u.units} unit(s): ${u.families.join(" or ")} assumed (evidence: ${u.evidence.length})`,
        location: cellLocation((ctx.tables.gpbBasic ?? ctx.tables.operatingCost)!.info),
        actual: u.families.join("/"),
      }),
    ];
  },
);

export const mappingGovernmentCode: DocumentRule = defineRule<DocumentContext>(
  {
    id: "mapping.government-code",
    title: "部门经济分类对应的政府经济分类有误",
    description: "表11 中每个部门经济分类科目对应的政府经济分类，应符合对照表及推定的单位类型（如行政单位 30107 绩效工资 → 50101，30239 其他交通费用 → 50201）。 / Each department code in table 11 maps to the government code the mapping gives for the inferred unit type (行政: 30107 → 50101, 30239 → 50201).",
    basis: BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const catalog = ctx.catalog;
    const t = ctx.tables.gpbBasic;
    if (!catalog || !t) return [];
    const out: Finding[] = [];
    const regrouped = new Map<string, number>();
    let moved = false;
    for (const r of t.rows) {
      if (r.kind !== "detail" || !r.code || !r.govCode) continue;
      const expected = new Set(ctx.unitType.families.map((f) => catalog.governmentCodeFor(r.code!, f)).filter((g): g is string => !!g));
      const right = expected.size === 1 && !expected.has(r.govCode) ? [...expected][0]! : r.govCode;
      regrouped.set(right, (regrouped.get(right) ?? 0) + (r.amounts.get("total")?.value.fen ?? 0));
      if (expected.size === 0 || expected.has(r.govCode)) continue;
      moved ||= expected.size === 1;
      const exp = [...expected].join(" 或 ");
      out.push(
        emit({
          message: `${t.info.label} ${r.code} ${r.name} 对应 ${r.govCode} ${r.govName ?? ""}，按${ctx.unitType.families.map((f) => FAMILY_NAMES[f]).join("或")}应对应 ${exp} ${catalog.governmentEconomicName([...expected][0]!)} / ${r.code} maps to ${r.govCode}; for this unit type it maps to ${[...expected].join(" or ")}`,
          location: cellLocation(t.info, r.row),
          expected: [...expected].join("/"),
          actual: r.govCode,
        }),
      );
    }
    const subtotals = t.rows.filter((r) => r.kind === "subtotal" && r.govCode);
    const changes = moved
      ? [...new Set([...subtotals.map((r) => r.govCode!), ...regrouped.keys()])]
          .map((g) => ({ g, printed: subtotals.find((r) => r.govCode === g)?.amounts.get("total"), right: regrouped.get(g) ?? 0 }))
          .filter((x) => (x.printed?.value.fen ?? 0) !== x.right)
      : [];
    if (changes.length > 0) {
      const first = subtotals.find((r) => changes.some((c) => c.g === r.govCode)) ?? subtotals[0];
      const list = changes.map((c) => `${c.g} ${c.printed ? wan(c.printed.value.fen) : "（无）"} → ${wan(c.right)}`).join("；");
      out.push(emit({ message: `${t.info.label} 按正确对应，各政府经济分类小计应为：${list} / with the mapping corrected the subtotals become: ${list}`, location: cellLocation(t.info, first?.row), expected: changes.map((c) => `${c.g}=${wan(c.right)}`).join(" "), actual: changes.map((c) => `${c.g}=${c.printed ? wan(c.printed.value.fen) : "-"}`).join(" ") }));
    }
    return out;
  },
);

function splitCheck(t: EconomicTable | undefined): { row: number; code: string; name: string; wrong: "personnel" | "public"; text: string }[] {
  const out: { row: number; code: string; name: string; wrong: "personnel" | "public"; text: string }[] = [];
  for (const r of t?.rows ?? []) {
    if (!r.code || r.kind === "total" || r.kind === "subtotal") continue;
    const personnel = r.amounts.get("personnel");
    const pub = r.amounts.get("public");
    const facts = economicCodeFacts(r.code);
    if (facts.operatingClass && personnel && personnel.value.fen !== 0) out.push({ row: r.row, code: r.code, name: r.name, wrong: "personnel", text: personnel.value.text });
    if (facts.personnel && pub && pub.value.fen !== 0) out.push({ row: r.row, code: r.code, name: r.name, wrong: "public", text: pub.value.text });
  }
  return out;
}

export const mappingPersonnelPublic: DocumentRule = defineRule<DocumentContext>(
  {
    id: "mapping.personnel-public",
    title: "人员经费与公用经费划分有误",
    description: "人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助；302 商品和服务支出、310 资本性支出属公用经费，不得列入人员经费，301/303 也不得列入公用经费。 / 人员经费 is 301 + 303; 302 and 310 are 公用经费 and never 人员经费, nor 301/303 公用经费.",
    severity: "error",
  },
  (ctx, emit) =>
    [ctx.tables.gpbBasic].flatMap((t) =>
      splitCheck(t).map((x) =>
        emit({
          message: `${t!.info.label} ${x.code} ${x.name} ${x.text} 列入${x.wrong === "personnel" ? "人员经费，应为公用经费" : "公用经费，应为人员经费"} / ${x.code} is counted as ${x.wrong}; it belongs to ${x.wrong === "personnel" ? "public funds" : "personnel"}`,
          location: cellLocation(t!.info, x.row, t!.columns.get(x.wrong)),
          expected: x.wrong === "personnel" ? "公用经费" : "人员经费",
          actual: x.wrong === "personnel" ? "人员经费" : "公用经费",
        }),
      ),
    ),
);

export const MAPPING_RULES: readonly DocumentRule[] = [mappingUnitType, mappingGovernmentCode, mappingPersonnelPublic];
