/**
 * 与已公开文件核对 — an uploaded document compared with the publications the region holds of the same
 * department (full or short name): last year's budget (its 上年 figures), this year's budget (a 决算's
 * 年初预算) and next year's (whose 上年 figures the upload must match). Each publication's department
 * disclosure is read from its stored text (or JSON, or HTML) rendering and audited like any document; the
 * findings that concern the upload are returned, naming the publication by its title and year.
 *
 * 与上一份公开文件核对 — a publication compared with its predecessor (`comparePublications`): the same
 * department's publication of the year before (its latest version), else the previous version of the same
 * budget. Only the department documents are read: what anyone may download (an exempt unit has none).
 */
import { LRUCache } from "lru-cache";
import { assembleDocument } from "../audit/core/assemble.ts";
import { auditDocument } from "../audit/core/audit.ts";
import { type CrossDocument, crossAudit, crossDocument } from "../audit/core/cross/checks.ts";
import { sameDepartment } from "../audit/core/cross/department.ts";
import { importBytes } from "../audit/importers/dispatch.ts";
import type { Finding } from "../core/rules/finding.ts";
import { getPublication, getPublicationFile, listBudgetPublications, listRegionPublications } from "../store/repos/publications.ts";
import type { Db } from "../store/schema.ts";

/** Stored renderings read back, in order of preference (the text one is the cheapest to read). */
const READABLE = ["txt", "json", "html"] as const;

/** The publication an `across` finding was checked against (its public page: /p/:id). */
export interface ComparedPublication {
  id: number;
  title: string;
  year: number;
  number: number;
}

/** A finding of the upload against a publication, with that publication. */
export type AcrossFinding = Finding & { publication?: ComparedPublication };

export async function compareWithPublications(db: Db, regionId: number, upload: CrossDocument): Promise<AcrossFinding[]> {
  if (!upload.department || upload.year === undefined) return [];
  const years = new Set([upload.year - 1, upload.year, upload.year + 1]);
  const latest = new Map<number, ComparedPublication>();
  // newest publication first within a department: the first of each year is its current one
  for (const year of years) {
    // every page of the year's publications (latest number first within a department)
    for (let page = 1; ; page++) {
      const { rows } = await listRegionPublications(db, regionId, year, { page, pageSize: 1000 });
      // budgets only: a 决算 of the region is not what an upload's 上年/年初预算 figures are checked against
      for (const p of rows.filter((r) => r.kind === "budget")) {
        if (!latest.has(p.year) && sameDepartment(upload.department, p.department_name)) latest.set(p.year, { id: p.id, title: p.title, year: p.year, number: p.number });
      }
      if (rows.length < 1000 || latest.has(year)) break;
    }
  }
  const published: { doc: CrossDocument; publication: ComparedPublication }[] = [];
  for (const p of latest.values()) {
    // no " / " in a name: a message's Chinese and English halves are split there (the web shows one)
    const doc = await readPublication(db, p.id, `${p.title}（已公开）`);
    if (doc) published.push({ doc, publication: p });
  }
  if (published.length === 0) return [];
  // each finding names the two documents it compares (《name》): the upload and one publication
  return crossAudit([...published.map((p) => p.doc), upload])
    .filter((f) => f.message.includes(`《${upload.name}》`))
    .map((f) => {
      const against = published.find((p) => f.message.includes(`《${p.doc.name}》`));
      return against ? { ...f, publication: against.publication } : f;
    });
}

/** A publication's department document, read back from a stored rendering and audited, under `name`. */
async function readPublication(db: Db, id: number, name: string): Promise<CrossDocument | undefined> {
  for (const format of READABLE) {
    const file = await getPublicationFile(db, id, "department", format);
    if (!file) continue;
    const doc = assembleDocument(name, [await importBytes(name, file.content)]);
    return crossDocument(name, auditDocument(doc, () => undefined));
  }
  return undefined;
}

type PublicationRow = Awaited<ReturnType<typeof listBudgetPublications>>[number];

/** 上一份 — what a publication is compared with: last year's of the same department, or the previous version. */
export type PredecessorRelation = "previous-year" | "previous-version";

/**
 * The publication before this one: the same department's latest publication of the year before in the
 * same region (the department code, else its full or short name, matches), else the previous version of
 * the same budget; undefined for a first publication.
 */
export async function publicationPredecessor(db: Db, p: PublicationRow): Promise<{ publication: PublicationRow; relation: PredecessorRelation } | undefined> {
  for (let page = 1; ; page++) {
    // latest version first within a department
    const { rows: all } = await listRegionPublications(db, p.region_id, p.year - 1, { page, pageSize: 1000 });
    const rows = all.filter((r) => r.kind === p.kind); // a budget after a budget, a 决算 after a 决算
    const found = rows.find((r) => r.department_code === p.department_code) ?? rows.find((r) => sameDepartment(p.department_name, r.department_name));
    if (found) return { publication: found, relation: "previous-year" };
    if (all.length < 1000) break;
  }
  const version = (await listBudgetPublications(db, p.budget_id)).find((r) => r.kind === p.kind && r.number < p.number);
  return version && { publication: version, relation: "previous-version" };
}

/** How a publication is named in the findings: its title and version (two versions share a title; no " / " in it). */
const publicationName = (p: PublicationRow) => `${p.title}（第${p.number}版）`;

export interface Comparison {
  publication: PublicationRow;
  predecessor: (PublicationRow & { relation: PredecessorRelation }) | null;
  findings: Finding[];
}

/** The findings of pairs already compared (publications never change), the least recently used dropped first. */
export function keptComparisons(): LRUCache<string, Finding[]> {
  return new LRUCache<string, Finding[]>({ max: 500 });
}

/**
 * A publication against its predecessor: the cross-document checks (src/audit/core/cross) over the two
 * department documents — this year's 上年 figures against last year's published budget. Two versions of
 * one year's budget share no figure those checks compare, so they find nothing there; the answer still
 * names the version compared. Undefined when there is no such publication. `kept` holds the findings of
 * pairs already compared (a caller's bounded memo: a repeated request audits nothing).
 */
export async function comparePublications(db: Db, id: number, kept?: LRUCache<string, Finding[]>): Promise<Comparison | undefined> {
  const p = await getPublication(db, id);
  if (!p) return undefined;
  const { files: _files, ...publication } = p;
  const before = await publicationPredecessor(db, publication);
  if (!before) return { publication, predecessor: null, findings: [] };
  const key = `${before.publication.id}>${publication.id}`;
  let findings = kept?.get(key);
  if (!findings) {
    const docs = [await readPublication(db, before.publication.id, publicationName(before.publication)), await readPublication(db, publication.id, publicationName(publication))];
    findings = docs.every((d) => d !== undefined) ? crossAudit(docs as CrossDocument[]) : [];
    kept?.set(key, findings);
  }
  return { publication, predecessor: { ...before.publication, relation: before.relation }, findings };
}
