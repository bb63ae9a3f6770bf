/**
 * 明细行 — line items of the budget-file JSON as grid rows (text cells) and back. Amounts are kept as
 * the 元 text the file stores ("413500.00"); what cannot be read stays as typed, for the checks to show.
 */
import { NATURE_ALIASES, SOURCE_ALIASES } from "../../../formats/budget-file/schema.ts";
import type { ContentLineItem } from "../../api/types.ts";
import { type AmountUnit, toYuanText } from "../../lib/amount.ts";
import type { Row } from "../../lib/grid-model.ts";

export const LINE_KEYS = ["unit", "functional", "economic", "nature", "project", "source", "amount", "memo"] as const;
export type LineKey = (typeof LINE_KEYS)[number];

export function rowOfItem(i: ContentLineItem): Row {
  const amount = typeof i.amount === "number" ? String(i.amount) : (i.amount ?? "");
  return {
    unit: String(i.unit ?? ""),
    functional: String(i.functional ?? ""),
    economic: String(i.economic ?? ""),
    nature: NATURE_ALIASES[String(i.nature ?? "").trim()] ?? String(i.nature ?? ""),
    project: String(i.project ?? ""),
    source: SOURCE_ALIASES[String(i.source ?? "").trim()] ?? String(i.source ?? ""),
    amount: toYuanText(amount, "yuan") ?? amount,
    memo: String(i.memo ?? ""),
  };
}

/** A row nobody has filled in yet (only defaults): not a line item. */
export function isBlank(r: Row): boolean {
  return !r.functional && !r.economic && !r.amount && !r.memo && !r.project;
}

/** The line items of the grid, and for each the grid row it came from (blank rows are skipped). */
export function itemsOfRows(rows: readonly Row[]): { items: ContentLineItem[]; gridRowOf: number[] } {
  const items: ContentLineItem[] = [];
  const gridRowOf: number[] = [];
  rows.forEach((r, i) => {
    if (isBlank(r)) return;
    const item: ContentLineItem = { unit: r.unit ?? "", functional: r.functional ?? "", economic: r.economic ?? "", nature: r.nature ?? "", source: r.source ?? "", amount: r.amount ?? "" };
    if (r.project) item.project = r.project;
    if (r.memo) item.memo = r.memo;
    items.push(item);
    gridRowOf.push(i);
  });
  return { items, gridRowOf };
}

/** Typed or pasted code text: the digits of "2080208 基层…", or the code whose name it is. */
export function normaliseCode(text: string, byName: ReadonlyMap<string, string>): string {
  const s = text.trim();
  const lead = /^(\d{3,})/.exec(s);
  if (lead) return lead[1]!;
  return byName.get(s) ?? s;
}

export function normaliseAmount(text: string, unit: AmountUnit): string {
  const s = text.trim();
  if (!s) return "";
  return toYuanText(s, unit) ?? s;
}

export function normaliseNature(text: string): string {
  const s = text.trim();
  return NATURE_ALIASES[s] ?? NATURE_ALIASES[s.replace(/支出$/, "")] ?? s;
}

export function normaliseSource(text: string): string {
  const s = text.trim();
  return SOURCE_ALIASES[s] ?? s;
}
