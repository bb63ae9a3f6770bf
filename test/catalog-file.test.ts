import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtemp, rm, writeFile, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CatalogIndex } from "../src/core/catalog.ts";
import { catalog2021 } from "../src/core/catalogs/2021/index.ts";
import { CatalogFileError, loadOfficialCatalog, readCatalogFile } from "../src/formats/catalog-file.ts";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "yusuan-catalog-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csv(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, "utf8");
  return path;
}

async function xlsx(name: string, rows: (string | number | null)[][], sheetName = "科目"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<CatalogFileError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogFileError);
    const err = e as CatalogFileError;
    expect(err.message).not.toMatch(/\n\s+at /); // no stack trace in the message
    expect(err.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/); // Chinese first
    expect(err.message).toContain(" / "); // English beside
    return err;
  }
  throw new Error("expected a CatalogFileError");
}

describe("readCatalogFile", () => {
  it("reads a CSV with a header row, spaced codes, a title row and a note row", async () => {
    const path = await csv(
      "functional.csv",
      "2021年支出功能分类科目,\n科目编码,科目名称\n201,一般公共服务支出\n201 01,人大事务\n2010101,　　行政运行\n\"2010199\",\"其他人大事务支出\"\n\n注：本表仅供测试,\n1、编码以财政部文件为准,\n",
    );
    const list = await readCatalogFile(path, "functional");
    expect(list.entries.map((e) => [e.code, e.name])).toEqual([
      ["201", "一般公共服务支出"],
      ["20101", "人大事务"],
      ["2010101", "行政运行"],
      ["2010199", "其他人大事务支出"],
    ]);
    expect(list.source).toContain("functional.csv");
  });

  it("reads a CSV without a header and with code and name in one cell", async () => {
    const path = await csv("one-column.csv", "301 工资福利支出\n30101 基本工资\n30199,其他工资福利支出\n");
    const list = await readCatalogFile(path, "department-economic");
    expect(list.entries.map((e) => e.code)).toEqual(["301", "30101", "30199"]);
    expect(list.entries[1]!.name).toBe("基本工资");
  });

  it("reads an XLSX with code and name columns", async () => {
    const path = await xlsx("government.xlsx", [
      ["政府预算支出经济分类科目"],
      ["code", "name"],
      [501, "机关工资福利支出"],
      [50101, "工资奖金津补贴"],
      ["50199", "其他工资福利支出"],
    ]);
    const list = await readCatalogFile(path, "government-economic");
    expect(list.entries.map((e) => [e.code, e.name])).toEqual([
      ["501", "机关工资福利支出"],
      ["50101", "工资奖金津补贴"],
      ["50199", "其他工资福利支出"],
    ]);
  });

  it("reads an XLSX with 类|款|项 columns, carrying the higher levels down", async () => {
    const path = await xlsx("split.xlsx", [
      ["类", "款", "项", "科目名称"],
      ["208", null, null, "社会保障和就业支出"],
      [null, "02", null, "民政管理事务"],
      [null, null, "08", "基层政权建设和社区治理"],
      [null, 5, null, "行政事业单位养老支出"],
      [null, null, 5, "机关事业单位基本养老保险缴费支出"],
      ["210", "11", "1", "行政单位医疗"],
    ]);
    const list = await readCatalogFile(path, "functional");
    expect(list.entries.map((e) => e.code)).toEqual(["208", "20802", "2080208", "20805", "2080505", "2101101"]);
  });

  it("reads a tab-separated CSV with 类/款/项 like the disclosure tables", async () => {
    const path = await csv("tabs.csv", "类\t款\t项\t科目名称\n201\t29\t06\t工会事务\n206\t7\t99\t其他科学技术普及支出\n");
    const list = await readCatalogFile(path, "functional");
    expect(list.entries.map((e) => e.code)).toEqual(["2012906", "2060799"]);
  });
});

