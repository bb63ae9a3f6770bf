/**
 * Property tests of the derivation: for any generated budget, in the department's disclosure and in
 * each unit's, the 13 tables add up within themselves, agree with each other (domain.md §5) and agree
 * with sums taken directly over the line items. Amounts are compared in exact 分; an empty cell is 0.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import type { Budget, LineItem, Unit } from "../src/core/model.ts";
import {
  FUNDING_SOURCES,
  FUNDING_SOURCE_NAMES,
  GENERAL_PUBLIC_BUDGET_SOURCES,
  isAdministrativeLike,
} from "../src/core/model.ts";
import { formatWanYuan, fen } from "../src/core/money.ts";
import type { DisclosureTable, Row, RowKind } from "../src/core/table.ts";
import { disclosureToJson } from "../src/formats/json.ts";
import { DEFAULT_SIZE, arbBudget, arbBudgetOfSize, arbJiangsuBudget } from "./support/generate.ts";
import { isAppropriation, isGeneralPublicBudget } from "./support/reference-figures.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);
/** 100 runs per property by default; YUSUAN_PROPERTY_RUNS=5000 hunts longer, YUSUAN_PROPERTY_SIZE=default on full-size budgets. */
const RUNS = { numRuns: Number(process.env.YUSUAN_PROPERTY_RUNS ?? 100) };
/** Henan-style budgets and, as often, Jiangsu-style ones (单位预留机动经费, 结转下年资金, 债务资金): every equality holds for both. */
const budgets = fc.oneof(
  process.env.YUSUAN_PROPERTY_SIZE === "default" ? arbBudgetOfSize(DEFAULT_SIZE) : arbBudget,
  process.env.YUSUAN_PROPERTY_SIZE === "default" ? arbBudgetOfSize(DEFAULT_SIZE, { jiangsu: true }) : arbJiangsuBudget,
);

/** Jiangsu's uses beside 基本 and 项目: a table-3 layout column each (when printed), their own rows in table 1. */
const OTHER_USES = ["reserve", "carry-forward"] as const;

// ── Helpers: tables by id, columns by key, rows by label/kind; null reads as 0 ─────────────────

const GPB: readonly string[] = GENERAL_PUBLIC_BUDGET_SOURCES;
const SOURCE_KEYS: ReadonlySet<string> = new Set(FUNDING_SOURCES);

function table(d: Disclosure, id: string): DisclosureTable {
  const t = d.tables.find((x) => x.id === id);
  if (!t) throw new Error(`${d.scope.code}: no table ${id}`);
  return t;
}

