/**
 * Jiangsu's provincial layout in the model: 单位预留机动经费 (reserve) and 结转下年资金 (carry-forward) beside 基本支出
 * and 项目支出, and its income lines (财政拨款, 财政专户管理资金, 其他资金 with 债务资金, 上年结转资金). A test budget in
 * the shape of a published Jiangsu department's (test/fixtures/jiangsu-sample-2021, its header says what it
 * follows) goes through the rules, both table layouts, the narrative, the budget file and the entry workbook.
 * The equalities over generated budgets with these values are in derive.property.test.ts.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import { FUNDING_SOURCES, INCOME_LINES, INCOME_LINE_SOURCES, NATURES, NATURE_NAMES, type Budget, incomeLineOf } from "../src/core/model.ts";
import { fen } from "../src/core/money.ts";
import { checkBudget } from "../src/core/rules/index.ts";
import type { DisclosureTable, Row } from "../src/core/table.ts";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { parseBudgetText, readBudget } from "../src/formats/budget-file/read.ts";
import { parseEntryWorkbook, writeEntryWorkbook } from "../src/formats/entry-workbook/index.ts";
import { InputError } from "../src/formats/errors.ts";
import { arbJiangsuBudget } from "./support/generate.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);
const wan = (n: number) => fen(Math.round(n * 1_000_000)); // 万元 → 分

let budget: Budget;
let henan: Disclosure;
let central: Disclosure;
beforeAll(async () => {
  ({ budget } = await readBudget("test/fixtures/jiangsu-sample-2021"));
  henan = deriveAll(budget, catalog)[0]!;
  central = deriveAll(budget, catalog, "central9")[0]!;
});

function table(d: Disclosure, id: string): DisclosureTable {
  return d.tables.find((t) => t.id === id)!;
}
function cell(t: DisclosureTable, row: Row, key: string): unknown {
  return row.cells[t.columns.findIndex((c) => c.key === key)];
}
function rowOf(t: DisclosureTable, key: string, label: string): Row {
  const hits = t.rows.filter((r) => cell(t, r, key) === label);
  expect(hits, `${t.id}: rows "${label}"`).toHaveLength(1);
  return hits[0]!;
}

describe("the vocabulary", () => {
  it("puts every funding source under exactly one of Jiangsu's income lines", () => {
    for (const s of FUNDING_SOURCES) {
      const lines = INCOME_LINES.filter((l) => INCOME_LINE_SOURCES[l].includes(s));
      expect(lines, s).toHaveLength(1);
      expect(incomeLineOf(s)).toBe(lines[0]);
    }
    expect(incomeLineOf("debt")).toBe("other-funds");
    expect(incomeLineOf("carry-over")).toBe("carry-over");
  });
  it("names the four uses in print order", () => {
    expect(NATURES.map((n) => NATURE_NAMES[n])).toEqual(["基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]);
  });
});

describe("a Jiangsu-shaped budget", () => {
  it("reads 单位预留机动经费, 结转下年, 上年结转资金 and 债务资金（银行贷款） from the file", () => {
    const natures = new Set(budget.lineItems.map((l) => l.nature));
    expect([...natures].sort()).toEqual(["basic", "carry-forward", "project", "reserve"]);
    expect(budget.income!.map((i) => i.source)).toEqual(["gpb-appropriation", "other", "debt", "carry-over"]);
  });

  it("passes the rules: no error or warning", () => {
    const serious = checkBudget(budget, catalog).filter((f) => f.severity !== "info");
    expect(serious.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("table 1 prints the reserve and the carry-forward once each, and 支出合计 = 收入合计 counts them once", () => {
    const t = table(henan, "t01");
    const reserve = rowOf(t, "expenseItem", "三、单位预留机动经费");
    const carry = rowOf(t, "expenseItem", "结转下年资金");
    expect(cell(t, reserve, "total")).toBe(wan(1685.72));
    expect(cell(t, carry, "total")).toBe(wan(60));
    const basic = rowOf(t, "expenseItem", "一、基本支出");
    const project = rowOf(t, "expenseItem", "二、项目支出");
    expect(cell(t, basic, "total")).toBe(wan(8277.76));
    expect(cell(t, project, "total")).toBe(wan(6383.96));
    const total = rowOf(t, "expenseItem", "支出合计");
    expect(cell(t, total, "total")).toBe(wan(16407.44));
    expect(cell(t, total, "incomeAmount")).toBe(wan(16407.44));
    expect(wan(8277.76) + wan(6383.96) + wan(1685.72) + wan(60)).toBe(wan(16407.44));
    expect(cell(t, total, "debt")).toBe(wan(50));
    expect(cell(t, rowOf(t, "incomeItem", "加：部门财政性资金结转"), "incomeAmount")).toBe(wan(80));
  });

  it("tables 3, 5 and 6 print a column for each, where their money has it", () => {
    const t3 = table(henan, "t03");
    const grand = rowOf(t3, "name", "合计");
    expect(cell(t3, grand, "reserve")).toBe(wan(1685.72));
    expect(cell(t3, grand, "carry-forward")).toBe(wan(60));
    const t5 = table(henan, "t05"); // 一般公共预算: the reserve and the carry-forward are both 财政拨款 here
    expect(t5.columns.map((c) => c.key)).toContain("reserve");
    const t6 = table(henan, "t06");
    const all = rowOf(t6, "name", "合计");
    expect(cell(t6, all, "total")).toBe(wan(16407.44));
    expect(cell(t6, all, "reserve")).toBe(wan(1685.72));
    // the budget without them prints none of these columns (the sample's golden files hold the rest)
    const plain = { ...budget, income: undefined, lineItems: budget.lineItems.filter((l) => l.nature === "basic" || l.nature === "project") };
    const [d] = deriveAll(plain, catalog);
    for (const id of ["t03", "t05", "t06"]) expect(table(d!, id).columns.map((c) => c.key)).not.toContain("reserve");
    expect(table(d!, "t01").rows.some((r) => cell(table(d!, "t01"), r, "expenseItem") === "三、单位预留机动经费")).toBe(false);
  });

  it("basic-expenditure tables and “三公” leave the reserve out", () => {
    expect(henan.figures.basic).toBe(wan(8277.76));
    expect(henan.figures.reserve).toBe(wan(1685.72));
    expect(henan.figures.carryForward).toBe(wan(60));
    // the reserve is under 30101 and 行政运行, yet 人员经费 counts basic lines only
    expect(henan.figures.personnel + henan.figures.publicFunds).toBe(henan.figures.gpbBasic);
    expect(henan.figures.gpbBasic).toBe(wan(8277.76 - 14.39));
  });

  it("the central layout's 收支总表 puts 结转下年 on its own row under 本年支出合计", () => {
    const t = table(central, "c1");
    expect(cell(t, rowOf(t, "expenseItem", "本年支出合计"), "expenseAmount")).toBe(wan(16347.44));
    expect(cell(t, rowOf(t, "expenseItem", "结转下年"), "expenseAmount")).toBe(wan(60));
    expect(cell(t, rowOf(t, "expenseItem", "支 出 总 计"), "expenseAmount")).toBe(wan(16407.44));
    expect(cell(t, rowOf(t, "incomeItem", "上年结转"), "incomeAmount")).toBe(wan(80));
    const t3 = table(central, "c3");
    expect(t3.columns.map((c) => c.key)).toEqual(["code", "name", "total", "basic", "project", "reserve", "carry-forward"]);
  });

  it("the narrative states each, with its share, and explains the terms", () => {
    const paragraphs = henan.narrative.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs));
    expect(paragraphs).toContain(
      "江苏省人大常委会办公厅2021年支出合计16407.44万元，其中：基本支出8277.76万元，占50.45%；项目支出6383.96万元，占38.91%；单位预留机动经费1685.72万元，占10.27%；结转下年资金60.00万元，占0.37%。",
    );
    expect(paragraphs.some((p) => p.includes("债务资金收入50.00万元，占0.30%"))).toBe(true);
    expect(paragraphs).toContain("九、单位预留机动经费：是指预算单位年初预留用于年度执行中增人、增资等不可预见支出的经费。");
    expect(paragraphs.some((p) => p.startsWith("十、结转下年资金："))).toBe(true);
  });
});

describe("round trips", () => {
  it("budget file: model → YAML and JSON → model gives the same budget", () => {
    const file = budgetToFile(budget);
    expect(parseBudgetText(stringify(file), "x.yaml", "yaml")).toEqual(budget);
    expect(parseBudgetText(JSON.stringify(file), "x.json", "json")).toEqual(budget);
  });

  it("entry workbook: model → XLSX → model gives the same budget", async () => {
    const back = await parseEntryWorkbook(await writeEntryWorkbook(budget, builtInCatalog(2021)!), "jiangsu.xlsx");
    expect(back).toEqual(budget);
  });

  it("entry workbook, over generated Jiangsu-style budgets: the same budget back (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbJiangsuBudget, async (b) => {
        // a sheet writes no row for an empty map (reasons: {}, byClass: {}): an empty map and none are one budget
        expect(withoutEmptyMaps(await parseEntryWorkbook(await writeEntryWorkbook(b, builtInCatalog(2021)!), "g.xlsx"))).toEqual(withoutEmptyMaps(b));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it("a nature outside the list is refused with the allowed values, Chinese first, naming the field", () => {
    const minimal = `year: 2021
department: { code: "901", name: 测试部门 }
units:
  - { code: "901001", name: 测试单位, type: 行政 }
lineItems:
  - { unit: "901001", functional: "2010101", economic: "30101", nature: 机动, source: 财政拨款, amount: 100 }
profile: { duties: [], organisation: "" }
`;
    const error = (() => {
      try {
        parseBudgetText(minimal, "budget.yaml", "yaml");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    const [p] = (error as InputError).problems;
    expect(p!.field).toBe("lineItems[0].nature");
    expect(p!.where).toBe("第6行 / line 6");
    expect(p!.message).toMatch(/^未知的支出性质 nature \/ unknown 支出性质 nature: "机动"；可用 \/ allowed: .*单位预留机动经费.*结转下年资金/);
    // the short names and the full ones are both accepted
    for (const [text, nature] of [["预留机动", "reserve"], ["单位预留机动经费", "reserve"], ["结转下年", "carry-forward"], ["结转下年资金", "carry-forward"]] as const) {
      expect(parseBudgetText(minimal.replace("nature: 机动", `nature: ${text}`), "b.yaml", "yaml").lineItems[0]!.nature).toBe(nature);
    }
  });
});

/** `value` with every empty object (not array) left out, recursively. */
function withoutEmptyMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyMaps);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const w = withoutEmptyMaps(v);
    if (w !== undefined && !(typeof w === "object" && w !== null && !Array.isArray(w) && Object.keys(w).length === 0)) out[k] = w;
  }
  return out;
}
