/**
 * 模板登记 — every disclosure template Yusuan knows, by id. Rendering picks one (`--template`, the
 * publication setting); the audit detects which one a document follows from the same list.
 */
import { chineseNumber } from "../catalog.ts";
import { CENTRAL9 } from "./central9.ts";
import { HENAN13 } from "./henan13.ts";
import { JIANGSU_PROVINCE } from "./jiangsu-province.ts";
import { SHANGHAI_DISTRICT_2025 } from "./shanghai-district-2025.ts";
import { SHANGHAI_DISTRICT_FINAL_9 } from "./shanghai-district-final-9.ts";
import type { ByScope, TemplateDefinition, TemplateTable } from "./types.ts";

export type * from "./types.ts";

/** Every template, in the order menus list them. */
export const TEMPLATES: readonly TemplateDefinition[] = [HENAN13, CENTRAL9, SHANGHAI_DISTRICT_2025, JIANGSU_PROVINCE, SHANGHAI_DISTRICT_FINAL_9];

/** The template used when nothing chooses one (the sample's own, Henan's). */
export const DEFAULT_TEMPLATE_ID = "henan13";

/**
 * The templates a budget alone is drawn into (部门预算): what `render`, the server's render route and a
 * region's publication setting choose from. Final-accounts templates (部门决算) also need the year's
 * execution: FINAL_ACCOUNTS_TEMPLATE_IDS.
 */
export const TEMPLATE_IDS: readonly string[] = TEMPLATES.filter((t) => t.appliesTo.document === "budget").map((t) => t.id);

/** The final-accounts (部门决算) templates: drawn from a budget and its execution (src/core/final-accounts). */
export const FINAL_ACCOUNTS_TEMPLATE_IDS: readonly string[] = TEMPLATES.filter((t) => t.appliesTo.document === "final-accounts").map((t) => t.id);

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

/** The template of an id, or undefined for an id no template has. */
export function findTemplate(id: string): TemplateDefinition | undefined {
  return BY_ID.get(id);
}

/** The template of an id known to be valid (a registry id); throws for any other. */
/** Whether a template draws final accounts (部门决算), which need the year's execution, not a budget alone. */
export function isFinalAccounts(t: TemplateDefinition): boolean {
  return t.appliesTo.document === "final-accounts";
}

/** The template of an id known to be valid (a registry id); throws for any other. */
export function templateById(id: string): TemplateDefinition {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`unknown template ${id}`);
  return t;
}

/**
 * The template as `year` prints it: where an edition covers the year (Jiangsu's 2017 order), its tables in
 * that order, numbered 1…n, with 表号 only where that year printed them; otherwise the template itself.
 */
export function editionFor(template: TemplateDefinition, year: number): TemplateDefinition {
  const edition = [...(template.editions ?? [])].sort((a, b) => a.to - b.to).find((e) => year <= e.to);
  if (!edition) return template;
  const byId = new Map(template.tables.map((t) => [t.id, t]));
  const tables = edition.order.map((id, i): TemplateTable => {
    const t = byId.get(id);
    if (!t) throw new Error(`template ${template.id}: edition to ${edition.to} names no table ${id}`);
    const { printedNumber, ...rest } = t;
    return { ...rest, number: i + 1, ...(edition.printedNumbers && printedNumber ? { printedNumber } : {}) };
  });
  return { ...template, tables };
}

/** A template string with its {year} filled in. */
export function fillYear(text: string, year: number): string {
  return text.replaceAll("{year}", String(year));
}

/** The title a table prints for a department's or a unit's document in `year`. */
export function tableTitle(table: TemplateTable, who: keyof ByScope<string>, year: number): string {
  return fillYear(table.title[who], year);
}

/** Every title the template accepts for a table, without the year: both scopes' titles and the variants. */
export function acceptedTitles(table: TemplateTable): string[] {
  const strip = (s: string) => s.replace("{year}年", "");
  return [...new Set([strip(table.title.department), strip(table.title.unit), ...(table.alsoTitled ?? [])])];
}

/** What the contents print before a table's title: "一、" or "1. ". */
export function contentsPrefix(template: TemplateDefinition, table: TemplateTable): string {
  return template.contentsNumbering === "chinese" ? `${chineseNumber(table.number)}、` : `${table.number}. `;
}
