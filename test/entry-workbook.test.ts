/**
 * The Excel entry workbook: the template's sheets, validations and frozen headers; a budget written into it
 * reads back exactly; a workbook filled by hand (as a person types) reads to the budget the same YAML gives;
 * bad workbooks are refused as a whole with messages naming sheet and cell.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveDisclosure } from "../src/core/disclosure.ts";
import type { Budget } from "../src/core/model.ts";
import { fen } from "../src/core/money.ts";
import { parseBudgetText, readBudget } from "../src/formats/budget-file/read.ts";
import { SHEET, SHEET_ORDER, parseEntryWorkbook, readEntryWorkbook, registerXlsxReader, writeEntryTemplate, writeEntryWorkbook } from "../src/formats/entry-workbook/index.ts";
import { InputError, type InputProblem } from "../src/formats/errors.ts";

const catalog = builtInCatalog(2021)!;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

async function problemsOf(bytes: Uint8Array, name = "budget.xlsx"): Promise<InputProblem[]> {
  try {
    await parseEntryWorkbook(bytes, name);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

/** Sets the value of a key/value row (found by its label) in the 部门 column (C) or another column. */
function kvSet(ws: ExcelJS.Worksheet, label: string, value: ExcelJS.CellValue, col = 3): void {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === label) {
      ws.getCell(r, col).value = value;
      return;
    }
  }
  throw new Error(`no row ${label} in ${ws.name}`);
}

/** A cell's own number format (a loaded workbook shares style objects between cells: never mutate them). */
function setFormat(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

function typeRow(ws: ExcelJS.Worksheet, row: number, values: ExcelJS.CellValue[]): void {
  values.forEach((v, i) => {
    if (v !== undefined && v !== null && v !== "") ws.getCell(row, i + 1).value = v;
  });
}

let sample: Budget;
let sampleXlsx: Uint8Array;

beforeAll(async () => {
  sample = (await readBudget("examples/luolong-shequ-2021")).budget;
  sampleXlsx = await writeEntryWorkbook(sample, catalog);
});

describe("the entry template", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await writeEntryTemplate({ year: 2021, catalog }));
  });

  it("has every sheet, in order, the reference sheet last", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...SHEET_ORDER]);
    expect(wb.worksheets.at(-1)!.name).toBe(SHEET.codes);
  });

  it("has bold, frozen, annotated headers on every data sheet", () => {
    for (const ws of wb.worksheets) {
      if (ws.name === SHEET.guide) continue;
      expect(ws.views[0], ws.name).toMatchObject({ state: "frozen", ySplit: 1 });
      ws.getRow(1).eachCell((cell) => {
        expect(cell.font?.bold, `${ws.name}!${cell.address}`).toBe(true);
        expect(cell.note, `${ws.name}!${cell.address} has a note`).toBeTruthy();
      });
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(8);
    }
  });

  it("lists the headers the issue names", () => {
    const headers = (name: string) => (sheet(wb, name).getRow(1).values as unknown[]).filter(Boolean);
    expect(headers(SHEET.units)).toEqual(["代码", "名称", "类型", "编制数", "实有人数", "离退休人数", "不予公开", "不予公开理由"]);
    expect(headers(SHEET.lineItems)).toEqual(["单位代码", "功能分类科目编码", "经济分类科目编码", "支出性质", "项目编码", "资金来源", "金额（元）", "摘要"]);
    expect(headers(SHEET.projects)).toEqual(["项目编码", "项目名称", "单位代码", "项目类别", "功能分类科目编码", "是否专项转移支付", "项目绩效目标", "不予公开", "不予公开理由"]);
    expect(headers(SHEET.indicators)).toEqual(["归属", "一级指标", "二级指标", "三级指标", "指标值", "指标解释", "指标说明"]);
    const dept = sheet(wb, SHEET.department);
    expect([2, 3, 4, 5, 6, 7].map((r) => dept.getCell(r, 1).value)).toEqual(["预算年度", "部门编码", "部门名称", "简称", "区划", "编制日期"]);
    expect(dept.getCell(2, 3).value).toBe(2021);
  });

  it("has list validations for enums and codes, amount and text formats", () => {
    const lines = sheet(wb, SHEET.lineItems);
    const functional = lines.getCell("B2").dataValidation;
    expect(functional).toMatchObject({ type: "list", formulae: ["'科目'!$A$2:$A$487"] });
    expect(lines.getCell("C500").dataValidation).toMatchObject({ type: "list", formulae: ["'科目'!$D$2:$D$113"] });
    expect(lines.getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: ['"基本,项目,预留机动,结转下年"'] });
    expect(lines.getCell("F2").dataValidation.formulae[0]).toContain("财政拨款");
    expect(lines.getCell("G2").numFmt).toBe("#,##0.00");
    expect(lines.getCell("B2").numFmt).toBe("@");
    expect(sheet(wb, SHEET.units).getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"行政,参公,事业"'] });
    expect(sheet(wb, SHEET.projects).getCell("D2").dataValidation.formulae[0]).toContain("一般性项目");
    expect(sheet(wb, SHEET.projects).getCell("E2").dataValidation.formulae[0]).toBe("'科目'!$A$2:$A$487");
    expect(sheet(wb, SHEET.procurement).getCell("B2").dataValidation.formulae[0]).toBe('"货物,工程,服务"');
    // The 科目 sheet holds what the ranges point at.
    const codes = sheet(wb, SHEET.codes);
    expect(codes.getCell("A1").value).toBe("功能分类科目编码");
    expect(codes.getCell("A487").value).toMatch(/^\d{7}$/);
    expect(codes.getCell("A488").value).toBeNull();
    expect(codes.getCell("D113").value).toMatch(/^\d{5,7}$/);
    const functionalCodes = new Set(Array.from({ length: 486 }, (_, i) => codes.getCell(i + 2, 1).value));
    expect(functionalCodes.has("2080208")).toBe(true);
  });

  it("explains units, codes, 万元 and the all-or-nothing import in Chinese", () => {
    const text = sheet(wb, SHEET.guide)
      .getColumn(1)
      .values.filter((v): v is string => typeof v === "string")
      .join("\n");
    expect(text).toContain("“元”为单位");
    expect(text).toContain("41.35万元");
    expect(text).toContain("按文字填写");
    expect(text).toContain("整本不导入");
    expect(text).toContain("支出明细!G7");
  });

  it("an empty template is refused with the cells to fill", async () => {
    const problems = await problemsOf(await writeEntryTemplate({ year: 2021, catalog }), "模板.xlsx");
    expect(problems.map((p) => p.where)).toEqual(["部门!C3", "部门!C4", "单位!A2"]);
  });
});

