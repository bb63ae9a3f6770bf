/**
 * 科目编码 — codes and names printed in the tables against the year's catalog: functional codes (tables
 * 2, 3, 5, 8, 10), table 4's 类 list, department and government economic codes (tables 6, 9, 11), and the
 * 经济科目 of Jiangsu's 政府采购支出预算表.
 * Names are compared with the catalog's aliases (城乡社区事务 is 城乡社区支出), and a name cut short
 * ("机关事业单位基本养老保险") is accepted.
 */
import type { CatalogIndex } from "../../../core/catalog.ts";
import { chineseNumber, codeLevel, normaliseName } from "../../../core/catalog.ts";
import { BUILT_IN_YEARS } from "../../../core/catalogs/index.ts";
import { yearMapping } from "../../../core/catalogs/year-mapping.ts";
import type { Finding, Severity } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import { isEconomicCode } from "../../../core/rules/codes.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { cellLocation } from "../interpret/where.ts";
import type { FunctionalTable } from "../semantic.ts";

/** Against the built-in catalog a missing code is a warning (it may lack a real code); against an official one, an error. */
const severityOf = (c: CatalogIndex): Severity => (c.origin === "official" ? "error" : "warning");
const SEVERITY_NOTE = "对照内置科目表为警告，对照财政部门正式科目表为错误。 / A warning against the built-in catalog, an error against an official one.";
const FUNCTIONAL_SEVERITY_NOTE =
  "对照内置科目表为警告，对照财政部门正式科目表为错误；内置科目表中该年度未经确认的项为提示。 / A warning against the built-in catalog, an error against an official one; a 项 the built-in catalog does not confirm for the year is info.";
const UNCONFIRMED_NOTE = { zh: "（该年度内置科目表的项未经确认，仅作提示）", en: " (the built-in catalog does not confirm this 项 for the year: info only)" };

const functionalTables = (ctx: DocumentContext): FunctionalTable[] =>
  [ctx.tables.income, ctx.tables.expenditure, ctx.tables.gpbExpenditure, ctx.tables.governmentFund, ctx.tables.stateCapital].filter((t): t is FunctionalTable => !!t);

/** A printed name accepted for a catalog name: equal (aliases too), or the catalog name cut short. */
function nameAccepted(official: string | undefined, printed: string, matches: boolean): boolean {
  if (matches || !official) return true;
  const p = normaliseName(printed);
  const o = normaliseName(official);
  return p.length >= 4 && (o.startsWith(p) || o.endsWith(p));
}

/**
 * Where a code the year lacks is last year's, renumbered or merged this year (2017 30311 住房公积金 is 30113
 * in 2018): the note saying so and this year's code, from the built-in catalogs' change lists.
 */
function lastYearsCode(year: number, code: string, kind: "functional" | "economic"): { zh: string; en: string; now?: string } {
  const now = BUILT_IN_YEARS.includes(year - 1) && BUILT_IN_YEARS.includes(year) ? yearMapping(year - 1, year)[kind]?.[code] : undefined;
  return now ? { zh: `（${year - 1}年科目，${year}年为 ${now}）`, en: ` (a ${year - 1} code: ${now} in ${year})`, now } : { zh: "", en: "" };
}

