/**
 * One self-contained, printable zh-CN page: cover, contents, 第一/二/三部分 and the tables, with a print
 * stylesheet (A4; wide tables on landscape pages; table headers repeat on every printed page).
 */
import { DRAFT_MARK, type Disclosure, documentKind } from "../core/disclosure.ts";
import { type PrintUnit, formatIn } from "../core/money.ts";
import { type Cell, type DisclosureTable, cellEmphasis } from "../core/table.ts";
import { type FontFamily, type FontWeight, subsetFont } from "./font-subset.ts";
import { BREAKABLE_ROWS, LANDSCAPE, PORTRAIT, tableLayout } from "./page-layout.ts";


export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellHtml(c: Cell, kind: string, unit: PrintUnit): string {
  if (c === null) return "";
  if (typeof c === "number") return formatIn(unit, c as never);
  return escapeHtml(kind === "code" ? c : c);
}

/**
 * Body cells covered by a merge are skipped; the anchor carries rowspan/colspan. A merge over more than
 * BREAKABLE_ROWS rows is drawn as a column of cells without rules between them (its text in the first), so
 * that a printed page may end inside it as the PDF's does: Chromium moves a whole rowspan to the next page.
 */
function bodyHtml(t: DisclosureTable): string {
  const covered = new Set<string>();
  const anchors = new Map<string, { rowSpan: number; colSpan: number }>();
  /** the cells of a tall merge below its anchor: their column span, and whether the merge ends there */
  const open = new Map<string, { colSpan: number; last: boolean }>();
  for (const m of t.merges) {
    const tall = m.rowSpan > BREAKABLE_ROWS;
    anchors.set(`${m.row},${m.col}`, tall ? { rowSpan: 1, colSpan: m.colSpan } : m);
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.col; c < m.col + m.colSpan; c++) {
        if (r === m.row && c === m.col) continue;
        if (tall && c === m.col) open.set(`${r},${c}`, { colSpan: m.colSpan, last: r === m.row + m.rowSpan - 1 });
        else covered.add(`${r},${c}`);
      }
    }
  }
  return t.rows
    .map((row, r) => {
      const tds = row.cells
        .map((cell, c) => {
          const o = open.get(`${r},${c}`);
          if (o) return `<td class="open${o.last ? " end" : ""}"${o.colSpan > 1 ? ` colspan="${o.colSpan}"` : ""}></td>`;
          if (covered.has(`${r},${c}`)) return "";
          const a = anchors.get(`${r},${c}`);
          const span = a ? `${a.rowSpan > 1 ? ` rowspan="${a.rowSpan}"` : ""}${a.colSpan > 1 ? ` colspan="${a.colSpan}"` : ""}` : "";
          const kind = typeof cell === "number" ? "money" : (t.columns[c]?.kind ?? "text");
          // bold and indentation as every renderer draws them (cellEmphasis)
          const { bold, indent } = cellEmphasis(row, c);
          const starts = open.has(`${r + 1},${c}`) ? ["opens"] : [];
          const classes = [kind, ...(bold ? ["b"] : []), ...(indent > 0 ? [`i${Math.min(indent, 4)}`] : []), ...starts].join(" ");
          return `<td class="${classes}"${span}>${cellHtml(cell, kind, t.unit)}</td>`;
        })
        .join("");
      return `<tr class="${row.kind}">${tds}</tr>`;
    })
    .join("\n");
}

/**
 * A table set as the PDF sets it (page-layout.ts): the same page, type size, column widths and row inset, so
 * that printed from a browser it takes the same pages. A cell's lines are 1.22 em apart like the PDF's; the
 * PDF's first line is 1 em tall, so the padding is the inset less the 0.11 em a CSS line adds on each side
 * and less half the 0.5 pt rule (a collapsed border takes room in the row; Typst's strokes take none).
 */
function tableHtml(t: DisclosureTable): string {
  const layout = tableLayout(t);
  const wide = layout.wide;
  const thead = t.header
    .map((row) => `<tr>${row.map((h) => `<th${h.rowSpan ? ` rowspan="${h.rowSpan}"` : ""}${h.colSpan ? ` colspan="${h.colSpan}"` : ""}>${escapeHtml(h.text)}</th>`).join("")}</tr>`)
    .join("\n");
  const cols = layout.widths.map((w) => `<col style="width:${w}pt">`).join("");
  const width = layout.widths.reduce((a, w) => a + w, 0);
  const style = `font-size:${layout.size}pt;width:${width.toFixed(2)}pt;--inset:${layout.inset}pt`;
  return `<section class="table-page${wide ? " wide" : ""}" id="${t.id}">
${t.printedNumber ? `<p class="printed-number">${escapeHtml(t.printedNumber)}</p>\n` : ""}<h3>${escapeHtml(t.title)}</h3>
<div class="table-meta"><span>${escapeHtml(t.unitNameLabel)}：${escapeHtml(t.unitName)}</span><span>单位：${t.unit}</span></div>
<table class="disclosure ${t.id}" style="${style}"><colgroup>${cols}</colgroup>
${thead ? `<thead>\n${thead}\n</thead>` : ""}
<tbody>
${bodyHtml(t)}
</tbody></table>
${t.note ? `<p class="note">说明：${escapeHtml(t.note)}</p>` : ""}
</section>`;
}

