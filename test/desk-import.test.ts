/**
 * 批量导入支出明细 — the export reader alone: rows grouped by department whatever their order, a bad row
 * refusing its own department only (with line and field), amounts in 元 or 万元 exactly, and a file the
 * mapping does not fit refused whole naming the header row.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_MAPPING } from "../src/core/desk.ts";
import { readDeskImport } from "../src/formats/desk-import.ts";

const HEADER = "部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,项目编码,金额,摘要";
const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

const row = fc.record({
  department: fc.constantFrom("313", "314", "501"),
  economic: fc.constantFrom("30101", "30201", "3010201"),
  nature: fc.constantFrom("基本", "基本支出", "basic"),
  fen: fc.integer({ min: -10_000_000, max: 10_000_000_000 }),
});
const line = (r: { department: string; economic: string; nature: string; fen: number }) => {
  const sign = r.fen < 0 ? "-" : "";
  const abs = Math.abs(r.fen);
  return `${r.department},${r.department}001,2080208,${r.economic},${r.nature},财政拨款,,${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")},`;
};

describe("readDeskImport", () => {
  it("groups rows by department; the order of the rows changes nothing but the order within a department", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat()), async (rows, seeds) => {
        const shuffled = [...rows].map((r) => ({ r, k: seeds.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const a = await readDeskImport(bytes([HEADER, ...rows.map(line)]), "a.csv", DEFAULT_IMPORT_MAPPING);
        const b = await readDeskImport(bytes([HEADER, ...shuffled.map(line)]), "a.csv", DEFAULT_IMPORT_MAPPING);
        if (!a.ok || !b.ok) throw new Error("refused");
        const view = (r: typeof a) => Object.fromEntries(r.departments.map((d) => [d.department, d.lineItems.map((l) => `${l.economic}|${l.amount}`).sort()]));
        expect(view(b)).toEqual(view(a));
        for (const d of a.departments) {
          const own = rows.filter((r) => r.department === d.department);
          expect(d.lineItems.reduce((s, l) => s + l.amount, 0)).toBe(own.reduce((s, r) => s + r.fen, 0));
          expect(d.problems).toEqual([]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("a bad row refuses its department with the line and field; the others are untouched", async () => {
    const r = await readDeskImport(bytes([HEADER, "313,313001,2080208,30101,基本,财政拨款,,100,", "314,314001,2080208,30101,基本,无此来源,,1,", "314,314001,2080208,30101,基本,财政拨款,,1.234,"]), "x.csv", DEFAULT_IMPORT_MAPPING);
    if (!r.ok) throw new Error("refused whole");
    const [d313, d314] = r.departments;
    expect(d313).toMatchObject({ department: "313", problems: [] });
    expect(d313!.lineItems).toHaveLength(1);
    expect(d314!.problems.map((p) => [p.location.line, p.message.split("：")[0]])).toEqual([
      [3, "资金来源"],
      [4, "金额"],
    ]);
  });

  it("reads amounts in 万元 when the mapping says so, exactly", async () => {
    const r = await readDeskImport(bytes([HEADER, "313,313001,2080208,30101,基本,财政拨款,,41.35,", "313,313001,2080208,30101,基本,财政拨款,,\"1,000.0001\","]), "w.csv", { ...DEFAULT_IMPORT_MAPPING, amountUnit: "万元" });
    if (!r.ok) throw new Error("refused");
    expect(r.departments[0]!.lineItems.map((l) => l.amount)).toEqual([41_350_000, 1_000_000_100]);
  });

  it("reads a file without the optional columns (项目编码, 摘要)", async () => {
    const r = await readDeskImport(bytes(["部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,金额", "313,313001,2080208,30101,基本,财政拨款,1"]), "o.csv", DEFAULT_IMPORT_MAPPING);
    if (!r.ok) throw new Error("refused");
    expect(r.departments[0]!.lineItems).toEqual([expect.objectContaining({ unit: "313001", amount: 100, project: undefined, memo: undefined })]);
  });

  it("refuses a file the mapping does not fit, or one it cannot read, whole", async () => {
    const missing = await readDeskImport(bytes(["部门编码,金额", "313,1"]), "m.csv", DEFAULT_IMPORT_MAPPING);
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.problems.map((p) => p.location)).toContainEqual({ kind: "data", path: "", file: "m.csv", line: 1 });
      expect(missing.problems.map((p) => p.message).join("\n")).toContain("单位编码");
    }
    const noDepartment = await readDeskImport(bytes([HEADER, ",313001,2080208,30101,基本,财政拨款,,1,"]), "n.csv", DEFAULT_IMPORT_MAPPING);
    expect(noDepartment.ok).toBe(false);
    if (!noDepartment.ok) expect(noDepartment.problems[0]!.location).toMatchObject({ file: "n.csv", line: 2 });
    const latin1 = await readDeskImport(new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5]), "gbk.csv", DEFAULT_IMPORT_MAPPING);
    expect(latin1.ok).toBe(false);
    if (!latin1.ok) expect(latin1.problems[0]!.message).toMatch(/^CSV 无法读取/);
  });
});
