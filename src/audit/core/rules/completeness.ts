/**
 * 完整性 — what a disclosure must contain, as its template (src/core/templates) says: every required table
 * (a table the contents lists but the document does not print is missing; one printed empty with its note
 * counts), every required section of the narrative, a "本单位无…" / "此表为空" note for a table printed
 * empty, and the units the narrative says the department budget includes.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import { type Topic, isNarrativeTopic, paragraphTopic, topicOf } from "../claims/subjects.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { documentSections } from "../document.ts";
import { allAmounts } from "../interpret.ts";
import { cellLocation } from "../interpret/where.ts";
import { type NarrativeSection, editionFor, findTemplate, tableTitle } from "../../../core/templates/index.ts";
import type { TableInfo } from "../semantic.ts";
import { classifyTitle, kindSpokenOf } from "../titles.ts";

const BASIS = "《中华人民共和国预算法》第十四条；《中华人民共和国预算法实施条例》第六条；财预〔2016〕143号";

const fileLocation = (ctx: DocumentContext) => ({ kind: "text" as const, section: "", file: ctx.document.files[0]?.name ?? "" });

export const completeTables: DocumentRule = defineRule<DocumentContext>(
  {
    id: "complete.tables",
    title: "缺少公开表格",
    description: "按文件的公开模板（河南 13 张表、中央 9 张表、上海区级 9 张表……），每张必须公开的表都应公开；目录列出而文中没有的表一并指出。无数的表也应公开并注明“本单位无…”或“此表为空”。模板未能识别的文件不检查。 / Every required table of the document's template is published (Henan 13, central 9, Shanghai district 9 …), including one the contents lists but the document does not print; a table with no amounts is printed with its note. Not checked when the template is unknown.",
    basis: BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const definition = findTemplate(ctx.document.meta.template);
    if (!definition) return [];
    const year = ctx.document.meta.year;
    // the year's own order and numbers (Jiangsu 2017 numbered its tables otherwise)
    const template = year !== undefined ? editionFor(definition, year) : definition;
    const present = new Set(ctx.tables.tables.map((t) => t.kind));
    const listed = new Map(ctx.document.meta.contents.map((c) => [classifyTitle(c.text)?.kind, c]));
    return template.tables
      .filter((t) => t.required && !present.has(t.kind))
      .map((t) => {
        const entry = listed.get(t.kind);
        const { file, ...where } = entry?.place ?? { file: ctx.document.files[0]?.name ?? "" };
        const title = year !== undefined ? tableTitle(t, "department", year) : t.title.department.replace("{year}年", "");
        return emit({
          message: `缺少表${t.number} ${title}${entry ? `（目录列有“${entry.text}”，文中未见此表）` : ""} / table ${t.number} (${t.kind}) is missing${entry ? " although the contents list it" : ""}`,
          location: { kind: "text", section: entry ? "目录" : "", ...(entry ? { quote: entry.text } : {}), file, ...where },
          expected: title,
        });
      });
  },
);

/** The sections every budget narrative states when the template is unknown (domain.md §4). */
const DEFAULT_SECTIONS: readonly NarrativeSection[] = [
  { heading: "收入支出预算总体情况", states: [], topics: ["total"], required: true },
  { heading: "收入预算总体情况", states: [], topics: ["income"], required: true },
  { heading: "支出预算总体情况", states: [], topics: ["expenditure"], required: true },
  { heading: "财政拨款收支总体情况", states: [], topics: ["appropriation"], required: true },
  { heading: "一般公共预算支出情况", states: [], topics: ["gpb"], required: true },
  { heading: "一般公共预算基本支出（按经济分类）情况", states: [], topics: ["economic"], required: true },
  { heading: "“三公”经费支出情况", states: [], topics: ["three-public"], required: true },
  { heading: "政府性基金预算支出情况", states: [], topics: ["government-fund"], required: true },
  { heading: "国有资本经营预算支出情况", states: [], topics: ["state-capital"], required: true },
  { heading: "机关运行经费", states: [], topics: ["operating-cost"], required: true },
  { heading: "政府采购", states: [], topics: ["procurement"], required: true },
  { heading: "绩效目标设置情况", states: [], topics: ["performance"], required: true },
  { heading: "国有资产占用情况", states: [], topics: ["assets"], required: true },
];

