/**
 * 部门决算 (final accounts): the sample's 2021 决算 as golden files; the 决算账 against its definition (决算数 =
 * payments, 全年预算 = 年初预算 + approved adjustments, 财政拨款收入 = 支出 + 年末 − 年初 结转和结余); the tables'
 * balances; the record's validation (clear messages naming the field); and render → audit: the audit detects
 * the template in Yusuan's own 决算 (text, PDF, XLSX, HTML) and gives no error or warning; the CLI.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../src/audit/core/assemble.ts";
import { main } from "../src/cli/main.ts";
import { auditDocument } from "../src/audit/core/audit.ts";
import { importBytes } from "../src/audit/importers/dispatch.ts";
import { importText } from "../src/audit/importers/text.ts";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import type { Disclosure } from "../src/core/disclosure.ts";
import type { Execution } from "../src/core/execution/model.ts";
import { deriveFinalAccounts } from "../src/core/final-accounts/disclosure.ts";
import { balanceKindOf, finalAccountsOf, finalLines, operatingOutsideInstitutions } from "../src/core/final-accounts/ledger.ts";
import type { Budget } from "../src/core/model.ts";
import { type Fen, fen } from "../src/core/money.ts";
import type { DisclosureTable } from "../src/core/table.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { readExecutionDir } from "../src/formats/execution/execution-file.ts";
import { InputError } from "../src/formats/errors.ts";
import { renderJson } from "../src/formats/json.ts";
import { RENDERERS } from "../src/formats/renderers.ts";
import { renderText } from "../src/formats/text.ts";
import { expectGolden } from "./support/golden.ts";

const TEMPLATE = "shanghai-district-final-9";
const EXECUTION = "examples/luolong-shequ-2021/execution-2021";
const catalog = new CatalogIndex(builtInCatalog(2021)!);

async function sample(): Promise<{ budget: Budget; exec: Execution }> {
  const { budget } = await readBudget("examples/luolong-shequ-2021");
  return { budget, exec: await readExecutionDir(EXECUTION) };
}

function draw(budget: Budget, exec: Execution): Disclosure[] {
  const r = deriveFinalAccounts(budget, exec, catalog, TEMPLATE);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
  return r.disclosures;
}

/** A table's row whose cell `col` reads `label`. */
function rowOf(t: DisclosureTable, label: string, col = 0) {
  const r = t.rows.find((x) => x.cells[col] === label);
  if (!r) throw new Error(`${t.title}: no row ${label}`);
  return r.cells;
}

const sumFen = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe("the sample's 2021 决算: golden files", async () => {
  const { budget, exec } = await sample();
  const [department] = draw(budget, exec);
  it("department: text (tables and narrative)", () => expectGolden("test/golden/luolong-shequ-2021/department-final-accounts.txt", renderText(department!)));
  it("department: disclosure.json", () => expectGolden("test/golden/luolong-shequ-2021/department-final-accounts.json", renderJson(department!)));
});

describe("决算账 (ledger)", async () => {
  const { budget, exec } = await sample();

  it("决算数 is what was paid, 全年预算 the 年初预算 with the approved 追加", () => {
    const lines = finalLines(budget, exec);
    expect(sumFen(lines.map((l) => l.executed))).toBe(sumFen(exec.payments.filter((p) => p.date <= exec.asOf).map((p) => p.amount)));
    expect(sumFen(lines.map((l) => l.original))).toBe(sumFen(budget.lineItems.map((l) => l.amount)));
    const added = sumFen(exec.adjustments.filter((a) => a.approval && a.approval.date <= exec.asOf).map((a) => (a.kind === "追加" ? a.amount : a.kind === "追减" ? -a.amount : 0)));
    expect(sumFen(lines.map((l) => l.adjusted))).toBe(sumFen(budget.lineItems.map((l) => l.amount)) + added);
  });

  it("财政拨款收入 = 支出 + 年末结转和结余 − 年初结转和结余, for each functional code", () => {
    const r = finalAccountsOf(budget, exec);
    if (!r.ok) throw new Error("sample does not balance");
    const a = r.accounts;
    for (const code of new Set(a.lines.map((l) => l.functional))) {
      const spent = sumFen(a.lines.filter((l) => l.functional === code && balanceKindOf(l.source) === "gpb").map((l) => l.executed));
      const closing = sumFen(a.closing.filter((b) => b.functional === code && b.kind === "gpb").map((b) => b.amount));
      const opening = sumFen(a.opening.filter((b) => b.functional === code && b.kind === "gpb").map((b) => b.amount));
      const income = sumFen(a.appropriationIncome.filter((x) => x.functional === code && x.kind === "gpb").map((x) => x.amount));
      expect(income, code).toBe(spent + closing - opening);
    }
  });

  it("a line with several sources keeps each source's 年初预算, and its payments fill them in order", () => {
    const base = budget.lineItems[0]!;
    const b: Budget = { ...budget, lineItems: [{ ...base, amount: fen(1000) }, { ...base, source: "government-fund", amount: fen(500) }] };
    const pay = (amount: number) => ({ date: "2021-03-01", unit: base.unit, functional: base.functional, economic: base.economic, amount: fen(amount) });
    const lines = finalLines(b, { ...exec, adjustments: [], payments: [pay(1200)] });
    expect(lines.map((l) => [l.source, l.original, l.executed])).toEqual([
      ["gpb-appropriation", 1000, 1000],
      ["government-fund", 500, 200],
    ]);
  });
});

