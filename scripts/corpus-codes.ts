/**
 * 语料科目编码 — every (code, name) pair the real documents in ../shared/corpus print in their tables:
 * 支出功能分类 类 (3 digits), 款 (5), 项 (7), and 经济分类 类 (3), 款 (5). One fixture per document
 * (test/fixtures/corpus-codes/<file>.tsv: code, name, kind, page) and an index of the documents' years
 * (INDEX.tsv), so test/catalogs-corpus.test.ts checks each year's catalog without pdftotext.
 *
 *   npx tsx scripts/corpus-codes.ts [corpus dir, default ../shared/corpus]
 *
 * Text comes from `pdftotext -layout` (poppler-utils). Codes are read where tables print them: joined
 * ("2010101"), split into columns ("201   03   01", Shanghai) or glued to the name ("30207邮电费"). A
 * name the table wraps onto the lines above and below its code (Shanghai's 决算, narrow columns) is put
 * back together: a wrapped cell is centred on its code's line, so it has as many lines above as below.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUILT_IN_YEARS, builtInCatalog } from "../src/core/catalogs/index.ts";

export type CorpusCodeKind = "functional" | "department-economic" | "government-economic";

export interface CorpusCode {
  code: string;
  name: string;
  kind: CorpusCodeKind;
  page: number;
}

/**
 * The 类 of each classification, from every built-in year's catalog (the 类 lists are complete): a number is
 * read as a code only under one of them, so "编制 339 名" or "100 万元" are not codes.
 */
function classesOf(part: "functional" | "departmentEconomic" | "governmentEconomic"): Set<string> {
  return new Set(BUILT_IN_YEARS.flatMap((y) => builtInCatalog(y)![part].entries.filter((e) => e.code.length === 3).map((e) => e.code)));
}
const FUNCTIONAL_CLASSES = classesOf("functional");
const DEPARTMENT_CLASSES = classesOf("departmentEconomic");
const GOVERNMENT_CLASSES = classesOf("governmentEconomic");

function kindOf(code: string): CorpusCodeKind | undefined {
  const cls = code.slice(0, 3);
  if (FUNCTIONAL_CLASSES.has(cls)) return code.length === 3 || code.length === 5 || code.length === 7 ? "functional" : undefined;
  if (code.length === 7) return undefined;
  if (DEPARTMENT_CLASSES.has(cls)) return "department-economic";
  if (GOVERNMENT_CLASSES.has(cls)) return "government-economic";
  return undefined;
}