/**
 * The numbered heading a paragraph opens with ("三、政府采购预算情况", perhaps run together with the text
 * after it): the words up to the first digit or punctuation, or undefined for a paragraph that opens
 * otherwise.
 */
function leadingHeading(text: string): string | undefined {
  return /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*([^\d。，；：:、]{2,20})/.exec(text)?.[1];
}

/**
 * A numbered heading at the very end of a paragraph ("…预算为464.64万元三、政府采购预算情况"): a heading a
 * reader joined to a sentence that lacked its 。.
 */
function trailingHeading(text: string): string | undefined {
  return /[^一二三四五六七八九十、][一二三四五六七八九十]{1,2}、([^\d。，；：:、]{2,20})$/.exec(text.trim())?.[1];
}

export const completeSections: DocumentRule = defineRule<DocumentContext>(
  {
    id: "complete.sections",
    title: "情况说明缺少部分内容",
    description: "情况说明应有公开模板要求的各部分（如上海区级：编制说明、“三公”经费、机关运行经费、政府采购、绩效目标、国有资产）；模板未能识别时按通常的各项：收支总体、收入、支出、财政拨款收支、一般公共预算支出、基本支出（按经济分类）、“三公”经费、政府性基金、国有资本经营、机关运行经费、政府采购、绩效目标、国有资产占用情况。只检查有情况说明的文件。 / The narrative has every required section of its template (Shanghai districts: the 编制说明, \"三公\", 机关运行经费, procurement, targets, assets); for an unknown template, the usual topics: totals, income, expenditure, appropriations, 一般公共预算, basic by economic class, \"三公\", 政府性基金, 国有资本经营, 机关运行经费, procurement, targets, assets. Checked only when there is a narrative.",
    basis: BASIS,
    severity: "warning",
  },
  (ctx, emit) => {
    const sections = documentSections(ctx.document);
    const topics = new Set<Topic>();
    // headings: the sections', and paragraphs that are numbered headings ("三、政府采购预算情况")
    const headings: string[] = [];
    for (const s of sections) {
      headings.push(s.heading);
      const t = topicOf(s.heading);
      if (t) topics.add(t);
      const inNarrative = isNarrativeTopic(t);
      for (const p of s.paragraphs) {
        // numbered items of the glossary or the profile ("七、“三公”经费：是指…") are not sections
        const lead = inNarrative ? leadingHeading(p.text) : undefined;
        const pt = paragraphTopic(p.text) ?? (lead ? topicOf(lead) : undefined);
        if (pt) topics.add(pt);
        if (lead) headings.push(lead);
        const trail = inNarrative ? trailingHeading(p.text) : undefined;
        if (trail) headings.push(trail);
      }
    }
    const narrative = [...topics].filter((t) => isNarrativeTopic(t) && t !== "other").length;
    if (narrative < 3) return [];
    const outline = findTemplate(ctx.document.meta.template)?.narrative ?? DEFAULT_SECTIONS;
    const headed = (words: readonly string[] | undefined): boolean => !!words?.some((w) => headings.some((h) => h.replace(/\s+/g, "").includes(w)));
    return outline
      .filter((s) => s.required && !headed(s.headingWords) && s.topics.some((t) => !topics.has(t as Topic)))
      .map((s) => {
        const missing = s.topics.filter((t) => !topics.has(t as Topic));
        return emit({ message: `情况说明中未见“${s.heading}”的说明 / the narrative has no section on ${missing.join(", ")}`, location: fileLocation(ctx), expected: s.heading });
      });
  },
);

/** Words saying there is none: "本单位无…", "没有", "未安排", "不涉及" (not 无形资产, 无偿). */
const NONE = String.raw`无(?![形偿])|没有|未安排|不涉及`;
/** Words saying there is nothing: those, or "此表为空". */
const NOTHING = new RegExp(`${NONE}|为空|空表`);
/** A template's instruction to the preparer, "（不涉及的不列）", "（没有的不列）": it says nothing about the money. */
const INSTRUCTION = /[（(][^）)]*不列[^）)]*[）)]/g;
/** A cell saying so: "（无政府性基金支出）", "本单位无此项支出", "此表为空" (not a label merely holding 无). */
const NOTHING_CELL = new RegExp(`^[（(]?(?:本(?:单位|部门)[^，。]{0,20}?)?(?:${NONE})|为空|空表`);
/** A zero amount stated in words: "支出 0 万元", "为零". */
const ZERO = /(?<![\d.,])0(?:\.0+)?\s*(?:万元|元)|为零/;

