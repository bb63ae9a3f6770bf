/**
 * "三公"经费表 — table 7: Henan prints one row per item (共计, 因公出国（境）, 公务接待, 公务用车购置及运行
 * and its two parts); the central layout prints one row per year with a column per item; the 决算's prints
 * one row with a 预算数 and a 决算数 column under each item (决算数 is `current`, 预算数 `budget`).
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { normaliseHeading } from "../header.ts";
import type { AmountCell, TableInfo, ThreePublicKey, ThreePublicTable } from "../semantic.ts";
import { readAmount } from "./columns.ts";

/** The item a label or heading names. */
export function threePublicKey(label: string): ThreePublicKey | undefined {
  const n = normaliseHeading(label).replace(/^(其中[:：])?([（(]?\d+[）)、.]?)?/, "");
  if (/^(共计|合计|总计)$/.test(n)) return "total";
  if (/出国/.test(n)) return "abroad";
  if (/接待/.test(n)) return "reception";
  if (/购置及运行|^公务用车费$|^公务用车$|^小计$/.test(n)) return "vehicle";
  if (/运行/.test(n)) return "vehicleOperation";
  if (/购置/.test(n)) return "vehiclePurchase";
  return undefined;
}

/** 决算's columns: under each item a 预算数 and a 决算数 column. */
const BUDGET_OR_FINAL = /^(预算数|决算数)$/;

export function readThreePublicTable(info: TableInfo, problems: Finding[], year?: number): ThreePublicTable {
  const current = new Map<ThreePublicKey, AmountCell>();
  const prior = new Map<ThreePublicKey, AmountCell>();
  const leaf = (p: readonly string[]) => normaliseHeading(p[p.length - 1] ?? "");
  if (info.columns.some((p) => BUDGET_OR_FINAL.test(leaf(p)))) {
    // the 决算's table: each column is an item's 预算数 or 决算数, the item the deepest heading above that names one
    const budget = new Map<ThreePublicKey, AmountCell>();
    const keys = info.columns.map((p) => [...p].reverse().map(threePublicKey).find((k) => k !== undefined));
    for (let r = info.headerCount; r < info.rows.length; r++) {
      keys.forEach((k, col) => {
        const target = leaf(info.columns[col]!) === "预算数" ? budget : leaf(info.columns[col]!) === "决算数" ? current : undefined;
        if (!k || !target || target.has(k)) return;
        const a = readAmount(info, r, col, problems);
        if (a) target.set(k, a);
      });
    }
    return { info, current, prior, budget };
  }
  const byColumn = info.columns.some((p) => p.some((x) => /出国/.test(x)));
  if (byColumn) {
    const keys = info.columns.map((p) => threePublicKey(p[p.length - 1] ?? "") ?? (p.length === 1 && /合计/.test(p[0]!) ? "total" : undefined));
    const yearRows = info.rows.map((r, i) => ({ i, label: (r[0] ?? "").trim() })).filter((x) => x.i >= info.headerCount && /\d{4}\s*年/.test(x.label));
    for (const { i, label } of yearRows) {
      const y = Number(/(\d{4})\s*年/.exec(label)?.[1]);
      const target = year !== undefined && y < year ? prior : current;
      keys.forEach((k, col) => {
        if (!k) return;
        const a = readAmount(info, i, col, problems);
        if (a) target.set(k, a);
      });
    }
  } else {
    info.rows.forEach((cells, r) => {
      const k = threePublicKey(cells[0] ?? "");
      if (!k || r < 1 || current.has(k)) return;
      const a = readAmount(info, r, 1, problems);
      if (a) current.set(k, a);
    });
  }
  return { info, current, prior };
}
