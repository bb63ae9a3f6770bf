/**
 * 按功能分类的表 — tables 2, 3, 5, 8 and 10 (central 2, 3, 5, 8, 9): each body row is the total (合计), a
 * unit (单位代码 and name), or a functional code printed as 类/款/项 columns ("201 29 06", tolerated
 * without zero padding: "201 29 6") or as one code column ("2012906").
 */
import type { Finding } from "../../../core/rules/finding.ts";
import type { FunctionalRow, FunctionalTable, TableInfo } from "../semantic.ts";
import { findColumn, keyedColumns, readAmounts } from "./columns.ts";

/** 类/款/项 parts → the code; `padded` false when 款 or 项 lost a leading zero. */
export function functionalCode(parts: readonly string[]): { code?: string; padded: boolean } {
  const [cls = "", sec = "", item = ""] = parts.map((p) => p.replace(/\s/g, ""));
  if (/^\d{3}(\d{2}){1,2}$/.test(cls) && sec === "" && item === "") return { code: cls, padded: true };
  if (!/^\d{3}$/.test(cls)) return { padded: true };
  if (sec === "") return item === "" ? { code: cls, padded: true } : { padded: true };
  if (!/^\d{1,2}$/.test(sec) || (item !== "" && !/^\d{1,2}$/.test(item))) return { padded: true };
  const padded = sec.length === 2 && (item === "" || item.length === 2);
  return { code: `${cls}${sec.padStart(2, "0")}${item === "" ? "" : item.padStart(2, "0")}`, padded };
}

const TOTAL = /^(合计|总计)$/;

export function readFunctionalTable(info: TableInfo, problems: Finding[]): FunctionalTable {
  const cls = findColumn(info, /^类$/);
  const sec = findColumn(info, /^款$/);
  const item = findColumn(info, /^项$/);
  const single = cls === undefined ? findColumn(info, /(科目)?编码$/) : undefined;
  const unitCol = findColumn(info, /^单位(代码|编码)$/);
  const nameCol = findColumn(info, /名称/);
  const codeCols = new Set([cls, sec, item, single, unitCol, nameCol].filter((c): c is number => c !== undefined));
  const columns = new Map([...keyedColumns(info)].filter(([, c]) => !codeCols.has(c)));
  const rows: FunctionalRow[] = [];
  for (let r = info.headerCount; r < info.rows.length; r++) {
    const cells = info.rows[r]!;
    const at = (c: number | undefined) => (c === undefined ? "" : (cells[c] ?? "").trim());
    const parts = single !== undefined ? [at(single)] : [at(cls), at(sec), at(item)];
    const codeText = parts.filter((p) => p !== "").join(" ");
    const { code, padded } = functionalCode(parts);
    const unitCode = at(unitCol) || undefined;
    const name = at(nameCol) || cells.find((c) => c.trim() !== "" && !/^[\d\s.,-]+$/.test(c))?.trim() || "";
    const kind: FunctionalRow["kind"] = code ? "code" : TOTAL.test(name.replace(/\s/g, "")) ? "total" : unitCode ? "unit" : "other";
    if (kind === "other" && cells.every((c) => c.trim() === "")) continue;
    rows.push({ row: r, kind, ...(code ? { code } : {}), codeText, padded, ...(unitCode ? { unitCode } : {}), name, amounts: readAmounts(info, r, columns, problems) });
  }
  return { info, columns, rows };
}
