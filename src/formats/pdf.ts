/**
 * The disclosure as a PDF in the official layout: cover, contents with page numbers, 第一/二/三部分, then the
 * 13 tables, each on its own page(s) — landscape when wide, headers repeated on every page a table spans.
 *
 * Typst (typst-ts, in-process) lays the document out. The markup is one fixed template; the disclosure
 * goes in as JSON through `sys.inputs` and the template reads it with `json()`, so no text of the budget
 * is ever parsed as Typst markup (nothing to escape, nothing to inject). Money is formatted here, in
 * TypeScript, with `formatIn` (the table's unit): Typst only prints strings.
 *
 * Fonts: Noto Serif SC (body, tables) and Noto Sans SC (headings, table headers), TTF files from the
 * `@expo-google-fonts/*` npm packages (SIL OFL 1.1), loaded once from node_modules and handed to Typst as
 * memory fonts. Typst embeds only the glyphs used (subset). No system font and no network is needed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { NodeCompiler, type NodeTypstDocument } from "@myriaddreamin/typst-ts-node-compiler";
import { DRAFT_MARK, type Disclosure, documentKind } from "../core/disclosure.ts";
import type { DisclosureTable } from "../core/table.ts";
import { FONT_FILES } from "./font-subset.ts";
import { type Align, BREAKABLE_ROWS, LEADING, type Placed, type TableLayout, tableLayout } from "./page-layout.ts";

// ── fonts and the compiler (created once, reused by every render) ─────────────────────────────────────

/** The four TTF files (font-subset.ts names them once; the HTML embeds subsets of the same). */
const PDF_FONT_FILES: string[] = Object.values(FONT_FILES).flatMap((weights) => Object.values(weights));

let compiler: NodeCompiler | undefined;
/** Typst memoises layouts across compilations; after each render, drop what the last two did not use
 * (what every document uses — fonts, the template — stays; one department's tables never serve the next). */
const EVICT_AGE = 2;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    const require = createRequire(import.meta.url);
    const fontBlobs = PDF_FONT_FILES.map((f) => readFileSync(require.resolve(f)));
    compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
  }
  return compiler;
}

/** Loads the fonts and compiles a tiny document, so the first real render is as fast as the others. */
export function warmUpPdf(): void {
  const c = getCompiler();
  const r = c.compile({ mainFileContent: `#set text(font: ("Noto Serif SC", "Noto Sans SC"), lang: "zh", region: "cn")\n预算 1,234.56 #text(font: "Noto Sans SC", weight: "bold")[预算]` });
  const doc = r.result;
  if (doc) c.pdf(doc, { pdfTags: false });
}

// ── the data handed to the template ──────────────────────────────────────────────────────────────────


/** A cell that differs from its column's defaults; a plain cell travels as its text alone. */
interface PdfCell {
  t: string;
  /** alignment, when not the column's */
  a?: Align;
  /** bold */
  b?: 1;
  /** indentation, levels of 1 em */
  i?: number;
  /** shaded (section rows) */
  f?: 1;
  rs?: number;
  cs?: number;
  /** may break across pages (a long merged cell); other rows never split */
  k?: 1;
}

/** A body row; `h`: a section row of column labels (t12's 一级指标 …), repeated like a header. */
interface PdfRow {
  h?: 1;
  c: (string | PdfCell)[];
}

/** A table as the template reads it: its page layout (page-layout.ts) with the cells in Typst's form. */
interface PdfTable extends Omit<TableLayout, "head" | "body"> {
  title: string;
  /** outline entry: 一、2021年部门收支总体情况表 */
  entry: string;
  /** 表号 above the title, where the template prints one */
  printedNumber: string | null;
  /** 单位名称 / 编制部门 / 编制单位 */
  unitNameLabel: string;
  unitName: string;
  unit: string;
  head: PdfCell[];
  body: PdfRow[];
  note: string | null;
}

/** How closely a part of the narrative sets its lines: tight or loose to keep a stray line or two off a page of their own. */
type Spacing = "normal" | "tight" | "loose";

interface PdfData {
  title: string;
  author: string;
  cover: { name: string; kind: string; date: string | null; provenance: string | null };
  /** 草稿标记 printed at the top of every page, or null */
  draft: string | null;
  /** lines: the title as printed (第二部分 on its own line) */
  parts: { title: string; lines: string[]; spacing: Spacing; sections: { title: string; paragraphs: string[] }[] }[];
  attachments: string;
  /** the 附件 divider page's two lines: 附件, and what the tables are */
  divider: [string, string];
  /** leading between the lines of a table cell, em */
  leading: number;
  tables: PdfTable[];
}

