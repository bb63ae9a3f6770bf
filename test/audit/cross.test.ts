/**
 * Across documents (跨文件核对): the sample's 2021 budget and its 2022 budget (started from 2021, as the
 * server seeds it), rendered by Yusuan and audited as published documents, agree; a 2022 narrative that
 * states a different change against 2021 is found, naming both documents and places. Departments are the
 * same under their full and short names. On the corpus (when YUSUAN_CORPUS is set), the 省检察院 2018 budget
 * states 财政拨款 21,940.96 万元 "与上年相比…增加3,958.98万元" (pp. 25, 28) while its own p. 23 says 3,959.28 and
 * the 2017 budget printed 17,981.68: the one inconsistency a reviewer finds across the Jiangsu pairs.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/audit/core/assemble.ts";
import { auditDocument } from "../../src/audit/core/audit.ts";
import { type CrossDocument, crossAudit, crossDocument, groupByDepartment, statedPrior } from "../../src/audit/core/cross/checks.ts";
import { sameDepartment } from "../../src/audit/core/cross/department.ts";
import { importDocument } from "../../src/audit/importers/index.ts";
import { importText } from "../../src/audit/importers/text.ts";
import { main } from "../../src/cli/main.ts";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { deriveAll } from "../../src/core/disclosure.ts";
import { nextYearBudget } from "../../src/core/execution/next-year.ts";
import { renderText } from "../../src/formats/text.ts";
import { generateBudget } from "../support/generate.ts";
import { sampleBudget } from "./support.ts";

async function sampleTexts(): Promise<{ t2021: string; t2022: string }> {
  const b2021 = await sampleBudget();
  const b2022 = nextYearBudget(b2021).budget;
  const render = (b: typeof b2021) => renderText(deriveAll(b, new CatalogIndex(builtInCatalog(b.year)!), "henan13")[0]!);
  return { t2021: render(b2021), t2022: render(b2022) };
}

function audited(name: string, text: string): CrossDocument {
  const catalog = builtInCatalog(2021) ? new CatalogIndex(builtInCatalog(2021)!) : undefined;
  return crossDocument(name, auditDocument(assembleDocument(name, [importText(name, text)]), () => catalog));
}

describe("cross-document checks: the sample's 2021 and 2022 budgets", () => {
  it("agree: every prior-year figure 2022 states is what 2021 printed", { timeout: 120_000 }, async () => {
    const { t2021, t2022 } = await sampleTexts();
    const docs = [audited("洛龙社创办2021.txt", t2021), audited("洛龙社创办2022.txt", t2022)];
    expect(groupByDepartment(docs)).toHaveLength(1);
    expect(docs.map((d) => [d.year, d.kind])).toEqual([
      [2021, "budget"],
      [2022, "budget"],
    ]);
    // the check is not vacuous: 2022 states last year's figures for the totals, basic and project, 人员经费 …
    expect(statedPrior(docs[1]!).length).toBeGreaterThanOrEqual(5);
    expect(crossAudit(docs)).toEqual([]);
  });

  it("a 2022 narrative stating a change against 2021 that 2021 did not print is an error naming both documents", { timeout: 120_000 }, async () => {
    const { t2021, t2022 } = await sampleTexts();
    const edited = t2022.replace("与2021年相比，基本支出持平", "与2021年相比，基本支出增加10.00万元");
    expect(edited).not.toBe(t2022);
    const findings = crossAudit([audited("洛龙社创办2021.txt", t2021), audited("洛龙社创办2022.txt", edited)]);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.rule).toBe("cross.prior-year");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("《洛龙社创办2022.txt》");
    expect(f.message).toContain("《洛龙社创办2021.txt》");
    expect(f.message).toContain("基本支出");
    expect([f.expected, f.actual]).toEqual(["182.88万元", "172.88万元"]);
    expect(f.location).toMatchObject({ kind: "text", file: "洛龙社创办2022.txt" });
  });

  it("a document of another department is not compared", { timeout: 120_000 }, async () => {
    const { t2021, t2022 } = await sampleTexts();
    const edited = t2022.replace("与2021年相比，基本支出持平", "与2021年相比，基本支出增加10.00万元");
    const other = edited.replaceAll("洛龙区社区治理和服务创新办公室", "洛龙区民政局");
    expect(crossAudit([audited("a.txt", t2021), audited("b.txt", other)])).toEqual([]);
  });
});

/** A 决算 of the sample's department for 2021, as a department would publish its narrative (figures made up). */
const FINAL_2021 = `洛龙区社区治理和服务创新办公室2021年度部门决算

目录

第二部分 2021年度部门决算情况说明

一、收入支出决算总体情况说明

2021年度收入、支出决算总计4000.00万元。

二、一般公共预算财政拨款基本支出决算情况说明

基本支出年初预算为182.88万元，支出决算为180.00万元，完成年初预算的98.43%。

项目支出年初预算为3900.00万元，支出决算为3820.00万元。
`;

describe("cross-document checks: a 决算 against the year's budget", () => {
  it("the 年初预算 it states must be what the budget printed: 基本支出 agrees, 项目支出 does not", { timeout: 120_000 }, async () => {
    const { t2021 } = await sampleTexts();
    const final = audited("洛龙社创办2021决算.txt", FINAL_2021);
    expect([final.year, final.kind]).toEqual([2021, "final"]);
    const findings = crossAudit([audited("洛龙社创办2021.txt", t2021), final]);
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([["cross.final-initial-budget", "3935.03万元", "3900.00万元"]]);
    expect(findings[0]!.message).toContain("《洛龙社创办2021.txt》");
    expect(findings[0]!.message).toContain("《洛龙社创办2021决算.txt》");
  });
});

