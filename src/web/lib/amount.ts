/**
 * 金额输入 — amounts typed by people, in 元 or 万元, into exact 分 (never through a float: core/money.ts).
 * "12.5万", "12.5万元", "125,000", "125000元", full-width digits and spaces are all read; a suffix wins
 * over the unit the grid is set to. Printing them back is src/web/lib/format.ts (the core's formatter).
 */
import { MoneyError, type Fen, formatYuan, parseDecimal } from "../../core/money.ts";

/** The unit amounts are typed and shown in. */
export type AmountUnit = "yuan" | "wan";

export type ParsedAmount = { ok: true; fen: Fen } | { ok: false; message: string };

const FULL_WIDTH = /[０-９．，－＋]/g;

function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseAmount(input: string, unit: AmountUnit): ParsedAmount {
  let s = halfWidth(input).replace(/[\s\u00a0]/g, "").replace(/,/g, "");
  if (s === "") return { ok: false, message: "empty" };
  let u: "元" | "万元" = unit === "wan" ? "万元" : "元";
  if (s.endsWith("万元")) {
    u = "万元";
    s = s.slice(0, -2);
  } else if (s.endsWith("万")) {
    u = "万元";
    s = s.slice(0, -1);
  } else if (s.endsWith("元")) {
    u = "元";
    s = s.slice(0, -1);
  }
  if (s.startsWith("¥") || s.startsWith("￥")) s = s.slice(1);
  if (s.startsWith(".")) s = `0${s}`;
  if (s.endsWith(".")) s = s.slice(0, -1);
  try {
    return { ok: true, fen: parseDecimal(s, u) };
  } catch (e) {
    return { ok: false, message: e instanceof MoneyError ? e.message : String(e) };
  }
}

/** The 元 text a budget file stores ("413500.00"), or undefined when the input is not an amount. */
export function toYuanText(input: string, unit: AmountUnit): string | undefined {
  const p = parseAmount(input, unit);
  return p.ok ? formatYuan(p.fen) : undefined;
}

/** 分 from the stored 元 text; NaN when it is not one. */
export function fenOfYuanText(text: string): number {
  const p = parseAmount(text, "yuan");
  return p.ok ? p.fen : Number.NaN;
}
