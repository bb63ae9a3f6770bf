/**
 * Money (金额). Every amount inside Yusuan is an integer number of 分 (0.01 元), from input to output.
 * Floats never hold money; 万元 appear only at presentation, through `toWanYuanCents` / `formatWanYuan`.
 *
 * This is the one module that prints money: the core's narrative and rules, the audit, the renderers
 * and the web app all print amounts through the `format…` functions below, so one amount reads the same
 * everywhere (a copy that rounded with `Math.round` once printed −0.01 where these print −0.02).
 */

/** 分 — an integer amount of 0.01 元. Branded so a plain number cannot pass for money by accident. */
export type Fen = number & { readonly __brand: "Fen" };

export const ZERO = 0 as Fen;

/** An amount that is not a whole number of 分 (or not an amount at all). */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

/** The one constructor: an integer number of 分 that stays exact in a double. */
export function fen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new MoneyError(`金额必须是整数分 / amount must be an integer number of fen: ${n}`);
  return n as Fen;
}

/**
 * 金额上限 — the largest amount one line, income row or procurement row may hold: 1 万亿元 (10^14 分).
 * With MAX_BUDGET_TOTAL this keeps every total the tables derive exact in a double with room to spare
 * (Number.MAX_SAFE_INTEGER is about 9 × 10^15 分): a file of absurd amounts is refused when read, instead
 * of saving and then failing in rendering (issue 19: two lines of 90 万亿元 answered 500).
 */
export const MAX_AMOUNT = 100_000_000_000_000 as Fen;

/** The largest sum of the absolute amounts of a budget's lines (or of its income, or procurement): 10 万亿元. */
export const MAX_BUDGET_TOTAL = 1_000_000_000_000_000 as Fen;

