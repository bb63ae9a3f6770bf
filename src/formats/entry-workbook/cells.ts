/**
 * Reading one cell robustly, whatever Excel, WPS or LibreOffice stored: plain values, rich text, hyperlinks,
 * formulas with their cached result, error values, dates, and percentages typed into a number cell. Then
 * converting it to what the budget-file schema expects for the column's kind, or saying why it cannot be.
 */
import type ExcelJS from "exceljs";
import type { ValueKind } from "./layout.ts";

/** A cell's content, normalised. */
export type Norm =
  | { t: "empty" }
  | { t: "string"; v: string }
  | { t: "number"; v: number; percent: boolean }
  | { t: "boolean"; v: boolean }
  | { t: "date"; v: Date }
  /** something that cannot be read at all (a formula without result, an error value) */
  | { t: "bad"; message: string };

const EMPTY: Norm = { t: "empty" };

function fromPrimitive(v: unknown, percent: boolean): Norm {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "string") {
    const s = v.replace(/\r\n?/g, "\n").trim();
    return s === "" ? EMPTY : { t: "string", v: s };
  }
  if (typeof v === "number") return Number.isFinite(v) ? { t: "number", v, percent } : { t: "bad", message: `不是有效的数字 / not a valid number: ${v}` };
  if (typeof v === "boolean") return { t: "boolean", v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { t: "bad", message: "不是有效的日期 / not a valid date" } : { t: "date", v };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return fromPrimitive((o.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join(""), false);
    if ("error" in o) return { t: "bad", message: `单元格是错误值 ${String(o.error)} / the cell holds an error value` };
    if ("hyperlink" in o) return fromPrimitive(o.text, false);
    if ("formula" in o || "sharedFormula" in o) {
      if (o.result === undefined || o.result === null) {
        return { t: "bad", message: "公式没有保存计算结果：请在 Excel 或 WPS 中打开并保存后再导入，或直接填写数值 / formula without a cached result: open and save the file in Excel, or type the value" };
      }
      return fromPrimitive(o.result, percent);
    }
  }
  return { t: "bad", message: "无法识别的单元格内容 / unreadable cell content" };
}

/** The normalised content of a cell. */
export function readCell(cell: ExcelJS.Cell): Norm {
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  const percent = typeof cell.numFmt === "string" && cell.numFmt.includes("%");
  return fromPrimitive(v, percent);
}

/** A date as written in files: yyyy-mm-dd (Excel dates carry no zone; exceljs gives them as UTC). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A number as people typed it, without float noise: 0.1 + 0.2 prints as 0.3. */
function plain(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** The text of a cell, for text columns: numbers as written, percent cells as "95%", dates as yyyy-mm-dd. */
export function asText(n: Norm): string | undefined {
  switch (n.t) {
    case "string":
      return n.v;
    case "number":
      return n.percent ? `${plain(n.v * 100)}%` : plain(n.v);
    case "boolean":
      return n.v ? "是" : "否";
    case "date":
      return isoDate(n.v);
    default:
      return undefined;
  }
}

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function describe(n: Norm): string {
  switch (n.t) {
    case "date":
      return `日期 / a date ${isoDate(n.v)}`;
    case "boolean":
      return `逻辑值 / a boolean ${n.v ? "TRUE" : "FALSE"}`;
    default:
      return asText(n) ?? "";
  }
}

const WHOLE = /^[+-]?\d+$/;

/**
 * Converts a non-empty cell for a column of `kind`. Values the schema can judge (an amount written as text,
 * an enum spelled wrongly) pass through, so its message is the one people see; values that cannot mean
 * anything for the kind (a code with decimals, a date where an amount belongs) are refused here.
 */
export function convert(kind: ValueKind, n: Norm): Converted {
  if (n.t === "bad") return { ok: false, message: n.message };
  if (n.t === "empty") return { ok: true, value: undefined };
  switch (kind) {
    case "code": {
      if (n.t === "string") return { ok: true, value: n.v };
      if (n.t === "number" && Number.isSafeInteger(n.v) && n.v >= 0 && !n.percent) return { ok: true, value: String(n.v) };
      if (n.t === "number") return { ok: false, message: `编码不能是带小数或负号的数字：${plain(n.v)}；请按文字填写编码 / a code cannot be a number with decimals or a sign: ${plain(n.v)}; write codes as text` };
      return { ok: false, message: `这里应填编码，不是${describe(n)} / expected a code` };
    }
    case "amount": {
      // 15 significant digits drop a formula's float noise (0.1+0.2) but keep every digit a person typed.
      if (n.t === "number") return { ok: true, value: Number(plain(n.v)) };
      if (n.t === "string") return { ok: true, value: n.v };
      return { ok: false, message: `不是金额：${describe(n)} / not an amount` };
    }
    case "count":
    case "year": {
      const what = kind === "year" ? "年度（四位数字）/ a year" : "不小于 0 的整数 / a whole number ≥ 0";
      let v: number | undefined;
      if (n.t === "number" && !n.percent) v = n.v;
      else if (n.t === "string" && WHOLE.test(n.v.replace(/,/g, ""))) v = Number(n.v.replace(/,/g, ""));
      if (v === undefined || !Number.isSafeInteger(v) || (kind === "count" && v < 0)) return { ok: false, message: `应为${what}，不是“${describe(n)}” / expected ${kind === "year" ? "a year" : "a whole number ≥ 0"}` };
      return { ok: true, value: v };
    }
    case "bool": {
      const t = asText(n)?.toLowerCase();
      if (t === "是" || t === "true" || t === "y" || t === "yes" || t === "1") return { ok: true, value: true };
      if (t === "否" || t === "false" || t === "n" || t === "no" || t === "0") return { ok: true, value: false };
      return { ok: false, message: `应填“是”或“否”，不是“${describe(n)}” / expected 是 or 否` };
    }
    case "date":
      if (n.t === "date") return { ok: true, value: isoDate(n.v) };
      // A date serial in a cell that lost its date format (Excel's 1900 system, 1970–2099); a bare year stays as written.
      if (n.t === "number" && Number.isInteger(n.v) && n.v >= 25569 && n.v < 73051) return { ok: true, value: isoDate(new Date((n.v - 25569) * 86400000)) };
      return { ok: true, value: asText(n) };
    case "target":
      return { ok: true, value: n.t === "number" && !n.percent ? n.v : asText(n) };
    case "text":
    case "enum":
      return { ok: true, value: asText(n) };
  }
}