const STYLE = `
:root { --ink: #1a1a1a; --rule: #444; --muted: #666; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.7; }
h1, h2, h3 { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.cover { text-align: center; padding: 18vh 0; }
.cover h1 { font-size: 2.2em; margin-bottom: .2em; }
.cover .year { font-size: 1.6em; }
.cover .date { margin-top: 30vh; color: var(--muted); }
.toc ol { list-style: none; padding-left: 0; }
.toc li { margin: .2em 0; }
.toc a { color: inherit; text-decoration: none; }
.part h2 { text-align: center; margin-top: 2em; }
.part h3 { margin-bottom: .3em; }
.part p { text-indent: 2em; margin: .4em 0; }
.table-page { margin-top: 2.5em; }
.table-page h3 { text-align: center; font-size: 15pt; line-height: 1.1; margin: 0 0 4pt; }
.table-meta { display: flex; justify-content: space-between; font-size: 10pt; line-height: 1.1; margin-bottom: 1pt; }
table.disclosure { border-collapse: collapse; table-layout: fixed; line-height: 1.22; }
table.disclosure th, table.disclosure td { border: .5pt solid #000; padding: calc(var(--inset) - .11em - .25pt) 3pt; vertical-align: middle; overflow-wrap: anywhere; }
table.disclosure th { background: #eee; font-family: "Noto Sans SC", sans-serif; font-weight: 400; text-align: center; }
table.disclosure td.money { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.disclosure td.code { text-align: center; white-space: nowrap; }
table.disclosure td.b { font-weight: 700; }
table.disclosure td.opens { border-bottom: none; vertical-align: top; }
table.disclosure td.open { border-top: none; border-bottom: none; }
table.disclosure td.open.end { border-bottom: .5pt solid #000; }
table.disclosure td.i1 { padding-left: calc(4px + 1em); }
table.disclosure td.i2 { padding-left: calc(4px + 2em); }
table.disclosure td.i3 { padding-left: calc(4px + 3em); }
table.disclosure td.i4 { padding-left: calc(4px + 4em); }
table.disclosure tr.section td { background: #eee; text-align: center; }
table.disclosure tr.total td:not(.money) { text-align: center; }
.note { font-size: 10pt; margin: .3em 0 0; }
@media print {
  body { max-width: none; padding: 0; }
  @page { size: A4 portrait; margin: 25mm; }
  @page table { size: A4 portrait; margin: ${PORTRAIT.margin.top}mm ${PORTRAIT.margin.x}mm ${PORTRAIT.margin.bottom}mm; }
  @page wide { size: A4 landscape; margin: ${LANDSCAPE.margin.top}mm ${LANDSCAPE.margin.x}mm ${LANDSCAPE.margin.bottom}mm; }
  .table-page { page: table; margin-top: 0; }
  .cover, .toc, .part, .table-page { break-before: page; }
  .cover { break-before: auto; }
  .table-page.wide { page: wide; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The TTF files of the PDF's fonts (npm @expo-google-fonts/noto-serif-sc and noto-sans-sc, SIL OFL 1.1). */
export const HTML_FONT_FILES = [
  { family: "Noto Serif SC", weight: 400, file: "NotoSerifSC_400Regular.ttf", local: ["Noto Serif SC Regular", "NotoSerifSC-Regular"] },
  { family: "Noto Serif SC", weight: 700, file: "NotoSerifSC_700Bold.ttf", local: ["Noto Serif SC Bold", "NotoSerifSC-Bold"] },
  { family: "Noto Sans SC", weight: 400, file: "NotoSansSC_400Regular.ttf", local: ["Noto Sans SC Regular", "NotoSansSC-Regular"] },
  { family: "Noto Sans SC", weight: 700, file: "NotoSansSC_700Bold.ttf", local: ["Noto Sans SC Bold", "NotoSansSC-Bold"] },
] as const;

export interface HtmlOptions {
  /**
   * Folder (URL, relative to the page or absolute) holding the TTF files of HTML_FONT_FILES. When set, the
   * page declares them with @font-face (installed copies first), so it prints in the same fonts as the PDF
   * on machines without them. The files are 10–15 MB each and not embedded: serve or copy them alongside.
   * Without it (the default) the page embeds subsets of the fonts holding just the characters it uses.
   */
  fontsBase?: string;
  /** false: declare no fonts at all (the reader's own fonts; golden files stay readable). Default true. */
  embedFonts?: boolean;
}

/** 来源说明 under the cover's title. */
const PROVENANCE_STYLE = `.cover .provenance { max-width: 36em; margin: 2em auto 0; font-size: .95em; color: var(--muted); text-align: left; }
`;

/** A draft's banner: on screen at the top; printed, fixed, so Chromium repeats it at the top of every page. */
const DRAFT_STYLE = `
.draft-mark { position: sticky; top: 0; z-index: 1; text-align: center; color: #b00; font-weight: 700; background: #fff; border-bottom: 1px solid #b00; }
@media print { .draft-mark { position: fixed; top: 0; left: 0; right: 0; border: none; background: none; } }
`;

function fontFaces(base: string): string {
  if (/[<>"'\\\n]/.test(base)) throw new Error(`fontsBase must be a plain URL: ${base}`);
  const dir = base.endsWith("/") ? base : `${base}/`;
  return HTML_FONT_FILES.map(
    (f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-display: swap; src: ${f.local.map((l) => `local("${l}")`).join(", ")}, url("${dir}${f.file}") format("truetype"); }`,
  ).join("\n");
}