describe("the 决算 tables", async () => {
  const { budget, exec } = await sample();
  const [d] = draw(budget, exec);
  const t = d!.tables;

  it("收入支出决算总表 balances: 总计 left = 总计 right, and 本年支出合计 = 支出决算表's 合计", () => {
    const total = rowOf(t[0]!, "总计");
    expect(total[1]).toBe(total[3]);
    expect(rowOf(t[0]!, "本年支出合计", 2)[3]).toBe(rowOf(t[2]!, "合计", 1)[2]);
    expect(rowOf(t[0]!, "本年收入合计")[1]).toBe(rowOf(t[1]!, "合计", 1)[2]);
  });

  it("财政拨款收入支出决算总表 balances, and its 一般公共预算 spending is table 5's 合计", () => {
    const total = rowOf(t[3]!, "总计");
    expect(total[1]).toBe(total[3]);
    expect(rowOf(t[3]!, "本年支出合计", 2)[4]).toBe(rowOf(t[4]!, "合计", 1)[2]);
  });

  it("基本支出决算表: 人员经费 + 公用经费 = table 5's 基本支出", () => {
    const last = t[5]!.rows[t[5]!.rows.length - 1]!.cells;
    expect((last[2] as number) + (last[5] as number)).toBe(rowOf(t[4]!, "合计", 1)[3]);
  });

  it("empty tables carry the template's note (no 三公, no 政府性基金, no 国有资本经营 in the sample)", () => {
    expect([t[6], t[7], t[8]].map((x) => x!.note)).toEqual([
      "本部门本年度没有财政拨款“三公”经费支出，故本表无数据。",
      "本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
      "本部门本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。",
    ]);
  });

  it("the narrative states 决算 against 年初预算 and 全年预算, last year's 决算 and the 绩效自评", () => {
    const text = d!.narrative.parts[1]!.sections.flatMap((s) => s.paragraphs).join("\n");
    expect(text).toContain("一般公共预算财政拨款支出年初预算为4117.91万元，全年预算为4137.91万元，支出决算为4074.53万元，完成年初预算的98.95%，完成全年预算的98.47%");
    expect(text).toContain("与2020年相比，收入支出总计增加273.73万元，增长7.09%");
    expect(text).toMatch(/开展绩效自评的项目8个，平均得分\d+\.\d{2}分/);
    expect(text).toContain("决算数小于全年预算数的主要原因：2个社区智慧设备到货延迟");
  });
});

/**
 * The sample with a second unit, a 事业单位 (313002) with one paid line, 经营收入 spent on 经营支出 and 上缴上级支出,
 * some earlier surplus used and some distributed; 313001 passes 2.00万元 of its other income (0.85 + 2.00 万元) on to it
 * (对附属单位补助支出). Each unit's non-fiscal money balances.
 */
