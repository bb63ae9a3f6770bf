/**
 * 按经济分类的表 — table 6 (类/款 × 基本/项目), table 9 (机关运行经费 by code), table 11 (部门经济分类 ×
 * 政府经济分类 × 人员经费/公用经费, in 小计 groups), the central table 6 (code × 人员经费/公用经费) and the
 * 决算's 基本支出 table (人员经费 and 公用经费 side by side).
 */
import type { BasicPart } from "../../../core/classify.ts";
import { economicCodeFacts } from "../../../core/derive/economic.ts";
import type { Finding } from "../../../core/rules/finding.ts";
import type { ColumnKey, EconomicRow, EconomicTable, TableInfo } from "../semantic.ts";
import { findColumn, keyedColumns, readAmount, readAmounts } from "./columns.ts";

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

/** The 决算's 基本支出 table: a side's own total ("人员经费合计", "公用经费合计"). */
const SIDE_TOTAL = /^(人员经费|公用经费)?(合计|总计)$/;

/**
 * 一般公共预算财政拨款基本支出决算表 — two lists side by side, each a code, a name and 决算数: 人员经费 on the
 * left, 公用经费 on the right, each side closed by its own 合计 on the last line. Each code's amount is keyed by
 * what the core says the code is (`economicCodeFacts(code).personnel`: 301 and 303 are 人员经费, the rest 公用经费),
 * never by the side it is printed on, so a 302 code listed among 人员经费 leaves that side's 合计 short; each
 * 合计 by its label (人员经费合计 / 公用经费合计), else by its side. The totals make one `total` row, so the
 * economic sum checks apply per column: 类 = its 款, each 合计 = its 类. A table without two code columns is
 * read as an ordinary economic table.
 */
export function readSideBySideBasic(info: TableInfo, problems: Finding[]): EconomicTable {
  const last = (p: readonly string[]) => (p[p.length - 1] ?? "").replace(/\s/g, "");
  const codeColumns = info.columns.flatMap((p, i) => (/编码$/.test(last(p)) ? [i] : []));
  if (codeColumns.length !== 2) return readEconomicTable(info, problems);
  const sides = codeColumns.map((code, k) => {
    const end = (codeColumns[k + 1] ?? info.columns.length) - 1;
    const words = info.columns.slice(code, end + 1).flat().join("");
    const printed: BasicPart | undefined = /人员经费/.test(words) ? "personnel" : /公用经费/.test(words) ? "public" : undefined;
    return { code, name: code + 1, amount: end, part: printed ?? (k === 0 ? "personnel" : "public") };
  });
  const rows: EconomicRow[] = [];
  const total: EconomicRow = { row: -1, kind: "total", name: "合计", amounts: new Map() };
  for (let r = info.headerCount; r < info.rows.length; r++) {
    const cells = info.rows[r]!;
    const at = (i: number) => (cells[i] ?? "").replace(/\s/g, "");
    for (const side of sides) {
      const code = /^\d{3}(\d{2}){0,2}$/.test(at(side.code)) ? at(side.code) : undefined;
      const label = at(side.code) || at(side.name);
      const amount = readAmount(info, r, side.amount, problems);
      if (code) {
        const part: BasicPart = economicCodeFacts(code).personnel ? "personnel" : "public";
        rows.push({ row: r, kind: code.length === 3 ? "class" : "detail", code, name: at(side.name), amounts: new Map(amount ? [[part, amount]] : []) });
      } else if (SIDE_TOTAL.test(label) && amount) {
        const part: BasicPart = label.startsWith("人员经费") ? "personnel" : label.startsWith("公用经费") ? "public" : side.part;
        if (total.row < 0) total.row = r;
        total.amounts.set(part, amount);
      }
    }
  }
  if (total.row >= 0) rows.push(total);
  const columns = new Map<ColumnKey, number>(sides.map((s) => [s.part, s.amount]));
  return { info, columns, rows };
}
