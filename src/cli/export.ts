/**
 * `yusuan export <budget|dir> --format fdp|csv|xlsx --out <dir>`: a budget's figures as open data (the
 * rows of src/formats/open-data.ts). A directory of budgets gives one file (or package) per year with every
 * budget of that year, like a region-year on the portal; a bad budget is reported and the others go on.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { budgetFacts } from "../core/facts.ts";
import type { Budget } from "../core/model.ts";
import { DOCUMENT_KIND_NAMES, publicationTitle } from "../core/publication.ts";
import { type Fen, formatYuan, sum } from "../core/money.ts";
import { readBudget } from "../formats/budget-file/read-file.ts";
import { type CatalogOptions, catalogFor } from "../formats/catalog-choice.ts";
import { InputError } from "../formats/errors.ts";
import { FACTS_CSV, type OpenDataRow, csvHeader, csvLine, fiscalDataPackage, openDataRow, packageName } from "../formats/open-data.ts";
import { openDataXlsx } from "../formats/open-data-xlsx.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";
import { batchEntries } from "./render.ts";

export const EXPORT_FORMATS = ["fdp", "csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends CatalogOptions {
  out: string;
  format: string;
}

function parseFormat(f: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new InputError([{ file: "--format", message: `未知格式 ${f} / unknown format; 可用 / available: ${EXPORT_FORMATS.join(", ")}` }]);
}

async function rowsOf(budget: Budget, opts: ExportOptions, io: Io): Promise<OpenDataRow[]> {
  const catalog = await catalogFor(budget.year, opts, (m) => io.err(m));
  return budgetFacts(budget).map((f) =>
    openDataRow(
      { ...f, year: budget.year, regionCode: "", regionName: budget.department.region ?? "", departmentCode: budget.department.code, departmentName: budget.department.name },
      catalog,
    ),
  );
}

export async function exportCommand(path: string, opts: ExportOptions, io: Io): Promise<number> {
  try {
    const format = parseFormat(opts.format);
    const entries = (await batchEntries(path)) ?? [path];
    const byYear = new Map<number, { rows: OpenDataRow[]; titles: string[]; totals: Fen[] }>();
    let failed = 0;
    for (const entry of entries) {
      try {
        const { budget } = await readBudget(entry);
        const group = byYear.get(budget.year) ?? { rows: [], titles: [], totals: [] };
        group.rows.push(...(await rowsOf(budget, opts, io)));
        group.titles.push(budget.department.name);
        group.totals.push(sum(budget.lineItems.map((l) => l.amount)));
        byYear.set(budget.year, group);
      } catch (e) {
        failed++;
        if (entries.length === 1) throw e;
        io.err(`跳过 / skipped ${entry}:`);
        reportFailure(e, io);
      }
    }
    const single = byYear.size === 1;
    for (const [year, g] of [...byYear].sort(([a], [b]) => a - b)) {
      const title = g.titles.length === 1 ? publicationTitle("budget", g.titles[0]!, year) : `${year}年度${DOCUMENT_KIND_NAMES.budget}（${g.titles.length}个部门）`;
      const dir = single ? opts.out : join(opts.out, String(year));
      await mkdir(dir, { recursive: true });
      const csv = csvHeader() + g.rows.map(csvLine).join("");
      if (format === "fdp") {
        const name = packageName("yusuan", year, g.titles.length === 1 ? "department" : "departments");
        await writeFile(join(dir, "datapackage.json"), `${JSON.stringify(fiscalDataPackage({ name, title, year }), null, 2)}\n`);
        await writeFile(join(dir, FACTS_CSV), csv);
      } else if (format === "csv") {
        await writeFile(join(dir, FACTS_CSV), csv);
      } else {
        await writeFile(join(dir, "facts.xlsx"), await openDataXlsx(title, g.rows));
      }
      io.out(`${year}: ${g.titles.length} 个部门 / departments, ${g.rows.length} 行 / rows, 合计 / total ${formatYuan(sum(g.totals))} 元 → ${dir}`);
    }
    return failed ? EXIT.unusable : EXIT.ok;
  } catch (e) {
    return reportFailure(e, io);
  }
}
