/**
 * 与上一份公开文件核对 — GET /api/public/publications/:id/compare on PGlite and PostgreSQL: the sample's 2021
 * budget and its 2022 budget (started from 2021) are stored as publications of 社创办 (313). A 2022 document
 * whose change against 2021 the 2021 publication contradicts is reported, naming both publications; the
 * correct 2022 version is compared with 2021 too (not with its previous version) and agrees; a correction of
 * 2021 is compared with its previous version; a department's first publication has no predecessor. Anyone
 * may ask; only department documents are read (a unit's file never shows in the answer).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { deriveAll } from "../../src/core/disclosure.ts";
import { nextYearBudget } from "../../src/core/execution/next-year.ts";
import { renderText } from "../../src/formats/text.ts";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { insertPublication } from "../../src/store/repos/publications.ts";
import { BACKENDS } from "../store/databases.ts";
import { type World, buildWorld, sampleBudget } from "./world.ts";

const text2021 = renderText(deriveAll(sampleBudget(), new CatalogIndex(builtInCatalog(2021)!), "henan13")[0]!);
const b2022 = nextYearBudget(sampleBudget()).budget;
const text2022 = renderText(deriveAll(b2022, new CatalogIndex(builtInCatalog(2022)!), "henan13")[0]!);
const edited2022 = text2022.replace("与2021年相比，基本支出持平", "与2021年相比，基本支出增加10.00万元");
/** in a unit's file only: must never appear in an answer */
const UNIT_ONLY = "单位文件专有文字UNIT-ONLY";

const file = (scope: string, text: string) => ({ scope, format: "txt", fileName: "disclosure.txt", contentType: "text/plain; charset=utf-8", content: new TextEncoder().encode(text), sha256: "0".repeat(64) });

interface Answer {
  publication: { id: number; year: number; number: number };
  predecessor: { id: number; year: number; number: number; relation: string } | null;
  findings: { rule: string; severity: string; message: string; expected?: string; actual?: string }[];
}

describe.each(BACKENDS)("a publication against its predecessor on $name", (backend) => {
  let w: World;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    w = await buildWorld(backend);
    // each department's budget of a year: its publications are its versions 1, 2 …
    const budgets = { "313/2021": w.budget, "313/2022": await createBudget(w.db.db, w.dept313, 2022), "314/2022": await createBudget(w.db.db, w.dept314, 2022) } as Record<string, number>;
    const publish = async (key: string, year: number, departmentCode: string, departmentName: string, files: ReturnType<typeof file>[]) => {
      ids[key] = (await insertPublication(w.db.db, { budgetId: budgets[`${departmentCode}/${year}`]!, budgetVersion: 1, publishedOn: `${year}-03-01`, publishedBy: null, changeNote: null, regionId: w.regionA, year, departmentCode, departmentName, title: `${departmentName}${year}年度部门预算`, files })).id;
    };
    const name = sampleBudget().department.name;
    await publish("2021", 2021, "313", name, [file("department", text2021), file("313001", `${text2021}\n${UNIT_ONLY}`)]);
    await publish("2022-edited", 2022, "313", name, [file("department", edited2022)]);
    await publish("2022", 2022, "313", name, [file("department", text2022)]);
    await publish("2021-corrected", 2021, "313", name, [file("department", text2021)]);
    await publish("314-first", 2022, "314", "洛龙区民政局", [file("department", text2022)]);
  }, 120_000);
  afterAll(async () => w?.close());

  const compare = async (id: number | string, who: "anonymous" | "preparer" | "otherAdmin" = "anonymous") => w.clients[who].request("GET", `/api/public/publications/${id}/compare`);

  it("a 2022 change the 2021 publication contradicts: cross.prior-year, naming both publications", { timeout: 120_000 }, async () => {
    const res = await compare(ids["2022-edited"]!);
    expect(res.statusCode).toBe(200);
    const a = res.json() as Answer;
    expect(a.publication).toMatchObject({ id: ids["2022-edited"], year: 2022 });
    // last year's latest version: the correction of 2021
    expect(a.predecessor).toMatchObject({ id: ids["2021-corrected"], year: 2021, number: 2, relation: "previous-year" });
    expect(a.findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([["cross.prior-year", "error", "182.88万元", "172.88万元"]]);
    expect(a.findings[0]!.message).toContain("2022年度部门预算（第1版）》");
    expect(a.findings[0]!.message).toContain("2021年度部门预算（第2版）》");
    expect(a.findings[0]!.message.split(" / ")).toHaveLength(2);
    // the same answer again (kept), and for a signed-in user of another region alike
    expect((await compare(ids["2022-edited"]!)).json()).toEqual(a);
    expect((await compare(ids["2022-edited"]!, "otherAdmin")).json()).toEqual(a);
  });

  it("the 2022 budget as rendered agrees with 2021; a correction of 2021 is compared with its previous version", { timeout: 120_000 }, async () => {
    const agreed = (await compare(ids["2022"]!, "preparer")).json() as Answer;
    expect(agreed.predecessor).toMatchObject({ year: 2021, relation: "previous-year" });
    expect(agreed.findings).toEqual([]);
    const corrected = (await compare(ids["2021-corrected"]!)).json() as Answer;
    expect(corrected.predecessor).toMatchObject({ id: ids["2021"], number: 1, relation: "previous-version" });
    expect(corrected.findings).toEqual([]);
  });

  it("a first publication has none; an unknown one is 404, a bad id 400; a unit's file is never read", async () => {
    const first = await compare(ids["314-first"]!);
    expect(first.statusCode).toBe(200);
    expect((first.json() as Answer).predecessor).toBeNull();
    const missing = await compare(999_999);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/^未找到公开版本.*publication not found$/);
    expect((await compare("abc")).statusCode).toBe(400);
    for (const id of Object.values(ids)) expect((await compare(id)).body).not.toContain(UNIT_ONLY);
  });

  it("is in the OpenAPI document with its answer's shape", async () => {
    const doc = (await w.clients.anonymous.request("GET", "/api/docs/json")).json();
    const op = doc.paths["/api/public/publications/{id}/compare"]?.get;
    expect(op.tags).toEqual(["public"]);
    const schema = op.responses["200"].content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["publication", "predecessor", "findings"]);
  });
});
