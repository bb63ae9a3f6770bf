/**
 * One self-contained, printable zh-CN page: cover, contents, 第一/二/三部分 and the tables, with a print
 * stylesheet (A4; wide tables on landscape pages; table headers repeat on every printed page).
 */
import { DRAFT_MARK, type Disclosure, documentKind } from "../core/disclosure.ts";
import { formatWanYuanGrouped } from "../core/money.ts";
import { type Cell, type DisclosureTable, cellEmphasis } from "../core/table.ts";

const CN_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellHtml(c: Cell, kind: string): string {
  if (c === null) return "";
  if (typeof c === "number") return formatWanYuanGrouped(c as never);
  return escapeHtml(kind === "code" ? c : c);
}

/** Body cells covered by a merge are skipped; the anchor carries rowspan/colspan. */
function bodyHtml(t: DisclosureTable): string {
  const covered = new Set<string>();
  const anchors = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of t.merges) {
    anchors.set(`${m.row},${m.col}`, m);
    for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  return t.rows
    .map((row, r) => {
      const tds = row.cells
        .map((cell, c) => {
          if (covered.has(`${r},${c}`)) return "";
          const a = anchors.get(`${r},${c}`);
          const span = a ? `${a.rowSpan > 1 ? ` rowspan="${a.rowSpan}"` : ""}${a.colSpan > 1 ? ` colspan="${a.colSpan}"` : ""}` : "";
          const kind = typeof cell === "number" ? "money" : (t.columns[c]?.kind ?? "text");
          // bold and indentation as every renderer draws them (cellEmphasis)
          const { bold, indent } = cellEmphasis(row, c);
          const classes = [kind, ...(bold ? ["b"] : []), ...(indent > 0 ? [`i${Math.min(indent, 4)}`] : [])].join(" ");
          return `<td class="${classes}"${span}>${cellHtml(cell, kind)}</td>`;
        })
        .join("");
      return `<tr class="${row.kind}">${tds}</tr>`;
    })
    .join("\n");
}

function tableHtml(t: DisclosureTable): string {
  const wide = t.columns.length > 7;
  const thead = t.header
    .map((row) => `<tr>${row.map((h) => `<th${h.rowSpan ? ` rowspan="${h.rowSpan}"` : ""}${h.colSpan ? ` colspan="${h.colSpan}"` : ""}>${escapeHtml(h.text)}</th>`).join("")}</tr>`)
    .join("\n");
  const cols = t.columns.map((c) => `<col style="width:${c.width ?? 10}em">`).join("");
  return `<section class="table-page${wide ? " wide" : ""}" id="${t.id}">
<h3>${escapeHtml(t.title)}</h3>
<div class="table-meta"><span>单位名称：${escapeHtml(t.unitName)}</span><span>单位：${t.unit}</span></div>
<table class="disclosure ${t.id}"><colgroup>${cols}</colgroup>
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
.table-page h3 { text-align: center; font-size: 1.25em; margin: .2em 0; }
.table-meta { display: flex; justify-content: space-between; font-size: .9em; margin-bottom: .3em; }
table.disclosure { border-collapse: collapse; width: 100%; font-size: 12px; table-layout: auto; }
table.disclosure th, table.disclosure td { border: 1px solid var(--rule); padding: 2px 4px; vertical-align: middle; }
table.disclosure th { background: #f2f2f2; font-weight: 600; text-align: center; }
table.disclosure td.money { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.disclosure td.code { text-align: center; white-space: nowrap; }
table.disclosure td.b { font-weight: 700; }
table.disclosure td.i1 { padding-left: calc(4px + 1em); }
table.disclosure td.i2 { padding-left: calc(4px + 2em); }
table.disclosure td.i3 { padding-left: calc(4px + 3em); }
table.disclosure td.i4 { padding-left: calc(4px + 4em); }
table.disclosure tr.section td { background: #f7f7f7; text-align: center; }
.note { font-size: .9em; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; }
  @page { size: A4 portrait; margin: 15mm 12mm; }
  @page wide { size: A4 landscape; margin: 12mm 10mm; }
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
   */
  fontsBase?: string;
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
${d.tables.map((t) => `<li><a href="#${t.id}">${CN_NUM[t.number] ?? t.number}、${escapeHtml(t.title)}</a></li>`).join("\n")}
</ol></li></ol></nav>`;
  const date = d.date ? /^(\d{4})-(\d{2})/.exec(d.date) : null;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)}</title>
<style>${options.fontsBase ? `${fontFaces(options.fontsBase)}\n` : ""}${STYLE}${d.provenance ? PROVENANCE_STYLE : ""}${d.draft ? DRAFT_STYLE : ""}</style>
</head>
<body>
${d.draft ? `<div class="draft-mark" role="note">${DRAFT_MARK}</div>\n` : ""}<header class="cover">
<h1>${escapeHtml(d.scope.name)}</h1>
<div class="year">${escapeHtml(kind.cover)}</div>${d.provenance ? `\n<p class="provenance">${escapeHtml(d.provenance)}</p>` : ""}
${date ? `<div class="date">${date[1]}年${Number(date[2])}月</div>` : ""}
</header>
${toc}
${parts}
<section class="part" id="attachments"><h2>附件：${escapeHtml(d.scope.name)}${escapeHtml(kind.attachments)}</h2></section>
${d.tables.map(tableHtml).join("\n")}
</body>
</html>
`;
}
