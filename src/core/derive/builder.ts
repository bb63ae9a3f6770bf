/** A small builder so each table's code reads like its layout. */
import { type Fen, type PrintUnit, fen } from "../money.ts";
import type { Cell, Column, DisclosureTable, CellStyle, HeaderCell, Merge, Row, RowKind } from "../table.ts";
import type { Scope } from "./scope.ts";

/** What the template says of a table: its id ("t01"), number, title, unit and the note it prints when empty. */
export interface TableMeta {
  id: string;
  number: number;
  contentsPrefix: string;
  printedNumber?: string;
  title: string;
  unitNameLabel: string;
  unit: PrintUnit;
  /** printed under the table when it has no amounts */
  emptyNote: string;
}

/** Collects a table's rows and merges under fixed columns and header, then builds the neutral table. */
export class TableBuilder {
  readonly rows: Row[] = [];
  readonly merges: Merge[] = [];

  constructor(
    readonly columns: Column[],
    readonly header: HeaderCell[][],
  ) {}

  /**
   * Appends a row; missing trailing cells are empty, cells past the last column are dropped. Zero amounts
   * print as empty cells. A `cells` array of exactly the table's width becomes the row itself (no copy),
   * so callers pass a fresh array and do not touch it afterwards.
   */
  row(cells: Cell[], kind: RowKind = "detail", styles?: (CellStyle | undefined)[]): number {
    const width = this.columns.length;
    let full = cells;
    if (cells.length !== width) {
      full = [];
      for (let i = 0; i < width; i++) full.push(cells[i] ?? null);
    }
    for (let i = 0; i < width; i++) {
      const c = full[i];
      if (c === 0 || c === undefined) full[i] = null;
    }
    this.rows.push(styles && styles.some((x) => x !== undefined) ? { cells: full, kind, styles } : { cells: full, kind });
    return this.rows.length - 1;
  }

  /**
   * Appends a row whose cells are already final: exactly the table's width, every empty cell null (zero
   * amounts written with `moneyCell`). Every table but the two short forms (7, 12) writes its rows this
   * way, which spares `row`'s second pass over every cell; the array becomes the row itself (no copy).
   */
  finalRow(cells: Cell[], kind: RowKind = "detail", styles?: (CellStyle | undefined)[]): number {
    if (cells.length !== this.columns.length) throw new Error(`row of ${cells.length} cells in a table of ${this.columns.length} columns`);
    this.rows.push(styles && styles.some((x) => x !== undefined) ? { cells, kind, styles } : { cells, kind });
    return this.rows.length - 1;
  }

  /** Merges a rectangle of rows already added; the cells it covers (other than its anchor) must be blank. */
  merge(row: number, col: number, rowSpan: number, colSpan: number): void {
    if (rowSpan <= 1 && colSpan <= 1) return;
    for (let r = row; r < row + rowSpan; r++)
      for (let c = col; c < col + colSpan; c++) {
        if (r === row && c === col) continue;
        const cells = this.rows[r]?.cells;
        if (!cells || c >= cells.length) throw new Error(`merge ${row},${col} ${rowSpan}x${colSpan} outside the table`);
        if (cells[c] !== null && cells[c] !== "") throw new Error(`merge ${row},${col} covers a filled cell at ${r},${c}`);
        cells[c] = null;
      }
    this.merges.push({ row, col, rowSpan, colSpan });
  }

  /** The finished table: `meta` names it, `scope` gives 单位名称; an empty table carries the template's note. */
  build(meta: TableMeta, scope: Scope, empty = false): DisclosureTable {
    return {
      id: meta.id,
      number: meta.number,
      contentsPrefix: meta.contentsPrefix,
      ...(meta.printedNumber ? { printedNumber: meta.printedNumber } : {}),
      title: meta.title,
      unitNameLabel: meta.unitNameLabel,
      unitName: scope.name,
      unit: meta.unit,
      columns: this.columns,
      header: this.header,
      rows: this.rows,
      merges: this.merges,
      note: empty ? meta.emptyNote : undefined,
      empty,
    };
  }
}

/**
 * The columns and header of a table layout. Every table of one layout (the same source columns, the same
 * 类 columns …) prints the same columns and header, so they are made once and shared by those tables:
 * `sharedLayout` freezes them deeply, so no table (nor anything reading one) can change what another prints.
 */
export interface Layout {
  readonly columns: Column[];
  readonly header: HeaderCell[][];
}

/** A layout to share: its columns and header, frozen (cells, rows and the arrays themselves). */
export function sharedLayout(columns: Column[], header: HeaderCell[][]): Layout {
  for (const c of columns) Object.freeze(c);
  for (const row of header) {
    for (const cell of row) Object.freeze(cell);
    Object.freeze(row);
  }
  return Object.freeze({ columns: Object.freeze(columns) as Column[], header: Object.freeze(header) as HeaderCell[][] });
}

/** How many layouts a LayoutCache keeps: far more than real data has (a few source or 类 sets), yet bounded. */
const MAX_LAYOUTS = 256;

/**
 * Shared layouts by a key that names them (e.g. the extra 类 columns). The keys of odd data (codes outside
 * the catalog, levels people write) have no bound, so only the first MAX_LAYOUTS keys are kept; a layout
 * not kept is still made and used, just not shared.
 */
export class LayoutCache<K> {
  private readonly kept = new Map<K, Layout>();

  get(key: K): Layout | undefined {
    return this.kept.get(key);
  }

  /** Keeps `layout` under `key` (while there is room) and returns it. */
  keep(key: K, layout: Layout): Layout {
    if (this.kept.size < MAX_LAYOUTS) this.kept.set(key, layout);
    return layout;
  }
}

/** A text column. */
export function text(key: string, width = 12): Column {
  return { key, kind: "text", width };
}

/** A code column (科目编码, 单位代码 …). */
export function code(key: string, width = 6): Column {
  return { key, kind: "code", width };
}

/** A money column: cells hold exact 分. */
export function money(key: string, width = 12): Column {
  return { key, kind: "money", width };
}

/** h("合计", {rs: 3}) — a header cell (made in its final shape: text, then rowSpan and colSpan where over 1). */
export function h(textValue: string, span?: { rs?: number; cs?: number }): HeaderCell {
  const rs = span?.rs !== undefined && span.rs > 1 ? span.rs : 0;
  const cs = span?.cs !== undefined && span.cs > 1 ? span.cs : 0;
  if (rs) return cs ? { text: textValue, rowSpan: rs, colSpan: cs } : { text: textValue, rowSpan: rs };
  return cs ? { text: textValue, colSpan: cs } : { text: textValue };
}

/** An amount as a money cell of a final row: zero prints as an empty cell (null); the amount is checked as 分. */
export function moneyCell(n: number): Cell {
  return n === 0 ? null : fen(n);
}

/** An amount as a cell: zero prints as an empty cell. */
export function amountOrNull(a: Fen): Cell {
  return a === 0 ? null : a;
}
