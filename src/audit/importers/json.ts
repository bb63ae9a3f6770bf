/**
 * JSON 导入 — Yusuan's own disclosure.json ("yusuan-disclosure/1", src/formats/json.ts) read into the
 * document model, so that it is audited like the printed formats: each table's title, 单位名称, unit,
 * header grid (merged cells written once), body (amounts in 万元 printed with two decimals, as the text
 * format prints them; merged cells written once) and note; the narrative's parts and sections. Other JSON
 * is not a disclosure and is reported. Never throws.
 */
import { formatWanYuan, nearestFenOfWanYuanNumber } from "../../core/money.ts";
import type { Finding } from "../../core/rules/finding.ts";
import type { HeaderCell } from "../../core/table.ts";
import { headerGrid } from "../../core/table.ts";
import type { DocumentFile, FileFormat, NarrativeSection, RawRow, RawTable } from "../core/document.ts";
import { splitHeader } from "../core/header.ts";
import { errorText, importProblem } from "./problems.ts";

/** A JSON disclosure (Yusuan's disclosure.json) is its own format. */
export const JSON_FORMAT: FileFormat = "json";

interface JsonTable {
  title?: unknown;
  unitName?: unknown;
  unit?: unknown;
  header?: unknown;
  rows?: unknown;
  merges?: unknown;
  note?: unknown;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** An amount in 万元 as printed: two decimals, no grouping, through the core's one formatter. */
function amount(v: number): string {
  return formatWanYuan(nearestFenOfWanYuanNumber(v));
}

function readTable(file: string, t: JsonTable): RawTable {
  const place = { file };
  const rows = Array.isArray(t.rows) ? (t.rows as unknown[]) : [];
  const width = Math.max(0, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
  const header = Array.isArray(t.header) ? (t.header as HeaderCell[][]).filter(Array.isArray) : [];
  let grid: string[][];
  try {
    const cols = width || Math.max(0, ...header.map((r) => r.reduce((n, c) => n + (c?.colSpan ?? 1), 0)));
    grid = headerGrid(header, cols).map((r) => r.map((c) => str(c?.text)));
  } catch {
    grid = header.map((r) => r.map((c) => str(c?.text)));
  }
  const covered = new Set<string>();
  for (const m of Array.isArray(t.merges) ? (t.merges as { row: number; col: number; rowSpan: number; colSpan: number }[]) : []) {
    for (let r = m.row; r < m.row + m.rowSpan && r < rows.length; r++) for (let c = m.col; c < m.col + m.colSpan && c < width; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const body = rows.map((r, ri) =>
    (Array.isArray(r) ? r : []).map((c: unknown, ci: number) => (covered.has(`${ri},${ci}`) || c === null || c === undefined ? "" : typeof c === "number" ? amount(c) : String(c))),
  );
  const all: RawRow[] = [...grid, ...body].map((cells) => ({ cells, place }));
  const split = splitHeader(all);
  const unit = t.unit === "万元" || t.unit === "元" ? t.unit : undefined;
  const note = str(t.note);
  return {
    title: str(t.title),
    place,
    ...(typeof t.unitName === "string" ? { unitName: t.unitName } : {}),
    ...(unit ? { unit, unitText: `单位：${unit}` } : {}),
    header: split.header,
    body: split.body,
    notes: note ? [{ text: /^(说明|注)[:：]/.test(note) ? note : `说明：${note}`, place }] : [],
  };
}

export function importJson(name: string, text: string): DocumentFile {
  const problems: Finding[] = [];
  const file: DocumentFile = { name, format: JSON_FORMAT, parts: [{ kind: "whole", index: 1, read: true }], tables: [], sections: [], problems };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    file.parts[0]!.read = false;
    problems.push(importProblem("read.damaged", `${name} 不是有效的 JSON：${errorText(e)} / ${name} is not valid JSON: ${errorText(e)}`, { file: name }));
    return file;
  }
  const d = data as { format?: unknown; title?: unknown; scope?: { name?: unknown }; tables?: unknown; narrative?: { parts?: unknown } };
  if (typeof d !== "object" || d === null || typeof d.format !== "string" || !d.format.startsWith("yusuan-disclosure/")) {
    file.parts[0]!.read = false;
    problems.push(importProblem("read.unsupported-format", `${name} 不是 Yusuan 公开文件的 JSON（yusuan-disclosure/1） / ${name} is not a Yusuan disclosure JSON (yusuan-disclosure/1)`, { file: name }));
    return file;
  }
  file.tables = (Array.isArray(d.tables) ? (d.tables as JsonTable[]) : []).map((t) => readTable(name, t ?? {}));
  const sections: NarrativeSection[] = [];
  if (typeof d.scope?.name === "string") sections.push({ path: [d.scope.name], heading: d.scope.name, place: { file: name }, paragraphs: [] });
  if (typeof d.title === "string") sections.push({ path: [d.title], heading: d.title, place: { file: name }, paragraphs: [] });
  for (const p of Array.isArray(d.narrative?.parts) ? (d.narrative!.parts as { title?: unknown; sections?: unknown }[]) : []) {
    const part = str(p?.title);
    sections.push({ path: [part], heading: part, place: { file: name }, paragraphs: [] });
    for (const s of Array.isArray(p?.sections) ? (p.sections as { title?: unknown; text?: unknown }[]) : []) {
      const title = str(s?.title);
      const paragraphs = str(s?.text)
        .split("\n")
        .map((x) => x.trim())
        .filter((x) => x !== "")
        .map((x) => ({ text: x, place: { file: name } }));
      sections.push({ path: [part, title], heading: title, place: { file: name }, paragraphs });
    }
  }
  file.sections = sections;
  if (file.tables.length === 0 && sections.every((s) => s.paragraphs.length === 0)) {
    problems.push(importProblem("read.nothing-found", `${name} 中没有表格或说明文字 / no table or narrative text found in ${name}`, { file: name }));
  }
  return file;
}
