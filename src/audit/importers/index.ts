/**
 * 导入 — reads files from disk into the document model: picks the importer by extension, turns a file
 * that cannot be opened or has no importer into a reading problem (never a throw), and groups files into
 * documents. Grouping: files with the same stem (name without extension, e.g. 某局2021.txt and
 * 某局2021.xlsx) form one document; `one: true` makes every given file one document; a directory stands
 * for the files in it (recursively, in name order).
 */
import { readdir, stat } from "node:fs/promises";
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

/** The files a path stands for: itself, or every file under a directory (sorted). Missing paths stay, to be reported. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s?.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p)).sort();
    out.push(...(await expandPaths(entries.filter((e) => !e.startsWith(".")).map((e) => join(p, e)))));
  }
  return out;
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
