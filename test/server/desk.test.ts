/**
 * 财政局工作台 — the desk's API on PGlite and PostgreSQL: who sees which departments, the figures of each
 * row against the budget's own check, sorting and paging, the reminders of what is late; and the batch
 * import of line items, all or nothing per department, with its saved mapping and its refusals.
 */
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { toContent } from "../../src/server/budget-content.ts";
import { createBudget, saveVersion, setState } from "../../src/store/repos/budgets.ts";
import { addRegion } from "../../src/store/repos/regions.ts";
import { createDepartment, createUnit } from "../../src/store/repos/tenancy.ts";
import { BACKENDS, pgliteBackend } from "../store/databases.ts";
import { SAMPLE_TEXT, type World, buildWorld, currentVersion } from "./world.ts";

const TODAY = "2021-03-10";
/** 洛龙区民政局 (314): the sample's content under another department and unit code. */
const text314 = SAMPLE_TEXT.replaceAll("313001", "314001").replace('code: "313"', 'code: "314"');

async function addBudget(w: World, departmentId: number, text: string): Promise<number> {
  const b = parseBudgetText(text, "budget.yaml", "yaml");
  const id = await createBudget(w.db.db, departmentId, 2021);
  await w.db.db.transaction().execute((trx) => saveVersion(trx, { budgetId: id, expectedVersion: 0, content: toContent(b), lineItems: b.lineItems, authorId: null }));
  return id;
}

const sampleTotal = parseBudgetText(SAMPLE_TEXT, "budget.yaml", "yaml").lineItems.reduce((s, l) => s + l.amount, 0);

