/**
 * 公开模板: every template of the registry is well formed, and the sample drawn into it prints what the
 * definition says (titles for a department and a unit, contents numbering, units, empty notes) in every
 * format. A new template's data file gets these checks by being in the registry.
 */
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { type Disclosure, deriveAll } from "../src/core/disclosure.ts";
import { deriveFinalAccounts } from "../src/core/final-accounts/disclosure.ts";
import type { Budget } from "../src/core/model.ts";
import { TEMPLATES, type TemplateDefinition, contentsPrefix, fillYear, isFinalAccounts, tableTitle } from "../src/core/templates/index.ts";
import { readExecutionDir } from "../src/formats/execution/execution-file.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { RENDERERS } from "../src/formats/renderers.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);

/** The sample in a template: a budget template from the budget, a 决算 template with the sample's 2021 execution. */
async function drawSample(budget: Budget, template: TemplateDefinition): Promise<Disclosure[]> {
  if (!isFinalAccounts(template)) return deriveAll(budget, catalog, template.id);
  const r = deriveFinalAccounts(budget, await readExecutionDir("examples/luolong-shequ-2021/execution-2021"), catalog, template.id);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.disclosures;
}

describe.each(TEMPLATES)("template $id", (template) => {
  it("is well formed: tables numbered 1…n, unique ids and kinds' titles with {year}, two decimals", () => {
    expect(template.tables.map((t) => t.number)).toEqual(template.tables.map((_, i) => i + 1));
    expect(new Set(template.tables.map((t) => t.id)).size).toBe(template.tables.length);
    for (const t of template.tables) {
      // a 决算's tables are titled without the year (the document's heading names it)
      if (!isFinalAccounts(template)) expect(t.title.department, t.id).toContain("{year}年");
      if (!isFinalAccounts(template)) expect(t.title.unit, t.id).toContain("{year}年");
      expect(t.precision).toBe(2);
      expect(t.columns.length, t.id).toBeGreaterThan(0);
    }
    expect(template.narrative.length).toBeGreaterThan(0);
  });

  it("draws the sample as the definition says, department and unit, in every format", async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    for (const d of await drawSample(budget, template)) {
      const who = d.scope.kind === "department" ? "department" : "unit";
      expect(d.layout).toBe(template.id);
      expect(d.tables.map((t) => t.title)).toEqual(template.tables.map((t) => tableTitle(t, who, budget.year)));
      expect(d.tables.map((t) => t.unit)).toEqual(template.tables.map((t) => t.unit));
      expect(d.tables.map((t) => t.contentsPrefix)).toEqual(template.tables.map((t) => contentsPrefix(template, t)));
      expect(d.tables.every((t) => t.unitNameLabel === template.unitNameLabel[who])).toBe(true);
      d.tables.forEach((t, i) => expect(t.note, t.title).toBe(t.empty ? fillYear(template.tables[i]!.emptyNote[who], budget.year) : undefined));
      const text = String(await RENDERERS.txt!.render(d));
      for (const t of d.tables) expect(text).toContain(`## ${t.title}\n\n${t.unitNameLabel}：${t.unitName}\n\n单位：${t.unit}`);
      const html = String(await RENDERERS.html!.render(d));
      for (const t of d.tables) expect(html).toContain(`${t.contentsPrefix}${t.title}`);
      for (const f of ["json", "xlsx"]) expect((await RENDERERS[f]!.render(d)).length, f).toBeGreaterThan(1000);
    }
  });
});

describe("the Shanghai district template", () => {
  it("prints tables 1–8 in 元 and table 9 in 万元; a unit's document says 预算单位 and 编制单位", async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    const [department, unit] = deriveAll(budget, catalog, "shanghai-district-2025");
    expect(department!.tables.map((t) => t.unit)).toEqual([..."12345678"].map(() => "元").concat("万元"));
    expect(unit!.tables[0]!.title).toBe("2021年预算单位财务收支预算总表");
    expect(unit!.tables[8]!.title).toBe("2021年单位“三公”经费和机关运行经费预算表");
    expect(unit!.tables[0]!.unitNameLabel).toBe("编制单位");
    const text = String(await RENDERERS.txt!.render(department!));
    expect(text).toContain("单位：元");
    expect(text).toMatch(/\t41179\d{3}\.\d{2}/); // the sample's 4117.91万元 total in 元, exact to the 分
  });
});

