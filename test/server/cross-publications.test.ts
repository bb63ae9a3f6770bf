/**
 * 与已公开文件核对 — POST /api/audit compares an uploaded document with the region's publications of the same
 * department: the sample's 2021 budget is published through the workflow, then its 2022 budget (started from
 * 2021) is uploaded as a text document. As rendered it agrees with the publication; with a change against
 * 2021 edited, the answer's `across` names the finding, the upload and the publication (by id and title too).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { deriveAll } from "../../src/core/disclosure.ts";
import { nextYearBudget } from "../../src/core/execution/next-year.ts";
import { renderText } from "../../src/formats/text.ts";
import { BACKENDS } from "../store/databases.ts";
import { type Client, type World, buildWorld, sampleBudget } from "./world.ts";

async function publish(w: World): Promise<void> {
  const { preparer, approver, reviewer } = w.clients;
  const check = (await preparer.request("GET", `/api/budgets/${w.budget}/check`)).json();
  for (const f of check.findings.filter((x: { severity: string }) => x.severity === "warning")) {
    await preparer.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: `已核实：${f.rule}` });
  }
  const move = (c: Client, action: string, extra: object = {}) => c.request("POST", `/api/budgets/${w.budget}/transitions`, { action, ...extra });
  for (const [c, action, extra] of [[preparer, "submit", {}], [approver, "approve-department", {}], [reviewer, "approve-finance", {}], [reviewer, "record-approval", { date: "2021-02-10" }], [approver, "publish", { date: "2021-02-20" }]] as const) {
    expect((await move(c, action, extra)).statusCode).toBe(200);
  }
}

const b2022 = nextYearBudget(sampleBudget()).budget;
const text2022 = renderText(deriveAll(b2022, new CatalogIndex(builtInCatalog(2022)!), "henan13")[0]!);
const edited2022 = text2022.replace("与2021年相比，基本支出持平", "与2021年相比，基本支出增加10.00万元");

describe.each(BACKENDS)("audit of an upload against the region's publications on $name", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
    await publish(w);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it("the 2022 budget as rendered agrees with the published 2021 budget", { timeout: 120_000 }, async () => {
    expect(edited2022).not.toBe(text2022);
    const res = await w.clients.reviewer.upload("/api/audit", "社创办2022.txt", text2022);
    expect(res.statusCode).toBe(200);
    expect(res.json().summary.year).toBe(2022);
    expect(res.json().across).toEqual([]);
  });

  it("a 2022 change against 2021 that the publication contradicts is reported in across", { timeout: 120_000 }, async () => {
    const res = await w.clients.reviewer.upload("/api/audit", "社创办2022.txt", edited2022);
    expect(res.statusCode).toBe(200);
    const across = res.json().across as { rule: string; message: string; expected: string; actual: string }[];
    expect(across.map((f) => [f.rule, f.expected, f.actual])).toEqual([["cross.prior-year", "182.88万元", "172.88万元"]]);
    expect(across[0]!.message).toContain("《社创办2022.txt》");
    expect(across[0]!.message).toContain("2021年度部门预算（已公开）》");
    // one " / ", between the Chinese and the English halves (the web app shows one of them)
    expect(across[0]!.message.split(" / ")).toHaveLength(2);
    // the publication compared with, by id (its public page /p/:id) and title
    const listed = (await w.clients.anonymous.request("GET", "/api/public/regions/410311/publications?year=2021")).json().publications as { id: number; title: string }[];
    expect((across[0] as unknown as { publication: unknown }).publication).toEqual({ id: listed[0]!.id, title: listed[0]!.title, year: 2021, number: 1 });
  });
});
