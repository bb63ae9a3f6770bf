/** 公开文件 — a budget rendered: the department's disclosure and each unit's, in the requested formats. */
import { createHash } from "node:crypto";
import type { CatalogIndex } from "../core/catalog.ts";
import { type Disclosure, type Layout, deriveAll, deriveDisclosure } from "../core/disclosure.ts";
import type { Budget } from "../core/model.ts";
import { RENDERERS } from "../formats/renderers.ts";
import type { PublicationFile } from "../store/repos/publications.ts";
import { AppError } from "./errors.ts";
import type { JobRunner } from "./jobs/runner.ts";
import { DEFAULT_TEMPLATE_ID } from "../core/templates/index.ts";

export const CONTENT_TYPES: Record<string, string> = {
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  txt: "text/plain; charset=utf-8",
};

export function checkFormat(format: string): void {
  if (!RENDERERS[format]) throw new AppError("not-found", `未知格式 ${format} / unknown format; 可用 / available: ${Object.keys(RENDERERS).join(", ")}`);
}

export async function renderFile(d: Disclosure, format: string): Promise<PublicationFile> {
  checkFormat(format);
  const r = RENDERERS[format]!;
  const out = await r.render(d);
  const content = typeof out === "string" ? new TextEncoder().encode(out) : out;
  return {
    scope: d.scope.kind === "department" ? "department" : d.scope.code,
    format,
    fileName: r.file,
    contentType: CONTENT_TYPES[format] ?? "application/octet-stream",
    content,
    sha256: createHash("sha256").update(content).digest("hex"),
  };
}

/** One scope: "department" or a unit code. */
export function deriveScope(budget: Budget, catalog: CatalogIndex, scope: string, layout: Layout): Disclosure {
  if (scope === "department") return deriveDisclosure(budget, catalog, { kind: "department" }, layout);
  const unit = budget.units.find((u) => u.code === scope);
  if (!unit) throw new AppError("not-found", `没有单位 ${scope} / no unit ${scope}`);
  // a unit exempt from publication (涉密, core/exempt.ts) has no public document; the department's says so
  if (unit.exempt) throw new AppError("not-found", `单位 ${unit.code} ${unit.name} 因${unit.exempt.basis}不予公开，没有公开文件；部门文件中有说明 / unit ${unit.code} is exempt from publication and has no public document`);
  return deriveDisclosure(budget, catalog, { kind: "unit", code: scope }, layout);
}

/** Renders handed to the job pool at once: enough to keep each of its threads busy, few enough that a budget
 * of 2,000 units does not queue 10,000 copies of its disclosures. */
export const RENDERS_IN_FLIGHT = 4;

/**
 * Every disclosure of the budget (实施条例 第六条: units publish with their department) in every format, in
 * that order, rendered by `renderDisclosures`.
 */
export function renderAll(budget: Budget, catalog: CatalogIndex, formats: readonly string[], layout: Layout = DEFAULT_TEMPLATE_ID, jobs?: JobRunner): Promise<PublicationFile[]> {
  return renderDisclosures(deriveAll(budget, catalog, layout), formats, jobs);
}

/**
 * The disclosures given (a budget's, or a 决算's) in every format, in that order. `jobs`: render the files
 * there (the server's worker pool, with its limits), RENDERS_IN_FLIGHT at a time so every thread of the pool
 * works; without, one after another in this thread.
 */
export async function renderDisclosures(disclosures: readonly Disclosure[], formats: readonly string[], jobs?: JobRunner): Promise<PublicationFile[]> {
  const wanted = disclosures.flatMap((disclosure) => formats.map((format) => ({ disclosure, format })));
  const files: PublicationFile[] = new Array(wanted.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    // a refused render (too large, too long) refuses the publication: the other lanes start nothing more
    while (!failed && next < wanted.length) {
      const i = next++;
      const { disclosure, format } = wanted[i]!;
      try {
        files[i] = jobs ? await jobs.run("render", { disclosure, format }) : await renderFile(disclosure, format);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: jobs ? RENDERS_IN_FLIGHT : 1 }, lane));
  return files;
}
