/**
 * 中央 9 张表 as the Ministry's template prints them (issue 18 item 9): 类 numbered in sequence, table 4's
 * 本年收入/上年结转 and 本年支出/结转下年 blocks, national 款 only in table 6 (a local 款 folds into the
 * national 款 its catalog names), and the "三公" table's prior-year row printed with its figures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chineseNumber } from "../src/core/catalog.ts";
import { henanLocal2021 } from "../src/core/catalogs/2021/henan-local.ts";
import type { Disclosure } from "../src/core/disclosure.ts";
import type { Budget } from "../src/core/model.ts";
import type { DisclosureTable } from "../src/core/table.ts";
import { catalog2021, disclosures, sampleBudget } from "./audit/support.ts";
import { generateBudget } from "./support/generate.ts";

const table = (d: Disclosure, id: string): DisclosureTable => d.tables.find((t) => t.id === id)!;
const text = (t: DisclosureTable, row: number, col: number) => t.rows[row]!.cells[col] as string;
const amount = (t: DisclosureTable, row: number, col: number) => (t.rows[row]!.cells[col] as number | null) ?? 0;
const department = (b: Budget) => disclosures(b, "central9")[0]!;

/** The numerals a column prints before its labels ("一、" → 1, "（二）" → 2), in order. */
function numerals(labels: readonly string[], pattern: RegExp): number[] {
  const out: number[] = [];
  for (const l of labels) {
    const m = pattern.exec(l);
    if (m) out.push([...Array(60).keys()].map((i) => chineseNumber(i + 1)).indexOf(m[1]!) + 1);
  }
  return out;
}

describe("central 9: the sample", async () => {
  const sample = await sampleBudget();
  const d = department(sample);

  it("table 1 numbers the 类 it lists in sequence", () => {
    const t = table(d, "c1");
    const labels = t.rows.map((r) => r.cells[2] as string);
    expect(numerals(labels, /^([一二三四五六七八九十]+)、/)).toEqual([1, 2, 3, 4, 5]);
    expect(labels.slice(0, 5)).toEqual(["一、一般公共服务支出", "二、科学技术支出", "三、社会保障和就业支出", "四、卫生健康支出", "五、住房保障支出"]);
  });

  it("table 4 prints 本年收入 and 上年结转, 本年支出 by 类 and 结转下年", () => {
    const t = table(d, "c4");
    const left = t.rows.map((r) => r.cells[0] as string);
    const right = t.rows.map((r) => r.cells[2] as string);
    expect(left).toEqual(["一、本年收入", "（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款", "二、上年结转", "（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款", "收 入 总 计"]);
    expect(right).toEqual(["一、本年支出", "（一）一般公共服务支出", "（二）科学技术支出", "（三）社会保障和就业支出", "（四）卫生健康支出", "（五）住房保障支出", "二、结转下年", "", "支 出 总 计"]);
    expect(amount(t, 0, 1)).toBe(4_117_910_000);
    expect(amount(t, 0, 3)).toBe(4_117_910_000);
    expect(amount(t, 8, 3)).toBe(4_117_910_000);
    // the blocks' headings are bold, their items indented, on each side
    expect(t.rows[0]!.styles?.[0]).toEqual({ bold: true });
    expect(t.rows[1]!.styles?.[0]).toEqual({ indent: 1 });
    expect(t.rows[1]!.styles?.[2]).toEqual({ indent: 1 });
    expect(t.rows[4]!.styles?.[0]).toEqual({ bold: true });
    expect(t.rows[4]!.styles?.[2]).toEqual({ indent: 1 });
  });

  it("table 6 prints national 款 only: 30104 年度目标考核奖 is in 30103 奖金", () => {
    const t = table(d, "c6");
    const codes = t.rows.map((r) => r.cells[0] as string);
    const local = henanLocal2021.entries.filter((e) => e.code.length === 5).map((e) => e.code);
    expect(local).toContain("30104");
    for (const c of local) expect(codes).not.toContain(c);
    const at = codes.indexOf("30103");
    expect(text(t, at, 1)).toBe("奖金");
    expect(amount(t, at, 2)).toBe(38_870_000 + 8_770_000);
    // the class total still adds up: 301 = its 款
    const cls = codes.indexOf("301");
    const sections = t.rows.filter((r) => (r.cells[0] as string).startsWith("301") && (r.cells[0] as string).length === 5);
    expect(sections.reduce((s, r) => s + ((r.cells[2] as number | null) ?? 0), 0)).toBe(amount(t, cls, 2));
    // Henan's own table 11 keeps the local 款: folding is the national layout's, not the data's
    const henan = disclosures(sample, "henan13")[0]!.tables.find((x) => x.id === "t11")!;
    expect(henan.rows.some((r) => r.cells.includes("30104"))).toBe(true);
  });

  it("the catalog maps the local 款 to its national one, and a national 款 to itself", () => {
    expect(catalog2021.nationalEconomicSection("30104")).toBe("30103");
    expect(catalog2021.nationalEconomicSection("3010201")).toBe("30102");
    expect(catalog2021.nationalEconomicSection("30201")).toBe("30201");
  });

  it('the "三公" table prints last year\'s figures where the data has them, zeros included', () => {
    const t = table(d, "c7");
    expect(t.rows.map((r) => r.cells[0])).toEqual(["2020年预算数", "2021年预算数"]);
    for (const r of t.rows) expect(r.cells.slice(1)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe("central 9: generated budgets (property)", () => {
  it("table 4: 本年支出 = its 类, 支出总计 = 本年支出 + 结转下年; 类 numbered in sequence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (seed, jiangsu) => {
        const b = generateBudget(seed, {}, { jiangsu });
        for (const d of disclosures(b, "central9")) {
          const t = table(d, "c4");
          const right = t.rows.map((r) => r.cells[2] as string);
          const thisYear = right.indexOf("一、本年支出");
          const forward = right.indexOf("二、结转下年");
          const total = t.rows.length - 1;
          expect(thisYear).toBe(0);
          const classes = right.slice(thisYear + 1, forward);
          expect(numerals(classes, /^（([一二三四五六七八九十]+)）/)).toEqual(classes.map((_, i) => i + 1));
          for (let c = 3; c <= 6; c++) {
            const items = classes.reduce((s, _, i) => s + amount(t, thisYear + 1 + i, c), 0);
            expect(items, `${d.scope.code} column ${c}`).toBe(amount(t, thisYear, c));
            expect(amount(t, thisYear, c) + amount(t, forward, c)).toBe(amount(t, total, c));
          }
          // without Jiangsu's 结转下年资金 there is nothing to carry forward
          if (!jiangsu) expect(amount(t, forward, 3)).toBe(0);
          const numbered = table(d, "c1").rows.map((r) => r.cells[2] as string);
          const ns = numerals(numbered, /^([一二三四五六七八九十]+)、/);
          expect(ns).toEqual(ns.map((_, i) => i + 1));
        }
      }),
      { numRuns: 15 },
    );
  });
});
