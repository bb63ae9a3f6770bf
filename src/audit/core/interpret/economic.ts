/**
 * 按经济分类的表 — table 6 (类/款 × 基本/项目), table 9 (机关运行经费 by code), table 11 (部门经济分类 ×
 * 政府经济分类 × 人员经费/公用经费, in 小计 groups) and the central table 6 (code × 人员经费/公用经费).
 */
import type { Finding } from "../../../core/rules/finding.ts";
import type { ColumnKey, EconomicRow, EconomicTable, TableInfo } from "../semantic.ts";
import { findColumn, keyedColumns, readAmounts } from "./columns.ts";

const TOTAL = /^(合计|总计)$/;
const SUBTOTAL = /^小计$/;

/** Columns of the department code, its name, and the government code and name (table 11). */
function codeColumns(info: TableInfo) {
  const col = (test: (p: string[]) => boolean) => {
    const i = info.columns.findIndex(test);
    return i < 0 ? undefined : i;
  };
  const last = (p: string[]) => p[p.length - 1] ?? "";
  const gov = (p: string[]) => p.some((x) => /政府.*经济分类/.test(x));
  return {
    cls: findColumn(info, /^类$/),
    sec: findColumn(info, /^款$/),
    code: col((p) => !gov(p) && /编码$/.test(last(p))),
    name: col((p) => !gov(p) && /名称$/.test(last(p))),
    govCode: col((p) => gov(p) && /编码$/.test(last(p))),
    govName: col((p) => gov(p) && /名称$/.test(last(p))),
  };
}

export function readEconomicTable(info: TableInfo, problems: Finding[]): EconomicTable {
  const c = codeColumns(info);
  const taken = new Set(Object.values(c).filter((x): x is number => x !== undefined));
  const columns = new Map<ColumnKey, number>([...keyedColumns(info)].filter(([, i]) => !taken.has(i)));
  if (!columns.has("total")) {
    // table 9: one amount column, headed 机关运行经费支出 (or 金额)
    const amount = findColumn(info, /机关运行经费|金额|预算数|合计|总计/);
    if (amount !== undefined && !taken.has(amount)) columns.set("total", amount);
  }
  const rows: EconomicRow[] = [];
  for (let r = info.headerCount; r < info.rows.length; r++) {
    const cells = info.rows[r]!;
    const at = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? "").replace(/\s/g, ""));
    let code: string | undefined;
    if (c.cls !== undefined) {
      const cls = at(c.cls);
      const sec = at(c.sec);
      if (/^\d{3}$/.test(cls)) code = /^\d{1,2}$/.test(sec) ? `${cls}${sec.padStart(2, "0")}` : sec === "" ? cls : undefined;
    } else if (/^\d{3}(\d{2}){0,2}$/.test(at(c.code))) code = at(c.code);
    const first = (cells[0] ?? "").replace(/\s/g, "");
    const name = at(c.name) || (c.code !== undefined && !code ? at(c.code) : "");
    const govCode = at(c.govCode);
    const label = code ? "" : first || name;
    const kind: EconomicRow["kind"] = code
      ? code.length === 3 && c.govCode === undefined
        ? "class"
        : "detail"
      : TOTAL.test(label) || TOTAL.test(name)
        ? "total"
        : SUBTOTAL.test(label)
          ? "subtotal"
          : "other";
    if (kind === "other" && cells.every((x) => x.trim() === "")) continue;
    rows.push({
      row: r,
      kind,
      ...(code ? { code } : {}),
      name,
      ...(govCode ? { govCode } : {}),
      ...(at(c.govName) ? { govName: at(c.govName) } : {}),
      amounts: readAmounts(info, r, columns, problems),
    });
  }
  return { info, columns, rows };
}
