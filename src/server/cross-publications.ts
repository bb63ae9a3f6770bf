/**
 * 与已公开文件核对 — an uploaded document compared with the publications the region holds of the same
 * department (full or short name): last year's budget (its 上年 figures), this year's budget (a 决算's
 * 年初预算) and next year's (whose 上年 figures the upload must match). Each publication's department
 * disclosure is read from its stored text (or JSON, or HTML) rendering and audited like any document; the
 * findings that concern the upload are returned, naming the publication by its title and year.
 */
import { assembleDocument } from "../audit/core/assemble.ts";
import { auditDocument } from "../audit/core/audit.ts";
import { type CrossDocument, crossAudit, crossDocument } from "../audit/core/cross/checks.ts";
import { sameDepartment } from "../audit/core/cross/department.ts";
import { importBytes } from "../audit/importers/dispatch.ts";
import type { Finding } from "../core/rules/finding.ts";
import { getPublicationFile, listRegionPublications } from "../store/repos/publications.ts";
import type { Db } from "../store/schema.ts";

/** Stored renderings read back, in order of preference (the text one is the cheapest to read). */
const READABLE = ["txt", "json", "html"] as const;

export async function compareWithPublications(db: Db, regionId: number, upload: CrossDocument): Promise<Finding[]> {
  if (!upload.department || upload.year === undefined) return [];
  const years = new Set([upload.year - 1, upload.year, upload.year + 1]);
  const latest = new Map<number, { id: number; title: string; year: number }>();
  // newest publication first within a department: the first of each year is its current one
  for (const year of years) {
    // every page of the year's publications (latest number first within a department)
    for (let page = 1; ; page++) {
      const { rows } = await listRegionPublications(db, regionId, year, { page, pageSize: 1000 });
      for (const p of rows) {
        if (!latest.has(p.year) && sameDepartment(upload.department, p.department_name)) latest.set(p.year, { id: p.id, title: p.title, year: p.year });
      }
      if (rows.length < 1000 || latest.has(year)) break;
    }
  }
  const published: CrossDocument[] = [];
  for (const p of latest.values()) {
    for (const format of READABLE) {
      const file = await getPublicationFile(db, p.id, "department", format);
      if (!file) continue;
      const name = `${p.title}（已公开 / published）`;
      const doc = assembleDocument(name, [await importBytes(name, file.content)]);
      published.push(crossDocument(name, auditDocument(doc, () => undefined)));
      break;
    }
  }
  if (published.length === 0) return [];
  return crossAudit([...published, upload]).filter((f) => f.message.includes(`《${upload.name}》`));
}
