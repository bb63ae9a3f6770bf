/**
 * 文本表格 — tables in a plain-text document: runs of tab-separated rows (blank lines between rows allowed),
 * the title line above them, the 单位名称 / 单位 lines between, and the 说明 / 注 lines under them. A title
 * followed only by its unit lines and a "本单位无…" note is an empty table printed without rows.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { MoneyUnit, RawRow, RawTable, RawText } from "../core/document.ts";
import { splitHeader } from "../core/header.ts";
import { readingProblem } from "../core/reading.ts";
import { classifyTitle } from "../core/titles.ts";
import { FURNITURE, NOTE } from "./furniture.ts";
import type { Line } from "./text-lines.ts";

/** "单位名称：…", "部门：…", "部 门:…", "预算主管部门：…", "预算单位：…", "编制部门：…" — the name, up to a wide gap or the unit */
const UNIT_NAME = /(?:单位名称|部门名称|编制单位|编制部门|预算单位|(?:预算主管)?部\s*门)\s*[:：]\s*([^\t]*?)(?=\s{2,}|\s*(?:金额)?单位\s*[:：]|$)/;
/** "单位：万元" anywhere in the line, after a name or alone ("部门：…单位：万元" printed without a gap) */
const UNIT = /(?:^|\s|[^\s编制算名])(?:金额)?单位\s*[:：]\s*(万元|元)/;

/** What the lines above a table say: its 单位名称 and money unit. */
interface Meta {
  unitName?: string;
  unit?: MoneyUnit;
  unitText?: string;
}

/** Reads a 单位名称 / 单位 line (or a row of them); undefined when the text is neither. */
export function readMeta(text: string): Meta | undefined {
  const t = text.trim();
  if (t.length > 200) return undefined;
  if (FURNITURE.test(t)) return {};
  const name = UNIT_NAME.exec(t);
  const unit = UNIT.exec(t);
  if (!name && !unit) return undefined;
  if (!name && !/^(金额)?单位\s*[:：]/.test(t)) return undefined;
  const meta: Meta = {};
  if (name?.[1]) meta.unitName = name[1].trim();
  if (unit) {
    meta.unit = unit[1] as MoneyUnit;
    meta.unitText = (/(?:金额)?单位\s*[:：]\s*(万元|元)/.exec(t)?.[0] ?? "").trim();
  }
  return meta;
}

const lineText = (l: Line | undefined): string | undefined => (l?.kind === "text" || l?.kind === "heading" ? l.text : undefined);

export function findTables(file: string, lines: readonly Line[], consumed: Uint8Array, problems: Finding[]): RawTable[] {
  const tables: RawTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== "row") {
      i++;
      continue;
    }
    // the block: rows, with blank lines allowed between rows
    const rows: RawRow[] = [];
    const notes: RawText[] = [];
    const meta: Meta = {};
    let j = i;
    let end = i;
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.kind === "row") {
        consumed[j] = 1;
        const filled = l.cells.filter((c) => c !== "");
        const m = filled.length > 0 && filled.length <= 2 ? readMeta(filled.join("  ")) : undefined;
        if (rows.length === 0 && m) Object.assign(meta, m);
        else if (filled.length === 1 && NOTE.test(filled[0]!)) notes.push({ text: filled[0]!, place: { file, line: l.line } });
        else rows.push({ cells: l.cells, place: { file, line: l.line } });
        end = j + 1;
        j++;
      } else if (l.kind === "blank") j++;
      else break;
    }
    // above: unit lines, then the title
    let k = i - 1;
    while (k >= 0) {
      const l = lines[k]!;
      const t = lineText(l);
      const m = t !== undefined && !consumed[k] ? readMeta(t) : undefined;
      if (l.kind === "blank") k--;
      else if (m) {
        consumed[k] = 1;
        Object.assign(meta, { ...m, ...meta });
        k--;
      } else break;
    }
    const titleLine = lines[k];
    const title = k >= 0 && !consumed[k] ? lineText(titleLine) : undefined;
    const usable = title !== undefined && title.length <= 80 && !NOTE.test(title) && !/[。]$/.test(title);
    if (usable) consumed[k] = 1;
    else problems.push(readingProblem("read.table-untitled", `第 ${lines[i]!.line} 行起的表格前没有表名 / the table starting at line ${lines[i]!.line} has no title line`, { file, line: lines[i]!.line }));
    // below: notes
    let n = end;
    while (n < lines.length) {
      const l = lines[n]!;
      if (l.kind === "blank") n++;
      else if (l.kind === "text" && NOTE.test(l.text)) {
        consumed[n] = 1;
        notes.push({ text: l.text, place: { file, line: l.line } });
        n++;
      } else break;
    }
    const { header, body } = splitHeader(rows);
    tables.push({
      title: usable ? title : "",
      place: { file, line: usable ? titleLine!.line : lines[i]!.line },
      ...meta,
      header,
      body,
      notes,
    });
    i = Math.max(end, i + 1);
  }
  tables.push(...rowlessTables(file, lines, consumed));
  consumeFurniture(lines, consumed);
  return tables.sort((a, b) => (a.place.line ?? 0) - (b.place.line ?? 0));
}

/** "## 2021年政府性基金预算支出情况表" + unit lines + "说明：本单位无…": a table printed without rows. */
function rowlessTables(file: string, lines: readonly Line[], consumed: Uint8Array): RawTable[] {
  const out: RawTable[] = [];
  lines.forEach((l, i) => {
    const title = lineText(l);
    if (title === undefined || consumed[i] || !classifyTitle(title)) return;
    const meta: Meta = {};
    const used: number[] = [];
    let k = i + 1;
    for (; k < lines.length && k <= i + 12; k++) {
      const t = lineText(lines[k]);
      const m = t !== undefined ? readMeta(t) : undefined;
      if (lines[k]!.kind === "blank") continue;
      if (!m) break;
      Object.assign(meta, m);
      used.push(k);
    }
    const note = lineText(lines[k]);
    if (note === undefined || !NOTE.test(note) || consumed[k]) return;
    for (const u of [i, k, ...used]) consumed[u] = 1;
    out.push({ title, place: { file, line: l.line }, ...meta, header: [], body: [], notes: [{ text: note, place: { file, line: lines[k]!.line } }] });
  });
  return out;
}

/** Table furniture left between tables ("预算09表", a stray unit line) is not narrative. */
function consumeFurniture(lines: readonly Line[], consumed: Uint8Array): void {
  lines.forEach((l, i) => {
    if (l.kind === "text" && !consumed[i] && (FURNITURE.test(l.text) || (readMeta(l.text) && l.text.length <= 60))) consumed[i] = 1;
  });
}
