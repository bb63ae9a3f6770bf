/**
 * 位置 — findings about a printed table point at the table, the printed row and column, and the place in
 * the file (line, page or sheet cell) the importer recorded.
 */
import type { Location } from "../../../core/rules/finding.ts";
import type { RawRow, SourcePlace } from "../document.ts";
import type { TableInfo } from "../semantic.ts";

/** The printed row (header rows first, then body rows). */
export function rawRow(info: TableInfo, row: number): RawRow | undefined {
  return row < info.headerCount ? info.raw.header[row] : info.raw.body[row - info.headerCount];
}

/** Where a printed row, or one of its cells, is in the file. */
export function placeOf(info: TableInfo, row?: number, col?: number): SourcePlace {
  if (row === undefined) return info.raw.place;
  const r = rawRow(info, row);
  if (!r) return info.raw.place;
  return (col !== undefined ? r.cellPlaces?.[col] : undefined) ?? r.place;
}

/** A column's heading path as one label: "基本支出/小计". */
export function columnLabel(info: TableInfo, col: number): string {
  const path = info.columns[col] ?? [];
  const label = path.join("/");
  // forms (table 12) have no header to speak of: their "headings" are the form's first rows
  return path.length === 0 || label.length > 40 || info.kind === "department-targets" ? `第${col + 1}列` : label;
}

/** The location of a table, a printed row or a cell. */
export function cellLocation(info: TableInfo, row?: number, col?: number): Location {
  const { file, ...where } = placeOf(info, row, col);
  return {
    kind: "table",
    table: info.label,
    ...(row !== undefined ? { row } : {}),
    ...(col !== undefined ? { column: columnLabel(info, col) } : {}),
    file,
    ...where,
  };
}
