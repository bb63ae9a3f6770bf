/**
 * 解读 — the printed tables of an imported document read into their meaning (semantic.ts): each table
 * recognised by its title, its columns by their headings (flattened by position), its rows by code or
 * label, every amount read exactly as printed in the table's unit.
 */
import type { Finding } from "../../core/rules/finding.ts";
import { type ImportedDocument, documentTables } from "./document.ts";
import { columnPaths, normaliseHeading } from "./header.ts";
import { readBalanceTable } from "./interpret/balance.ts";
import { readEconomicTable, readSideBySideBasic } from "./interpret/economic.ts";
import { readProcurementTable } from "./interpret/procurement.ts";
import { readFunctionalTable } from "./interpret/functional.ts";
import { readDepartmentTargets, readProjectTargets } from "./interpret/targets.ts";
import { readThreePublicTable } from "./interpret/three-public.ts";
import { cellLocation } from "./interpret/where.ts";
import type { AmountCell, BalanceTable, Interpretation, ProjectTargetsTable, TableInfo } from "./semantic.ts";
import { TABLE_KIND_NAMES, type TableKind, classifyTitle, tableNumber } from "./titles.ts";

/** Builds what every reader needs to know about one printed table. */
export function tableInfo(doc: ImportedDocument, index: number): TableInfo {
  const raw = documentTables(doc)[index]!;
  const title = classifyTitle(raw.title);
  const kind = title?.kind;
  const number = kind ? tableNumber(doc.meta.template, kind) : undefined;
  const rows = [...raw.header, ...raw.body].map((r) => r.cells);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const name = raw.title.trim() || (kind ? TABLE_KIND_NAMES[kind] : "（无表名）");
  const headerUnit = raw.header.flatMap((r) => r.cells).map((c) => /[（(](万元|元)[）)]$/.exec(c.trim())?.[1]).find((u) => u !== undefined) as "万元" | "元" | undefined;
  return {
    index,
    raw,
    ...(kind ? { kind } : {}),
    ...(number ? { number } : {}),
    label: number ? `表${number} ${name}` : name,
    unit: raw.unit ?? headerUnit ?? "万元",
    unitStated: (raw.unit ?? headerUnit) !== undefined,
    columns: columnPaths(
      raw.header.map((r) => r.cells),
      width,
    ),
    rows,
    headerCount: raw.header.length,
  };
}

type FunctionalKey = "income" | "expenditure" | "gpbExpenditure" | "governmentFund" | "stateCapital";

const FUNCTIONAL: Partial<Record<TableKind, FunctionalKey>> = {
  income: "income",
  expenditure: "expenditure",
  "gpb-expenditure": "gpbExpenditure",
  "government-fund": "governmentFund",
  "state-capital": "stateCapital",
  // a 决算's tables hold the same quantities as the budget's of the same shape (决算数 where the budget prints 预算数)
  "final-income": "income",
  "final-expenditure": "expenditure",
  "final-gpb-expenditure": "gpbExpenditure",
  "final-government-fund": "governmentFund",
  "final-state-capital": "stateCapital",
};

export function interpret(doc: ImportedDocument): Interpretation {
  const problems: Finding[] = [];
  const tables = documentTables(doc).map((_, i) => tableInfo(doc, i));
  const out: Interpretation = { tables, units: new Map(), problems };
  const seen = new Map<TableKind, TableInfo>();
  for (const info of tables) {
    const kind = info.kind;
    if (!kind) continue;
    const first = seen.get(kind);
    if (first) {
      problems.push({
        rule: "interpret.table-repeated",
        severity: "warning",
        message: `${info.label} 重复出现（首次在 ${first.label}），只审核第一张 / ${info.label} is printed again; only the first is audited`,
        location: cellLocation(info),
      });
      continue;
    }
    seen.set(kind, info);
    const fn = FUNCTIONAL[kind];
    if (fn) out[fn] = readFunctionalTable(info, problems);
    else if (kind === "summary" || kind === "final-summary") out.summary = readBalanceTable(info, problems);
    else if (kind === "appropriation" || kind === "final-appropriation") out.appropriation = readBalanceTable(info, problems);
    else if (kind === "economic") out.economic = readEconomicTable(info, problems);
    else if (kind === "operating-cost") out.operatingCost = readEconomicTable(info, problems);
    else if (kind === "gpb-basic") out.gpbBasic = readEconomicTable(info, problems);
    else if (kind === "final-gpb-basic") out.gpbBasic = readSideBySideBasic(info, problems);
    else if (kind === "three-public" || kind === "final-three-public") out.threePublic = readThreePublicTable(info, problems, doc.meta.year);
    else if (kind === "procurement") out.procurement = readProcurementTable(info);
    else if (kind === "department-targets") out.departmentTargets = readDepartmentTargets(info, problems);
    else if (kind === "project-targets") out.projectTargets = readProjectTargets(info, problems);
  }
  for (const t of [out.income, out.expenditure, out.gpbExpenditure]) {
    for (const r of t?.rows ?? []) if (r.kind === "unit" && r.unitCode && !out.units.has(r.unitCode)) out.units.set(r.unitCode, r.name);
  }
  if (out.projectTargets) classifyEntries(out.projectTargets, out.units);
  for (const b of [out.summary, out.appropriation]) if (b) keyClassesByName(b, out);
  return out;
}

