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
import type { DocumentFile, FileFormat, ImportedDocument } from "../core/document.ts";
import { readingProblem } from "../core/reading.ts";
import { importText } from "./text.ts";
import { pushTo } from "../core/collect.ts";

/** Extensions each importer reads. PDF, HTML, XLSX and DOCX importers register here as they land. */
const IMPORTERS: Record<string, { format: FileFormat; read: (name: string, bytes: Uint8Array) => DocumentFile }> = {
  ".txt": { format: "text", read: importText },
  ".text": { format: "text", read: importText },
  ".md": { format: "text", read: importText },
  ".tsv": { format: "text", read: importText },
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(IMPORTERS);

/** A file that yielded nothing, with the reading problem that says why. */
function unreadFile(name: string, format: FileFormat, problem: ReturnType<typeof readingProblem>): DocumentFile {
  return { name, format, parts: [{ kind: "whole", index: 1, read: false }], tables: [], sections: [], problems: [problem] };
}

/** Reads one file into the document model; never throws. */
export async function importFile(path: string): Promise<DocumentFile> {
  const ext = extname(path).toLowerCase();
  const importer = IMPORTERS[ext];
  if (!importer) {
    return unreadFile(path, "text", readingProblem("read.unsupported-format", `不支持的文件格式“${ext || "（无扩展名）"}”，可读取：${SUPPORTED_EXTENSIONS.join(" ")} / unsupported format "${ext}"; readable: ${SUPPORTED_EXTENSIONS.join(" ")}`, { file: path }));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "找不到文件 / no such file" : e instanceof Error ? e.message : String(e);
    return unreadFile(path, importer.format, readingProblem("read.failed", `无法读取 ${path}：${reason} / cannot read ${path}: ${reason}`, { file: path }));
  }
  try {
    return importer.read(path, bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return unreadFile(path, importer.format, readingProblem("read.failed", `读取 ${path} 时出错：${reason} / reading ${path} failed: ${reason}`, { file: path }));
  }
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