describe("a budget written into the workbook", () => {
  it("reads back exactly (the sample)", async () => {
    const back = await parseEntryWorkbook(sampleXlsx, "budget.xlsx");
    expect(back).toEqual(sample);
  });

  it("gives the same disclosure as the YAML it came from", async () => {
    const index = new CatalogIndex(catalog);
    const back = await parseEntryWorkbook(sampleXlsx, "budget.xlsx");
    expect(JSON.stringify(deriveDisclosure(back, index))).toBe(JSON.stringify(deriveDisclosure(sample, index)));
  });

  it("keeps everything a budget can hold: units' own figures, income, procurement, extra vehicles and 类", async () => {
    const unit = sample.units[0]!;
    const rich: Budget = {
      ...sample,
      units: [
        {
          ...unit,
          staffing: { authorized: 12, actual: 11, retired: 0 },
          prior: { year: 2020, total: fen(25180300), threePublic: { abroad: fen(0), reception: fen(120050), vehiclePurchase: fen(0), vehicleOperation: fen(0) }, byClass: { "208": fen(25000000) } },
          reasons: { total: "单位的原因", assets: "资产说明" },
          targets: { goals: ["单位目标"], tasks: [{ name: "任务", content: "内容", funds: { kind: "projects", codes: ["313001-1", "313001-2"] }, note: "备注" }], indicators: [{ level1: "履职效能", level2: "", level3: "完成率", target: { kind: "numeric", comparator: "≥", value: "95", unit: "%" } }] },
          assets: { asOf: "2020-12-31", vehicles: { 一般公务用车: 1, 应急保障用车: 2 }, generalEquipmentOver500k: 3, specialEquipmentOver1m: 0 },
        },
        { code: "313002", name: "洛龙区社区综合服务中心", type: "institution", staffing: {}, exempt: { basis: "涉密" } },
      ],
      income: [
        { unit: "313001", source: "gpb-appropriation", amount: fen(411791000) },
        { unit: "313002", source: "business-income", amount: fen(1) },
      ],
      procurement: [{ unit: "313001", kind: "services", amount: fen(9216000), project: "313001-1", item: "社会服务" }],
      prior: { ...sample.prior!, byClass: { "208": fen(251803000), "299": fen(5) } },
      projects: sample.projects.map((p, i) => (i === 0 ? { ...p, specialTransfer: false, goal: "目标\n第二行" } : i === 1 ? { ...p, exempt: { basis: "涉及国家秘密" } } : p)),
    };
    const back = await parseEntryWorkbook(await writeEntryWorkbook(rich, catalog), "rich.xlsx");
    expect(back).toEqual(rich);
  });

  const soffice = (process.env.PATH ?? "").split(delimiter).some((d) => d && existsSync(join(d, "soffice")));
  it.skipIf(!soffice)("reads back exactly after LibreOffice opened and saved it (rich text, its own styles)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-lo-"));
    writeFileSync(join(dir, "budget.xlsx"), sampleXlsx);
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "budget.xlsx")], { stdio: "ignore", timeout: 50_000 });
    const resaved = new Uint8Array(readFileSync(join(dir, "out", "budget.xlsx")));
    expect(await parseEntryWorkbook(resaved, "budget.xlsx")).toEqual(sample);
  });

  it("is read by readBudget once the reader is registered", async () => {
    registerXlsxReader();
    const dir = mkdtempSync(join(tmpdir(), "yusuan-xlsx-"));
    writeFileSync(join(dir, "budget.xlsx"), sampleXlsx);
    const { budget, file } = await readBudget(dir);
    expect(file).toBe(join(dir, "budget.xlsx"));
    expect(budget).toEqual(sample);
  });
});

