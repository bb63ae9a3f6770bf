/**
 * 表名识别 — which disclosure table a printed title names, and in which templates. The titles come from
 * the template registry (src/core/templates): a title a template prints or accepts names that template's
 * table exactly; other wordings real documents print (the year or not, 部门/预算 words left out,
 * "政府性基金支出情况表", 申报表 for 目标表, numbering and markdown around it) are still recognised by
 * kind, without naming a template.
 */
import { TEMPLATES, type TableKind, type TemplateDefinition, acceptedTitles } from "../../core/templates/index.ts";
import type { Template } from "./document.ts";

export type { TableKind };

/** The tables of each template, in print order (index + 1 is the table's number), from the registry. */
export const TEMPLATE_TABLES: Readonly<Record<string, readonly TableKind[]>> = Object.fromEntries(TEMPLATES.map((t) => [t.id, t.tables.map((x) => x.kind)]));

/** Short Chinese names of the kinds, for messages. */
export const TABLE_KIND_NAMES: Record<TableKind, string> = {
  summary: "部门收支总体情况表",
  income: "部门收入总体情况表",
  expenditure: "部门支出总体情况表",
  appropriation: "财政拨款收支总体情况表",
  "gpb-expenditure": "一般公共预算支出情况表",
  economic: "支出预算分类汇总表（按经济分类）",
  "three-public": "一般公共预算“三公”经费支出情况表",
  "government-fund": "政府性基金预算支出情况表",
  "operating-cost": "机关运行经费",
  "state-capital": "国有资本经营预算支出情况表",
  "gpb-basic": "一般公共预算基本支出预算表",
  "department-targets": "部门（单位）整体绩效目标表",
  "project-targets": "预算项目绩效目标汇总表",
  "appropriation-expenditure": "财政拨款支出预算表",
  "appropriation-basic": "财政拨款基本支出预算表",
  procurement: "政府采购支出预算表",
  "final-summary": "收入支出决算总表",
  "final-income": "收入决算表",
  "final-expenditure": "支出决算表",
  "final-appropriation": "财政拨款收入支出决算总表",
  "final-gpb-expenditure": "一般公共预算财政拨款支出决算表",
  "final-gpb-basic": "一般公共预算财政拨款基本支出决算表",
  "final-three-public": "财政拨款“三公”经费支出决算表",
  "final-government-fund": "政府性基金预算财政拨款收入支出决算表",
  "final-state-capital": "国有资本经营预算财政拨款收入支出决算表",
};

/** What a title says: the table kind, the templates whose titles it is (with that table's number), and the year. */
export interface TitleInfo {
  kind: TableKind;
  /** template id → the table's number there, for each template that prints or accepts this exact title */
  templates: ReadonlyMap<string, number>;
  year?: number;
}

const PATTERNS: readonly [TableKind, RegExp][] = [
  ["three-public", /三公/],
  ["procurement", /政府采购/],
  ["department-targets", /整体绩效目标/],
  ["project-targets", /项目绩效目标/],
  ["gpb-basic", /一般公共预算基本支出/],
  ["operating-cost", /机关运行经费/],
  ["government-fund", /政府性基金/],
  ["state-capital", /国有资本经营/],
  ["appropriation", /财政拨款收支/],
  ["appropriation-basic", /^((19|20)\d{2}年度?)?财政拨款基本支出/],
  ["appropriation-expenditure", /^((19|20)\d{2}年度?)?财政拨款支出/],
  ["economic", /按(支出)?经济分类|分类汇总表/],
  ["gpb-expenditure", /一般公共预算支出/],
  ["summary", /收支(预算)?总/],
  ["income", /收入(预算)?总/],
  ["expenditure", /支出(预算)?总/],
];

