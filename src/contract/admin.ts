/** 管理 — answers of the region's administration (organisation, audit log, catalogs) and the system. */
import { z } from "zod";
import { severity, timestamp, finding, type Wire } from "./common.ts";

export const healthAnswer = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) });

/** 业务科室 — a finance division and the departments it reviews. */
/** 公开模板 of the region: its registry id and name. */
export const regionTemplateAnswer = z.object({ template: z.string().describe("公开模板 id (src/core/templates)"), name: z.string() });

export const divisionsAnswer = z.object({ divisions: z.array(z.object({ id: z.number().int(), name: z.string(), departmentIds: z.array(z.number().int()) })) });

/** 审计日志 — one entry of the append-only log. */
export const auditEntry = z.object({
  id: z.number().int(),
  at: timestamp,
  actor_id: z.number().int().nullable(),
  actor_name: z.string().nullable(),
  region_id: z.number().int().nullable(),
  action: z.string().describe("e.g. auth.login, budget.save, workflow.submit"),
  target: z.string().nullable().describe("e.g. budget:3, user:7"),
  details: z.unknown(),
  ip: z.string().nullable(),
});
export const auditLogAnswer = z.object({ entries: z.array(auditEntry) });

const catalogEntry = z.object({
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).readonly().optional(),
  label: z.string().optional().describe("the name the Henan tables print, when it differs"),
  national: z.string().optional().describe("for a local 款: the national 款 it is reported under (河南 30104 → 30103)"),
  confirmed: z.literal(false).optional().describe("carried over from a neighbouring year, unconfirmed for this one"),
});
const codeList = z.object({
  source: z.string(),
  entries: z.array(catalogEntry).readonly(),
  confirmedLevels: z.array(z.enum(["class", "section", "item"])).readonly().optional().describe("levels whose list is stated for the year (absent: all)"),
  absent: z.string().optional().describe("the year has no such classification, and why (2017: 政府预算支出经济分类)"),
});
const catalogKind = z.enum(["functional", "department-economic", "government-economic"]);
const catalogMode = z.enum(["extend", "replace"]);

/** GET /api/catalogs/:year — the year's catalog in force: built-in plus the loaded official files. */
export const catalogAnswer = z.object({
  year: z.number().int(),
  catalogYear: z.number().int().describe("the year of the catalog used (the nearest built-in one before)"),
  origin: z.enum(["built-in", "official"]),
  files: z.array(z.object({ id: z.number().int(), kind: catalogKind, mode: catalogMode, fileName: z.string(), loadedAt: timestamp })),
  functional: codeList,
  departmentEconomic: codeList,
  governmentEconomic: codeList,
  mapping: z
    .object({ source: z.string(), rows: z.array(z.object({ department: z.string(), scope: z.enum(["administrative", "institution", "all"]), government: z.string() })).readonly() })
    .describe("部门经济分类 → 政府经济分类, so the web app runs the rules as people type"),
});
export type CatalogAnswer = Wire<typeof catalogAnswer>;
export const catalogLoaded = z.object({ id: z.number().int(), kind: catalogKind, mode: catalogMode, fileName: z.string() });

/** POST /api/audit — the audit of an uploaded disclosure document. */
export const auditSummary = z.object({
  name: z.string(),
  files: z.array(z.string()),
  template: z.string().describe("公开模板 id (henan13, central9, shanghai-district-2025 …) or unknown"),
  year: z.number().int().optional(),
  department: z.string().optional(),
  tables: z.number().int(),
  unreadable: z.boolean().describe("nothing could be read: the document was not audited"),
  counts: z.record(severity, z.number().int()),
});
export type AuditSummary = Wire<typeof auditSummary>;
/** 评估表的一行 — the scorecard row of a document (src/audit/report/scorecard.ts), as `yusuan audit --scorecard` writes it. */
export const scorecardRow = z.object({
  document: z.string(),
  files: z.array(z.string()),
  department: z.string().optional(),
  year: z.number().int().optional(),
  template: z.string().describe("the template's name as printed, e.g. 河南13张表"),
  tablesPresent: z.number().int(),
  tablesMissing: z.array(z.string()),
  sectionsMissing: z.array(z.string()),
  counts: z.record(severity, z.number().int()),
  unreadable: z.boolean(),
  approvalReference: z.string().optional().describe("批复文号 as printed"),
  approvedOn: z.string().optional().describe("批复日期 the document states (ISO)"),
  publishedOn: z.string().optional().describe("公开日期 the document states (ISO)"),
  daysToPublish: z.number().int().optional().describe("days from 批复 to 公开, when both are stated"),
});
export const auditAnswer = z.object({
  summary: auditSummary,
  findings: z.array(finding),
  scorecard: scorecardRow,
  across: z
    .array(
      finding.extend({
        publication: z
          .object({ id: z.number().int(), title: z.string(), year: z.number().int(), number: z.number().int() })
          .optional()
          .describe("the publication the upload was checked against (its public page: /p/:id)"),
      }),
    )
    .describe("跨文件核对：与本地区已公开的同一部门文件 / against the region's publications of the same department"),
});
export type AuditAnswer = Wire<typeof auditAnswer>;

/** GET /api/regions — the administrator's region and every region under it (省 → 市 → 县/区). */
export const regionsAnswer = z.object({
  regions: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      level: z.enum(["province", "city", "county"]).describe("省 / 市 / 县（区）"),
      parentId: z.number().int().nullable(),
      departments: z.number().int(),
    }),
  ),
});