describe("a workbook filled by hand", () => {
  const yaml = `year: 2021
date: "2021-02"
department: { code: "901", name: 测试部门, shortName: 测试 }
units:
  - { code: "901001", name: 测试单位, type: 行政, staffing: { authorized: 10, actual: 9, retired: 2 } }
lineItems:
  - { unit: "901001", functional: "2010101", economic: "30101", nature: 基本, source: 财政拨款, amount: 413500, memo: 基本工资 }
  - { unit: "901001", functional: "2010101", economic: "30201", nature: 基本, source: 财政拨款, amount: 5300, memo: 办公费 }
  - { unit: "901001", functional: "2010102", economic: "30299", nature: 项目, project: "901001-1", source: 财政拨款, amount: 12000.50 }
projects:
  - code: "901001-1"
    name: 信息化运维
    unit: "901001"
    class: 一般性项目
    functional: "2010102"
    specialTransfer: false
    goal: 保障系统运行
    indicators:
      - { level1: 产出指标, level2: 数量指标, level3: 系统数量, target: 2个 }
      - { level1: 满意度指标, level2: 服务对象满意度指标, level3: 用户满意度, target: "100%" }
targets:
  goals: [完成年度工作]
  tasks:
    - { name: 基本支出, content: 保障运转, funds: basic }
    - { name: 信息化, content: 运维, funds: ["901001-1"] }
  indicators:
    - { level1: 履职效能, level2: 工作目标管理情况, level3: 目标依据充分性, target: 充分性 }
assets: { asOf: "2020-12-31", vehicles: { 一般公务用车: 1 } }
prior: { year: 2020, total: 50万元 }
reasons: { total: 人员增加 }
profile: { duties: [职能一, 职能二], organisation: 内设2个股室 }
`;

  it("reads to the budget the same YAML gives (万元 text, codes typed as numbers, rich text, a percent cell)", async () => {
    const wb = await load(await writeEntryTemplate({ year: 2021, catalog }));
    const dept = sheet(wb, SHEET.department);
    kvSet(dept, "部门编码", 901);
    kvSet(dept, "部门名称", "测试部门");
    kvSet(dept, "简称", "  测试 ");
    kvSet(dept, "编制日期", "2021-02");
    typeRow(sheet(wb, SHEET.units), 2, ["901001", "测试单位", "行政", 10, "9", 2]);
    const lines = sheet(wb, SHEET.lineItems);
    typeRow(lines, 2, [901001, 2010101, "30101", "基本", "", "财政拨款", "41.35万元", "基本工资"]);
    // row 3 left empty: skipped
    typeRow(lines, 4, ["901001", "2010101", 30201, "基本", "", { richText: [{ text: "财政" }, { text: "拨款" }] }, 5300, "办公费"]);
    typeRow(lines, 5, ["901001", "2010102", "30299", "项目", "901001-1", "财政拨款", "12,000.50"]);
    typeRow(sheet(wb, SHEET.projects), 2, ["901001-1", "信息化运维", "901001", "一般性项目", "2010102", "否", "保障系统运行"]);
    const ind = sheet(wb, SHEET.indicators);
    typeRow(ind, 2, ["901001-1", "产出指标", "数量指标", "系统数量", "2个"]);
    typeRow(ind, 3, ["部门", "履职效能", "工作目标管理情况", "目标依据充分性", "充分性"]);
    typeRow(ind, 4, ["901001-1", "满意度指标", "服务对象满意度指标", "用户满意度", 1]);
    setFormat(ind.getCell("E4"), "0%");
    const tg = sheet(wb, SHEET.targets);
    typeRow(tg, 2, ["", "年度总体目标", "", "完成年度工作"]);
    typeRow(tg, 3, ["部门", "年度主要任务", "基本支出", "保障运转", "基本支出"]);
    typeRow(tg, 4, ["部门", "年度主要任务", "信息化", "运维", "901001-1"]);
    const assets = sheet(wb, SHEET.assets);
    // typed as a date: Excel gives the cell a date format
    kvSet(assets, "截至日期", new Date(Date.UTC(2020, 11, 31)));
    setFormat(assets.getCell("C2"), "yyyy/m/d");
    kvSet(assets, "车辆：一般公务用车", 1);
    const prior = sheet(wb, SHEET.prior);
    kvSet(prior, "上年年度", "2020");
    kvSet(prior, "收支总计", "50万元");
    const texts = sheet(wb, SHEET.texts);
    kvSet(texts, "原因说明：一、收支预算总体情况", "人员增加");
    const duties = [...Array(texts.rowCount).keys()].map((i) => i + 1).filter((r) => texts.getCell(r, 1).value === "主要职能");
    texts.getCell(duties[0]!, 3).value = "职能一";
    texts.getCell(duties[2]!, 3).value = "职能二";
    kvSet(texts, "机构设置", "内设2个股室");

    const fromXlsx = await parseEntryWorkbook(await save(wb), "手填.xlsx");
    const fromYaml = parseBudgetText(yaml, "budget.yaml", "yaml");
    expect(fromXlsx).toEqual(fromYaml);
    expect(fromXlsx.lineItems[0]!.amount).toBe(41350000);
    const index = new CatalogIndex(catalog);
    expect(JSON.stringify(deriveDisclosure(fromXlsx, index))).toBe(JSON.stringify(deriveDisclosure(fromYaml, index)));
  });
});