/** The characters of an HTML fragment's text (tags dropped, the entities escapeHtml writes decoded). */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/**
 * @font-face rules carrying the PDF's fonts inside the page, each cut down to the characters it sets:
 * Noto Serif SC (regular and bold) for all the text, Noto Sans SC bold for the headings and regular for
 * the table headers. The page then looks the same, and prints the same, on a machine without CJK fonts.
 */
function embeddedFonts(body: string): string {
  const inside = (re: RegExp) => [...body.matchAll(re)].map((m) => textOf(m[2] ?? "")).join("");
  const all = `${textOf(body)}0123456789`;
  const faces: [FontFamily, FontWeight, string][] = [
    ["Noto Serif SC", 400, all],
    ["Noto Serif SC", 700, all],
    ["Noto Sans SC", 700, inside(/<(h1|h2|h3)\b[^>]*>([\s\S]*?)<\/\1>/g) + inside(/<(div) class="year">([\s\S]*?)<\/div>/g)],
    ["Noto Sans SC", 400, inside(/<(th)\b[^>]*>([\s\S]*?)<\/th>/g)],
  ];
  return faces
    .filter(([, , text]) => text.trim() !== "")
    .map(([family, weight, text]) => {
      const data = Buffer.from(subsetFont(family, weight, text)).toString("base64");
      return `@font-face { font-family: "${family}"; font-weight: ${weight}; font-display: block; src: url(data:font/ttf;base64,${data}) format("truetype"); }`;
    })
    .join("\n");
}

export function renderHtml(d: Disclosure, options: HtmlOptions = {}): string {
  const parts = d.narrative.parts
    .map(
      (p) => `<section class="part" id="${p.id}">
<h2>${escapeHtml(p.title)}</h2>
${p.sections.map((s) => `<h3 id="${s.id}">${escapeHtml(s.title)}</h3>\n${s.paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`).join("\n")}`).join("\n")}
</section>`,
    )
    .join("\n");
  const kind = documentKind(d);
  const toc = `<nav class="toc"><h2>目 录</h2><ol>
${d.narrative.parts.map((p) => `<li><a href="#${p.id}">${escapeHtml(p.title)}</a></li>`).join("\n")}
<li>附件：${escapeHtml(d.scope.name)}${escapeHtml(kind.attachments)}<ol>
${d.tables.map((t) => `<li><a href="#${t.id}">${escapeHtml(t.contentsPrefix + t.title)}</a></li>`).join("\n")}
</ol></li></ol></nav>`;
  const date = d.date ? /^(\d{4})-(\d{2})/.exec(d.date) : null;
  const body = `${d.draft ? `<div class="draft-mark" role="note">${DRAFT_MARK}</div>\n` : ""}<header class="cover">
<h1>${escapeHtml(d.scope.name)}</h1>
<div class="year">${escapeHtml(kind.cover)}</div>${d.provenance ? `\n<p class="provenance">${escapeHtml(d.provenance)}</p>` : ""}
${date ? `<div class="date">${date[1]}年${Number(date[2])}月</div>` : ""}
</header>
${toc}
${parts}
<section class="part" id="attachments"><h2>附件：${escapeHtml(d.scope.name)}${escapeHtml(kind.attachments)}</h2></section>
${d.tables.map(tableHtml).join("\n")}`;
  const fonts = options.fontsBase ? fontFaces(options.fontsBase) : options.embedFonts === false ? "" : embeddedFonts(body);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)}</title>
<style>${fonts}\n${STYLE}${d.provenance ? PROVENANCE_STYLE : ""}${d.draft ? DRAFT_STYLE : ""}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
