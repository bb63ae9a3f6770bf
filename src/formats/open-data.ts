/**
 * 开放数据 — published figures as data: a Fiscal Data Package (datapackage.json + facts.csv), a CSV and an
 * XLSX of the same rows. One row per published line item with the classification codes and their names,
 * the amount in 元 (2 decimals, exact from 分). The package's `model` (the Fiscal Data Package profile's)
 * names the measure (currency CNY, direction expenditure, phase approved: a published 部门预算 is the
 * approved budget) and the dimensions: administrative (region, department, unit), functional, economic,
 * nature, funding source and project.
 */
import { type Fen, formatYuan } from "../core/money.ts";
import { type CatalogIndex, splitFunctional } from "../core/catalog.ts";
import type { OpenDataFact } from "../core/facts.ts";
import { NATURE_NAMES, fundingSourceFullName } from "../core/model.ts";

export type { OpenDataFact } from "../core/facts.ts";

/** The columns, in order: name, Table Schema type, title (中文 / English). */
export const OPEN_DATA_FIELDS = [
  ["year", "integer", "预算年度 / fiscal year"],
  ["region_code", "string", "区划代码 / region code"],
  ["region_name", "string", "区划名称 / region"],
  ["department_code", "string", "部门编码 / department code"],
  ["department_name", "string", "部门名称 / department"],
  ["unit_code", "string", "单位代码 / unit code"],
  ["unit_name", "string", "单位名称 / unit"],
  ["functional_class", "string", "功能分类类 / functional class"],
  ["functional_class_name", "string", "功能分类类名称 / functional class name"],
  ["functional_code", "string", "功能分类科目编码（项） / functional code"],
  ["functional_name", "string", "功能分类科目名称 / functional name"],
  ["economic_class", "string", "经济分类类 / economic class"],
  ["economic_class_name", "string", "经济分类类名称 / economic class name"],
  ["economic_code", "string", "部门经济分类科目编码 / economic code"],
  ["economic_name", "string", "部门经济分类科目名称 / economic name"],
  ["nature", "string", "支出性质 / nature (basic, project, reserve, carry-forward)"],
  ["nature_name", "string", "支出性质名称 / nature name"],
  ["source", "string", "资金来源 / funding source"],
  ["source_name", "string", "资金来源名称 / funding source name"],
  ["project_code", "string", "项目编码 / project code"],
  ["project_name", "string", "项目名称 / project name"],
  ["amount", "number", "金额（元） / amount (yuan)"],
] as const;

/** Every row has these (a region code is absent when exporting a file outside the system; a project only on project lines). */
const REQUIRED = new Set<string>(["year", "department_code", "unit_code", "functional_code", "economic_code", "nature", "source", "amount"]);

export type OpenDataColumn = (typeof OPEN_DATA_FIELDS)[number][0];
export type OpenDataRow = Record<OpenDataColumn, string>;

export const FACTS_CSV = "facts.csv";

