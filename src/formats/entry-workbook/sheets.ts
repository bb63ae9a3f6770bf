/**
 * Reading the sheets of a filled entry workbook into rows of normalised cells, each with its A1 reference.
 * Headers are matched by text (columns may be reordered); an unknown header, a missing required column, a
 * value under no header and an unknown row label are problems naming the sheet and cell.
 */
import type ExcelJS from "exceljs";
import { type Norm, asText, readCell } from "./cells.ts";
import {
  KV_LABEL_HEADER,
  KV_NOTE_HEADER,
  type KvRowDef,
  type KvSheetDef,
  type TableSheetDef,
  UNIT_OWNER_PREFIX,
  cellRef,
  columnLetter,
  normaliseLabel,
} from "./layout.ts";

export interface CellIn {
  /** "支出明细!G7" */
  ref: string;
  norm: Norm;
}

/** A problem found while reading: where (A1 reference), the field when known, and the message. */
export interface Problem {
  ref?: string;
  field?: string;
  message: string;
}

export interface TableRow {
  row: number;
  /** the row's first cell, for problems about the row as a whole */
  ref: string;
  /** by column key; only the columns the sheet has */
  cells: Map<string, CellIn>;
}

export interface TableData {
  sheet: string;
  rows: TableRow[];
}

export interface KvColumnData {
  /** undefined for the department's column, else the unit code of a "单位:<代码>" column */
  unit?: string;
  headerRef: string;
  /** non-empty values by row id, in row order (a repeated row has several) */
  values: Map<string, CellIn[]>;
  /** the cell of each known row in this column, filled or not */
  refs: Map<string, string>;
}

export interface KvData {
  sheet: string;
  columns: KvColumnData[];
  /** row ids in the order the sheet has them (the dynamic ones included) */
  order: string[];
  /** the sheet's first data cell, for problems about the sheet as a whole */
  ref: string;
}

const isEmpty = (n: Norm) => n.t === "empty";

function headerText(cell: ExcelJS.Cell | undefined): string {
  return cell ? normaliseLabel(asText(readCell(cell)) ?? "") : "";
}

/** The text of a header or label cell as written, for messages. */
function shown(cell: ExcelJS.Cell): string {
  return asText(readCell(cell)) ?? "";
}

function lastColumn(ws: ExcelJS.Worksheet): number {
  let max = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    max = Math.max(max, row.cellCount);
  });
  return max;
}

/** Reports the first value in each column that has no header (its content could not be imported). */
function reportUnheaded(ws: ExcelJS.Worksheet, known: Set<number>, problems: Problem[]): void {
  const reported = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (known.has(c) || reported.has(c) || isEmpty(readCell(cell))) return;
      reported.add(c);
      problems.push({ ref: cellRef(ws.name, r, c), message: `${columnLetter(c)}列没有表头，这一列的内容无法导入：请补上表头或删除内容 / this column has no header, so its content cannot be imported` });
    });
  });
}

export function readTableSheet(ws: ExcelJS.Worksheet, def: TableSheetDef, problems: Problem[]): { data: TableData; fatal: boolean } {
  const byHeader = new Map(def.columns.map((c) => [normaliseLabel(c.header), c]));
  const columns = new Map<string, number>();
  const known = new Set<number>();
  let fatal = false;
  const header = ws.getRow(1);
  const width = lastColumn(ws);
  for (let c = 1; c <= width; c++) {
    const cell = header.findCell(c);
    const text = headerText(cell);
    if (!text) continue;
    known.add(c);
    const col = byHeader.get(text);
    if (!col) {
      problems.push({ ref: cellRef(def.name, 1, c), message: `未知的表头“${shown(cell!)}”；这张表的表头是：${def.columns.map((x) => x.header).join("、")} / unknown column header` });
    } else if (columns.has(col.key)) {
      problems.push({ ref: cellRef(def.name, 1, c), message: `表头“${col.header}”重复（已在${columnLetter(columns.get(col.key)!)}列） / duplicate column header` });
    } else {
      columns.set(col.key, c);
    }
  }
  for (const col of def.columns) {
    if (col.required && !columns.has(col.key)) {
      fatal = true;
      problems.push({ ref: cellRef(def.name, 1, 1), message: `缺少“${col.header}”列：第一行应有表头“${col.header}” / missing column ${col.header}` });
    }
  }
  reportUnheaded(ws, known, problems);
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    const cells = new Map<string, CellIn>();
    let any = false;
    for (const [key, c] of columns) {
      const cell = row.findCell(c);
      const norm: Norm = cell ? readCell(cell) : { t: "empty" };
      if (!isEmpty(norm)) any = true;
      cells.set(key, { ref: cellRef(def.name, r, c), norm });
    }
    if (any) rows.push({ row: r, ref: cellRef(def.name, r, Math.min(...columns.values())), cells });
  });
  return { data: { sheet: def.name, rows }, fatal };
}

/** "单位:313001" or "单位：313001" → "313001" */
export function unitOfOwner(text: string): string | undefined {
  const m = /^单位\s*[:：]\s*(\S+)$/.exec(text.trim());
  return m?.[1];
}

