/**
 * PDF 表格成表 — the tables of a PDF as the document model wants them: the title and the 单位名称 / 单位
 * lines printed above each table, the 说明 / 注 lines under it, and a table that runs over several pages
 * joined into one (a table at the top of a page, with no title of its own and the columns of the table
 * that ended the previous page, continues it; the header rows the page repeats are dropped).
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { MoneyUnit, RawRow, RawTable, RawText } from "../core/document.ts";
import { splitHeader } from "../core/header.ts";
import { classifyTitle } from "../core/titles.ts";
import { readMeta } from "./text-tables.ts";
import type { Block, FlowLine, PageTable } from "./pdf-layout.ts";
import { joinLines } from "./pdf-text.ts";
import { leadingRows } from "./blocks.ts";
import { CONTINUED, FURNITURE, NOTE } from "./furniture.ts";
import { importProblem } from "./problems.ts";

/** One item of the document in reading order, with a flag set when a table takes it. */
export interface Item {
  block: Block;
  consumed: boolean;
}

interface Building {
  table: RawTable;
  geometry: PageTable;
  lastPage: number;
  /** rows without digits printed as labels (t12's 一级指标 …): a page repeats them */
  labels: Set<string>;
}

const rowKey = (cells: readonly string[]) => cells.join("\u0001");

function isLabelRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  return filled.length >= 2 && !filled.some((c) => /\d/.test(c));
}

/**
 * Where each column of `b` starts among the columns of `a`: the same column edges, or a subset of them with
 * the same outer edges (a continuation page whose rows merge some of the table's columns, such as the
 * indicator rows of 整体绩效目标表 continuing under its task rows). Undefined when `b` is not `a`'s columns.
 */
function columnsWithin(a: PageTable, b: PageTable): number[] | undefined {
  const tol = a.unruled || b.unruled ? 12 : 2.5;
  if (b.xs.length > a.xs.length || b.xs.length < 2) return undefined;
  const at = b.xs.map((x) => a.xs.findIndex((y) => Math.abs(x - y) <= tol));
  if (at.some((i) => i < 0) || at[0] !== 0 || at[at.length - 1] !== a.xs.length - 1) return undefined;
  return at.every((i, k) => k === 0 || i > at[k - 1]!) ? at.slice(0, -1) : undefined;
}

/**
 * The columns of a continuation page: as columnsWithin, or, for a page printed at another scale or margin
 * (jiangsu-f6054e08's 基本支出预算表 runs on over p.14 with wider columns), the same number of columns.
 */
function continuationColumns(a: PageTable, b: PageTable): number[] | undefined {
  return columnsWithin(a, b) ?? (a.xs.length === b.xs.length && a.xs.length > 2 ? a.xs.slice(0, -1).map((_, i) => i) : undefined);
}

/** A row of `b`'s columns spread over `a`'s (`starts` from columnsWithin): each cell at its first column. */
function spread(cells: readonly string[], starts: readonly number[], width: number): string[] {
  const out = Array.from({ length: width }, () => "");
  starts.forEach((c, i) => (out[c] = cells[i] ?? ""));
  return out;
}

export interface TableContext {
  file: string;
  bodySize: number;
  problems: Finding[];
}

export function titleLike(line: FlowLine, bodySize: number): boolean {
  const t = line.text;
  if (t.length > 80 || NOTE.test(t) || /[。；，]$/.test(t)) return false;
  if (classifyTitle(t)) return true;
  // any short line naming a table ("二、收入预算总表", "2017年政府采购预算表") set in the body's own size
  if (t.length <= 50 && /表([（(][^）)]{1,20}[）)])?$/.test(t)) return true;
  const centred = Math.abs((line.x0 + line.x1) / 2 - line.pageWidth / 2) < line.pageWidth * 0.06 && line.x0 > line.pageWidth * 0.15;
  return line.bold || line.size > bodySize + 0.5 || centred;
}

function metaText(line: FlowLine): string {
  return line.runs.join("  ");
}

/**
 * The 部门 line whose name a short line at `k` ends: one or two lines up (a unit line may sit between,
 * printed at its own height), within two line heights.
 */
function wrappedName(items: readonly Item[], k: number, page: number): (ReturnType<typeof readMeta> & { at: number }) | undefined {
  const line = items[k]!.block;
  if (line.kind !== "line") return undefined;
  let unit: ReturnType<typeof readMeta>;
  for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
    const it = items[j]!;
    if (it.block.kind !== "line" || it.consumed || it.block.line.page !== page || line.line.y - it.block.line.y > 2.5 * line.line.size) return undefined;
    const m = readMeta(metaText(it.block.line));
    if (!m) return undefined;
    if (m.unitName) return { ...unit, ...m, at: j };
    unit = m;
  }
  return undefined;
}