describe("readCatalogFile — bad input", () => {
  it("names a missing file", async () => {
    const err = await failure(readCatalogFile(join(dir, "absent.csv"), "functional"));
    expect(err.message).toContain("absent.csv");
    expect(err.message).toContain("找不到");
  });

  it("names an empty file and a file with no codes", async () => {
    const empty = await csv("empty.csv", "");
    expect((await failure(readCatalogFile(empty, "functional"))).message).toContain("empty.csv");
    const headerOnly = await csv("header-only.csv", "科目编码,科目名称\n");
    expect((await failure(readCatalogFile(headerOnly, "functional"))).message).toContain("header-only.csv");
  });

  it("names the CSV line of a malformed code", async () => {
    const path = await csv("bad-code.csv", "科目编码,科目名称\n201,一般公共服务支出\n20A01,人大事务\n");
    const err = await failure(readCatalogFile(path, "functional"));
    expect(err.message).toContain("bad-code.csv");
    expect(err.message).toContain("第 3 行");
    expect(err.message).toContain("line 3");
    expect(err.message).toContain("20A01");
  });

  it("refuses a code of the wrong length or class for its kind", async () => {
    const wrongLength = await csv("wrong-length.csv", "code,name\n501,机关工资福利支出\n5010101,太长\n");
    const err = await failure(readCatalogFile(wrongLength, "government-economic"));
    expect(err.message).toContain("wrong-length.csv");
    expect(err.message).toContain("第 3 行");
    const wrongKind = await csv("wrong-kind.csv", "code,name\n30101,基本工资\n");
    expect((await failure(readCatalogFile(wrongKind, "functional"))).message).toContain("第 2 行");
  });

  it("names the sheet and cell of a malformed code in an XLSX", async () => {
    const path = await xlsx("bad.xlsx", [["科目编码", "科目名称"], ["301", "工资福利支出"], ["301-01", "基本工资"]], "部门经济分类");
    const err = await failure(readCatalogFile(path, "department-economic"));
    expect(err.message).toContain("bad.xlsx");
    expect(err.message).toContain("部门经济分类");
    expect(err.message).toContain("A3");
  });

  it("names both places of a duplicate code with a different name", async () => {
    const path = await csv("duplicate.csv", "科目编码,科目名称\n30101,基本工资\n30102,津贴补贴\n30101,基本薪酬\n30102,津贴补贴\n");
    const err = await failure(readCatalogFile(path, "department-economic"));
    expect(err.message).toContain("duplicate.csv");
    expect(err.message).toContain("第 4 行");
    expect(err.message).toContain("第 2 行");
  });

  it("refuses a file over 20 MB without reading it", async () => {
    const path = join(dir, "huge.csv");
    await writeFile(path, "");
    await truncate(path, 21 * 1024 * 1024);
    const err = await failure(readCatalogFile(path, "functional"));
    expect(err.message).toContain("huge.csv");
    expect(err.message).toContain("20 MB");
  });

  it("refuses .xls and damaged .xlsx files with a clear message", async () => {
    const xls = await csv("old.xls", "not really");
    expect((await failure(readCatalogFile(xls, "functional"))).message).toContain(".xlsx");
    const damaged = await csv("damaged.xlsx", "this is not a zip file");
    expect((await failure(readCatalogFile(damaged, "functional"))).message).toContain("damaged.xlsx");
  });

  it("names the row of a code without a name", async () => {
    const path = await csv("no-name.csv", "科目编码,科目名称\n201,一般公共服务支出\n20101,\n");
    const err = await failure(readCatalogFile(path, "functional"));
    expect(err.message).toContain("第 3 行");
  });
});

describe("loadOfficialCatalog", () => {
  it("extend keeps built-in codes the file lacks; the file wins on names", async () => {
    const path = await csv("extend.csv", "科目编码,科目名称\n201,一般公共服务支出\n2010110,新增测试项目\n2010101,行政运行（测试改名）\n");
    const merged = await loadOfficialCatalog(catalog2021, [{ path, kind: "functional" }], "extend");
    const index = new CatalogIndex(merged);
    expect(merged.origin).toBe("official");
    expect(merged.year).toBe(2021);
    expect(index.functionalName("2010110")).toBe("新增测试项目");
    expect(index.functionalName("2080208")).toBe("基层政权建设和社区治理");
    expect(index.functionalName("2010101")).toBe("行政运行（测试改名）");
    expect(index.functionalNameMatches("2010101", "行政运行")).toBe(true); // the built-in name stays an alias
    expect(index.functionalLabel("201")).toBe("一般公共服务"); // label kept where the name is confirmed
    expect(merged.departmentEconomic).toBe(catalog2021.departmentEconomic);
    expect(merged.mapping).toBe(catalog2021.mapping);
  });

  it("replace keeps only the file's codes for the kinds given", async () => {
    const path = await xlsx("replace.xlsx", [["科目编码", "科目名称"], ["201", "一般公共服务支出"], ["20101", "人大事务"]]);
    const merged = await loadOfficialCatalog(catalog2021, [{ path, kind: "functional" }], "replace");
    const index = new CatalogIndex(merged);
    expect(merged.functional.entries.map((e) => e.code)).toEqual(["201", "20101"]);
    expect(index.functionalEntry("2080208")).toBeUndefined();
    expect(index.governmentCodeFor("30107", "administrative")).toBe("50101");
  });

  it("combines several files of one kind and refuses conflicting names across them", async () => {
    const a = await csv("part-a.csv", "code,name\n501,机关工资福利支出\n50101,工资奖金津补贴\n");
    const b = await csv("part-b.csv", "code,name\n502,机关商品和服务支出\n50101,工资奖金津补贴\n");
    const merged = await loadOfficialCatalog(catalog2021, [{ path: a, kind: "government-economic" }, { path: b, kind: "government-economic" }], "replace");
    expect(merged.governmentEconomic.entries.map((e) => e.code)).toEqual(["501", "50101", "502"]);
    const c = await csv("part-c.csv", "code,name\n50101,工资津补贴\n");
    const err = await failure(loadOfficialCatalog(catalog2021, [{ path: a, kind: "government-economic" }, { path: c, kind: "government-economic" }], "extend"));
    expect(err.message).toContain("part-c.csv");
  });
});
