/**
 * 后台任务 — the heavy, input-driven work of a request, run in a worker thread with limits (runner.ts):
 * reading an uploaded document to audit (PDF parsing can be made to inflate gigabytes or loop for long)
 * and rendering a disclosure file (a 1 MB department name or a 300,000-character reason makes thousands of
 * PDF pages). Inputs and outputs are plain data, copied between threads.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ImportedDocument } from "../../audit/core/document.ts";
import { importDocument } from "../../audit/importers/index.ts";
import type { Disclosure } from "../../core/disclosure.ts";
import type { PublicationFile } from "../../store/repos/publications.ts";
import { checkZip, zipProblemText } from "../../formats/zip.ts";
import { renderFile } from "../disclosure-files.ts";
import { AppError } from "../errors.ts";

export interface JobTypes {
  /** an uploaded document read into tables and sections (the temp file's path is left out of the answer) */
  readDocument: { input: { name: string; bytes: Uint8Array }; output: ImportedDocument };
  /** one disclosure rendered in one format */
  render: { input: { disclosure: Disclosure; format: string }; output: PublicationFile };
}

export type JobKind = keyof JobTypes;

export const TASKS: { [K in JobKind]: (input: JobTypes[K]["input"]) => Promise<JobTypes[K]["output"]> } = {
  async readDocument({ name, bytes }) {
    await refuseZipBomb(name, bytes);
    // the importers read files; the upload goes to a private temp dir whose path is removed from the answer
    const dir = await mkdtemp(join(tmpdir(), "yusuan-audit-"));
    try {
      const path = join(dir, name);
      await writeFile(path, bytes);
      const doc = await importDocument(name, [path]);
      // a compression bomb is refused as too large (413), not audited: the reader has read nothing of it
      const bomb = doc.files.flatMap((f) => f.problems).find((p) => p.rule === "read.compression-bomb");
      if (bomb) throw new AppError("too-large", bomb.message.replaceAll(`${dir}/`, ""));
      return JSON.parse(JSON.stringify(doc).replaceAll(`${dir}/`, "")) as ImportedDocument;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  render: ({ disclosure, format }) => renderFile(disclosure, format),
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * An uploaded zip (XLSX, DOCX) that would unpack too large, lies about its sizes or declares XML entities
 * is refused as too large (413) with the words every other XLSX route uses (zip.ts), as a PDF bomb is:
 * the importer would only report it as a finding of a document it could not read. The check inflates
 * every part once, counting, on this worker's thread; the importer then reads the file as usual.
 */
async function refuseZipBomb(name: string, bytes: Uint8Array): Promise<void> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return;
  const zip = await checkZip(bytes);
  // a damaged zip is the importer's to report (read.damaged), with what could still be read
  if (!zip.ok && zip.reason !== "damaged") throw new AppError("too-large", zipProblemText(zip, name));
}