/**
 * Is a table printed empty said to be empty? By a note under it or a line inside it ("（无政府性基金支出）",
 * jiangsu-ad6f350a), or by the narrative: a sentence of the section about that table, or any sentence naming
 * the table's money, saying there is none or that it is 0 万元 ("本部门无政府性基金预算", "政府性基金支出预算支出
 * 0 万元"): a reader is told the table is empty either way.
 */
function declaredEmpty(ctx: DocumentContext, info: TableInfo): boolean {
  if (info.raw.notes.some((n) => NOTHING.test(n.text))) return true;
  if (info.rows.some((r) => r.some((c) => NOTHING_CELL.test(c.trim())))) return true;
  for (const s of documentSections(ctx.document)) {
    const aboutTable = kindSpokenOf(s.heading) === info.kind;
    for (const p of s.paragraphs)
      for (const sentence of p.text.replace(INSTRUCTION, "").split(/[。；;]/))
        if ((NOTHING.test(sentence) || ZERO.test(sentence)) && (aboutTable || kindSpokenOf(sentence) === info.kind)) return true;
  }
  return false;
}

export const completeEmptyDeclared: DocumentRule = defineRule<DocumentContext>(
  {
    id: "complete.empty-declared",
    title: "空表未注明“本单位无…”",
    description: "没有数据的表应注明原因（如“本单位2021年无政府性基金预算支出”“此表为空”），不能只印表头；注明可在表下、表内，或在情况说明中（说明该表的一节，或提及该项资金的句子，称“无…”或“0万元”）。 / A table with no amounts says why (\"本单位…无…\", \"此表为空\"), not just its header: under the table, inside it, or in the narrative (its section, or a sentence naming that money, saying none or 0 万元).",
    basis: BASIS,
    severity: "warning",
  },
  (ctx, emit) => {
    const amounts = allAmounts(ctx.tables);
    const out: Finding[] = [];
    for (const info of ctx.tables.tables) {
      // balance tables (1, 4) print their labels whatever the amounts; target tables are forms
      if (!info.kind || ["summary", "appropriation", "department-targets", "project-targets"].includes(info.kind)) continue;
      const mine = amounts.filter((a) => a.table === info.index);
      const empty = mine.every((a) => a.value.blank) && info.rows.slice(info.headerCount).every((r) => r.every((c) => !/^[\d,]+\.\d+$/.test(c.trim())));
      if (empty && !declaredEmpty(ctx, info)) out.push(emit({ message: `${info.label} 没有数据，也未注明“本单位无…” / ${info.label} is empty without saying so`, location: cellLocation(info) }));
    }
    return out;
  },
);

export const completeUnits: DocumentRule = defineRule<DocumentContext>(
  {
    id: "complete.units",
    title: "说明所述预算单位与表中单位不一致",
    description: "概况称部门预算包括下属（所属）单位预算，或列出多个单位，而表2、表3 只列一个单位。没有金额的单位可不入表，列为提示。 / The profile says the budget includes subordinate units, or names several, while tables 2 and 3 show one unit; a unit with no amounts may be left out of the tables, so this is an info note.",
    severity: "info",
  },
  (ctx, emit) => {
    if (ctx.tables.units.size !== 1) return [];
    for (const s of documentSections(ctx.document)) {
      for (const p of s.paragraphs) {
        const m = /部门预算包括[^。]*?(下属|所属|二级)单位[^。]*。|单位共(\d+)个/.exec(p.text);
        if (!m || (m[2] !== undefined && Number(m[2]) <= 1)) continue;
        const { file, ...where } = p.place;
        return [emit({ message: `概况称“${m[0]}”，而表中只有单位 ${[...ctx.tables.units.keys()].join("")} / the profile speaks of several units; the tables show one`, location: { kind: "text", section: s.heading, quote: m[0], file, ...where }, expected: "≥2", actual: "1" })];
      }
    }
    return [];
  },
);

export const COMPLETENESS_RULES: readonly DocumentRule[] = [completeTables, completeSections, completeEmptyDeclared, completeUnits];
