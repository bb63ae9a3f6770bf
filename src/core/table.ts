/**
 * The neutral table (中性表格): what every renderer (json, html, xlsx, pdf) draws and every importer
 * rebuilds. Amounts stay exact (分) here; rounding to 万元 happens only at presentation.
 */
import type { Fen, PrintUnit } from "./money.ts";

/** What a column holds: codes and text are strings; money cells are exact 分. */
export type ColumnKind = "code" | "text" | "money";

export interface Column {
  key: string;
  kind: ColumnKind;
  /** relative width hint for renderers (characters) */
  width?: number;
}

/** A header cell placed like HTML: cells of a header row skip grid positions covered by spans from above. */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** A body cell: a string in code/text columns, 分 in money columns, null when empty. */
export type Cell = string | Fen | null;

/** How a row is emphasised: totals and subtotals print bold. */
export type RowKind = "total" | "subtotal" | "unit" | "detail" | "section";

/**
 * 层级样式 — how one cell stands in the row hierarchy where it differs from its row: bold (a group's own
 * line, e.g. 二、项目支出 beside an ordinary income item) and indent (levels below its group, e.g. 财政拨款
 * under 一般公共预算). Every renderer draws it through `cellEmphasis`.
 */
export interface CellStyle {
  bold?: boolean;
  /** levels below the group the cell belongs to; each level is one character of indentation */
  indent?: number;
}

export interface Row {
  cells: Cell[];
  kind: RowKind;
  /** per-cell emphasis where it differs from the row's kind (sparse: by column index) */
  styles?: (CellStyle | undefined)[];
}

/** The row kinds printed bold: totals, subtotals, a unit's line, section rows. */
const BOLD_ROW_KINDS: ReadonlySet<RowKind> = new Set(["total", "subtotal", "unit", "section"]);

/** Whether a cell prints bold and how many levels it is indented: its row's kind, unless its style says otherwise. */
export function cellEmphasis(row: Row, col: number): { bold: boolean; indent: number } {
  const style = row.styles?.[col];
  return { bold: style?.bold ?? BOLD_ROW_KINDS.has(row.kind), indent: style?.indent ?? 0 };
}

/** A merged rectangle in the body (row and column indexes into `rows` and `columns`). */
export interface Merge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** One disclosure table. */
export interface DisclosureTable {
  /** stable id within its template: "t01" … "t13" (Henan), "c1" … "c9" (central), "sh1" … (Shanghai) */
  id: string;
  /** position in the contents and in print (1-based) */
  number: number;
  /** what the contents print before the title, from the template: "一、" or "1. " */
  contentsPrefix: string;
  /** 表号 printed above the title where the template prints one ("表1", "公开01表") */
  printedNumber?: string;
  /** 表名, e.g. 2021年部门收支总体情况表 */
  title: string;
  /** the label before the publisher's name: 单位名称, or 编制部门 / 编制单位 (Shanghai) */
  unitNameLabel: string;
  /** 单位名称 */
  unitName: string;
  /** 金额单位 — as the template prints this table: 万元 or 元, two decimals */
  unit: PrintUnit;
  columns: Column[];
  header: HeaderCell[][];
  rows: Row[];
  merges: Merge[];
  /** 说明 printed under the table, e.g. "本单位2021年无政府性基金预算支出。" */
  note?: string;
  /** true when the table has no amounts and carries its 本单位无… note */
  empty: boolean;
}

/** Number of grid columns a header row covers, counting spans from rows above (for tests and renderers). */
export function headerGrid(header: HeaderCell[][], width: number): (HeaderCell | null)[][] {
  const grid: (HeaderCell | null)[][] = header.map(() => Array.from({ length: width }, () => null));
  const taken: boolean[][] = header.map(() => Array.from({ length: width }, () => false));
  header.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && taken[r]?.[c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (c + cs > width || r + rs > header.length) {
        throw new Error(`header cell "${cell.text}" at row ${r} col ${c} spans past the table (${width} columns)`);
      }
      grid[r]![c] = cell;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken[r + dr]![c + dc] = true;
      c += cs;
    }
  });
  return grid;
}
