/**
 * HTML 分块 — a parsed page (htmlparser2/domhandler) flattened into blocks: h1–h6 are headings; p, div,
 * li and the other block elements delimit paragraphs; a <table> of data becomes a grid with rowspan and
 * colspan expanded (the text at the merged cell's top-left position, blanks where it covers); a table
 * that holds other tables is page layout and is read through. Script, style, head and form controls are
 * skipped. Text is collapsed as a browser shows it; a line break between two Chinese characters is not a
 * space.
 */
import type { ChildNode, Element } from "domhandler";
import type { RawRow, SourcePlace } from "../core/document.ts";
import type { Block } from "./blocks.ts";

const SKIP = new Set(["script", "style", "head", "noscript", "template", "svg", "math", "object", "iframe", "select", "option", "textarea", "button", "input", "img", "map"]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "address",
  "center", "form", "fieldset", "figure", "figcaption", "hr", "body", "html", "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "table",
  "h1", "h2", "h3", "h4", "h5", "h6",
]);
const BOLD = new Set(["b", "strong"]);
/** Grid cells of one table at most (rowspan/colspan beyond it are cut). */
const MAX_GRID_CELLS = 2_000_000;
const MAX_SPAN = 1_000;
/** Elements nested deeper than this are read as plain text (no recursion beyond it). */
const MAX_DEPTH = 300;

export interface HtmlLimits {
  maxGridCells: number;
  /** blocks read; the rest are left out */
  maxBlocks: number;
}

export const HTML_LIMITS: HtmlLimits = { maxGridCells: MAX_GRID_CELLS, maxBlocks: 200_000 };

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u201C\u201D\u2018\u2019]/;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0;
const isInvisible = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/**
 * Whitespace collapsed as a browser would (one linear pass); a run holding a line break between two CJK
 * characters vanishes, as Chinese text wrapped in the source is one line.
 */
export function collapse(s: string): string {
  let out = "";
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isInvisible(c)) {
      i++;
      continue;
    }
    if (!isSpace(c)) {
      out += s[i];
      i++;
      continue;
    }
    let newline = false;
    while (i < n && (isSpace(s.charCodeAt(i)) || isInvisible(s.charCodeAt(i)))) {
      const k = s.charCodeAt(i);
      if (k === 10 || k === 13) newline = true;
      i++;
    }
    if (out === "" || i >= n) continue;
    const before = out[out.length - 1]!;
    const after = s[i]!;
    if (!(newline && (CJK.test(before) || CJK.test(after)))) out += " ";
  }
  return out;
}

type Place = (node: { startIndex: number | null }) => SourcePlace;

interface Inline {
  parts: string[];
  bold: number;
  plain: number;
  start?: SourcePlace;
}

export function htmlBlocks(nodes: readonly ChildNode[], place: Place, limits: HtmlLimits = HTML_LIMITS): Block[] {
  const blocks: Block[] = [];
  let inline: Inline = { parts: [], bold: 0, plain: 0 };
  const flush = () => {
    const text = collapse(inline.parts.join(""));
    if (text !== "" && blocks.length < limits.maxBlocks) {
      blocks.push({ kind: "text", text, place: inline.start ?? place({ startIndex: null }), ...(inline.bold > 0 && inline.plain === 0 ? { emphasis: true } : {}) });
    }
    inline = { parts: [], bold: 0, plain: 0 };
  };
  const walk = (node: ChildNode, bold: boolean, depth: number) => {
    if (depth > MAX_DEPTH && node.type === "tag") {
      // pathological nesting: the rest is read as plain text
      inline.start ??= place(node as Element);
      inline.parts.push(textOf(node as Element));
      inline.plain++;
      return;
    }
    if (node.type === "text") {
      const data = (node as { data: string }).data;
      if (data.trim() !== "") {
        inline.start ??= place(node);
        if (bold) inline.bold += data.trim().length;
        else inline.plain += data.trim().length;
      }
      inline.parts.push(data);
      return;
    }
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") {
      if (node.type === "root" || node.type === "cdata") for (const c of (node as unknown as { children: ChildNode[] }).children) walk(c, bold, depth + 1);
      return;
    }
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === "br") {
      inline.parts.push("\n");
      return;
    }
    if (/^h[1-6]$/.test(name)) {
      flush();
      const text = collapse(textOf(el));
      if (text !== "") blocks.push({ kind: "heading", level: Number(name[1]), text, place: place(el) });
      return;
    }
    if (name === "table" && !hasNestedTable(el)) {
      flush();
      blocks.push(tableBlock(el, place, limits));
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const b = bold || BOLD.has(name) || /font-weight\s*:\s*(bold|[6-9]00)/i.test(el.attribs?.style ?? "");
    for (const c of el.children) walk(c, b, depth + 1);
    if (block) flush();
  };
  for (const n of nodes) walk(n, false, 0);
  flush();
  return blocks;
}