export const codeFunctional: DocumentRule = defineRule<DocumentContext>(
  {
    id: "code.functional",
    title: "功能分类科目编码或名称与科目表不符",
    description: "表中的功能分类编码应是该年度科目表中的科目，所印名称应与科目名称（或其别名、简称）一致。 / Each functional code is in the year's catalog and its printed name is the catalog's name, an alias or a short form.",
    severity: "warning",
    severityNote: FUNCTIONAL_SEVERITY_NOTE,
  },
  (ctx, emit) => {
    const catalog = ctx.catalog;
    if (!catalog) return [];
    const out: Finding[] = [];
    for (const t of functionalTables(ctx)) {
      const seen = new Set<string>();
      for (const r of t.rows) {
        if (r.kind !== "code" || !r.code || seen.has(`${r.code}|${r.name}`)) continue;
        seen.add(`${r.code}|${r.name}`);
        const entry = catalog.functionalEntry(r.code);
        // a 项 the year's catalog does not confirm (carried over from a neighbouring year, or a partial list)
        // is reported as info; 类 and 款 are checked in full
        const unconfirmed = codeLevel(r.code) === "item" && catalog.functionalEntry(r.code.slice(0, 5)) !== undefined && !catalog.isConfirmed(r.code);
        const note = unconfirmed ? UNCONFIRMED_NOTE : { zh: "", en: "" };
        if (!entry) {
          const moved = lastYearsCode(catalog.year, r.code, "functional");
          out.push(emit({ message: `${t.info.label} 科目 ${r.code} 不在${catalog.year}年科目表中${moved.zh}${note.zh} / code ${r.code} is not in the ${catalog.year} catalog${moved.en}${note.en}`, location: cellLocation(t.info, r.row), actual: r.code, ...(moved.now ? { expected: moved.now } : {}), severity: unconfirmed ? "info" : severityOf(catalog) }));
        } else if (r.name && !nameAccepted(entry.name, r.name, catalog.functionalNameMatches(r.code, r.name))) {
          out.push(emit({ message: `${t.info.label} 科目 ${r.code} 名称为“${r.name}”，科目表为“${entry.name}”${note.zh} / code ${r.code} is named "${r.name}", the catalog says "${entry.name}"${note.en}`, location: cellLocation(t.info, r.row), expected: entry.name, actual: r.name, ...(unconfirmed ? { severity: "info" as const } : {}) }));
        }
      }
    }
    return out;
  },
);

export const codeUnpadded: DocumentRule = defineRule<DocumentContext>(
  {
    id: "code.unpadded",
    title: "科目编码缺少前导零",
    description: "功能分类的款、项各为两位，“201 29 6”应印为“201 29 06”。编码按补零后的科目核对。 / 款 and 项 have two digits each: \"201 29 6\" is printed for \"201 29 06\". The codes are checked as padded.",
    severity: "warning",
  },
  (ctx, emit) =>
    functionalTables(ctx).flatMap((t) => {
      const rows = t.rows.filter((r) => r.kind === "code" && !r.padded);
      if (rows.length === 0) return [];
      const list = rows.map((r) => `“${r.codeText}”（${r.code}）`).join("、");
      return [emit({ message: `${t.info.label} 有 ${rows.length} 行编码缺少前导零：${list} / ${rows.length} codes lost their leading zeros`, location: cellLocation(t.info, rows[0]!.row), expected: rows.map((r) => r.code).join(" "), actual: rows.map((r) => r.codeText).join("; ") })];
    }),
);

export const codeClassList: DocumentRule = defineRule<DocumentContext>(
  {
    id: "code.class-list",
    title: "财政拨款收支总表的类名称或类目不全",
    description: "表4 按“一、二、……”列示功能分类各类，序号对应类编码（一 = 201 … 三十四 = 234），名称应与科目表一致（接受别名、简称）；列示全部类的样式（河南）应列出该年度的每一类，空类也列。 / Table 4 numbers each 类 by its code (一 = 201 …); names match the catalog (aliases accepted); the layout that lists every 类 lists all of the year's, empty ones too.",
    severity: "warning",
  },
  (ctx, emit) => {
    const catalog = ctx.catalog;
    const t = ctx.tables.appropriation;
    if (!catalog || !t) return [];
    const out: Finding[] = [];
    const lines = t.expenditure.filter((l) => l.key?.startsWith("class:"));
    for (const l of lines) {
      const code = l.key!.slice(6);
      const entry = catalog.functionalEntry(code);
      if (!entry) out.push(emit({ message: `${t.info.label}“${chineseNumber(l.numeral ?? 0)}、${l.label}”：${code} 不是${catalog.year}年的类 / ${code} is not a class of ${catalog.year}`, location: cellLocation(t.info, l.row), actual: l.label }));
      else if (!catalog.functionalNameMatches(code, l.label) && !nameAccepted(catalog.functionalClassStem(code), l.label, false) && !numberedInSequence(catalog, l.label))
        out.push(emit({ message: `${t.info.label} 序号${chineseNumber(l.numeral ?? 0)}对应 ${code} ${entry.name}，所印名称为“${l.label}” / numeral ${l.numeral} is ${code} ${entry.name}, printed "${l.label}"`, location: cellLocation(t.info, l.row), expected: entry.name, actual: l.label }));
    }
    if (ctx.document.meta.template === "henan13" && lines.length >= 10) {
      const printed = new Set(lines.map((l) => l.key!.slice(6)));
      const missing = catalog.functionalClasses().filter((e) => !printed.has(e.code));
      if (missing.length > 0)
        out.push(emit({ message: `${t.info.label} 未列出 ${missing.map((e) => `${e.code} ${e.name}`).join("、")} / classes not listed: ${missing.map((e) => e.code).join(", ")}`, location: cellLocation(t.info), expected: missing.map((e) => e.code).join(" ") }));
    }
    return out;
  },
);