function withInstitution(budget: Budget, exec: Execution): { budget: Budget; exec: Execution } {
  const office = budget.units[0]!;
  const institution = { ...office, code: "313002", name: "洛龙区社区服务中心", type: "institution" as const };
  const line = { ...budget.lineItems.find((l) => l.economic === "30201")!, unit: "313002", amount: fen(1_000_000) };
  const fa = exec.finalAccounts!;
  const f = "2080208";
  return {
    budget: { ...budget, units: [office, institution], lineItems: [...budget.lineItems, line] },
    exec: {
      ...exec,
      payments: [...exec.payments, { date: "2021-05-06", unit: "313002", functional: line.functional, economic: line.economic, amount: fen(800_000) }],
      finalAccounts: {
        ...fa,
        income: [
          { unit: "313001", functional: f, source: "other", amount: fen(2_850_000) },
          { unit: "313002", functional: f, source: "operating-income", amount: fen(50_000_000) },
        ],
        otherSpending: [
          { unit: "313001", functional: f, use: "to-subordinate", amount: fen(2_000_000) },
          { unit: "313002", functional: f, use: "operating", amount: fen(30_000_000) },
          { unit: "313002", functional: f, use: "to-superior", amount: fen(5_000_000) },
        ],
        nonFiscalBalanceUsed: [{ unit: "313002", amount: fen(2_000_000) }],
        surplusDistribution: [{ unit: "313002", amount: fen(10_000_000) }],
        closing: [...fa.closing, { unit: "313002", functional: f, kind: "non-fiscal", amount: fen(7_000_000) }],
      },
    },
  };
}

describe("上缴上级支出, 经营支出, 对附属单位补助支出 and each unit's 使用非财政拨款结余 / 结余分配", async () => {
  const sampled = await sample();
  const { budget, exec } = withInstitution(sampled.budget, sampled.exec);
  const [department, office, institution] = draw(budget, exec);

  it("支出决算表: 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助, in every row", () => {
    const t = department!.tables[2]!;
    expect(t.rows.length).toBeGreaterThan(1);
    for (const r of t.rows) {
      const [total, ...parts] = r.cells.slice(2) as (number | null)[];
      expect(total, String(r.cells[0])).toBe(sumFen(parts.map((x) => x ?? 0)));
    }
    expect(rowOf(t, "合计", 1).slice(5)).toEqual([5_000_000, 30_000_000, 2_000_000]);
    expect(rowOf(t, "2080208").slice(5)).toEqual([5_000_000, 30_000_000, 2_000_000]);
    expect(rowOf(institution!.tables[2]!, "合计", 1).slice(5)).toEqual([5_000_000, 30_000_000, null]);
  });

  it("收入支出决算总表: each document balances; 本年支出合计 and the 类 include the other uses", () => {
    for (const d of [department!, office!, institution!]) {
      const t = d.tables[0]!;
      const total = rowOf(t, "总计");
      expect(total[1], d.title).toBe(total[3]);
      expect(rowOf(t, "本年支出合计", 2)[3], d.title).toBe(rowOf(d.tables[2]!, "合计", 1)[2]);
    }
    expect(rowOf(institution!.tables[0]!, "使用非财政拨款结余").slice(1)).toEqual([2_000_000, "结余分配", 10_000_000]);
    expect(rowOf(office!.tables[0]!, "使用非财政拨款结余").slice(1)).toEqual([null, "结余分配", null]);
    expect(rowOf(department!.tables[0]!, "使用非财政拨款结余").slice(1)).toEqual([2_000_000, "结余分配", 10_000_000]);
    const social = department!.tables[0]!.rows.find((r) => String(r.cells[2]).includes("社会保障和就业"))!;
    const lines = finalLines(budget, exec).filter((l) => l.functional.startsWith("208"));
    expect(social.cells[3]).toBe(sumFen(lines.map((l) => l.executed)) + 37_000_000);
  });

  it("财政拨款 tables do not count them (they are the units' own money)", () => {
    const plain = draw(sampled.budget, sampled.exec)[0]!;
    const paid = 800_000;
    expect(rowOf(department!.tables[3]!, "本年支出合计", 2)[3]).toBe((rowOf(plain.tables[3]!, "本年支出合计", 2)[3] as number) + paid);
  });

  it("the narrative states them with their shares, and the glossary explains the uses present", () => {
    const text = (d: Disclosure) => d.narrative.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs)).join("\n");
    expect(text(department!)).toMatch(/项目支出[\d.]+万元，占[\d.]+%；上缴上级支出5\.00万元，占[\d.]+%；经营支出30\.00万元，占[\d.]+%；对附属单位补助支出2\.00万元，占[\d.]+%。/);
    expect(text(institution!)).toContain("本年支出合计35.80万元，其中：基本支出0.80万元，占2.23%；项目支出0.00万元，占0.00%；上缴上级支出5.00万元，占13.97%；经营支出30.00万元，占83.80%。");
    expect(text(department!)).toContain("对附属单位补助支出：指事业单位用财政拨款收入之外的收入对附属单位补助发生的支出。");
    expect(text(institution!)).toContain("上缴上级支出：指实行收入上缴办法的事业单位");
    expect(text(institution!)).not.toContain("对附属单位补助支出：");
    expect(text(draw(sampled.budget, sampled.exec)[0]!)).not.toMatch(/上缴上级支出|对附属单位补助支出/);
  });

  it("text: every document audits clean", () => {
    for (const d of [department!, office!, institution!]) expect(auditOwn("out.txt", assembleDocument("out.txt", [importText("out.txt", renderText(d))])), d.title).toEqual([]);
  });

  it("a unit whose own non-fiscal money does not balance is refused, naming it, though the department's sums do", () => {
    const fa = exec.finalAccounts!;
    // 313001's 对附属单位补助支出 recorded as 313002's: each unit off by the same amount
    const moved = fa.otherSpending!.map((x) => (x.use === "to-subordinate" ? { ...x, unit: "313002" } : x));
    const r = finalAccountsOf(budget, { ...exec, finalAccounts: { ...fa, otherSpending: moved } });
    expect(!r.ok && r.problems.map((p) => `${p.field}: ${p.message.replace(/ = .*而支出（[^）]*）/, " … ").replace(/ \+ 结余分配.*/, "")}`)).toEqual([
      "finalAccounts.closing: 单位 313001 的非财政拨款不平衡：收入 2.85 + 使用非财政拨款结余 0.00 + 年初结转和结余 0.00 … 0.00",
      "finalAccounts.closing: 单位 313002 的非财政拨款不平衡：收入 50.00 + 使用非财政拨款结余 2.00 + 年初结转和结余 0.00 … 37.00",
    ]);
  });

  it("spending, surplus or distribution of a unit the budget does not have: refused naming the entry", () => {
    const fa = exec.finalAccounts!;
    const r = finalAccountsOf(budget, {
      ...exec,
      finalAccounts: { ...fa, otherSpending: [{ ...fa.otherSpending![0]!, unit: "999999" }], surplusDistribution: [{ unit: "", amount: fen(5) }] },
    });
    expect(!r.ok && r.problems.slice(0, 2).map((p) => `${p.field}: ${p.message}`)).toEqual([
      "finalAccounts.otherSpending[0].unit: 单位代码 999999 不在预算的单位中 / unit 999999 is not a unit of the budget",
      "finalAccounts.surplusDistribution[0].unit: 应填单位代码 / a unit code is required",
    ]);
  });
});

