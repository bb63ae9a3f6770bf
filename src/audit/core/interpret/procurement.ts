/**
 * 政府采购支出预算表 — Jiangsu's table 12: under 合计 and each 采购品目大类 ("一、货物A"), rows of 专项名称, 经济科目
 * (printed by name, as Yusuan prints it, or by code), 采购物品名称, 采购组织形式 and the amount. The audit reads the
 * 经济科目 and 采购组织形式 of each row that prints them (rules/codes.ts checks the 经济科目 against the catalog).
 */
import type { ProcurementTable, TableInfo } from "../semantic.ts";
import { findColumn } from "./columns.ts";

export function readProcurementTable(info: TableInfo): ProcurementTable {
  const economic = findColumn(info, /^经济(分类)?科目(名称|编码)?$/);
  const organisation = findColumn(info, /^采购组织形式$/);
  const rows: ProcurementTable["rows"] = [];
  for (let r = info.headerCount; r < info.rows.length; r++) {
    const at = (i: number | undefined) => (i === undefined ? "" : (info.rows[r]![i] ?? "").replace(/\s/g, ""));
    if (at(economic) || at(organisation)) rows.push({ row: r, economic: at(economic), organisation: at(organisation) });
  }
  return { info, ...(economic !== undefined ? { economicColumn: economic } : {}), rows };
}