/** The narrative pages' top margin (the template's 25 mm), pt, and how far below it a part may end and
 * still leave a page of stray lines (12 pt type, 0.95 em leading, measured with Typst). */
const BODY_MARGIN_TOP = 25 * (72 / 25.4);
const LINE_PITCH = 12 * (0.735 + 0.95);
/** A part's end mark sits 0.58 pitch above the bottom of its last line; 2.5 lines: two lines or fewer. */
const STRAY_DEPTH = 2.5 * LINE_PITCH - 0.58 * LINE_PITCH;

function pdfCell(p: Placed, columnAlign: Align | undefined, body: boolean): string | PdfCell {
  const c: PdfCell = { t: p.text };
  if (p.align !== columnAlign) c.a = p.align;
  if (p.bold) c.b = 1;
  if (p.indent > 0) c.i = p.indent;
  if (p.fill) c.f = 1;
  if (p.rowSpan > 1) c.rs = p.rowSpan;
  if (p.colSpan > 1) c.cs = p.colSpan;
  if (p.rowSpan > BREAKABLE_ROWS) c.k = 1;
  return body && Object.keys(c).length === 1 ? p.text : c;
}

/**
 * Rows for the template. A section row that is a plain row of labels — one cell per column, no span in or
 * out, not the last row — becomes a (sub)header that Typst repeats on the pages its section runs over.
 */
function bodyRows(t: DisclosureTable, placed: Placed[], aligns: Align[]): PdfRow[] {
  const cells: Placed[][] = t.rows.map(() => []);
  for (const p of placed) cells[p.row]!.push(p);
  return cells.map((row, i) => {
    const out: PdfRow = { c: row.map((p) => pdfCell(p, aligns[p.col], true)) };
    const labels = row.length === t.columns.length && row.every((p) => p.rowSpan === 1 && p.colSpan === 1 && !p.money && p.text !== "");
    if (t.rows[i]!.kind === "section" && labels && i < t.rows.length - 1) out.h = 1;
    return out;
  });
}

function tableData(t: DisclosureTable): PdfTable {
  const { wide, margin, size, inset, widths, aligns, head, body } = tableLayout(t);
  return {
    title: t.title,
    printedNumber: t.printedNumber ?? null,
    entry: `${t.contentsPrefix}${t.title}`,
    unitNameLabel: t.unitNameLabel,
    unitName: t.unitName,
    unit: t.unit,
    wide,
    margin,
    size,
    inset,
    widths,
    aligns,
    head: head.map((p) => pdfCell(p, "c", false) as PdfCell),
    // an empty table prints one blank row under its header, as the official forms do
    body: t.rows.length > 0 ? bodyRows(t, body, aligns) : [{ c: t.columns.map(() => "") }],
    note: t.note ?? null,
  };
}

/** The JSON the Typst template reads (exported for tests and debugging). */
export function pdfData(d: Disclosure): PdfData {
  const kind = documentKind(d);
  const date = d.date ? /^(\d{4})-(\d{2})/.exec(d.date) : null;
  return {
    title: d.title,
    author: d.scope.name,
    cover: { name: d.scope.name, kind: kind.cover, date: date ? `${date[1]}年${Number(date[2])}月` : null, provenance: d.provenance ?? null },
    draft: d.draft ? DRAFT_MARK : null,
    parts: d.narrative.parts.map((p) => ({
      title: p.title,
      lines: /^第.部分 /.test(p.title) ? [p.title.slice(0, p.title.indexOf(" ")), p.title.slice(p.title.indexOf(" ") + 1)] : [p.title],
      spacing: "normal",
      // a part with one section named like the part (第三部分 名词解释) prints no section heading
      sections: p.sections.map((s) => ({ title: p.sections.length === 1 && p.title.endsWith(s.title) ? "" : s.title, paragraphs: s.paragraphs })),
    })),
    attachments: `附件：${d.scope.name}${kind.attachments}`,
    divider: ["附件", `${d.scope.name}${kind.attachments}`],
    leading: LEADING,
    tables: d.tables.map(tableData),
  };
}

// ── the template ─────────────────────────────────────────────────────────────────────────────────────