/** A code where a table prints it, then its name (or nothing when the cell wraps): the code ends a digit run. */
const CODE_AT = /(?<![\d,.])(\d{3}(?: {1,4}\d{2}){1,2}|\d{7}|\d{5}|\d{3})(?![\d,.])( *)([^\s\d,.][^\s]*)?/g;
/** Text that is a name fragment: CJK and the punctuation names use, nothing else. */
const NAME_PIECE = /^[\u4e00-\u9fff（）()、“”"·]+$/;
/** Cell fragments that are headers, not names. */
const NOT_A_NAME = /^(?:科目|编码|名称|类|款|项|单位|金额|万元|元)$|(?:合计|小计|总计)$/;

interface Hit {
  line: number;
  /** column where the code starts */
  column: number;
  code: string;
  kind: CorpusCodeKind;
  /** column where the name is (or would be) printed */
  nameColumn: number;
  name: string;
}

/**
 * The name fragment a line holds at `column` (±2), alone in its cell: pieces one space apart are one
 * fragment ("信息 网络 及软件 购置"), and a fragment followed by an amount is a row of its own, not a
 * wrapped name. "" if none.
 */
function fragmentAt(line: string | undefined, column: number): string {
  if (!line) return "";
  const from = Math.max(0, column - 2);
  const m = /\S+(?: \S+)*/.exec(line.slice(from));
  if (!m || from + m.index > column + 2) return "";
  const text = m[0].replace(/ /g, "");
  if (!NAME_PIECE.test(text) || NOT_A_NAME.test(text)) return "";
  const after = line.slice(from + m.index + m[0].length).trimStart();
  return /^[\d,.-]+(?:\s|$)/.test(after) ? "" : text;
}

/** Codes on one page, with wrapped names put back together. */
function pageCodes(lines: readonly string[], page: number): CorpusCode[] {
  const hits: Hit[] = [];
  lines.forEach((text, line) => {
    for (const m of text.matchAll(CODE_AT)) {
      const code = m[1]!.replace(/ +/g, "");
      const kind = kindOf(code);
      if (!kind) continue;
      const raw = m[3] ?? "";
      const name = raw.replace(/[\d,.]+$/, "");
      // a 3-digit number followed by a one-character unit is prose ("编制 339 名"), not a table row
      if (name && (!NAME_PIECE.test(name) || name.length < 2)) continue;
      const nameColumn = m.index + m[1]!.length + (name ? m[2]!.length : 0);
      hits.push({ line, column: m.index, code, kind, nameColumn, name });
    }
  });
  const taken = new Set<string>();
  /** a line taken by a cell, per table column (two tables may stand side by side) */
  const spot = (line: number, h: Hit) => `${line}:${Math.floor(h.column / 8)}`;
  /** the code printed in the same column as `h` on another line, if any */
  const codeAt = (line: number, h: Hit): Hit | undefined => hits.find((o) => o.line === line && Math.abs(o.column - h.column) <= 3);
  /** the column a code's name starts at: its own, or (nothing on the code's line) the fragment just above's */
  const columnOf = (h: Hit): number => (h.name ? h.nameColumn : findColumn(lines[h.line - 1], h.nameColumn));
  /** a fragment of the cell centred on `h`: as many lines above its line as below */
  const centred = (h: Hit): { head: string; tail: string } | undefined => {
    const column = columnOf(h);
    if (column < 0 || codeAt(h.line - 1, h) || codeAt(h.line + 1, h) || taken.has(spot(h.line - 1, h))) return undefined;
    const head = fragmentAt(lines[h.line - 1], column);
    const tail = fragmentAt(lines[h.line + 1], column);
    return head && tail ? { head, tail } : undefined;
  };
  const out: CorpusCode[] = [];
  for (const h of hits) {
    let name = h.name;
    const cell = centred(h);
    if (cell) {
      name = cell.head + h.name + cell.tail;
      taken.add(spot(h.line - 1, h)).add(spot(h.line + 1, h));
    } else if (h.name && !codeAt(h.line + 1, h)) {
      // a name wrapped downwards only (top-aligned cell), unless that line opens the next code's centred cell
      const tail = fragmentAt(lines[h.line + 1], h.nameColumn);
      const next = codeAt(h.line + 2, h);
      if (tail && !(next && centred(next))) {
        name += tail;
        taken.add(spot(h.line + 1, h));
      }
    }
    if (!name) continue;
    out.push({ code: h.code, name, kind: h.kind, page });
  }
  return out;
}

/** Where a fragment starts on `line` near `from` (up to 12 columns right), or -1. */
function findColumn(line: string | undefined, from: number): number {
  if (!line) return -1;
  const start = Math.max(0, from - 6);
  const m = /\S/.exec(line.slice(start, from + 12));
  return m ? start + m.index : -1;
}

/** Every distinct (code, name, kind) a document prints, at its first page. */
export function corpusCodes(text: string): CorpusCode[] {
  const seen = new Set<string>();
  const out: CorpusCode[] = [];
  text.split("\f").forEach((pageText, i) => {
    for (const c of pageCodes(pageText.split("\n"), i + 1)) {
      const key = `${c.kind}|${c.code}|${c.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  });
  return out;
}

/** The fiscal year of a document: from its published file name ("…2017年…", "…25年…"), else its first page. */
export function documentYear(publishedName: string, text: string): number | undefined {
  const full = /(20\d{2})/.exec(publishedName);
  if (full) return Number(full[1]);
  const short = /(\d{2})年/.exec(publishedName);
  if (short) return 2000 + Number(short[1]);
  const printed = /(20\d{2})\s*年度/.exec(text.split("\f")[0] ?? "");
  return printed ? Number(printed[1]) : undefined;
}

function main(): void {
  const corpus = resolve(process.argv[2] ?? "../shared/corpus");
  const outDir = resolve("test/fixtures/corpus-codes");
  mkdirSync(outDir, { recursive: true });
  const index = readFileSync(join(corpus, "INDEX.tsv"), "utf8").trim().split("\n").slice(1);
  const rows: string[] = ["file\tyear\tkind\tregion"];
  for (const entry of index) {
    const [file, region, kind, published] = entry.split("\t");
    if (!file || !published) continue;
    const text = execFileSync("pdftotext", ["-layout", join(corpus, file), "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const year = documentYear(published, text);
    const codes = corpusCodes(text);
    const tsv = ["code\tname\tkind\tpage", ...codes.map((c) => `${c.code}\t${c.name}\t${c.kind}\t${c.page}`)].join("\n");
    writeFileSync(join(outDir, file.replace(/\.pdf$/, ".tsv")), `${tsv}\n`);
    rows.push(`${file.replace(/\.pdf$/, ".tsv")}\t${year ?? ""}\t${kind}\t${region}`);
    console.log(`${file}: ${year} ${codes.length} codes`);
  }
  writeFileSync(join(outDir, "INDEX.tsv"), `${rows.join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
