/**
 * GET /api/budgets/:id/entry-workbook: the blank template for the budget's year, and the budget as a filled
 * entry workbook that imports back to exactly the same content (a new version, nothing changed).
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEET_ORDER } from "../../src/formats/entry-workbook/index.ts";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld, currentVersion } from "./world.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function sheetsOf(body: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets.map((s) => s.name);
}

describe.each(BACKENDS)("the entry workbook over the API on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  }, 180_000);
  afterAll(async () => w?.close());

  it("downloads a blank template with every sheet, named for the year", async () => {
    const res = await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/entry-workbook?template=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toContain("entry-template-2021.xlsx");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain("2021年度部门预算录入模板.xlsx");
    expect(await sheetsOf(res.rawPayload)).toEqual(expect.arrayContaining([...SHEET_ORDER]));
    // blank: importing it is refused, all-or-nothing, and the budget stays as it was
    const before = await currentVersion(w);
    const bad = await w.clients.preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "template.xlsx", res.rawPayload);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await currentVersion(w)).toBe(before);
  });

  it("downloads the budget filled in, which imports back to the same content", async () => {
    const before = await currentVersion(w);
    const original = (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}`)).json();
    const res = await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/entry-workbook`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("entry-workbook-313-2021.xlsx");
    const back = await w.clients.preparer.upload(`/api/budgets/${w.budget}/import?version=${before}`, "entry.xlsx", res.rawPayload);
    expect(back.statusCode).toBe(200);
    expect(back.json().version).toBe(before + 1);
    const after = (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}`)).json();
    expect(after.content).toEqual(original.content);
    const items = async () => (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/line-items`)).json().lineItems;
    expect((await items()).length).toBeGreaterThan(0);
    const versions = (await w.clients.preparer.request("GET", `/api/budgets/${w.budget}/versions`)).json().versions as { number: number; diff?: unknown }[];
    expect(versions.length).toBeGreaterThan(1);
  });
});