/** Fixed Typst markup; every text comes from `D` (JSON), never spliced into the source. */
export const TYPST_TEMPLATE = String.raw`
#let D = json(bytes(sys.inputs.data))
#let serif = "Noto Serif SC"
#let sans = "Noto Sans SC"
#let fonts = (serif, sans)

#set document(title: D.title, author: D.author, date: none)
// fallback: false — only the two embedded families are ever used, never a font of the machine
#set text(font: fonts, fallback: false, lang: "zh", region: "cn", size: 12pt)
#set par(leading: 0.95em, spacing: 0.95em, justify: true)
#set page(paper: "a4", margin: (x: 25mm, top: 25mm, bottom: 25mm), numbering: none, footer: none)
#set page(header: align(center, text(fill: rgb("#b00000"), weight: "bold", size: 11pt, D.draft))) if D.draft != none
#show heading: set text(font: (sans, serif), weight: "bold")
#show heading.where(level: 2): it => block(above: 1.5em, below: 0.9em, text(size: 13pt, it.body))

// ── cover ──
#page(margin: (x: 25mm, y: 30mm))[
  #set align(center)
  #v(20%)
  #text(font: (sans, serif), weight: "bold", size: 26pt, D.cover.name)
  #v(1.4em)
  #text(font: (sans, serif), weight: "bold", size: 24pt, D.cover.kind)
  #if D.cover.provenance != none {
    v(2.5em)
    block(width: 85%, align(left, text(size: 11pt, D.cover.provenance)))
  }
  #v(1fr)
  #if D.cover.date != none { text(size: 16pt, D.cover.date) }
  #v(8%)
]

// ── contents ──
#page[
  #align(center, text(font: (sans, serif), weight: "bold", size: 18pt)[目#h(1em)录])
  #v(1.2em)
  #set text(size: 11pt)
  #set par(justify: false)
  #show outline.entry.where(level: 1): set block(above: 1.3em)
  #show outline.entry.where(level: 1): set text(font: (sans, serif), weight: "bold")
  #outline(title: none, depth: 2, indent: 2em)
]

// ── 第一部分 … 第三部分 ──
#set page(numbering: "1", footer: context align(center, text(size: 10.5pt)[— #counter(page).display("1") —]))
#counter(page).update(1)
#set par(first-line-indent: (amount: 2em, all: true))
// Level-1 headings (parts, 附件) and the tables' level-2 headings are placed hidden, for the contents and
// the PDF bookmarks; what shows is set by hand (第二部分 on a line of its own; the table's plain title).
// A part marked tight (or loose) sets its lines a little closer (farther apart), so that its last page does
// not hold a stray line or two (renderPdf finds such a page by the part-end marks and lays out once more).
#for (i, p) in D.parts.enumerate() {
  pagebreak(weak: true)
  place(hide(heading(level: 1, p.title)))
  block(width: 100%, above: 0.5em, below: 1.6em, align(center, text(font: (sans, serif), weight: "bold", size: 16pt, p.lines.join("\n"))))
  let body = for s in p.sections {
    if s.title != "" { heading(level: 2, s.title) }
    for x in s.paragraphs { par(x) }
  }
  if p.spacing == "tight" {
    set par(leading: 0.8em, spacing: 0.8em)
    show heading.where(level: 2): it => block(above: 1.1em, below: 0.7em, text(size: 13pt, it.body))
    body
  } else if p.spacing == "loose" {
    set par(leading: 1.1em, spacing: 1.2em)
    show heading.where(level: 2): it => block(above: 1.9em, below: 1.1em, text(size: 13pt, it.body))
    body
  } else { body }
  context [#metadata((part: i, page: here().page(), y: here().position().y.pt())) <part-end>]
}
#set par(first-line-indent: 0em, justify: false)

// ── 附件: a divider page before the tables ──
#page[
  #place(hide(heading(level: 1, D.attachments)))
  #v(28%)
  #align(center, text(font: (sans, serif), weight: "bold", size: 26pt, D.divider.at(0)))
  #v(1.5em)
  #align(center, block(width: 85%, text(font: (sans, serif), weight: "bold", size: 20pt, D.divider.at(1))))
]

// ── the tables ──
#let aligns = (l: left + horizon, c: center + horizon, r: right + horizon)
#let bcell(c) = if type(c) == str { c } else {
  table.cell(
    rowspan: c.at("rs", default: 1),
    colspan: c.at("cs", default: 1),
    align: if "a" in c { aligns.at(c.a) } else { auto },
    fill: if "f" in c { luma(238) } else { none },
    breakable: "k" in c,
    {
      let body = if c.t == "" { none } else if "b" in c { text(weight: "bold", c.t) } else { c.t }
      if "i" in c { pad(left: c.i * 1em, body) } else { body }
    },
  )
}
#let hcell(c) = table.cell(
  rowspan: c.at("rs", default: 1),
  colspan: c.at("cs", default: 1),
  align: center + horizon,
  fill: luma(238),
  text(font: (sans, serif), c.t),
)

#for (i, t) in D.tables.enumerate() {
  page(flipped: t.wide, margin: (x: t.margin.x * 1mm, top: t.margin.top * 1mm, bottom: t.margin.bottom * 1mm))[
    #place(hide(heading(level: 2, t.entry)))
    #if t.printedNumber != none { text(size: 10pt, t.printedNumber) }
    #align(center, text(font: (sans, serif), weight: "bold", size: 15pt, t.title))
    #v(0.2em)
    #text(size: 10pt, grid(columns: (1fr, auto), column-gutter: 1em, [#t.unitNameLabel：#t.unitName], [单位：#t.unit]))
    #v(-0.4em)
    #{
      // lines as tall as the ideographic em box: the inset is the room between a rule and the ink
      set text(size: t.size * 1pt, top-edge: 0.88em, bottom-edge: -0.12em)
      set par(leading: D.leading * 1em)
      set table.cell(breakable: false)
      table(
        columns: t.widths.map(w => w * 1pt),
        align: t.aligns.map(a => aligns.at(a)),
        stroke: 0.5pt + black,
        inset: (x: 3pt, y: t.inset * 1pt),
        ..if t.head.len() > 0 { (table.header(repeat: true, ..t.head.map(hcell)),) } else { () },
        ..t.body.map(r => if "h" in r {
          (table.header(level: if t.head.len() > 0 { 2 } else { 1 }, ..r.c.map(bcell)),)
        } else { r.c.map(bcell) }).flatten(),
      )
    }
    #if t.note != none {
      v(0.3em)
      text(size: 10pt)[说明：#t.note]
    }
  ]
}
`;