/** a + b, checked. */
export function add(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

/** The sum of amounts, checked. */
export function sum(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return fen(total);
}

/** a − b, checked. */
export function sub(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

const DECIMAL = /^([+-]?)(\d{1,15})(?:\.(\d+))?$/;

/**
 * Parses a decimal written in 元 or 万元 (for example "4117.91" 万元 or "413500.00" 元) into 分 without
 * ever going through a float. More decimals than the unit can hold exactly (more than 2 in 元, 6 in 万元)
 * is an error, not a silent rounding.
 */
export function parseDecimal(text: string, unit: "元" | "万元"): Fen {
  const t = text.trim().replace(/,/g, "");
  const m = DECIMAL.exec(t);
  if (!m) throw new MoneyError(`不是金额 / not an amount: "${text}"`);
  const [, sign, whole = "0", frac = ""] = m;
  const scale = unit === "元" ? 2 : 6; // digits after the point that still fall on whole 分
  const trimmed = frac.replace(/0+$/, "");
  if (trimmed.length > scale) {
    throw new MoneyError(`金额精度超过 0.01 元 / amount finer than 0.01 元: "${text}" ${unit}`);
  }
  const digits = whole + trimmed.padEnd(scale, "0");
  const n = Number(digits);
  return fen(sign === "-" ? -n : n);
}

/** A JS number typed in a file (YAML/JSON/XLSX) as 元. Uses its shortest decimal form, never n*100. */
export function fromYuanNumber(n: number): Fen {
  if (!Number.isFinite(n)) throw new MoneyError(`不是金额 / not an amount: ${n}`);
  return parseDecimal(numberToPlainString(n), "元");
}

/** A JS number as 万元 (for example figures read from a printed table). */
export function fromWanYuanNumber(n: number): Fen {
  if (!Number.isFinite(n)) throw new MoneyError(`不是金额 / not an amount: ${n}`);
  return parseDecimal(numberToPlainString(n), "万元");
}

function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Exponent forms only appear for very small or very large numbers; toFixed(20) is exact enough to reject them.
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * A JS number as 万元 from a file written by another program, to the nearest 分: its shortest decimal form
 * when that falls on whole 分 (anything `toWanYuan` printed does), else rounded half away from zero at 分
 * (a float such as 0.30000000000000004 that no printed figure has).
 */
export function nearestFenOfWanYuanNumber(n: number): Fen {
  try {
    return fromWanYuanNumber(n);
  } catch (e) {
    if (!Number.isFinite(n)) throw e;
    const f = Math.round(Math.abs(n) * 1_000_000);
    return fen(n < 0 ? -f : f);
  }
}

/**
 * 万元 with 2 decimals, rounded half up (away from zero) from the exact amount, as an integer count of
 * 0.01 万元. This is the only place where money is rounded. (It is exact for the half-分 bounds of the
 * interval a printed 元 figure stands for too, which the audit prints.)
 */
export function toWanYuanCents(amount: Fen): number {
  const abs = Math.abs(amount);
  const q = Math.floor((abs + 5000) / 10000); // 1 万元分 (0.01 万元) = 100 元 = 10 000 分
  return amount < 0 ? -q : q;
}

/** The printed 万元 value as a JSON number, e.g. 4117.91 (exactly the printed digits). */
export function toWanYuan(amount: Fen): number {
  return Number(formatWanYuan(amount));
}

/** "4117.91" — 万元, 2 decimals, no thousands separator. */
export function formatWanYuan(amount: Fen): string {
  return formatCents(toWanYuanCents(amount));
}

/** "4,117.91" — 万元 with thousands separators, as tables print. */
export function formatWanYuanGrouped(amount: Fen): string {
  return formatCents(toWanYuanCents(amount), true);
}

/** "4117.91万元" — an amount as the narrative and messages print it. */
export function wanYuanText(amount: Fen): string {
  return `${formatWanYuan(amount)}万元`;
}

/** "413500.00" — 元 with 2 decimals, exact. */
export function formatYuan(amount: Fen): string {
  return formatCents(amount);
}

/** "413,500.00" — 元 with 2 decimals and thousands separators, exact. */
export function formatYuanGrouped(amount: Fen): string {
  return formatCents(amount, true);
}

/** "413500.00元" — 元 with their unit, as messages print them. */
export function yuanText(amount: Fen): string {
  return `${formatYuan(amount)}元`;
}

/**
 * "117.91万元", or "20.00元" for a nonzero amount too small to show in 万元 (it would print 0.00万元): for
 * messages that must never state a real difference as nothing.
 */
export function amountText(amount: Fen): string {
  return amount !== 0 && toWanYuanCents(amount) === 0 ? yuanText(amount) : wanYuanText(amount);
}

/** The printed 元 value as a JSON number, e.g. 413500.5 (exactly the printed digits). */
export function toYuan(amount: Fen): number {
  return Number(formatYuan(amount));
}

/**
 * "12.5" 万元 → "12.50", "12.345678" stays: 万元 exact, with as many decimals as the amount needs (2 to 6),
 * for amounts people type and edit, where rounding would hide a 分. Grouped unless `plain`.
 */
export function formatWanYuanExact(amount: Fen, plain = false): string {
  const abs = Math.abs(amount);
  const int = String(Math.floor(abs / 1_000_000));
  const frac = String(abs % 1_000_000).padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${amount < 0 ? "-" : ""}${plain ? int : group(int)}.${frac}`;
}

/** "00" … "99": the two decimals of an amount in hundredths, looked up rather than padded per amount. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** "1,234,567" from "1234567". */
function group(int: string): string {
  return int.length <= 3 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * An integer count of hundredths as a decimal with 2 places: 12345 → "123.45", −5 → "-0.05". The one
 * digit printer: money (分 as 元, 0.01 万元 as 万元) and percentages (0.01%, in ratio.ts) both use it.
 */
export function formatHundredths(hundredths: number, grouped = false): string {
  return formatCents(hundredths, grouped);
}

function formatCents(cents: number, grouped = false): string {
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100);
  const cents2 = abs % 100;
  const frac = TWO_DIGITS[cents2] ?? String(cents2).padStart(2, "0"); // (an amount not of whole 分 prints as before)
  return `${cents < 0 ? "-" : ""}${grouped ? group(String(int)) : int}.${frac}`;
}

/** 金额单位 — what a printed table's amounts are in: 元 (exact 分) or 万元 (rounded half up). */
export type PrintUnit = "元" | "万元";

/** An amount as a table in `unit` prints it: "4,117.91" (万元) or "41,179,100.00" (元); `grouped` false: no separators. */
export function formatIn(unit: PrintUnit, amount: Fen, grouped = true): string {
  return unit === "元" ? formatCents(amount, grouped) : formatCents(toWanYuanCents(amount), grouped);
}

/** The printed value in `unit` as a JSON or spreadsheet number (exactly the printed digits). */
export function toUnitNumber(unit: PrintUnit, amount: Fen): number {
  return unit === "元" ? toYuan(amount) : toWanYuan(amount);
}