describe("validation of the 决算 record", async () => {
  const { budget, exec } = await sample();

  it("an opening balance larger than spending and closing balance is refused, naming the field", () => {
    const fa = exec.finalAccounts!;
    const r = finalAccountsOf(budget, { ...exec, finalAccounts: { ...fa, opening: [{ unit: "313001", functional: "2101101", kind: "gpb", amount: fen(99_999_999) }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.field).toBe("finalAccounts.closing");
      expect(r.problems[0]!.message).toMatch(/^单位 313001 科目 2101101 的一般公共预算财政拨款：年初结转和结余 .*财政拨款收入将为负数 \/ /);
    }
  });

  it("non-fiscal money that does not balance is refused with both sides stated", () => {
    const fa = exec.finalAccounts!;
    const r = finalAccountsOf(budget, { ...exec, finalAccounts: { ...fa, surplusDistribution: [{ unit: "313001", amount: fen(100) }] } });
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^单位 313001 的非财政拨款不平衡：收入 0\.85 \+ .*结余分配 0\.0001 /)]);
  });

  it("经营收入 or 经营支出 of a 行政单位 or 参公事业单位 is refused naming the entry; a 事业单位's are accepted", () => {
    const fa = exec.finalAccounts!;
    const f = "2080208";
    const operating: Execution = {
      ...exec,
      finalAccounts: {
        ...fa,
        income: [...fa.income, { unit: "313001", functional: f, source: "operating-income", amount: fen(1_000_000) }],
        otherSpending: [
          { unit: "313001", functional: f, use: "to-superior", amount: fen(0) },
          { unit: "313001", functional: f, use: "operating", amount: fen(1_000_000) },
        ],
      },
    };
    const n = fa.income.length;
    const problems = (b: Budget) => {
      const r = finalAccountsOf(b, operating);
      return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
    };
    expect(operatingOutsideInstitutions(budget, operating.finalAccounts!).map((p) => `${p.field}: ${p.message}`)).toEqual([
      `finalAccounts.income[${n}].source: 单位 313001 是行政单位，不应有经营收入：只有事业单位记录经营收入 / unit 313001 is not a public institution (事业单位): only an institution records operating income`,
      "finalAccounts.otherSpending[1].use: 单位 313001 是行政单位，不应有经营支出：只有事业单位记录经营支出 / unit 313001 is not a public institution (事业单位): only an institution records operating spending",
    ]);
    expect(problems(budget).slice(0, 2).map((p) => p.split(": ")[0])).toEqual([`finalAccounts.income[${n}].source`, "finalAccounts.otherSpending[1].use"]);
    const withType = (type: Budget["units"][number]["type"]): Budget => ({ ...budget, units: budget.units.map((u) => ({ ...u, type })) });
    expect(problems(withType("civil-service-managed"))[0]).toMatch(/^finalAccounts\.income\[\d+\]\.source: 单位 313001 是参公事业单位，不应有经营收入/);
    expect(operatingOutsideInstitutions(withType("institution"), operating.finalAccounts!)).toEqual([]);
    expect(finalAccountsOf(withType("institution"), operating).ok).toBe(true);
    // the sample's own record (an office without 经营) has none
    expect(operatingOutsideInstitutions(budget, fa)).toEqual([]);
  });

  it("no finalAccounts section: one clear problem", () => {
    const { finalAccounts: _, ...bare } = exec;
    const r = finalAccountsOf(budget, bare);
    expect(!r.ok && r.problems[0]!.message).toMatch(/^执行数据中没有决算补充数据（finalAccounts） \/ /);
  });

  it("a bad kind, a short functional code or a negative amount in execution.yaml: InputError naming each field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "yusuan-fa-"));
    try {
      await cp(EXECUTION, dir, { recursive: true });
      const yaml = await readFile(join(dir, "execution.yaml"), "utf8");
      const bad = yaml
        .replace('kind: 一般公共预算财政拨款, amount: 400000', "kind: 财政资金, amount: 400000")
        .replace('{ unit: "313001", functional: "2060799", kind: 一般公共预算财政拨款, amount: 528000 }', '{ unit: "313001", functional: "20607", kind: 一般公共预算财政拨款, amount: -5 }');
      await writeFile(join(dir, "execution.yaml"), bad);
      const e = await readExecutionDir(dir).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      const problems = (e as InputError).problems.map((p) => `${p.field}: ${p.message}`);
      expect(problems).toEqual([
        expect.stringMatching(/^finalAccounts\.opening\[0\]\.kind: 未知资金种类“财政资金”，应为：一般公共预算财政拨款、/),
        expect.stringMatching(/^finalAccounts\.closing\[0\]\.functional: 功能分类科目应为7位数字（项） \//),
        expect.stringMatching(/^finalAccounts\.closing\[0\]\.amount: 金额不能为负 \//),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("an unknown use of money, a negative one, or a 结余 not given per unit in execution.yaml: InputError naming each field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "yusuan-fa-"));
    try {
      await cp(EXECUTION, dir, { recursive: true });
      const yaml = await readFile(join(dir, "execution.yaml"), "utf8");
      const bad = yaml
        .replace("otherSpending: []", 'otherSpending: [{ unit: "313001", functional: "2080208", use: 办公支出, amount: 10 }, { unit: "313001", functional: "2080208", use: 经营支出, amount: -1 }]')
        .replace("nonFiscalBalanceUsed: []", "nonFiscalBalanceUsed: 1200")
        .replace("surplusDistribution: []", "surplusDistribution: [{ amount: 5 }]");
      expect(bad).not.toBe(yaml);
      await writeFile(join(dir, "execution.yaml"), bad);
      const e = await readExecutionDir(dir).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
        "finalAccounts.otherSpending[0].use: 未知支出用途“办公支出”，应为：上缴上级支出、经营支出、对附属单位补助支出 / unknown 支出用途",
        expect.stringMatching(/^finalAccounts\.otherSpending\[1\]\.amount: 金额不能为负 \//),
        "finalAccounts.nonFiscalBalanceUsed: 使用非财政拨款结余应按单位填写：- { unit: 单位代码, amount: 金额 } / 使用非财政拨款结余 is recorded per unit: a list of { unit, amount }",
        "finalAccounts.surplusDistribution[0].unit: 应填单位代码 / a unit code is required",
      ]);
      // a single 0 (the form before amounts were kept per unit) is none
      await writeFile(join(dir, "execution.yaml"), yaml.replace("nonFiscalBalanceUsed: []", "nonFiscalBalanceUsed: 0"));
      expect((await readExecutionDir(dir)).finalAccounts?.nonFiscalBalanceUsed).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Findings above info of Yusuan's own 决算, read back from a rendered document. */
function auditOwn(name: string, doc: ReturnType<typeof assembleDocument>): string[] {
  expect(doc.meta.template, name).toBe(TEMPLATE);
  return auditDocument(doc, (y) => (y === 2021 ? catalog : undefined))
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule}: ${f.message}`);
}

describe("render → audit", async () => {
  const { budget, exec } = await sample();

  it("text: the template is detected, no error or warning (department and unit)", () => {
    for (const d of draw(budget, exec)) expect(auditOwn("out.txt", assembleDocument("out.txt", [importText("out.txt", renderText(d))]))).toEqual([]);
  });

  it("a corrupted copy (one cell changed): found with its table, row and column", () => {
    const [d] = draw(budget, exec);
    const text = renderText(d!);
    const findings = (from: string, to: string) => {
      const bad = text.replace(from, to);
      expect(bad).not.toBe(text);
      return auditDocument(assembleDocument("out.txt", [importText("out.txt", bad)]), (y) => (y === 2021 ? catalog : undefined)).findings.filter((f) => f.severity === "error");
    };
    const where = (f: { rule: string; location: unknown }) => {
      const l = f.location as { table?: string; column?: string; line?: number };
      return `${f.rule} ${l.table} ${l.column} line ${l.line}`;
    };
    const line = (needle: string, from = 0) => text.split("\n").findIndex((l, i) => i >= from && l.startsWith(needle)) + 1;
    // 表3: a 项's 本年支出合计 no longer its 基本支出 + 项目支出, nor its 款's part
    const t3 = line("2060799\t", line("## 支出决算表"));
    expect(findings("2060799\t其他科学技术普及支出\t120.00\t\t120.00", "2060799\t其他科学技术普及支出\t130.00\t\t120.00").map(where)).toEqual([`sum.column 表3 支出决算表 本年支出合计 line ${t3 - 1}`, `sum.row-parts 表3 支出决算表 本年支出合计 line ${t3}`]);
    // 表5's 合计: no longer its parts, nor 表4's 一般公共预算 spending, nor the sum of its 类
    const t5 = line("\t合计\t4074.53\t182.88", line("## 一般公共预算财政拨款支出决算表"));
    const got = findings("\t合计\t4074.53\t182.88\t3891.65\n", "\t合计\t4075.53\t182.88\t3891.65\n").map(where);
    expect(got).toContain(`sum.row-parts 表5 一般公共预算财政拨款支出决算表 合计 line ${t5}`);
    expect(got).toContain(`sum.column 表5 一般公共预算财政拨款支出决算表 合计 line ${t5}`);
    expect(got.some((g) => g.startsWith("cross.appropriation "))).toBe(true);
  });

  it("the 基本支出 table (人员经费 and 公用经费 side by side) and the “三公” table (预算数 beside 决算数): their sums, with the place", () => {
    const [d] = draw(budget, exec);
    const text = renderText(d!);
    const sums = (bad: string) =>
      auditDocument(assembleDocument("out.txt", [importText("out.txt", bad)]), (y) => (y === 2021 ? catalog : undefined))
        .findings.filter((f) => f.rule.startsWith("sum."))
        .map((f) => {
          const l = f.location as { table?: string; column?: string; line?: number };
          return `${f.rule} ${l.table} ${l.column} line ${l.line}: ${f.expected} ≠ ${f.actual}`;
        });
    const line = (needle: string) => text.split("\n").findIndex((l) => l.startsWith(needle)) + 1;
    const changed = (from: string, to: string) => {
      const bad = text.replace(from, to);
      expect(bad).not.toBe(text);
      return sums(bad);
    };
    // 30101 基本工资 one 万元 more: 301 is no longer the sum of its 款 (人员经费合计 = 301 still holds)
    expect(changed("30101\t基本工资\t41.35", "30101\t基本工资\t42.35")).toEqual([`sum.column 表6 一般公共预算财政拨款基本支出决算表 人员经费/决算数 line ${line("301\t")}: 171.57 ≠ 170.57`]);
    // 公用经费合计 off by 0.10: no longer its 类 302
    expect(changed("\t公用经费合计\t12.31", "\t公用经费合计\t12.41")).toEqual([`sum.column 表6 一般公共预算财政拨款基本支出决算表 公用经费/决算数 line ${line("\t人员经费合计")}: 12.31 ≠ 12.41`]);
    // a 302 code printed among 人员经费 is counted as 公用经费 (the core's meaning of the code), so neither side adds up
    const moved = text.replace("30199\t其他工资福利支出\t0.26", "30299\t其他商品和服务支出\t0.26");
    expect(sums(moved).map((s) => s.split(":")[0])).toEqual(expect.arrayContaining([`sum.column 表6 一般公共预算财政拨款基本支出决算表 人员经费/决算数 line ${line("301\t")}`]));
    expect(sums(moved).length).toBeGreaterThanOrEqual(2);
    // the “三公” table with one line of figures: 合计 = 出国 + 车 + 接待, 小计 = 购置 + 运行, for 预算数 and 决算数 alike
    const header = "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\n";
    const filled = (figures: string) => text.replace(header, `${header}${figures}\n`);
    const body = line(header.trim()) + 1;
    expect(sums(filled("1.00\t0.90\t0.50\t0.40\t0.50\t0.50\t0.00\t0.00\t0.50\t0.50\t0.00\t0.00"))).toEqual([]);
    expect(sums(filled("1.00\t0.90\t0.50\t0.40\t0.50\t0.50\t0.00\t0.00\t0.50\t0.60\t0.00\t0.00"))).toEqual([`sum.column 表7 财政拨款“三公”经费支出决算表 财政拨款“三公”经费/公务用车购置及运行维护费/小计/决算数 line ${body}: 0.60 ≠ 0.50`]);
    expect(sums(filled("1.10\t0.90\t0.50\t0.40\t0.50\t0.50\t0.00\t0.00\t0.50\t0.50\t0.00\t0.00"))).toEqual([`sum.column 表7 财政拨款“三公”经费支出决算表 财政拨款“三公”经费/合计/预算数 line ${body}: 1.00 ≠ 1.10`]);
  });

  it("a corrupted narrative: the 支出决算 of a 项 or of the total against table 5, quoted", () => {
    const [d] = draw(budget, exec);
    const text = renderText(d!);
    const stated = (from: string, to: string) => {
      const bad = text.replace(from, to);
      expect(bad).not.toBe(text);
      return auditDocument(assembleDocument("out.txt", [importText("out.txt", bad)]), (y) => (y === 2021 ? catalog : undefined))
        .findings.filter((f) => f.rule === "narrative.final-amount")
        .map((f) => `${f.message} | ${(f.location as { quote?: string }).quote}`);
    };
    expect(stated("全年预算为172.80万元，支出决算为120.00万元", "全年预算为172.80万元，支出决算为121.00万元")).toEqual([
      "说明称2060799 其他科学技术普及支出的支出决算为121.00万元，表5 一般公共预算财政拨款支出决算表为 120.00 万元 / the narrative states 121.00万元 spent on 2060799 其他科学技术普及支出; the table prints 120.00 | 年初预算为172.80万元，全年预算为172.80万元，支出决算为121.00万元，完成全年预算数的69.44%。",
    ]);
    expect(stated("支出决算为4074.53万元，完成年初预算", "支出决算为4074.63万元，完成年初预算")).toHaveLength(1);
  });

  it("PDF, XLSX and HTML, with 上缴上级/经营/对附属单位补助支出 and 结余: the template is detected, no error or warning", { timeout: 240_000 }, async () => {
    const two = withInstitution(budget, exec);
    const [d] = draw(two.budget, two.exec);
    for (const format of ["pdf", "xlsx", "html"]) {
      const out = await RENDERERS[format]!.render(d!);
      const file = await importBytes(`out.${format}`, typeof out === "string" ? new TextEncoder().encode(out) : out);
      expect(auditOwn(`out.${format}`, assembleDocument(`out.${format}`, [file])), format).toEqual([]);
    }
  });

  it("property: payments scaled, balances and other uses varied, the 决算 balances and audits clean", { timeout: 300_000 }, () => {
    // 经营支出 is a 事业单位's (operatingOutsideInstitutions): the sample's office recorded as one
    const institutionBudget: Budget = { ...budget, units: budget.units.map((u) => ({ ...u, type: "institution" as const })) };
    const amount = fc.integer({ min: 0, max: 2_000_000 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5_000_000 }), amount, fc.tuple(amount, amount, amount), amount, amount, (percent, closing, kept, [toSuperior, operating, toSubordinate], used, distributed) => {
        // every payment paid at `percent` % (the rest unspent, to the 分), a closing balance, non-fiscal income
        // spent on the other uses, distributed or kept, with earlier surplus used and kept too. Amounts that
        // print rounded to 0.01 万元 give rates the audit must still accept.
        const other = toSuperior + operating + toSubordinate + distributed + kept;
        const payments = exec.payments.map((p) => ({ ...p, amount: fen(Math.round((p.amount * percent) / 100)) }));
        const fa = exec.finalAccounts!;
        const e: Execution = {
          ...exec,
          payments,
          finalAccounts: {
            ...fa,
            opening: [],
            closing: [
              { unit: "313001", functional: "2080208", kind: "gpb", amount: fen(closing) },
              { unit: "313001", functional: "2080208", kind: "non-fiscal", amount: fen(kept + used) },
            ],
            income: [{ unit: "313001", functional: "2080208", source: "other", amount: fen(other) }],
            otherSpending: [
              { unit: "313001", functional: "2080208", use: "to-superior", amount: fen(toSuperior) },
              { unit: "313001", functional: "2012906", use: "operating", amount: fen(operating) },
              { unit: "313001", functional: "2080208", use: "to-subordinate", amount: fen(toSubordinate) },
            ],
            nonFiscalBalanceUsed: [{ unit: "313001", amount: fen(used) }],
            surplusDistribution: [{ unit: "313001", amount: fen(distributed) }],
            prior: undefined,
          },
        };
        const { prior: _, ...faNoPrior } = e.finalAccounts!;
        e.finalAccounts = faNoPrior;
        const [d] = draw(institutionBudget, e);
        const total = rowOf(d!.tables[0]!, "总计");
        expect(total[1]).toBe(total[3]);
        const spent = (sumFen(payments.map((p) => p.amount)) + toSuperior + operating + toSubordinate) as Fen;
        expect(rowOf(d!.tables[0]!, "本年支出合计", 2)[3]).toBe(spent === 0 ? null : spent);
        const orNull = (n: number) => (n === 0 ? null : n);
        if (spent !== 0) expect(rowOf(d!.tables[2]!, "合计", 1).slice(2)).toEqual([spent, ...rowOf(d!.tables[2]!, "合计", 1).slice(3, 5), ...[toSuperior, operating, toSubordinate].map(orNull)]);
        expect(auditOwn("out.txt", assembleDocument("out.txt", [importText("out.txt", renderText(d!))]))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe("yusuan render --template shanghai-district-final-9", () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join(""), err: err.join("") };
  }

  it("without --execution: refused with a message naming the option, nothing written", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "yusuan-fa-cli-"));
    try {
      const r = await run("render", "examples/luolong-shequ-2021", "--template", TEMPLATE, "--out", join(dir, "out"), "--format", "txt");
      expect(r.code).toBe(2);
      expect(r.err).toContain("--execution: 模板 shanghai-district-final-9（上海市区级部门决算公开 9 张表）是决算模板，需要用 --execution 指定执行数据目录 / ");
      await expect(readFile(join(dir, "out", "disclosure.txt"))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("with the sample's execution: the department's and the unit's 决算 are written", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "yusuan-fa-cli-"));
    try {
      const r = await run("render", "examples/luolong-shequ-2021", "--template", TEMPLATE, "--execution", EXECUTION, "--out", dir, "--format", "txt,json");
      expect(r.code, r.err).toBe(0);
      const text = await readFile(join(dir, "disclosure.txt"), "utf8");
      expect(text).toContain("## 2021年度部门决算");
      expect(text).toContain("## 收入支出决算总表");
      expect(await readFile(join(dir, "units", "313001", "disclosure.json"), "utf8")).toContain("2021年度单位决算");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