describe("yusuan audit over a directory of two years", () => {
  it("prints the cross-document finding after the reports, puts it in --json and exits 1", { timeout: 120_000 }, async () => {
    const { t2021, t2022 } = await sampleTexts();
    const dir = mkdtempSync(join(tmpdir(), "yusuan-cross-"));
    writeFileSync(join(dir, "社创办2021.txt"), t2021);
    writeFileSync(join(dir, "社创办2022.txt"), t2022.replace("与2021年相比，基本支出持平", "与2021年相比，基本支出增加10.00万元"));
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const code = await main(argv, { out: (s) => out.push(s), err: () => undefined });
      return { code, out: out.join("\n") };
    };
    const text = await run("audit", dir, "--no-progress");
    expect(text.code).toBe(1);
    expect(text.out).toContain("跨文件核对 / across documents (1)");
    expect(text.out).toMatch(/\[cross\.prior-year\] 《.*社创办2022\.txt》 第\d+行所称上年基本支出为 172\.88万元/);
    const json = JSON.parse((await run("audit", dir, "--json", "--no-progress")).out);
    expect(json.acrossDocuments.map((f: { rule: string }) => f.rule)).toEqual(["cross.prior-year"]);
  });
});

describe("cross-document checks: a department against its units' documents", () => {
  /** A generated department of three units, its document and each unit's, rendered as text. */
  function departmentAndUnits(): { name: string; text: string }[] {
    const b = generateBudget(7, { units: [3, 3], lineItems: [30, 30], projects: [2, 2] });
    return deriveAll(b, new CatalogIndex(builtInCatalog(b.year)!), "henan13").map((d) => ({ name: `${d.scope.kind}-${d.scope.code}.txt`, text: renderText(d) }));
  }
  const auditAll = (files: { name: string; text: string }[]) => files.map((f) => audited(f.name, f.text));

  it("agree as rendered: each unit's row is its document's total", { timeout: 120_000 }, () => {
    const files = departmentAndUnits();
    expect(files.map((f) => f.name)).toEqual(["department-820.txt", "unit-820001.txt", "unit-820002.txt", "unit-820003.txt"]);
    expect(crossAudit(auditAll(files))).toEqual([]);
  });

  it("a unit document printing another total is found, at the department's row, naming both documents", { timeout: 120_000 }, () => {
    const files = departmentAndUnits();
    const unit = files[2]!;
    const total = crossDocument(unit.name, auditDocument(assembleDocument(unit.name, [importText(unit.name, unit.text)]), () => undefined)).result.context.figures.income!;
    const printed = (total.value / 1_000_000).toFixed(2);
    const changed = (total.value / 1_000_000 + 100).toFixed(2);
    // every place the unit's document prints its total (tables 1–3, the narrative) says 100 万元 more
    const edited = { ...unit, text: unit.text.replaceAll(printed, changed) };
    expect(edited.text).not.toBe(unit.text);
    const findings = crossAudit(auditAll([files[0]!, files[1]!, edited, files[3]!]));
    expect(findings.map((f) => [f.rule, f.actual, f.expected])).toEqual([
      ["cross.unit-total", `${printed}万元`, `${changed}万元`],
      ["cross.unit-sum", expect.any(String), undefined],
    ]);
    expect(findings[0]!.message).toContain("《department-820.txt》");
    expect(findings[0]!.message).toContain("《unit-820002.txt》");
  });
});

describe("same department under full and short names", () => {
  it.each([
    ["中国共产党江苏省委员会办公厅", "省委办公厅", true],
    ["江苏省政协办公厅", "省政协办公厅", true],
    ["江苏省高级人民法院", "省法院", true],
    ["江苏省人民检察院", "省检察院", true],
    ["江苏省人大常委会办公厅", "省人大办公厅", true],
    ["洛阳市洛龙区社区治理和服务创新办公室", "洛龙区社区治理和服务创新办公室", true],
    ["省委办公厅", "省政协办公厅", false],
    ["省法院", "省检察院", false],
    ["上海市普陀区人民政府办公室", "上海市普陀区人民政府万里街道办事处", false],
    ["江苏省人大常委会办公厅", "省委办公厅", false],
  ])("%s ~ %s: %s", (a, b, same) => {
    expect(sameDepartment(a, b)).toBe(same);
  });
});

const CORPUS = process.env.YUSUAN_CORPUS;

describe.skipIf(!CORPUS)("cross-document checks on the Jiangsu 2017/2018 pairs", () => {
  it("finds the 省检察院 2018 change that disagrees with the 2017 budget, and nothing else", { timeout: 600_000 }, async () => {
    const files = readdirSync(CORPUS!).filter((f) => f.startsWith("jiangsu-") && f.endsWith(".pdf"));
    const docs: CrossDocument[] = [];
    for (const f of files) {
      const p = join(CORPUS!, f);
      docs.push(crossDocument(f, auditDocument(await importDocument(f, [p]), () => undefined)));
    }
    expect(groupByDepartment(docs).length).toBe(5);
    const findings = crossAudit(docs);
    expect(findings.map((f) => [f.rule, f.location.kind === "text" ? f.location.page : undefined, f.expected, f.actual])).toEqual([["cross.prior-year", 28, "17981.68万元", "17981.98万元"]]);
    expect(findings[0]!.message).toContain("jiangsu-37d58c84.pdf");
  });
});