/** The row id a label names: a fixed row, or a pattern row (车辆：…, 一般公共预算支出：201 …). */
function rowOf(def: KvSheetDef, rows: Map<string, KvRowDef>, label: string): { id: string; row: KvRowDef } | { error: string } | undefined {
  const fixed = rows.get(normaliseLabel(label));
  if (fixed) return { id: fixed.id, row: fixed };
  const d = def.dynamic;
  if (!d) return undefined;
  const prefix = normaliseLabel(d.prefix);
  const norm = normaliseLabel(label);
  if (!norm.startsWith(prefix)) return undefined;
  const rest = label.trim().replace(/^[^:：]*[:：]\s*/, "").trim();
  if (d.idPrefix === "byClass:") {
    const code = /^(\d+)/.exec(rest)?.[1];
    if (!code || code.length !== 3) return { error: `栏目“${label}”中应有3位的功能分类“类”编码，如 ${d.prefix}201 一般公共服务支出 / expected a 3-digit class code` };
    return { id: `byClass:${code}`, row: { id: `byClass:${code}`, label, kind: d.kind, note: "" } };
  }
  if (!rest) return { error: `栏目“${label}”缺少名称 / the label names nothing after the colon` };
  return { id: `${d.idPrefix}${rest}`, row: { id: `${d.idPrefix}${rest}`, label, kind: d.kind, note: "" } };
}

export function readKvSheet(ws: ExcelJS.Worksheet, def: KvSheetDef, problems: Problem[]): { data: KvData; fatal: boolean } {
  const rows = new Map(def.rows.map((r) => [normaliseLabel(r.label), r]));
  const header = ws.getRow(1);
  const width = lastColumn(ws);
  let labelCol = 0;
  const columns: (KvColumnData & { col: number })[] = [];
  const known = new Set<number>();
  let fatal = false;
  for (let c = 1; c <= width; c++) {
    const cell = header.findCell(c);
    const text = headerText(cell);
    if (!text) continue;
    known.add(c);
    const ref = cellRef(def.name, 1, c);
    const unit = def.unitColumns ? unitOfOwner(shown(cell!)) : undefined;
    if (text === normaliseLabel(KV_LABEL_HEADER) && !labelCol) labelCol = c;
    else if (text === normaliseLabel(KV_NOTE_HEADER)) continue;
    else if (text === normaliseLabel(def.valueHeader) && !columns.some((x) => x.unit === undefined)) columns.push({ col: c, headerRef: ref, values: new Map(), refs: new Map() });
    else if (unit && !columns.some((x) => x.unit === unit)) columns.push({ unit, col: c, headerRef: ref, values: new Map(), refs: new Map() });
    else {
      const allowed = [KV_LABEL_HEADER, KV_NOTE_HEADER, def.valueHeader, ...(def.unitColumns ? [`${UNIT_OWNER_PREFIX}单位代码`] : [])].join("、");
      problems.push({ ref, message: `未知或重复的表头“${shown(cell!)}”；这张表的表头是：${allowed} / unknown or duplicate column header` });
    }
  }
  if (!labelCol || !columns.some((x) => x.unit === undefined)) {
    fatal = true;
    problems.push({ ref: cellRef(def.name, 1, 1), message: `第一行应有表头“${KV_LABEL_HEADER}”和“${def.valueHeader}” / missing the ${KV_LABEL_HEADER} or ${def.valueHeader} column` });
  }
  reportUnheaded(ws, known, problems);
  const order: string[] = [];
  if (!fatal) {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r === 1) return;
      const labelCell = row.findCell(labelCol);
      const label = labelCell ? (asText(readCell(labelCell)) ?? "") : "";
      const filled = columns.filter((col) => {
        const cell = row.findCell(col.col);
        return cell && !isEmpty(readCell(cell));
      });
      if (!label) {
        if (filled.length > 0) problems.push({ ref: cellRef(def.name, r, labelCol), message: `这一行有内容但没有栏目名称 / the row has values but no label in column ${KV_LABEL_HEADER}` });
        return;
      }
      const hit = rowOf(def, rows, label);
      if (!hit) {
        problems.push({ ref: cellRef(def.name, r, labelCol), message: `未知的栏目“${label}” / unknown row label` });
        return;
      }
      if ("error" in hit) {
        problems.push({ ref: cellRef(def.name, r, labelCol), message: hit.error });
        return;
      }
      if (!order.includes(hit.id)) order.push(hit.id);
      for (const col of columns) {
        const ref = cellRef(def.name, r, col.col);
        if (!col.refs.has(hit.id)) col.refs.set(hit.id, ref);
        const cell = row.findCell(col.col);
        const norm: Norm = cell ? readCell(cell) : { t: "empty" };
        if (isEmpty(norm)) continue;
        const list = col.values.get(hit.id) ?? [];
        if (list.length > 0 && !hit.row.repeat) {
          problems.push({ ref, message: `栏目“${label}”重复填写（上面已经填过） / the same row label is filled twice` });
          continue;
        }
        list.push({ ref, norm });
        col.values.set(hit.id, list);
      }
    });
  }
  return {
    data: { sheet: def.name, columns: columns.map(({ col: _col, ...rest }) => rest), order, ref: cellRef(def.name, 2, columns[0]?.col ?? 1) },
    fatal,
  };
}