function col(t: DisclosureTable, key: string): number {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${t.id}: no column "${key}" (has ${t.columns.map((c) => c.key).join(", ")})`);
  return i;
}

function moneyKeys(t: DisclosureTable): string[] {
  return t.columns.filter((c) => c.kind === "money").map((c) => c.key);
}

/** A money cell as exact 分: an empty cell (zero prints as null) is 0; text in a money cell is an error. */
function num(t: DisclosureTable, row: Row, key: string): number {
  const c = row.cells[col(t, key)];
  if (c === null || c === undefined) return 0;
  if (typeof c !== "number") throw new Error(`${t.id}: cell "${key}" holds text "${c}"`);
  return c;
}

function str(t: DisclosureTable, row: Row, key: string): string {
  const c = row.cells[col(t, key)];
  return typeof c === "string" ? c : "";
}

/** The one row whose `key` cell reads `label` (and of `kind`, when given). */
function rowWhere(t: DisclosureTable, key: string, label: string, kind?: RowKind): Row {
  const hits = t.rows.filter((r) => str(t, r, key) === label && (!kind || r.kind === kind));
  if (hits.length !== 1) throw new Error(`${t.id}: ${hits.length} rows with ${key}="${label}"${kind ? ` (${kind})` : ""}`);
  return hits[0]!;
}

/** Sum of `key` over rows (0 for none). */
function sumRows(t: DisclosureTable, rows: readonly Row[], key: string): number {
  return rows.reduce((s, r) => s + num(t, r, key), 0);
}

function sumLines(lines: readonly LineItem[], pred: (l: LineItem) => boolean = () => true): number {
  let s = 0;
  for (const l of lines) if (pred(l)) s += l.amount;
  return s;
}

/** The table-2/3 layout: rows after each unit row until the next belong to that unit. */
function unitGroups(t: DisclosureTable): { unit: Row; details: Row[] }[] {
  const groups: { unit: Row; details: Row[] }[] = [];
  for (const r of t.rows) {
    if (r.kind === "unit") groups.push({ unit: r, details: [] });
    else if (r.kind === "detail") {
      const g = groups[groups.length - 1];
      if (!g) throw new Error(`${t.id}: a detail row before any unit row`);
      g.details.push(r);
    }
  }
  return groups;
}

/** 小计 (or class) rows each followed by their detail rows. */
function subtotalGroups(t: DisclosureTable): { head: Row; details: Row[] }[] {
  const groups: { head: Row; details: Row[] }[] = [];
  for (const r of t.rows) {
    if (r.kind === "subtotal") groups.push({ head: r, details: [] });
    else if (r.kind === "detail") {
      const g = groups[groups.length - 1];
      if (!g) throw new Error(`${t.id}: a detail row before any subtotal row`);
      g.details.push(r);
    }
  }
  return groups;
}

/** The expenditure (right-hand) money columns of the balance tables 1 and 4: every money column but the income amount. */
function expenseKeys(t: DisclosureTable): string[] {
  return moneyKeys(t).filter((k) => k !== "incomeAmount");
}

/** Every money column of `parent` equals the sum of that column over `children`. */
function expectAddsUp(t: DisclosureTable, parent: Row, children: readonly Row[], what: string, keys: readonly string[] = moneyKeys(t)): void {
  for (const key of keys) {
    expect(sumRows(t, children, key), `${t.id} ${what}: column ${key}`).toBe(num(t, parent, key));
  }
}

/** 一般公共预算 小计 = its five sub-sources; 合计 = 小计 + every other source column. */
function expectSourceRow(t: DisclosureTable, row: Row, totalKey: string, what: string): void {
  const gpb = GPB.reduce((s, k) => s + num(t, row, k), 0);
  expect(num(t, row, "gpb"), `${t.id} ${what}: 一般公共预算 小计`).toBe(gpb);
  const others = t.columns.filter((c) => SOURCE_KEYS.has(c.key) && !GPB.includes(c.key)).reduce((s, c) => s + num(t, row, c.key), 0);
  expect(num(t, row, totalKey), `${t.id} ${what}: 合计 = sources`).toBe(gpb + others);
}

interface ScopeCase {
  d: Disclosure;
  lines: LineItem[];
  units: Unit[];
}

/** The department's disclosure and each unit's, with the lines and units each covers. */
function scopes(b: Budget): ScopeCase[] {
  const all = deriveAll(b, catalog);
  return all.map((d, i) => {
    if (i === 0) return { d, lines: b.lineItems, units: b.units };
    const unit = b.units[i - 1]!;
    expect(d.scope.code).toBe(unit.code);
    return { d, lines: b.lineItems.filter((l) => l.unit === unit.code), units: [unit] };
  });
}

function forEveryScope(check: (s: ScopeCase, b: Budget) => void): void {
  fc.assert(
    fc.property(budgets, (b) => {
      for (const s of scopes(b)) check(s, b);
    }),
    RUNS,
  );
}

// ── The table-3 layout (tables 3, 5, 8, 10) ─────────────────────────────────────────────────

function checkFunctionLayout(t: DisclosureTable, lines: readonly LineItem[]): void {
  const total = sumLines(lines);
  if (lines.every((l) => l.amount === 0)) {
    expect(t.empty, `${t.id} empty`).toBe(true);
    expect(t.rows).toHaveLength(0);
    return;
  }
  expect(t.empty).toBe(false);
  const grand = rowWhere(t, "name", "合计", "total");
  expect(num(t, grand, "total"), `${t.id} 合计`).toBe(total);
  expect(num(t, grand, "basic"), `${t.id} 合计 基本支出`).toBe(sumLines(lines, (l) => l.nature === "basic"));
  expect(num(t, grand, "project"), `${t.id} 合计 项目支出`).toBe(sumLines(lines, (l) => l.nature === "project"));
  const basicKeys = t.columns.filter((c) => c.key.startsWith("basic-")).map((c) => c.key);
  const projectKeys = t.columns.filter((c) => c.key.startsWith("project-")).map((c) => c.key);
  // 单位预留机动经费 and 结转下年资金: a column where the lines have them, none otherwise
  const others = OTHER_USES.filter((u) => t.columns.some((c) => c.key === u));
  for (const u of OTHER_USES) {
    if (others.includes(u)) expect(num(t, grand, u), `${t.id} 合计 ${u}`).toBe(sumLines(lines, (l) => l.nature === u));
    else expect(lines.some((l) => l.nature === u && l.amount !== 0), `${t.id}: ${u} lines without a column`).toBe(false);
  }
  for (const r of t.rows) {
    const what = `row ${str(t, r, "unitCode")} ${str(t, r, "name")}`;
    const rest = others.reduce((s, u) => s + num(t, r, u), 0);
    expect(num(t, r, "total"), `${t.id} ${what}: 合计 = 基本 + 项目 + 预留机动 + 结转下年`).toBe(num(t, r, "basic") + num(t, r, "project") + rest);
    expect(num(t, r, "basic"), `${t.id} ${what}: 基本 小计 = classes`).toBe(basicKeys.reduce((s, k) => s + num(t, r, k), 0));
    expect(num(t, r, "project"), `${t.id} ${what}: 项目 小计 = classes`).toBe(projectKeys.reduce((s, k) => s + num(t, r, k), 0));
  }
  for (const key of basicKeys) {
    const cls = key.slice("basic-".length);
    expect(num(t, grand, key), `${t.id} 合计 ${key}`).toBe(sumLines(lines, (l) => l.nature === "basic" && l.economic.startsWith(cls)));
  }
  const groups = unitGroups(t);
  expectAddsUp(t, grand, groups.map((g) => g.unit), "unit rows → 合计");
  for (const g of groups) {
    const unit = str(t, g.unit, "unitCode");
    expect(num(t, g.unit, "total"), `${t.id} unit ${unit}`).toBe(sumLines(lines, (l) => l.unit === unit));
    expectAddsUp(t, g.unit, g.details, `functional rows → unit ${unit}`);
    for (const r of g.details) {
      const functional = str(t, r, "class") + str(t, r, "section") + str(t, r, "item");
      expect(num(t, r, "total"), `${t.id} ${unit} ${functional}`).toBe(sumLines(lines, (l) => l.unit === unit && l.functional === functional));
    }
  }
}

/** 合计 of a table-3 layout table; an empty table is 0. */
function layoutTotal(t: DisclosureTable, key: "total" | "basic" | "project" = "total"): number {
  return t.empty ? 0 : num(t, rowWhere(t, "name", "合计", "total"), key);
}

// ── Properties ──────────────────────────────────────────────────────────────────────────────

describe("generated budgets", () => {
  it("are valid: catalog codes, projects of the same unit, positive amounts", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const units = new Set(b.units.map((u) => u.code));
        expect(units.size).toBe(b.units.length);
        const projects = new Map(b.projects.map((p) => [p.code, p]));
        expect(projects.size).toBe(b.projects.length);
        for (const p of b.projects) expect(units.has(p.unit)).toBe(true);
        for (const l of b.lineItems) {
          expect(units.has(l.unit)).toBe(true);
          expect(l.functional).toMatch(/^\d{7}$/);
          expect(catalog.functionalEntry(l.functional), l.functional).toBeDefined();
          expect(catalog.departmentEconomicEntry(l.economic), l.economic).toBeDefined();
          expect(Number.isSafeInteger(l.amount) && l.amount > 0).toBe(true);
          if (l.nature === "project") expect(projects.get(l.project ?? "")?.unit).toBe(l.unit);
          else expect(l.project).toBeUndefined();
        }
      }),
      RUNS,
    );
  });
});

describe("table 1 部门收支总体情况表", () => {
  it("收入合计 = 支出合计 = all lines; 基本/项目 rows = their lines; each row's 合计 = its sources", () => {
    forEveryScope(({ d, lines }) => {
      const t = table(d, "t01");
      const all = sumLines(lines);
      const total = rowWhere(t, "expenseItem", "支出合计", "total");
      expect(num(t, total, "incomeAmount"), "收入合计").toBe(all);
      expect(num(t, total, "total"), "支出合计").toBe(all);
      for (const s of FUNDING_SOURCES) {
        if (t.columns.some((c) => c.key === s)) expect(num(t, total, s), `支出合计 ${s}`).toBe(sumLines(lines, (l) => l.source === s));
        else expect(sumLines(lines, (l) => l.source === s), `a source without a column: ${s}`).toBe(0);
      }
      const basic = rowWhere(t, "expenseItem", "一、基本支出");
      const project = rowWhere(t, "expenseItem", "二、项目支出");
      expect(num(t, basic, "total"), "基本支出").toBe(sumLines(lines, (l) => l.nature === "basic"));
      expect(num(t, project, "total"), "项目支出").toBe(sumLines(lines, (l) => l.nature === "project"));
      // the class rows between the two headings add to them
      const right = t.rows.filter((r) => str(t, r, "expenseItem") !== "" && r !== total);
      const bi = right.indexOf(basic);
      const pi = right.indexOf(project);
      expect(bi).toBe(0);
      // 单位预留机动经费 and 结转下年资金 rows, after the project classes, only where the lines have them
      const reserveRows = t.rows.filter((r) => str(t, r, "expenseItem") === "三、单位预留机动经费");
      const carryRows = t.rows.filter((r) => str(t, r, "expenseItem") === "结转下年资金");
      const reserve = sumLines(lines, (l) => l.nature === "reserve");
      const carry = sumLines(lines, (l) => l.nature === "carry-forward");
      expect(reserveRows.length, "单位预留机动经费 row").toBe(lines.some((l) => l.nature === "reserve" && l.amount !== 0) ? 1 : 0);
      expect(carryRows.length, "结转下年资金 row").toBe(lines.some((l) => l.nature === "carry-forward" && l.amount !== 0) ? 1 : 0);
      const others = [...reserveRows, ...carryRows];
      if (reserveRows[0]) expect(num(t, reserveRows[0], "total"), "单位预留机动经费").toBe(reserve);
      if (carryRows[0]) expect(num(t, carryRows[0], "total"), "结转下年资金").toBe(carry);
      // 支出合计 counts each use once: 基本 + 项目 + 预留机动 + 结转下年, in every source column
      expectAddsUp(t, total, [basic, project, ...others], "uses → 支出合计", expenseKeys(t).filter((k) => k !== "incomeAmount"));
      expectAddsUp(t, basic, right.slice(bi + 1, pi), "basic classes → 基本支出", expenseKeys(t));
      expectAddsUp(t, project, right.slice(pi + 1).filter((r) => !others.includes(r)), "project classes → 项目支出", expenseKeys(t));
      for (const r of [...right, total]) expectSourceRow(t, r, "total", str(t, r, "expenseItem"));
      // income side: 一般公共预算 = its five; 本年收入小计 + 结转 = 收入合计
      const income = (label: string) => num(t, rowWhere(t, "incomeItem", label), "incomeAmount");
      expect(income("一般公共预算")).toBe(GENERAL_PUBLIC_BUDGET_SOURCES.reduce((s, k) => s + income(FUNDING_SOURCE_NAMES[k]), 0));
      expect(income("本年收入小计") + income("加：部门财政性资金结转")).toBe(num(t, total, "incomeAmount"));
    });
  });
});

describe("table 2 部门收入总体情况表", () => {
  it("合计 = lines; unit rows add to 合计; functional rows add to their unit; 合计 = sources", () => {
    forEveryScope(({ d, lines }) => {
      const t = table(d, "t02");
      const grand = rowWhere(t, "name", "合计", "total");
      expect(num(t, grand, "total"), "合计").toBe(sumLines(lines));
      const groups = unitGroups(t);
      expectAddsUp(t, grand, groups.map((g) => g.unit), "unit rows → 合计");
      for (const g of groups) {
        const unit = str(t, g.unit, "unitCode");
        expect(num(t, g.unit, "total"), `unit ${unit}`).toBe(sumLines(lines, (l) => l.unit === unit));
        expectAddsUp(t, g.unit, g.details, `functional rows → unit ${unit}`);
        for (const r of g.details) {
          const functional = str(t, r, "class") + str(t, r, "section") + str(t, r, "item");
          expect(num(t, r, "total"), `${unit} ${functional}`).toBe(sumLines(lines, (l) => l.unit === unit && l.functional === functional));
        }
      }
      for (const r of t.rows) expectSourceRow(t, r, "total", `${str(t, r, "unitCode")} ${str(t, r, "name")}`);
    });
  });
});

describe("table 3 部门支出总体情况表", () => {
  it("合计 = lines; units add up; 合计 = 基本 + 项目; 小计 = their class columns", () => {
    forEveryScope(({ d, lines }) => checkFunctionLayout(table(d, "t03"), lines));
  });
});

describe("tables 5, 8, 10 (table-3 layout by budget)", () => {
  it("each adds up like table 3 over its own money", () => {
    forEveryScope(({ d, lines }) => {
      checkFunctionLayout(table(d, "t05"), lines.filter((l) => isGeneralPublicBudget(l.source)));
      checkFunctionLayout(table(d, "t08"), lines.filter((l) => l.source === "government-fund"));
      checkFunctionLayout(table(d, "t10"), lines.filter((l) => l.source === "state-capital"));
    });
  });
});

describe("table 4 财政拨款收支总体情况表", () => {
  it("支出合计 = 类 rows = appropriation lines = 收入合计; every 类 listed", () => {
    forEveryScope(({ d, lines }) => {
      const t = table(d, "t04");
      const last = t.rows[t.rows.length - 1]!;
      expect(last.kind).toBe("total");
      expect(str(t, last, "expenseItem")).toBe("支出合计");
      const classRows = t.rows.slice(0, -1).filter((r) => str(t, r, "expenseItem") !== "");
      expect(classRows.length).toBe(catalog.functionalClasses().length);
      const approp = sumLines(lines, (l) => isAppropriation(l.source));
      expect(num(t, last, "total"), "支出合计").toBe(approp);
      expect(num(t, last, "incomeAmount"), "收入合计").toBe(approp);
      expectAddsUp(t, last, classRows, "类 rows → 支出合计", expenseKeys(t));
      expect(num(t, last, "government-fund")).toBe(sumLines(lines, (l) => l.source === "government-fund"));
      expect(num(t, last, "state-capital")).toBe(sumLines(lines, (l) => l.source === "state-capital"));
      for (const r of [...classRows, last]) expectSourceRow(t, r, "total", str(t, r, "expenseItem"));
    });
  });
});

describe("tables 5 + 8 + 10 against tables 1, 4 and 11", () => {
  it("5 + 8 + 10 = table 4; table 5 = 一般公共预算 of table 1; table 11 = table 5's 基本支出, 人员/公用 split by class", () => {
    forEveryScope(({ d, lines }) => {
      const t1 = table(d, "t01");
      const t4 = table(d, "t04");
      const t5 = table(d, "t05");
      const t8 = table(d, "t08");
      const t10 = table(d, "t10");
      const t11 = table(d, "t11");
      const t4total = num(t4, t4.rows[t4.rows.length - 1]!, "total");
      expect(layoutTotal(t5) + layoutTotal(t8) + layoutTotal(t10), "5 + 8 + 10 = 4").toBe(t4total);
      expect(layoutTotal(t5), "table 5 = table 1 一般公共预算").toBe(num(t1, rowWhere(t1, "expenseItem", "支出合计"), "gpb"));
      expect(layoutTotal(t5, "basic"), "table 5 基本 = table 1 基本 一般公共预算").toBe(num(t1, rowWhere(t1, "expenseItem", "一、基本支出"), "gpb"));
      expect(layoutTotal(t5, "project"), "table 5 项目 = table 1 项目 一般公共预算").toBe(num(t1, rowWhere(t1, "expenseItem", "二、项目支出"), "gpb"));

      const gpbBasic = (l: LineItem) => l.nature === "basic" && isGeneralPublicBudget(l.source);
      const personnel = sumLines(lines, (l) => gpbBasic(l) && (l.economic.startsWith("301") || l.economic.startsWith("303")));
      const publicFunds = sumLines(lines, (l) => gpbBasic(l) && !(l.economic.startsWith("301") || l.economic.startsWith("303")));
      if (personnel === 0 && publicFunds === 0) {
        expect(t11.empty).toBe(true);
        expect(t11.rows).toHaveLength(0);
        return;
      }
      const grand = rowWhere(t11, "deptCode", "总计", "total");
      expect(num(t11, grand, "total"), "table 11 总计 = table 5 基本支出").toBe(layoutTotal(t5, "basic"));
      expect(num(t11, grand, "personnel"), "人员经费 = 301 + 303").toBe(personnel);
      expect(num(t11, grand, "public"), "公用经费 = the rest").toBe(publicFunds);
      const groups = subtotalGroups(t11);
      expectAddsUp(t11, grand, groups.map((g) => g.head), "小计 rows → 总计");
      for (const g of groups) expectAddsUp(t11, g.head, g.details, `details → 小计 ${str(t11, g.head, "govCode")}`);
      for (const r of t11.rows) {
        expect(num(t11, r, "total")).toBe(num(t11, r, "personnel") + num(t11, r, "public"));
        if (r.kind === "detail") {
          const dept = str(t11, r, "deptCode");
          const personnelCode = dept.startsWith("301") || dept.startsWith("303");
          expect(num(t11, r, personnelCode ? "public" : "personnel"), `${dept} on the wrong side`).toBe(0);
        }
      }
    });
  });
});

describe("table 6 支出预算分类汇总表（按经济分类）", () => {
  it("合计 = all lines; class rows = their 款 rows", () => {
    forEveryScope(({ d, lines }) => {
      const t = table(d, "t06");
      if (lines.length === 0) {
        expect(t.empty).toBe(true);
        return;
      }
      const grand = rowWhere(t, "name", "合计", "total");
      expect(num(t, grand, "total")).toBe(sumLines(lines));
      expect(num(t, grand, "basic")).toBe(sumLines(lines, (l) => l.nature === "basic"));
      expect(num(t, grand, "project")).toBe(sumLines(lines, (l) => l.nature === "project"));
      const groups = subtotalGroups(t);
      expectAddsUp(t, grand, groups.map((g) => g.head), "class rows → 合计");
      for (const g of groups) {
        const cls = str(t, g.head, "class");
        expect(num(t, g.head, "total"), `class ${cls}`).toBe(sumLines(lines, (l) => l.economic.startsWith(cls)));
        expectAddsUp(t, g.head, g.details, `款 rows → class ${cls}`);
        for (const r of g.details) {
          const section = cls + str(t, r, "section");
          expect(num(t, r, "total"), `款 ${section}`).toBe(sumLines(lines, (l) => l.economic.slice(0, 5) === section));
        }
      }
      const others = OTHER_USES.filter((u) => t.columns.some((c) => c.key === u));
      for (const u of OTHER_USES) {
        if (others.includes(u)) expect(num(t, grand, u), `合计 ${u}`).toBe(sumLines(lines, (l) => l.nature === u));
        else expect(lines.some((l) => l.nature === u && l.amount !== 0), `${u} lines without a column`).toBe(false);
      }
      for (const r of t.rows) expect(num(t, r, "total")).toBe(num(t, r, "basic") + num(t, r, "project") + others.reduce((s, u) => s + num(t, r, u), 0));
    });
  });
});

describe("table 7 “三公”经费", () => {
  it("共计 = items; each item = its 一般公共预算财政拨款 lines", () => {
    forEveryScope(({ d, lines }) => {
      const t = table(d, "t07");
      const amount = (label: string) => num(t, rowWhere(t, "item", label), "amount");
      const of = (...sections: string[]) => sumLines(lines, (l) => l.source === "gpb-appropriation" && sections.includes(l.economic.slice(0, 5)));
      const abroad = amount("1、因公出国（境）费用");
      const reception = amount("2、公务接待费");
      const vehicles = amount("3、公务用车购置及运行费");
      const operation = amount("其中：（1）公务用车运行维护费");
      const purchase = amount("（2）公务用车购置费");
      expect(amount("共计")).toBe(abroad + reception + vehicles);
      expect(vehicles).toBe(operation + purchase);
      expect(abroad).toBe(of("30212"));
      expect(reception).toBe(of("30217"));
      expect(operation).toBe(of("30231"));
      expect(purchase).toBe(of("31013", "30913"));
    });
  });
});

describe("table 9 机关运行经费", () => {
  it("合计 = 一般公共预算财政拨款 basic 302 + 310 of 行政/参公 units = its rows", () => {
    forEveryScope(({ d, lines, units }) => {
      const t = table(d, "t09");
      const admin = new Set(units.filter((u) => isAdministrativeLike(u.type)).map((u) => u.code));
      const expected = sumLines(
        lines,
        (l) => admin.has(l.unit) && l.nature === "basic" && l.source === "gpb-appropriation" && (l.economic.startsWith("302") || l.economic.startsWith("310")),
      );
      if (expected === 0) {
        expect(t.empty).toBe(true);
        return;
      }
      const grand = rowWhere(t, "name", "合计", "total");
      expect(num(t, grand, "amount")).toBe(expected);
      expectAddsUp(t, grand, t.rows.filter((r) => r.kind === "detail"), "rows → 合计");
    });
  });
});

describe("table 13 预算项目绩效目标汇总表", () => {
  it("each project's 资金总额 = its lines; projects add to 项目支出 of table 1", () => {
    forEveryScope(({ d, lines, units }, b) => {
      const t = table(d, "t13");
      const t1 = table(d, "t01");
      const projectSpend = num(t1, rowWhere(t1, "expenseItem", "二、项目支出"), "total");
      const codes = new Set(units.map((u) => u.code));
      const projects = b.projects.filter((p) => codes.has(p.unit));
      if (projects.length === 0) {
        expect(t.empty).toBe(true);
        expect(projectSpend).toBe(0);
        return;
      }
      const rows = t.rows.filter((r) => r.kind === "detail" && str(t, r, "code") !== "");
      expect(rows.map((r) => str(t, r, "code")).sort()).toEqual(projects.map((p) => p.code).sort());
      let sum = 0;
      for (const r of rows) {
        const code = str(t, r, "code");
        const total = num(t, r, "total");
        expect(total, `project ${code}`).toBe(sumLines(lines, (l) => l.project === code));
        expect(num(t, r, "fiscal") + num(t, r, "other"), `project ${code}: 财政性 + 其他`).toBe(total);
        sum += total;
      }
      expect(sum, "projects = 项目支出").toBe(projectSpend);
      const unitRows = t.rows.filter((r) => r.kind === "unit");
      expect(sumRows(t, unitRows, "total")).toBe(projectSpend);
      if (d.scope.kind === "department") expect(num(t, t.rows.find((r) => r.kind === "total")!, "total")).toBe(projectSpend);
    });
  });
});

describe("narrative", () => {
  it("第二部分 一 states the printed total", () => {
    forEveryScope(({ d, lines }) => {
      const part2 = d.narrative.parts.find((p) => p.id === "part2")!;
      const section = part2.sections.find((s) => s.id.startsWith("p2-01"))!;
      const printed = `${formatWanYuan(fen(sumLines(lines)))}万元`;
      expect(section.paragraphs.join("\n")).toContain(`支出总计${printed}`);
      expect(section.paragraphs.join("\n")).toContain(`收入总计${printed}`);
    });
  });
});

describe("line order", () => {
  it("reordering line items changes no output (department and every unit)", () => {
    const withPermutation = budgets.chain((b) =>
      fc.tuple(fc.constant(b), fc.shuffledSubarray(b.lineItems, { minLength: b.lineItems.length, maxLength: b.lineItems.length })),
    );
    fc.assert(
      fc.property(withPermutation, ([b, shuffled]) => {
        const before = deriveAll(b, catalog).map((d) => JSON.stringify(disclosureToJson(d)));
        const after = deriveAll({ ...b, lineItems: shuffled }, catalog).map((d) => JSON.stringify(disclosureToJson(d)));
        expect(after).toHaveLength(before.length);
        after.forEach((a, i) => expect(a, `disclosure ${i}`).toBe(before[i]));
      }),
      RUNS,
    );
  });
});
