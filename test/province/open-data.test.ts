/**
 * Open data: `yusuan export` writes a Fiscal Data Package that the published JSON Schemas of the Data
 * Package, Fiscal Data Package, Tabular Data Resource and Table Schema profiles accept (checked with Ajv),
 * whose CSV has the schema's columns and adds up to the budget's totals; CSV and XLSX carry the same rows.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { budgetTotals } from "../../src/core/facts.ts";
import { parseDecimal, sum } from "../../src/core/money.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { profileErrors } from "../support/fdp-profiles.ts";

const sample = parseBudgetText(readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8"), "budget.yaml", "yaml");
const quiet = { out: () => {}, err: () => {} };

describe("yusuan export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "yusuan-export-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("writes a Fiscal Data Package the published profiles accept, whose rows add up to the budget", async () => {
    const out = join(dir, "fdp");
    expect(await main(["export", "examples/luolong-shequ-2021", "--format", "fdp", "--out", out], quiet)).toBe(0);
    const pkg = JSON.parse(await readFile(join(out, "datapackage.json"), "utf8"));
    expect(profileErrors(pkg)).toEqual([]);
    expect(pkg.model.measures.amount).toEqual({ source: "amount", currency: "CNY", factor: 1, direction: "expenditure", phase: "approved" });
    const fields: string[] = pkg.resources[0].schema.fields.map((f: { name: string }) => f.name);
    // every model attribute names a column of the resource
    for (const d of Object.values(pkg.model.dimensions) as { attributes: Record<string, { source: string }> }[]) for (const a of Object.values(d.attributes)) expect(fields).toContain(a.source);

    const rows: Record<string, string>[] = parse(await readFile(join(out, pkg.resources[0].path)), { columns: true, bom: true });
    expect(Object.keys(rows[0]!)).toEqual(fields);
    const t = budgetTotals(sample);
    const amounts = rows.map((r) => parseDecimal(r.amount!, "元"));
    expect(sum(amounts)).toBe(t.total);
    expect(sum(rows.filter((r) => r.nature === "basic").map((r) => parseDecimal(r.amount!, "元")))).toBe(t.basic);
    expect(rows.find((r) => r.functional_code === "2080208")?.functional_name).toBe("基层政权建设和社区治理");
  });

  it("writes the same rows as CSV and XLSX", async () => {
    expect(await main(["export", "examples/luolong-shequ-2021/budget.yaml", "--format", "csv", "--out", join(dir, "csv")], quiet)).toBe(0);
    expect(await main(["export", "examples/luolong-shequ-2021", "--format", "xlsx", "--out", join(dir, "xlsx")], quiet)).toBe(0);
    const csv: Record<string, string>[] = parse(await readFile(join(dir, "csv", "facts.csv")), { columns: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "xlsx", "facts.xlsx"));
    const sheet = wb.getWorksheet("数据")!;
    expect(sheet.rowCount - 1).toBe(csv.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const amountCol = header.indexOf("amount") + 1;
    const xlsxTotal = sum(Array.from({ length: csv.length }, (_, i) => parseDecimal(String(sheet.getRow(i + 2).getCell(amountCol).value), "元")));
    expect(xlsxTotal).toBe(budgetTotals(sample).total);
  });

  it("says which format is unknown, in Chinese and English, and writes nothing", async () => {
    const err: string[] = [];
    expect(await main(["export", "examples/luolong-shequ-2021", "--format", "pdf", "--out", join(dir, "bad")], { out: () => {}, err: (s) => err.push(s) })).toBe(2);
    expect(err.join("\n")).toContain("未知格式 pdf / unknown format");
  });
});