describe("the Jiangsu provincial template", () => {
  it("prints 公开01表 … 公开12表 from 2018, and 2017's order without 表号", async () => {
    const { budget } = await readBudget("test/fixtures/jiangsu-sample-2021");
    const [d2021] = deriveAll(budget, catalog, "jiangsu-province");
    expect(d2021!.tables.map((t) => t.printedNumber)).toEqual(Array.from({ length: 12 }, (_, i) => `公开${String(i + 1).padStart(2, "0")}表`));
    expect(d2021!.tables[9]!.title).toBe("2021年政府性基金支出预算表");
    const [d2017] = deriveAll({ ...budget, year: 2017 }, catalog, "jiangsu-province");
    expect(d2017!.tables.every((t) => t.printedNumber === undefined)).toBe(true);
    expect(d2017!.tables.map((t) => t.title.replace("2017年", ""))).toEqual([
      "收支预算总表",
      "收入预算总表",
      "支出预算总表",
      "财政拨款收支预算总表",
      "财政拨款支出预算表",
      "财政拨款基本支出预算表",
      "政府性基金支出预算表",
      "一般公共预算支出预算表",
      "一般公共预算基本支出预算表",
      "一般公共预算机关运行经费支出预算表",
      "一般公共预算“三公”经费、会议费、培训费支出预算表",
      "政府采购支出预算表",
    ]);
    expect(d2017!.tables.map((t) => t.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("draws the sample's uses, income lines and 会议费/培训费 exactly", async () => {
    const { budget } = await readBudget("test/fixtures/jiangsu-sample-2021");
    const [d] = deriveAll(budget, catalog, "jiangsu-province");
    const text = String(await RENDERERS.txt!.render(d!));
    // 支出用途: 基本 8277.76 + 项目 6383.96 + 预留机动 1685.72 = 当年支出 16347.44; + 结转下年 60.00 = 16407.44
    expect(text).toContain("一、财政拨款\t16263.05\t一、一般公共服务\t13687.86\t一、基本支出\t8277.76");
    expect(text).toContain("当年收入小计\t16327.44\t\t\t当年支出小计\t16347.44");
    expect(text).toContain("上年结转资金\t80.00\t\t\t结转下年资金\t60.00");
    expect(text).toContain("收入合计\t16407.44\t\t\t支出合计\t16407.44");
    expect(text).toContain("16407.44\t8277.76\t6383.96\t1685.72\t60.00");
    // "三公" 183.60 (30231), 会议费 1305.25 (30215, project): 合计 1488.85
    expect(text).toContain("1488.85\t183.60\t\t183.60\t\t183.60\t\t1305.25\t");
  });
});

describe("a template's own narrative outline", () => {
  it("Shanghai: the same text under 四、部门预算编制说明 and 六、其他相关情况说明（一）…（五）, nothing dropped", async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    const [henan] = deriveAll(budget, catalog, "henan13");
    const [shanghai] = deriveAll(budget, catalog, "shanghai-district-2025");
    const sections = shanghai!.narrative.parts[1]!.sections;
    expect(sections.map((s) => s.title)).toEqual([
      "四、部门预算编制说明",
      "六、其他相关情况说明（一）“三公”经费预算情况说明",
      "六、其他相关情况说明（二）机关运行经费预算",
      "六、其他相关情况说明（三）政府采购预算情况",
      "六、其他相关情况说明（四）绩效目标设置情况",
      "六、其他相关情况说明（五）国有资产占有使用情况",
      "政府性基金预算支出预算情况说明",
      "国有资本经营预算支出预算情况说明",
      "专项转移支付项目情况",
    ]);
    // every sentence of Henan's 第二部分 is printed, the numbered lead-ins of 十、其他重要事项 left to the headings
    const all = sections.flatMap((s) => s.paragraphs).join("\n");
    for (const p of henan!.narrative.parts[1]!.sections.flatMap((s) => s.paragraphs)) expect(all).toContain(p.replace(/^（[一二三四五]）[^。]*。/, ""));
    expect(sections[4]!.paragraphs[0]).toMatch(/^洛龙区社区治理和服务创新办公室2021年共有预算项目/);
  });

  it("Jiangsu: its headings numbered on, without a gap where a heading has no text", async () => {
    const { budget } = await readBudget("test/fixtures/jiangsu-sample-2021");
    const [d] = deriveAll(budget, catalog, "jiangsu-province");
    const titles = d!.narrative.parts[1]!.sections.map((s) => s.title);
    expect(titles.slice(0, 5)).toEqual(["一、收支预算总体情况说明", "二、收入预算情况说明", "三、支出预算情况说明", "四、财政拨款收支预算总体情况说明", "五、一般公共预算支出预算情况说明"]);
    expect(titles.every((t, i) => t.startsWith(`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"][i]}、`))).toBe(true);
  });
});