describe("bad workbooks", () => {
  async function sampleWith(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = await load(sampleXlsx);
    edit(wb);
    return save(wb);
  }

  it("a code with decimals names the sheet, cell and field", async () => {
    const problems = await problemsOf(await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("B3").value = 2080505.5)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "budget.xlsx", where: "支出明细!B3", field: "lineItems[1].functional" });
    expect(problems[0]!.message).toContain("编码不能是带小数");
  });

  it("a 不予公开理由 beside 否 names its cell; 是 without a reason is 涉密; a bad 是/否 names its cell", async () => {
    const [p] = await problemsOf(
      await sampleWith((wb) => {
        const units = sheet(wb, SHEET.units);
        units.getCell("G2").value = "否";
        units.getCell("H2").value = "涉密";
      }),
    );
    expect(p).toMatchObject({ where: "单位!H2", field: "units[0].exempt" });
    expect(p!.message).toContain("不予公开");
    const [q] = await problemsOf(await sampleWith((wb) => (sheet(wb, SHEET.projects).getCell("H3").value = "保密")));
    expect(q).toMatchObject({ where: "项目!H3", field: "projects[1].exempt" });
    expect(q!.message).toContain("应填“是”或“否”");
    const back = await parseEntryWorkbook(await sampleWith((wb) => (sheet(wb, SHEET.projects).getCell("H3").value = "是")), "b.xlsx");
    expect(back.projects[1]!.exempt).toEqual({ basis: "涉密" });
    expect(back.projects.filter((x) => x.exempt)).toHaveLength(1);
    expect(back.units[0]!.exempt).toBeUndefined();
  });

  it("a code typed as a whole number is fine", async () => {
    const back = await parseEntryWorkbook(await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("B3").value = 2080505)), "b.xlsx");
    expect(back).toEqual(sample);
  });

  it("an amount finer than 0.01 元 reads as the issue's example message", async () => {
    const bytes = await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("G7").value = "12.345"));
    const error = await parseEntryWorkbook(bytes, "budget.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^budget\.xlsx · 支出明细!G7 · lineItems\[5\]\.amount: 金额精度超过 0\.01 元/);
  });

  it("an amount that is not one", async () => {
    const [p] = await problemsOf(await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("G2").value = "一万元")));
    expect(p).toMatchObject({ where: "支出明细!G2", field: "lineItems[0].amount" });
    expect(p!.message).toContain("不是金额");
  });

  it("an unknown 资金来源 names the allowed values", async () => {
    const [p] = await problemsOf(await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("F4").value = "自筹")));
    expect(p).toMatchObject({ where: "支出明细!F4", field: "lineItems[2].source" });
    expect(p!.message).toContain("未知的资金来源");
    expect(p!.message).toContain("财政拨款");
  });

  it("reports every problem at once, in sheet and cell order, and never a partial budget", async () => {
    const problems = await problemsOf(
      await sampleWith((wb) => {
        const lines = sheet(wb, SHEET.lineItems);
        lines.getCell("F4").value = "自筹";
        lines.getCell("B3").value = 2080505.5;
        lines.getCell("A10").value = null;
        sheet(wb, SHEET.units).getCell("C2").value = "企业";
        sheet(wb, SHEET.projects).getCell("F2").value = "也许";
      }),
    );
    expect(problems.map((p) => p.where)).toEqual(["单位!C2", "支出明细!B3", "支出明细!F4", "支出明细!A10", "项目!F2"]);
    expect(problems[3]!.message).toContain("必填");
    expect(problems[4]!.message).toContain("是”或“否");
  });

  it("a missing 单位 sheet", async () => {
    const problems = await problemsOf(await sampleWith((wb) => wb.removeWorksheet(sheet(wb, SHEET.units).id)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain("缺少工作表“单位”");
  });

  it("an unknown header and a missing required column name their cells", async () => {
    const problems = await problemsOf(
      await sampleWith((wb) => {
        sheet(wb, SHEET.lineItems).getCell("H1").value = "用途";
        sheet(wb, SHEET.procurement).getCell("C1").value = "金额(万元)";
      }),
    );
    expect(problems.map((p) => p.where)).toEqual(["支出明细!H1", "政府采购!A1", "政府采购!C1"]);
    expect(problems[0]!.message).toContain("未知的表头“用途”");
    expect(problems[1]!.message).toContain("缺少“金额（元）”列");
  });

  it("an unknown row label and a unit column for a unit that does not exist", async () => {
    const problems = await problemsOf(
      await sampleWith((wb) => {
        const prior = sheet(wb, SHEET.prior);
        prior.getCell("A3").value = "比较基础";
        prior.getCell("D1").value = "单位:999";
        prior.getCell("D4").value = 100;
      }),
    );
    expect(problems.map((p) => p.where)).toEqual(["上年数!D1", "上年数!A3"]);
    expect(problems[0]!.message).toContain("没有代码为 999 的单位");
    expect(problems[1]!.message).toContain("未知的栏目“比较基础”");
  });

  it("a formula without a cached result is not read as empty", async () => {
    const [p] = await problemsOf(await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("G2").value = { formula: "1000+265" } as ExcelJS.CellFormulaValue)));
    expect(p).toMatchObject({ where: "支出明细!G2" });
    expect(p!.message).toContain("公式没有保存计算结果");
  });

  it("a formula with its result is read by the result", async () => {
    const bytes = await sampleWith((wb) => (sheet(wb, SHEET.lineItems).getCell("G2").value = { formula: "10000+4100", result: 14100 } as ExcelJS.CellFormulaValue));
    expect((await parseEntryWorkbook(bytes, "f.xlsx")).lineItems[0]!.amount).toBe(1410000);
  });

  it("a broken zip (random bytes) and a truncated workbook", async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    const [p] = await problemsOf(random);
    expect(p!.file).toBe("budget.xlsx");
    expect(p!.where).toBeUndefined();
    expect(p!.message).toContain("不是有效的 xlsx 文件");
    const [q] = await problemsOf(sampleXlsx.slice(0, sampleXlsx.length >> 1));
    expect(q!.message).toContain("不是有效的 xlsx 文件");
  });

  it("a text file renamed .xlsx", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-xlsx-"));
    const file = join(dir, "budget.xlsx");
    writeFileSync(file, "year: 2021\ndepartment: { code: \"901\", name: 测试 }\n");
    const error = await readEntryWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file });
    expect((error as InputError).message).toContain("内容是文本");
  });

  it("a legacy .xls and a file over 20 MB", async () => {
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await problemsOf(xls))[0]!.message).toContain("旧版 .xls");
    expect((await problemsOf(new Uint8Array(21 * 1024 * 1024)))[0]!.message).toContain("文件过大");
  });
});
