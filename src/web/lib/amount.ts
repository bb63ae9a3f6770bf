/**
 * 金额输入 — amounts typed by people, in 元 or 万元, into exact 分 (never through a float: core/money.ts).
 * "12.5万", "12.5万元", "125,000", "125000元", full-width digits and spaces are all read; a suffix wins
 * over the unit the grid is set to.
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

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * An exact amount for display: 元 with 2 decimals, or 万元 with as many decimals as it needs (2 to 6),
 * with thousands separators unless `plain`.
 */
export function formatAmount(fen: number, unit: AmountUnit, plain = false): string {
  if (!Number.isFinite(fen)) return "";
  const neg = fen < 0;
  const abs = Math.abs(fen);
  let int: string;
  let frac: string;
  if (unit === "yuan") {
    int = String(Math.floor(abs / 100));
    frac = String(abs % 100).padStart(2, "0");
  } else {
    int = String(Math.floor(abs / 1_000_000));
    frac = String(abs % 1_000_000).padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  }
  return `${neg ? "-" : ""}${plain ? int : group(int)}.${frac}`;
}

/** 万元 with 2 decimals, rounded half up, as the published tables print (for charts and summaries). */
export function formatWan2(fen: number): string {
  const q = Math.floor((Math.abs(fen) + 5000) / 10000);
  const s = `${group(String(Math.floor(q / 100)))}.${String(q % 100).padStart(2, "0")}`;
  return fen < 0 && q > 0 ? `-${s}` : s;
}
