/** 公开 — answers of the anonymous portal: regions, publications and their key figures (amounts in 分). */
import { z } from "zod";
import { type Nature, NATURES } from "../core/model.ts";
import { type DocumentKind, DOCUMENT_KINDS } from "../core/publication.ts";
import { isoDay, timestamp, type Wire } from "./common.ts";

export const region = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type Region = Wire<typeof region>;

/** 公开文件种类 — 部门预算 (budget) or 部门决算 (final-accounts) */
export const documentKind = z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]);

/** 公开版本 — a publication (an immutable snapshot of a budget version, or of its 决算). */
export const publicationMeta = z.object({
  id: z.number().int(),
  budget_id: z.number().int(),
  kind: documentKind.describe("budget: 部门预算; final-accounts: 部门决算 of the same budget year"),
  number: z.number().int().describe("1, then 2… for each correction (counted per kind)"),
  budget_version: z.number().int(),
  published_on: isoDay,
  published_at: timestamp,
  change_note: z.string().nullable().describe("更正说明"),
  year: z.number().int(),
  department_code: z.string(),
  department_name: z.string(),
  title: z.string(),
  region_id: z.number().int(),
});
export type PublicationMeta = Wire<typeof publicationMeta>;

/** One published file with its hash (the file itself: GET …/files/:scope/:format). */
export const publicationFile = z.object({
  scope: z.string().describe("department or a unit code"),
  format: z.string(),
  file_name: z.string(),
  content_type: z.string(),
  sha256: z.string(),
  size: z.number().int(),
});
export type PublicationFileMeta = Wire<typeof publicationFile>;
export const publication = publicationMeta.extend({ files: z.array(publicationFile) });
export type Publication = Wire<typeof publication>;

export const publicationsAnswer = z.object({ publications: z.array(publicationMeta) });
export const regionPublicationsAnswer = z.object({
  region,
  publications: z.array(publicationMeta).describe("this page: newest year first, by department code, latest version first"),
  page: z.number().int(),
  pageSize: z.number().int(),
  count: z.number().int().describe("publications in all (of the year, when given)"),
});
export const publicationAnswer = z.object({ publication });

/** GET /api/public/publications/:id/documents — the budget year's documents: the latest publication of each kind. */
export const yearDocumentsAnswer = z.object({ documents: z.array(publication).describe("the latest 部门预算 and 部门决算 of the same budget, budget first") });

/** 区划级次 — 省 / 市 / 县（区） */
export const regionLevel = z.enum(["province", "city", "county"]);

export const publicRegionsAnswer = z.object({
  regions: z.array(
    region.extend({
      level: regionLevel,
      parentId: z.number().int().nullable().describe("上级区划"),
      publications: z.number().int().describe("publications in the region itself"),
      years: z.array(z.number().int()).describe("newest first"),
    }),
  ),
});

const named = z.object({ code: z.string(), name: z.string(), amount: z.number().int() });
const totals = { total: z.number().int(), basic: z.number().int(), project: z.number().int() };

/** GET /api/public/publications/:id/figures — a publication's key figures (分). */
export const publicationFigures = z.object({
  publicationId: z.number().int(),
  year: z.number().int(),
  departmentCode: z.string(),
  departmentName: z.string(),
  ...totals,
  byClass: z.array(named).describe("by 功能分类 类"),
  projects: z.array(named).describe("largest first"),
  prior: z
    .object({ year: z.number().int(), basis: z.string(), total: z.number().int().optional(), basic: z.number().int().optional(), project: z.number().int().optional() })
    .nullable()
    .describe("the prior-year figures the budget compares with"),
  years: z.array(z.object({ year: z.number().int(), publicationId: z.number().int(), ...totals })).describe("the department's latest publication of each year"),
});
export type PublicationFigures = Wire<typeof publicationFigures>;

/** GET /api/public/regions/:code/overview — every department's latest publication of a year added up (分). */
const rollUp = {
  ...totals,
  income: z.number().int().describe("收入 less 上级补助收入 and 附属单位上缴收入 (each yuan once)"),
  transfers: z.number().int().describe("内部转移: 上级补助收入 + 附属单位上缴收入, shown apart"),
  departmentCount: z.number().int(),
};

export const regionOverview = z.object({
  region: region.extend({ level: regionLevel }),
  path: z.array(region.extend({ level: regionLevel })).describe("from the top region down to this one"),
  year: z.number().int(),
  years: z.array(z.number().int()).describe("years with publications, newest first"),
  trend: z.array(z.object({ year: z.number().int(), total: z.number().int(), priorTotal: z.number().int().nullable() })).describe("the region with its subtree, year by year against the year before, newest first"),
  ...rollUp,
  byClass: z.array(named),
  children: z.array(region.extend({ level: regionLevel, ...rollUp })).describe("each region directly under this one, with everything under it"),
  own: z.object(rollUp).describe("the departments of this region itself"),
  page: z.number().int(),
  pageSize: z.number().int(),
  departments: z
    .array(
      z.object({
        publicationId: z.number().int(),
        code: z.string(),
        name: z.string(),
        regionCode: z.string(),
        regionName: z.string(),
        rank: z.number().int().describe("by total, 1 = largest"),
        priorTotal: z.number().int().nullable().describe("the same department's total of the year before"),
        ...totals,
        byClass: z.record(z.string(), z.number().int()),
      }),
    )
    .describe("this page of the departments of the region and everything under it, largest first"),
});
export type RegionOverview = Wire<typeof regionOverview>;

/** GET /api/public/facts — a page of published line items (分) matching the filters. */
export const factsAnswer = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  count: z.number().int().describe("facts matching the filters"),
  amount: z.number().int().describe("their sum (分)"),
  facts: z.array(
    z.object({
      publicationId: z.number().int(),
      year: z.number().int(),
      regionCode: z.string(),
      regionName: z.string(),
      departmentCode: z.string(),
      departmentName: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      functional: z.string().describe("支出功能分类科目 (项)"),
      economic: z.string().describe("部门预算支出经济分类科目"),
      nature: z.enum(NATURES as [Nature, ...Nature[]]),
      project: z.string().nullable(),
      projectName: z.string().nullable(),
      source: z.string().describe("资金来源"),
      amount: z.number().int().describe("分"),
    }),
  ),
});
export type FactsAnswer = Wire<typeof factsAnswer>;