/**
 * A line whose name is another 类 ("二、社会保障和就业支出" where 二 would be 202 外交) or no 类 at all
 * ("三、单位预留机动经费", Jiangsu) shows a table numbered in sequence, not by code: its numeral says nothing.
 */
function numberedInSequence(catalog: CatalogIndex, label: string): boolean {
  const classes = catalog.functionalClasses();
  if (classes.some((e) => catalog.functionalNameMatches(e.code, label) || nameAccepted(catalog.functionalClassStem(e.code), label, false))) return true;
  return /预留|机动经费|结转|结余|基本支出|项目支出/.test(normaliseName(label));
}

export const codeEconomic: DocumentRule = defineRule<DocumentContext>(
  {
    id: "code.economic",
    title: "经济分类编码或名称与科目表不符",
    description: "表6、表9、表11 的部门预算支出经济分类编码（含地方细化科目）及表11 的政府预算支出经济分类编码，应在该年度科目表中，所印名称与科目名称一致（接受别名、简称）。 / Department and government economic codes are in the year's catalog (local sub-items included) and their names match.",
    severity: "warning",
    severityNote: SEVERITY_NOTE,
  },
  (ctx, emit) => {
    const catalog = ctx.catalog;
    if (!catalog) return [];
    const out: Finding[] = [];
    for (const t of [ctx.tables.economic, ctx.tables.operatingCost, ctx.tables.gpbBasic]) {
      if (!t) continue;
      const seen = new Set<string>();
      for (const r of t.rows) {
        if (r.code && !seen.has(`d${r.code}`)) {
          seen.add(`d${r.code}`);
          const e = catalog.departmentEconomicEntry(r.code);
          const moved = lastYearsCode(catalog.year, r.code, "economic");
          if (!e) out.push(emit({ message: `${t.info.label} 经济分类 ${r.code} 不在${catalog.year}年科目表中${moved.zh} / economic code ${r.code} is not in the catalog${moved.en}`, location: cellLocation(t.info, r.row), actual: r.code, ...(moved.now ? { expected: moved.now } : {}), severity: severityOf(catalog) }));
          else if (r.name && !nameAccepted(e.name, r.name, catalog.departmentEconomicNameMatches(r.code, r.name)))
            out.push(emit({ message: `${t.info.label} 经济分类 ${r.code} 名称为“${r.name}”，科目表为“${e.name}”${moved.zh} / ${r.code} is named "${r.name}", the catalog says "${e.name}"${moved.en}`, location: cellLocation(t.info, r.row), expected: e.name, actual: r.name }));
        }
        if (r.govCode && !seen.has(`g${r.govCode}`)) {
          seen.add(`g${r.govCode}`);
          const g = catalog.governmentEconomicEntry(r.govCode);
          if (!g) out.push(emit({ message: `${t.info.label} 政府经济分类 ${r.govCode} 不在科目表中 / government code ${r.govCode} is not in the catalog`, location: cellLocation(t.info, r.row), actual: r.govCode, severity: severityOf(catalog) }));
          else if (r.govName && !nameAccepted(g.name, r.govName, normaliseName(g.name) === normaliseName(r.govName)))
            out.push(emit({ message: `${t.info.label} 政府经济分类 ${r.govCode} 名称为“${r.govName}”，科目表为“${g.name}” / ${r.govCode} is named "${r.govName}", the catalog says "${g.name}"`, location: cellLocation(t.info, r.row), expected: g.name, actual: r.govName }));
        }
      }
    }
    return out;
  },
);

