/**
 * 说明中的计数与列举 — counts and lists in the narrative against the tables: the number of projects and of
 * projects with targets (table 13), a 专项转移支付 project's name, a count of things also counted by the
 * project indicators ("124社区" vs 社区数量 120), and the items 人员经费 / 公用经费 are said to include.
 */
import { normaliseName } from "../../../core/catalog.ts";
import { economicSection, isPersonnel } from "../../../core/derive/economic.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { claimLocation } from "./helpers.ts";
import { projectByName, projects } from "./resolve.ts";

export const narrativeProjectCount: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.project-count",
    title: "说明中的项目个数与项目绩效目标表不符",
    description: "“共有预算项目N个，其中M个项目编制了绩效目标”应与表13 的项目数和有绩效指标的项目数一致。 / The number of projects, and of projects with targets, equals table 13's.",
    severity: "error",
  },
  (ctx, emit) => {
    if (!ctx.tables.projectTargets) return [];
    const all = projects(ctx);
    const out: Finding[] = [];
    for (const c of ctx.claims) {
      const expected = c.subject === "projects" ? all.length : c.subject === "projects-with-targets" ? all.filter((p) => p.indicators.length > 0).length : undefined;
      if (expected === undefined || c.count === undefined || c.count === expected) continue;
      out.push(emit({ message: `说明称${c.subject === "projects" ? "共有预算项目" : "编制绩效目标的项目"}${c.text}，表13 有 ${expected} 个 / the narrative says ${c.text}; table 13 has ${expected}`, location: claimLocation(c), expected: String(expected), actual: c.text }));
    }
    return out;
  },
);

export const narrativeProjectName: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.project-name",
    title: "说明中的项目名称与表不同",
    description: "说明所列专项转移支付项目的名称，在表13 中没有完全相同的项目，按名称最相近者核对金额。 / A 专项转移支付 project named in the narrative has no project of exactly that name in table 13; its amount is checked against the most alike name.",
    severity: "info",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const c of ctx.claims) {
      if (!c.subject?.startsWith("transfer:")) continue;
      const name = c.subject.slice(9);
      const p = projectByName(ctx, name);
      if (!p || normaliseName(p.name) === normaliseName(name)) continue;
      out.push(emit({ message: `说明中的项目“${name}”在表13 中名为“${p.name}”（${p.code}） / "${name}" is called "${p.name}" in table 13`, location: claimLocation(c), expected: p.name, actual: name }));
    }
    return out;
  },
);

export const narrativeIndicatorCount: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.indicator-count",
    title: "说明中的数量与项目绩效指标不同",
    description: "说明中的数量（如“124社区”）与表13 中统计同一事物的产出指标（如“社区数量 120”）都不相等。各项目覆盖范围可能不同，列为提示。 / A count in the narrative (\"124社区\") equals none of table 13's indicators counting the same thing (\"社区数量 120\"); projects may cover different scopes, so this is an info note.",
    severity: "info",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    const indicators = projects(ctx).flatMap((p) => p.indicators);
    const seen = new Set<string>();
    for (const c of ctx.claims) {
      if (c.kind !== "count" || c.subject || !c.noun || c.count === undefined) continue;
      const noun = c.noun;
      const values = indicators
        .filter((i) => i.level3.includes(`${noun}数`) || i.level3 === `${noun}数量`)
        .map((i) => ({ name: i.level3, n: /^(\d+)\s*[个户人家所项]?$/.exec(i.value.trim())?.[1] }))
        .filter((x): x is { name: string; n: string } => x.n !== undefined);
      const key = `${c.count}${noun}`;
      if (values.length === 0 || values.some((v) => Number(v.n) === c.count) || seen.has(key)) continue;
      seen.add(key);
      out.push(emit({ message: `说明称${c.count}${noun}，表13 的指标为${values.map((v) => `${v.name} ${v.n}`).join("、")} / the narrative counts ${c.count} ${noun}; table 13's indicators say ${values.map((v) => v.n).join(", ")}`, location: claimLocation(c), expected: values.map((v) => v.n).join("/"), actual: String(c.count) }));
    }
    return out;
  },
);