function hasNestedTable(el: Element): boolean {
  const stack: ChildNode[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "tag") {
      const e = n as Element;
      if (e.name.toLowerCase() === "table") return true;
      stack.push(...e.children);
    }
  }
  return false;
}

/** All text under an element, with <br> and block boundaries as line breaks (no recursion: any depth). */
export function textOf(el: Element): string {
  const out: string[] = [];
  const stack: (ChildNode | string)[] = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === "string") {
      out.push(n);
      continue;
    }
    if (n.type === "text") out.push((n as { data: string }).data);
    else if (n.type === "tag") {
      const e = n as Element;
      const name = e.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (name === "br") {
        out.push("\n");
        continue;
      }
      const block = BLOCK.has(name);
      if (block) {
        out.push("\n");
        stack.push("\n");
      }
      for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
    }
  }
  return out.join("");
}

/** The <tr> of a table, in order (thead, tbody, tfoot or directly), not those of nested tables. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== "tag") continue;
      const e = c as Element;
      const name = e.name.toLowerCase();
      if (name === "tr") rows.push(e);
      else if (name === "thead" || name === "tbody" || name === "tfoot") walk(e);
    }
  };
  walk(table);
  return rows;
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** The grid of a data table: spans expanded, covered positions blank. */
function tableBlock(table: Element, place: Place, limits: HtmlLimits): Block {
  const trs = tableRows(table);
  const grid: (string | undefined)[][] = [];
  const places: SourcePlace[] = [];
  let cells = 0;
  let width = 0;
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    places[r] = place(tr);
    let c = 0;
    for (const child of tr.children) {
      if (child.type !== "tag") continue;
      const td = child as Element;
      const name = td.name.toLowerCase();
      if (name !== "td" && name !== "th") continue;
      while (grid[r]![c] !== undefined) c++;
      const rs = Math.min(span(td.attribs?.rowspan), trs.length - r);
      const cs = span(td.attribs?.colspan);
      if (cells + rs * cs > limits.maxGridCells) return;
      cells += rs * cs;
      for (let dr = 0; dr < rs; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) row[c + dc] = dr === 0 && dc === 0 ? cellText(td) : "";
      }
      c += cs;
      width = Math.max(width, c);
    }
  });
  const rows: RawRow[] = grid.map((row, r) => ({ cells: Array.from({ length: width }, (_, c) => row[c] ?? ""), place: places[r] ?? place(table) }));
  const caption = table.children.find((c) => c.type === "tag" && (c as Element).name.toLowerCase() === "caption") as Element | undefined;
  return { kind: "table", rows, place: place(table), ...(caption ? { caption: collapse(textOf(caption)) } : {}) };
}

/** A cell's text: its lines joined (no space between Chinese pieces). */
function cellText(td: Element): string {
  return textOf(td)
    .split(/\n+/)
    .map(collapse)
    .filter((s) => s !== "")
    .reduce((acc, s) => (acc === "" ? s : /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(s) ? `${acc} ${s}` : `${acc}${s}`), "");
}