/** Markdown marks, spaces and leading numbering ("一、", "附表3", "表1：", "公开01表") removed. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/[#*`]/g, "")
    .replace(/\s+/g, "")
    .replace(/^(附件[:：]?)?((公开)?附?表[0-9一二三四五六七八九十]+[:：、.．-]?|公开[0-9]+表[:：、.．-]?|[一二三四五六七八九十]+[、.．]|[0-9]{1,2}[、.．])/, "");
}

/** A title reduced to what names the table: no year, no quotes or bracket variants. */
export function titleKey(title: string): string {
  return normaliseTitle(title)
    .replace(/^(19|20)\d{2}年度?/, "")
    .replace(/[“”"‘’']/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

/** Every accepted title's key → the templates printing it, with the table's number there. */
const KNOWN_TITLES: ReadonlyMap<string, { kind: TableKind; templates: Map<string, number> }> = (() => {
  const m = new Map<string, { kind: TableKind; templates: Map<string, number> }>();
  for (const t of TEMPLATES)
    for (const table of t.tables)
      for (const title of acceptedTitles(table)) {
        const key = titleKey(title);
        const hit = m.get(key) ?? { kind: table.kind, templates: new Map<string, number>() };
        hit.templates.set(t.id, table.number);
        m.set(key, hit);
      }
  return m;
})();

const NONE: ReadonlyMap<string, number> = new Map();

/** What ends the name of a department or unit printed before a title ("江苏省高级人民法院收支预算总表"). */
const PUBLISHER_END = /(院|厅|局|委|会|部|办|室|处|所|馆|站|社|团|校|中心|部门)$/;

/**
 * A known title printed after the publisher's name: the longest accepted title the key ends with, when what
 * precedes it ends like a department's or unit's name (so "财政拨款收支预算总表" is not read as "收支预算总表").
 */
function afterPublisherName(key: string): { kind: TableKind; templates: Map<string, number> } | undefined {
  let best: { kind: TableKind; templates: Map<string, number> } | undefined;
  let length = 0;
  for (const [title, hit] of KNOWN_TITLES) {
    if (title.length <= length || title.length >= key.length || !key.endsWith(title)) continue;
    if (!PUBLISHER_END.test(key.slice(0, key.length - title.length))) continue;
    [best, length] = [hit, title.length];
  }
  return best;
}

/**
 * The kind of table a heading or sentence speaks of ("七、政府性基金支出预算表情况说明", "本部门无政府性基金预算"):
 * the first kind whose words it holds, without requiring it to be a title.
 */
export function kindSpokenOf(text: string): TableKind | undefined {
  const t = normaliseTitle(text);
  return PATTERNS.find(([, re]) => re.test(t))?.[0];
}

/**
 * The table a title names, or undefined when it names none. A title must end like a table's ("…表",
 * "…表（按支出经济分类）", or Henan's bare "…机关运行经费"), so narrative headings such as
 * "（一）机关运行经费支出情况" are not taken for tables.
 */
export function classifyTitle(title: string): TitleInfo | undefined {
  const t = normaliseTitle(title);
  if (t.length === 0 || t.length > 60) return undefined;
  if (!/(表|表（[^）]{1,20}）|机关运行经费)$/.test(t)) return undefined;
  const year = /((?:19|20)\d{2})年/.exec(t)?.[1];
  const known = KNOWN_TITLES.get(titleKey(t)) ?? afterPublisherName(titleKey(t));
  const kind = known?.kind ?? PATTERNS.find(([, re]) => re.test(t))?.[0];
  if (!kind) return undefined;
  return { kind, templates: known?.templates ?? NONE, ...(year ? { year: Number(year) } : {}) };
}

/**
 * 模板识别 — the template whose titles the document prints: the one that names the most of the titles
 * (each of its tables counted once), when that is at least three of its tables (or all, for a smaller one)
 * and no other template names as many. Anything else is "unknown": never a default.
 */
export function detectTemplate(titles: readonly TitleInfo[]): Template {
  let best: TemplateDefinition | undefined;
  let bestScore = 0;
  let tie = false;
  for (const t of TEMPLATES) {
    const numbers = new Set<number>();
    for (const info of titles) {
      const n = info.templates.get(t.id);
      if (n !== undefined) numbers.add(n);
    }
    const score = numbers.size;
    if (score < Math.min(3, t.tables.length)) continue;
    if (score > bestScore) [best, bestScore, tie] = [t, score, false];
    else if (score === bestScore) tie = true;
  }
  return best && !tie ? best.id : "unknown";
}

/** The number a table of this kind has in the template (1-based), or undefined when the template lacks it. */
export function tableNumber(template: Template, kind: TableKind): number | undefined {
  const kinds = TEMPLATE_TABLES[template];
  if (!kinds) return undefined;
  const i = kinds.indexOf(kind);
  return i < 0 ? undefined : i + 1;
}