interface EconomicEntry {
  code: string;
  name: string;
}

/** The catalog entry an item of a list names: exact, or the catalog name starting or ending with it. */
function entryFor(entries: readonly EconomicEntry[], item: string): EconomicEntry | undefined {
  const n = normaliseName(item);
  const strip = (s: string) => normaliseName(s).replace(/(费用|费|支出)$/, "");
  if (n.length < 2) return undefined;
  return (
    entries.find((e) => normaliseName(e.name) === n) ??
    entries.find((e) => strip(e.name) === strip(n) && strip(n).length >= 2) ??
    entries.find((e) => normaliseName(e.name).startsWith(n)) ??
    entries.find((e) => n.length >= 3 && normaliseName(e.name).endsWith(n))
  );
}

export const narrativeItems: DocumentRule = defineRule<DocumentContext>(
  {
    id: "narrative.items",
    title: "人员经费、公用经费所列项目有误",
    description: "说明中“人员经费主要包括…”“公用经费主要包括…”所列的每一项应是经济分类中的科目：不是科目名称的（如把“奖金”写作“资金”）为警告；人员经费列入 302/310 科目、公用经费列入 301/303 科目为警告；列出而表11 没有金额的科目为提示。 / Each item listed under 人员经费 or 公用经费 is an economic classification item: an unknown name (\"资金\" for 奖金) or an item of the other kind is a warning; an item with no amount in table 11 is an info note.",
    severity: "warning",
    severityNote: "列出而表中无数的科目为提示。 / Items with no amount in the tables are an info note.",
  },
  (ctx, emit) => {
    const catalog = ctx.catalog;
    if (!catalog) return [];
    const entries: EconomicEntry[] = catalog.catalog.departmentEconomic.entries.filter((e) => e.code.length >= 5);
    const printed = new Set([...(ctx.tables.gpbBasic?.rows ?? []), ...(ctx.tables.economic?.rows ?? [])].map((r) => r.code).filter((c): c is string => !!c));
    const out: Finding[] = [];
    const done = new Set<string>();
    for (const c of ctx.claims) {
      if ((c.subject !== "personnel" && c.subject !== "public") || c.kind !== "amount" || done.has(`${c.subject}|${c.sentence}`)) continue;
      const list = /主要包括[:：]([^。；;]*)/.exec(c.sentence)?.[1];
      if (!list) continue;
      done.add(`${c.subject}|${c.sentence}`);
      const items = list.split(/[、，,]/).map((s) => s.replace(/等$/, "").trim()).filter((s) => s !== "");
      const unknown: string[] = [];
      const wrongKind: string[] = [];
      const absent: string[] = [];
      for (const item of items) {
        const e = entryFor(entries, item);
        if (!e) unknown.push(item);
        else if ((c.subject === "personnel") !== isPersonnel(e.code)) wrongKind.push(`${item}（${e.code}）`);
        else if (printed.size > 0 && ![...printed].some((p) => p.startsWith(economicSection(e.code)))) absent.push(`${item}（${e.code}）`);
      }
      const what = c.subject === "personnel" ? "人员经费" : "公用经费";
      if (unknown.length > 0) out.push(emit({ message: `${what}所列“${unknown.join("、")}”不是经济分类科目名称 / not an economic classification item: ${unknown.join(", ")}`, location: claimLocation(c), actual: unknown.join("、") }));
      if (wrongKind.length > 0) out.push(emit({ message: `${what}所列 ${wrongKind.join("、")} 不属于${what} / these items are not ${c.subject}: ${wrongKind.join(", ")}`, location: claimLocation(c), actual: wrongKind.join("、") }));
      if (absent.length > 0) out.push(emit({ message: `${what}所列 ${absent.join("、")} 在表11 中没有金额 / listed but with no amount in table 11: ${absent.join(", ")}`, location: claimLocation(c), actual: absent.join("、"), severity: "info" }));
    }
    return out;
  },
);

export const COUNT_RULES: readonly DocumentRule[] = [narrativeProjectCount, narrativeProjectName, narrativeIndicatorCount, narrativeItems];
