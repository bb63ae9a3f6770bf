/**
 * 文件合成 — the files of one document joined, and what the document says about itself: the template
 * (one of the registry's, or unknown) from its table titles, the year, the department, and the table
 * titles its contents list.
 */
import type { DocumentFile, DocumentMeta, ImportedDocument, RawText } from "./document.ts";
import { coverDepartment, coverLines, coverYear, tableTitleYear } from "./identity.ts";
import { type TitleInfo, classifyTitle, detectTemplate } from "./titles.ts";

export function assembleDocument(name: string, files: DocumentFile[]): ImportedDocument {
  return { name, files, meta: detectMeta(files) };
}

export function detectMeta(files: readonly DocumentFile[]): DocumentMeta {
  const tables = files.flatMap((f) => f.tables);
  const titles = tables.map((t) => classifyTitle(t.title)).filter((x): x is TitleInfo => !!x);
  const contents = contentsEntries(files);
  const listed = contents.map((c) => classifyTitle(c.text)).filter((x): x is TitleInfo => !!x);
  const meta: DocumentMeta = { template: detectTemplate([...titles, ...listed]), contents };
  const cover = coverLines(files);
  const year =
    mostCommon([...titles, ...listed].map((t) => t.year).filter((y): y is number => y !== undefined)) ?? coverYear(cover) ?? yearFromHeadings(files) ?? tableTitleYear(tables);
  if (year !== undefined) meta.year = year;
  // the full name the tables print ("中国共产党江苏省委员会办公厅") before the cover's short form ("省委办公厅")
  const department = mostCommon(tables.map((t) => t.unitName?.trim()).filter((n): n is string => !!n)) ?? coverDepartment(cover);
  if (department) meta.department = department;
  return meta;
}

/**
 * Short paragraphs that name a table ("一、2021 年部门收支总体情况表"): the contents (目录), or a list of
 * the tables in the text. Sentences (with 。 or ，) are not entries.
 */
function contentsEntries(files: readonly DocumentFile[]): RawText[] {
  const out: RawText[] = [];
  const entry = (text: string) => text.length <= 60 && !/[。，]/.test(text) && !!classifyTitle(text);
  for (const f of files)
    for (const s of f.sections) {
      // a contents line a reader took for a heading (a 目录 with no page numbers) names a table too
      if (s.paragraphs.length === 0 && entry(s.heading)) out.push({ text: s.heading, place: s.place });
      for (const p of s.paragraphs) if (entry(p.text)) out.push({ text: p.text, place: p.place });
    }
  return out;
}

function yearFromHeadings(files: readonly DocumentFile[]): number | undefined {
  const years = files.flatMap((f) => f.sections.map((s) => /((?:19|20)\d{2})\s*年度?\s*(部门|单位)?预算/.exec(s.heading)?.[1])).filter((y): y is string => !!y);
  return mostCommon(years.map(Number));
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