/** Reads every table of the document from the items (marking the lines it takes as consumed). */
export function readTables(items: Item[], ctx: TableContext): RawTable[] {
  const tables: RawTable[] = [];
  let building: Building | undefined;
  /** where the last table was, to know whether running text stands between it and the next */
  let lastTableAt = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.block.kind === "line") continue;
    const geometry = item.block.table;
    // above: furniture and unit lines, then the title
    let unitName: string | undefined;
    let unit: MoneyUnit | undefined;
    let unitText: string | undefined;
    let title: FlowLine | undefined;
    let titleText = "";
    let continued = false;
    let k = i - 1;
    const taken: number[] = [];
    // a table first on its page may have left its title, and its 部门/单位 line, at the foot of the page
    // before (jiangsu-ad6f350a p.12 → 13, and p.18 → 19 with the 部门 line over the table): the lines above
    // are read up to the page before, which is reached only when nothing else is printed above the table
    const near = (page: number) => page === geometry.page || page === geometry.page - 1;
    for (; k >= 0; k--) {
      const prev = items[k]!;
      if (prev.block.kind !== "line" || prev.consumed || !near(prev.block.line.page)) break;
      const line = prev.block.line;
      if (FURNITURE.test(line.text) || CONTINUED.test(line.text)) {
        if (CONTINUED.test(line.text)) continued = true;
        taken.push(k);
        continue;
      }
      const m = readMeta(metaText(line));
      if (m && (m.unitName || m.unit) && line.text.length <= 120) {
        unitName ??= m.unitName;
        if (m.unit && !unit) {
          unit = m.unit;
          unitText = m.unitText;
        }
        taken.push(k);
        continue;
      }
      // the end of a 部门 name wrapped onto its own line under "部门：…办  单位：万元" (the unit maybe a line of its own)
      const wrap = unitName === undefined && line.text.length <= 12 && !classifyTitle(line.text) ? wrappedName(items, k, line.page) : undefined;
      if (wrap) {
        unitName = wrap.unitName + line.text.trim();
        if (wrap.unit && !unit) {
          unit = wrap.unit;
          unitText = wrap.unitText;
        }
        for (let j = k; j >= wrap.at; j--) taken.push(j);
        k = wrap.at;
        continue;
      }
      break;
    }
    const above = k >= 0 ? items[k] : undefined;
    if (above && above.block.kind === "line" && !above.consumed && near(above.block.line.page) && titleLike(above.block.line, ctx.bodySize)) {
      title = above.block.line;
      titleText = title.text;
      taken.push(k);
      // a title wrapped over two lines
      const before = k > 0 ? items[k - 1] : undefined;
      if (before && before.block.kind === "line" && !before.consumed && before.block.line.page === title.page) {
        const b = before.block.line;
        const joined = joinLines([b.text, titleText]);
        if (Math.abs(b.size - title.size) < 0.5 && b.bold === title.bold && title.y - b.y < 2 * title.size && classifyTitle(joined) && !classifyTitle(b.text)) {
          titleText = joined;
          taken.push(k - 1);
        }
      }
      if (CONTINUED.test(titleText)) continued = true;
      // "表1" / "预算01表" printed above the title
      const furniture = items[taken[taken.length - 1]! - 1];
      if (furniture && furniture.block.kind === "line" && !furniture.consumed && furniture.block.line.page === geometry.page && FURNITURE.test(furniture.block.line.text)) {
        taken.push(taken[taken.length - 1]! - 1);
      }
    }
    const filledRows = geometry.rows.filter((r) => r.some((c) => c !== ""));
    // a title or unit line printed in the table's own first rows (Excel printouts)
    const lead = leadingRows(filledRows.map((cells) => ({ cells, place: { file: ctx.file, page: geometry.page } })));
    const inTable = lead.title !== undefined || lead.meta.unitName !== undefined || lead.meta.unit !== undefined;
    const rows = inTable ? lead.rest.map((r) => r.cells) : filledRows;
    if (inTable) {
      if (!titleText && lead.title) titleText = lead.title;
      unitName ??= lead.meta.unitName;
      if (!unit && lead.meta.unit) {
        unit = lead.meta.unit;
        unitText = lead.meta.unitText;
      }
    }
    // a ruled shape holding no text (a chart's frame, a box drawn round a picture) is no table
    if (filledRows.length === 0) continue;
    // running text between the last table and this one, other than the lines this table takes as its own
    const textSince = items.slice(lastTableAt + 1, i).some((x, j) => x.block.kind === "line" && !x.consumed && !taken.includes(lastTableAt + 1 + j));
    lastTableAt = i;
    const untitledHere = !inTable && !continued && !title && unitName === undefined && unit === undefined && !textSince;
    // a table whose title and header rows alone fit at the foot of a page (jiangsu-f6054e08 p.10 → 11) goes
    // on at the top of the next, under header rows of its own that may split the columns further
    const headerOnly = !!building && untitledHere && building.table.body.length === 0 && geometry.page === building.lastPage + 1 && !building.table.header.some((r) => r.cells.some((c) => /\d/.test(c)));
    const isContinuation =
      !headerOnly &&
      !!building &&
      !inTable &&
      // a page that repeats the table's title and header (a spreadsheet's print titles, jiangsu-67dae59f p.13)
      (continued || (!title && unitName === undefined && unit === undefined) || (titleText !== "" && titleText === building.table.title)) &&
      !textSince &&
      geometry.page > building.lastPage &&
      continuationColumns(building.geometry, geometry) !== undefined;
    for (const t of taken) items[t]!.consumed = true;
    const notes: RawText[] = [];
    const place = { file: ctx.file, page: geometry.page };
    const toRows = (rs: string[][]): RawRow[] => {
      const out: RawRow[] = [];
      for (const cells of rs) {
        const filled = cells.filter((c) => c !== "");
        if (filled.length === 1 && NOTE.test(filled[0]!) && cells.indexOf(filled[0]!) === 0) notes.push({ text: filled[0]!, place });
        else out.push({ cells, place });
      }
      return out;
    };
    if (headerOnly && building) {
      const b = building;
      const starts = columnsWithin(geometry, b.geometry);
      const width = geometry.xs.length - 1;
      const above = starts ? b.table.header.map((r) => ({ cells: spread(r.cells, starts, width), place: r.place })) : [];
      const split = splitHeader([...above, ...toRows(rows)]);
      b.table.header = split.header;
      b.table.body = split.body;
      b.table.notes.push(...notes);
      b.geometry = geometry;
      b.lastPage = geometry.page;
      for (const r of split.body) if (isLabelRow(r.cells)) b.labels.add(rowKey(r.cells));
    } else if (isContinuation && building) {
      const b = building;
      const all = [...b.table.header, ...b.table.body];
      const starts = continuationColumns(b.geometry, geometry)!;
      const width = b.geometry.xs.length - 1;
      const same = starts.length === width;
      let rest = same ? rows : rows.map((cells) => spread(cells, starts, width));
      // the header rows the page repeats, then repeated label rows
      let h = 0;
      while (rest.length > 0 && h < b.table.header.length && rowKey(rest[0]!) === rowKey(b.table.header[h]!.cells)) {
        rest = rest.slice(1);
        h++;
      }
      while (rest.length > 0 && b.labels.has(rowKey(rest[0]!))) rest = rest.slice(1);
      const added = toRows(rest);
      for (const r of added) if (isLabelRow(r.cells)) b.labels.add(rowKey(r.cells));
      if (b.table.body.length === 0 && all.length > 0) {
        const split = splitHeader([...b.table.header, ...added]);
        b.table.header = split.header;
        b.table.body = split.body;
      } else b.table.body.push(...added);
      b.table.notes.push(...notes);
      b.lastPage = geometry.page;
      // the table keeps its full columns when a page printed only some of them
      if (same) b.geometry = geometry;
    } else {
      const raw = toRows(rows);
      const { header, body } = splitHeader(raw);
      const table: RawTable = {
        title: titleText,
        place: { file: ctx.file, page: geometry.page },
        ...(unitName !== undefined ? { unitName } : {}),
        ...(unit ? { unit, unitText: unitText ?? `单位：${unit}` } : {}),
        header,
        body,
        notes,
      };
      // a list set as a table in the running text ("…的单位包括：" then 序号 / 单位名称) needs no title
      const introduced = above?.block.kind === "line" && above.block.line.page === geometry.page && /[:：]$|如下$/.test(above.block.line.text.trim());
      if (!titleText && !introduced) {
        ctx.problems.push(
          importProblem("read.table-untitled", `第 ${geometry.page} 页的表格前没有表名 / the table on page ${geometry.page} has no title line`, { file: ctx.file, page: geometry.page }),
        );
      }
      if (geometry.unruled) {
        ctx.problems.push(
          importProblem("read.table-unruled", `第 ${geometry.page} 页的表格${titleText ? `“${titleText}”` : ""}没有框线，按文字位置划分列 / the table on page ${geometry.page} has no ruling lines: columns found from text positions`, {
            file: ctx.file,
            page: geometry.page,
          }),
        );
      }
      building = { table, geometry, lastPage: geometry.page, labels: new Set(raw.filter((r) => isLabelRow(r.cells)).map((r) => rowKey(r.cells))) };
      tables.push(table);
    }
    // below: notes and their wrapped lines
    let n = i + 1;
    let inNote = false;
    for (; n < items.length; n++) {
      const next = items[n]!;
      if (next.block.kind !== "line" || next.consumed) break;
      const line = next.block.line;
      if (line.page !== geometry.page) break;
      if (NOTE.test(line.text)) {
        building!.table.notes.push({ text: line.text, place: { file: ctx.file, page: line.page } });
        next.consumed = true;
        inNote = true;
        continue;
      }
      const last = building!.table.notes[building!.table.notes.length - 1];
      const prevLine = items[n - 1]!.block;
      const close = prevLine.kind === "line" && line.y - prevLine.line.y < 1.8 * line.size;
      if (inNote && last && close && !titleLike(line, ctx.bodySize) && Math.abs(line.size - (prevLine.kind === "line" ? prevLine.line.size : line.size)) < 0.5) {
        last.text = joinLines([last.text, line.text]);
        next.consumed = true;
        continue;
      }
      break;
    }
  }
  return tables;
}