describe.each(BACKENDS)("bureau desk on $name", (backend) => {
  let w: World;
  let budget314: number;
  let childDept: number;

  beforeAll(async () => {
    w = await buildWorld(backend);
    budget314 = await addBudget(w, w.dept314, text314);
    // 314 was submitted on 2021-02-20 and still waits for review on TODAY (18 days)
    await setState(w.db.db, budget314, "department-approved");
    await w.db.db.insertInto("budget_transitions").values({ budget_id: budget314, action: "submit", from_state: "draft", to_state: "submitted", actor_id: null, at: "2021-02-20T02:00:00Z", comment: null, on_date: null }).execute();
    // a region under the administrator's (洛龙区 made a 市-level region for this), with a department that has no budget yet
    await w.db.db.updateTable("regions").set({ level: "city" }).where("id", "=", w.regionA).execute();
    const county = await addRegion(w.db.db, { code: "410311001", name: "某街道", parentId: w.regionA });
    childDept = await createDepartment(w.db.db, county, "901", "街道办事处");
    await createUnit(w.db.db, childDept, "901001", "街道办事处机关");
  }, 120_000);
  afterAll(() => w?.close());

  const desk = (who: keyof World["clients"], query = "") => w.clients[who].request("GET", `/api/desk?year=2021&today=${TODAY}${query}`);

  it("is for finance reviewers and administrators, each over their own reach", async () => {
    expect((await desk("anonymous")).statusCode).toBe(401);
    expect((await desk("preparer")).statusCode).toBe(403);
    expect((await desk("approver")).statusCode).toBe(403);
    const reviewer = (await desk("reviewer")).json();
    expect(reviewer.rows.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(["313"]);
    const other = (await desk("otherReviewer")).json();
    expect(other.rows.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(["314"]);
    // the administrator of 洛龙区 sees its departments and those of the region under it (a fresh session: inReach)
    const admin = (await desk("admin")).json();
    expect(admin.rows.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(["313", "314", "901"]);
    expect(admin.counts).toMatchObject({ departments: 3, budgets: 2 });
    const otherAdmin = (await desk("otherAdmin")).json();
    expect(otherAdmin.rows.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(["501"]);
  });

  it("shows each budget's state, control figures against its total, and the findings its check gives", async () => {
    const body = (await desk("admin")).json();
    const r313 = body.rows.find((r: { departmentCode: string }) => r.departmentCode === "313");
    expect(r313).toMatchObject({ budgetId: w.budget, state: "draft", total: sampleTotal, control: sampleTotal, difference: 0, approvedOn: null, daysWaiting: null });
    const check = (await w.clients.approver.request("GET", `/api/budgets/${w.budget}/check`)).json();
    const errors = check.findings.filter((f: { severity: string }) => f.severity === "error").length;
    const unexplained = check.findings.filter((f: { severity: string; explanation?: unknown }) => f.severity === "warning" && !f.explanation).length;
    expect([r313.errors, r313.warnings]).toEqual([errors, unexplained]);
    expect(unexplained).toBeGreaterThan(0);
    // explaining a warning changes the count without a new version, counted as the explanation is written
    const warning = check.findings.find((f: { severity: string }) => f.severity === "warning");
    expect((await w.clients.approver.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: warning.rule, locationKey: warning.locationKey, text: "说明" })).statusCode).toBe(200);
    expect(await w.db.db.selectFrom("budget_checks").select("warnings").where("budget_id", "=", w.budget).executeTakeFirstOrThrow()).toEqual({ warnings: unexplained - 1 });
    const again = (await desk("admin")).json().rows.find((r: { departmentCode: string }) => r.departmentCode === "313");
    expect(again.warnings).toBe(unexplained - 1);
    const r314 = body.rows.find((r: { departmentCode: string }) => r.departmentCode === "314");
    expect(r314).toMatchObject({ state: "department-approved", control: null, difference: null, submittedOn: "2021-02-20", daysWaiting: 18, reminders: ["review-waiting"] });
    const r901 = body.rows.find((r: { departmentCode: string }) => r.departmentCode === "901");
    expect(r901).toMatchObject({ budgetId: null, state: null, total: null, errors: null, reminders: [] });
  });

  it("sorts by each column and pages", async () => {
    const codes = async (q: string) => (await desk("admin", q)).json().rows.map((r: { departmentCode: string }) => r.departmentCode);
    expect(await codes("&sort=daysWaiting&order=desc")).toEqual(["314", "313", "901"]);
    expect(await codes("&sort=state&order=asc")).toEqual(["313", "314", "901"]);
    expect(await codes("&sort=state&order=desc")).toEqual(["314", "313", "901"]);
    expect(await codes("&sort=department&order=desc")).toEqual(["901", "314", "313"]);
    expect(await codes("&sort=control&order=desc")).toEqual(["313", "314", "901"]);
    for (const sort of ["region", "total", "difference", "daysSinceApproval", "errors", "warnings"]) {
      const res = await desk("admin", `&sort=${sort}&order=desc`);
      expect(res.statusCode, sort).toBe(200);
      expect(res.json().rows).toHaveLength(3);
    }
    const page2 = (await desk("admin", "&pageSize=2&page=2")).json();
    expect(page2.rows.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(["901"]);
    expect(page2.counts.departments).toBe(3);
    expect((await desk("admin", "&sort=nonsense")).statusCode).toBe(400);
    expect((await desk("admin", "&pageSize=100000")).statusCode).toBe(400);
    expect((await w.clients.admin.request("GET", "/api/desk?year=2021&today=2021-13-45")).statusCode).toBe(400);
  });

  it("reminds of publications past the 20 days after 批复 and of reviews waiting too long", async () => {
    const first = (await desk("admin")).json();
    expect(first.reminders.map((r: { kind: string; departmentCode: string }) => `${r.departmentCode}:${r.kind}`)).toEqual(["314:review-waiting"]);
    expect(first.reminders[0].message).toMatch(/^已提交 18 天，仍待审核/);
    // a longer allowance: 18 days is within it
    expect((await desk("admin", "&reviewDays=20")).json().reminders).toEqual([]);
    // 313 approved 21 days before TODAY, not published: one day late
    await setState(w.db.db, w.budget, "approved", { approvedOn: "2021-02-17" });
    try {
      const body = (await desk("admin", "&sort=daysSinceApproval&order=desc")).json();
      const r313 = body.rows[0];
      expect(r313).toMatchObject({ departmentCode: "313", approvedOn: "2021-02-17", publishBy: "2021-03-09", daysSinceApproval: 21, reminders: ["publication-late"] });
      expect(body.counts).toMatchObject({ publicationLate: 1, reviewWaiting: 1, overControl: 0 });
      // most overdue first: 314 waits 8 days past its allowance, 313 is 1 day past its deadline
      expect(body.reminders.map((r: { kind: string; departmentCode: string }) => `${r.departmentCode}:${r.kind}`)).toEqual(["314:review-waiting", "313:publication-late"]);
      expect(body.reminders[1].message).toMatch(/^批复已 21 天仍未公开/);
      // on the 20th day it is not yet late
      const onTime = (await w.clients.admin.request("GET", "/api/desk?year=2021&today=2021-03-09")).json();
      expect(onTime.counts.publicationLate).toBe(0);
    } finally {
      await setState(w.db.db, w.budget, "draft", { approvedOn: null });
    }
  });

  it("counts a version's findings when it is saved, so the desk reads them; older versions are counted on read", async () => {
    await setState(w.db.db, w.budget, "draft");
    const before = await currentVersion(w);
    const { content } = (await w.clients.approver.request("GET", `/api/budgets/${w.budget}`)).json();
    const res = await w.clients.approver.request("PUT", `/api/budgets/${w.budget}`, { version: before, content, note: "保存" });
    expect(res.statusCode).toBe(200);
    const checkRow = () => w.db.db.selectFrom("budget_checks").selectAll().where("budget_id", "=", w.budget).executeTakeFirst();
    const atSave = await checkRow();
    expect(atSave).toMatchObject({ version: before + 1 });
    // the count is the budget's own check: errors, and warnings without an explanation
    const check = (await w.clients.approver.request("GET", `/api/budgets/${w.budget}/check`)).json();
    const errors = check.findings.filter((f: { severity: string }) => f.severity === "error").length;
    const unexplained = check.findings.filter((f: { severity: string; explanation?: unknown }) => f.severity === "warning" && !f.explanation).length;
    expect([atSave!.errors, atSave!.warnings]).toEqual([errors, unexplained]);
    // the desk answers from the row without counting again (the row is not rewritten)
    const row313 = async () => (await desk("admin")).json().rows.find((r: { departmentCode: string }) => r.departmentCode === "313");
    const read = await row313();
    expect([read.version, read.errors, read.warnings]).toEqual([before + 1, errors, unexplained]);
    expect((await checkRow())!.checked_at).toEqual(atSave!.checked_at);
    // a version saved before counting at save time had no row: the desk counts it on read, to the same answer
    await w.db.db.deleteFrom("budget_checks").where("budget_id", "=", w.budget).execute();
    const recounted = await row313();
    expect([recounted.version, recounted.errors, recounted.warnings]).toEqual([before + 1, errors, unexplained]);
    expect(await checkRow()).toMatchObject({ version: before + 1, errors, warnings: unexplained });
    // a new budget (POST /api/budgets) is counted as it is created
    const created = await w.clients.approver.request("POST", "/api/budgets", { departmentId: w.dept313, year: 2031 });
    expect(created.statusCode).toBe(201);
    const newId = created.json().budget.id as number;
    expect(await w.db.db.selectFrom("budget_checks").select("version").where("budget_id", "=", newId).executeTakeFirst()).toEqual({ version: 1 });
  });

  describe("batch import of line items", () => {
    const header = "部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,项目编码,金额,摘要";

    it("imports each department on its own: one department's bad row refuses that department only", async () => {
      // 314 back to a draft, so both could take an import
      await setState(w.db.db, budget314, "draft");
      const before314 = await currentVersion(w, budget314);
      const before313 = await currentVersion(w);
      const csv = [
        header,
        "313,313001,2080208,30101,基本支出,财政拨款,,413500.00,基本工资",
        "313,313001,2080208,30201,基本支出,财政拨款,,20000,办公费",
        "314,314001,2080208,30101,基本支出,财政拨款,,100000,基本工资",
        "314,314001,2080208,30201,基本支出,财政拨款,,一万元,办公费",
      ].join("\n");
      const res = await w.clients.admin.upload("/api/desk/import?year=2021", "export.csv", csv);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ file: "export.csv", imported: 1, refused: 1 });
      const [d313, d314] = body.departments;
      expect(d313).toMatchObject({ department: "313", status: "imported", lineItems: 2, version: before313 + 1, problems: [] });
      expect(d314).toMatchObject({ department: "314", status: "refused", lineItems: 0 });
      expect(d314.problems).toEqual([expect.objectContaining({ file: "export.csv", line: 5 })]);
      expect(d314.problems[0].message).toMatch(/^金额：/);
      expect(await currentVersion(w, budget314)).toBe(before314);
      const items = await w.db.db.selectFrom("line_items").select(["economic", "amount"]).where("budget_id", "=", w.budget).orderBy("position").execute();
      expect(items).toEqual([{ economic: "30101", amount: 41_350_000 }, { economic: "30201", amount: 2_000_000 }]);
      // the import counted the new version's findings as it saved it, before any desk request
      const counted = await w.db.db.selectFrom("budget_checks").select("version").where("budget_id", "=", w.budget).executeTakeFirstOrThrow();
      expect(counted.version).toBe(before313 + 1);
      // the desk sees the new total and the new version's findings
      const r313 = (await desk("admin")).json().rows.find((r: { departmentCode: string }) => r.departmentCode === "313");
      expect(r313.total).toBe(43_350_000);
      expect(r313.version).toBe(before313 + 1);
    });

    it("refuses a department outside the desk, a unit of another department, and a budget past 草稿", async () => {
      const csv = [header, "314,314001,2080208,30101,基本支出,财政拨款,,1,x", "313,314001,2080208,30101,基本支出,财政拨款,,1,x", "999,999001,2080208,30101,基本支出,财政拨款,,1,x"].join("\n");
      // the reviewer of division A1 covers 313 only
      const body = (await w.clients.reviewer.upload("/api/desk/import?year=2021", "e.csv", csv)).json();
      expect(body.departments.map((d: { department: string; status: string }) => `${d.department}:${d.status}`)).toEqual(["314:refused", "313:refused", "999:refused"]);
      expect(body.departments[0].problems[0]).toMatchObject({ file: "e.csv", line: 2 });
      expect(body.departments[1].problems[0].message).toMatch(/单位 314001 不是/);
      await setState(w.db.db, budget314, "submitted");
      try {
        const late = (await w.clients.admin.upload("/api/desk/import?year=2021", "e.csv", [header, "314,314001,2080208,30101,基本支出,财政拨款,,1,x"].join("\n"))).json();
        expect(late.departments[0]).toMatchObject({ status: "refused" });
        expect(late.departments[0].problems[0].message).toMatch(/只有草稿可以修改/);
      } finally {
        await setState(w.db.db, budget314, "draft");
      }
      expect((await w.clients.preparer.upload("/api/desk/import?year=2021", "e.csv", csv)).statusCode).toBe(403);
    });

    it("refuses a file the mapping does not fit, naming the file and the column; nothing changes", async () => {
      const before = await currentVersion(w);
      const res = await w.clients.admin.upload("/api/desk/import?year=2021", "wrong.csv", "部门,单位编码\n313,313001\n");
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.message).toMatch(/^文件 wrong\.csv 无法导入/);
      expect(err.message).toContain("部门编码");
      expect(err.details.problems[0]).toMatchObject({ file: "wrong.csv", line: 1 });
      expect(await currentVersion(w)).toBe(before);
      const broken = await w.clients.admin.upload("/api/desk/import?year=2021", "broken.xlsx", Buffer.from("not a zip"));
      expect(broken.statusCode).toBe(422);
      expect(broken.json().error.message).toContain("broken.xlsx");
    });

    it("saves a region's mapping and reads an XLSX export through it, naming sheet and cell", async () => {
      const defaults = (await w.clients.admin.request("GET", "/api/desk/mapping")).json();
      expect(defaults.saved).toBe(false);
      const mapping = { columns: { department: "预算部门", unit: "预算单位", functional: "功能科目", economic: "经济科目", nature: "支出类型", source: "资金性质", amount: "金额（万元）" }, amountUnit: "万元" };
      expect((await w.clients.admin.request("PUT", "/api/desk/mapping", mapping)).statusCode).toBe(200);
      expect((await w.clients.admin.request("GET", "/api/desk/mapping")).json()).toMatchObject({ saved: true, mapping });
      expect((await w.clients.preparer.request("PUT", "/api/desk/mapping", mapping)).statusCode).toBe(403);

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("支出明细");
      ws.addRow(["预算部门", "预算单位", "功能科目", "经济科目", "支出类型", "资金性质", "金额（万元）"]);
      ws.addRow(["313", "313001", "2080208", "30101", "基本", "财政拨款", 41.35]);
      ws.addRow(["314", "314001", "2080208", "30101", "基本", "财政拨款", 10]);
      ws.addRow(["314", "314001", "2080208", "30101", "基本", "没有这种来源", 10]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const body = (await w.clients.admin.upload("/api/desk/import?year=2021", "一体化导出.xlsx", bytes)).json();
      expect(body.departments[0]).toMatchObject({ department: "313", status: "imported", lineItems: 1 });
      expect(body.departments[1]).toMatchObject({ department: "314", status: "refused" });
      expect(body.departments[1].problems[0]).toMatchObject({ file: "一体化导出.xlsx", sheet: "支出明细", cell: "F4" });
      const items = await w.db.db.selectFrom("line_items").select("amount").where("budget_id", "=", w.budget).execute();
      expect(items).toEqual([{ amount: 41_350_000 }]);
      const log = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'desk.import'`.execute(w.db.db);
      expect(log.rows[0]!.n).toBeGreaterThan(0);
    });
  });
});

describe("bureau desk import: the upload limit of the other upload routes", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(pgliteBackend, { maxUploadBytes: 2048 });
  }, 120_000);
  afterAll(() => w?.close());

  it("answers 413 for a file one byte over the limit, and saves nothing", async () => {
    const before = await currentVersion(w);
    const head = "部门编码,单位编码,支出功能分类科目,部门预算支出经济分类科目,支出性质,资金来源,项目编码,金额,摘要\n";
    const body = head + "313,313001,2080208,30101,基本,财政拨款,,1,x\n".repeat(100);
    const over = Buffer.from(body).subarray(0, 2049);
    const res = await w.clients.admin.upload("/api/desk/import?year=2021", "big.csv", over);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/^文件超过上传上限/);
    expect(await currentVersion(w)).toBe(before);
    const fits = await w.clients.admin.upload("/api/desk/import?year=2021", "ok.csv", head + "313,313001,2080208,30101,基本,财政拨款,,1,x\n");
    expect(fits.statusCode).toBe(200);
    expect(await currentVersion(w)).toBe(before + 1);
  });
});
