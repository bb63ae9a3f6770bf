/**
 * disclosure.json — every table as {id, title, unit, header, rows} with money as JSON numbers in the
 * table's unit (万元 or 元) exactly as printed, and every narrative section as text.
 */
import { DRAFT_MARK, type Disclosure } from "../core/disclosure.ts";
import { type PrintUnit, toUnitNumber } from "../core/money.ts";
import type { DisclosureTable } from "../core/table.ts";

export interface JsonTable {
  id: string;
  number: number;
  contentsPrefix: string;
  printedNumber?: string;
  title: string;
  unitNameLabel: string;
  unitName: string;
  unit: PrintUnit;
  header: { text: string; colSpan?: number; rowSpan?: number }[][];
  columns: { key: string; kind: string }[];
  rows: (string | number | null)[][];
  rowKinds: string[];
  merges: { row: number; col: number; rowSpan: number; colSpan: number }[];
  note?: string;
  empty: boolean;
}

export function tableToJson(t: DisclosureTable): JsonTable {
  return {
    id: t.id,
    number: t.number,
    contentsPrefix: t.contentsPrefix,
    ...(t.printedNumber ? { printedNumber: t.printedNumber } : {}),
    title: t.title,
    unitNameLabel: t.unitNameLabel,
    unitName: t.unitName,
    unit: t.unit,
    header: t.header,
    columns: t.columns.map((c) => ({ key: c.key, kind: c.kind })),
    rows: t.rows.map((r) => r.cells.map((c) => (typeof c === "number" ? toUnitNumber(t.unit, c) : c))),
    rowKinds: t.rows.map((r) => r.kind),
    merges: t.merges,
    ...(t.note ? { note: t.note } : {}),
    empty: t.empty,
  };
}

/** disclosure.json as a type: what the web app reads (src/web/api/types.ts re-exports it). */
export type DisclosureJson = ReturnType<typeof disclosureToJson>;

export function disclosureToJson(d: Disclosure) {
  return {
    format: "yusuan-disclosure/1",
    layout: d.layout,
    year: d.year,
    title: d.title,
    date: d.date,
    /** 来源说明 (Budget.provenance): what the document is, as its cover says */
    provenance: d.provenance,
    scope: d.scope,
    department: d.department,
    /** 草稿 未经审核 when the document is a draft (not approved, or rendered past errors) */
    draft: d.draft ? DRAFT_MARK : undefined,
    tables: d.tables.map(tableToJson),
    narrative: {
      parts: d.narrative.parts.map((p) => ({
        id: p.id,
        title: p.title,
        sections: p.sections.map((s) => ({ id: s.id, title: s.title, text: s.paragraphs.join("\n") })),
      })),
    },
  };
}

export function renderJson(d: Disclosure): string {
  return `${JSON.stringify(disclosureToJson(d), null, 2)}\n`;
}