// ── render ───────────────────────────────────────────────────────────────────────────────────────────

function compile(c: NodeCompiler, data: PdfData, title: string): NodeTypstDocument {
  const result = c.compile({ mainFileContent: TYPST_TEMPLATE, inputs: { data: JSON.stringify(data) } });
  const doc = result.result;
  if (!doc || result.hasError()) {
    const err = result.takeDiagnostics() ?? result.takeError();
    const details = err ? c.fetchDiagnostics(err).map((x: unknown) => JSON.stringify(x)).join("\n") : "no diagnostics";
    throw new Error(`PDF layout failed for ${title}:\n${details}`);
  }
  return doc;
}

/** Where each part of the narrative ends: its page and how far down (pt from the top edge). */
interface PartEnd {
  part: number;
  page: number;
  y: number;
}

/** The parts whose last page holds two lines or fewer (their end sits within STRAY_DEPTH of the top margin). */
function strayParts(c: NodeCompiler, doc: NodeTypstDocument): number[] {
  const ends = c.query(doc, { selector: "<part-end>", field: "value" }) as PartEnd[];
  const out: number[] = [];
  let previousPage = 0;
  for (const e of ends) {
    // a part that starts and ends on one page holds its title: never a stray page
    if (e.page > previousPage + 1 && e.y - BODY_MARGIN_TOP < STRAY_DEPTH) out.push(e.part);
    previousPage = e.page;
  }
  return out;
}

export async function renderPdf(d: Disclosure): Promise<Uint8Array> {
  // Each compiled document lives in native memory until V8 finalises its JS handle, and finalisers only
  // run when the event loop turns: a loop of renders that never yields (awaiting nothing but these
  // promises) would keep every document, ~12 MB each. One turn per render keeps memory flat.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const c = getCompiler();
  const data = pdfData(d);
  // A part whose last page would hold two lines or fewer is set tighter (its last lines move back) and,
  // when that is not enough, looser (more lines move on). Most documents are laid out once.
  let doc = compile(c, data, d.title);
  for (const spacing of ["tight", "loose"] as const) {
    const stray = strayParts(c, doc);
    if (stray.length === 0) break;
    for (const i of stray) data.parts[i]!.spacing = spacing;
    doc = compile(c, data, d.title);
  }
  const pdf = c.pdf(doc, { pdfTags: false });
  c.evictCache(EVICT_AGE);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
