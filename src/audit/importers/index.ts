/**
 * 导入 — reads files from disk into the document model: picks the importer by extension, turns a file
 * that cannot be opened or has no importer into a reading problem (never a throw), and groups files into
 * documents. Grouping: files with the same stem (name without extension, e.g. 某局2021.txt and
 * 某局2021.xlsx) form one document; `one: true` makes every given file one document; a directory stands
 * for the files in it (recursively, in name order).
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { assembleDocument } from "../core/assemble.ts";
import type { DocumentFile, ImportedDocument } from "../core/document.ts";
import { importFile as dispatchImport } from "./dispatch.ts";
import { pushTo } from "../core/collect.ts";

export { SUPPORTED_EXTENSIONS } from "./dispatch.ts";

/**
 * Reads one file into the document model by its content (PDF, XLSX, DOCX, HTML, legacy Office via
 * LibreOffice, Yusuan's JSON, else text), within size and time bounds; never throws.
 */
export async function importFile(path: string): Promise<DocumentFile> {
  return dispatchImport(path);
}

/**
 * The files a path stands for: itself, or every file under a directory (sorted). Missing paths stay, to be
 * reported. In a directory, a file that is an index of the others (a text or table file naming most of the
 * directory's files, like a corpus's INDEX.tsv) is not a document: it is skipped, with a note in `notes`.
 */
export async function expandPaths(paths: readonly string[], notes: string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s?.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p)).filter((e) => !e.startsWith(".")).sort();
    const kept: string[] = [];
    for (const e of entries) {
      const others = entries.filter((o) => o !== e);
      if (await isIndexFile(join(p, e), others)) notes.push(`跳过 ${join(p, e)}：这是本目录文件的索引，不是公开文件 / skipped: an index of the directory's files, not a document`);
      else kept.push(join(p, e));
    }
    out.push(...(await expandPaths(kept, notes)));
  }
  return out;
}

const INDEX_LIKE = new Set([".tsv", ".csv", ".txt", ".md"]);
const INDEX_MAX_BYTES = 1 << 20;

/** A small text file naming at least two, and at least half, of the other files beside it. */
async function isIndexFile(path: string, others: readonly string[]): Promise<boolean> {
  if (!INDEX_LIKE.has(extname(path).toLowerCase()) || others.length < 2) return false;
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile() || s.size > INDEX_MAX_BYTES) return false;
  const text = await readFile(path, "utf8").catch(() => "");
  const named = others.filter((o) => text.includes(o)).length;
  return named >= 2 && named * 2 >= others.length;
}

/** Groups file paths into documents: by stem, or all together with `one`. */
export function groupDocuments(paths: readonly string[], one = false): { name: string; paths: string[] }[] {
  if (one) return paths.length === 0 ? [] : [{ name: commonStem(paths), paths: [...paths] }];
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const key = join(p, "..", basename(p, extname(p)));
    pushTo(groups, key, p);
  }
  return [...groups.values()].map((ps) => ({ name: ps.length === 1 ? ps[0]! : commonStem(ps), paths: ps }));
}

function commonStem(paths: readonly string[]): string {
  const stems = paths.map((p) => basename(p, extname(p)));
  let prefix = stems[0] ?? "";
  for (const s of stems) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.replace(/[-_\s（(]+$/, "") || stems.join("+");
}

/** Reads the files of one document and assembles it. */
export async function importDocument(name: string, paths: readonly string[]): Promise<ImportedDocument> {
  const files: DocumentFile[] = [];
  for (const p of paths) files.push(await importFile(p));
  return assembleDocument(name, files);
}
