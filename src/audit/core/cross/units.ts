/**
 * 部门与所属单位 — a department's document prints a row for each of its units (收入总体情况表 by unit, with
 * the unit's code); each unit publishes its own document too. The unit's row must be what the unit's
 * document prints as its total, and the department's total the sum of its units' documents when every
 * unit's is given. Units are matched by the code both print, never by name. Pure.
 */
import type { Finding, Location } from "../../../core/rules/finding.ts";
import { cellFact } from "../figures.ts";
import { type Interval, intersects, sumIntervals } from "../numbers.ts";
import { wanText } from "../rules/helpers.ts";
import type { FunctionalRow } from "../semantic.ts";
import type { CrossDocument } from "./checks.ts";

/** The unit rows (with a code) of a document's income table, else its expenditure table. */
function unitRows(doc: CrossDocument): FunctionalRow[] {
  const t = doc.result.context.tables;
  for (const table of [t.income, t.expenditure]) {
    const rows = table?.rows.filter((r) => r.kind === "unit" && r.unitCode && r.amounts.has("total")) ?? [];
    if (rows.length > 0) return rows;
  }
  return [];
}

/** The total a document prints: its income total, else its expenditure total. */
function documentTotal(doc: CrossDocument) {
  const f = doc.result.context.figures;
  return f.income ?? f.expenditure;
}

function where(doc: CrossDocument, loc: Location): string {
  const page = loc.kind !== "data" && loc.page !== undefined ? ` 第${loc.page}页` : "";
  const line = loc.kind !== "data" && loc.line !== undefined ? ` 第${loc.line}行` : "";
  return `《${doc.name}》${page}${line}`;
}

export function unitChecks(docs: readonly CrossDocument[]): Finding[] {
  const out: Finding[] = [];
  const single = docs.map((d) => ({ doc: d, rows: unitRows(d) })).filter((x) => x.rows.length === 1);
  for (const dept of docs) {
    const rows = unitRows(dept);
    if (rows.length < 2 || dept.year === undefined) continue;
    const info = (dept.result.context.tables.income ?? dept.result.context.tables.expenditure)!;
    const found: Interval[] = [];
    for (const row of rows) {
      const unit = single.find((u) => u.doc !== dept && u.doc.year === dept.year && u.doc.kind === dept.kind && u.rows[0]!.unitCode === row.unitCode);
      const total = unit && documentTotal(unit.doc);
      if (!unit || !total) continue;
      found.push(total.interval);
      const fact = cellFact(dept.result.context.tables, row.amounts.get("total")!, `${row.name} 合计`);
      if (intersects(fact.interval, total.interval)) continue;
      out.push({
        rule: "cross.unit-total",
        severity: "error",
        message: `${where(dept, fact.location)} ${fact.source}为 ${wanText(fact.value)}，而该单位（${row.unitCode}）的公开文件${where(unit.doc, total.location)} ${total.source}为 ${wanText(total.value)} / the department's row for unit ${row.unitCode} differs from the unit's own document`,
        location: fact.location,
        expected: wanText(total.value),
        actual: wanText(fact.value),
      });
    }
    const deptTotal = documentTotal(dept);
    if (found.length === rows.length && deptTotal && !intersects(deptTotal.interval, sumIntervals(found))) {
      const sum = sumIntervals(found);
      out.push({
        rule: "cross.unit-sum",
        severity: "error",
        message: `《${dept.name}》${deptTotal.source}为 ${wanText(deptTotal.value)}，而各所属单位公开文件的合计之和约为 ${wanText(Math.round((sum.lo + sum.hi) / 2))} / the department's total is not the sum of its units' documents (${info.info.label})`,
        location: deptTotal.location,
        actual: wanText(deptTotal.value),
      });
    }
  }
  return out;
}