/** One fact as a row of text cells (names from the year's catalog; amounts in 元, exact). */
export function openDataRow(f: OpenDataFact, catalog: CatalogIndex): OpenDataRow {
  const functionalClass = splitFunctional(f.functional).class;
  const economicClass = f.economic.slice(0, 3);
  return {
    year: String(f.year),
    region_code: f.regionCode,
    region_name: f.regionName,
    department_code: f.departmentCode,
    department_name: f.departmentName,
    unit_code: f.unitCode,
    unit_name: f.unitName,
    functional_class: functionalClass,
    functional_class_name: catalog.functionalName(functionalClass),
    functional_code: f.functional,
    functional_name: catalog.functionalName(f.functional),
    economic_class: economicClass,
    economic_class_name: catalog.departmentEconomicName(economicClass),
    economic_code: f.economic,
    economic_name: catalog.departmentEconomicName(f.economic),
    nature: f.nature,
    nature_name: NATURE_NAMES[f.nature],
    source: f.source,
    source_name: fundingSourceFullName(f.source),
    project_code: f.project ?? "",
    project_name: f.projectName ?? "",
    amount: formatYuan(f.amount as Fen),
  };
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV header line (RFC 4180, CRLF). */
export function csvHeader(): string {
  return `${OPEN_DATA_FIELDS.map(([name]) => name).join(",")}\r\n`;
}

/** One CSV record. */
export function csvLine(row: OpenDataRow): string {
  return `${OPEN_DATA_FIELDS.map(([name]) => csvCell(row[name])).join(",")}\r\n`;
}

/** What the package describes: a publication or a region-year. */
export interface PackageMeta {
  /** lower-case, [a-z0-9._-] (the Data Package `name`) */
  name: string;
  title: string;
  year: number;
  description?: string;
  /** where the figures were published (a page of the portal), when known */
  homepage?: string;
}

/** datapackage.json of a Fiscal Data Package whose one resource is facts.csv. */
export function fiscalDataPackage(meta: PackageMeta) {
  const attribute = (source: string) => ({ source });
  return {
    // the Fiscal Data Package profile's published JSON Schema requires the tabular-data-package profile
    // here; the `model` (and countryCode, fiscalPeriod, granularity) is what makes it fiscal
    profile: "tabular-data-package",
    name: meta.name,
    title: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    countryCode: "CN",
    granularity: "transactional",
    fiscalPeriod: { start: `${meta.year}-01-01`, end: `${meta.year}-12-31` },
    resources: [
      {
        profile: "tabular-data-resource",
        name: "facts",
        title: "部门预算支出明细 / department budget expenditure line items",
        path: FACTS_CSV,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", doubleQuote: true, lineTerminator: "\r\n", header: true },
        schema: {
          fields: OPEN_DATA_FIELDS.map(([name, type, title]) => ({
            name,
            type,
            title,
            ...(name === "amount" ? { decimalChar: ".", bareNumber: true } : {}),
            ...(REQUIRED.has(name) ? { constraints: { required: true } } : {}),
          })),
        },
      },
    ],
    model: {
      measures: { amount: { source: "amount", currency: "CNY", factor: 1, direction: "expenditure", phase: "approved" } },
      dimensions: {
        date: { dimensionType: "datetime", primaryKey: "year", attributes: { year: attribute("year") } },
        region: { dimensionType: "location", primaryKey: "region_code", attributes: { region_code: attribute("region_code"), region_name: { source: "region_name", labelfor: "region_code" } } },
        administrative: {
          dimensionType: "classification",
          classificationType: "administrative",
          primaryKey: ["department_code", "unit_code"],
          attributes: {
            department_code: attribute("department_code"),
            department_name: { source: "department_name", labelfor: "department_code" },
            unit_code: { source: "unit_code", parent: "department_code" },
            unit_name: { source: "unit_name", labelfor: "unit_code" },
          },
        },
        functional: {
          dimensionType: "classification",
          classificationType: "functional",
          primaryKey: "functional_code",
          attributes: {
            functional_class: attribute("functional_class"),
            functional_class_name: { source: "functional_class_name", labelfor: "functional_class" },
            functional_code: { source: "functional_code", parent: "functional_class" },
            functional_name: { source: "functional_name", labelfor: "functional_code" },
          },
        },
        economic: {
          dimensionType: "classification",
          classificationType: "economic",
          primaryKey: "economic_code",
          attributes: {
            economic_class: attribute("economic_class"),
            economic_class_name: { source: "economic_class_name", labelfor: "economic_class" },
            economic_code: { source: "economic_code", parent: "economic_class" },
            economic_name: { source: "economic_name", labelfor: "economic_code" },
          },
        },
        nature: { dimensionType: "other", primaryKey: "nature", attributes: { nature: attribute("nature"), nature_name: { source: "nature_name", labelfor: "nature" } } },
        source: { dimensionType: "other", primaryKey: "source", attributes: { source: attribute("source"), source_name: { source: "source_name", labelfor: "source" } } },
        project: { dimensionType: "activity", primaryKey: "project_code", attributes: { project_code: attribute("project_code"), project_name: { source: "project_name", labelfor: "project_code" } } },
      },
    },
  };
}

/** A Data Package name from free text: lower case, [a-z0-9._-]. */
export function packageName(...parts: (string | number)[]): string {
  return parts
    .map((p) => String(p).toLowerCase().replace(/[^a-z0-9._-]+/g, "-"))
    .join("-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
