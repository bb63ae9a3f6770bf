/**
 * `yusuan audit <file|dir…> [--one] [--json] [--html report.html] [--scorecard out.xlsx|csv|html]`: reads published disclosure documents and
 * reports every inconsistency with its place, and what must agree across the given documents of one department
 * (cross/checks.ts). Files with the same stem (某局.txt + 某局.xlsx) are one
 * document, `--one` makes all given files one document, a directory stands for the files in it. One
 * unreadable document never stops the rest. Exit 0 when nothing is at error level, 1 when something is,
 * 2 when a document could not be read at all (or the arguments are unusable).
 */
import { writeFile } from "node:fs/promises";
import { auditDocument } from "../audit/core/audit.ts";
import { type CrossDocument, crossAudit, crossDocument } from "../audit/core/cross/checks.ts";
import type { CatalogIndex } from "../core/catalog.ts";
import { builtInCatalog } from "../core/catalogs/index.ts";
import type { Finding } from "../core/rules/finding.ts";
import { expandPaths, groupDocuments, importDocument } from "../audit/importers/index.ts";
import { auditJson } from "../audit/report/json.ts";
import type { ScorecardRow } from "../core/scorecard.ts";
import { type DocumentSummary, summarise, summaryLine } from "../audit/report/summary.ts";
import { formatAuditReport } from "../audit/report/text.ts";
import { type CatalogOptions, catalogFor } from "../formats/catalog-choice.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";

export interface AuditOptions extends CatalogOptions {
  json?: boolean;
  html?: string;
  one?: boolean;
  progress?: boolean;
  /** 评估表: one row per document, written as .csv, .xlsx or .html */
  scorecard?: string;
}

/**
 * The catalog of a document's year: the built-in one, or an official file loaded over the nearest. A year
 * with neither gets none (codes then go unchecked, with an info note), never another year's names.
 */
function catalogs(opts: AuditOptions, io: Io): (year: number) => Promise<CatalogIndex | undefined> {
  const cache = new Map<number, Promise<CatalogIndex | undefined>>();
  return (year) => {
    let hit = cache.get(year);
    if (!hit) {
      hit = builtInCatalog(year) || (opts.catalog?.length ?? 0) > 0 ? catalogFor(year, opts, io.err) : Promise.resolve(undefined);
      cache.set(year, hit);
    }
    return hit;
  };
}

/**
 * The scorecard's row and file writers, loaded only when a scorecard is asked for (ExcelJS, the CSV writer):
 * an audit that writes none loads neither, as it loads the progress bar and the HTML report only when it
 * shows or writes them (start-up is a large part of auditing one PDF; bench/audit-corpus.ts).
 */
async function scorecardWriter(path: string) {
  const [{ scorecardRow }, { ScorecardFormatError, scorecardFile }] = await Promise.all([import("../audit/report/scorecard.ts"), import("../audit/report/scorecard-files.ts")]);
  if (!/\.(csv|xlsx|html?)$/i.test(path)) throw new ScorecardFormatError(path);
  return { path, row: scorecardRow, file: (rows: readonly ScorecardRow[], title: string) => scorecardFile(path, rows, title) };
}

export async function auditCommand(paths: string[], opts: AuditOptions, io: Io): Promise<number> {
  try {
    const writer = opts.scorecard ? await scorecardWriter(opts.scorecard) : undefined;
    const skipped: string[] = [];
    const documents = groupDocuments(await expandPaths(paths, skipped), opts.one);
    for (const note of skipped) io.err(`提示 / note: ${note}`);
    const catalogOf = catalogs(opts, io);
    const results: { summary: DocumentSummary; findings: Finding[] }[] = [];
    const scorecard: ScorecardRow[] = [];
    const crossDocs: CrossDocument[] = [];
    const showBar = documents.length > 1 && (opts.progress ?? Boolean(process.stderr.isTTY));
    const bar = showBar ? new (await import("cli-progress")).SingleBar({ format: "审核 / auditing [{bar}] {value}/{total} {name}", stream: process.stderr, hideCursor: true }) : undefined;
    bar?.start(documents.length, 0, { name: "" });
    for (const [i, d] of documents.entries()) {
      bar?.update(i, { name: d.name });
      const doc = await importDocument(d.name, d.paths);
      const catalog = doc.meta.year !== undefined ? await catalogOf(doc.meta.year) : undefined;
      const result = auditDocument(doc, () => catalog);
      const { findings } = result;
      if (documents.length > 1) crossDocs.push(crossDocument(d.name, result));
      const summary = summarise(doc, findings);
      results.push({ summary, findings });
      if (writer) scorecard.push(writer.row(doc, summary, findings));
    }
    bar?.update(documents.length, { name: "" });
    bar?.stop();
    // 跨文件核对: the same department's documents of two years, or its budget and 决算
    const across = crossAudit(crossDocs);
    if (opts.json) io.out(auditJson(results, across));
    else {
      io.out(results.map((r) => formatAuditReport(r.summary, r.findings)).join("\n\n"));
      if (across.length > 0) io.out(["", `跨文件核对 / across documents (${across.length})`, ...across.map((f) => `  [${f.rule}] ${f.message}`)].join("\n"));
      if (results.length > 1) io.out(["", `共审核 ${results.length} 份文件 / ${results.length} documents audited:`, ...results.map((r) => `  ${summaryLine(r.summary)}`)].join("\n"));
    }
    if (opts.html) await writeFile(opts.html, (await import("../audit/report/html.ts")).auditHtml(results, `${paths.join(" ")}`), "utf8");
    if (writer && results.length > 0) await writeFile(writer.path, await writer.file(scorecard, paths.join(" ")));
    if (results.length === 0) {
      io.err("错误 / error: 没有可审核的文件 / no documents to audit");
      return EXIT.unusable;
    }
    if (results.some((r) => r.summary.unreadable)) return EXIT.unusable;
    return results.some((r) => r.summary.counts.error > 0) || across.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
  } catch (e) {
    return reportFailure(e, io);
  }
}