export const codeProcurementEconomic: DocumentRule = defineRule<DocumentContext>(
  {
    id: "code.procurement-economic",
    title: "政府采购表的经济科目不对",
    description:
      "政府采购支出预算表所列经济科目（印名称或编码）须是该年度部门预算支出经济分类的款（5位）或地方子目（7位）；编码格式不对为错误，与预算文件的 procurement.economic-code 同一检查。 / The 经济科目 of a 政府采购支出预算表 row (a name or a code) is a department economic 款 (5 digits) or local sub-item (7) of the year's catalog; a malformed code is an error, the check procurement.economic-code makes on a budget file.",
    severity: "warning",
    severityNote: `格式不对为错误；${SEVERITY_NOTE}`,
  },
  (ctx, emit) => {
    const t = ctx.tables.procurement;
    if (!t || t.economicColumn === undefined) return [];
    const catalog = ctx.catalog;
    const out: Finding[] = [];
    const where = (row: number) => cellLocation(t.info, row, t.economicColumn);
    for (const { row, economic } of t.rows) {
      if (!economic) continue;
      const [, code, name = ""] = /^(\d+)(.*)$/.exec(economic) ?? [];
      if (code !== undefined) {
        const entry = catalog?.departmentEconomicEntry(code) ?? (code.length === 7 ? catalog?.departmentEconomicEntry(code.slice(0, 5)) : undefined);
        if (!isEconomicCode(code))
          out.push(emit({ severity: "error", message: `${t.info.label} 经济科目“${economic}”应为5位或7位数字编码 / the economic code "${economic}" is not 5 or 7 digits`, location: where(row), actual: economic, expected: "30201 / 3100201" }));
        else if (catalog && !entry) out.push(emit({ severity: severityOf(catalog), message: `${t.info.label} 经济科目 ${code} 不在${catalog.year}年科目表中 / economic code ${code} is not in the ${catalog.year} catalog`, location: where(row), actual: code }));
        else if (catalog && entry && name && entry.code === code && !nameAccepted(entry.name, name, catalog.departmentEconomicNameMatches(code, name)))
          out.push(emit({ message: `${t.info.label} 经济科目 ${code} 名称为“${name}”，科目表为“${entry.name}” / ${code} is named "${name}", the catalog says "${entry.name}"`, location: where(row), expected: entry.name, actual: name }));
      } else if (catalog && catalog.departmentEconomicCodesNamed(economic).length === 0) {
        out.push(emit({ severity: severityOf(catalog), message: `${t.info.label} 经济科目“${economic}”不是${catalog.year}年部门预算支出经济分类的科目名称 / "${economic}" names no department economic code of the ${catalog.year} catalog`, location: where(row), actual: economic }));
      }
    }
    return out;
  },
);

export const codeCatalogMissing: DocumentRule = defineRule<DocumentContext>(
  {
    id: "code.catalog-missing",
    title: "没有该年度科目表",
    description: "文件所属年度没有内置或载入的科目表，编码和名称、经济分类对照未核对；可用 --catalog 载入财政部门下发的科目表。 / No catalog for the document's year: codes, names and the mapping are not checked; load the official one with --catalog.",
    severity: "info",
  },
  (ctx, emit) =>
    ctx.catalog || ctx.tables.tables.length === 0
      ? []
      : [emit({ message: `没有${ctx.document.meta.year ?? "该"}年度的科目表，编码未核对 / no catalog for ${ctx.document.meta.year ?? "the year"}: codes not checked`, location: { kind: "text", section: "", file: ctx.document.files[0]?.name ?? "" } })],
);

export const CODE_RULES: readonly DocumentRule[] = [codeFunctional, codeUnpadded, codeClassList, codeEconomic, codeProcurementEconomic, codeCatalogMissing];
