/** Budget files: YAML and JSON read to the same model; bad files give messages naming file, line and field. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { parseBudgetText, readBudget } from "../src/formats/budget-file/read.ts";
import { InputError } from "../src/formats/errors.ts";

const minimal = `year: 2021
department: { code: "901", name: 测试部门 }
units:
  - { code: "901001", name: 测试单位, type: 行政 }
lineItems:
  - { unit: "901001", functional: "2010101", economic: "30101", nature: 基本, source: 财政拨款, amount: 12345.67 }
profile: { duties: [], organisation: "" }
`;

function problemsOf(text: string, format: "yaml" | "json" = "yaml") {
  try {
    parseBudgetText(text, "budget.yaml", format);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("budget files", () => {
  it("reads amounts in 元 and 万元 as exact 分", () => {
    const b = parseBudgetText(minimal, "budget.yaml", "yaml");
    expect(b.lineItems[0]!.amount).toBe(1234567);
    const w = parseBudgetText(minimal.replace("amount: 12345.67", 'amount: "1.234567万元"'), "b.yaml", "yaml");
    expect(w.lineItems[0]!.amount).toBe(1234567);
  });

  it("names the line and field of a bad amount", () => {
    const [p] = problemsOf(minimal.replace("amount: 12345.67", "amount: 12.345"));
    expect(p).toMatchObject({ file: "budget.yaml", where: "第6行 / line 6", field: "lineItems[0].amount" });
    expect(p!.message).toMatch(/精度/);
  });

  it("names an unknown field", () => {
    const [p] = problemsOf(minimal.replace("type: 行政", "type: 行政, colour: red"));
    expect(p!.field).toBe("units[0]");
    expect(p!.message).toContain("未知字段 / unknown field: colour");
    expect(p!.where).toBe("第4行 / line 4");
  });

  it("names an unknown enum value in Chinese and English", () => {
    const [p] = problemsOf(minimal.replace("source: 财政拨款", "source: 自筹"));
    expect(p!.field).toBe("lineItems[0].source");
    expect(p!.message).toContain("未知的资金来源");
  });

  it("reports a missing required field at its parent", () => {
    const [p] = problemsOf(minimal.replace("units:\n  - { code: \"901001\", name: 测试单位, type: 行政 }\n", ""));
    expect(p!.field).toBe("units");
    expect(p!.message).toContain("缺少必填字段");
  });

  it("reports YAML syntax errors with a line", () => {
    const [p] = problemsOf(`${minimal}bad: [unclosed\n`);
    expect(p!.where).toMatch(/^第\d+行/);
    expect(p!.message).toContain("YAML 格式错误");
  });

  it("reports JSON syntax errors with a line", () => {
    const [p] = problemsOf('{\n  "year": 2021,\n  oops\n}', "json");
    expect(p!.where).toBe("第3行 / line 3");
  });

  it("makes units, prior-year figures and procurement rows in one shape, whichever optional fields a file writes", () => {
    const text = `year: 2021
department: { code: "901", name: 测试部门 }
units:
  - { code: "901001", name: 测试单位, type: 行政 }
  - code: "901002"
    name: 测试二
    type: 事业
    reasons: { total: 人员增加 }
    prior: { year: 2020, total: 100 }
  - code: "901003"
    name: 测试三
    type: 参公
    prior: { year: 2020, basic: 5, threePublic: { abroad: 0, reception: 1, vehiclePurchase: 0, vehicleOperation: 2 } }
lineItems: []
procurement:
  - { unit: "901001", kind: goods, amount: 5 }
  - { unit: "901002", kind: services, amount: 6, project: P1, item: 物业 }
prior: { year: 2020, procurement: 3 }
profile: { duties: [], organisation: "" }
`;
    const b = parseBudgetText(text, "budget.yaml", "yaml");
    const unitKeys = ["code", "name", "type", "staffing", "prior", "reasons", "targets", "assets", "exempt"];
    for (const u of b.units) expect(Object.keys(u)).toEqual(unitKeys);
    const priorKeys = Object.keys(b.prior!);
    expect(priorKeys[0]).toBe("year");
    for (const p of [b.units[1]!.prior!, b.units[2]!.prior!]) expect(Object.keys(p)).toEqual(priorKeys);
    // the values are those written; the fields not written are undefined (and are not written back)
    expect(b.units[1]!.prior).toMatchObject({ year: 2020, total: 10000 });
    expect(b.units[2]!.prior!.threePublic).toEqual({ abroad: 0, reception: 100, vehiclePurchase: 0, vehicleOperation: 200 });
    expect(b.units[0]!.prior).toBeUndefined();
    for (const p of b.procurement) expect(Object.keys(p)).toEqual(["unit", "kind", "amount", "project", "item", "economic", "organisation"]);
    const written = budgetToFile(b) as { units: Record<string, unknown>[]; prior: Record<string, unknown> };
    expect(Object.keys(written.units[0]!)).toEqual(["code", "name", "type", "staffing"]);
    expect(written.prior).toEqual({ year: 2020, procurement: "3.00" });
  });

  it("YAML → model → YAML and JSON give the same budget (the sample)", async () => {
    const { budget } = await readBudget("examples/luolong-shequ-2021");
    const file = budgetToFile(budget);
    const again = parseBudgetText(stringify(file), "x.yaml", "yaml");
    expect(again).toEqual(budget);
    const fromJson = parseBudgetText(JSON.stringify(file), "x.json", "json");
    expect(fromJson).toEqual(budget);
  });

  it("reads the same budget without locations (a batch's check), only `locate` then answers nothing", async () => {
    const withPlaces = await readBudget("examples/luolong-shequ-2021");
    const without = await readBudget("examples/luolong-shequ-2021", { locations: false });
    expect(without.budget).toEqual(withPlaces.budget);
    expect(without.file).toBe(withPlaces.file);
    expect(withPlaces.locate("lineItems[0].amount")?.line).toBeGreaterThan(0);
    expect(without.locate("lineItems[0].amount")).toBeUndefined();
  });

  it("reads a directory or a file and refuses what is not there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-"));
    writeFileSync(join(dir, "budget.json"), JSON.stringify(budgetToFile(parseBudgetText(minimal, "m", "yaml"))));
    expect((await readBudget(dir)).file).toBe(join(dir, "budget.json"));
    await expect(readBudget(join(dir, "missing"))).rejects.toBeInstanceOf(InputError);
    const empty = mkdtempSync(join(tmpdir(), "yusuan-"));
    await expect(readBudget(empty)).rejects.toThrow(/没有预算文件/);
  });
});
