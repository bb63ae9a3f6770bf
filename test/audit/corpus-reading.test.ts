/**
 * How the real documents of ../shared/corpus are read (issue 17, item 1): a page holding only a fill is
 * blank, not scanned; a ruled table continued over pages is one table, even when the continuation prints
 * its first row without a ruling above it or at another scale; a title left at the foot of the page before
 * its table is that table's. Runs where the corpus is present (beside the checkout, or YUSUAN_CORPUS).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importDocument } from "../../src/audit/importers/index.ts";

const CORPUS = process.env.YUSUAN_CORPUS ?? join(import.meta.dirname, "../../../shared/corpus");
const read = (file: string) => importDocument(file, [join(CORPUS, file)]);

describe.skipIf(!existsSync(join(CORPUS, "INDEX.tsv")))("reading the corpus", () => {
  it("jiangsu-ad6f350a: p.31 (a white fill only) is blank; the title at the foot of p.12 is p.13's table's", async () => {
    const doc = await read("jiangsu-ad6f350a.pdf");
    const problems = doc.files.flatMap((f) => f.problems);
    expect(problems.filter((p) => p.rule === "read.scanned-page")).toEqual([]);
    expect(problems.some((p) => p.rule === "read.blank-page" && p.location.kind === "text" && p.location.page === 31)).toBe(true);
    const t = doc.files.flatMap((f) => f.tables).find((x) => x.place.page === 13);
    expect(t?.title).toBe("财政拨款基本支出预算表");
  }, 60_000);

  it("jiangsu-f6054e08: 基本支出预算表 runs on over p.14, its first row there unruled above, read as one table", async () => {
    const doc = await read("jiangsu-f6054e08.pdf");
    const tables = doc.files.flatMap((f) => f.tables);
    const basic = tables.find((x) => x.title.startsWith("八、"))!;
    const codes = basic.body.map((r) => r.cells[0]);
    expect(codes).toContain("30231");
    expect(codes.at(-1)).toBe("30309");
    expect(tables.filter((x) => x.title === "" && (x.place.page ?? 0) >= 12 && (x.place.page ?? 0) <= 15)).toEqual([]);
  }, 60_000);

  it("jiangsu-3b632816: 公开08表's 301 keeps its amount on its own row", async () => {
    const doc = await read("jiangsu-3b632816.pdf");
    const t = doc.files.flatMap((f) => f.tables).find((x) => x.title.startsWith("公开08表"))!;
    expect(t.body.find((r) => r.cells[0] === "301")?.cells[2]).toBe("10,204.52");
    expect(t.body.some((r) => r.cells[0] === "" && r.cells[1] === "" && r.cells[2] !== "")).toBe(false);
  }, 60_000);

  it("jiangsu-ad6f350a: the title at the foot of p.18 over p.19's 部门 line names p.19's table (table 10)", async () => {
    const doc = await read("jiangsu-ad6f350a.pdf");
    const t = doc.files.flatMap((f) => f.tables).find((x) => x.place.page === 19);
    expect(t?.title).toBe("一般公共预算机关运行经费支出预算表");
    expect(t?.unitName).toBe("江苏省人大常委会办公厅");
    expect(doc.files.flatMap((f) => f.problems).filter((p) => p.rule === "read.table-untitled")).toEqual([]);
  }, 60_000);

  it("jiangsu-f6054e08: table 4's title and header at the foot of p.10 go on over p.11; p.18's chart is no table", async () => {
    const doc = await read("jiangsu-f6054e08.pdf");
    const tables = doc.files.flatMap((f) => f.tables);
    const t4 = tables.find((x) => x.title.startsWith("四、"))!;
    expect(t4.header[0]!.cells).toEqual(["收入", "", "支出", ""]);
    expect(t4.body.at(-1)!.cells).toEqual(["收入合计", "33,172.15", "支出合计", "33,172.15"]);
    expect(tables.filter((x) => x.title === "")).toEqual([]);
    expect(doc.files.flatMap((f) => f.problems).filter((p) => p.rule === "read.table-untitled")).toEqual([]);
  }, 60_000);

  it("jiangsu-67dae59f: 政府采购预算表 repeats its title and header on p.13 and is one table", async () => {
    const doc = await read("jiangsu-67dae59f.pdf");
    const tables = doc.files.flatMap((f) => f.tables).filter((x) => x.title === "2017年政府采购预算表");
    expect(tables).toHaveLength(1);
    expect(tables[0]!.body.at(-1)!.place.page).toBe(13);
    expect(tables[0]!.body.filter((r) => r.cells[0] === "采购品目大类")).toEqual([]);
  }, 60_000);
});