/**
 * A 类 line of tables 1 and 4 names its 类: where the document's functional tables print a 类 of that name,
 * the line is that 类, whatever its numeral. Tables that number the 类 they list in sequence (一、二、三 …, the
 * Ministry's and Shanghai's), or as （一）（二） under 一、本年支出, are read right; Henan's, numbered by code, are
 * unchanged. Without such a name the numeral is all there is (一 = 201 …).
 */
function keyClassesByName(b: BalanceTable, t: Interpretation): void {
  const bare = (name: string) => normaliseHeading(name).replace(/支出$/, "");
  const classes = new Map<string, string>();
  for (const f of [t.income, t.expenditure, t.gpbExpenditure, t.governmentFund, t.stateCapital])
    for (const r of f?.rows ?? []) if (r.kind === "code" && r.code?.length === 3 && r.name) classes.set(bare(r.name), r.code);
  const lines = b.expenditure.filter((l) => l.key === undefined || l.key.startsWith("class:"));
  // numbered in sequence when a 类 named in the functional tables carries another numeral (十九、住房保障支出 = 221);
  // a 决算's total tables always list every 类 so (一、一般公共服务支出 … 二十六、抗疫特别国债安排的支出)
  const inSequence = b.info.kind?.startsWith("final-") === true || lines.some((l) => {
    const code = classes.get(bare(l.label));
    return code !== undefined && l.numeral !== undefined && code !== `${200 + l.numeral}`;
  });
  for (const l of lines) {
    const code = classes.get(bare(l.label));
    if (code) l.key = `class:${code}`;
    // a 类 listed with nothing in it (a 决算 lists every 类): its numeral is no code, and there is nothing to compare
    else if (inSequence && l.key !== undefined && [...l.amounts.values()].every((a) => a.value.blank)) delete l.key;
  }
}

/** Every amount read from the tables (for rules about how figures are printed). */
export function allAmounts(t: Interpretation): AmountCell[] {
  const out: AmountCell[] = [];
  const add = (m: ReadonlyMap<string, AmountCell> | undefined) => m && out.push(...m.values());
  for (const f of [t.income, t.expenditure, t.gpbExpenditure, t.governmentFund, t.stateCapital]) for (const r of f?.rows ?? []) add(r.amounts);
  for (const b of [t.summary, t.appropriation]) for (const l of [...(b?.income ?? []), ...(b?.expenditure ?? [])]) add(l.amounts);
  for (const e of [t.economic, t.operatingCost, t.gpbBasic]) for (const r of e?.rows ?? []) add(r.amounts);
  add(t.threePublic?.current);
  add(t.threePublic?.prior);
  add(t.threePublic?.budget);
  for (const task of t.departmentTargets?.tasks ?? []) out.push(...[task.total, task.fiscal].filter((c): c is AmountCell => !!c));
  for (const e of t.projectTargets?.entries ?? []) out.push(...[e.total, e.fiscal, e.other].filter((c): c is AmountCell => !!c));
  return out;
}

/**
 * Table 13's entries: the department (a short code above the units), a unit (a unit code, no indicators),
 * or a project — including a project printed with its unit's code, which a rule then reports.
 */
function classifyEntries(t: ProjectTargetsTable, units: ReadonlyMap<string, string>): void {
  for (const e of t.entries) {
    if (e.code.includes("-") || e.indicators.length > 0) e.kind = "project";
    else if (units.has(e.code) || /^\d{6,}$/.test(e.code)) e.kind = "unit";
    else if (/^\d{1,5}$/.test(e.code)) e.kind = "department";
  }
}
